//! The map as SVG without Graphviz, laid out by the pure-Rust `layout-rs`.
//!
//! A fresh machine often has no Graphviz, and the map is the main output, so SVG falls back to
//! this simpler drawing. It is built from the model directly (our DOT uses HTML-like labels,
//! which `layout-rs` cannot read) and follows the DOT map where `layout-rs` allows: the same
//! fill colours, the thesis at the top, arrows pointing at what they argue about, junction
//! boxes for linked premises and undercut links, and polarity readable without colour (a
//! `+`/`−`/`×` mark in each box, thick lines for objections, dashed ones for undercuts).
//! `layout-rs` has no arrowhead shapes, fonts or clusters, so the legend is a column of boxes
//! and text is measured roughly; above [`EMBEDDED_MAX_CLAIMS`] it asks for Graphviz.

use super::dot::{self, Polarity};
use super::wrap::{display_width, wrap_lines};
use super::{RankDir, RenderContext};
use crate::error::{Error, Result};
use crate::model::Kind;
use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::geometry::Point;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use std::panic::{self, AssertUnwindSafe};

/// Most claims the embedded layout draws: beyond this its layout becomes slow and hard to
/// read, and Graphviz does much better.
pub const EMBEDDED_MAX_CLAIMS: usize = 300;

/// Font size of claim text, in pixels.
const FONT: usize = 14;
/// Font size of the legend and junction boxes.
const SMALL_FONT: usize = 11;
/// The font family `layout-rs` writes, replaced by ours.
const WRITER_FONT: &str = "font-family: Times, serif;";
/// Our font list in CSS form (see [`dot::FONTNAME`]).
const CSS_FONT: &str =
    "font-family: 'Noto Sans Bengali', 'Lohit Bengali', 'Noto Sans', 'DejaVu Sans', sans-serif;";

/// Lays out the visible part of the map with `layout-rs` and returns an SVG document.
///
/// Errors (never panics): more than [`EMBEDDED_MAX_CLAIMS`] visible claims, or a graph that
/// `layout-rs` fails on; both say to install Graphviz.
pub fn embedded_svg(ctx: &RenderContext<'_>) -> Result<String> {
    embedded_svg_with_boxes(ctx).map(|(svg, _)| svg)
}

/// Where a claim's box was drawn by the embedded layout: its index and `(x, y, width,
/// height)` in the SVG's user units.
pub type ClaimBox = (usize, [f64; 4]);

/// Like [`embedded_svg`], also returning each drawn claim's box, so the interactive page can
/// lay clickable, focusable areas over a drawing that `layout-rs` cannot tag itself.
pub fn embedded_svg_with_boxes(ctx: &RenderContext<'_>) -> Result<(String, Vec<ClaimBox>)> {
    let visible = ctx.visible_count();
    if visible > EMBEDDED_MAX_CLAIMS {
        return Err(Error::Tool {
            message: format!(
                "the map has {visible} claims, more than the built-in layout draws \
                 ({EMBEDDED_MAX_CLAIMS}); {}, or draw part of it with --focus and --depth",
                super::graphviz::INSTALL_HINT
            ),
        });
    }
    let drawn = panic::catch_unwind(AssertUnwindSafe(|| {
        let (mut graph, handles) = build(ctx);
        let mut writer = SVGWriter::new();
        graph.do_it(false, false, false, &mut writer);
        let boxes = handles
            .iter()
            .enumerate()
            .filter_map(|(i, h)| {
                let (a, b) = graph.pos((*h)?).bbox(false);
                Some((i, [a.x, a.y, b.x - a.x, b.y - a.y]))
            })
            .collect::<Vec<_>>();
        (writer.finalize(), bounds(&graph), boxes)
    }))
    .map_err(|cause| Error::Tool {
        message: format!(
            "the built-in layout failed on this map ({}); {}",
            panic_message(&cause),
            super::graphviz::INSTALL_HINT
        ),
    })?;
    Ok((finish(ctx, drawn.0, drawn.1), drawn.2))
}

/// The box that holds every shape, with a margin. `layout-rs` sizes the canvas from the byte
/// length of the text it draws, which leaves a wide empty band below Bengali maps.
fn bounds(graph: &VisualGraph) -> (Point, Point) {
    let mut low = Point::splat(f64::INFINITY);
    let mut high = Point::splat(f64::NEG_INFINITY);
    for node in graph.iter_nodes() {
        let (top_left, bottom_right) = graph.pos(node).bbox(false);
        low = Point::new(low.x.min(top_left.x), low.y.min(top_left.y));
        high = Point::new(high.x.max(bottom_right.x), high.y.max(bottom_right.y));
    }
    if !(low.x.is_finite() && low.y.is_finite() && high.x.is_finite() && high.y.is_finite()) {
        return (Point::zero(), Point::splat(100.));
    }
    let margin = Point::splat(20.);
    (low.sub(margin), high.add(margin))
}

fn panic_message(cause: &Box<dyn std::any::Any + Send>) -> String {
    cause
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| cause.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "internal error".to_string())
}

