//! Turns a map SVG (from Graphviz or the embedded layout) into markup that can sit inside the
//! HTML page: no XML prolog, doctype or comments, no fixed size (the page zooms it), no links
//! that would leave the page when a claim is clicked, and on the embedded layout's drawing a
//! clickable area per claim carrying the same `claim-ID` id as Graphviz's node groups.

use crate::render::layout::ClaimBox;
use crate::render::layout::escape_xml;

/// The SVG document `svg` ready to embed. `boxes` are the embedded layout's claim boxes
/// (empty for Graphviz, whose nodes already carry `id="claim-ID"` from our DOT); `ids` are
/// the claims' ids by index.
pub(super) fn inline_svg(svg: &str, boxes: &[ClaimBox], ids: &[String]) -> String {
    let start = svg.find("<svg").unwrap_or(0);
    let body = strip_comments(&svg[start..]);
    let body = unsize_root(&body);
    let body = unlink(&body);
    if boxes.is_empty() {
        return body;
    }
    let mut overlay = String::from("<g class=\"claimmap-overlay\">\n");
    for &(i, [x, y, w, h]) in boxes {
        let Some(id) = ids.get(i) else { continue };
        overlay.push_str(&format!(
            "<g id=\"claim-{id}\" class=\"node\"><title>{id}</title>\
             <rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" \
             fill=\"transparent\" stroke=\"none\"/></g>\n",
            id = escape_xml(id)
        ));
    }
    overlay.push_str("</g>\n");
    match body.rfind("</svg>") {
        Some(end) => format!("{}{overlay}{}", &body[..end], &body[end..]),
        None => body,
    }
}

/// Removes `<!-- … -->` comments (Graphviz writes node names into them).
fn strip_comments(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(open) = rest.find("<!--") {
        out.push_str(&rest[..open]);
        match rest[open..].find("-->") {
            Some(close) => rest = &rest[open + close + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Drops `width` and `height` from the root `<svg>` tag so the page sizes the map through its
/// `viewBox`.
fn unsize_root(svg: &str) -> String {
    let Some(end) = svg.find('>') else {
        return svg.to_string();
    };
    let (tag, rest) = svg.split_at(end);
    let tag = remove_attr(&remove_attr(tag, "width"), "height");
    format!("{tag}{rest}")
}

/// Drops `xlink:href`, `href` and `target` from every `<a` element: a click on a claim opens
/// the side panel (which links the source), and the box must not be a second tab stop.
fn unlink(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find("<a ") {
        out.push_str(&rest[..at]);
        let Some(end) = rest[at..].find('>') else {
            break;
        };
        let tag = &rest[at..at + end];
        let tag = remove_attr(
            &remove_attr(&remove_attr(tag, "xlink:href"), "href"),
            "target",
        );
        out.push_str(&tag);
        rest = &rest[at + end..];
    }
    out.push_str(rest);
    out
}

/// `tag` without the attribute `name="…"` (a whole-word match after a space).
fn remove_attr(tag: &str, name: &str) -> String {
    let needle = format!(" {name}=\"");
    let Some(at) = tag.find(&needle) else {
        return tag.to_string();
    };
    let value_start = at + needle.len();
    match tag[value_start..].find('"') {
        Some(len) => format!("{}{}", &tag[..at], &tag[value_start + len + 1..]),
        None => tag.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prolog_comments_size_and_links_go() {
        let svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- a&#45;&gt;b -->\n\
                   <svg width=\"10pt\" height=\"20pt\" viewBox=\"0 0 10 20\">\
                   <!-- x --><g id=\"claim-a\" class=\"node\">\
                   <a xlink:href=\"https://e.org\" xlink:title=\"tip\" target=\"_blank\">\
                   <text>t</text></a></g></svg>\n";
        let out = inline_svg(svg, &[], &[]);
        assert_eq!(
            out,
            "<svg viewBox=\"0 0 10 20\"><g id=\"claim-a\" class=\"node\">\
             <a xlink:title=\"tip\"><text>t</text></a></g></svg>\n"
        );
    }

    #[test]
    fn embedded_boxes_become_claim_groups() {
        let svg = "<svg viewBox=\"0 0 10 10\"><rect/></svg>";
        let out = inline_svg(
            svg,
            &[(1, [1.0, 2.0, 3.0, 4.0])],
            &["a".into(), "b\"<".into()],
        );
        assert!(
            out.contains("<g id=\"claim-b&quot;&lt;\" class=\"node\">"),
            "{out}"
        );
        assert!(out.contains("x=\"1.0\" y=\"2.0\" width=\"3.0\" height=\"4.0\""));
        assert!(out.ends_with("</g>\n</svg>"));
    }

    #[test]
    fn an_unclosed_comment_drops_the_rest() {
        assert_eq!(strip_comments("<svg><!-- open"), "<svg>");
    }
}
