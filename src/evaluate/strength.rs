//! DF-QuAD gradual strengths (Rago, Toni, Aurisicchio and Baroni, "Discontinuity-free
//! decision support with quantitative argumentation debates", KR 2016).
//!
//! Acyclic parts are computed exactly, each claim once, after everything it depends on.
//! A cycle of objections has no such order, and the plain repeated update can oscillate for
//! ever (two claims with base 1 attacking each other flip between 0 and 1), so a cyclic
//! component is solved by damped iteration, `s ← s + α·(update(s) − s)`, the Euler step of
//! the continuous model (Potyka, KR 2018), until no claim moves by more than [`TOLERANCE`].
//! A component that does not settle is reported as such and its strengths are withheld.

use super::network::Network;

/// Impact in a cycle: the cycle without one claim, split into what still cycles.
mod split;
use serde::Serialize;

/// A cyclic component has converged when one more update moves no claim by more than this.
pub const TOLERANCE: f64 = 1e-9;

/// Damping factors tried in turn, each with its iteration limit; smaller steps converge
/// where larger ones overshoot, at the cost of more iterations.
const SCHEDULE: [(f64, u32); 3] = [(0.5, 500), (0.2, 1_500), (0.05, 6_000)];

/// Cap on links read for one component and one damping factor, so that a huge cycle
/// costs seconds, not hours; a component that needs more is reported as not converged.
const WORK_LIMIT: u64 = 200_000_000;

/// The steps (a claim or a link read once) iterative evaluation may spend in one run
/// (strengths of cycles first, then impacts), so that a hostile cycle costs a bounded time
/// instead of minutes, however densely its claims attack each other. Acyclic
/// claims are computed exactly whatever is left: only iteration draws on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Steps allowed.
    pub limit: u64,
    /// Steps spent so far.
    pub used: u64,
}

impl Budget {
    /// A fresh budget of `limit` steps.
    pub fn new(limit: u64) -> Budget {
        Budget { limit, used: 0 }
    }

    /// A budget that never runs out, for tests and callers that bound the work otherwise.
    pub fn unlimited() -> Budget {
        Budget::new(u64::MAX)
    }

    /// Spends `n` updates if that many are left; `false` (spending nothing) otherwise.
    pub fn spend(&mut self, n: u64) -> bool {
        if self.limit - self.used < n {
            self.used = self.limit;
            return false;
        }
        self.used += n;
        true
    }

    /// Whether the budget ran out.
    pub fn exhausted(&self) -> bool {
        self.used >= self.limit
    }
}

/// How a claim's strength was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "how")]
pub enum Settled {
    /// Computed exactly: the claim is in no cycle and nothing it depends on failed.
    Exact,
    /// In a cycle of attacks; the damped iteration converged.
    Converged {
        /// Updates of the whole cycle needed.
        iterations: u32,
    },
    /// In a cycle that did not converge: the value is not reported.
    Oscillating,
    /// Depends on a claim that did not settle, so its own value is not reliable either.
    Unsettled,
    /// In a cycle left unsolved because the iteration budget ran out (see [`Budget`]).
    OverBudget,
}

impl Settled {
    /// Whether the strength can be reported.
    pub fn is_final(self) -> bool {
        matches!(self, Settled::Exact | Settled::Converged { .. })
    }
}

/// Strengths of every claim, with how each was reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Solved {
    /// Strength per claim (the last iterate for claims that did not settle).
    pub values: Vec<f64>,
    /// How each value was reached.
    pub settled: Vec<Settled>,
}

impl Solved {
    /// A claim's strength, or `None` when it did not settle.
    pub fn strength(&self, claim: usize) -> Option<f64> {
        self.settled[claim].is_final().then_some(self.values[claim])
    }
}

/// Computes every strength, optionally as if `removed` (and the reasons it is a premise of)
/// were not in the debate.
pub fn solve(net: &Network<'_>, removed: Option<usize>) -> Solved {
    solve_within(net, removed, &mut Budget::unlimited())
}