/// Our fonts, the canvas from [`bounds`], a title for screen readers and a white background.
fn finish(ctx: &RenderContext<'_>, svg: String, (low, high): (Point, Point)) -> String {
    let d = ctx.debate;
    let title = clean(d.title.get(&ctx.lang, &d.languages));
    let size = high.sub(low);
    let open = format!(
        "<svg width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"{x:.1} {y:.1} {w:.1} {h:.1}\" \
         xmlns=\"http://www.w3.org/2000/svg\">\n<title>{title}</title>\n\
         <rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"white\"/>\n",
        w = size.x,
        h = size.y,
        x = low.x,
        y = low.y,
        title = escape_xml(&title),
    );
    let svg = svg.replace(WRITER_FONT, CSS_FONT);
    // The writer's own opening tag is the first `<svg`, ending at the first `>` and newline.
    let tag = svg
        .find("<svg")
        .and_then(|start| Some((start, start + svg[start..].find(">\n")?)));
    match tag {
        Some((start, end)) => format!("{}{open}{}", &svg[..start], &svg[end + 2..]),
        None => svg,
    }
}

/// The graph to lay out. With the thesis on top (`BT`, the default) edges run from conclusion
/// to premise with the arrowhead at the start, because `layout-rs` puts an edge's source
/// above its target.
fn build(ctx: &RenderContext<'_>) -> (VisualGraph, Vec<Option<layout::adt::dag::NodeHandle>>) {
    let d = ctx.debate;
    let w = dot::words(&ctx.lang);
    let orientation = match ctx.rankdir {
        RankDir::LeftRight => Orientation::LeftToRight,
        RankDir::BottomTop | RankDir::TopBottom => Orientation::TopToBottom,
    };
    let up = ctx.rankdir == RankDir::BottomTop;
    let mut graph = VisualGraph::new(orientation);
    let roles = dot::polarities(d);
    let mut handles = vec![None; d.claims.len()];
    for entry in d.tree_order() {
        let i = entry.claim;
        if entry.repeat || !ctx.is_visible(i) {
            continue;
        }
        let claim = &d.claims[i];
        let evaluated = dot::eval::look(ctx, i);
        let mut header = dot::header(claim, roles[i], w);
        if let Some(l) = &evaluated {
            header.push_str(&l.badge_text);
        }
        let mut lines = vec![header];
        let text = wrap_lines(ctx.text(i), dot::LABEL_WIDTH, dot::MAX_LABEL_LINES);
        if text.is_empty() {
            lines.push(format!("({})", claim.id));
        }
        lines.extend(text);
        let source = claim.source.as_deref().and_then(|s| d.source(s));
        if source.is_some() || claim.kind == Kind::Evidence {
            // The same citation as the DOT map: source title and locator.
            let cited = dot::citation(ctx, i, source);
            if !cited.trim().is_empty() {
                lines.extend(wrap_lines(&format!("— {cited}"), dot::LABEL_WIDTH, 3));
            }
        }
        let (mut line_width, rounded) = match claim.kind {
            Kind::Thesis => (4, 0),
            Kind::Evidence => (1, 0),
            Kind::Claim => (1, 10),
        };
        let mut line_color = "#444444";
        let mut fill = color(dot::fill_color(d, i, roles[i]));
        if let Some(line) = crate::render::vocab::review_line(d, i, &ctx.lang) {
            lines.push(line);
        }
        if let Some(l) = &evaluated {
            if let Some(v) = &l.verdict_text {
                lines.push(v.clone());
            }
            // 1 to 4 pixels by strength. `layout-rs` draws neither dashed borders nor grey or
            // struck-through text, so an `out` claim is greyed instead: a grey border and its
            // fill faded halfway to white, beside the "✗ out" of its badge.
            line_width = 1 + (l.weight.clamp(0.0, 1.0) * 3.0).round() as usize;
            if l.out {
                line_color = "#9a9a9a";
                fill = faded(fill);
            }
        }
        let look = StyleAttr::new(color(line_color), line_width, Some(fill), rounded, FONT);
        handles[i] = Some(add_box(&mut graph, &lines, look, orientation));
    }
    for reason in d.reasons() {
        let Some(conclusion) = handles[reason.conclusion] else {
            continue;
        };
        let premises: Vec<_> = reason.premises.iter().filter_map(|&p| handles[p]).collect();
        if premises.is_empty() {
            continue;
        }
        let p = Polarity::of(reason.role);
        let undercutters: Vec<_> = reason
            .undercutters
            .iter()
            .filter_map(|&u| handles[u])
            .collect();
        if reason.premises.len() == 1 && undercutters.is_empty() {
            connect(&mut graph, premises[0], conclusion, Some(p), true, up);
            continue;
        }
        let label = dot::junction_label(reason, premises.len(), w);
        let look = StyleAttr::new(
            color(p.line_color()),
            1,
            Some(color(p.fill_color())),
            6,
            SMALL_FONT,
        );
        let junction = add_box(&mut graph, &[label], look, orientation);
        for premise in premises {
            connect(&mut graph, premise, junction, Some(p), false, up);
        }
        connect(&mut graph, junction, conclusion, Some(p), true, up);
        for u in undercutters {
            connect(&mut graph, u, junction, Some(Polarity::Undercut), true, up);
        }
    }
    add_legend(&mut graph, w, orientation, ctx.evaluation.is_some());
    (graph, handles)
}

