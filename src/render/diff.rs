//! `claimmap diff` as Markdown: a summary line, verdict shifts, then the claims added,
//! removed and changed, reviews, strength shifts and who contributed what. Every text from
//! the debates is escaped.

use super::markdown::escape::{code_span, escape_inline};
use super::vocab;
use crate::diff::DebateDiff;
use crate::model::Debate;
use std::fmt::Write as _;

/// How many strength shifts to list.
const MAX_SHIFTS: usize = 20;

/// The two versions and their labels (folder names or git revisions).
pub struct DiffView<'a> {
    /// The old version.
    pub old: &'a Debate,
    /// The new version.
    pub new: &'a Debate,
    /// What the old version is called in the heading.
    pub old_name: &'a str,
    /// What the new version is called.
    pub new_name: &'a str,
    /// Display language.
    pub lang: &'a str,
}

impl DiffView<'_> {
    /// The Markdown.
    pub fn render(&self, d: &DebateDiff) -> String {
        let md = |s: &str| escape_inline(s, false);
        let code = |s: &str| code_span(s, false);
        let text = |debate: &Debate, id: &str| {
            debate.claim(id).map_or(String::new(), |c| {
                md(c.text.get(self.lang, &debate.languages))
            })
        };
        let mut out = format!(
            "# Changes: {} → {}\n\n",
            code(self.old_name),
            code(self.new_name)
        );
        let _ = writeln!(
            out,
            "{} claims added, {} removed, {} changed · {} reviews added, {} changed, {} removed · {} sources added, {} removed\n",
            d.added.len(),
            d.removed.len(),
            d.changed.len(),
            d.reviews_added.len(),
            d.reviews_changed.len(),
            d.reviews_removed.len(),
            d.sources_added.len(),
            d.sources_removed.len(),
        );
        if d.is_empty() {
            out.push_str("No differences.\n\n");
        }
        if !d.verdicts.is_empty() {
            out.push_str("## Verdicts\n\n");
            for v in &d.verdicts {
                let show = |x: Option<(Option<f64>, crate::evaluate::Verdict)>| match x {
                    Some((s, verdict)) => format!(
                        "{} ({})",
                        vocab::verdict(verdict, self.lang),
                        vocab::strength(s, self.lang)
                    ),
                    None => "—".to_string(),
                };
                let _ = writeln!(
                    out,
                    "- {}: {} → {}",
                    code(&v.thesis),
                    show(v.old),
                    show(v.new)
                );
            }
            out.push('\n');
        }
        let claim_line = |debate: &Debate, id: &str| -> String {
            let c = debate.claim(id);
            let kind = c.map_or("", |c| c.kind.as_str());
            let author = c
                .and_then(|c| c.author.as_deref())
                .map_or(String::new(), |a| format!(", by {}", md(a)));
            let rel: Vec<String> = c
                .map(|c| {
                    c.supports
                        .iter()
                        .map(|s| format!("supports {}", code(s)))
                        .chain(c.opposes.iter().map(|s| format!("opposes {}", code(s))))
                        .chain(c.undercuts.iter().map(|s| format!("undercuts {}", code(s))))
                        .collect()
                })
                .unwrap_or_default();
            format!(
                "- {} ({kind}{author}): {}{}",
                code(id),
                text(debate, id),
                if rel.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", rel.join(", "))
                }
            )
        };
        for (title, ids, debate) in [
            ("Added claims", &d.added, self.new),
            ("Removed claims", &d.removed, self.old),
        ] {
            if ids.is_empty() {
                continue;
            }
            let _ = writeln!(out, "## {title}\n");
            for id in ids {
                let _ = writeln!(out, "{}", claim_line(debate, id));
            }
            out.push('\n');
        }
        if !d.changed.is_empty() {
            out.push_str("## Changed claims\n\n");
            for c in &d.changed {
                let _ = writeln!(out, "- {}", code(&c.id));
                for change in &c.changes {
                    let _ = writeln!(out, "  - {}", md(change));
                }
            }
            out.push('\n');
        }
        let reviews = [
            ("added", &d.reviews_added),
            ("changed", &d.reviews_changed),
            ("removed", &d.reviews_removed),
        ];
        if reviews.iter().any(|(_, v)| !v.is_empty()) {
            out.push_str("## Reviews\n\n");
            for (what, list) in reviews {
                for (reviewer, claim) in list {
                    let verdict = self
                        .new
                        .reviews
                        .iter()
                        .chain(&self.old.reviews)
                        .find(|r| &r.reviewer == reviewer && &r.claim == claim)
                        .map_or("", |r| vocab::review_verdict(r.verdict, self.lang));
                    let _ = writeln!(
                        out,
                        "- {what}: {} on {} ({verdict})",
                        md(reviewer),
                        code(claim)
                    );
                }
            }
            out.push('\n');
        }
        if !d.sources_added.is_empty() || !d.sources_removed.is_empty() {
            out.push_str("## Sources\n\n");
            for s in &d.sources_added {
                let _ = writeln!(out, "- added {}", code(s));
            }
            for s in &d.sources_removed {
                let _ = writeln!(out, "- removed {}", code(s));
            }
            out.push('\n');
        }
        if !d.strength_shifts.is_empty() {
            out.push_str(
                "## Strength shifts\n\n| claim | before | after | change |\n|---|---:|---:|---:|\n",
            );
            for (id, a, b) in d.strength_shifts.iter().take(MAX_SHIFTS) {
                let _ = writeln!(
                    out,
                    "| {} | {a:.2} | {b:.2} | {} |",
                    code_span(id, true),
                    vocab::change(b - a)
                );
            }
            if d.strength_shifts.len() > MAX_SHIFTS {
                let _ = writeln!(out, "\n…and {} more.", d.strength_shifts.len() - MAX_SHIFTS);
            }
            out.push('\n');
        }
        if !d.contributions.is_empty() {
            out.push_str("## Contributions\n\n| author | claims added | evidence added | claims changed | reviews added |\n|---|---:|---:|---:|---:|\n");
            for (who, c) in &d.contributions {
                let name = who
                    .as_deref()
                    .map_or("(no author given)".to_string(), |w| escape_inline(w, true));
                let _ = writeln!(
                    out,
                    "| {name} | {} | {} | {} | {} |",
                    c.claims_added, c.evidence_added, c.changed, c.reviews_added
                );
            }
            out.push('\n');
        }
        out
    }
}
