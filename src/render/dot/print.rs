//! Writes `graphviz-rust` statements as DOT text, byte for byte as `graphviz-rust`'s own
//! printer does for the statements the map uses, but straight into a buffer.
//!
//! The crate's printer builds a string per id, attribute, list and statement and joins them;
//! on a 100,000-claim map that was half the time DOT took. A test keeps `to_dot` identical to
//! the crate's printing of `to_graph` on every map shape the tests draw.

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, GraphAttributes, Id, NodeId, Port, Stmt, Subgraph, Vertex,
};

/// One top-level statement of a digraph, indented, without a newline.
pub(super) fn line(s: &Stmt) -> String {
    let mut out = String::with_capacity(512);
    stmt(&mut out, s, 2, "->");
    out
}

/// Top-level statements of a digraph, one per line, without a final newline.
pub(super) fn stmts(out: &mut String, list: &[Stmt]) {
    stmts_at(out, list, 2, "->");
}

/// Statements at `indent`, one per line, without a final newline.
fn stmts_at(out: &mut String, list: &[Stmt], indent: usize, bond: &str) {
    for (k, s) in list.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        stmt(out, s, indent, bond);
    }
}

fn stmt(out: &mut String, s: &Stmt, indent: usize, bond: &str) {
    push_indent(out, indent);
    match s {
        Stmt::Node(n) => {
            node_id(out, &n.id);
            attrs(out, &n.attributes);
        }
        Stmt::Attribute(a) => attribute(out, a),
        Stmt::GAttribute(g) => {
            let (word, list) = match g {
                GraphAttributes::Graph(l) => ("graph", l),
                GraphAttributes::Node(l) => ("node", l),
                GraphAttributes::Edge(l) => ("edge", l),
            };
            out.push_str(word);
            attrs(out, list);
        }
        Stmt::Edge(e) => edge(out, e, indent, bond),
        Stmt::Subgraph(sub) => subgraph(out, sub, indent, bond),
    }
}

/// `subgraph ID {`, its statements indented one step further, and `}` at `indent`.
fn subgraph(out: &mut String, sub: &Subgraph, indent: usize, bond: &str) {
    out.push_str("subgraph ");
    push_id(out, &sub.id);
    out.push_str(" {\n");
    stmts_at(out, &sub.stmts, indent + 2, bond);
    out.push('\n');
    push_indent(out, indent);
    out.push('}');
}

fn edge(out: &mut String, e: &Edge, indent: usize, bond: &str) {
    match &e.ty {
        EdgeTy::Pair(l, r) => {
            vertex(out, l, indent, bond);
            out.push(' ');
            out.push_str(bond);
            out.push(' ');
            vertex(out, r, indent, bond);
            if !e.attributes.is_empty() {
                out.push(' ');
            }
        }
        EdgeTy::Chain(vs) => {
            for (k, v) in vs.iter().enumerate() {
                if k > 0 {
                    out.push(' ');
                    out.push_str(bond);
                    out.push(' ');
                }
                vertex(out, v, indent, bond);
            }
        }
    }
    attrs(out, &e.attributes);
}

fn vertex(out: &mut String, v: &Vertex, indent: usize, bond: &str) {
    match v {
        Vertex::N(id) => node_id(out, id),
        Vertex::S(sub) => subgraph(out, sub, indent, bond),
    }
}

fn node_id(out: &mut String, id: &NodeId) {
    push_id(out, &id.0);
    match &id.1 {
        Some(Port(Some(p), Some(d))) => {
            out.push(':');
            push_id(out, p);
            out.push(':');
            out.push_str(d);
        }
        Some(Port(None, Some(d))) => {
            out.push(':');
            out.push_str(d);
        }
        Some(Port(Some(p), None)) => {
            out.push(':');
            push_id(out, p);
        }
        _ => {}
    }
}

fn attrs(out: &mut String, list: &[Attribute]) {
    if list.is_empty() {
        return;
    }
    out.push('[');
    for (k, a) in list.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        attribute(out, a);
    }
    out.push(']');
}

fn attribute(out: &mut String, a: &Attribute) {
    push_id(out, &a.0);
    out.push('=');
    push_id(out, &a.1);
}

fn push_id(out: &mut String, id: &Id) {
    match id {
        Id::Html(v) | Id::Escaped(v) | Id::Plain(v) => out.push_str(v),
        Id::Anonymous(_) => {}
    }
}

fn push_indent(out: &mut String, n: usize) {
    for _ in 0..n {
        out.push(' ');
    }
}