/// A column of boxes in the fill colours, each saying what its colour and mark mean.
fn add_legend(graph: &mut VisualGraph, w: &dot::Words, orientation: Orientation, evaluated: bool) {
    let mut rows = vec![
        (
            dot::THESIS_FILL,
            "#444444",
            format!("{}: {}", w.legend, w.fill_note),
        ),
        (dot::THESIS_FILL, "#444444", w.legend_thesis.to_string()),
        (
            Polarity::Support.fill_color(),
            Polarity::Support.line_color(),
            format!("+ {}", w.legend_support),
        ),
        (
            Polarity::Objection.fill_color(),
            Polarity::Objection.line_color(),
            format!("− {} (━)", w.legend_objection),
        ),
        (
            Polarity::Rebuttal.fill_color(),
            Polarity::Rebuttal.line_color(),
            format!("− {} (━)", w.legend_rebuttal),
        ),
        (
            Polarity::Undercut.fill_color(),
            Polarity::Undercut.line_color(),
            format!("× {} (╌)", w.legend_undercut),
        ),
        (dot::EVIDENCE_FILL, "#444444", w.legend_evidence.to_string()),
        (dot::UNLINKED_FILL, "#444444", w.legend_unlinked.to_string()),
    ];
    let explained = rows.len();
    if evaluated {
        for text in [
            w.legend_strength,
            w.legend_out_plain,
            w.legend_undec,
            w.legend_verdict,
        ] {
            rows.push(("#ffffff", "#444444", text.to_string()));
        }
    }
    let mut previous = None;
    for (k, (fill, line, text)) in rows.into_iter().enumerate() {
        // The evaluation's rows say more, so they get more lines.
        let lines = wrap_lines(&text, 36, if k < explained { 3 } else { 5 });
        let look = StyleAttr::new(color(line), 1, Some(color(fill)), 4, SMALL_FONT);
        let node = add_box(graph, &lines, look, orientation);
        if let Some(above) = previous.replace(node) {
            graph.add_edge(Arrow::invisible(), above, node);
        }
    }
}

fn add_box(
    graph: &mut VisualGraph,
    lines: &[String],
    look: StyleAttr,
    orientation: Orientation,
) -> layout::adt::dag::NodeHandle {
    let lines: Vec<String> = lines.iter().map(|l| clean(l)).collect();
    let font = look.font_size as f64;
    let columns = lines
        .iter()
        .map(|l| display_width(l))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let size = Point::new(
        columns * font * 0.62 + 24.,
        lines.len() as f64 * font * 1.3 + 14.,
    );
    let shape = ShapeKind::Box(lines.join("\n"));
    graph.add_node(Element::create(shape, look, orientation, size))
}

/// Adds the line from `from` (the premise side) to `to` (the claim it speaks about), with the
/// arrowhead at `to` when `arrow` is set; `up` flips it so `to` is placed above.
fn connect(
    graph: &mut VisualGraph,
    from: layout::adt::dag::NodeHandle,
    to: layout::adt::dag::NodeHandle,
    polarity: Option<Polarity>,
    arrow: bool,
    up: bool,
) {
    let p = polarity.unwrap_or(Polarity::Support);
    let (style, width) = match p {
        Polarity::Support => (LineStyleKind::Normal, 2),
        Polarity::Objection | Polarity::Rebuttal => (LineStyleKind::Normal, 3),
        Polarity::Undercut => (LineStyleKind::Dashed, 2),
    };
    let look = StyleAttr::new(color(p.line_color()), width, None, 0, SMALL_FONT);
    let head = if arrow {
        LineEndKind::Arrow
    } else {
        LineEndKind::None
    };
    let (start, end, a, b) = if up {
        (head, LineEndKind::None, to, from)
    } else {
        (LineEndKind::None, head, from, to)
    };
    let arrow = Arrow::new(start, end, style, "", &look, &None, &None);
    graph.add_edge(arrow, a, b);
}

/// A colour halfway to white, for the greyed boxes of `out` claims.
fn faded(c: Color) -> Color {
    let web = c.to_web_color();
    let rgba = u32::from_str_radix(web.trim_start_matches('#'), 16).unwrap_or(0xffff_ffff);
    let half = |shift: u32| ((rgba >> shift & 0xff) + 0xff) / 2;
    Color::new(half(24) << 24 | half(16) << 16 | half(8) << 8 | (rgba & 0xff))
}

fn color(web: &str) -> Color {
    Color::from_name(web).unwrap_or_else(|| Color::fast("black"))
}

/// Text as `layout-rs` may draw it: no control characters (it splits lines at `\n` itself)
/// and no characters that XML forbids. It escapes the XML specials on its own.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_control() && c != '\u{fffe}' && c != '\u{ffff}')
        .collect()
}

/// Escapes text for XML (and HTML) content and attribute values.
pub(crate) fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests;
