//! `export --format graphml`: the debate as GraphML for yEd, Gephi and other graph tools.
//!
//! One node per claim (`kind`, `text` in the display language, `file`, `line`), one edge per
//! premise of each reason (`relation`: support, objection or rebuttal; `reason`: its index,
//! shared by co-premises), and one edge per undercut from the undercutter to the conclusion
//! whose link it attacks (`relation`: undercut, `premises`: the premises of that link).

use super::{RenderContext, Renderer};
use crate::error::Result;
use std::fmt::Write as _;

/// The GraphML export backend.
pub struct GraphMl;

/// Escapes text for XML content and attribute values; characters XML 1.0 forbids (most
/// control characters) become U+FFFD.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

impl Renderer for GraphMl {
    fn name(&self) -> &str {
        "graphml"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<u8>> {
        let d = ctx.debate;
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
             xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
             xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n\
             \x20 <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n\
             \x20 <key id=\"text\" for=\"node\" attr.name=\"text\" attr.type=\"string\"/>\n\
             \x20 <key id=\"file\" for=\"node\" attr.name=\"file\" attr.type=\"string\"/>\n\
             \x20 <key id=\"line\" for=\"node\" attr.name=\"line\" attr.type=\"int\"/>\n\
             \x20 <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n\
             \x20 <key id=\"reason\" for=\"edge\" attr.name=\"reason\" attr.type=\"int\"/>\n\
             \x20 <key id=\"premises\" for=\"edge\" attr.name=\"premises\" attr.type=\"string\"/>\n",
        );
        let _ = writeln!(
            out,
            "  <graph id=\"{}\" edgedefault=\"directed\">",
            escape_xml(d.title.get(&ctx.lang, &d.languages))
        );
        for (i, c) in d.claims.iter().enumerate() {
            let _ = writeln!(
                out,
                "    <node id=\"{}\"><data key=\"kind\">{}</data><data key=\"text\">{}</data><data key=\"file\">{}</data><data key=\"line\">{}</data></node>",
                escape_xml(&c.id),
                c.kind.as_str(),
                escape_xml(ctx.text(i)),
                escape_xml(&c.origin.file),
                c.origin.line
            );
        }
        for (k, r) in d.reasons().iter().enumerate() {
            let to = escape_xml(&d.claims[r.conclusion].id);
            for &p in &r.premises {
                let _ = writeln!(
                    out,
                    "    <edge source=\"{}\" target=\"{to}\"><data key=\"relation\">{}</data><data key=\"reason\">{k}</data></edge>",
                    escape_xml(&d.claims[p].id),
                    r.role.as_str()
                );
            }
            let premises: Vec<&str> = r
                .premises
                .iter()
                .map(|&p| d.claims[p].id.as_str())
                .collect();
            for &u in &r.undercutters {
                let _ = writeln!(
                    out,
                    "    <edge source=\"{}\" target=\"{to}\"><data key=\"relation\">undercut</data><data key=\"reason\">{k}</data><data key=\"premises\">{}</data></edge>",
                    escape_xml(&d.claims[u].id),
                    escape_xml(&premises.join(" "))
                );
            }
        }
        out.push_str("  </graph>\n</graphml>\n");
        Ok(out.into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping_covers_markup_quotes_and_forbidden_controls() {
        assert_eq!(
            escape_xml("a<b>&\"'\u{1}ক্ষ"),
            "a&lt;b&gt;&amp;&quot;&apos;\u{FFFD}ক্ষ"
        );
    }
}
