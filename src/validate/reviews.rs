//! `reviews:` in claim files: read with positions, then checked against the debate (the
//! claim exists, the answers name its scheme's critical questions, one review per reviewer
//! and claim), so a student's review file gets the same precise diagnostics as claims.

use super::fields::{At, Reader, get};
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::load::yaml::{Node, Pos, Value};
use crate::model::{Answer, AnswerValue, Debate, LinkStrength, Origin, Review, ReviewVerdict};
use std::collections::HashMap;

/// Keys allowed in a review.
pub const REVIEW_KEYS: &[&str] = &[
    "reviewer", "claim", "verdict", "link", "answers", "comment", "date",
];
/// Keys allowed in a detailed answer (`bias: {answer: no, note: "..."}`).
pub const ANSWER_KEYS: &[&str] = &["answer", "note"];

/// A review as written, with the positions later checks point at.
#[derive(Debug, Clone)]
pub struct RawReview {
    file: String,
    pos: Pos,
    /// `None` when missing or not a string (already reported): the review is still checked
    /// against the debate, so all of its problems show in one run, but not kept.
    reviewer: Option<At<String>>,
    claim: At<String>,
    /// `None` when missing or misspelt (already reported), as for `reviewer`.
    verdict: Option<ReviewVerdict>,
    link: Option<LinkStrength>,
    answers: Vec<(At<String>, AnswerValue, Option<String>)>,
    comment: Option<String>,
    date: Option<String>,
}

/// Reads the `reviews:` list of one file (none when the file has no such key).
pub fn read_file(node: &Node, r: &mut Reader<'_>) -> Vec<RawReview> {
    let Value::Map(entries) = &node.value else {
        return Vec::new();
    };
    let Some(list) = get(entries, "reviews") else {
        return Vec::new();
    };
    match &list.value {
        Value::Seq(items) => items.iter().filter_map(|n| read_review(n, r)).collect(),
        Value::Null => Vec::new(),
        _ => {
            r.wrong_type("reviews", list, "a list of reviews");
            Vec::new()
        }
    }
}

/// A keyword from a fixed list, or an `unknown-keyword` error with a suggestion.
fn keyword<T: Copy>(
    r: &mut Reader<'_>,
    key: &str,
    node: &Node,
    all: &[T],
    name: fn(T) -> &'static str,
) -> Option<T> {
    let s = r.string(key, node)?;
    if let Some(&k) = all.iter().find(|&&k| name(k) == s.value) {
        return Some(k);
    }
    let names: Vec<&str> = all.iter().map(|&k| name(k)).collect();
    let help = match did_you_mean(&s.value, names.iter().copied()) {
        Some(n) => format!("did you mean `{n}`?"),
        None => format!("expected one of: {}", names.join(", ")),
    };
    r.diags.push(
        Diagnostic::error(
            "unknown-keyword",
            format!("`{key}: {}` is not one of {}", s.value, names.join(", ")),
        )
        .at(r.file, s.pos)
        .help(help),
    );
    None
}

fn read_review(node: &Node, r: &mut Reader<'_>) -> Option<RawReview> {
    let entries = r.map("a review", node)?;
    r.unknown_keys("a review", entries, REVIEW_KEYS);
    let missing = |key: &str, help: &str, r: &mut Reader<'_>| {
        r.diags.push(
            Diagnostic::error("missing-field", format!("this review has no `{key}`"))
                .at(r.file, node.pos)
                .help(help.to_string()),
        );
    };
    let reviewer = get(entries, "reviewer").and_then(|n| r.string("reviewer", n));
    if reviewer.is_none() {
        missing("reviewer", "add `reviewer: your-name`", r);
    }
    let claim = get(entries, "claim").and_then(|n| r.string("claim", n));
    if claim.is_none() {
        missing("claim", "add `claim: <id of the claim you review>`", r);
    }
    let verdict_node = get(entries, "verdict");
    let verdict = verdict_node
        .and_then(|n| keyword(r, "verdict", n, &ReviewVerdict::ALL, ReviewVerdict::as_str));
    if verdict_node.is_none() {
        missing("verdict", "add `verdict: accept`, `reject` or `dubious`", r);
    }
    let link = get(entries, "link")
        .and_then(|n| keyword(r, "link", n, &LinkStrength::ALL, LinkStrength::as_str));
    let mut answers = Vec::new();
    if let Some(a) = get(entries, "answers") {
        match &a.value {
            Value::Map(list) => {
                for (key, value) in list {
                    let (answer_node, note) = match &value.value {
                        Value::Map(detail) => {
                            r.unknown_keys("an answer", detail, ANSWER_KEYS);
                            let note = get(detail, "note")
                                .and_then(|n| r.string("note", n))
                                .map(|n| n.value);
                            (get(detail, "answer"), note)
                        }
                        _ => (Some(value), None),
                    };
                    let Some(answer_node) = answer_node else {
                        r.diags.push(
                            Diagnostic::error(
                                "missing-field",
                                format!("the answer to `{}` has no `answer`", key.name),
                            )
                            .at(r.file, value.pos)
                            .help("write `answer: yes`, `no` or `unsure` beside the note"),
                        );
                        continue;
                    };
                    let Some(v) = keyword(
                        r,
                        &key.name,
                        answer_node,
                        &AnswerValue::ALL,
                        AnswerValue::as_str,
                    ) else {
                        continue;
                    };
                    let id = At {
                        value: key.name.to_string(),
                        pos: key.pos,
                    };
                    answers.push((id, v, note));
                }
            }
            Value::Null => {}
            _ => r.wrong_type(
                "answers",
                a,
                "a mapping from question id to yes, no or unsure",
            ),
        }
    }
    let text = |key: &str, r: &mut Reader<'_>| {
        get(entries, key)
            .and_then(|n| r.string(key, n))
            .map(|s| s.value)
    };
    let comment = text("comment", r);
    let date = text("date", r);
    Some(RawReview {
        file: r.file.to_string(),
        pos: node.pos,
        reviewer,
        claim: claim?,
        verdict,
        link,
        answers,
        comment,
        date,
    })
}

