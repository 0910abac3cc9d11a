//! Argument schemes and their critical questions: the patterns reasons follow (expert
//! opinion, analogy, …) and what a reviewer should ask of each.

use super::{Origin, Text};
use serde::Serialize;

/// One argument scheme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scheme {
    /// The id a claim names in `scheme:`.
    pub id: String,
    /// Human name, by language.
    pub name: Text,
    /// One sentence on how the scheme argues, by language.
    pub description: Text,
    /// How many co-premises a linked reason using this scheme usually has.
    pub premises: usize,
    /// The critical questions a reviewer asks of a reason using it.
    pub questions: Vec<Question>,
    /// Where the debate declared it; `None` for the built-in catalogue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

/// A critical question of a scheme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    /// Id a review's `answers:` uses (unique within its scheme).
    pub id: String,
    /// The question, by language.
    pub text: Text,
}

impl Scheme {
    /// A question of this scheme by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}
