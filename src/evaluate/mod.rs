//! Evaluation: how well each claim stands, which claims survive, and what decides a thesis.
//!
//! Three views of one debate, each answering its own question:
//! - [`strength`]: DF-QuAD gradual strengths, a number in [0, 1] per claim that weighs
//!   support against objections, starting from each claim's `confidence`;
//! - [`dung`]: the grounded labelling (in / out / undec) over attacks alone, with
//!   [`extensions`] for preferred and stable acceptance on debates small enough to search;
//! - [`verdict`]: a Carneades proof standard applied to each thesis's arguments, and
//!   [`impact`]: how much each claim moves each thesis, the list of what would change it.

pub mod dung;
pub mod extensions;
pub mod impact;
pub mod network;
#[cfg(test)]
mod properties;
pub mod reviews;
pub mod strength;
pub mod verdict;

use crate::model::Debate;
pub use dung::{AttackGraph, Label};
pub use extensions::Acceptance;
pub use strength::{Budget, Settled};
pub use verdict::Verdict;

/// Which extension-based semantics to compute beyond the grounded labelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Semantics {
    /// Only the grounded labelling (always computed; linear time).
    #[default]
    Grounded,
    /// Also credulous and sceptical acceptance under preferred semantics.
    Preferred,
    /// Also credulous and sceptical acceptance under stable semantics.
    Stable,
}

/// What to compute; the defaults suit `claimmap eval`.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Extension-based semantics to add to the grounded labelling.
    pub semantics: Semantics,
    /// How many impacts to keep per thesis, largest first.
    pub top: usize,
    /// Search steps allowed for preferred or stable acceptance before giving up with
    /// [`Acceptance::TooLarge`] rather than hanging.
    pub search_budget: u64,
    /// Claim updates allowed to the iteration of cycles (strengths, then impacts) before
    /// the rest is left undecided and [`Evaluation::iteration`] says so, rather than hanging.
    pub iteration_budget: u64,
}

/// The default of [`Options::iteration_budget`]: about a second on a laptop.
pub const DEFAULT_ITERATION_BUDGET: u64 = 100_000_000;

impl Default for Options {
    fn default() -> Options {
        Options {
            semantics: Semantics::Grounded,
            top: 20,
            search_budget: 2_000_000,
            iteration_budget: DEFAULT_ITERATION_BUDGET,
        }
    }
}

/// The evaluation of one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimEval {
    /// Its `confidence`, or 0.5 when the debate gives none.
    pub base: f64,
    /// DF-QuAD strength; `None` when it did not settle (see `settled`).
    pub strength: Option<f64>,
    /// How the strength was reached: exactly, by converging iteration, or not at all.
    pub settled: Settled,
    /// Grounded label.
    pub label: Label,
    /// For an `out` claim, the attackers labelled `in` that defeat it.
    pub defeated_by: Vec<usize>,
    /// The largest change this claim's removal makes to a thesis: `(thesis, change)`, where
    /// a positive change means the claim holds the thesis up. `None` when it reaches no
    /// thesis or the change could not be settled.
    pub impact: Option<(usize, f64)>,
}

/// The evaluation of one thesis.
#[derive(Debug, Clone, PartialEq)]
pub struct ThesisEval {
    /// Index of the thesis claim.
    pub claim: usize,
    /// The verdict under the debate's proof standard, with the weights it compared.
    pub verdict: verdict::Judgement,
    /// Claims whose removal changes this thesis most, largest change first:
    /// `(claim, change)` with the sign of [`ClaimEval::impact`].
    pub top_impacts: Vec<(usize, f64)>,
}

/// Everything evaluation found, index-aligned with [`Debate::claims`].
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// One entry per claim.
    pub claims: Vec<ClaimEval>,
    /// One entry per thesis, in file order.
    pub theses: Vec<ThesisEval>,
    /// Preferred or stable acceptance, when asked for.
    pub extensions: Option<(Semantics, Acceptance)>,
    /// What the iteration budget allowed.
    pub iteration: IterationReport,
}

