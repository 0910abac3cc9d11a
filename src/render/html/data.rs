//! What the interactive page's script knows about the debate: every claim with its texts in
//! every language, its evidence, relations, evaluation and reviews, serialised once as JSON.
//!
//! The map's SVG only carries what fits in a box; the side panel, search, filters and the
//! outline need the rest, in every language at once so the language switch needs no reload.
//! Relations are claim indices into `claims`, which keeps a 2,000-claim page small.

use crate::evaluate::Label;
use crate::model::{Kind, Link, QuoteStatus, ReasonRole, Text};
use crate::render::RenderContext;
use serde::Serialize;
use std::collections::BTreeMap;

/// The whole page's data.
#[derive(Serialize)]
pub(super) struct PageData<'a> {
    title: &'a Text,
    languages: &'a [String],
    /// The language the page opens in.
    lang: &'a str,
    claims: Vec<ClaimData<'a>>,
    /// Tree order for the outline: `[claim, depth, relation]`, repeats left out.
    outline: Vec<(usize, usize, &'static str)>,
    /// Verdicts of the theses, when evaluated.
    verdicts: Vec<VerdictData>,
    /// The page's own words per language.
    ui: BTreeMap<&'a str, BTreeMap<&'static str, &'static str>>,
}

#[derive(Serialize)]
struct ClaimData<'a> {
    id: &'a str,
    kind: &'static str,
    /// How it hangs below its parent where it first appears: `thesis`, `root`, `support`,
    /// `objection`, `rebuttal` or `undercut`.
    rel: &'static str,
    text: &'a Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    tags: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheme: Option<&'a Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
    /// `file:line` of the claim, so a reader can find and fix it.
    at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<EvidenceData<'a>>,
    /// Claims this one supports, opposes (objections and rebuttals) and undercuts.
    supports: Vec<usize>,
    opposes: Vec<usize>,
    undercuts: Vec<usize>,
    /// Reasons for and against it: each the premises that act together and the claims that
    /// undercut the link.
    supporters: Vec<ReasonData>,
    objections: Vec<ReasonData>,
    rebuttals: Vec<ReasonData>,
    #[serde(skip_serializing_if = "Option::is_none")]
    eval: Option<EvalData>,
    reviews: Vec<ReviewData<'a>>,
    open_questions: Vec<&'a Text>,
}

#[derive(Serialize)]
struct EvidenceData<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a Text>,
    /// Only `http` and `https` addresses: anything else (`javascript:`) could run script.
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    locator: Option<&'a str>,
    /// `verified`, `not-found`, `unverifiable` or `none`.
    status: &'static str,
}

#[derive(Serialize)]
struct ReasonData {
    premises: Vec<usize>,
    undercut_by: Vec<usize>,
}

#[derive(Serialize)]
struct EvalData {
    /// Two decimals; `None` when the strength did not settle.
    strength: Option<String>,
    base: String,
    /// `in`, `out` or `undec`.
    label: &'static str,
    defeated_by: Vec<usize>,
}

#[derive(Serialize)]
struct ReviewData<'a> {
    reviewer: &'a str,
    verdict: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    comment: Option<&'a str>,
    answers: Vec<AnswerData<'a>>,
}

#[derive(Serialize)]
struct AnswerData<'a> {
    question: Option<&'a Text>,
    answer: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct VerdictData {
    thesis: usize,
    verdict: &'static str,
    standard: &'static str,
    pro: String,
    con: String,
}