/// Checks reviews against the debate and keeps those that can be used.
pub fn check(raws: &[RawReview], debate: &Debate, diags: &mut Diagnostics) -> Vec<Review> {
    let mut seen: HashMap<(&str, &str), (&str, Pos)> = HashMap::new();
    let mut out = Vec::new();
    for raw in raws {
        let Some(claim) = debate.claim(&raw.claim.value) else {
            let mut d = Diagnostic::error(
                "unknown-id",
                format!("this review is of an unknown claim `{}`", raw.claim.value),
            )
            .at(&raw.file, raw.claim.pos)
            .label("no claim with this id");
            if let Some(s) = did_you_mean(
                &raw.claim.value,
                debate.claims.iter().map(|c| c.id.as_str()),
            ) {
                d = d.help(format!("did you mean `{s}`?"));
            }
            diags.push(d);
            continue;
        };
        // A review that cannot be kept (no reviewer, a misspelt verdict, a second review of
        // the same claim) still has its answers checked: every problem shows in one run.
        let mut keep = raw.verdict.is_some();
        match raw.reviewer.as_ref().map(|r| r.value.as_str()) {
            None => keep = false,
            Some(reviewer) => {
                let key = (reviewer, raw.claim.value.as_str());
                if let Some(&(file, pos)) = seen.get(&key) {
                    diags.push(
                        Diagnostic::error(
                            "duplicate-review",
                            format!("`{}` reviews claim `{}` more than once", key.0, key.1),
                        )
                        .at(&raw.file, raw.pos)
                        .label("reviewed again here")
                        .related(file, pos, "first reviewed here")
                        .help("keep one review per reviewer and claim: merge the two"),
                    );
                    keep = false;
                } else {
                    seen.insert(key, (&raw.file, raw.pos));
                }
            }
        }
        let scheme = claim.scheme.as_deref().and_then(|s| debate.scheme(s));
        let mut answers = Vec::new();
        for (qid, value, note) in &raw.answers {
            let known = scheme.and_then(|s| s.question(&qid.value));
            if known.is_none() {
                let (message, help) = match scheme {
                    Some(s) => (
                        format!("scheme `{}` of claim `{}` has no critical question `{}`", s.id, claim.id, qid.value),
                        match did_you_mean(&qid.value, s.questions.iter().map(|q| q.id.as_str())) {
                            Some(x) => format!("did you mean `{x}`?"),
                            None => format!(
                                "its questions are: {}",
                                s.questions.iter().map(|q| q.id.as_str()).collect::<Vec<_>>().join(", ")
                            ),
                        },
                    ),
                    None => (
                        format!("claim `{}` names no scheme, so it has no critical question `{}`", claim.id, qid.value),
                        "give the claim a `scheme:` (see `claimmap schemes`), or put the remark in `comment:`".to_string(),
                    ),
                };
                diags.push(
                    Diagnostic::error("unknown-question", message)
                        .at(&raw.file, qid.pos)
                        .label("not a question of this claim's scheme")
                        .help(help),
                );
                continue;
            }
            answers.push(Answer {
                question: qid.value.clone(),
                answer: *value,
                note: note.clone(),
            });
        }
        let (true, Some(reviewer), Some(verdict)) = (keep, &raw.reviewer, raw.verdict) else {
            continue;
        };
        out.push(Review {
            reviewer: reviewer.value.clone(),
            claim: claim.id.clone(),
            verdict,
            link: raw.link,
            answers,
            comment: raw.comment.clone(),
            date: raw.date.clone(),
            origin: Origin {
                file: raw.file.as_str().into(),
                line: raw.pos.line as usize,
                column: raw.pos.column as usize,
            },
        });
    }
    out
}
