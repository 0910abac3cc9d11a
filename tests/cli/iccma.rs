//! `export --format iccma`: the attack graph for standard argumentation solvers, checked
//! against a grounded extension computed here, independently of claimmap's code.

use super::run;
use std::collections::BTreeSet;

/// Parses ICCMA 2023 text: the argument count, the `# N id` names and the attacks.
fn parse(text: &str) -> (usize, Vec<String>, Vec<(usize, usize)>) {
    // Every line, the last included, ends with a newline; no blank lines, no `\r`.
    assert!(text.ends_with('\n') && !text.contains("\n\n") && !text.contains('\r'));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(' ').collect();
    assert_eq!(&header[..2], ["p", "af"], "first line must be `p af N`");
    let n: usize = header[2].parse().unwrap();
    let mut names = vec![String::new(); n];
    let mut attacks = Vec::new();
    for line in lines {
        if let Some(comment) = line.strip_prefix("# ") {
            let (num, id) = comment.split_once(' ').unwrap();
            names[num.parse::<usize>().unwrap() - 1] = id.to_string();
            continue;
        }
        let (a, b) = line.split_once(' ').unwrap();
        let (a, b): (usize, usize) = (a.parse().unwrap(), b.parse().unwrap());
        assert!((1..=n).contains(&a) && (1..=n).contains(&b), "{line}");
        attacks.push((a, b));
    }
    (n, names, attacks)
}

/// The grounded extension as the least fixed point of Dung's characteristic function:
/// start empty, repeatedly add every argument all of whose attackers are attacked by the set.
fn grounded(n: usize, attacks: &[(usize, usize)]) -> BTreeSet<usize> {
    let mut set = BTreeSet::new();
    loop {
        let defeated: BTreeSet<usize> = attacks
            .iter()
            .filter(|(a, _)| set.contains(a))
            .map(|&(_, b)| b)
            .collect();
        let next: BTreeSet<usize> = (1..=n)
            .filter(|&x| {
                attacks
                    .iter()
                    .filter(|&&(_, b)| b == x)
                    .all(|(a, _)| defeated.contains(a))
            })
            .collect();
        if next == set {
            return set;
        }
        set = next;
    }
}

