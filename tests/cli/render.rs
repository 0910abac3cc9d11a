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

/// `--no-eval` gives the map exactly as claimmap drew it before evaluation existed: these
/// snapshots were checked byte for byte against the output of the last commit before it
/// (290b41c), and must not change when the evaluation's look does.
#[test]
fn map_without_evaluation_is_the_map_from_before_evaluation() {
    for (name, folder) in [("eval-basic", "eval-basic"), ("hostile", "hostile-text")] {
        let dir = format!("tests/fixtures/{folder}");
        let plain = run(&["map", &dir, "--format", "dot", "--no-eval"]);
        assert_eq!(plain.code, 0, "{}", plain.stderr);
        insta::assert_snapshot!(format!("map-no-eval-{name}"), plain.stdout);
        for mark in [
            "✗",
            "⇄",
            "<S>",
            "STANDS",
            "FALLS",
            "CONTESTED",
            "0.62: strength",
        ] {
            assert!(!plain.stdout.contains(mark), "{name}: {mark}");
        }
        // Evaluation is on by default and changes only what it adds.
        let evaluated = run(&["map", &dir, "--format", "dot"]);
        assert_eq!(evaluated.code, 0, "{}", evaluated.stderr);
        assert_ne!(evaluated.stdout, plain.stdout, "{name}");
        assert_eq!(
            evaluated.stdout.matches("->").count(),
            plain.stdout.matches("->").count(),
            "{name}: the same lines"
        );
    }
}

#[test]
fn report_and_build_without_evaluation_have_no_verdict() {
    let report = run(&["report", "claims", "--no-eval", "--lang", "en"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    for words in ["**Verdict:**", "section-evaluation", "Claims by strength"] {
        assert!(!report.stdout.contains(words), "{words}");
    }
    let out = tempfile::tempdir().unwrap();
    let r = claimmap()
        .args(["build", "tests/fixtures/eval-basic", "--no-eval", "-o"])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let dot = std::fs::read_to_string(out.path().join("map.dot")).unwrap();
    let plain = run(&[
        "map",
        "tests/fixtures/eval-basic",
        "--format",
        "dot",
        "--no-eval",
    ]);
    assert_eq!(dot, plain.stdout, "build --no-eval writes the plain map");
    let md = std::fs::read_to_string(out.path().join("report.md")).unwrap();
    assert!(!md.contains("Verdict") && !md.contains("**0."));
    assert!(!out.path().join("evaluation.json").exists());
}

/// The demo debate's report opens with one verdict sentence per thesis, in both languages.
#[test]
fn demo_report_opens_with_the_verdict_sentence() {
    let en = run(&["report", "claims", "--lang", "en"]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    let first = en
        .stdout
        .lines()
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap();
    assert!(
        first.starts_with(
            "**Verdict:** under the preponderance of evidence standard (α 0.40, β 0.30, γ 0.20; strongest argument on each side), the thesis [“The November Revolution needed force"
        ),
        "{first}"
    );
    assert!(
        first.ends_with(
            "](#claim-force-was-necessary) **stands**: the case for it weighs 0.75 against 0.56; its strength is 0.53."
        ),
        "{first}"
    );
    for words in [
        "### Claims by strength",
        "| [`army-changed-sides`](#claim-army-changed-sides) ",
        "rests most on: [`armed-soldiers-are-force`](#claim-armed-soldiers-are-force) (+0.03)",
        "is pulled down most by: [`army-changed-sides`](#claim-army-changed-sides) (−0.04)",
        "- [`zinoviev-kamenev-opposed`](#claim-zinoviev-kamenev-opposed) (strength 0.49): ",
        "defeated by [`zinoviev-kamenev-outvoted`](#claim-zinoviev-kamenev-outvoted)",
    ] {
        assert!(en.stdout.contains(words), "no {words}");
    }
    let bn = run(&["report", "claims"]);
    assert_eq!(bn.code, 0, "{}", bn.stderr);
    let first = bn
        .stdout
        .lines()
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap();
    assert!(
        first.starts_with("**রায়:** প্রমাণের প্রাধান্য মানদণ্ডে (α 0.40, β 0.30, γ 0.20; "),
        "{first}"
    );
    assert!(
        first.ends_with("**টিকে থাকে**: পক্ষের যুক্তির ওজন 0.75, বিপক্ষের 0.56; এর শক্তি 0.53।"),
        "{first}"
    );
}

/// The map of the demo debate with evaluation: every box has a badge, the thesis its
/// verdict, and the eight `out` claims are struck through.
#[test]
fn demo_map_shows_badges_out_claims_and_the_verdict() {
    let r = run(&["map", "claims", "--format", "dot", "--lang", "en"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let boxes: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.contains(" id=\"claim-"))
        .collect();
    assert_eq!(boxes.len(), 43);
    for b in &boxes {
        assert!(b.contains("<FONT COLOR=\"#111111\"><B>"), "no badge: {b}");
    }
    assert_eq!(r.stdout.matches("<B>✗ out</B>").count(), 8);
    assert_eq!(r.stdout.matches("<S>").count(), 8);
    assert!(
        r.stdout
            .contains("<B>STANDS</B> · preponderance of evidence")
    );
}

/// Hostile text stays escaped with the evaluation on: in the map, the embedded layout's SVG
/// and the report (verdict sentence, table, impacts).
#[test]
fn hostile_text_stays_escaped_with_evaluation() {
    let dir = "tests/fixtures/hostile-text";
    let map = run(&["map", dir, "--format", "dot"]);
    assert_eq!(map.code, 0, "{}", map.stderr);
    assert!(map.stdout.contains("<B>STANDS</B>"), "{}", map.stdout);
    assert!(!map.stdout.contains("<script>") && !map.stdout.contains("evil -> t"));
    assert!(map.stdout.contains("&lt;script&gt;"));
    if have_dot() {
        let out = tempfile::tempdir().unwrap();
        let svg = out.path().join("map.svg");
        let r = run(&["map", dir, "-o", svg.to_str().unwrap()]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let svg = std::fs::read_to_string(svg).unwrap();
        assert!(!svg.contains("<script>") && svg.contains("STANDS"));
    }
    for lang in ["en", "bn"] {
        let report = run(&["report", dir, "--lang", lang]);
        assert_eq!(report.code, 0, "{}", report.stderr);
        let out = &report.stdout;
        assert!(!out.contains("<script>") && !out.contains("<b>"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        let verdict = out
            .lines()
            .find(|l| l.starts_with("**Verdict:**") || l.starts_with("**রায়:**"))
            .unwrap_or_else(|| panic!("no verdict in {out}"));
        assert!(
            verdict.contains("&lt;script&gt;") || verdict.contains("&lt;b&gt;"),
            "{verdict}"
        );
        // Table rows keep their five columns despite the pipes in the thesis.
        for row in out.lines().filter(|l| l.starts_with("| [`")) {
            assert_eq!(row.replace(r"\|", "").matches('|').count(), 6, "{row}");
        }
    }
}
