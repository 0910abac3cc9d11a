//! Hand-checked extensions, and a brute-force cross-check straight from the definitions of
//! Dung (1995), "On the acceptability of arguments and its fundamental role in nonmonotonic
//! reasoning, logic programming and n-person games", Artificial Intelligence 77: a set is
//! admissible when it is conflict-free and defends each member; preferred extensions are the
//! maximal admissible sets; stable extensions are conflict-free sets attacking every
//! argument outside them.

use super::*;
use crate::evaluate::dung::grounded;

const BUDGET: u64 = 1_000_000;

fn graph(n: usize, edges: &[(usize, usize)]) -> AttackGraph {
    AttackGraph::from_edges(n, edges.iter().copied())
}

/// `(extensions, credulous, sceptical)` as strings of 0/1 per argument.
fn decided(a: Acceptance) -> (usize, String, String) {
    let bits = |v: &[bool]| v.iter().map(|&b| if b { '1' } else { '0' }).collect();
    match a {
        Acceptance::Decided {
            extensions,
            credulous,
            sceptical,
        } => (extensions, bits(&credulous), bits(&sceptical)),
        other => panic!("not decided: {other:?}"),
    }
}

fn both(n: usize, edges: &[(usize, usize)]) -> (Acceptance, Acceptance) {
    let g = graph(n, edges);
    let l = grounded(&g);
    (preferred(&g, &l, BUDGET), stable(&g, &l, BUDGET))
}

#[test]
fn odd_cycle_has_the_empty_preferred_extension_and_no_stable_one() {
    let (p, s) = both(3, &[(0, 1), (1, 2), (2, 0)]);
    assert_eq!(decided(p), (1, "000".into(), "000".into()));
    assert_eq!(s, Acceptance::NoExtension);
}

#[test]
fn even_cycle_has_two_extensions_and_nothing_sceptical() {
    let (p, s) = both(2, &[(0, 1), (1, 0)]);
    assert_eq!(decided(p), (2, "11".into(), "00".into()));
    assert_eq!(decided(s), (2, "11".into(), "00".into()));
}

/// Floating reinstatement (Baroni and Giacomin's standard example): a ↔ b, both attack c,
/// c attacks d. Preferred {a, d} and {b, d}: d is sceptically accepted although the
/// grounded labelling leaves it undecided.
#[test]
fn floating_reinstatement() {
    let g = graph(4, &[(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)]);
    let l = grounded(&g);
    assert!(l.iter().all(|&x| x == Label::Undec));
    assert_eq!(
        decided(preferred(&g, &l, BUDGET)),
        (2, "1101".into(), "0001".into())
    );
    assert_eq!(
        decided(stable(&g, &l, BUDGET)),
        (2, "1101".into(), "0001".into())
    );
}

#[test]
fn a_self_attacker_that_nothing_attacks_has_no_stable_extension() {
    let (p, s) = both(2, &[(0, 0), (0, 1)]);
    assert_eq!(decided(p), (1, "00".into(), "00".into()));
    assert_eq!(s, Acceptance::NoExtension);
}

#[test]
fn a_self_attacker_defeated_by_another_claim_is_simply_out() {
    // b attacks a, a attacks itself and c: {b, c} is the only preferred and stable extension.
    let (p, s) = both(3, &[(0, 0), (1, 0), (0, 2)]);
    assert_eq!(decided(p), (1, "011".into(), "011".into()));
    assert_eq!(decided(s), (1, "011".into(), "011".into()));
    // A self-attacker inside a cycle: a ↔ b and a → a. Only {b} is admissible and stable.
    let (p, s) = both(2, &[(0, 0), (0, 1), (1, 0)]);
    assert_eq!(decided(p), (1, "01".into(), "01".into()));
    assert_eq!(decided(s), (1, "01".into(), "01".into()));
}

#[test]
fn one_odd_cycle_anywhere_leaves_no_stable_extension() {
    // A standoff (two stable extensions on its own) beside an unrelated 3-cycle: the whole
    // graph has no stable extension, while preferred semantics still answers.
    let (p, s) = both(5, &[(0, 1), (1, 0), (2, 3), (3, 4), (4, 2)]);
    assert_eq!(decided(p), (2, "11000".into(), "00000".into()));
    assert_eq!(s, Acceptance::NoExtension);
}

#[test]
fn an_odd_cycle_attacked_from_a_standoff() {
    // a ↔ b, b → c, c → d → e → c. Preferred: {a} (the 3-cycle stays undecided) and
    // {b, d} (b defeats c, reinstating d, which defeats e). Stable: only {b, d}.
    let (p, s) = both(5, &[(0, 1), (1, 0), (1, 2), (2, 3), (3, 4), (4, 2)]);
    assert_eq!(decided(p), (2, "11010".into(), "00000".into()));
    assert_eq!(decided(s), (1, "01010".into(), "01010".into()));
}

#[test]
fn when_grounded_decides_everything_there_is_one_extension() {
    let (p, s) = both(3, &[(0, 1), (1, 2)]);
    assert_eq!(decided(p), (1, "101".into(), "101".into()));
    assert_eq!(decided(s), (1, "101".into(), "101".into()));
}

