//! `claimmap eval` output: the evaluation as a terminal table or as JSON.
//!
//! The table is for a student at a terminal: verdicts first, then every claim in the order a
//! reader meets it, then what would change each verdict. The JSON is for programs and is
//! documented in the README; numbers are rounded to six decimals so that exports diff
//! cleanly between runs and machines.

use super::wrap::{display_width, wrap_lines};
use super::{RenderContext, Renderer, vocab};
use crate::error::Result;
use crate::evaluate::{self, Acceptance, Evaluation, Label, Semantics};
use serde_json::{Value, json};
use std::borrow::Cow;
use std::fmt::Write as _;

/// How many ids a line of accepted claims names before it only counts the rest.
const MAX_LISTED: usize = 30;

/// Width of the claim-text column of the table, in display columns.
const TEXT_WIDTH: usize = 48;

/// How the table orders claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Sort {
    /// Depth-first from each thesis, indented, as the report lists them.
    #[default]
    Tree,
    /// Strongest first.
    Strength,
    /// Largest impact on a thesis first.
    Impact,
}

/// The evaluation of the context's debate, computed here when the caller did not supply one.
fn evaluation<'a>(ctx: &'a RenderContext<'_>) -> Cow<'a, Evaluation> {
    match ctx.evaluation {
        Some(e) => Cow::Borrowed(e),
        None => Cow::Owned(evaluate::evaluate(
            ctx.debate,
            &evaluate::Options::default(),
        )),
    }
}

fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// The `eval --format json` backend.
pub struct EvalJson;

