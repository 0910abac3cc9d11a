//! What the evaluation adds to the map: a strength badge, a border as heavy as the claim is
//! strong, a struck-through and dashed look for claims that are `out`, a mark for
//! `undecided`, and the verdict under the thesis. Off with `--no-eval`.

use super::attr;
use super::style::escape_html;
use crate::evaluate::Label;
use crate::model::Kind;
use crate::render::{RenderContext, vocab};
use graphviz_rust::dot_structures::Attribute;

/// Text colour of a claim that is `out`.
const OUT_TEXT: &str = "#6b6b6b";

/// The evaluation's additions to one claim's box.
pub(crate) struct Look {
    /// Markup appended to the box header: " · 0.62" and a mark for out / undecided.
    pub badge: String,
    /// The same as plain text, for the embedded layout.
    pub badge_text: String,
    /// The verdict line as plain text.
    pub verdict_text: Option<String>,
    /// Whether the claim is `out` (drawn greyed).
    pub out: bool,
    /// Strength in [0, 1] for border weights; 0 when it did not settle.
    pub weight: f64,
    /// Markup wrapped around the claim's text (strike-through for `out`).
    pub open: String,
    /// Closes `open`.
    pub close: String,
    /// A line under the thesis text: its verdict and the proof standard.
    pub verdict: Option<String>,
    /// Border weight and style.
    pub attrs: Vec<Attribute>,
}

/// The look of claim `i`, or `None` when the map is drawn without evaluation.
pub(crate) fn look(ctx: &RenderContext<'_>, i: usize) -> Option<Look> {
    let ev = ctx.evaluation?;
    let c = &ev.claims[i];
    let lang = ctx.lang.as_str();
    let kind = ctx.debate.claims[i].kind;
    let mark = match c.label {
        Label::In => String::new(),
        Label::Out => format!(" ✗ {}", vocab::label(Label::Out, lang)),
        Label::Undec => " ?".to_string(),
    };
    let number = vocab::strength(c.strength, lang);
    let badge = format!(" · <B>{}</B>{}", escape_html(&number), escape_html(&mark));
    let badge_text = format!(" · {number}{mark}");
    let (open, close) = if c.label == Label::Out {
        (
            format!("<FONT COLOR=\"{OUT_TEXT}\"><S>"),
            "</S></FONT>".to_string(),
        )
    } else {
        (String::new(), String::new())
    };
    // From 0.6 for strength 0 to 3.0 for strength 1; a claim that did not settle gets the
    // thinnest border, since nothing can be said of it.
    let pen = 0.6 + 2.4 * c.strength.unwrap_or(0.0);
    let mut attrs = vec![attr("penwidth", &format!("{pen:.2}"))];
    if c.label == Label::Out {
        let style = match kind {
            Kind::Claim => "\"rounded,filled,dashed\"",
            Kind::Thesis | Kind::Evidence => "\"filled,dashed\"",
        };
        attrs.push(attr("style", style));
    }
    let verdict_parts = ev.theses.iter().find(|t| t.claim == i).map(|t| {
        let j = &t.verdict;
        (
            vocab::verdict(j.verdict, lang).to_uppercase(),
            vocab::standard(j.standard, lang),
        )
    });
    let verdict = verdict_parts.as_ref().map(|(v, s)| {
        format!(
            "<FONT POINT-SIZE=\"10\"><B>{}</B> · {}</FONT>",
            escape_html(v),
            escape_html(s)
        )
    });
    Some(Look {
        badge,
        badge_text,
        verdict_text: verdict_parts.map(|(v, s)| format!("{v} · {s}")),
        out: c.label == Label::Out,
        weight: c.strength.unwrap_or(0.0),
        open,
        close,
        verdict,
        attrs,
    })
}
