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

/// With `reviews: true` the demo's reviews move the numbers, and every output says so.
#[test]
fn reviews_feed_evaluation_only_when_the_debate_asks_and_say_so() {
    let tmp = tempfile::tempdir().unwrap();
    let copy = |from: &std::path::Path, to: &std::path::Path| {
        for e in walkdir(from) {
            let rel = e.strip_prefix(from).unwrap();
            std::fs::create_dir_all(to.join(rel).parent().unwrap()).unwrap();
            std::fs::copy(&e, to.join(rel)).unwrap();
        }
    };
    copy(std::path::Path::new("claims"), tmp.path());
    let config = tmp.path().join("claimmap.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace("evaluation:\n", "evaluation:\n  reviews: true\n"),
    )
    .unwrap();
    let d = tmp.path().to_str().unwrap();
    let json = |dir: &str| -> serde_json::Value {
        let r = run(&["eval", dir, "--format", "json"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        serde_json::from_str(&r.stdout).unwrap()
    };
    let (before, after) = (json("claims"), json(d));
    assert_eq!(before["reviews_used"], false);
    assert_eq!(after["reviews_used"], true);
    let base = |j: &serde_json::Value, id: &str| {
        j["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()["base"]
            .as_f64()
            .unwrap()
    };
    // historical-analogy: reject and dubious average 0.25; (0.5 + 0.25) / 2.
    assert_eq!(base(&before, "historical-analogy"), 0.5);
    assert_eq!(base(&after, "historical-analogy"), 0.375);
    let table = run(&["eval", d, "--lang", "en"]);
    assert!(
        table.stdout.contains("Reviews feed this evaluation"),
        "{}",
        table.stdout
    );
    let report = run(&["report", d, "--lang", "en"]);
    assert!(report.stdout.contains("**Reviews feed this evaluation"));
    let map = run(&["map", d, "--lang", "en"]);
    assert!(map.stdout.contains("Reviews feed this evaluation"));
    assert!(
        !run(&["eval", "claims", "--lang", "en"])
            .stdout
            .contains("Reviews feed")
    );
}

fn walkdir(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walkdir(&p))
        } else {
            out.push(p)
        }
    }
    out
}

#[test]
fn a_review_reports_all_its_problems_at_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "claims:\n  - id: t\n    kind: thesis\n    text: \"T.\"\nreviews:\n  - reviewer: bo\n    claim: nope\n    verdict: acept\n  - claim: t\n    verdict: acept\n",
    )
    .unwrap();
    let r = run(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let found: Vec<(String, u64)> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["code"].as_str().unwrap().to_string(),
                e["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let want: Vec<(String, u64)> = [
        ("unknown-id", 7),
        ("unknown-keyword", 8),
        ("missing-field", 9),
        ("unknown-keyword", 10),
    ]
    .iter()
    .map(|(c, l)| (c.to_string(), *l))
    .collect();
    assert_eq!(found, want, "{json}");
}
