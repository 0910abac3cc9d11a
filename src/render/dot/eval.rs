//! What the evaluation adds to the map: a strength badge, a border as heavy as the claim is
//! strong, a struck-through, greyed and dashed look for claims that are `out`, a mark for
//! `undecided`, and the verdict under the thesis. Off with `--no-eval`.
//!
//! The words and numbers come from the helpers below ([`strength_badge`], [`label_mark`],
//! [`verdict_line`]), shared by the DOT map and the embedded layout so both read alike.

use super::attr;
use super::style::escape_html;
use crate::evaluate::Label;
use crate::evaluate::verdict::Judgement;
use crate::model::Kind;
use crate::render::{RenderContext, vocab};
use graphviz_rust::dot_structures::Attribute;

/// Text colour of a claim that is `out`.
const OUT_TEXT: &str = "#6b6b6b";

/// Colour of the badge's number: darker than the muted header it sits in, so it stands out.
const BADGE: &str = "#111111";

/// Thinnest border, for strength 0 (and for a strength that did not settle).
const MIN_PEN: f64 = 0.6;
/// Thickest border, for strength 1.
const MAX_PEN: f64 = 3.0;

/// The badge's number: the strength with two decimals, or `?` when it did not settle (a
/// cycle of attacks whose strengths kept moving).
pub(crate) fn strength_badge(strength: Option<f64>) -> String {
    match strength {
        Some(s) => format!("{s:.2}"),
        None => "?".to_string(),
    }
}

/// The mark after the badge for the grounded label: nothing for `in`, `✗ out` for a
/// defeated claim, `⇄ undecided` for one caught in attacks nothing settles.
pub(crate) fn label_mark(label: Label, lang: &str) -> String {
    match label {
        Label::In => String::new(),
        Label::Out => format!("✗ {}", vocab::label(Label::Out, lang)),
        Label::Undec => format!("⇄ {}", vocab::label(Label::Undec, lang)),
    }
}

/// What follows a box's header: " · 0.62", then " ✗ out" or " ⇄ undecided" when the label
/// is not `in`. Plain text; the DOT map marks it up with [`badge_markup`].
pub(crate) fn badge_text(strength: Option<f64>, label: Label, lang: &str) -> String {
    let mark = label_mark(label, lang);
    let mut out = format!(" · {}", strength_badge(strength));
    if !mark.is_empty() {
        out.push(' ');
        out.push_str(&mark);
    }
    out
}

/// [`badge_text`] as escaped HTML-like markup: the number bold and dark, the mark bold.
fn badge_markup(strength: Option<f64>, label: Label, lang: &str) -> String {
    let mark = label_mark(label, lang);
    let mut out = format!(
        " · <FONT COLOR=\"{BADGE}\"><B>{}</B></FONT>",
        escape_html(&strength_badge(strength))
    );
    if !mark.is_empty() {
        out.push_str(&format!(" <B>{}</B>", escape_html(&mark)));
    }
    out
}

/// The verdict line under a thesis: "STANDS · preponderance of evidence".
pub(crate) fn verdict_line(j: &Judgement, lang: &str) -> (String, &'static str) {
    (
        vocab::verdict(j.verdict, lang).to_uppercase(),
        vocab::standard(j.standard, lang),
    )
}

