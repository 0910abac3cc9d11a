//! `export --format iccma`: the attack graph for standard argumentation solvers, checked
//! against a grounded extension computed here, independently of claimmap's code.

use super::run;
use std::collections::BTreeSet;

/// Parses ICCMA 2023 text: the argument count, the `# N id` names and the attacks.
fn parse(text: &str) -> (usize, Vec<String>, Vec<(usize, usize)>) {
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
