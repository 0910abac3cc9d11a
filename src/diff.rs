//! Differences between two versions of a debate: what a teacher reads on a student's pull
//! request. Claims, sources and reviews are matched by id (reviews by reviewer and claim);
//! when both versions are free of errors their evaluations are compared too.

use crate::evaluate::{self, Evaluation, Verdict};
use crate::model::{Claim, Debate, Kind, Review};
use std::collections::{BTreeMap, BTreeSet};

/// How one claim changed.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimChange {
    /// The claim's id.
    pub id: String,
    /// Human descriptions of each change, e.g. "supports: +a −b".
    pub changes: Vec<String>,
}

/// A thesis's evaluation before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct VerdictShift {
    /// The thesis id.
    pub thesis: String,
    /// Strength and verdict before (`None` when the thesis is new or did not settle).
    pub old: Option<(Option<f64>, Verdict)>,
    /// Strength and verdict after.
    pub new: Option<(Option<f64>, Verdict)>,
}

/// What one author or reviewer contributed between the versions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contribution {
    /// Claims (not evidence) added.
    pub claims_added: usize,
    /// Evidence added.
    pub evidence_added: usize,
    /// Claims of theirs changed.
    pub changed: usize,
    /// Reviews added.
    pub reviews_added: usize,
}

/// Everything that differs.
#[derive(Debug, Clone, Default)]
pub struct DebateDiff {
    /// Ids of claims only in the new version, in its file order.
    pub added: Vec<String>,
    /// Ids of claims only in the old version, in its file order.
    pub removed: Vec<String>,
    /// Claims in both that differ.
    pub changed: Vec<ClaimChange>,
    /// Source ids added and removed.
    pub sources_added: Vec<String>,
    /// Source ids removed.
    pub sources_removed: Vec<String>,
    /// Reviews added, as (reviewer, claim).
    pub reviews_added: Vec<(String, String)>,
    /// Reviews removed.
    pub reviews_removed: Vec<(String, String)>,
    /// Reviews whose verdict or answers changed.
    pub reviews_changed: Vec<(String, String)>,
    /// Thesis verdicts before and after (empty unless both versions could be evaluated).
    pub verdicts: Vec<VerdictShift>,
    /// Claims in both whose strength moved, largest move first: (id, old, new).
    pub strength_shifts: Vec<(String, f64, f64)>,
    /// Per author or reviewer (`None`: claims without an author).
    pub contributions: BTreeMap<Option<String>, Contribution>,
}

impl DebateDiff {
    /// Whether nothing differs.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.sources_added.is_empty()
            && self.sources_removed.is_empty()
            && self.reviews_added.is_empty()
            && self.reviews_removed.is_empty()
            && self.reviews_changed.is_empty()
    }
}

/// Compares two debates. `evaluate_both` is false when either version has errors (its
/// numbers would mean nothing).
pub fn diff(old: &Debate, new: &Debate, evaluate_both: bool) -> DebateDiff {
    let mut out = DebateDiff::default();
    for c in &new.claims {
        match old.claim(&c.id) {
            None => {
                out.added.push(c.id.clone());
                let e = out.contributions.entry(c.author.clone()).or_default();
                if c.kind == Kind::Evidence {
                    e.evidence_added += 1;
                } else {
                    e.claims_added += 1;
                }
            }
            Some(before) => {
                let changes = claim_changes(before, c);
                if !changes.is_empty() {
                    out.contributions
                        .entry(c.author.clone())
                        .or_default()
                        .changed += 1;
                    out.changed.push(ClaimChange {
                        id: c.id.clone(),
                        changes,
                    });
                }
            }
        }
    }
    out.removed = old
        .claims
        .iter()
        .filter(|c| new.claim(&c.id).is_none())
        .map(|c| c.id.clone())
        .collect();
    let ids = |d: &Debate| {
        d.sources
            .iter()
            .map(|s| s.id.clone())
            .collect::<BTreeSet<_>>()
    };
    let (old_sources, new_sources) = (ids(old), ids(new));
    out.sources_added = new_sources.difference(&old_sources).cloned().collect();
    out.sources_removed = old_sources.difference(&new_sources).cloned().collect();
    let key = |r: &Review| (r.reviewer.clone(), r.claim.clone());
    let old_reviews: BTreeMap<_, &Review> = old.reviews.iter().map(|r| (key(r), r)).collect();
    let new_reviews: BTreeMap<_, &Review> = new.reviews.iter().map(|r| (key(r), r)).collect();
    for (k, r) in &new_reviews {
        match old_reviews.get(k) {
            None => {
                out.reviews_added.push(k.clone());
                out.contributions
                    .entry(Some(r.reviewer.clone()))
                    .or_default()
                    .reviews_added += 1;
            }
            Some(before) => {
                let same = before.verdict == r.verdict
                    && before.link == r.link
                    && before.answers == r.answers
                    && before.comment == r.comment;
                if !same {
                    out.reviews_changed.push(k.clone());
                }
            }
        }
    }
    out.reviews_removed = old_reviews
        .keys()
        .filter(|k| !new_reviews.contains_key(*k))
        .cloned()
        .collect();
    if evaluate_both {
        let options = evaluate::Options::default();
        let (eo, en) = (
            evaluate::evaluate(old, &options),
            evaluate::evaluate(new, &options),
        );
        out.verdicts = verdict_shifts(old, &eo, new, &en);
        let mut shifts: Vec<(String, f64, f64)> = new
            .claims
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let j = old.index_of(&c.id)?;
                let (a, b) = (eo.claims[j].strength?, en.claims[i].strength?);
                ((a - b).abs() >= 0.005).then(|| (c.id.clone(), a, b))
            })
            .collect();
        shifts.sort_by(|x, y| {
            (y.2 - y.1)
                .abs()
                .total_cmp(&(x.2 - x.1).abs())
                .then(x.0.cmp(&y.0))
        });
        out.strength_shifts = shifts;
    }
    out
}

