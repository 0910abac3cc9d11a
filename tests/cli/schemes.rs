//! `claimmap schemes` and the `scheme:` check.

use super::run;

#[test]
fn lists_the_catalogue_with_a_debates_own_schemes() {
    let r = run(&[
        "schemes",
        "tests/fixtures/unknown-scheme",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let list: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 13, "{ids:?}");
    assert_eq!(ids.last(), Some(&"eyewitness"));
    let expert = &list[0];
    assert_eq!(expert["id"], "expert-opinion");
    assert!(expert["questions"].as_array().unwrap().len() >= 4);
    assert!(expert["name"]["bn"].as_str().unwrap().contains("বিশেষজ্ঞ"));
}

#[test]
fn text_listing_follows_the_language_and_works_outside_a_debate() {
    let bn = run(&["schemes", "claims"]);
    assert_eq!(bn.code, 0);
    assert!(
        bn.stdout
            .starts_with("expert-opinion — বিশেষজ্ঞের মতের যুক্তি\n"),
        "{}",
        bn.stdout
    );
    let nowhere = tempfile::tempdir().unwrap();
    let en = run(&["schemes", nowhere.path().to_str().unwrap(), "--lang", "en"]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    assert!(en.stdout.contains("precedent — Argument from precedent"));
}

#[test]
fn a_misspelt_scheme_is_an_error_with_a_suggestion() {
    let r = run(&["check", "tests/fixtures/unknown-scheme"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("unknown argument scheme `expert-opinon`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("did you mean `expert-opinion`?"));
}
