//! The argument map as a Graphviz DOT document.
//!
//! DOT is the one map format that is always ours: SVG, PNG and PDF are Graphviz's rendering of
//! it. The map follows the teaching conventions of argument mapping: the thesis at the top,
//! reasons below it with arrows pointing up at what they argue about, fill colour by a claim's
//! role towards the claim above it, and polarity readable without colour too (a `+`, `−` or
//! `×` mark, arrowhead shape and line style). Co-premises meet in a small junction box before
//! the arrow, and an undercut points at the junction of the link it attacks.
//!
//! The graph is built with `graphviz-rust`'s structures and printed exactly as its printer
//! would (by [`print`], which is faster on big maps); every piece of debate text is escaped
//! here first (HTML-like labels and quoted strings), because the printer writes ids verbatim.

pub(crate) mod eval;
mod legend;
mod print;
mod style;
mod words;

pub(crate) use style::header;
pub use style::{
    EVIDENCE_FILL, Polarity, THESIS_FILL, UNLINKED_FILL, escape_html, fill_color, polarities, quote,
};
pub(crate) use words::{Words, words};

use super::wrap::wrap_lines;
use super::{RenderContext, Renderer};
use crate::error::Result;
use crate::model::{Debate, Kind, QuoteStatus, Source};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use std::fmt::Write as _;

/// Font list for graph, nodes and edges: a Bengali face first (Noto on most systems, Lohit
/// from Debian's `fonts-lohit-beng-bengali`), then Latin ones; fontconfig picks the first
/// installed and falls back per glyph.
pub const FONTNAME: &str = "Noto Sans Bengali,Lohit Bengali,Noto Sans,sans-serif";

/// Columns a claim's text is wrapped to: narrow boxes keep maps readable on a slide.
pub const LABEL_WIDTH: usize = 28;

/// Most lines of claim text in a box; longer text ends with "…" (the tooltip has it all).
pub const MAX_LABEL_LINES: usize = 8;

/// Most lines of an evidence quote in its box.
const MAX_QUOTE_LINES: usize = 5;

/// Longest tooltip, in characters.
const MAX_TOOLTIP_CHARS: usize = 1000;

/// Colour of the small header line and the source line.
const MUTED: &str = "#555555";

/// The DOT backend (`--format dot`), and the source of every Graphviz image.
pub struct Dot;

impl Renderer for Dot {
    fn name(&self) -> &str {
        "dot"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<u8>> {
        Ok(to_dot(ctx).into_bytes())
    }
}

/// The map as DOT source, ending with a newline. Deterministic: nodes follow the tree order
/// of [`Debate::tree_order`], junctions and edges the order of [`Debate::reasons`].
///
/// Exactly [`to_graph`] printed, but on a big map each claim's box and each reason's edges
/// are built and printed on the worker thread that made them, so the millions of small
/// strings of the graph never exist all at once.
pub fn to_dot(ctx: &RenderContext<'_>) -> String {
    let parts = Parts::new(ctx);
    let d = ctx.debate;
    let mut out = String::with_capacity(parts.shown.len() * 700 + 4096);
    out.push_str("digraph claimmap {\n");
    print::stmts(&mut out, &parts.head());
    let boxes = crate::par::map(&parts.shown, 2_000, |&i| {
        print::line(&Stmt::Node(parts.claim(i)))
    });
    let reasons: Vec<usize> = (0..d.reasons().len()).collect();
    let links = crate::par::map(&reasons, 2_000, |&ri| {
        parts
            .reason(ri)
            .iter()
            .map(print::line)
            .collect::<Vec<_>>()
            .join("\n")
    });
    for line in boxes.iter().chain(links.iter().filter(|l| !l.is_empty())) {
        out.push('\n');
        out.push_str(line);
    }
    let tail = parts.tail();
    if !tail.is_empty() {
        out.push('\n');
        print::stmts(&mut out, &tail);
    }
    out.push_str("\n}\n");
    out
}

/// The map as a `graphviz-rust` graph, for callers that hand it to `graphviz_rust::exec`.
pub fn to_graph(ctx: &RenderContext<'_>) -> Graph {
    let parts = Parts::new(ctx);
    let mut stmts = parts.head();
    stmts.extend(parts.shown.iter().map(|&i| Stmt::Node(parts.claim(i))));
    for ri in 0..ctx.debate.reasons().len() {
        stmts.extend(parts.reason(ri));
    }
    stmts.extend(parts.tail());
    Graph::DiGraph {
        id: Id::Plain("claimmap".into()),
        strict: false,
        stmts,
    }
}

/// The map's statements in the order they are printed: the defaults, one box per shown
/// claim, each reason's junction and edges, then summaries, removed claims and the legend.
struct Parts<'c, 'a> {
    ctx: &'c RenderContext<'a>,
    w: &'static Words,
    roles: Vec<Option<Polarity>>,
    /// The claims drawn, in tree order.
    shown: Vec<usize>,
}

impl<'c, 'a> Parts<'c, 'a> {
    fn new(ctx: &'c RenderContext<'a>) -> Self {
        let d = ctx.debate;
        Parts {
            ctx,
            w: words(&ctx.lang),
            roles: polarities(d),
            shown: d
                .tree_order()
                .into_iter()
                .filter(|e| !e.repeat && ctx.is_visible(e.claim))
                .map(|e| e.claim)
                .collect(),
        }
    }