/// The page data for `ctx`'s debate and evaluation.
pub(super) fn page_data<'a>(ctx: &'a RenderContext<'a>) -> PageData<'a> {
    let d = ctx.debate;
    let index = |id: &str| d.index_of(id);
    let resolve = |ids: &[String]| -> Vec<usize> { ids.iter().filter_map(|s| index(s)).collect() };
    let tree = d.tree_order();
    let mut rel = vec![""; d.claims.len()];
    let mut outline = Vec::with_capacity(tree.len());
    for e in &tree {
        let r = match e.link {
            Link::Root if d.claims[e.claim].kind == Kind::Thesis => "thesis",
            Link::Root => "root",
            Link::Premise(ri) => d.reasons()[ri].role.as_str(),
            Link::Undercut(_) => "undercut",
        };
        if rel[e.claim].is_empty() {
            rel[e.claim] = r;
        }
        if !e.repeat {
            outline.push((e.claim, e.depth, r));
        }
    }
    let claims = d
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut supporters = Vec::new();
            let mut objections = Vec::new();
            let mut rebuttals = Vec::new();
            for (_, r) in d.reasons_for(i) {
                let data = ReasonData {
                    premises: r.premises.clone(),
                    undercut_by: r.undercutters.clone(),
                };
                match r.role {
                    ReasonRole::Support => supporters.push(data),
                    ReasonRole::Objection => objections.push(data),
                    ReasonRole::Rebuttal => rebuttals.push(data),
                }
            }
            let source = c.source.as_deref().and_then(|s| d.source(s));
            let evidence = (c.quote.is_some() || c.source.is_some()).then(|| EvidenceData {
                quote: c.quote.as_deref(),
                source: source.map(|s| &s.title),
                url: source
                    .and_then(|s| s.url.as_deref())
                    .filter(|u| crate::render::link::is_web_address(u)),
                locator: c.locator.as_deref(),
                status: match c.quote_status {
                    QuoteStatus::None => "none",
                    QuoteStatus::Verified { .. } => "verified",
                    QuoteStatus::Unverifiable => "unverifiable",
                    QuoteStatus::NotFound => "not-found",
                },
            });
            let scheme = c.scheme.as_deref().and_then(|s| d.scheme(s));
            let reviews = d
                .reviews_of(i)
                .map(|r| ReviewData {
                    reviewer: &r.reviewer,
                    verdict: r.verdict.as_str(),
                    link: r.link.map(|l| l.as_str()),
                    comment: r.comment.as_deref(),
                    answers: r
                        .answers
                        .iter()
                        .map(|a| AnswerData {
                            question: scheme
                                .and_then(|s| s.question(&a.question))
                                .map(|q| &q.text),
                            answer: a.answer.as_str(),
                            note: a.note.as_deref(),
                        })
                        .collect(),
                })
                .collect();
            let open_questions = crate::render::vocab::open_questions(d, i)
                .into_iter()
                .filter_map(|q| scheme.and_then(|s| s.question(q)).map(|q| &q.text))
                .collect();
            ClaimData {
                id: &c.id,
                kind: c.kind.as_str(),
                rel: if rel[i].is_empty() { "root" } else { rel[i] },
                text: &c.text,
                author: c.author.as_deref(),
                tags: &c.tags,
                note: c.note.as_deref(),
                scheme: scheme.map(|s| &s.name),
                confidence: c.confidence,
                at: format!("{}:{}", c.origin.file, c.origin.line),
                evidence,
                supports: resolve(&c.supports),
                opposes: resolve(&c.opposes),
                undercuts: resolve(&c.undercuts),
                supporters,
                objections,
                rebuttals,
                eval: ctx.evaluation.map(|ev| {
                    let e = &ev.claims[i];
                    EvalData {
                        strength: e.strength.map(|s| format!("{s:.2}")),
                        base: format!("{:.2}", e.base),
                        label: match e.label {
                            Label::In => "in",
                            Label::Out => "out",
                            Label::Undec => "undec",
                        },
                        defeated_by: e.defeated_by.clone(),
                    }
                }),
                reviews,
                open_questions,
            }
        })
        .collect();
    let verdicts = ctx
        .evaluation
        .map(|ev| {
            ev.theses
                .iter()
                .map(|t| VerdictData {
                    thesis: t.claim,
                    verdict: t.verdict.verdict.as_str(),
                    standard: t.verdict.standard.as_str(),
                    pro: format!("{:.2}", t.verdict.pro),
                    con: format!("{:.2}", t.verdict.con),
                })
                .collect()
        })
        .unwrap_or_default();
    PageData {
        title: &d.title,
        languages: &d.languages,
        lang: &ctx.lang,
        claims,
        outline,
        verdicts,
        ui: d
            .languages
            .iter()
            .map(|l| (l.as_str(), super::words::ui_words(l)))
            .collect(),
    }
}

/// The data as JSON that can sit inside a `<script type="application/json">` element: `<`,
/// `>` and `&` (which only occur inside JSON strings) become `\u` escapes, so no text can
/// close the element or open a comment, and U+2028/U+2029 are escaped for older parsers.
pub(super) fn script_json(data: &PageData<'_>) -> String {
    let json = serde_json::to_string(data).unwrap_or_else(|_| "{}".to_string());
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for ch in json.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}
