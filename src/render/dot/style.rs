//! How the map looks: polarity of each line, fill colour of each box, and escaping of text
//! for DOT. Shared with the embedded layout so both maps use the same conventions.

use super::words::Words;
use crate::model::{Claim, Debate, Kind, QuoteStatus, ReasonRole};

/// What a line on the map does to the claim it points at; also colours the box of the claim
/// it starts from. Shared with the embedded layout so both maps look alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarity {
    /// A reason for the claim (green, solid, normal arrowhead, `+`).
    Support,
    /// A reason against the claim (red, bold, `tee` arrowhead, `−`).
    Objection,
    /// An objection to an objection (orange, bold, `tee` arrowhead, `−`).
    Rebuttal,
    /// An attack on the link between a reason and its claim (purple, dashed, `×`).
    Undercut,
}

impl Polarity {
    /// The polarity of a reason's arrow.
    pub fn of(role: ReasonRole) -> Polarity {
        match role {
            ReasonRole::Support => Polarity::Support,
            ReasonRole::Objection => Polarity::Objection,
            ReasonRole::Rebuttal => Polarity::Rebuttal,
        }
    }

    /// The mark that shows polarity without colour. `−` is U+2212 MINUS SIGN.
    pub fn mark(self) -> &'static str {
        match self {
            Polarity::Support => "+",
            Polarity::Objection | Polarity::Rebuttal => "\u{2212}",
            Polarity::Undercut => "×",
        }
    }

    /// Line and mark colour.
    pub fn line_color(self) -> &'static str {
        match self {
            Polarity::Support => "#2e7d32",
            Polarity::Objection => "#c62828",
            Polarity::Rebuttal => "#e65100",
            Polarity::Undercut => "#6a1b9a",
        }
    }

    /// Pale fill for the boxes of claims in this role.
    pub fn fill_color(self) -> &'static str {
        match self {
            Polarity::Support => "#dcf0d5",
            Polarity::Objection => "#f9d6d2",
            Polarity::Rebuttal => "#fde3c4",
            Polarity::Undercut => "#eadcf2",
        }
    }

    /// Graphviz edge `style`.
    pub fn line_style(self) -> &'static str {
        match self {
            Polarity::Support => "solid",
            Polarity::Objection | Polarity::Rebuttal => "bold",
            Polarity::Undercut => "dashed",
        }
    }

    /// Graphviz `arrowhead`.
    pub fn arrowhead(self) -> &'static str {
        match self {
            Polarity::Support => "normal",
            Polarity::Objection | Polarity::Rebuttal | Polarity::Undercut => "tee",
        }
    }

    pub(crate) fn name(self, w: &Words) -> &'static str {
        match self {
            Polarity::Support => w.support,
            Polarity::Objection => w.objection,
            Polarity::Rebuttal => w.rebuttal,
            Polarity::Undercut => w.undercut,
        }
    }
}

/// Fill of the thesis box.
pub const THESIS_FILL: &str = "#ffffff";
/// Fill of evidence boxes (whatever they support).
pub const EVIDENCE_FILL: &str = "#fff6cc";
/// Fill of claims that are no reason for anything.
pub const UNLINKED_FILL: &str = "#eeeeee";

/// Each claim's role towards its parent: that of the first reason (in [`Debate::reasons`]
/// order) it is a premise of, else [`Polarity::Undercut`] if it undercuts a link, else `None`.
pub fn polarities(debate: &Debate) -> Vec<Option<Polarity>> {
    let mut out = vec![None; debate.claims.len()];
    for reason in debate.reasons() {
        for &p in &reason.premises {
            out[p].get_or_insert(Polarity::of(reason.role));
        }
    }
    for reason in debate.reasons() {
        for &u in &reason.undercutters {
            out[u].get_or_insert(Polarity::Undercut);
        }
    }
    out
}

/// The fill colour of claim `i`'s box, given its [`polarities`] entry.
pub fn fill_color(debate: &Debate, i: usize, polarity: Option<Polarity>) -> &'static str {
    match debate.claims[i].kind {
        Kind::Thesis => THESIS_FILL,
        Kind::Evidence => EVIDENCE_FILL,
        Kind::Claim => polarity.map_or(UNLINKED_FILL, Polarity::fill_color),
    }
}

/// Escapes text for a Graphviz HTML-like label: the XML specials, and `\` because Graphviz
/// expands `\N`, `\G`… even inside HTML labels. Line breaks and tabs become spaces and other
/// control characters (invalid in XML) are dropped.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_replaced(&mut out, text, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        '\\' => Some("\\\\"),
        '\n' | '\r' | '\t' => Some(" "),
        '\u{fffe}' | '\u{ffff}' => Some(""),
        c if c.is_control() => Some(""),
        _ => None,
    });
    out
}

/// Appends `text` to `out` with each character that `replace` has a replacement for
/// replaced, copying the runs in between whole (escaping every label of a big map one
/// character at a time was a fifth of the time DOT took).
fn push_replaced(out: &mut String, text: &str, replace: impl Fn(char) -> Option<&'static str>) {
    let mut plain = 0;
    for (at, c) in text.char_indices() {
        if let Some(replacement) = replace(c) {
            out.push_str(&text[plain..at]);
            out.push_str(replacement);
            plain = at + c.len_utf8();
        }
    }
    out.push_str(&text[plain..]);
}

/// Quotes text as a DOT string for attributes that Graphviz copies into SVG (`tooltip`,
/// `id`, `URL`): `\` and `"` are escaped (these are escStrings, where `\N` etc. expand), a
/// newline becomes `\n`, other control characters are dropped, and `&`, `<` and `>` become
/// entities, because Graphviz passes entity-like text through to the SVG unchanged (so the
/// text shows as written, and no markup ever appears in the DOT source).
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    push_replaced(&mut out, text, |c| match c {
        '\\' => Some("\\\\"),
        '"' => Some("\\\""),
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '\n' => Some("\\n"),
        '\t' => Some(" "),
        '\u{fffe}' | '\u{ffff}' => Some(""),
        c if c.is_control() => Some(""),
        _ => None,
    });
    out.push('"');
    out
}

/// The small first line of a claim's box: its kind, or its role with the polarity mark, and
/// ✓ on evidence whose quote was found in the source.
pub(crate) fn header(claim: &Claim, polarity: Option<Polarity>, w: &Words) -> String {
    match (claim.kind, polarity) {
        (Kind::Thesis, _) => w.thesis.to_string(),
        (Kind::Evidence, p) => {
            let mark = p.map_or(String::new(), |p| format!("{} ", p.mark()));
            let verified = matches!(claim.quote_status, QuoteStatus::Verified { .. });
            format!("{mark}{}{}", w.evidence, if verified { " ✓" } else { "" })
        }
        (Kind::Claim, Some(p)) => format!("{} {}", p.mark(), p.name(w)),
        (Kind::Claim, None) => w.claim.to_string(),
    }
}
