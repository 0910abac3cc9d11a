//! Hand-computed DF-QuAD expectations. The definitions are those of Rago, Toni, Aurisicchio
//! and Baroni, "Discontinuity-free decision support with quantitative argumentation
//! debates" (KR 2016): `F(v1..vn) = 1 − Π(1 − vi)` and `C(v0, va, vs) = v0 − v0·(va − vs)`
//! when `va ≥ vs`, else `v0 + (1 − v0)·(vs − va)`; each comment shows the arithmetic.

use super::*;
use crate::evaluate::impact::impacts;
use crate::evaluate::network::Network;
use crate::model::{Claim, Debate, Kind, Text};

/// A debate from `(id, confidence, supports, opposes, with, undercuts)`; the first is the
/// thesis.
type Spec<'a> = (
    &'a str,
    Option<f64>,
    &'a [&'a str],
    &'a [&'a str],
    &'a [&'a str],
    &'a [&'a str],
);

fn debate(specs: &[Spec<'_>]) -> Debate {
    let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
    let claims = specs
        .iter()
        .enumerate()
        .map(|(k, &(id, conf, sup, opp, with, und))| Claim {
            supports: ids(sup),
            opposes: ids(opp),
            with: ids(with),
            undercuts: ids(und),
            confidence: conf,
            ..Claim::new(
                id,
                if k == 0 { Kind::Thesis } else { Kind::Claim },
                Text::single("en", id),
            )
        })
        .collect();
    Debate::new(Text::default(), vec!["en".into()], vec![], claims)
}

fn strengths(d: &Debate) -> Solved {
    solve(&Network::new(d), None)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn a_claim_without_arguments_keeps_its_base_score() {
    let d = debate(&[
        ("t", Some(0.3), &[], &[], &[], &[]),
        ("x", None, &[], &[], &[], &[]),
    ]);
    let s = strengths(&d);
    assert_eq!(s.values, vec![0.3, 0.5]);
    assert_eq!(s.settled, vec![Settled::Exact, Settled::Exact]);
}

#[test]
fn supporters_and_attackers_aggregate_then_combine() {
    // a, b support t; o opposes t; all base 0.5 and unargued, so each is 0.5.
    // vs = 1 − (0.5·0.5) = 0.75, va = 0.5; vs > va so t = 0.5 + 0.5·(0.75 − 0.5) = 0.625.
    let d = debate(&[
        ("t", None, &[], &[], &[], &[]),
        ("a", None, &["t"], &[], &[], &[]),
        ("b", None, &["t"], &[], &[], &[]),
        ("o", None, &[], &["t"], &[], &[]),
    ]);
    assert!(close(strengths(&d).values[0], 0.625));
}

#[test]
fn a_chain_is_computed_bottom_up() {
    // e (0.9) supports c (0.4): c = 0.4 + 0.6·0.9 = 0.94; c supports t (0.5):
    // t = 0.5 + 0.5·0.94 = 0.97.
    let d = debate(&[
        ("t", None, &[], &[], &[], &[]),
        ("c", Some(0.4), &["t"], &[], &[], &[]),
        ("e", Some(0.9), &["c"], &[], &[], &[]),
    ]);
    let s = strengths(&d);
    assert!(close(s.values[1], 0.94));
    assert!(close(s.values[0], 0.97));
}

#[test]
fn a_certain_attacker_with_no_support_on_the_other_side_defeats_fully() {
    // va = 1, vs = 0: t = 0.8 − 0.8·1 = 0.
    let d = debate(&[
        ("t", Some(0.8), &[], &[], &[], &[]),
        ("o", Some(1.0), &[], &["t"], &[], &[]),
    ]);
    assert!(close(strengths(&d).values[0], 0.0));
}

#[test]
fn a_linked_reason_is_one_supporter_weighted_by_the_product() {
    // a (0.8) with b (0.5) support t: weight 0.4, t = 0.5 + 0.5·0.4 = 0.7.
    let d = debate(&[
        ("t", None, &[], &[], &[], &[]),
        ("a", Some(0.8), &["t"], &[], &["b"], &[]),
        ("b", None, &["t"], &[], &["a"], &[]),
    ]);
    assert!(close(strengths(&d).values[0], 0.7));
}

#[test]
fn an_undercut_weakens_the_link_not_the_premise() {
    // a (0.5) supports t; u (0.6) undercuts a's link: weight 0.5·(1 − 0.6) = 0.2,
    // t = 0.5 + 0.5·0.2 = 0.6; a itself keeps 0.5.
    let d = debate(&[
        ("t", None, &[], &[], &[], &[]),
        ("a", None, &["t"], &[], &[], &[]),
        ("u", Some(0.6), &[], &[], &[], &["a"]),
    ]);
    let s = strengths(&d);
    assert!(close(s.values[0], 0.6));
    assert!(close(s.values[1], 0.5));
}

#[test]
fn mutual_attack_with_certain_bases_converges_instead_of_oscillating() {
    // The plain update flips (1, 1) → (0, 0) → (1, 1) for ever. The damped iteration reaches
    // the fixed point a = 1 − b with a = b: both 0.5.
    let d = debate(&[
        ("a", Some(1.0), &[], &["b"], &[], &[]),
        ("b", Some(1.0), &[], &["a"], &[], &[]),
    ]);
    let s = strengths(&d);
    assert!((s.values[0] - 0.5).abs() < 1e-6 && (s.values[1] - 0.5).abs() < 1e-6);
    assert!(matches!(s.settled[0], Settled::Converged { .. }));
}

#[test]
fn an_odd_cycle_converges_and_what_depends_on_it_is_computed_after() {
    // a → b → c → a (each opposes the next), all base 1: the fixed point is 0.5 each.
    // t (0.5) is supported by a: t = 0.5 + 0.5·0.5 = 0.75, exact once the cycle is solved.
    let d = debate(&[
        ("t", None, &[], &[], &[], &[]),
        ("a", Some(1.0), &["t"], &["b"], &[], &[]),
        ("b", Some(1.0), &[], &["c"], &[], &[]),
        ("c", Some(1.0), &[], &["a"], &[], &[]),
    ]);
    let s = strengths(&d);
    for i in 1..4 {
        assert!((s.values[i] - 0.5).abs() < 1e-6, "{:?}", s.values);
    }
    assert!((s.values[0] - 0.75).abs() < 1e-6);
    assert_eq!(s.settled[0], Settled::Exact);
}

#[test]
fn unsettled_values_are_withheld_downstream() {
    let d = debate(&[
        ("t", None, &[], &[], &[], &[]),
        ("a", None, &["t"], &[], &[], &[]),
    ]);
    let net = Network::new(&d);
    let mut values = vec![0.5, 0.5];
    let mut settled = vec![Settled::Exact, Settled::Oscillating];
    let k = net.component_of[0];
    solve_component(
        &net,
        k,
        &mut values,
        &mut settled,
        None,
        &mut Budget::unlimited(),
        true,
    );
    assert_eq!(settled[0], Settled::Unsettled);
    let s = Solved { values, settled };
    assert_eq!(s.strength(0), None);
}

#[test]
fn impact_is_the_change_when_a_claim_is_removed() {
    // As in supporters_and_attackers_aggregate_then_combine, t = 0.625.
    // Without a: vs = va = 0.5, t = 0.5: impact +0.125.
    // Without o: va = 0, t = 0.5 + 0.5·0.75 = 0.875: impact −0.25.
    // e supports a: a = 0.75, vs = 1 − 0.25·0.5 = 0.875, t = 0.5 + 0.5·0.375 = 0.6875;
    // without e, t = 0.625: impact +0.0625.
    let d = debate(&[
        ("t", None, &[], &[], &[], &[]),
        ("a", None, &["t"], &[], &[], &[]),
        ("b", None, &["t"], &[], &[], &[]),
        ("o", None, &[], &["t"], &[], &[]),
        ("e", None, &["a"], &[], &[], &[]),
    ]);
    let net = Network::new(&d);
    let solved = solve(&net, None);
    assert!(close(solved.values[0], 0.6875));
    let im = impacts(&net, &solved, 10, &mut Budget::unlimited());
    // Without a (and so without e's effect): vs = 0.5 = va, t = 0.5.
    assert!(close(im.best[1].unwrap().1, 0.1875));
    // Without o: t = 0.5 + 0.5·0.875 = 0.9375.
    assert!(close(im.best[3].unwrap().1, -0.25));
    assert!(close(im.best[4].unwrap().1, 0.0625));
    let (thesis, top) = &im.per_thesis[0];
    assert_eq!(*thesis, 0);
    assert_eq!(
        top.iter().map(|&(c, _)| c).collect::<Vec<_>>(),
        vec![3, 1, 2, 4]
    );
}

#[test]
fn removing_a_co_premise_drops_its_whole_linked_reason() {
    // a (0.8) with b (0.5) support t (0.7 as above); without b the reason is gone: t = 0.5.
    let d = debate(&[
        ("t", None, &[], &[], &[], &[]),
        ("a", Some(0.8), &["t"], &[], &["b"], &[]),
        ("b", None, &["t"], &[], &["a"], &[]),
    ]);
    let net = Network::new(&d);
    let solved = solve(&net, None);
    let im = impacts(&net, &solved, 10, &mut Budget::unlimited());
    assert!(close(im.best[2].unwrap().1, 0.2));
    assert!(close(im.best[1].unwrap().1, 0.2));
}

#[test]
fn impact_through_a_cycle_matches_a_full_re_evaluation() {
    // o1 and o2 oppose each other; o1 also opposes t; e supports o2.
    let full = debate(&[
        ("t", None, &[], &[], &[], &[]),
        ("o1", Some(0.9), &[], &["t", "o2"], &[], &[]),
        ("o2", Some(0.7), &[], &["o1"], &[], &[]),
        ("e", Some(0.6), &["o2"], &[], &[], &[]),
    ]);
    let without_e = debate(&[
        ("t", None, &[], &[], &[], &[]),
        ("o1", Some(0.9), &[], &["t", "o2"], &[], &[]),
        ("o2", Some(0.7), &[], &["o1"], &[], &[]),
    ]);
    let net = Network::new(&full);
    let solved = solve(&net, None);
    let im = impacts(&net, &solved, 10, &mut Budget::unlimited());
    let reference = strengths(&without_e).values[0];
    let delta = im.best[3].map_or(0.0, |(_, x)| x);
    assert!(
        (solved.values[0] - reference - delta).abs() < 1e-6,
        "{delta} vs {}",
        solved.values[0] - reference
    );
    assert!(
        delta > 0.0,
        "e strengthens o2, which weakens o1, which attacks t"
    );
}
