//! Reviews as files: read from any claim file's `reviews:` and exported.

use super::run;

#[test]
fn the_demo_reviews_are_read_and_exported() {
    let r = run(&["export", "claims"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let reviews = json["reviews"].as_array().unwrap();
    assert_eq!(reviews.len(), 6);
    let reviewers: std::collections::BTreeSet<&str> = reviews
        .iter()
        .map(|r| r["reviewer"].as_str().unwrap())
        .collect();
    assert_eq!(reviewers, ["mitali", "rahim"].into());
    // Files are read in sorted path order: mitali's before rahim's.
    let first = &reviews[0];
    assert_eq!(first["claim"], "historical-analogy");
    assert_eq!(first["verdict"], "reject");
    assert_eq!(first["answers"][0]["question"], "similar");
    assert_eq!(first["answers"][0]["answer"], "no");
    assert!(
        first["answers"][0]["note"]
            .as_str()
            .unwrap()
            .contains("American independence")
    );
    assert_eq!(first["file"], "reviews/mitali.yaml");
}

#[test]
fn a_file_of_reviews_only_is_not_an_empty_claim_file() {
    let r = run(&["check", "claims", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let codes: Vec<&str> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert!(!codes.contains(&"no-claims"), "{codes:?}");
}

#[test]
fn report_and_map_show_reviews_and_contributions() {
    let r = run(&["report", "claims", "--lang", "en", "--no-eval"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("<br><sub>reviews: 1 reject, 1 dubious</sub>"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("open critical questions: `true-example`"));
    assert!(
        r.stdout.contains("| mitali | 0 | 0 | 0 | 0 | 3 | 5 |"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("| rahim | 0 | 0 | 0 | 0 | 3 | 6 |"));
    let map = run(&["map", "claims", "--lang", "en"]);
    assert!(
        map.stdout.contains("reviews: 1 accept · 2 open questions"),
        "{}",
        map.stdout
    );
    let bn = run(&["map", "claims"]);
    assert!(bn.stdout.contains("পর্যালোচনা: 1 গ্রহণ"));
}
