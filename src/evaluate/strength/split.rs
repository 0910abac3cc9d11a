//! Removing a claim from inside a cycle (impact): what is left of the cycle is often no cycle
//! at all. A ring of objections loses one claim and becomes a chain, which is computed
//! exactly in one pass; iterating the whole ring again for each of its claims made a ring of
//! 1,000 take minutes. The rest of the component is split into its own strongly connected
//! parts, in evaluation order, and only the parts that are still cycles are iterated.

use super::{Budget, Settled, inherits_unsettled, iterate, work_per_round};
use crate::evaluate::network::{Network, tarjan};

/// What re-splitting a cycle costs per claim, in steps of the [`Budget`]: finding
/// the parts and recomputing each claim exactly costs about this many iteration steps.
/// Removing each claim of a ring of `n` recomputes the other `n − 1`, so the impacts of a
/// ring are quadratic and must draw on the budget too (a ring of 10,000: 100 million
/// recomputations, about a minute).
const SPLIT_UNITS: u64 = 50;

/// Solves component `k` without `removed` (one of its claims) and the reasons it is a
/// premise of, in place. `removed` keeps its value and how it settled; nothing reads it.
/// When the budget cannot pay for the split, the rest of the component is
/// [`Settled::OverBudget`].
pub(crate) fn solve_without(
    net: &Network<'_>,
    k: usize,
    removed: usize,
    values: &mut [f64],
    settled: &mut [Settled],
    budget: &mut Budget,
    unsettled_yet: bool,
) {
    let members: Vec<usize> = net.components[k]
        .iter()
        .copied()
        .filter(|&i| i != removed)
        .collect();
    // Splitting reads every link of the rest of the component once.
    let cost = (members.len() as u64 * SPLIT_UNITS).max(work_per_round(net, &members));
    if !budget.spend(cost) {
        for &i in &members {
            settled[i] = Settled::OverBudget;
        }
        return;
    }
    // Members are sorted, so a claim's local index is its position among them.
    let local = |i: usize| members.binary_search(&i).ok();
    let edges: Vec<Vec<usize>> = members
        .iter()
        .map(|&i| {
            let mut out: Vec<usize> = net
                .debate
                .reasons_for(i)
                .filter(|(_, r)| !r.premises.contains(&removed))
                .flat_map(|(_, r)| r.premises.iter().chain(&r.undercutters))
                .filter(|&&p| p != removed && net.component_of[p] == k)
                .filter_map(|&p| local(p))
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        })
        .collect();
    let inherited = unsettled_yet && inherits_unsettled(net, k, &members, settled);
    let (parts, part_of) = tarjan(&edges);
    // Whether each part's value can be reported, to pass "unsettled" up the order.
    let mut part_final = vec![true; parts.len()];
    for (pk, part) in parts.iter().enumerate() {
        let claims: Vec<usize> = part.iter().map(|&l| members[l]).collect();
        let cyclic = part.len() > 1 || edges[part[0]].contains(&part[0]);
        let outcome = if cyclic {
            iterate(net, &claims, values, Some(removed), budget)
        } else {
            values[claims[0]] = net.update(claims[0], values, Some(removed));
            Settled::Exact
        };
        let below_unsettled = part
            .iter()
            .flat_map(|&l| &edges[l])
            .any(|&m| part_of[m] != pk && !part_final[part_of[m]]);
        let outcome = match outcome {
            Settled::Exact | Settled::Converged { .. } if inherited || below_unsettled => {
                Settled::Unsettled
            }
            other => other,
        };
        part_final[pk] = outcome.is_final();
        for &i in &claims {
            settled[i] = outcome;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::strength::solve;
    use crate::model::{Claim, Debate, Kind, Text};

    /// A ring of `n` claims, each opposing the next, with base `base`.
    fn ring(n: usize, base: f64) -> Debate {
        let claims = (0..n)
            .map(|i| {
                let mut c = Claim::new(format!("c{i}"), Kind::Claim, Text::single("en", "x"));
                c.confidence = Some(base);
                c.opposes = vec![format!("c{}", (i + 1) % n)];
                c
            })
            .collect();
        Debate::new(Text::default(), vec!["en".into()], vec![], claims)
    }

    #[test]
    fn a_ring_without_one_claim_is_a_chain_computed_exactly() {
        let d = ring(50, 1.0);
        let net = Network::new(&d);
        let solved = solve(&net, None);
        let mut values = solved.values.clone();
        let mut settled = solved.settled.clone();
        let mut budget = Budget::new(100_000);
        let k = net.component_of[0];
        assert!(net.cyclic[k]);
        solve_without(&net, k, 0, &mut values, &mut settled, &mut budget, false);
        // Nothing iterates (the split is paid for once): c1 loses its only attacker and
        // stands at 1, c2 falls to 0, ...
        assert_eq!(budget.used, 49 * SPLIT_UNITS);
        assert!(settled[1..].iter().all(|&s| s == Settled::Exact));
        assert_eq!(values[1], 1.0);
        assert_eq!(values[2], 0.0);
        assert_eq!(values[3], 1.0);
    }

    #[test]
    fn impacts_in_a_ring_cost_no_iteration_and_a_spent_budget_lists_what_was_skipped() {
        use crate::evaluate::impact::impacts;
        let mut d = ring(40, 1.0);
        let mut t = Claim::new("t", Kind::Thesis, Text::single("en", "t"));
        t.confidence = Some(0.5);
        let mut s = Claim::new("s", Kind::Claim, Text::single("en", "s"));
        s.supports = vec!["t".into()];
        s.with = vec!["c0".into()];
        let mut claims = d.claims.clone();
        claims.extend([t, s]);
        d = Debate::new(Text::default(), vec!["en".into()], vec![], claims);
        let net = Network::new(&d);
        let mut budget = Budget::unlimited();
        let solved = crate::evaluate::strength::solve_within(&net, None, &mut budget);
        let after_solve = budget.used;
        let im = impacts(&net, &solved, 10, &mut budget);
        assert!(im.skipped.is_empty());
        // Removing a ring claim leaves a chain: nothing is iterated, each split paid once.
        assert_eq!(budget.used, after_solve + 40 * 39 * SPLIT_UNITS);
        // With nothing left, every claim that could move the thesis is listed as skipped.
        let mut spent = Budget::new(1);
        let none = crate::evaluate::strength::solve_within(&net, None, &mut spent);
        assert!(none.settled[..40].iter().all(|&s| s == Settled::OverBudget));
        assert_eq!(none.strength(40), None);
    }
}
