//! `claimmap check`: every error and warning the format defines, with positions and help.

use super::{check_json, codes, run};

/// Each error fixture: its name and the error codes it must produce.
const ERROR_CASES: &[(&str, &[&str])] = &[
    ("yaml-syntax", &["yaml-syntax"]),
    ("unknown-key", &["unknown-key", "unknown-key"]),
    ("wrong-type", &["wrong-type"]),
    (
        "missing-fields",
        &[
            "missing-field",
            "missing-field",
            "empty-text",
            "invalid-id",
            "unknown-kind",
            "out-of-range",
        ],
    ),
    ("duplicate-id", &["duplicate-id"]),
    ("unknown-id", &["unknown-id", "unknown-id"]),
    ("self-reference", &["self-reference", "self-reference"]),
    ("support-cycle", &["support-cycle"]),
    (
        "co-premise-cycle",
        &["co-premise-cycle", "co-premise-cycle"],
    ),
    ("unknown-source", &["unknown-source"]),
    ("quote-not-found", &["quote-not-found", "quote-not-found"]),
    ("no-thesis", &["no-thesis"]),
    ("source-outside", &["source-outside", "source-outside"]),
    ("bengali", &["quote-not-found", "unknown-key"]),
    ("relations", &["supports-and-opposes"]),
    ("unknown-scheme", &["duplicate-id", "unknown-scheme"]),
    (
        "bad-reviews",
        &[
            "unknown-id",
            "unknown-keyword",
            "unknown-keyword",
            "unknown-keyword",
            "unknown-question",
            "unknown-question",
            "duplicate-review",
            "missing-field",
            "missing-field",
        ],
    ),
    (
        "bad-evaluation",
        &[
            "unknown-keyword",
            "unknown-keyword",
            "out-of-range",
            "unknown-key",
        ],
    ),
];

#[test]
fn each_error_fixture_reports_its_errors_with_positions_and_exit_1() {
    for (name, expected) in ERROR_CASES {
        let (code, json) = check_json(name);
        assert_eq!(code, 1, "{name}: exit code");
        let found = codes(&json, "errors");
        for e in *expected {
            let want = expected.iter().filter(|x| x == &e).count();
            let got = found.iter().filter(|x| x == e).count();
            assert!(got >= want, "{name}: expected {want}× {e}, got {found:?}");
        }
        // Every error is located, a debate without a thesis included (at its top claim).
        for d in json["errors"].as_array().unwrap() {
            assert!(!d["file"].as_str().unwrap().is_empty(), "{name}: {d}");
            assert!(d["line"].as_u64().unwrap() > 0, "{name}: no line in {d}");
            assert!(
                d["column"].as_u64().unwrap() > 0,
                "{name}: no column in {d}"
            );
        }
    }
}

#[test]
fn human_diagnostics_snapshot() {
    for (name, _) in ERROR_CASES.iter().chain(&[("warnings", &[][..])]) {
        let r = run(&["check", &format!("tests/fixtures/{name}")]);
        insta::assert_snapshot!(format!("check-{name}"), r.stderr);
    }
}

#[test]
fn suggestions_name_the_likely_fix() {
    let (_, json) = check_json("unknown-key");
    assert_eq!(json["errors"][0]["help"], "did you mean `supports`?");
    let (_, json) = check_json("unknown-id");
    let helps: Vec<&str> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["help"].as_str())
        .collect();
    assert!(
        helps.contains(&"did you mean `kornilov-coup`?"),
        "{helps:?}"
    );
    let (_, json) = check_json("unknown-source");
    assert_eq!(json["errors"][0]["help"], "did you mean `essay`?");
}

#[test]
fn duplicate_ids_name_both_places() {
    let (_, json) = check_json("duplicate-id");
    let e = &json["errors"][0];
    assert_eq!(e["file"], "b.yaml");
    assert_eq!(e["related"][0]["file"], "a.yaml");
    assert_eq!(e["related"][0]["line"], 5);
}

#[test]
fn support_cycles_are_named() {
    let (_, json) = check_json("support-cycle");
    let msg = json["errors"][0]["message"].as_str().unwrap();
    assert!(
        msg.contains("a → c → b → a")
            || msg.contains("c → b → a → c")
            || msg.contains("b → a → c → b"),
        "{msg}"
    );
}

#[test]
fn a_co_premise_that_is_its_own_conclusion_is_located_at_its_with_entry() {
    let (code, json) = check_json("co-premise-cycle");
    assert_eq!(code, 1);
    let errors = json["errors"].as_array().unwrap();
    let direct = &errors[0];
    assert_eq!(direct["code"], "co-premise-cycle");
    assert_eq!(
        (direct["line"].as_u64(), direct["column"].as_u64()),
        (Some(7), Some(53))
    );
    assert!(
        direct["message"]
            .as_str()
            .unwrap()
            .starts_with("`t` is a co-premise of `wt` and also the claim"),
        "{direct}"
    );
    assert!(
        direct["help"]
            .as_str()
            .unwrap()
            .contains("remove `t` from `with:`")
    );
    let through = &errors[1];
    assert_eq!(
        (through["line"].as_u64(), through["column"].as_u64()),
        (Some(16), Some(12))
    );
    let msg = through["message"].as_str().unwrap();
    assert!(
        msg.starts_with("`y` is a co-premise of `x`, but what they support leads back to `y`")
            && msg.contains("`z`")
            && msg.contains("`y`"),
        "{msg}"
    );
}

#[test]
fn quotes_are_matched_after_normalising_white_space_but_not_quote_marks() {
    let (code, json) = check_json("ok-minimal");
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["stats"]["quotes_verified"], 1);
    let (_, json) = check_json("quote-not-found");
    let help = json["errors"][0]["help"].as_str().unwrap_or_default();
    assert!(
        help.contains("“quietly”"),
        "closest passage should show the curly quotes: {help}"
    );
}