    fn head(&self) -> Vec<Stmt> {
        vec![
            attrs_stmt(GraphAttributes::Graph, graph_attributes(self.ctx)),
            attrs_stmt(
                GraphAttributes::Node,
                vec![
                    attr("shape", "box"),
                    attr("style", "\"rounded,filled\""),
                    attr("fontname", quote(FONTNAME)),
                    attr("fontsize", "11"),
                    attr("margin", "\"0.15,0.08\""),
                    attr("color", "\"#444444\""),
                ],
            ),
            attrs_stmt(
                GraphAttributes::Edge,
                vec![
                    attr("fontname", quote(FONTNAME)),
                    attr("labelfontsize", "14"),
                    attr("penwidth", "1.4"),
                ],
            ),
        ]
    }

    fn claim(&self, i: usize) -> Node {
        claim_node(self.ctx, i, self.roles[i], self.w)
    }

    /// Reason `ri`'s junction (for co-premises or an undercut link) and edges; nothing when
    /// its conclusion or all its premises are hidden.
    fn reason(&self, ri: usize) -> Vec<Stmt> {
        let (ctx, w) = (self.ctx, self.w);
        let d = ctx.debate;
        let reason = &d.reasons()[ri];
        let premises: Vec<usize> = reason
            .premises
            .iter()
            .copied()
            .filter(|&p| ctx.is_visible(p))
            .collect();
        if !ctx.is_visible(reason.conclusion) || premises.is_empty() {
            return Vec::new();
        }
        let polarity = Polarity::of(reason.role);
        let conclusion = claim_id(d, reason.conclusion);
        let undercutters: Vec<usize> = reason
            .undercutters
            .iter()
            .copied()
            .filter(|&u| ctx.is_visible(u))
            .collect();
        if reason.premises.len() == 1 && undercutters.is_empty() {
            return vec![edge(
                claim_id(d, premises[0]),
                conclusion,
                arrow_attrs(polarity),
            )];
        }
        let junction = Id::Escaped(quote(&format!("_reason_{ri}")));
        let label = junction_label(reason, premises.len(), w);
        let mut stmts = vec![Stmt::Node(Node::new(
            NodeId(junction.clone(), None),
            vec![
                attr("label", quote(&label)),
                attr("tooltip", quote(&tooltip_text(polarity.name(w)))),
                attr("fontsize", "8"),
                attr("width", "0"),
                attr("height", "0"),
                attr("margin", "\"0.04,0.02\""),
                attr("fillcolor", quote(polarity.fill_color())),
                attr("color", quote(polarity.line_color())),
                attr("fontcolor", quote(polarity.line_color())),
            ],
        ))];
        for &p in &premises {
            let mut attrs = line_attrs(polarity);
            attrs.push(attr("arrowhead", "none"));
            stmts.push(edge(claim_id(d, p), junction.clone(), attrs));
        }
        stmts.push(edge(junction.clone(), conclusion, arrow_attrs(polarity)));
        for &u in &undercutters {
            stmts.push(edge(
                claim_id(d, u),
                junction.clone(),
                arrow_attrs(Polarity::Undercut),
            ));
        }
        stmts
    }

