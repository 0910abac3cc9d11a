//! Preferred and stable acceptance (being written: placeholder interface).

use super::dung::{AttackGraph, Label};

/// Credulous and sceptical acceptance under one extension-based semantics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Acceptance {
    /// The search finished.
    Decided {
        /// Number of extensions found.
        extensions: usize,
        /// Per claim: in at least one extension.
        credulous: Vec<bool>,
        /// Per claim: in every extension.
        sceptical: Vec<bool>,
    },
    /// Stable semantics only: the graph has no stable extension (e.g. an odd cycle of
    /// attacks), so nothing is sceptically accepted, not vacuously everything.
    NoExtension,
    /// The search gave up after this many steps.
    TooLarge {
        /// Steps taken before giving up.
        steps: u64,
    },
}

/// Preferred acceptance.
pub fn preferred(_graph: &AttackGraph, _grounded: &[Label], budget: u64) -> Acceptance {
    Acceptance::TooLarge { steps: budget }
}

/// Stable acceptance.
pub fn stable(_graph: &AttackGraph, _grounded: &[Label], budget: u64) -> Acceptance {
    Acceptance::TooLarge { steps: budget }
}
