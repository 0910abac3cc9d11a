//! Inputs built to blow up time or output (issue 13): each must finish with a bounded
//! result and say what it left out. Sizes are those of the issue; there are no timings here
//! (`cargo bench --bench blowups` measures them).

use super::run;
use std::fmt::Write as _;

/// A debate folder holding one claim file.
fn debate(claims_yaml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("claims.yaml"), claims_yaml).unwrap();
    dir
}

/// A thesis, a ring of `n` objections (each opposes the next) with confidence `conf`, one
/// feeder supporting each ring claim when `feeders`, and a reason for the thesis linked
/// with the ring.
fn ring(n: usize, conf: &str, feeders: bool) -> String {
    let mut s = String::from("claims:\n  - {id: t, kind: thesis, text: T}\n");
    for i in 0..n {
        let next = (i + 1) % n;
        let _ = writeln!(
            s,
            "  - {{id: c{i}, text: C, confidence: {conf}, opposes: c{next}}}"
        );
        if feeders {
            let _ = writeln!(
                s,
                "  - {{id: f{i}, text: F, confidence: 0.3, supports: c{i}}}"
            );
        }
    }
    s.push_str("  - {id: s, text: S, supports: t, with: c0}\n");
    s
}

#[test]
fn a_ring_of_certain_objections_is_evaluated_with_every_impact() {
    let dir = debate(&ring(1000, "1", false));
    let r = run(&["eval", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["iteration"]["ran_out"], false);
}

#[test]
fn an_exhausted_iteration_budget_says_what_was_left_and_how_to_raise_it() {
    let dir = debate(&ring(101, "0.9", true));
    let path = dir.path().to_str().unwrap();
    let r = run(&["eval", path, "--iteration-budget", "500"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("note: the iteration budget of 500 steps ran out")
            && r.stdout
                .contains("was left undecided (c0, c1, c2, c3, c4 and 96 more)")
            && r.stdout.contains("Raise it with `--iteration-budget 5000`"),
        "{}",
        r.stdout
    );
    let r = run(&[
        "eval",
        path,
        "--iteration-budget",
        "500",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["iteration"]["ran_out"], true);
    assert_eq!(json["iteration"]["unsolved"].as_array().unwrap().len(), 101);
    let c0 = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "c0")
        .unwrap();
    assert_eq!(c0["settled"]["how"], "over-budget");
    assert!(c0["strength"].is_null());
    // The report and the other commands say it too.
    let r = run(&["report", path, "--iteration-budget", "500"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("note: the iteration budget"),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout.contains("**The iteration budget of 500"),
        "{}",
        r.stdout
    );
    // Enough budget for the strengths but not for every impact: the skipped ones are named.
    let r = run(&[
        "eval",
        path,
        "--iteration-budget",
        "5000",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["iteration"]["unsolved"].as_array().unwrap().len(), 0);
    assert!(
        !json["iteration"]["impacts_skipped"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

/// The documented output bound (README, "Output size"): every output is at most a fixed
/// multiple of the claim files' size plus [`FIXED_OUTPUT`] (headings, the page's script and
/// styles). The report and the DOT describe each claim and link in a line or two; the page
/// and the SVG carry Graphviz's drawing, a few hundred bytes per box and per link, so their
/// multiple is larger. Both hold because links grow linearly with the ids written: a claim
/// with co-premises names at most 8 conclusions (`too-many-conclusions`).
const TEXT_OUTPUT_PER_INPUT_BYTE: usize = 32;
const DRAWN_OUTPUT_PER_INPUT_BYTE: usize = 128;
const FIXED_OUTPUT: usize = 64 * 1024;

/// The shapes that make the most output per input byte: one-letter texts, many links.
fn terse_debates() -> Vec<(&'static str, String)> {
    let head = "claims:\n  - {id: t, kind: thesis, text: T}\n";
    let mut co_premises = head.to_string();
    let ids: Vec<String> = (0..5000).map(|i| format!("p{i}")).collect();
    let _ = writeln!(
        co_premises,
        "  - {{id: r, text: R, supports: t, with: [{}]}}",
        ids.join(", ")
    );
    for id in &ids {
        let _ = writeln!(co_premises, "  - {{id: {id}, text: P}}");
    }
    let mut fan_in = head.to_string();
    for i in 0..1000 {
        let _ = writeln!(fan_in, "  - {{id: x{i}, text: X, supports: t}}");
    }
    let mut linked = head.to_string();
    let conclusions: Vec<String> = (0..8).map(|i| format!("x{i}")).collect();
    for c in &conclusions {
        let _ = writeln!(linked, "  - {{id: {c}, text: X, supports: t}}");
    }
    let premises: Vec<String> = (0..1000).map(|i| format!("p{i}")).collect();
    let _ = writeln!(
        linked,
        "  - {{id: r, text: R, supports: [{}], with: [{}]}}",
        conclusions.join(", "),
        premises.join(", ")
    );
    for p in &premises {
        let _ = writeln!(linked, "  - {{id: {p}, text: P}}");
    }
    vec![
        ("5,000 co-premises", co_premises),
        ("1,000 reasons of one letter", fan_in),
        ("1,000 co-premises for 8 conclusions", linked),
    ]
}

#[test]
fn outputs_stay_within_the_documented_bound_on_the_worst_shapes() {
    let out = tempfile::tempdir().unwrap();
    for (name, yaml) in terse_debates() {
        let dir = debate(&yaml);
        let path = dir.path().to_str().unwrap();
        for (command, extra, per_byte) in [
            ("report", &[][..], TEXT_OUTPUT_PER_INPUT_BYTE),
            (
                "map",
                &["--format", "dot", "--full"][..],
                TEXT_OUTPUT_PER_INPUT_BYTE,
            ),
            ("html", &["--full"][..], DRAWN_OUTPUT_PER_INPUT_BYTE),
            (
                "map",
                &["--format", "svg", "--full"][..],
                DRAWN_OUTPUT_PER_INPUT_BYTE,
            ),
        ] {
            let file = out.path().join("output");
            let file = file.to_str().unwrap();
            let mut args = vec![command, path, "-o", file];
            args.extend_from_slice(extra);
            let r = run(&args);
            assert_eq!(r.code, 0, "{name}: {args:?}: {}", r.stderr);
            let size = std::fs::metadata(file).unwrap().len() as usize;
            let bound = per_byte * yaml.len() + FIXED_OUTPUT;
            assert!(
                size > yaml.len() / 2 && size < bound,
                "{name}: {args:?}: {size} bytes from {} (bound {bound})",
                yaml.len()
            );
        }
    }
}

#[test]
fn co_premises_for_more_than_eight_conclusions_are_refused() {
    let mut yaml = String::from("claims:\n  - {id: t, kind: thesis, text: T}\n");
    for i in 0..9 {
        let _ = writeln!(yaml, "  - {{id: x{i}, text: X, supports: t}}");
    }
    let _ = writeln!(
        yaml,
        "  - {{id: r, text: R, supports: [x0, x1, x2, x3, x4, x5, x6, x7, x8], with: [p]}}\n  - {{id: p, text: P}}"
    );
    let dir = debate(&yaml);
    let r = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("error[too-many-conclusions]"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("claims.yaml:12:65"), "{}", r.stderr);
}

#[test]
fn the_report_names_eight_co_premises_and_counts_the_rest() {
    let (_, yaml) = terse_debates().remove(0);
    let dir = debate(&yaml);
    let r = run(&["report", dir.path().to_str().unwrap()]);
    assert!(
        r.stdout.contains("+ 4992 more</sub>"),
        "{}",
        &r.stdout[..2000]
    );
}