/// How the iteration of cycles fared against [`Options::iteration_budget`], so that every
/// output can say which claims were left undecided for lack of it and how to raise it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IterationReport {
    /// Claim updates allowed.
    pub limit: u64,
    /// Claim updates spent.
    pub used: u64,
    /// Claims in cycles whose strength was not computed ([`Settled::OverBudget`]).
    pub unsolved: Vec<usize>,
    /// Claims whose impact was not computed.
    pub impacts_skipped: Vec<usize>,
}

impl IterationReport {
    /// Whether the budget ran out before everything was computed.
    pub fn ran_out(&self) -> bool {
        !self.unsolved.is_empty() || !self.impacts_skipped.is_empty()
    }

    /// One sentence for the reader when the budget ran out: what was left undecided (the
    /// first ids of each kind), why, and how to raise the budget. `None` when it sufficed.
    pub fn note(&self, debate: &Debate) -> Option<String> {
        if !self.ran_out() {
            return None;
        }
        let ids = |v: &[usize]| {
            let mut out = v
                .iter()
                .take(NOTE_IDS)
                .map(|&i| debate.claims[i].id.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let more = v.len().saturating_sub(NOTE_IDS);
            if more > 0 {
                out.push_str(&format!(" and {more} more"));
            }
            out
        };
        let mut parts = Vec::new();
        if !self.unsolved.is_empty() {
            parts.push(format!(
                "the strength of {} claims in cycles of attacks was left undecided ({})",
                self.unsolved.len(),
                ids(&self.unsolved)
            ));
        }
        if !self.impacts_skipped.is_empty() {
            parts.push(format!(
                "the impact of {} claims was not computed ({})",
                self.impacts_skipped.len(),
                ids(&self.impacts_skipped)
            ));
        }
        Some(format!(
            "the iteration budget of {} steps ran out: {}; a cycle of attacks takes \
             many rounds to settle, and removing each of its claims recomputes the rest. \
             Raise it with `--iteration-budget {}`",
            self.limit,
            parts.join(", and "),
            self.limit.saturating_mul(10).max(1_000)
        ))
    }
}

/// How many ids of each kind [`IterationReport::note`] names before it only counts the rest.
const NOTE_IDS: usize = 5;

/// Evaluates a checked debate. Never fails: cycles that do not settle and searches that are
/// too large are reported in the result, not as errors.
pub fn evaluate(debate: &Debate, options: &Options) -> Evaluation {
    let net = network::Network::new(debate);
    let mut budget = Budget::new(options.iteration_budget);
    let solved = strength::solve_within(&net, None, &mut budget);
    let attacks = AttackGraph::from_debate(debate);
    let labels = dung::grounded(&attacks);
    let impacts = impact::impacts(&net, &solved, options.top, &mut budget);
    let iteration = IterationReport {
        limit: budget.limit,
        used: budget.used,
        unsolved: (0..net.len())
            .filter(|&i| solved.settled[i] == Settled::OverBudget)
            .collect(),
        impacts_skipped: impacts.skipped.clone(),
    };
    let mut claims: Vec<ClaimEval> = (0..debate.claims.len())
        .map(|i| ClaimEval {
            base: net.base(i),
            strength: solved.strength(i),
            settled: solved.settled[i],
            label: labels[i],
            defeated_by: if labels[i] == Label::Out {
                dung::defeaters(&attacks, &labels, i)
            } else {
                Vec::new()
            },
            impact: None,
        })
        .collect();
    for (i, best) in impacts.best.iter().enumerate() {
        claims[i].impact = *best;
    }
    let theses = impacts
        .per_thesis
        .into_iter()
        .map(|(t, top_impacts)| ThesisEval {
            claim: t,
            verdict: verdict::judge(&net, &solved, t, &debate.settings),
            top_impacts,
        })
        .collect();
    let extensions = match options.semantics {
        Semantics::Grounded => None,
        Semantics::Preferred => Some((
            Semantics::Preferred,
            extensions::preferred(&attacks, &labels, options.search_budget),
        )),
        Semantics::Stable => Some((
            Semantics::Stable,
            extensions::stable(&attacks, &labels, options.search_budget),
        )),
    };
    Evaluation {
        claims,
        theses,
        extensions,
        iteration,
    }
}