fn verdict_shifts(
    old: &Debate,
    eo: &Evaluation,
    new: &Debate,
    en: &Evaluation,
) -> Vec<VerdictShift> {
    let of = |d: &Debate, e: &Evaluation| -> BTreeMap<String, (Option<f64>, Verdict)> {
        e.theses
            .iter()
            .map(|t| {
                (
                    d.claims[t.claim].id.clone(),
                    (t.verdict.strength, t.verdict.verdict),
                )
            })
            .collect()
    };
    let (a, b) = (of(old, eo), of(new, en));
    let ids: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    ids.into_iter()
        .map(|id| VerdictShift {
            thesis: id.clone(),
            old: a.get(id).copied(),
            new: b.get(id).copied(),
        })
        .collect()
}

/// What changed between two versions of one claim, in words.
fn claim_changes(a: &Claim, b: &Claim) -> Vec<String> {
    let mut out = Vec::new();
    if a.kind != b.kind {
        out.push(format!("kind: {} → {}", a.kind.as_str(), b.kind.as_str()));
    }
    let langs: BTreeSet<&str> = a.text.langs().chain(b.text.langs()).collect();
    for l in langs {
        let (x, y) = (a.text.in_lang(l), b.text.in_lang(l));
        if x != y {
            out.push(match (x, y) {
                (Some(x), Some(y)) => format!("text ({l}): “{x}” → “{y}”"),
                (None, Some(y)) => format!("text ({l}) added: “{y}”"),
                (Some(x), None) => format!("text ({l}) removed: “{x}”"),
                (None, None) => continue,
            });
        }
    }
    for (name, x, y) in [
        ("supports", &a.supports, &b.supports),
        ("opposes", &a.opposes, &b.opposes),
        ("undercuts", &a.undercuts, &b.undercuts),
        ("with", &a.with, &b.with),
    ] {
        let (xs, ys): (BTreeSet<&String>, BTreeSet<&String>) =
            (x.iter().collect(), y.iter().collect());
        let plus: Vec<String> = ys.difference(&xs).map(|s| format!("+{s}")).collect();
        let minus: Vec<String> = xs.difference(&ys).map(|s| format!("−{s}")).collect();
        if !plus.is_empty() || !minus.is_empty() {
            out.push(format!(
                "{name}: {}",
                plus.into_iter().chain(minus).collect::<Vec<_>>().join(" ")
            ));
        }
    }
    let field = |name: &str, x: &Option<String>, y: &Option<String>, out: &mut Vec<String>| {
        if x != y {
            let show =
                |v: &Option<String>| v.as_deref().map_or("—".to_string(), |s| format!("“{s}”"));
            out.push(format!("{name}: {} → {}", show(x), show(y)));
        }
    };
    field("source", &a.source, &b.source, &mut out);
    field("locator", &a.locator, &b.locator, &mut out);
    field("quote", &a.quote, &b.quote, &mut out);
    field("scheme", &a.scheme, &b.scheme, &mut out);
    field("author", &a.author, &b.author, &mut out);
    if a.confidence != b.confidence {
        let show = |v: Option<f64>| v.map_or("—".to_string(), |x| x.to_string());
        out.push(format!(
            "confidence: {} → {}",
            show(a.confidence),
            show(b.confidence)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    fn claim(id: &str, kind: Kind, text: &str, supports: &[&str]) -> Claim {
        Claim {
            supports: supports.iter().map(|s| s.to_string()).collect(),
            ..Claim::new(id, kind, Text::single("en", text))
        }
    }

    fn debate(claims: Vec<Claim>) -> Debate {
        Debate::new(Text::default(), vec!["en".into()], vec![], claims)
    }

    #[test]
    fn added_removed_and_changed_claims_are_matched_by_id() {
        let old = debate(vec![
            claim("t", Kind::Thesis, "T", &[]),
            claim("a", Kind::Claim, "A", &["t"]),
            claim("gone", Kind::Claim, "G", &["t"]),
        ]);
        let mut e = claim("e", Kind::Evidence, "E", &["a"]);
        e.author = Some("mitali".into());
        let new = debate(vec![
            claim("t", Kind::Thesis, "T", &[]),
            claim("a", Kind::Claim, "A, better", &["t"]),
            e,
        ]);
        let d = diff(&old, &new, true);
        assert_eq!(d.added, ["e"]);
        assert_eq!(d.removed, ["gone"]);
        assert_eq!(d.changed.len(), 1);
        assert_eq!(d.changed[0].changes, ["text (en): “A” → “A, better”"]);
        assert_eq!(
            d.contributions[&Some("mitali".to_string())].evidence_added,
            1
        );
        assert_eq!(d.verdicts.len(), 1);
        // a gained evidence (0.5 → 0.75) and t lost a supporter but a's is stronger.
        assert!(
            d.strength_shifts
                .iter()
                .any(|(id, x, y)| id == "a" && *x == 0.5 && *y == 0.75)
        );
        assert!(diff(&new, &new, true).is_empty());
    }

    #[test]
    fn relation_changes_read_as_plus_and_minus() {
        let a = claim("a", Kind::Claim, "A", &["t", "u"]);
        let b = claim("a", Kind::Claim, "A", &["t", "v"]);
        assert_eq!(claim_changes(&a, &b), ["supports: +v −u"]);
    }
}
