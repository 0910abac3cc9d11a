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
            .contains("note: the iteration budget of 500 claim updates ran out")
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

/// The output-size promise of the README: report, interactive page and DOT stay below this
/// multiple of the claim files' size, plus [`FIXED_OUTPUT`] for headings, script and styles.
const OUTPUT_PER_INPUT_BYTE: usize = 16;
const FIXED_OUTPUT: usize = 64 * 1024;

#[test]
fn a_reason_with_5000_co_premises_renders_within_the_output_bound() {
    let mut yaml = String::from("claims:\n  - {id: t, kind: thesis, text: T}\n");
    let ids: Vec<String> = (0..5000).map(|i| format!("p{i}")).collect();
    let _ = writeln!(
        yaml,
        "  - {{id: r, text: R, supports: t, with: [{}]}}",
        ids.join(", ")
    );
    for id in &ids {
        let _ = writeln!(yaml, "  - {{id: {id}, text: P}}");
    }
    let dir = debate(&yaml);
    let path = dir.path().to_str().unwrap();
    let bound = OUTPUT_PER_INPUT_BYTE * yaml.len() + FIXED_OUTPUT;
    let out = tempfile::tempdir().unwrap();
    for (command, extra) in [
        ("report", &[][..]),
        ("html", &[][..]),
        ("map", &["--format", "dot", "--full"][..]),
    ] {
        let file = out.path().join(command);
        let file = file.to_str().unwrap();
        let mut args = vec![command, path, "-o", file];
        args.extend_from_slice(extra);
        let r = run(&args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        let size = std::fs::metadata(file).unwrap().len() as usize;
        assert!(
            size > yaml.len() && size < bound,
            "{args:?}: {size} bytes from {} (bound {bound})",
            yaml.len()
        );
    }
    // The group is named, capped, at each of its premises.
    let r = run(&["report", path]);
    assert!(
        r.stdout.contains("+ 4992 more</sub>"),
        "{}",
        &r.stdout[..2000]
    );
}