    /// Summary boxes of collapsed parts, the cluster of removed claims and the legend.
    fn tail(&self) -> Vec<Stmt> {
        let (ctx, w) = (self.ctx, self.w);
        let d = ctx.debate;
        let mut stmts = Vec::new();
        for &(claim, hidden, pro, con) in &ctx.summaries {
            if !ctx.is_visible(claim) {
                continue;
            }
            let id = Id::Escaped(quote(&format!("_more_{}", d.claims[claim].id)));
            stmts.push(Stmt::Node(Node::new(
                NodeId(id.clone(), None),
                vec![
                    attr("label", quote(&w.hidden_summary(hidden, pro, con))),
                    attr("shape", "box"),
                    attr("style", "\"rounded,dashed\""),
                    attr("fillcolor", "\"#ffffff\""),
                    attr("color", "\"#999999\""),
                    attr("fontcolor", "\"#555555\""),
                    attr("fontsize", "10"),
                ],
            )));
            stmts.push(edge(
                id,
                claim_id(d, claim),
                vec![attr("style", "dashed"), attr("color", "\"#999999\"")],
            ));
        }
        if let Some(changes) = ctx.changes.filter(|c| !c.removed.is_empty()) {
            stmts.push(Stmt::Subgraph(removed_cluster(&changes.removed)));
        }
        let reviews_note = (ctx.evaluation.is_some() && d.settings.reviews)
            .then(|| super::vocab::reviews_feed_note(&ctx.lang));
        stmts.push(Stmt::Subgraph(legend::legend(
            w,
            ctx.evaluation.is_some(),
            reviews_note,
        )));
        stmts
    }
}

/// Border colour of claims added since the old version (`claimmap diff`).
const ADDED: &str = "#1a7f37";
/// Border colour of claims changed since the old version.
const CHANGED: &str = "#0969da";

/// The claims a newer version removed, as grey dashed boxes in a cluster of their own.
fn removed_cluster(removed: &[(String, String)]) -> Subgraph {
    let mut stmts = vec![attrs_stmt(
        GraphAttributes::Graph,
        vec![
            attr("label", quote("REMOVED")),
            attr("style", "dashed"),
            attr("color", "\"#999999\""),
            attr("fontcolor", "\"#999999\""),
        ],
    )];
    for (id, text) in removed {
        let body = join_lines(&wrap_lines(text, LABEL_WIDTH, MAX_LABEL_LINES));
        stmts.push(Stmt::Node(Node::new(
            NodeId(Id::Escaped(quote(&format!("_removed_{id}"))), None),
            vec![
                attr(
                    "label",
                    html(&format!(
                        "<FONT POINT-SIZE=\"9\">{}</FONT><BR/><S>{body}</S>",
                        escape_html(id)
                    )),
                ),
                attr("style", "\"rounded,dashed\""),
                attr("color", "\"#999999\""),
                attr("fontcolor", "\"#777777\""),
            ],
        )));
    }
    Subgraph {
        id: Id::Escaped(quote("cluster_removed")),
        stmts,
    }
}

fn graph_attributes(ctx: &RenderContext<'_>) -> Vec<Attribute> {
    let d = ctx.debate;
    let mut attrs = vec![
        attr("rankdir", ctx.rankdir.as_dot()),
        attr("charset", "\"UTF-8\""),
        attr("fontname", quote(FONTNAME)),
        attr("bgcolor", "white"),
        attr("nodesep", "0.3"),
        attr("ranksep", "0.45"),
    ];
    let title = d.title.get(&ctx.lang, &d.languages);
    let lines = wrap_lines(title, 60, 3);
    if !lines.is_empty() {
        attrs.push(attr(
            "label",
            html(&format!("<B>{}</B>", join_lines(&lines))),
        ));
        attrs.push(attr("labelloc", "t"));
        attrs.push(attr("fontsize", "16"));
    }
    attrs
}

fn claim_node(ctx: &RenderContext<'_>, i: usize, polarity: Option<Polarity>, w: &Words) -> Node {
    let d = ctx.debate;
    let claim = &d.claims[i];
    let verified = matches!(claim.quote_status, QuoteStatus::Verified { .. });
    let header = header(claim, polarity, w);
    let look = eval::look(ctx, i);
    let change = ctx.changes.and_then(|c| {
        if c.added.get(i).copied().unwrap_or(false) {
            Some(("NEW", ADDED))
        } else if c.changed.get(i).copied().unwrap_or(false) {
            Some(("CHANGED", CHANGED))
        } else {
            None
        }
    });
    let mut label = String::with_capacity(512);
    label.push_str("<FONT POINT-SIZE=\"9\" COLOR=\"");
    label.push_str(MUTED);
    label.push_str("\">");
    if let Some((word, colour)) = change {
        label.push_str(&format!("<FONT COLOR=\"{colour}\"><B>{word}</B></FONT> · "));
    }
    label.push_str(&escape_html(&header));
    label.push_str(look.as_ref().map_or("", |l| &l.badge));
    label.push_str("</FONT>");
    let text = ctx.text(i);
    let mut lines = wrap_lines(text, LABEL_WIDTH, MAX_LABEL_LINES);
    if lines.is_empty() {
        lines.push(format!("({})", claim.id));
    }
    let body = join_lines(&lines);
    label.push_str("<BR/>");
    if claim.kind == Kind::Thesis {
        label.push_str("<B>");
    }
    if let Some(l) = &look {
        label.push_str(&l.open);
    }
    label.push_str(&body);
    if let Some(l) = &look {
        label.push_str(&l.close);
    }
    if claim.kind == Kind::Thesis {
        label.push_str("</B>");
    }
    let source = claim.source.as_deref().and_then(|s| d.source(s));
    if claim.kind == Kind::Evidence {
        label.push_str(&evidence_lines(ctx, i, source));
    }
    if let Some(line) = super::vocab::review_line(d, i, &ctx.lang) {
        label.push_str(&format!(
            "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"{MUTED}\">{}</FONT>",
            escape_html(&line)
        ));
    }
    if let Some(verdict) = look.as_ref().and_then(|l| l.verdict.as_ref()) {
        label.push_str("<BR/>");
        label.push_str(verdict);
    }
    let mut tooltip = String::with_capacity(text.len() + 64);
    let _ = write!(
        tooltip,
        "{} ({}:{})\n{}",
        claim.id, claim.origin.file, claim.origin.line, text
    );
    if let Some(note) = claim.note.as_deref() {
        tooltip.push_str("\n\n");
        tooltip.push_str(note);
    }
    if verified {
        tooltip.push_str(&format!("\n✓ {}", w.verified));
    }
    if let Some((cut, _)) = tooltip.char_indices().nth(MAX_TOOLTIP_CHARS) {
        tooltip.truncate(cut);
    }
    let mut attrs = vec![
        attr("label", html(&label)),
        attr("tooltip", quote(&tooltip_text(&tooltip))),
        attr("id", quote(&format!("claim-{}", claim.id))),
        attr("fillcolor", quote(fill_color(d, i, polarity))),
    ];
    match claim.kind {
        Kind::Thesis => {
            attrs.push(attr("style", "filled"));
            attrs.push(attr("peripheries", "2"));
            attrs.push(attr("penwidth", "1.6"));
            attrs.push(attr("fontsize", "13"));
        }
        Kind::Evidence => {
            attrs.push(attr("shape", "note"));
            attrs.push(attr("style", "filled"));
            if let Some(url) = source
                .and_then(|s| s.url.as_deref())
                .filter(|u| crate::render::link::is_web_address(u))
            {
                attrs.push(attr("URL", quote(url)));
                attrs.push(attr("target", "_blank"));
            }
        }
        Kind::Claim => {}
    }
    if let Some(l) = look {
        // Later attributes win in Graphviz: the evaluation's border replaces the kind's.
        attrs.extend(l.attrs);
    }
    if let Some((_, colour)) = change {
        attrs.push(attr("color", quote(colour)));
        attrs.push(attr("penwidth", "3"));
    }
    Node::new(claim_id(d, i), attrs)
}

/// The quote (when it says more than the claim's text) and the source with its locator, in
/// smaller type, each line already escaped and starting with a line break.
fn evidence_lines(ctx: &RenderContext<'_>, i: usize, source: Option<&Source>) -> String {
    let d = ctx.debate;
    let claim = &d.claims[i];
    let mut out = String::new();
    let text = ctx.text(i).trim();
    if let Some(quote) = claim.quote.as_deref().map(str::trim).filter(|q| *q != text) {
        let lines = wrap_lines(&format!("“{quote}”"), LABEL_WIDTH + 4, MAX_QUOTE_LINES);
        out.push_str(&format!(
            "<BR/><FONT POINT-SIZE=\"10\">{}</FONT>",
            join_lines(&lines)
        ));
    }
    let cited = citation(ctx, i, source);
    let lines = wrap_lines(&cited, LABEL_WIDTH + 6, 3);
    if !lines.is_empty() {
        out.push_str(&format!(
            "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"{MUTED}\">{}</FONT>",
            join_lines(&lines)
        ));
    }
    out
}

/// Where evidence comes from, as the map shows it: the source's title and the locator
/// (`Traffic study, block 5`), either alone when the other is missing, or empty.
/// The text of a reason's junction: "because" for supports, "however" against. A linked
/// reason with co-premises left out of this view must not look like a reason on its own, so
/// the hidden ones are counted.
pub(crate) fn junction_label(reason: &crate::model::Reason, shown: usize, w: &Words) -> String {
    let word = if reason.role.is_support() {
        w.because
    } else {
        w.however
    };
    match reason.premises.len().saturating_sub(shown) {
        0 => word.to_string(),
        hidden => format!("{word} (+{hidden} {})", w.hidden),
    }
}

pub(crate) fn citation(ctx: &RenderContext<'_>, i: usize, source: Option<&Source>) -> String {
    let d = ctx.debate;
    let title = source.map_or("", |s| s.title.get(&ctx.lang, &d.languages));
    match d.claims[i].locator.as_deref() {
        Some(locator) if !title.is_empty() => format!("{title}, {locator}"),
        Some(locator) => locator.to_string(),
        None => title.to_string(),
    }
}

/// Tooltip text without backslashes. A tooltip is an `escString`, and Graphviz (2.43 at
/// least) expands its escapes twice: even written as `\\N`, a claim's `\N` comes out as the
/// node's name (and `\G`, `\L`, `\E`, `\T`, `\H` as graph name, label, edge, tail and
/// head), so `C:\New` would read `C:` plus the node's name. No escaping survives both passes,
/// so every backslash becomes U+2216 SET MINUS (∖), which looks like one. Labels are HTML-like
/// and not affected.
fn tooltip_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\\') {
        text.replace('\\', "\u{2216}").into()
    } else {
        text.into()
    }
}

