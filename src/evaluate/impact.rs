//! Impact: how much each thesis's strength changes when one claim is removed, with the
//! reasons it is a premise of (a linked reason missing a premise no longer stands).
//!
//! Claims held up only by the removed one cannot reach the thesis except through it, so
//! dropping them as well changes nothing further. Removing a claim changes only the claims
//! above it: the walk recomputes just those components, in evaluation order, and stops
//! following a branch as soon as a strength no longer moves. On a tree-shaped debate that is
//! a few dozen updates per claim instead of a full re-evaluation. Components from which no
//! thesis with a reported strength can be reached are never recomputed: no impact could be
//! read there. Cycles are iterated only while the shared [`Budget`] lasts; the claims whose
//! walk it could not pay for are listed in [`Impacts::skipped`].

use super::network::Network;
use super::strength::{Budget, Settled, Solved, solve_component};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A strength that moves by less than this is treated as unchanged, ending the walk upward.
const UNCHANGED: f64 = 1e-12;

/// Impacts of every claim on every thesis.
#[derive(Debug, Clone, PartialEq)]
pub struct Impacts {
    /// Per claim, the thesis it moves most and by how much (`old − new`: positive when the
    /// claim holds the thesis up). `None` when removing it moves no thesis.
    pub best: Vec<Option<(usize, f64)>>,
    /// Per thesis (in file order), the `top` claims that move it most, largest first.
    pub per_thesis: Vec<(usize, Vec<(usize, f64)>)>,
    /// Claims whose impact was not computed because the iteration budget ran out, in order.
    pub skipped: Vec<usize>,
}

/// Per component, whether a thesis whose strength is reported can be reached from it
/// (itself included), following dependents upward.
fn reaches_a_thesis(net: &Network<'_>, solved: &Solved) -> Vec<bool> {
    let mut reaches = vec![false; net.components.len()];
    for t in net.debate.theses() {
        if solved.settled[t].is_final() {
            reaches[net.component_of[t]] = true;
        }
    }
    // Dependents lie later in the order, so one backward pass sees them first.
    for k in (0..net.components.len()).rev() {
        if reaches[k] {
            continue;
        }
        reaches[k] = net.components[k]
            .iter()
            .flat_map(|&i| &net.dependents[i])
            .any(|&d| reaches[net.component_of[d]]);
    }
    reaches
}

/// Computes the impact of removing each claim in turn.
pub fn impacts(net: &Network<'_>, solved: &Solved, top: usize, budget: &mut Budget) -> Impacts {
    let n = net.len();
    let reaches = reaches_a_thesis(net, solved);
    let mut skipped = Vec::new();
    let theses: Vec<usize> = net.debate.theses().collect();
    let mut values = solved.values.clone();
    let mut settled = solved.settled.clone();
    // Whether some claim did not settle in the full evaluation; a walk that makes one
    // unsettled sets it for the rest of that walk (see `solve_component`).
    let unsettled_before = solved.settled.iter().any(|s| !s.is_final());
    let mut queued = vec![false; net.components.len()];
    let mut heap: BinaryHeap<Reverse<usize>> = BinaryHeap::new();
    let mut touched: Vec<usize> = Vec::new();
    let mut best = vec![None; n];
    let mut per_thesis: Vec<Vec<(usize, f64)>> = vec![Vec::new(); theses.len()];
    for (c, best_c) in best.iter_mut().enumerate() {
        // Queues the components that read claim `i`, except `from` itself (a cyclic
        // component has just been solved as a whole); components come after what they
        // read, so every one queued lies later in the order.
        let push = |i: usize,
                    from: Option<usize>,
                    heap: &mut BinaryHeap<Reverse<usize>>,
                    queued: &mut [bool]| {
            for &d in &net.dependents[i] {
                let k = net.component_of[d];
                if Some(k) != from && reaches[k] && !queued[k] {
                    queued[k] = true;
                    heap.push(Reverse(k));
                }
            }
        };
        if budget.exhausted() {
            if net.dependents[c]
                .iter()
                .any(|&d| reaches[net.component_of[d]])
            {
                skipped.push(c);
            }
            continue;
        }
        push(c, None, &mut heap, &mut queued);
        let mut over_budget = false;
        let mut unsettled_yet = unsettled_before;
        while let Some(Reverse(k)) = heap.pop() {
            queued[k] = false;
            solve_component(
                net,
                k,
                &mut values,
                &mut settled,
                Some(c),
                budget,
                unsettled_yet,
            );
            for &i in &net.components[k] {
                touched.push(i);
                over_budget |= settled[i] == Settled::OverBudget;
                unsettled_yet |= !settled[i].is_final();
                let moved = (values[i] - solved.values[i]).abs() > UNCHANGED
                    || settled[i] != solved.settled[i];
                if moved {
                    push(i, Some(k), &mut heap, &mut queued);
                }
            }
        }
        if over_budget {
            skipped.push(c);
        }
        for (slot, &t) in theses.iter().enumerate() {
            if over_budget || t == c || !settled[t].is_final() || !solved.settled[t].is_final() {
                continue;
            }
            let delta = solved.values[t] - values[t];
            if delta.abs() > UNCHANGED {
                per_thesis[slot].push((c, delta));
                if best_c.is_none_or(|(_, b): (usize, f64)| delta.abs() > b.abs()) {
                    *best_c = Some((t, delta));
                }
            }
        }
        for &i in &touched {
            values[i] = solved.values[i];
            settled[i] = solved.settled[i];
        }
        touched.clear();
    }
    let per_thesis = theses
        .into_iter()
        .zip(per_thesis)
        .map(|(t, mut list)| {
            list.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
            list.truncate(top);
            (t, list)
        })
        .collect();
    Impacts {
        best,
        per_thesis,
        skipped,
    }
}
