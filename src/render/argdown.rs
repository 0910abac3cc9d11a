//! `export --format argdown`: the debate as an Argdown document.
//!
//! Each claim is a statement `[id]: text #tag …`, followed by its outgoing relations:
//! `+> [x]` (supports x), `-> [x]` (opposes x) and `_> [x]` (undercuts x's links, a claimmap
//! convention: Argdown proper undercuts arguments). What Argdown has no syntax for (kind,
//! co-premises, texts in other languages, evidence fields, confidence, scheme, note) goes
//! into the statement's `{…}` data, which Argdown tools keep and `claimmap import argdown`
//! reads back, so a round trip loses nothing.

use super::{RenderContext, Renderer};
use crate::error::Result;
use serde_json::{Map, Value, json};
use std::fmt::Write as _;

/// The Argdown backend.
pub struct Argdown;

/// Text on one line with nothing Argdown would read as syntax: brackets, braces, `#` tags,
/// `<` arguments and line breaks are escaped or flattened.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '[' | ']' | '{' | '}' | '<' | '>' | '#' | '\\' | '*' | '_' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

/// A tag in Argdown's `#(...)` form, which allows any characters but `)`.
fn tag(t: &str) -> String {
    format!("#({})", t.replace([')', '\n', '\r'], " "))
}

impl Renderer for Argdown {
    fn name(&self) -> &str {
        "argdown"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<u8>> {
        let d = ctx.debate;
        let mut out = String::from("===\n");
        let title = d.title.get(&ctx.lang, &d.languages);
        let _ = writeln!(
            out,
            "title: {}",
            serde_json::to_string(title).unwrap_or_default()
        );
        let _ = writeln!(
            out,
            "claimmap:\n  languages: {}",
            serde_json::to_string(&d.languages).unwrap_or_default()
        );
        let _ = writeln!(
            out,
            "  title: {}",
            serde_json::to_string(&d.title).unwrap_or_default()
        );
        let _ = writeln!(
            out,
            "  sources: {}",
            serde_json::to_string(&d.sources).unwrap_or_default()
        );
        out.push_str("===\n\n");
        for (i, c) in d.claims.iter().enumerate() {
            let mut data = Map::new();
            data.insert("kind".into(), json!(c.kind));
            if c.text.len() > 1 || !c.text.has(&ctx.lang) {
                data.insert("text".into(), json!(c.text));
            }
            for (key, value) in [
                ("source", &c.source),
                ("locator", &c.locator),
                ("quote", &c.quote),
                ("author", &c.author),
                ("scheme", &c.scheme),
                ("note", &c.note),
            ] {
                if let Some(v) = value {
                    data.insert(key.into(), json!(v));
                }
            }
            if let Some(x) = c.confidence {
                data.insert("confidence".into(), json!(x));
            }
            if !c.with.is_empty() {
                data.insert("with".into(), json!(c.with));
            }
            let tags: Vec<String> = c.tags.iter().map(|t| tag(t)).collect();
            let _ = writeln!(
                out,
                "[{}]: {}{}{} {}",
                c.id,
                escape(ctx.text(i)),
                if tags.is_empty() { "" } else { " " },
                tags.join(" "),
                Value::Object(data)
            );
            for (arrow, targets) in [
                ("+>", &c.supports),
                ("->", &c.opposes),
                ("_>", &c.undercuts),
            ] {
                for t in targets {
                    let _ = writeln!(out, "  {arrow} [{t}]");
                }
            }
            out.push('\n');
        }
        Ok(out.into_bytes())
    }
}
