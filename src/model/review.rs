//! Reviews: a student's judgement of one claim, kept as files beside the claims.

use super::Origin;
use serde::Serialize;

/// A reviewer's overall judgement of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewVerdict {
    /// The claim holds up.
    Accept,
    /// The claim does not hold up.
    Reject,
    /// The reviewer doubts it but cannot reject it.
    Dubious,
}

/// How well a reason backs what it supports or opposes, in the reviewer's view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkStrength {
    /// The reason, if true, backs its conclusion well.
    Strong,
    /// It backs it only a little.
    Weak,
    /// It does not back it at all, even if true.
    None,
}

/// An answer to a critical question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerValue {
    /// The question is answered in the argument's favour.
    Yes,
    /// Answered against the argument.
    No,
    /// The reviewer could not tell.
    Unsure,
}

/// Keyword lists for messages and parsing.
impl ReviewVerdict {
    /// Every verdict, as written in review files.
    pub const ALL: [ReviewVerdict; 3] = [
        ReviewVerdict::Accept,
        ReviewVerdict::Reject,
        ReviewVerdict::Dubious,
    ];

    /// The keyword.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewVerdict::Accept => "accept",
            ReviewVerdict::Reject => "reject",
            ReviewVerdict::Dubious => "dubious",
        }
    }
}

impl LinkStrength {
    /// Every strength, as written in review files.
    pub const ALL: [LinkStrength; 3] =
        [LinkStrength::Strong, LinkStrength::Weak, LinkStrength::None];

    /// The keyword.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkStrength::Strong => "strong",
            LinkStrength::Weak => "weak",
            LinkStrength::None => "none",
        }
    }
}

impl AnswerValue {
    /// Every answer, as written in review files.
    pub const ALL: [AnswerValue; 3] = [AnswerValue::Yes, AnswerValue::No, AnswerValue::Unsure];

    /// The keyword.
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerValue::Yes => "yes",
            AnswerValue::No => "no",
            AnswerValue::Unsure => "unsure",
        }
    }
}

/// One answer of a review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// The critical question's id (within the claim's scheme).
    pub question: String,
    /// The answer.
    pub answer: AnswerValue,
    /// Why, in the reviewer's words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One review of one claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    /// Who wrote it (a name or handle).
    pub reviewer: String,
    /// Id of the claim reviewed.
    pub claim: String,
    /// The overall judgement.
    pub verdict: ReviewVerdict,
    /// How well the claim, as a reason, backs its conclusion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<LinkStrength>,
    /// Answers to the claim's critical questions, in the order written.
    pub answers: Vec<Answer>,
    /// Free comment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// When, as the reviewer wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where it was written.
    #[serde(flatten)]
    pub origin: Origin,
}
