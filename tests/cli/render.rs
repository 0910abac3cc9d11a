//! `map`, `report`, `export` and `build` on fixture debates and the demo debate.

use super::{claimmap, have_dot, run};

#[test]
fn build_writes_all_outputs_for_the_demo_debate() {
    let out = tempfile::tempdir().unwrap();
    let r = claimmap()
        .args(["build", "claims", "-o"])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    for name in ["map.dot", "map.svg", "report.md", "debate.json"] {
        let bytes = std::fs::read(out.path().join(name)).unwrap();
        assert!(bytes.len() > 200, "{name} is too small");
    }
    let svg = std::fs::read_to_string(out.path().join("map.svg")).unwrap();
    assert!(svg.contains("<svg"), "not an SVG");
    let report = std::fs::read_to_string(out.path().join("report.md")).unwrap();
    assert!(report.contains("map.svg"), "the report links the map");
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".claimmap-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

#[test]
fn a_debate_with_errors_is_not_rendered() {
    let out = tempfile::tempdir().unwrap();
    let r = claimmap()
        .args(["build", "tests/fixtures/unknown-id", "-o"])
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&r.stderr).contains("unknown claim"));
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn export_json_keeps_the_yaml_key_names() {
    let r = run(&["export", "tests/fixtures/ok-minimal", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let ev = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "army-quote")
        .unwrap();
    assert_eq!(ev["supports"], serde_json::json!(["army-sided"]));
    assert_eq!(
        ev["text"]["en"],
        "The book says the offices fell without resistance."
    );
    assert_eq!(ev["file"], "support/a.yaml");
    assert_eq!(ev["line"], 5);
    assert_eq!(ev["quote_status"]["status"], "verified");
    let opp = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "army-sided")
        .unwrap();
    assert_eq!(
        opp["opposes"],
        serde_json::json!(["force-needed"]),
        "a single id becomes a list"
    );
}

#[test]
fn map_dot_goes_to_stdout_and_focus_limits_it() {
    let all = run(&["map", "claims", "--format", "dot"]);
    assert_eq!(all.code, 0, "{}", all.stderr);
    assert!(all.stdout.starts_with("digraph") || all.stdout.contains("digraph"));
    let focused = run(&[
        "map",
        "claims",
        "--format",
        "dot",
        "--focus",
        "kornilov-stopped-by-force",
        "--depth",
        "1",
    ]);
    assert_eq!(focused.code, 0, "{}", focused.stderr);
    // One link away: the claim, its evidence and the thesis it supports; nothing further.
    for near in [
        "kornilov-stopped-by-force",
        "ev-kornilov-red-guards",
        "force-was-necessary",
    ] {
        assert!(
            focused.stdout.contains(&format!("\"{near}\"")),
            "{near} missing"
        );
    }
    assert!(!focused.stdout.contains("\"navy-enforced-abolition\""));
    assert!(all.stdout.contains("\"navy-enforced-abolition\""));
    let bad = run(&["map", "claims", "--focus", "no-such-claim"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("no claim has this id"),
        "{}",
        bad.stderr
    );
}

#[test]
fn png_without_output_file_is_a_usage_error() {
    let r = run(&["map", "claims", "--format", "png"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("-o"), "{}", r.stderr);
}

#[test]
fn graphviz_renders_png_and_pdf() {
    if !have_dot() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    for ext in ["png", "pdf", "svg"] {
        let file = out.path().join(format!("map.{ext}"));
        let r = claimmap()
            .args(["map", "claims", "-o"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            r.status.success(),
            "{ext}: {}",
            String::from_utf8_lossy(&r.stderr)
        );
        assert!(
            std::fs::metadata(&file).unwrap().len() > 1000,
            "{ext} too small"
        );
    }
}

#[test]
fn unknown_language_is_a_usage_error() {
    let r = run(&["report", "claims", "--lang", "fr"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("bn, en"), "{}", r.stderr);
}

#[test]
fn mermaid_map_and_report_embed() {
    let map = run(&["map", "claims", "--format", "mermaid", "--lang", "en"]);
    assert_eq!(map.code, 0, "{}", map.stderr);
    assert!(map.stdout.starts_with("flowchart BT\n"));
    assert!(map.stdout.matches(":::").count() >= 43);
    let report = run(&["report", "claims", "--mermaid"]);
    assert!(
        report.stdout.contains("```mermaid\nflowchart BT\n"),
        "{}",
        report.stdout
    );
    assert!(!report.stdout.contains("![")); // no image needed
    let by_ext = tempfile::tempdir().unwrap();
    let out = by_ext.path().join("map.mmd");
    let r = run(&["map", "claims", "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        std::fs::read_to_string(out)
            .unwrap()
            .starts_with("flowchart")
    );
}

#[test]
fn big_maps_collapse_below_a_depth_unless_full() {
    let r = run(&["map", "tests/fixtures/eval-basic", "--max-claims", "4"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // t and its three reasons fit; e (under a) and r (under o) are summarised.
    assert!(
        r.stderr
            .contains("the map shows the top 2 levels (4 claims)"),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout
            .contains("\"_more_a\"[label=\"+1 claim: 1 for, 0 against\""),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("\"_more_o\"[label=\"+1 claim: 0 for, 1 against\"")
    );
    assert!(!r.stdout.contains("\"e\"["), "hidden claims are not drawn");
    let full = run(&[
        "map",
        "tests/fixtures/eval-basic",
        "--max-claims",
        "4",
        "--full",
    ]);
    assert!(!full.stdout.contains("_more_") && full.stdout.contains("\"e\"["));
    let focus = run(&[
        "map",
        "tests/fixtures/eval-basic",
        "--max-claims",
        "4",
        "--focus",
        "e",
        "--depth",
        "1",
    ]);
    assert!(
        !focus.stdout.contains("_more_"),
        "a focused region is drawn as asked"
    );
}
