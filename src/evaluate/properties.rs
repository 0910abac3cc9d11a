//! Property tests over random small debates: the laws the evaluation issue states, checked
//! on thousands of generated cases rather than a few hand-picked ones.

use super::dung::{AttackGraph, Label, grounded};
use super::impact::impacts;
use super::network::Network;
use super::strength::{Settled, solve};
use crate::model::{Claim, Debate, Kind, Text};
use proptest::prelude::*;

/// The relations of one generated claim, as indices into the debate.
#[derive(Debug, Clone)]
struct Raw {
    supports: Vec<usize>,
    opposes: Vec<usize>,
    undercuts: Vec<usize>,
    /// Link this claim with the previous one as co-premises (same conclusions).
    linked: bool,
    confidence: Option<f64>,
}

fn raw(n: usize) -> impl Strategy<Value = Raw> {
    (
        proptest::collection::vec(0..n, 0..3),
        proptest::collection::vec(0..n, 0..3),
        proptest::collection::vec(0..n, 0..2),
        proptest::bool::weighted(0.15),
        proptest::option::of(0.0..=1.0f64),
    )
        .prop_map(|(supports, opposes, undercuts, linked, confidence)| Raw {
            supports,
            opposes,
            undercuts,
            linked,
            confidence,
        })
}

/// Debates of 2 to 10 claims; claim 0 is the thesis. Supports point only to earlier claims
/// (validation forbids support cycles); objections and undercuts go anywhere, so cycles of
/// attacks occur.
fn debates() -> impl Strategy<Value = Debate> {
    (2usize..=10)
        .prop_flat_map(|n| proptest::collection::vec(raw(n), n))
        .prop_map(|raws| build(&raws))
}

fn build(raws: &[Raw]) -> Debate {
    let id = |i: usize| format!("c{i}");
    let mut claims: Vec<Claim> = Vec::new();
    for (i, r) in raws.iter().enumerate() {
        let kind = if i == 0 { Kind::Thesis } else { Kind::Claim };
        let mut c = Claim::new(id(i), kind, Text::single("en", id(i)));
        c.confidence = r.confidence;
        if i > 0 {
            let mut sup: Vec<usize> = r.supports.iter().map(|&t| t % i).collect();
            sup.sort_unstable();
            sup.dedup();
            let mut opp: Vec<usize> = r
                .opposes
                .iter()
                .copied()
                .filter(|&t| t != i && !sup.contains(&t))
                .collect();
            opp.sort_unstable();
            opp.dedup();
            c.supports = sup.into_iter().map(id).collect();
            c.opposes = opp.into_iter().map(id).collect();
            c.undercuts = r
                .undercuts
                .iter()
                .filter(|&&t| t != i)
                .map(|&t| id(t))
                .collect();
            // A co-premise argues for the same conclusions as its partner.
            let prev: &Claim = &claims[i - 1];
            if r.linked && i > 1 && prev.kind == Kind::Claim && !prev.supports.is_empty() {
                c.supports = prev.supports.clone();
                c.opposes = prev.opposes.clone();
                c.with = vec![prev.id.clone()];
                let own_id = c.id.clone();
                claims[i - 1].with.push(own_id);
            }
        }
        claims.push(c);
    }
    Debate::new(Text::default(), vec!["en".into()], vec![], claims)
}

/// The debate without claim `c`: every reason `c` was a premise of is gone, so a co-premise
/// linked with `c` loses its conclusions; references to `c` dangle and are ignored.
fn without(d: &Debate, c: usize) -> Debate {
    let gone = &d.claims[c].id;
    let claims = d
        .claims
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != c)
        .map(|(_, claim)| {
            let mut claim = claim.clone();
            if claim.with.contains(gone) {
                claim.supports.clear();
                claim.opposes.clear();
            }
            claim
        })
        .collect();
    Debate::new(Text::default(), vec!["en".into()], vec![], claims)
}