/// [`solve`], iterating cycles only while `budget` lasts; cycles met after it ran out are
/// [`Settled::OverBudget`].
pub fn solve_within(net: &Network<'_>, removed: Option<usize>, budget: &mut Budget) -> Solved {
    let n = net.len();
    let mut values: Vec<f64> = (0..n).map(|i| net.base(i)).collect();
    let mut settled = vec![Settled::Exact; n];
    let mut unsettled_yet = false;
    for k in 0..net.components.len() {
        solve_component(
            net,
            k,
            &mut values,
            &mut settled,
            removed,
            budget,
            unsettled_yet,
        );
        unsettled_yet |= !settled[net.components[k][0]].is_final();
    }
    Solved { values, settled }
}

/// Solves one component in place, given final values for everything it depends on.
/// `unsettled_yet`: whether any claim outside it may have a value that did not settle; when
/// none can, the component cannot inherit one and the scan of its premises is skipped
/// (for a reason with 100,000 co-premises, that scan at each impact was quadratic).
pub fn solve_component(
    net: &Network<'_>,
    k: usize,
    values: &mut [f64],
    settled: &mut [Settled],
    removed: Option<usize>,
    budget: &mut Budget,
    unsettled_yet: bool,
) {
    let component = &net.components[k];
    if let Some(r) = removed.filter(|&r| net.cyclic[k] && net.component_of[r] == k) {
        split::solve_without(net, k, r, values, settled, budget, unsettled_yet);
        return;
    }
    let inherited = unsettled_yet && inherits_unsettled(net, k, component, settled);
    let outcome = if net.cyclic[k] {
        iterate(net, component, values, removed, budget)
    } else {
        let i = component[0];
        values[i] = net.update(i, values, removed);
        Settled::Exact
    };
    let outcome = match outcome {
        Settled::Exact | Settled::Converged { .. } if inherited => Settled::Unsettled,
        other => other,
    };
    for &i in component {
        settled[i] = outcome;
    }
}

/// Whether a claim of `claims` (in component `k`) reads one outside `k` that did not settle.
pub(super) fn inherits_unsettled(
    net: &Network<'_>,
    k: usize,
    claims: &[usize],
    settled: &[Settled],
) -> bool {
    claims.iter().any(|&i| {
        net.debate
            .reasons_for(i)
            .flat_map(|(_, r)| r.premises.iter().chain(&r.undercutters))
            .any(|&p| net.component_of[p] != k && !settled[p].is_final())
    })
}

/// What one round of updating `claims` reads: each claim and each premise and undercutter
/// of each of its reasons. The budget is paid in these units, so a dense cycle costs in
/// proportion to its links.
pub(super) fn work_per_round(net: &Network<'_>, claims: &[usize]) -> u64 {
    claims
        .iter()
        .map(|&i| {
            1 + net
                .debate
                .reasons_for(i)
                .map(|(_, r)| (r.premises.len() + r.undercutters.len()) as u64)
                .sum::<u64>()
        })
        .sum()
}

/// Damped iteration of the claims of one cycle, each round paid for from `budget`.
pub(super) fn iterate(
    net: &Network<'_>,
    component: &[usize],
    values: &mut [f64],
    removed: Option<usize>,
    budget: &mut Budget,
) -> Settled {
    let mut targets = vec![0.0; component.len()];
    let edges = work_per_round(net, component);
    let mut total = 0u32;
    for (alpha, limit) in SCHEDULE {
        // Every attempt starts from the base scores, so the answer does not depend on which
        // damping factor found it, nor on what was removed elsewhere (impact).
        for &i in component {
            values[i] = net.base(i);
        }
        let limit = u64::from(limit).min(WORK_LIMIT / edges.max(1)).max(1) as u32;
        for _ in 0..limit {
            // A round costs what it reads: a clique of 300 objections reads 90,000 links per
            // round, not 300 claims.
            if !budget.spend(edges) {
                return Settled::OverBudget;
            }
            total += 1;
            let mut residual: f64 = 0.0;
            for (t, &i) in targets.iter_mut().zip(component) {
                *t = net.update(i, values, removed);
                residual = residual.max((*t - values[i]).abs());
            }
            if residual < TOLERANCE {
                return Settled::Converged { iterations: total };
            }
            for (&t, &i) in targets.iter().zip(component) {
                values[i] += alpha * (t - values[i]);
            }
        }
    }
    Settled::Oscillating
}

#[cfg(test)]
mod tests;
