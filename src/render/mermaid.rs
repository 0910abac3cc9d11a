//! `map --format mermaid`: the argument map as a Mermaid flowchart, which GitHub and many
//! Markdown viewers draw inline with no image at all. Same conventions as the DOT map:
//! thesis on top (`flowchart BT`), fill by role, `+`/`−`/`×` marks on the arrows, dotted
//! undercuts, co-premises joined at one junction. Every label is escaped with Mermaid's
//! entity codes, so no debate text can end a label or inject a directive.

use super::dot::{self, Polarity};
use super::wrap::wrap_lines;
use super::{RenderContext, Renderer};
use crate::error::Result;
use std::fmt::Write as _;

/// The Mermaid backend.
pub struct Mermaid;

/// Escapes text for a quoted Mermaid label: characters that could close the label or start
/// markup become `#code;` entities; line breaks become spaces.
pub fn escape_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '#' | ';' | '`' | '|' | '[' | ']' | '{' | '}' | '(' | ')' | '\\' | '%' => {
                let _ = write!(out, "#{};", c as u32);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn class(p: Option<Polarity>, kind: crate::model::Kind) -> &'static str {
    match (kind, p) {
        (crate::model::Kind::Thesis, _) => "thesis",
        (crate::model::Kind::Evidence, _) => "evidence",
        (_, Some(Polarity::Support)) => "support",
        (_, Some(Polarity::Objection)) => "objection",
        (_, Some(Polarity::Rebuttal)) => "rebuttal",
        (_, Some(Polarity::Undercut)) => "undercut",
        (_, None) => "unlinked",
    }
}

impl Renderer for Mermaid {
    fn name(&self) -> &str {
        "mermaid"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<u8>> {
        Ok(to_mermaid(ctx).into_bytes())
    }
}

/// The map as Mermaid source.
pub fn to_mermaid(ctx: &RenderContext<'_>) -> String {
    let d = ctx.debate;
    let w = dot::words(&ctx.lang);
    let roles = dot::polarities(d);
    let direction = match ctx.rankdir {
        super::RankDir::BottomTop => "BT",
        super::RankDir::TopBottom => "TB",
        super::RankDir::LeftRight => "LR",
    };
    let mut out = format!("flowchart {direction}\n");
    for (name, fill, line) in [
        ("thesis", dot::THESIS_FILL, "#444444"),
        ("evidence", dot::EVIDENCE_FILL, "#444444"),
        ("unlinked", dot::UNLINKED_FILL, "#444444"),
        (
            "support",
            Polarity::Support.fill_color(),
            Polarity::Support.line_color(),
        ),
        (
            "objection",
            Polarity::Objection.fill_color(),
            Polarity::Objection.line_color(),
        ),
        (
            "rebuttal",
            Polarity::Rebuttal.fill_color(),
            Polarity::Rebuttal.line_color(),
        ),
        (
            "undercut",
            Polarity::Undercut.fill_color(),
            Polarity::Undercut.line_color(),
        ),
    ] {
        let _ = writeln!(
            out,
            "  classDef {name} fill:{fill},stroke:{line},color:#111111"
        );
    }
    let mut shown = vec![false; d.claims.len()];
    for entry in d.tree_order() {
        let i = entry.claim;
        if entry.repeat || !ctx.is_visible(i) {
            continue;
        }
        shown[i] = true;
        let c = &d.claims[i];
        let mut lines = vec![escape_label(&dot::header(c, roles[i], w))];
        let text = wrap_lines(ctx.text(i), dot::LABEL_WIDTH, dot::MAX_LABEL_LINES);
        if text.is_empty() {
            lines.push(escape_label(&format!("({})", c.id)));
        }
        lines.extend(text.iter().map(|l| escape_label(l)));
        if let Some(ev) = ctx.evaluation {
            let e = &ev.claims[i];
            lines.push(escape_label(&format!(
                "{} · {}",
                super::vocab::strength(e.strength, &ctx.lang),
                super::vocab::label(e.label, &ctx.lang)
            )));
        }
        let (open, close) = if c.kind == crate::model::Kind::Thesis {
            ("[[", "]]")
        } else {
            ("[", "]")
        };
        let _ = writeln!(
            out,
            "  n{i}{open}\"{}\"{close}:::{}",
            lines.join("<br/>"),
            class(roles[i], c.kind)
        );
    }
    for (k, r) in d.reasons().iter().enumerate() {
        let premises: Vec<usize> = r.premises.iter().copied().filter(|&p| shown[p]).collect();
        if !shown[r.conclusion] || premises.is_empty() {
            continue;
        }
        let p = Polarity::of(r.role);
        let undercutters: Vec<usize> = r
            .undercutters
            .iter()
            .copied()
            .filter(|&u| shown[u])
            .collect();
        let mark = escape_label(p.mark());
        if r.premises.len() == 1 && undercutters.is_empty() {
            let _ = writeln!(out, "  n{} -->|{mark}| n{}", premises[0], r.conclusion);
            continue;
        }
        let label = escape_label(&dot::junction_label(r, premises.len(), w));
        let _ = writeln!(
            out,
            "  j{k}([\"{label}\"]):::{}",
            class(Some(p), crate::model::Kind::Claim)
        );
        for &q in &premises {
            let _ = writeln!(out, "  n{q} --- j{k}");
        }
        let _ = writeln!(out, "  j{k} -->|{mark}| n{}", r.conclusion);
        for &u in &undercutters {
            let _ = writeln!(
                out,
                "  n{u} -.->|{}| j{k}",
                escape_label(Polarity::Undercut.mark())
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_hostile_maps_snapshot() {
        use crate::render::dot::tests::{hostile, small};
        for (name, d) in [("mermaid_small", small()), ("mermaid_hostile", hostile())] {
            let text = to_mermaid(&RenderContext::new(&d));
            insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => true }, {
                insta::assert_snapshot!(name, text);
            });
            for line in text.lines().skip(1) {
                // Every statement is one line; no label leaks a quote, tag or backtick.
                let inside: Vec<&str> = line.split('"').collect();
                assert!(inside.len() == 1 || inside.len() == 3, "{name}: {line}");
                assert!(
                    !line.contains("<script") && !line.contains('`'),
                    "{name}: {line}"
                );
            }
        }
    }

    #[test]
    fn labels_cannot_be_closed_or_carry_markup() {
        let e = escape_label("a\"] --> x[\"<script>#;`|\nক্ষ");
        assert!(!e.contains('"') && !e.contains('<') && !e.contains('`') && !e.contains('\n'));
        assert!(e.contains("ক্ষ"));
        assert_eq!(escape_label("plain text"), "plain text");
    }
}