fn acyclic(net: &Network<'_>) -> bool {
    net.cyclic.iter().all(|&c| !c)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn strengths_stay_in_the_unit_interval_and_acyclic_debates_settle_exactly(d in debates()) {
        let net = Network::new(&d);
        let s = solve(&net, None);
        for (i, &v) in s.values.iter().enumerate() {
            if s.settled[i].is_final() {
                prop_assert!((0.0..=1.0).contains(&v), "claim {i}: {v}");
            }
        }
        if acyclic(&net) {
            prop_assert!(s.settled.iter().all(|&x| x == Settled::Exact));
        }
    }

    #[test]
    fn a_claim_without_reasons_keeps_its_base_score(d in debates()) {
        let net = Network::new(&d);
        let s = solve(&net, None);
        for i in 0..d.claims.len() {
            if d.reasons_for(i).next().is_none() {
                prop_assert_eq!(s.values[i], net.base(i));
            }
        }
    }

    #[test]
    fn a_new_supporter_never_lowers_and_a_new_attacker_never_raises(
        d in debates(),
        pick in 0usize..100,
        base in 0.0..=1.0f64,
    ) {
        let net = Network::new(&d);
        prop_assume!(acyclic(&net));
        let x = pick % d.claims.len();
        let before = solve(&net, None).values[x];
        for support in [true, false] {
            let mut claims = d.claims.clone();
            let mut new = Claim::new("new", Kind::Claim, Text::single("en", "new"));
            new.confidence = Some(base);
            let target = d.claims[x].id.clone();
            if support { new.supports.push(target) } else { new.opposes.push(target) }
            claims.push(new);
            let d2 = Debate::new(Text::default(), vec!["en".into()], vec![], claims);
            let after = solve(&Network::new(&d2), None).values[x];
            if support {
                prop_assert!(after >= before - 1e-12, "supporter lowered {before} to {after}");
            } else {
                prop_assert!(after <= before + 1e-12, "attacker raised {before} to {after}");
            }
        }
    }

    #[test]
    fn the_grounded_labelling_is_conflict_free_defended_and_complete(d in debates()) {
        let g = AttackGraph::from_debate(&d);
        let l = grounded(&g);
        for b in 0..g.len() {
            let attackers = &g.attackers[b];
            let some_in = attackers.iter().any(|&a| l[a] == Label::In);
            let all_out = attackers.iter().all(|&a| l[a] == Label::Out);
            match l[b] {
                // Conflict-free and defended: no attacker is in, every attacker is out
                // (attacked by an in claim).
                Label::In => prop_assert!(all_out && !some_in, "in {b} not defended"),
                Label::Out => prop_assert!(some_in, "out {b} without an in attacker"),
                Label::Undec => prop_assert!(!some_in && !all_out, "undec {b} is decided"),
            }
        }
    }

    /// The incremental impact (only the claims above the removed one recomputed) equals a
    /// full evaluation of the debate rebuilt without that claim.
    #[test]
    fn impact_equals_a_full_re_evaluation(d in debates()) {
        let net = Network::new(&d);
        let solved = solve(&net, None);
        let im = impacts(&net, &solved, usize::MAX, &mut super::strength::Budget::unlimited());
        let (thesis, ref list) = im.per_thesis[0];
        prop_assume!(solved.settled[thesis].is_final());
        let tolerance = if acyclic(&net) { 1e-9 } else { 1e-6 };
        for c in 1..d.claims.len() {
            let rebuilt = without(&d, c);
            let s2 = solve(&Network::new(&rebuilt), None);
            if !s2.settled[thesis].is_final() {
                continue;
            }
            let expected = solved.values[thesis] - s2.values[thesis];
            let got = list.iter().find(|&&(k, _)| k == c).map_or(0.0, |&(_, x)| x);
            prop_assert!((expected - got).abs() < tolerance, "claim {c}: expected {expected}, got {got}");
        }
    }
}
