//! Argdown export and import: a lossless round trip of the demo debate, a hand-written
//! document, and malformed input.

use super::aif::model;
use super::{claimmap, run};

#[test]
fn export_snapshot() {
    let r = run(&["export", "tests/fixtures/iccma", "--format", "argdown"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("argdown_iccma", r.stdout);
}

#[test]
fn the_demo_debate_survives_a_round_trip() {
    let doc = run(&["export", "claims", "--format", "argdown"]);
    assert_eq!(doc.code, 0);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("copy");
    let r = claimmap()
        .args(["import", "argdown", "-", "-o", out.to_str().unwrap()])
        .write_stdin(doc.stdout.clone())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert!(r.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "nothing lost: {stderr}");
    let sources = out.join("sources");
    std::fs::create_dir_all(&sources).unwrap();
    for e in std::fs::read_dir("claims/sources").unwrap().flatten() {
        std::fs::copy(e.path(), sources.join(e.file_name())).unwrap();
    }
    let (before, after) = (model("claims"), model(out.to_str().unwrap()));
    let claims = |j: &serde_json::Value| {
        let mut v = j["claims"].as_array().unwrap().clone();
        v.sort_by_key(|c| c["id"].to_string());
        v
    };
    assert_eq!(claims(&before).len(), 43);
    assert_eq!(claims(&before), claims(&after));
    assert_eq!(before["sources"], after["sources"]);
    assert_eq!(before["title"], after["title"]);
}

#[test]
fn a_hand_written_document_imports_with_warnings_for_arguments() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("cars");
    let r = run(&[
        "import",
        "argdown",
        "tests/fixtures/argdown/hand-written.argdown",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("line 14: arguments and premise-conclusion structures"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("line 16:"),
        "every pcs line is reported: {}",
        r.stderr
    );
    let json = model(out.to_str().unwrap());
    let claim = |id: &str| {
        json["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id}: {json:#}"))
    };
    assert_eq!(claim("ban-cars")["kind"], "thesis");
    assert_eq!(claim("ban-cars")["tags"], serde_json::json!(["policy"]));
    assert_eq!(
        claim("clean-air")["supports"],
        serde_json::json!(["ban-cars"])
    );
    assert_eq!(
        claim("clean-air")["tags"],
        serde_json::json!(["health and environment"])
    );
    assert_eq!(
        claim("heating")["opposes"],
        serde_json::json!(["clean-air"])
    );
    assert_eq!(claim("shops")["opposes"], serde_json::json!(["ban-cars"]));
    assert_eq!(claim("footfall")["opposes"], serde_json::json!(["shops"]));
    assert_eq!(claim("shops")["text"]["en"], "Shops would lose customers.");
}

#[test]
fn malformed_argdown_names_the_line_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.argdown");
    std::fs::write(&bad, "===\ntitle: x\n\n[A]: text\n").unwrap();
    let out = tmp.path().join("out");
    let r = run(&[
        "import",
        "argdown",
        bad.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("bad.argdown:1:") && r.stderr.contains("never closed"),
        "{}",
        r.stderr
    );
    assert!(!out.exists());
    std::fs::write(&bad, "[A]: text {kind: [unclosed\n").unwrap();
    let r = run(&[
        "import",
        "argdown",
        bad.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("bad.argdown:1:"), "{}", r.stderr);
    assert!(!out.exists());
}
