//! Verdicts: does a thesis meet the proof standard the debate chose?
//!
//! Carneades (Gordon, Prakken and Walton, "The Carneades model of argument and burden of
//! proof", Artificial Intelligence 171, 2007) weighs the arguments for a statement against
//! those against it under a proof standard. Here an argument is one reason for or against
//! the thesis, and its weight is the weight DF-QuAD gives that reason (its premises'
//! strengths, discounted by undercuts). A thesis *stands* when its side meets the standard,
//! *falls* when the other side meets the same standard against it, and is *contested* when
//! neither does.

use super::network::{Network, aggregate};
use super::strength::Solved;
use crate::model::{Compare, EvalSettings, ProofStandard, Thresholds};
use serde::Serialize;

/// Differences smaller than this are ties, so that rounding never decides a verdict.
const TIE: f64 = 1e-9;

/// The outcome for a thesis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The case for it meets the standard.
    Stands,
    /// The case against it meets the standard.
    Falls,
    /// Neither side meets it (or the strengths did not settle).
    Contested,
}

impl Verdict {
    /// The lowercase name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Stands => "stands",
            Verdict::Falls => "falls",
            Verdict::Contested => "contested",
        }
    }
}

/// A verdict with everything needed to explain it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Judgement {
    /// The outcome.
    pub verdict: Verdict,
    /// The thesis's own DF-QuAD strength, `None` when it did not settle.
    pub strength: Option<f64>,
    /// The weight of the case for (strongest or combined reason weight; 0 with none).
    pub pro: f64,
    /// The weight of the case against.
    pub con: f64,
    /// The standard applied.
    pub standard: ProofStandard,
    /// How the sides were weighed.
    pub compare: Compare,
    /// The thresholds in force (printed because implementations disagree on them).
    pub thresholds: Thresholds,
    /// `false` when a reason's weight depends on a strength that did not settle; the verdict
    /// is then `contested` whatever the numbers say.
    pub settled: bool,
}

/// Judges one thesis.
pub fn judge(
    net: &Network<'_>,
    solved: &Solved,
    thesis: usize,
    settings: &EvalSettings,
) -> Judgement {
    let mut pros = Vec::new();
    let mut cons = Vec::new();
    let mut settled = solved.settled[thesis].is_final();
    for (_, r) in net.debate.reasons_for(thesis) {
        settled &= r
            .premises
            .iter()
            .chain(&r.undercutters)
            .all(|&p| solved.settled[p].is_final());
        if let Some(w) = net.reason_weight(r, &solved.values, None) {
            if r.role.is_support() {
                pros.push(w);
            } else {
                cons.push(w);
            }
        }
    }
    let side = |ws: Vec<f64>| match settings.compare {
        Compare::Strongest => ws.into_iter().fold(0.0, f64::max),
        Compare::Combined => aggregate(ws),
    };
    let (pro, con) = (side(pros), side(cons));
    let verdict = if !settled {
        Verdict::Contested
    } else {
        decide(settings.standard, &settings.thresholds, pro, con)
    };
    Judgement {
        verdict,
        strength: solved.strength(thesis),
        pro,
        con,
        standard: settings.standard,
        compare: settings.compare,
        thresholds: settings.thresholds,
        settled,
    }
}

/// Applies a standard to the two sides' weights.
pub fn decide(standard: ProofStandard, t: &Thresholds, pro: f64, con: f64) -> Verdict {
    if meets(standard, t, pro, con) {
        Verdict::Stands
    } else if meets(standard, t, con, pro) {
        Verdict::Falls
    } else {
        Verdict::Contested
    }
}

/// Whether the case `side` meets the standard against the case `other`.
fn meets(standard: ProofStandard, t: &Thresholds, side: f64, other: f64) -> bool {
    let clear = side > t.alpha + TIE && side - other > t.beta + TIE;
    match standard {
        ProofStandard::Scintilla => side > TIE,
        ProofStandard::Preponderance => side > other + TIE,
        ProofStandard::ClearAndConvincing => clear,
        ProofStandard::BeyondReasonableDoubt => clear && other < t.gamma - TIE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Thresholds = Thresholds {
        alpha: 0.4,
        beta: 0.3,
        gamma: 0.2,
    };

    #[test]
    fn standards_get_stricter_in_order() {
        use ProofStandard::*;
        // pro 0.6 against con 0.25: more than preponderance, clear by 0.35 > β, but the
        // case against is not below γ.
        let verdicts: Vec<_> = ProofStandard::ALL
            .iter()
            .map(|&s| decide(s, &T, 0.6, 0.25))
            .collect();
        assert_eq!(
            verdicts,
            vec![
                Verdict::Stands,
                Verdict::Stands,
                Verdict::Stands,
                Verdict::Contested
            ]
        );
        assert_eq!(decide(BeyondReasonableDoubt, &T, 0.9, 0.1), Verdict::Stands);
        assert_eq!(decide(ClearAndConvincing, &T, 0.5, 0.3), Verdict::Contested);
    }

    #[test]
    fn the_other_side_meeting_the_standard_makes_the_thesis_fall() {
        use ProofStandard::*;
        assert_eq!(decide(Preponderance, &T, 0.2, 0.7), Verdict::Falls);
        assert_eq!(decide(Preponderance, &T, 0.5, 0.5), Verdict::Contested);
        assert_eq!(decide(Scintilla, &T, 0.0, 0.3), Verdict::Falls);
        assert_eq!(decide(Scintilla, &T, 0.0, 0.0), Verdict::Contested);
        assert_eq!(decide(BeyondReasonableDoubt, &T, 0.1, 0.95), Verdict::Falls);
    }

    #[test]
    fn thresholds_are_respected_exactly_at_the_edge() {
        // pro − con == β is not "more than β".
        assert_eq!(
            decide(ProofStandard::ClearAndConvincing, &T, 0.7, 0.4),
            Verdict::Contested
        );
    }
}
