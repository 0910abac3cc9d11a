//! Writing a debate as claimmap files: `claimmap.yaml` and one claim file.

use crate::model::{Claim, Kind, Source, Text};
use std::fmt::Write as _;

/// A YAML double-quoted scalar (JSON string syntax is valid YAML).
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn text(t: &Text) -> String {
    let parts: Vec<String> = t.iter().map(|(l, s)| format!("{l}: {}", q(s))).collect();
    format!("{{{}}}", parts.join(", "))
}

fn list(ids: &[String]) -> String {
    format!(
        "[{}]",
        ids.iter().map(|s| q(s)).collect::<Vec<_>>().join(", ")
    )
}

/// `claimmap.yaml` for a title, languages and sources.
pub fn config(title: &Text, languages: &[String], sources: &[Source], origin: &str) -> String {
    let mut out = format!("# Imported from {origin} by `claimmap import`.\n");
    if !title.is_empty() {
        let _ = writeln!(out, "title: {}", text(title));
    }
    let _ = writeln!(out, "languages: {}", list(languages));
    out.push_str("sources:\n");
    for s in sources {
        let _ = writeln!(out, "  - id: {}", q(&s.id));
        let _ = writeln!(out, "    title: {}", text(&s.title));
        for (key, value) in [
            ("path", &s.path),
            ("url", &s.url),
            ("author", &s.author),
            ("date", &s.date),
            ("note", &s.note),
        ] {
            if let Some(v) = value {
                let _ = writeln!(out, "    {key}: {}", q(v));
            }
        }
    }
    out
}

/// A claim file holding `claims`.
pub fn claims(claims: &[Claim], origin: &str) -> String {
    let mut out = format!("# Imported from {origin} by `claimmap import`.\nclaims:\n");
    for c in claims {
        let _ = writeln!(out, "  - id: {}", q(&c.id));
        if c.kind != Kind::Claim {
            let _ = writeln!(out, "    kind: {}", c.kind.as_str());
        }
        let _ = writeln!(out, "    text: {}", text(&c.text));
        for (key, ids) in [
            ("supports", &c.supports),
            ("opposes", &c.opposes),
            ("undercuts", &c.undercuts),
            ("with", &c.with),
            ("tags", &c.tags),
        ] {
            if !ids.is_empty() {
                let _ = writeln!(out, "    {key}: {}", list(ids));
            }
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
                let _ = writeln!(out, "    {key}: {}", q(v));
            }
        }
        if let Some(conf) = c.confidence {
            let _ = writeln!(out, "    confidence: {conf}");
        }
    }
    out
}