#[test]
fn independent_pieces_multiply_extensions() {
    // Three separate mutual attacks: 2 × 2 × 2 preferred extensions.
    let (p, _) = both(6, &[(0, 1), (1, 0), (2, 3), (3, 2), (4, 5), (5, 4)]);
    assert_eq!(decided(p), (8, "111111".into(), "000000".into()));
}

#[test]
fn a_tiny_budget_gives_up_instead_of_hanging() {
    // Forty arguments in one piece, each attacking the next two: no quick answer.
    let n = 40;
    let edges: Vec<(usize, usize)> = (0..n)
        .flat_map(|i| [(i, (i + 1) % n), (i, (i + 2) % n)])
        .collect();
    let g = graph(n, &edges);
    let l = grounded(&g);
    assert!(matches!(preferred(&g, &l, 50), Acceptance::TooLarge { .. }));
    assert!(matches!(stable(&g, &l, 50), Acceptance::TooLarge { .. }));
    // Given the default budget the same graph is decided: only {∅} is admissible, and an
    // odd cycle (forty arguments, each attacking the next two) has no stable extension.
    let budget = crate::evaluate::Options::default().search_budget;
    assert_eq!(decided(preferred(&g, &l, budget)).0, 1);
    assert_eq!(stable(&g, &l, budget), Acceptance::NoExtension);
}

#[test]
fn many_extensions_in_one_piece() {
    // Eight standoffs a_i ↔ b_i, every b_i attacking t, and t attacking a_0: one connected
    // piece. Any choice of a side per standoff with at least one b_i is preferred
    // (2^8 - 1 = 255); choosing every a_i leaves t undecided and a_0 out, so that choice
    // only reaches {a_1 .. a_7}, a subset of {b_0, a_1 .. a_7}, and is not preferred.
    let k = 8;
    let t = 2 * k;
    let mut edges = vec![(t, 0)];
    for i in 0..k {
        edges.extend([(2 * i, 2 * i + 1), (2 * i + 1, 2 * i), (2 * i + 1, t)]);
    }
    let (p, s) = both(2 * k + 1, &edges);
    let sides = "1".repeat(2 * k) + "0";
    let none = "0".repeat(2 * k + 1);
    assert_eq!(decided(p), (255, sides.clone(), none.clone()));
    assert_eq!(decided(s), (255, sides, none));
}

/// Brute force over every subset, from Dung's definitions.
fn brute(g: &AttackGraph) -> (Vec<Vec<bool>>, Vec<Vec<bool>>) {
    let n = g.len();
    let attacks = |a: usize, b: usize| g.attacks[a].contains(&b);
    let mut admissible = Vec::new();
    let mut stable = Vec::new();
    for mask in 0u32..(1 << n) {
        let s: Vec<bool> = (0..n).map(|i| mask & (1 << i) != 0).collect();
        let conflict_free = (0..n).all(|a| !s[a] || (0..n).all(|b| !s[b] || !attacks(a, b)));
        if !conflict_free {
            continue;
        }
        let attacked_by_s = |x: usize| (0..n).any(|a| s[a] && attacks(a, x));
        let defended = (0..n).all(|a| !s[a] || g.attackers[a].iter().all(|&b| attacked_by_s(b)));
        if defended {
            admissible.push(s.clone());
        }
        if (0..n).all(|x| s[x] || attacked_by_s(x)) {
            stable.push(s);
        }
    }
    let preferred = admissible
        .iter()
        .filter(|s| {
            !admissible
                .iter()
                .any(|t| t != *s && s.iter().zip(t).all(|(&a, &b)| !a || b))
        })
        .cloned()
        .collect();
    (preferred, stable)
}

fn summary(exts: &[Vec<bool>], n: usize) -> Acceptance {
    if exts.is_empty() {
        return Acceptance::NoExtension;
    }
    Acceptance::Decided {
        extensions: exts.len(),
        credulous: (0..n).map(|i| exts.iter().any(|e| e[i])).collect(),
        sceptical: (0..n).map(|i| exts.iter().all(|e| e[i])).collect(),
    }
}

#[test]
fn matches_brute_force_on_random_small_graphs() {
    // A fixed xorshift generator: the same graphs on every run.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..1500 {
        let n = 1 + (next() % 11) as usize;
        let density = 1 + next() % 4;
        let edges: Vec<(usize, usize)> = (0..n)
            .flat_map(|a| (0..n).map(move |b| (a, b)))
            .filter(|_| next() % 8 < density)
            .collect();
        let g = graph(n, &edges);
        let l = grounded(&g);
        let (bp, bs) = brute(&g);
        assert_eq!(
            preferred(&g, &l, BUDGET),
            summary(&bp, n),
            "round {round}: {edges:?}"
        );
        assert_eq!(
            stable(&g, &l, BUDGET),
            summary(&bs, n),
            "round {round}: {edges:?}"
        );
        // A search cut short gives up: it never reports a partial answer as decided.
        for budget in [0, 1, 5, 20, 80] {
            for (got, full) in [
                (preferred(&g, &l, budget), summary(&bp, n)),
                (stable(&g, &l, budget), summary(&bs, n)),
            ] {
                assert!(
                    matches!(got, Acceptance::TooLarge { .. }) || got == full,
                    "round {round}, budget {budget}: {edges:?}"
                );
            }
        }
    }
}