/// Border width for a strength: from [`MIN_PEN`] at 0 to [`MAX_PEN`] at 1; a strength that
/// did not settle gets the thinnest border, since nothing can be said of it.
pub(crate) fn pen_width(strength: Option<f64>) -> f64 {
    MIN_PEN + (MAX_PEN - MIN_PEN) * strength.unwrap_or(0.0).clamp(0.0, 1.0)
}

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
    /// Markup wrapped around the claim's text (greyed and struck through for `out`).
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
    let c = ev.claims.get(i)?;
    let lang = ctx.lang.as_str();
    let kind = ctx.debate.claims[i].kind;
    let out = c.label == Label::Out;
    let (open, close) = if out {
        (
            format!("<FONT COLOR=\"{OUT_TEXT}\"><S>"),
            "</S></FONT>".to_string(),
        )
    } else {
        (String::new(), String::new())
    };
    let mut attrs = vec![attr("penwidth", format!("{:.2}", pen_width(c.strength)))];
    if out {
        let style = match kind {
            Kind::Claim => "\"rounded,filled,dashed\"",
            Kind::Thesis | Kind::Evidence => "\"filled,dashed\"",
        };
        attrs.push(attr("style", style));
        attrs.push(attr("color", format!("\"{OUT_TEXT}\"")));
    }
    let verdict_parts = ev
        .theses
        .iter()
        .find(|t| t.claim == i)
        .map(|t| verdict_line(&t.verdict, lang));
    let verdict = verdict_parts.as_ref().map(|(v, s)| {
        format!(
            "<FONT POINT-SIZE=\"10\"><B>{}</B> · {}</FONT>",
            escape_html(v),
            escape_html(s)
        )
    });
    Some(Look {
        badge: badge_markup(c.strength, c.label, lang),
        badge_text: badge_text(c.strength, c.label, lang),
        verdict_text: verdict_parts.map(|(v, s)| format!("{v} · {s}")),
        out,
        weight: c.strength.unwrap_or(0.0),
        open,
        close,
        verdict,
        attrs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badge_shows_two_decimals_or_a_question_mark() {
        assert_eq!(strength_badge(Some(0.625)), "0.62");
        assert_eq!(strength_badge(Some(1.0)), "1.00");
        assert_eq!(strength_badge(Some(0.0)), "0.00");
        assert_eq!(strength_badge(None), "?");
    }

    #[test]
    fn marks_name_the_label_in_the_display_language() {
        assert_eq!(label_mark(Label::In, "en"), "");
        assert_eq!(label_mark(Label::Out, "en"), "✗ out");
        assert_eq!(label_mark(Label::Undec, "en"), "⇄ undecided");
        assert_eq!(label_mark(Label::Out, "bn"), "✗ খণ্ডিত");
        assert_eq!(label_mark(Label::Undec, "bn-BD"), "⇄ অনির্ধারিত");
    }

    #[test]
    fn badge_text_joins_number_and_mark() {
        assert_eq!(badge_text(Some(0.5), Label::In, "en"), " · 0.50");
        assert_eq!(badge_text(Some(0.25), Label::Out, "en"), " · 0.25 ✗ out");
        assert_eq!(badge_text(None, Label::Undec, "en"), " · ? ⇄ undecided");
        // An unsettled strength and an undecided label stay tell-apart.
        assert_ne!(strength_badge(None), label_mark(Label::Undec, "en"));
    }

    #[test]
    fn badge_markup_is_escaped_and_bold() {
        assert_eq!(
            badge_markup(Some(0.62), Label::Out, "en"),
            " · <FONT COLOR=\"#111111\"><B>0.62</B></FONT> <B>✗ out</B>"
        );
    }

    #[test]
    fn border_grows_with_strength() {
        assert_eq!(pen_width(Some(0.0)), MIN_PEN);
        assert_eq!(pen_width(Some(1.0)), MAX_PEN);
        assert_eq!(pen_width(None), MIN_PEN);
        assert!(pen_width(Some(0.3)) < pen_width(Some(0.7)));
        assert_eq!(pen_width(Some(7.0)), MAX_PEN, "clamped");
    }

    #[test]
    fn verdict_line_names_verdict_and_standard() {
        use crate::evaluate::Verdict;
        use crate::model::{Compare, ProofStandard, Thresholds};
        let j = Judgement {
            verdict: Verdict::Contested,
            strength: Some(0.5),
            pro: 0.5,
            con: 0.5,
            standard: ProofStandard::Preponderance,
            compare: Compare::Strongest,
            thresholds: Thresholds::default(),
            settled: true,
        };
        assert_eq!(
            verdict_line(&j, "en"),
            ("CONTESTED".to_string(), "preponderance of evidence")
        );
        assert_eq!(
            verdict_line(&j, "bn"),
            ("অমীমাংসিত".to_string(), "প্রমাণের প্রাধান্য")
        );
    }
}