#[test]
fn exports_the_attack_graph_exactly() {
    let r = run(&["export", "tests/fixtures/iccma", "--format", "iccma"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "p af 7\n# 1 t\n# 2 a\n# 3 o\n# 4 r\n# 5 u\n# 6 x\n# 7 y\n3 1\n4 3\n5 2\n6 1\n6 7\n7 6\n"
    );
}

#[test]
fn an_independent_solver_agrees_with_the_grounded_labelling() {
    let r = run(&["export", "tests/fixtures/iccma", "--format", "iccma"]);
    let (n, names, attacks) = parse(&r.stdout);
    let ext: BTreeSet<&str> = grounded(n, &attacks)
        .into_iter()
        .map(|i| names[i - 1].as_str())
        .collect();
    assert_eq!(ext, BTreeSet::from(["r", "u"]));
    let eval = run(&["eval", "tests/fixtures/iccma", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&eval.stdout).unwrap();
    let ours: BTreeSet<&str> = json["semantics"]["grounded"]["in"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(ours, ext);
    // The same check on the demo debate, where the answer is not written by hand.
    let demo = run(&["export", "claims", "--format", "iccma"]);
    let (n, names, attacks) = parse(&demo.stdout);
    let ext: BTreeSet<&str> = grounded(n, &attacks)
        .into_iter()
        .map(|i| names[i - 1].as_str())
        .collect();
    let eval = run(&["eval", "claims", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&eval.stdout).unwrap();
    let ours: BTreeSet<&str> = json["semantics"]["grounded"]["in"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(ours, ext);
}

#[test]
fn preferred_and_stable_on_a_standoff() {
    let r = run(&[
        "eval",
        "tests/fixtures/iccma",
        "--format",
        "json",
        "--semantics",
        "preferred",
    ]);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let p = &json["semantics"]["preferred"];
    // {r, u, x} and {r, u, y, t}: x defeats t in one, y reinstates t in the other.
    assert_eq!(p["status"], "decided");
    assert_eq!(p["extensions"], 2);
    assert_eq!(p["sceptical"], serde_json::json!(["r", "u"]));
    assert_eq!(p["credulous"], serde_json::json!(["t", "r", "u", "x", "y"]));
    let odd = run(&[
        "eval",
        "tests/fixtures/odd-cycle",
        "--semantics",
        "stable",
        "--lang",
        "en",
    ]);
    assert_eq!(odd.code, 0, "{}", odd.stderr);
    assert!(odd.stdout.contains("no stable extension"), "{}", odd.stdout);
}

/// Preferred and stable extensions by brute force over every subset, from the definitions
/// of Dung (1995), "On the acceptability of arguments and its fundamental role in
/// nonmonotonic reasoning, logic programming and n-person games", Artificial Intelligence
/// 77: preferred = maximal admissible (conflict-free, defending each member); stable =
/// conflict-free and attacking every argument outside.
fn brute_force(n: usize, attacks: &[(usize, usize)]) -> [Vec<BTreeSet<usize>>; 2] {
    let attacked_by =
        |s: &BTreeSet<usize>, x: usize| attacks.iter().any(|&(a, b)| b == x && s.contains(&a));
    let mut admissible = Vec::new();
    let mut stable = Vec::new();
    for mask in 0u32..(1 << n) {
        let s: BTreeSet<usize> = (1..=n).filter(|i| mask & (1 << (i - 1)) != 0).collect();
        if s.iter().any(|&x| attacked_by(&s, x)) {
            continue;
        }
        let defended = attacks
            .iter()
            .filter(|(_, b)| s.contains(b))
            .all(|&(a, _)| attacked_by(&s, a));
        if defended {
            admissible.push(s.clone());
        }
        if (1..=n).all(|x| s.contains(&x) || attacked_by(&s, x)) {
            stable.push(s);
        }
    }
    let preferred = admissible
        .iter()
        .filter(|s| !admissible.iter().any(|t| t != *s && s.is_subset(t)))
        .cloned()
        .collect();
    [preferred, stable]
}

#[test]
fn preferred_and_stable_agree_with_brute_force_on_the_exported_graph() {
    for dir in [
        "tests/fixtures/iccma",
        "tests/fixtures/odd-cycle",
        "tests/fixtures/eval-cycle",
        "tests/fixtures/eval-basic",
    ] {
        let r = run(&["export", dir, "--format", "iccma"]);
        assert_eq!(r.code, 0, "{dir}: {}", r.stderr);
        let (n, names, attacks) = parse(&r.stdout);
        assert!(n <= 12, "{dir}: too many arguments for brute force");
        let names_of = |set: BTreeSet<usize>| -> BTreeSet<String> {
            set.into_iter().map(|i| names[i - 1].clone()).collect()
        };
        for (semantics, extensions) in ["preferred", "stable"]
            .into_iter()
            .zip(brute_force(n, &attacks))
        {
            let eval = run(&["eval", dir, "--format", "json", "--semantics", semantics]);
            assert_eq!(eval.code, 0, "{dir}: {}", eval.stderr);
            let json: serde_json::Value = serde_json::from_str(&eval.stdout).unwrap();
            let got = &json["semantics"][semantics];
            if extensions.is_empty() {
                assert_eq!(got["status"], "no-extension", "{dir} {semantics}");
                continue;
            }
            let ids = |key: &str| -> BTreeSet<String> {
                got[key]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap().to_string())
                    .collect()
            };
            let credulous = extensions.iter().flatten().copied().collect();
            let sceptical = (1..=n)
                .filter(|x| extensions.iter().all(|e| e.contains(x)))
                .collect();
            assert_eq!(got["status"], "decided", "{dir} {semantics}");
            assert_eq!(got["extensions"], extensions.len(), "{dir} {semantics}");
            assert_eq!(ids("credulous"), names_of(credulous), "{dir} {semantics}");
            assert_eq!(ids("sceptical"), names_of(sceptical), "{dir} {semantics}");
        }
    }
}

#[test]
fn an_undercut_of_an_undercut_is_warned_and_has_no_effect() {
    let dir = "tests/fixtures/undercut-of-undercut";
    let (code, check) = super::check_json("undercut-of-undercut");
    assert_eq!(code, 0);
    let warnings = super::codes(&check, "warnings");
    assert!(
        warnings.contains(&"undercut-without-link".to_string()),
        "{warnings:?}"
    );
    let r = run(&["export", dir, "--format", "iccma"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (_, names, attacks) = parse(&r.stdout);
    let named: Vec<(&str, &str)> = attacks
        .iter()
        .map(|&(a, b)| (names[a - 1].as_str(), names[b - 1].as_str()))
        .collect();
    assert_eq!(named, vec![("u", "a")]);
    // Labels and strengths are those of the same debate without `uu`.
    let eval = run(&["eval", dir, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&eval.stdout).unwrap();
    let claim = |id: &str| {
        json["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(claim("u")["label"], "in");
    assert_eq!(claim("u")["strength"], 0.6);
    assert_eq!(claim("a")["label"], "out");
    // t = 0.5 + 0.5 · 0.8 · (1 − 0.6) = 0.66; uu moves nothing.
    assert_eq!(claim("t")["strength"], 0.66);
    assert_eq!(claim("uu")["impact"], 0.0);
}
