//! `claimmap init` and `claimmap new`: starting points that pass `check` except for the text
//! the student still has to write, and never overwrite anything.

use super::{fixture, run};

fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = fixture(name);
    for entry in walk(&src) {
        let rel = entry.strip_prefix(&src).unwrap();
        let to = dir.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &to).unwrap();
    }
    dir
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p))
        } else {
            out.push(p)
        }
    }
    out
}

fn error_codes(dir: &str) -> Vec<String> {
    let r = run(&["check", dir, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    super::codes(&json, "errors")
}

#[test]
fn init_starts_a_debate_whose_only_error_is_the_empty_thesis() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("debate");
    let d = dir.to_str().unwrap();
    let r = run(&[
        "init",
        d,
        "--title",
        "Was the \"press\" decisive?\nReally?",
        "--lang",
        "bn",
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(error_codes(d), ["empty-text"]);
    let export = run(&["export", d]);
    assert_eq!(export.code, 1, "the empty thesis stops rendering");
    let config = std::fs::read_to_string(dir.join("claimmap.yaml")).unwrap();
    assert!(config.contains("languages: [bn, en]"));
    assert!(config.starts_with("# yaml-language-server: $schema=.claimmap/claimmap.schema.json\n"));
    let thesis = std::fs::read_to_string(dir.join("thesis.yaml")).unwrap();
    assert!(
        thesis.starts_with("# yaml-language-server: $schema=.claimmap/claim-file.schema.json\n")
    );
    assert!(
        dir.join(".claimmap/claim-file.schema.json").is_file(),
        "editors find the schema offline"
    );
    // Never over an existing debate.
    let again = run(&["init", d]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already holds"), "{}", again.stderr);
}

#[test]
fn new_evidence_and_claims_get_fresh_ids_and_pass_check_but_for_their_text() {
    let tmp = copy_fixture("ok-minimal");
    let d = tmp.path().to_str().unwrap();
    assert!(error_codes(d).is_empty());
    let r = run(&[
        "new",
        "evidence",
        d,
        "--supports",
        "force-needed",
        "--source",
        "book",
        "--author",
        "mitali",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let written = tmp.path().join("contrib/evidence-for-force-needed.yaml");
    assert!(written.is_file(), "{}", r.stderr);
    let mut codes = error_codes(d);
    codes.sort();
    assert_eq!(
        codes,
        ["empty-text", "quote-not-found"],
        "only what the student fills in"
    );
    let export = run(&["check", d, "--format", "json"]);
    assert!(export.stdout.contains("evidence-for-force-needed"));
    // A second one gets the next id, and an objection its own stem.
    let r = run(&["new", "evidence", d, "--supports", "force-needed"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        tmp.path()
            .join("contrib/evidence-for-force-needed-2.yaml")
            .is_file()
    );
    let r = run(&[
        "new",
        "claim",
        d,
        "--opposes",
        "force-needed",
        "--id",
        "no-force",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(tmp.path().join("contrib/no-force.yaml")).unwrap();
    assert!(text.contains("opposes: [force-needed]"), "{text}");
    assert!(
        text.starts_with("# yaml-language-server: $schema=../.claimmap/claim-file.schema.json\n")
    );
}

#[test]
fn new_refuses_unknown_ids_taken_ids_and_existing_files() {
    let tmp = copy_fixture("ok-minimal");
    let d = tmp.path().to_str().unwrap();
    let r = run(&["new", "claim", d, "--supports", "force-neded"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("did you mean `force-needed`?"),
        "{}",
        r.stderr
    );
    let r = run(&[
        "new",
        "claim",
        d,
        "--supports",
        "force-needed",
        "--id",
        "force-needed",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    std::fs::create_dir_all(tmp.path().join("contrib")).unwrap();
    std::fs::write(tmp.path().join("contrib/mine.yaml"), "claims: []\n").unwrap();
    let r = run(&[
        "new",
        "claim",
        d,
        "--supports",
        "force-needed",
        "--file",
        "contrib/mine.yaml",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("never overwrites"), "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("contrib/mine.yaml")).unwrap(),
        "claims: []\n"
    );
    let r = run(&[
        "new",
        "claim",
        d,
        "--supports",
        "force-needed",
        "--file",
        "../outside.yaml",
    ]);
    assert_eq!(r.code, 2);
}

#[test]
fn new_review_lists_the_critical_questions_and_passes_check() {
    let tmp = copy_fixture("review-checklist");
    let d = tmp.path().to_str().unwrap();
    let r = run(&[
        "new",
        "review",
        d,
        "--claim",
        "engineer",
        "--reviewer",
        "Bo Li",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(tmp.path().join("reviews/bo-li.yaml")).unwrap();
    assert!(text.contains("      expertise: unsure"), "{text}");
    assert!(
        error_codes(d).is_empty(),
        "a new review is valid as written"
    );
    let again = run(&[
        "new",
        "review",
        d,
        "--claim",
        "shops",
        "--reviewer",
        "Bo Li",
    ]);
    assert_eq!(again.code, 2, "bo-li.yaml exists: never overwritten");
}