#[test]
fn warnings_do_not_fail_the_check() {
    let (code, json) = check_json("warnings");
    assert_eq!(code, 0, "{json}");
    let mut w = codes(&json, "warnings");
    w.sort();
    assert_eq!(
        w,
        [
            "disconnected",
            "evidence-without-source",
            "missing-default-language",
            "unverifiable-quote"
        ]
    );
}

#[test]
fn a_missing_folder_or_bad_flag_exits_2() {
    let r = run(&["check", "tests/fixtures/does-not-exist"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no debate folder"), "{}", r.stderr);
    assert_eq!(run(&["check", "--no-such-flag"]).code, 2);
}

#[test]
fn the_demo_debate_passes() {
    let (code, json) = check_json("../../claims");
    assert_eq!(code, 0, "{json}");
    assert!(json["stats"]["claims"].as_u64().unwrap() >= 25);
    assert_eq!(
        json["stats"]["quotes_verified"],
        json["stats"]["evidence"].as_u64().unwrap()
            - json["stats"]["quotes_unverifiable"].as_u64().unwrap()
    );
}

#[test]
fn relations_that_cannot_mean_what_they_say_are_linted() {
    let (_, json) = check_json("relations");
    let mut w = codes(&json, "warnings");
    w.sort();
    assert_eq!(
        w,
        [
            "co-premise-conflict",
            "disconnected",
            "undercut-without-link",
            "with-without-reason"
        ]
    );
}

#[test]
fn scalars_keep_their_spelling_and_yaml_1_1_booleans_are_text() {
    let r = run(&["export", "tests/fixtures/scalars"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let t = &json["claims"][0];
    assert_eq!(t["text"]["en"], "No");
    assert_eq!(t["locator"], "1.20");
    assert_eq!(t["scheme"], "007");
    assert_eq!(json["claims"][1]["text"]["en"], "Off");
    assert_eq!(json["claims"][1]["note"], "0x1F");
}

#[test]
fn each_structure_lint_has_its_own_code_and_can_be_allowed() {
    let (code, json) = check_json("lints");
    assert_eq!(code, 0);
    let found = codes(&json, "warnings");
    for lint in [
        "reasoning-words",
        "multiple-sentences",
        "thin-linked-reason",
        "rebuttal-targets-support",
        "evidence-supports-nothing",
    ] {
        assert!(
            found.iter().any(|c| c == lint),
            "{lint} missing from {found:?}"
        );
    }
    assert!(
        !found.iter().any(|c| c == "disconnected"),
        "bare evidence is reported once"
    );
    let r = run(&[
        "check",
        "tests/fixtures/lints",
        "--format",
        "json",
        "--allow",
        "reasoning-words,multiple-sentences",
        "--allow",
        "thin-linked-reason",
    ]);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let left = codes(&json, "warnings");
    assert_eq!(
        left,
        [
            "rebuttal-targets-support",
            "evidence-supports-nothing",
            "evidence-without-source"
        ]
    );
    let bad = run(&["check", "tests/fixtures/lints", "--allow", "reasoning-word"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("did you mean `reasoning-words`?"),
        "{}",
        bad.stderr
    );
}

#[test]
fn a_debate_can_allow_lints_in_claimmap_yaml() {
    let (code, json) = check_json("lints-allowed");
    assert_eq!(code, 1, "the misspelt code is an error");
    assert_eq!(codes(&json, "errors"), ["unknown-keyword"]);
    let left = codes(&json, "warnings");
    assert!(
        !left
            .iter()
            .any(|c| c == "reasoning-words" || c == "multiple-sentences")
    );
    assert!(left.iter().any(|c| c == "thin-linked-reason"));
}

#[test]
fn github_annotations_point_at_repository_paths_and_escape_their_text() {
    let r = run(&["check", "tests/fixtures/unknown-id", "--format", "github"]);
    assert_eq!(r.code, 1);
    let first = r.stdout.lines().next().unwrap();
    assert_eq!(
        first,
        "::error file=tests/fixtures/unknown-id/thesis.yaml,line=7,col=16,title=claimmap unknown-id::`supports` refers to an unknown claim `kornilov-cuop`%0Ahelp: did you mean `kornilov-coup`?"
    );
    assert!(r.stdout.lines().any(|l| l.starts_with("::warning file=")));
    // Every annotation is one line, whatever the debate's text holds.
    let hostile = run(&["check", "tests/fixtures/hostile-text", "--format", "github"]);
    for line in hostile.stdout.lines() {
        assert!(
            line.starts_with("::error ") || line.starts_with("::warning "),
            "{line}"
        );
    }
}

#[test]
fn limits_for_huge_inputs_are_clear_errors_with_a_flag_to_raise_them() {
    let r = run(&[
        "check",
        "tests/fixtures/eval-basic",
        "--max-claims-per-file",
        "2",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(codes(&json, "errors"), ["too-many-claims"]);
    assert_eq!(json["stats"]["claims"], 2, "only the first claims are read");
    let e = &json["errors"][0];
    assert!(
        e["help"]
            .as_str()
            .unwrap()
            .contains("--max-claims-per-file")
    );
    let r = run(&[
        "check",
        "tests/fixtures/eval-basic",
        "--max-text-length",
        "12",
    ]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("error[text-too-long]: claim `a` has a text of 23 characters in `en`, more than the limit of 12"), "{}", r.stderr);
    assert!(r.stderr.contains("--max-text-length"));
    assert_eq!(
        run(&[
            "check",
            "tests/fixtures/eval-basic",
            "--max-text-length",
            "100"
        ])
        .code,
        0
    );
}