fn line_attrs(p: Polarity) -> Vec<Attribute> {
    vec![
        attr("color", quote(p.line_color())),
        attr("style", p.line_style()),
    ]
}

fn arrow_attrs(p: Polarity) -> Vec<Attribute> {
    let mut attrs = line_attrs(p);
    attrs.push(attr("arrowhead", p.arrowhead()));
    attrs.push(attr("headlabel", quote(p.mark())));
    attrs.push(attr("labelfontcolor", quote(p.line_color())));
    attrs.push(attr("labeldistance", "1.8"));
    attrs
}

fn claim_id(d: &Debate, i: usize) -> NodeId {
    NodeId(Id::Escaped(quote(&d.claims[i].id)), None)
}

/// An attribute; an owned value moves in without a copy (labels of 100,000 boxes add up).
fn attr(key: &str, value: impl Into<String>) -> Attribute {
    Attribute(Id::Plain(key.into()), Id::Plain(value.into()))
}

/// An HTML-like label value; `inner` must already be escaped markup. The outer `<FONT>`
/// makes every label end in `>>`, which `graphviz-rust`'s parser needs to find its end.
fn html(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len() + 16);
    out.push_str("<<FONT>");
    out.push_str(inner);
    out.push_str("</FONT>>");
    out
}

fn join_lines(lines: &[String]) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 5).sum());
    for (k, line) in lines.iter().enumerate() {
        if k > 0 {
            out.push_str("<BR/>");
        }
        out.push_str(&escape_html(line));
    }
    out
}

fn attrs_stmt(kind: fn(Vec<Attribute>) -> GraphAttributes, attrs: Vec<Attribute>) -> Stmt {
    Stmt::GAttribute(kind(attrs))
}

fn edge(from: impl Into<Target>, to: impl Into<Target>, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(Vertex::N(from.into().0), Vertex::N(to.into().0)),
        attributes,
    })
}

/// An edge end: a claim's node id or a junction's id.
struct Target(NodeId);

impl From<NodeId> for Target {
    fn from(id: NodeId) -> Target {
        Target(id)
    }
}

impl From<Id> for Target {
    fn from(id: Id) -> Target {
        Target(NodeId(id, None))
    }
}

#[cfg(test)]
pub(crate) mod tests;
