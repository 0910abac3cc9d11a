//! What the debate chooses about its own evaluation, read from `claimmap.yaml`.
//!
//! Carneades-style proof standards decide when a thesis "stands". Published implementations
//! disagree on the thresholds, so the debate names its standard and may override every
//! threshold; outputs print them beside each verdict so a reader can tell which were used.

use serde::Serialize;

/// How much the arguments for a thesis must outweigh those against it (Gordon and Walton's
/// proof standards, weakest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ProofStandard {
    /// Some argument for it counts at all.
    Scintilla,
    /// The arguments for it outweigh those against it.
    #[default]
    Preponderance,
    /// The case for it is strong (above `alpha`) and beats the case against by `beta`.
    ClearAndConvincing,
    /// Clear and convincing, and the case against is weak (below `gamma`).
    BeyondReasonableDoubt,
}

impl ProofStandard {
    /// Every standard, weakest first, as written in `claimmap.yaml`.
    pub const ALL: [ProofStandard; 4] = [
        ProofStandard::Scintilla,
        ProofStandard::Preponderance,
        ProofStandard::ClearAndConvincing,
        ProofStandard::BeyondReasonableDoubt,
    ];

    /// The keyword used in `claimmap.yaml` and outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            ProofStandard::Scintilla => "scintilla",
            ProofStandard::Preponderance => "preponderance",
            ProofStandard::ClearAndConvincing => "clear-and-convincing",
            ProofStandard::BeyondReasonableDoubt => "beyond-reasonable-doubt",
        }
    }

    /// Parses the `claimmap.yaml` keyword.
    pub fn parse(s: &str) -> Option<ProofStandard> {
        ProofStandard::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// How the arguments on each side are weighed against each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Compare {
    /// The strongest single argument on each side, as Carneades does.
    #[default]
    Strongest,
    /// All arguments on each side combined (the aggregation DF-QuAD uses), so several
    /// independent reasons count for more than one.
    Combined,
}

impl Compare {
    /// Every way, as written in `claimmap.yaml`.
    pub const ALL: [Compare; 2] = [Compare::Strongest, Compare::Combined];

    /// The keyword used in `claimmap.yaml` and outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Compare::Strongest => "strongest",
            Compare::Combined => "combined",
        }
    }

    /// Parses the `claimmap.yaml` keyword.
    pub fn parse(s: &str) -> Option<Compare> {
        Compare::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// The thresholds of the stricter proof standards, each in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Thresholds {
    /// Clear and convincing: the case for must be stronger than this.
    pub alpha: f64,
    /// Clear and convincing: the case for must beat the case against by more than this.
    pub beta: f64,
    /// Beyond reasonable doubt: the case against must be weaker than this.
    pub gamma: f64,
}

impl Default for Thresholds {
    /// Carneades' own defaults (α 0.4, β 0.3, γ 0.2); other tools use 0.5/0.3/0.2 or
    /// 0.5/0.5/0.3, which is why a debate can override them.
    fn default() -> Thresholds {
        Thresholds {
            alpha: 0.4,
            beta: 0.3,
            gamma: 0.2,
        }
    }
}

/// The `evaluation:` section of `claimmap.yaml`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct EvalSettings {
    /// The proof standard every thesis is judged by.
    pub standard: ProofStandard,
    /// How the two sides are compared.
    pub compare: Compare,
    /// Thresholds for the stricter standards.
    pub thresholds: Thresholds,
    /// Whether reviews feed the gradual strengths (`reviews: true`): a claim's base score
    /// is averaged with its reviewers' verdicts, and critical questions answered "no" and
    /// weak links lower the weight of the reasons it is a premise of.
    pub reviews: bool,
}
