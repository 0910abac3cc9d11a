//! The report's contributions table: who wrote which claims, evidence, rebuttals and
//! reviews, so a teacher sees each student's part of a shared debate.

use crate::model::{AnswerValue, Debate, Kind, QuoteStatus, ReasonRole};
use serde::Serialize;
use std::collections::BTreeMap;

/// One author's or reviewer's contributions.
#[derive(Serialize, Default, Debug, PartialEq)]
pub(super) struct ContributionView {
    /// The name as written in `author:` or `reviewer:`; `None` for claims without an author.
    author: Option<String>,
    claims: usize,
    evidence: usize,
    rebuttals: usize,
    quotes_verified: usize,
    reviews: usize,
    questions_answered: usize,
}

/// Every contributor, named ones in name order, then the claims nobody signed.
pub(super) fn contributions(d: &Debate) -> Vec<ContributionView> {
    let mut by: BTreeMap<Option<&str>, ContributionView> = BTreeMap::new();
    let rebuttal: Vec<bool> = {
        let mut v = vec![false; d.claims.len()];
        for r in d
            .reasons()
            .iter()
            .filter(|r| r.role == ReasonRole::Rebuttal)
        {
            for &p in &r.premises {
                v[p] = true;
            }
        }
        v
    };
    for (i, c) in d.claims.iter().enumerate() {
        let e = by.entry(c.author.as_deref()).or_default();
        match c.kind {
            Kind::Evidence => e.evidence += 1,
            Kind::Claim | Kind::Thesis => e.claims += 1,
        }
        if rebuttal[i] {
            e.rebuttals += 1;
        }
        if matches!(c.quote_status, QuoteStatus::Verified { .. }) {
            e.quotes_verified += 1;
        }
    }
    for r in &d.reviews {
        let e = by.entry(Some(r.reviewer.as_str())).or_default();
        e.reviews += 1;
        e.questions_answered += r
            .answers
            .iter()
            .filter(|a| a.answer != AnswerValue::Unsure)
            .count();
    }
    let mut out: Vec<ContributionView> = by
        .into_iter()
        .map(|(name, mut v)| {
            v.author = name.map(str::to_string);
            v
        })
        .collect();
    // BTreeMap puts `None` first; the unsigned claims read better last.
    let unsigned_first = usize::from(out.first().is_some_and(|c| c.author.is_none()));
    out.rotate_left(unsigned_first);
    out
}
