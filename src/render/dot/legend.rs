//! The legend cluster: what the fill colours, marks and line styles mean.

use super::style::{EVIDENCE_FILL, Polarity, THESIS_FILL, UNLINKED_FILL, escape_html, quote};
use super::words::Words;
use super::{attr, attrs_stmt, edge, html};
use graphviz_rust::dot_structures::{GraphAttributes, Id, Node, NodeId, Stmt, Subgraph};

/// The legend: fill colours by role, and one sample of each kind of line.
pub(super) fn legend(w: &Words, evaluated: bool, reviews_note: Option<&str>) -> Subgraph {
    let swatch = |fill: &str, mark: &str, text: &str| {
        format!(
            "<TR><TD BGCOLOR=\"{fill}\" WIDTH=\"24\">{}</TD><TD ALIGN=\"LEFT\">{}</TD></TR>",
            escape_html(mark),
            escape_html(text)
        )
    };
    let mut table =
        String::from("<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"3\">");
    table.push_str(&format!(
        "<TR><TD COLSPAN=\"2\"><B>{}</B></TD></TR>",
        escape_html(w.fill_note)
    ));
    table.push_str(&swatch(THESIS_FILL, "", w.legend_thesis));
    for (p, text) in [
        (Polarity::Support, w.legend_support),
        (Polarity::Objection, w.legend_objection),
        (Polarity::Rebuttal, w.legend_rebuttal),
        (Polarity::Undercut, w.legend_undercut),
    ] {
        table.push_str(&swatch(p.fill_color(), p.mark(), text));
    }
    table.push_str(&swatch(EVIDENCE_FILL, "✓", w.legend_evidence));
    table.push_str(&swatch(UNLINKED_FILL, "", w.legend_unlinked));
    if evaluated {
        for text in [
            w.legend_strength,
            w.legend_out,
            w.legend_undec,
            w.legend_verdict,
        ]
        .into_iter()
        .chain(reviews_note)
        {
            // Each line ends in a left-aligned break, the last one too: a line without one
            // would be centred.
            table.push_str("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">");
            for line in crate::render::wrap::wrap_lines(text, 70, 6) {
                table.push_str(&escape_html(&line));
                table.push_str("<BR ALIGN=\"LEFT\"/>");
            }
            table.push_str("</TD></TR>");
        }
    }
    table.push_str("</TABLE>");
    let colours = Id::Escaped(quote("_legend_colours"));
    let mut stmts = vec![
        attrs_stmt(
            GraphAttributes::Graph,
            vec![
                attr("label", html(&format!("<B>{}</B>", escape_html(w.legend)))),
                attr("fontsize", "11"),
                attr("style", "rounded"),
                attr("color", "\"#999999\""),
            ],
        ),
        Stmt::Node(Node::new(
            NodeId(colours.clone(), None),
            vec![
                attr("shape", "plaintext"),
                attr("style", "solid"),
                attr("fontsize", "9"),
                attr("label", html(&table)),
            ],
        )),
    ];
    // One sample line per polarity, drawn flat (tail and head on one rank) in a row below the
    // table, kept in order by invisible edges, so the legend takes two ranks of the map.
    let mut row = vec![Stmt::Attribute(attr("rank", "same"))];
    let mut previous: Option<Id> = None;
    for (p, name, text) in [
        (Polarity::Support, "support", w.edge_support),
        (Polarity::Objection, "objection", w.edge_objection),
        (Polarity::Rebuttal, "rebuttal", w.edge_rebuttal),
        (Polarity::Undercut, "undercut", w.edge_undercut),
    ] {
        let tail = Id::Escaped(quote(&format!("_legend_{name}_from")));
        let head = Id::Escaped(quote(&format!("_legend_{name}_to")));
        row.push(Stmt::Node(Node::new(
            NodeId(tail.clone(), None),
            vec![
                attr("shape", "point"),
                attr("width", "0.06"),
                attr("color", quote(p.line_color())),
            ],
        )));
        row.push(Stmt::Node(Node::new(
            NodeId(head.clone(), None),
            vec![
                attr("shape", "plaintext"),
                attr("style", "solid"),
                attr("fontsize", "9"),
                attr("label", quote(text)),
            ],
        )));
        if let Some(left) = previous.replace(head.clone()) {
            row.push(edge(left, tail.clone(), vec![attr("style", "invis")]));
        }
        row.push(edge(tail, head, super::arrow_attrs(p)));
    }
    stmts.push(Stmt::Subgraph(Subgraph {
        id: Id::Plain("legend_lines".into()),
        stmts: row,
    }));
    // The row hangs below the table.
    let first = Id::Escaped(quote("_legend_support_from"));
    stmts.push(edge(first, colours, vec![attr("style", "invis")]));
    Subgraph {
        id: Id::Plain("cluster_legend".into()),
        stmts,
    }
}