impl Renderer for EvalJson {
    fn name(&self) -> &str {
        "eval-json"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<u8>> {
        let ev = evaluation(ctx);
        let d = ctx.debate;
        let id = |i: usize| d.claims[i].id.as_str();
        let ids = |v: &[usize]| v.iter().map(|&i| id(i)).collect::<Vec<_>>();
        let theses: Vec<Value> = ev
            .theses
            .iter()
            .map(|t| {
                let j = &t.verdict;
                json!({
                    "id": id(t.claim),
                    "strength": j.strength.map(round),
                    "verdict": j.verdict,
                    "standard": j.standard,
                    "compare": j.compare,
                    "thresholds": {
                        "alpha": j.thresholds.alpha,
                        "beta": j.thresholds.beta,
                        "gamma": j.thresholds.gamma,
                    },
                    "pro": round(j.pro),
                    "con": round(j.con),
                    "settled": j.settled,
                    "top_impacts": t.top_impacts.iter().map(|&(c, delta)| json!({
                        "id": id(c),
                        "impact": round(delta),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let claims: Vec<Value> = ev
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                json!({
                    "id": id(i),
                    "kind": d.claims[i].kind,
                    "base": round(c.base),
                    "strength": c.strength.map(round),
                    "settled": c.settled,
                    "label": c.label,
                    "defeated_by": ids(&c.defeated_by),
                    "impact": c.impact.map_or(0.0, |(_, delta)| round(delta)),
                    "impact_on": c.impact.map(|(t, _)| id(t)),
                })
            })
            .collect();
        let grounded = |l: Label| -> Vec<&str> {
            ev.claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.label == l)
                .map(|(i, _)| id(i))
                .collect()
        };
        let mut semantics = json!({
            "grounded": {
                "in": grounded(Label::In),
                "out": grounded(Label::Out),
                "undec": grounded(Label::Undec),
            },
        });
        if let Some((which, acceptance)) = &ev.extensions {
            let name = match which {
                Semantics::Grounded => "grounded",
                Semantics::Preferred => "preferred",
                Semantics::Stable => "stable",
            };
            semantics[name] = acceptance_json(acceptance, &id);
        }
        let it = &ev.iteration;
        let value = json!({
            "reviews_used": d.settings.reviews,
            "iteration": {
                "limit": it.limit,
                "used": it.used,
                "ran_out": it.ran_out(),
                "unsolved": ids(&it.unsolved),
                "impacts_skipped": ids(&it.impacts_skipped),
            },
            "theses": theses,
            "claims": claims,
            "semantics": semantics,
        });
        let mut out = serde_json::to_vec_pretty(&value).unwrap_or_default();
        out.push(b'\n');
        Ok(out)
    }
}

fn acceptance_json<'d>(a: &Acceptance, id: &dyn Fn(usize) -> &'d str) -> Value {
    let which = |v: &[bool]| -> Vec<&str> {
        v.iter()
            .enumerate()
            .filter(|(_, x)| **x)
            .map(|(i, _)| id(i))
            .collect()
    };
    match a {
        Acceptance::Decided {
            extensions,
            credulous,
            sceptical,
        } => json!({
            "status": "decided",
            "extensions": extensions,
            "credulous": which(credulous),
            "sceptical": which(sceptical),
        }),
        Acceptance::NoExtension => json!({"status": "no-extension", "extensions": 0}),
        Acceptance::TooLarge { steps } => json!({"status": "too-large", "steps": steps}),
    }
}

/// The `eval --format table` backend.
pub struct EvalTable {
    /// Order of the claim rows.
    pub sort: Sort,
}

impl Renderer for EvalTable {
    fn name(&self) -> &str {
        "eval-table"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<u8>> {
        let ev = evaluation(ctx);
        let mut out = String::new();
        let words = Words::of(&ctx.lang);
        let lang = ctx.lang.as_str();
        verdicts(ctx, &ev, &words, &mut out);
        out.push('\n');
        claim_rows(ctx, &ev, &words, self.sort, &mut out);
        out.push('\n');
        let count = |l: Label| ev.claims.iter().filter(|c| c.label == l).count();
        let _ = writeln!(
            out,
            "{}: {} {}, {} {}, {} {}",
            words.grounded,
            count(Label::In),
            vocab::label(Label::In, lang),
            count(Label::Out),
            vocab::label(Label::Out, lang),
            count(Label::Undec),
            vocab::label(Label::Undec, lang),
        );
        if let Some((which, acceptance)) = &ev.extensions {
            extensions_line(ctx, *which, acceptance, &words, &mut out);
        }
        let unsettled = ev.claims.iter().filter(|c| c.strength.is_none()).count();
        if unsettled > 0 {
            let _ = writeln!(out, "{}: {unsettled}", words.unsettled);
        }
        if let Some(note) = ev.iteration.note(ctx.debate) {
            let _ = writeln!(out, "note: {note}");
        }
        for t in &ev.theses {
            impacts(ctx, t, &words, &mut out);
        }
        Ok(out.into_bytes())
    }
}

fn verdicts(ctx: &RenderContext<'_>, ev: &Evaluation, w: &Words, out: &mut String) {
    let lang = ctx.lang.as_str();
    let s = &ctx.debate.settings;
    let t = s.thresholds;
    let _ = writeln!(
        out,
        "{}: {} ({}; α {:.2}, β {:.2}, γ {:.2})",
        w.standard,
        vocab::standard(s.standard, lang),
        vocab::compare(s.compare, lang),
        t.alpha,
        t.beta,
        t.gamma
    );
    if ctx.debate.settings.reviews {
        let _ = writeln!(out, "{}", vocab::reviews_feed_note(lang));
    }
    for t in &ev.theses {
        let j = &t.verdict;
        let _ = writeln!(
            out,
            "{} {}: {} — {} {}, {} {:.2}, {} {:.2}{}",
            w.thesis,
            ctx.debate.claims[t.claim].id,
            vocab::verdict(j.verdict, lang).to_uppercase(),
            w.strength,
            vocab::strength(j.strength, lang),
            w.case_for,
            j.pro,
            w.case_against,
            j.con,
            if j.settled { "" } else { w.not_settled_note },
        );
    }
}

fn claim_rows(ctx: &RenderContext<'_>, ev: &Evaluation, w: &Words, sort: Sort, out: &mut String) {
    let d = ctx.debate;
    let lang = ctx.lang.as_str();
    let rows: Vec<(usize, usize)> = match sort {
        Sort::Tree => d
            .tree_order()
            .into_iter()
            .filter(|e| !e.repeat)
            .map(|e| (e.claim, e.depth))
            .collect(),
        Sort::Strength | Sort::Impact => {
            let mut order: Vec<usize> = (0..d.claims.len()).collect();
            let key = |i: usize| match sort {
                Sort::Strength => ev.claims[i].strength.unwrap_or(-1.0),
                _ => ev.claims[i].impact.map_or(0.0, |(_, x)| x.abs()),
            };
            order.sort_by(|&a, &b| key(b).total_cmp(&key(a)).then(a.cmp(&b)));
            order.into_iter().map(|i| (i, 0)).collect()
        }
    };
    let id_width = rows
        .iter()
        .map(|&(i, depth)| 2 * depth.min(12) + d.claims[i].id.len())
        .chain([w.claim.len()])
        .max()
        .unwrap_or(0);
    let head = [w.base, w.strength, w.label, w.impact];
    let table: Vec<(usize, usize, [String; 4])> = rows
        .into_iter()
        .map(|(i, depth)| {
            let c = &ev.claims[i];
            let cells = [
                format!("{:.2}", c.base),
                vocab::strength(c.strength, lang),
                vocab::label(c.label, lang).to_string(),
                c.impact.map_or(String::new(), |(_, x)| vocab::change(x)),
            ];
            (i, depth, cells)
        })
        .collect();
    let widths: Vec<usize> = (0..head.len())
        .map(|k| {
            table
                .iter()
                .map(|(_, _, cells)| display_width(&cells[k]))
                .chain([display_width(head[k])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let _ = write!(out, "{}", pad(w.claim, id_width));
    for (h, &width) in head.iter().zip(&widths) {
        let _ = write!(out, "  {}", pad(h, width));
    }
    let _ = writeln!(out, "  {}", w.text);
    for (i, depth, cells) in table {
        let indent = "  ".repeat(depth.min(12));
        let _ = write!(
            out,
            "{}",
            pad(&format!("{indent}{}", d.claims[i].id), id_width)
        );
        for (cell, &width) in cells.iter().zip(&widths) {
            let _ = write!(out, "  {}", pad(cell, width));
        }
        let text = wrap_lines(ctx.text(i), TEXT_WIDTH, 1)
            .pop()
            .unwrap_or_default();
        let _ = writeln!(out, "  {}", text.trim_end());
    }
}

fn extensions_line(
    ctx: &RenderContext<'_>,
    which: Semantics,
    a: &Acceptance,
    w: &Words,
    out: &mut String,
) {
    let name = match which {
        Semantics::Preferred => w.preferred,
        _ => w.stable,
    };
    // A big debate can accept tens of thousands of claims: the table names the first few
    // and counts the rest (the JSON lists them all).
    let ids = |v: &[bool]| -> String {
        let all: Vec<&str> = v
            .iter()
            .enumerate()
            .filter(|(_, x)| **x)
            .map(|(i, _)| ctx.debate.claims[i].id.as_str())
            .collect();
        if all.is_empty() {
            return "—".to_string();
        }
        let shown = all[..all.len().min(MAX_LISTED)].join(", ");
        match all.len().checked_sub(MAX_LISTED) {
            Some(rest) if rest > 0 => format!("{shown} … (+{rest}; --format json lists all)"),
            _ => shown,
        }
    };
    let _ = match a {
        Acceptance::Decided {
            extensions,
            credulous,
            sceptical,
        } => writeln!(
            out,
            "{name}: {extensions} {}\n  {}: {}\n  {}: {}",
            if *extensions == 1 {
                w.extension
            } else {
                w.extensions
            },
            w.sceptical,
            ids(sceptical),
            w.credulous,
            ids(credulous)
        ),
        Acceptance::NoExtension => writeln!(out, "{name}: {}", w.no_extension),
        Acceptance::TooLarge { steps } => writeln!(out, "{name}: {} ({steps})", w.too_large),
    };
}

fn impacts(ctx: &RenderContext<'_>, t: &evaluate::ThesisEval, w: &Words, out: &mut String) {
    let d = ctx.debate;
    let _ = writeln!(
        out,
        "\n{}",
        w.top_impacts.replace("{id}", &d.claims[t.claim].id)
    );
    if t.top_impacts.is_empty() {
        let _ = writeln!(out, "  —");
    }
    for &(c, delta) in &t.top_impacts {
        let text = wrap_lines(ctx.text(c), TEXT_WIDTH, 1)
            .pop()
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:>6}  {}  {}",
            vocab::change(delta),
            d.claims[c].id,
            text.trim_end()
        );
    }
}

/// Left-aligns `s` in `width` display columns.
fn pad(s: &str, width: usize) -> String {
    let fill = width.saturating_sub(display_width(s));
    format!("{s}{}", " ".repeat(fill))
}

/// The fixed words of the table.
struct Words {
    standard: &'static str,
    thesis: &'static str,
    strength: &'static str,
    case_for: &'static str,
    case_against: &'static str,
    not_settled_note: &'static str,
    claim: &'static str,
    base: &'static str,
    label: &'static str,
    impact: &'static str,
    text: &'static str,
    grounded: &'static str,
    preferred: &'static str,
    stable: &'static str,
    extensions: &'static str,
    extension: &'static str,
    sceptical: &'static str,
    credulous: &'static str,
    no_extension: &'static str,
    too_large: &'static str,
    unsettled: &'static str,
    /// With `{id}` for the thesis id.
    top_impacts: &'static str,
}

impl Words {
    fn of(lang: &str) -> Words {
        if lang == "bn" {
            Words {
                standard: "প্রমাণের মানদণ্ড",
                thesis: "প্রতিপাদ্য",
                strength: "শক্তি",
                case_for: "পক্ষে",
                case_against: "বিপক্ষে",
                not_settled_note: " (শক্তি স্থির হয়নি, তাই রায় অমীমাংসিত)",
                claim: "দাবি",
                base: "ভিত্তি",
                label: "অবস্থা",
                impact: "প্রভাব",
                text: "বক্তব্য",
                grounded: "গ্রাউন্ডেড লেবেল",
                preferred: "প্রেফার্ড",
                stable: "স্টেবল",
                extensions: "এক্সটেনশন",
                extension: "এক্সটেনশন",
                sceptical: "সবগুলিতে গৃহীত",
                credulous: "অন্তত একটিতে গৃহীত",
                no_extension: "কোনো স্টেবল এক্সটেনশন নেই (আক্রমণের বিজোড় চক্র), তাই কিছুই সর্বত্র গৃহীত বলা যায় না",
                too_large: "বিতর্কটি নিখুঁত উত্তরের জন্য খুব বড়; অনুসন্ধান থামানো হয়েছে",
                unsettled: "যেসব দাবির শক্তি স্থির হয়নি",
                top_impacts: "{id} কীসের ওপর দাঁড়িয়ে (দাবিটি সরালে শক্তি কতটা বদলায়):",
            }
        } else {
            Words {
                standard: "Proof standard",
                thesis: "Thesis",
                strength: "strength",
                case_for: "case for",
                case_against: "against",
                not_settled_note: " (strengths did not settle, so the verdict is contested)",
                claim: "claim",
                base: "base",
                label: "label",
                impact: "impact",
                text: "text",
                grounded: "Grounded labelling",
                preferred: "Preferred",
                stable: "Stable",
                extensions: "extensions",
                extension: "extension",
                sceptical: "in every one",
                credulous: "in at least one",
                no_extension: "no stable extension (an odd cycle of attacks), so nothing is accepted in every stable extension",
                too_large: "too large for an exact answer; the search was stopped",
                unsettled: "Claims whose strength did not settle",
                top_impacts: "What {id} rests on (how its strength changes if the claim is removed):",
            }
        }
    }
}
