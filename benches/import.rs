//! Import benchmark: `cargo bench --bench import` (sizes from `CLAIMMAP_IMPORT_SIZES`,
//! default `10000,100000`).
//!
//! For each size it generates, in memory, an Argdown document of that many statements and
//! an AIF file of that many I-nodes (a tree of about three children per node, supports and
//! objections, a co-premise every tenth reason, an undercut every twentieth), plus the
//! shapes that used to be quadratic: every statement or I-node with the same text (so every
//! id needs a suffix) and one premise supporting every other node. It times the importers
//! (parse, map, write the YAML text; not the disk) and prints a Markdown table. A linear
//! importer takes about ten times as long for ten times the input.

use std::fmt::Write as _;
use std::time::Instant;

/// A title for statement `i`: `s{i}`, or with `same_slug` a title that differs from the
/// others only in punctuation, so every statement wants the id `same-statement`.
fn title(i: usize, same_slug: bool) -> String {
    if !same_slug {
        return format!("s{i}");
    }
    let mut t = String::from("Same statement ");
    let mut k = i;
    loop {
        t.push(['!', '?', '.', ','][k % 4]);
        k /= 4;
        if k == 0 {
            break t;
        }
    }
}

/// An Argdown document: statement `i` is a reason for or an objection to `(i-1)/3`.
fn argdown(n: usize, same_slug: bool) -> String {
    let mut out = String::from("===\ntitle: Generated\nclaimmap:\n  languages: [en, bn]\n===\n\n");
    for i in 0..n {
        let _ = writeln!(
            out,
            "[{}]: Statement {i} about the question. #tag{}",
            title(i, same_slug),
            i % 7
        );
        if i > 0 {
            let arrow = if i % 5 == 0 { "->" } else { "+>" };
            let _ = writeln!(out, "  {arrow} [{}]", title((i - 1) / 3, same_slug));
        }
    }
    out
}

/// An AIF file with numeric node ids, as OVA and AIFdb write them.
fn aif(n: usize, shape: Shape) -> String {
    let mut nodes = Vec::with_capacity(2 * n);
    let mut edges = Vec::with_capacity(3 * n);
    let text = |i: usize| match shape {
        Shape::SameText => "The same statement".to_string(),
        _ => format!("Statement {i} about the question"),
    };
    for i in 0..n {
        nodes.push(serde_json::json!({"nodeID": i.to_string(), "type": "I", "text": text(i)}));
    }
    let mut edge = |from: String, to: String| {
        edges.push(serde_json::json!({"fromID": from, "toID": to}));
    };
    for i in 1..n {
        let reason = format!("r{i}");
        let (premise, conclusion) = match shape {
            Shape::OnePremise => (0, i),
            _ => (i, (i - 1) / 3),
        };
        let kind = if i % 5 == 0 { "CA" } else { "RA" };
        nodes.push(
            serde_json::json!({"nodeID": reason, "type": kind, "scheme": "Argument From Example"}),
        );
        edge(premise.to_string(), reason.clone());
        if i % 10 == 1 && i + 1 < n && shape != Shape::OnePremise {
            edge((i + 1).to_string(), reason.clone());
        }
        edge(reason.clone(), conclusion.to_string());
        if i % 20 == 0 && i > 20 {
            let undercut = format!("u{i}");
            nodes.push(serde_json::json!({"nodeID": undercut, "type": "CA"}));
            edge((i - 1).to_string(), undercut.clone());
            edge(undercut, format!("r{}", i - 10));
        }
    }
    serde_json::json!({"nodes": nodes, "edges": edges, "locutions": []}).to_string()
}

#[derive(Clone, Copy, PartialEq)]
enum Shape {
    Tree,
    SameText,
    OnePremise,
}

fn row(what: &str, n: usize, input: &str, run: impl Fn(&str) -> usize) {
    let start = Instant::now();
    let written = run(input);
    let s = start.elapsed().as_secs_f64();
    println!(
        "| {what} | {n} | {:.1} | {:.3} | {:.0} | {:.1} |",
        input.len() as f64 / 1e6,
        s,
        n as f64 / s,
        written as f64 / 1e6
    );
}

fn main() {
    let sizes: Vec<usize> = std::env::var("CLAIMMAP_IMPORT_SIZES")
        .unwrap_or_else(|_| "10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let argdown_import = |text: &str| {
        let imported = claimmap::import::argdown::import(text, "bench.argdown")
            .unwrap_or_else(|r| panic!("{}", r.diagnostics.render(false)));
        imported.files.iter().map(|(_, t)| t.len()).sum()
    };
    let aif_import = |text: &str| {
        let imported = claimmap::import::aif::import(text, "bench.json").unwrap();
        imported.files.iter().map(|(_, t)| t.len()).sum()
    };
    println!("| import | statements / I-nodes | input MB | seconds | per second | written MB |");
    println!("|---|---:|---:|---:|---:|---:|");
    for &n in &sizes {
        row("argdown", n, &argdown(n, false), argdown_import);
        row(
            "argdown, one id for all",
            n,
            &argdown(n, true),
            argdown_import,
        );
        row("aif", n, &aif(n, Shape::Tree), aif_import);
        row("aif, same text", n, &aif(n, Shape::SameText), aif_import);
        row(
            "aif, one premise for all",
            n,
            &aif(n, Shape::OnePremise),
            aif_import,
        );
    }
}
