//! `claimmap eval`: strengths, labels, verdicts and impacts from the real binary.

use super::run;

fn eval_json(name: &str, extra: &[&str]) -> serde_json::Value {
    let dir = format!("tests/fixtures/{name}");
    let mut args = vec!["eval", dir.as_str(), "--format", "json"];
    args.extend_from_slice(extra);
    let r = run(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

fn claim<'a>(json: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no claim {id}"))
}

#[test]
fn hand_computed_strengths_verdict_and_impacts() {
    let json = eval_json("eval-basic", &[]);
    let strength = |id: &str| claim(&json, id)["strength"].as_f64().unwrap();
    assert_eq!(strength("e"), 0.5);
    assert_eq!(strength("a"), 0.75);
    assert_eq!(strength("o"), 0.25);
    assert_eq!(strength("t"), 0.8125);
    let thesis = &json["theses"][0];
    assert_eq!(thesis["id"], "t");
    assert_eq!(thesis["verdict"], "stands");
    assert_eq!(thesis["standard"], "clear-and-convincing");
    assert_eq!(thesis["thresholds"]["alpha"], 0.5);
    assert_eq!(
        (thesis["pro"].as_f64(), thesis["con"].as_f64()),
        (Some(0.75), Some(0.25))
    );
    // Without o: t = 0.5 + 0.5·0.875 = 0.9375, so o's impact is −0.125. Without a: supports
    // F(0.5) = 0.5, t = 0.5 + 0.5·0.25 = 0.625, impact +0.1875. Without r: o = 0.5,
    // t = 0.5 + 0.5·0.375 = 0.6875, impact +0.125. Without b: supports 0.75,
    // t = 0.75, impact +0.0625. Without e: a = 0.5, supports 0.75, same +0.0625.
    let top: Vec<(&str, f64)> = thesis["top_impacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["id"].as_str().unwrap(), i["impact"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        top,
        vec![
            ("a", 0.1875),
            ("o", -0.125),
            ("r", 0.125),
            ("b", 0.0625),
            ("e", 0.0625)
        ]
    );
    assert_eq!(claim(&json, "o")["label"], "out");
    assert_eq!(claim(&json, "o")["defeated_by"], serde_json::json!(["r"]));
    assert_eq!(claim(&json, "r")["label"], "in");
    assert_eq!(
        json["semantics"]["grounded"]["out"],
        serde_json::json!(["o"])
    );
}

#[test]
fn a_mutual_attack_converges_and_says_so() {
    let json = eval_json("eval-cycle", &[]);
    for id in ["x", "y"] {
        let c = claim(&json, id);
        assert_eq!(c["strength"], 0.5, "{c}");
        assert_eq!(c["settled"]["how"], "converged", "{c}");
        assert_eq!(c["label"], "undec");
    }
    // t = 0.5 − 0.5·0.5
    assert_eq!(claim(&json, "t")["strength"], 0.25);
    assert_eq!(claim(&json, "t")["settled"]["how"], "exact");
    assert_eq!(json["theses"][0]["verdict"], "falls");
}

#[test]
fn the_table_gives_the_verdict_first_in_the_chosen_language() {
    let r = run(&["eval", "tests/fixtures/eval-basic"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("eval_table_en", r.stdout);
    let demo = run(&["eval", "claims", "--lang", "en"]);
    assert_eq!(demo.code, 0);
    let first = demo.stdout.lines().nth(1).unwrap_or_default();
    assert!(first.starts_with("Thesis force-was-necessary: "), "{first}");
    let bn = run(&["eval", "claims"]);
    assert!(
        bn.stdout.contains("প্রতিপাদ্য force-was-necessary"),
        "{}",
        bn.stdout
    );
}

#[test]
fn a_debate_with_errors_is_not_evaluated() {
    let r = run(&["eval", "tests/fixtures/bad-evaluation"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("did you mean `preponderance`?"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
}

/// The README's "Evaluation" section quotes these numbers; keep it true.
#[test]
fn the_demo_numbers_quoted_in_the_readme_hold() {
    let json = eval_json("../../claims", &[]);
    let thesis = &json["theses"][0];
    let round2 = |v: &serde_json::Value| (v.as_f64().unwrap() * 100.0).round() / 100.0;
    assert_eq!(thesis["verdict"], "stands");
    assert_eq!(round2(&thesis["strength"]), 0.53);
    assert_eq!(round2(&thesis["pro"]), 0.75);
    assert_eq!(round2(&thesis["con"]), 0.56);
    assert_eq!(
        round2(&claim(&json, "militia-beat-kerensky")["strength"]),
        0.75
    );
    assert_eq!(claim(&json, "zinoviev-kamenev-opposed")["label"], "out");
    assert_eq!(
        claim(&json, "zinoviev-kamenev-opposed")["defeated_by"],
        serde_json::json!(["zinoviev-kamenev-outvoted"])
    );
    assert_eq!(thesis["top_impacts"][0]["id"], "army-changed-sides");
}

#[test]
fn map_report_and_build_show_the_evaluation_unless_no_eval() {
    let dir = "tests/fixtures/eval-basic";
    let map = run(&["map", dir]);
    let plain = run(&["map", dir, "--no-eval"]);
    assert_eq!((map.code, plain.code), (0, 0));
    assert!(
        map.stdout.contains("STANDS") && map.stdout.contains("<S>"),
        "{}",
        map.stdout
    );
    assert!(!plain.stdout.contains("STANDS") && !plain.stdout.contains(" · <B>"));
    let report = run(&["report", dir]);
    assert!(report.stdout.contains("**Verdict:**"));
    assert!(
        !run(&["report", dir, "--no-eval"])
            .stdout
            .contains("Verdict")
    );
    let out = tempfile::tempdir().unwrap();
    let o = out.path().to_str().unwrap();
    let r = run(&["build", dir, "-o", o]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("thesis `t` stands under clear-and-convincing"),
        "{}",
        r.stderr
    );
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("evaluation.json")).unwrap())
            .unwrap();
    assert_eq!(written["theses"][0]["verdict"], "stands");
    let bare = tempfile::tempdir().unwrap();
    let r = run(&[
        "build",
        dir,
        "-o",
        bare.path().to_str().unwrap(),
        "--no-eval",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!bare.path().join("evaluation.json").exists());
    // Rebuilding without evaluation into a folder that has one removes the stale file.
    let r = run(&[
        "build",
        dir,
        "-o",
        out.path().to_str().unwrap(),
        "--no-eval",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!out.path().join("evaluation.json").exists());
}
