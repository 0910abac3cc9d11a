//! `claimmap import argdown`: an Argdown document to a debate folder.
//!
//! Reads statements (`[title]: text #tag {data}`) and their relations, outgoing (`+>`, `->`,
//! `_>`) and incoming (`+`, `-`, `_`), as `export --format argdown` writes them and as people
//! write them by hand. The `{…}` data written by the exporter (kind, texts by language,
//! evidence fields, co-premises) is restored. Arguments (`<name>`) and premise-conclusion
//! structures have no direct claimmap equivalent: each is reported with its line.

use super::{Imported, write};
use crate::error::{Error, Result};
use crate::model::{Claim, Kind, Source, Text};
use crate::validate::claims::is_valid_id;
use serde_json::Value;
use std::collections::HashMap;

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let s = out.trim_matches('-').to_string();
    if s.is_empty() { "statement".into() } else { s }
}

fn parse_yaml(text: &str) -> Option<Value> {
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    serde_saphyr::from_str_with_options(text, options).ok()
}

/// Splits a statement's rest of line into text, tags and data (`{…}` at the end).
fn split_statement(
    rest: &str,
    line: usize,
    name: &str,
) -> Result<(String, Vec<String>, Option<Value>)> {
    let mut text = String::new();
    let mut tags = Vec::new();
    let mut data = None;
    let chars: Vec<char> = rest.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() => {
                text.push(chars[i + 1]);
                i += 2;
                continue;
            }
            '#' if chars.get(i + 1) == Some(&'(') => {
                let end = chars[i..].iter().position(|&c| c == ')').map(|p| i + p);
                let Some(end) = end else {
                    return Err(Error::Usage {
                        message: format!(
                            "{name}:{line}: a `#(` tag is not closed; nothing was written"
                        ),
                    });
                };
                tags.push(
                    chars[i + 2..end]
                        .iter()
                        .collect::<String>()
                        .trim()
                        .to_string(),
                );
                i = end + 1;
                continue;
            }
            '#' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|c| c.is_whitespace())
                    .map_or(chars.len(), |p| i + 1 + p);
                tags.push(chars[i + 1..end].iter().collect());
                i = end;
                continue;
            }
            '{' => {
                let raw: String = chars[i..].iter().collect();
                let value = parse_yaml(&raw).filter(Value::is_object).ok_or_else(|| {
                    Error::Usage {
                        message: format!(
                            "{name}:{line}: the data `{raw}` is not a mapping; nothing was written"
                        ),
                    }
                })?;
                data = Some(value);
                break;
            }
            _ => text.push(c),
        }
        i += 1;
    }
    Ok((
        text.trim().to_string(),
        tags.into_iter().filter(|t| !t.is_empty()).collect(),
        data,
    ))
}

/// Reads Argdown text (`name` is the file name for messages).
pub fn import(source_text: &str, name: &str) -> Result<Imported> {
    let lines: Vec<&str> = source_text.lines().collect();
    let mut warnings = Vec::new();
    let mut start = 0;
    let mut front = Value::Null;
    if lines.first().is_some_and(|l| l.trim() == "===") {
        let end = lines.iter().skip(1).position(|l| l.trim() == "===").map(|p| p + 1).ok_or_else(|| Error::Usage {
            message: format!("{name}:1: the front matter opened with `===` is never closed; nothing was written"),
        })?;
        front = parse_yaml(&lines[1..end].join("\n")).unwrap_or(Value::Null);
        start = end + 1;
    }
    let meta = front.get("claimmap").cloned().unwrap_or(Value::Null);
    let languages: Vec<String> = meta
        .get("languages")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_else(|| vec!["en".to_string()]);
    let default = languages.first().cloned().unwrap_or_else(|| "en".into());
    let mut claims: Vec<Claim> = Vec::new();
    let mut by_title: HashMap<String, usize> = HashMap::new();
    let mut has_kind = false;
    // The statements above the current line, with their indentation: a relation belongs to
    // the nearest statement indented less than itself.
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut in_comment = false;
    // A statement by its bracketed title, created on first mention.
    let statement =
        |title: &str, claims: &mut Vec<Claim>, by_title: &mut HashMap<String, usize>| -> usize {
            if let Some(&i) = by_title.get(title) {
                return i;
            }
            let base = if is_valid_id(title) {
                title.to_string()
            } else {
                slug(title)
            };
            let mut id = base.clone();
            let mut n = 2;
            while claims.iter().any(|c| c.id == id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            claims.push(Claim::new(id, Kind::Claim, Text::single(&default, title)));
            by_title.insert(title.to_string(), claims.len() - 1);
            claims.len() - 1
        };
    let mut relations: Vec<(usize, &str, usize)> = Vec::new();
    for (k, raw) in lines.iter().enumerate().skip(start) {
        let line_no = k + 1;
        let line = raw.trim();
        if in_comment {
            in_comment = !line.contains("*/");
            continue;
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        if line.starts_with("/*") {
            in_comment = !line.contains("*/");
            continue;
        }
        let indented = raw.starts_with([' ', '\t']);
        let arrows = [
            ("+>", "supports", true),
            ("->", "opposes", true),
            ("_>", "undercuts", true),
            ("<+", "supports", false),
            ("<-", "opposes", false),
            ("<_", "undercuts", false),
            ("+", "supports", false),
            ("-", "opposes", false),
            ("_", "undercuts", false),
        ];
        if indented
            && let Some((arrow, rel, outgoing)) = arrows.iter().find(|(a, _, _)| {
                line.starts_with(a) && line[a.len()..].trim_start().starts_with('[')
            })
        {
            let indent = raw.len() - raw.trim_start().len();
            while stack.last().is_some_and(|&(i, _)| i >= indent) {
                stack.pop();
            }
            let Some(&(_, cur)) = stack.last() else {
                warnings.push(format!(
                    "line {line_no}: a relation with no statement above it was not imported"
                ));
                continue;
            };
            let rest = line[arrow.len()..].trim_start();
            let Some(close) = rest.find(']') else {
                return Err(Error::Usage {
                    message: format!("{name}:{line_no}: `[` is not closed; nothing was written"),
                });
            };
            let title = &rest[1..close];
            let other = statement(title, &mut claims, &mut by_title);
            if let Some(def) = rest[close + 1..].strip_prefix(':') {
                let (text, tags, _) = split_statement(def, line_no, name)?;
                if !text.is_empty() {
                    claims[other].text = Text::single(&default, text);
                }
                claims[other].tags.extend(tags);
            }
            if *outgoing {
                relations.push((cur, rel, other))
            } else {
                relations.push((other, rel, cur))
            }
            stack.push((indent, other));
            continue;
        }
        if let Some(rest) = line.strip_prefix('[')
            && let Some(close) = rest.find("]")
        {
            let title = &rest[..close];
            let i = statement(title, &mut claims, &mut by_title);
            if !indented {
                stack = vec![(0, i)];
            }
            if let Some(def) = rest[close + 1..].trim_start().strip_prefix(':') {
                let (text, tags, data) = split_statement(def, line_no, name)?;
                if !text.is_empty() {
                    claims[i].text = Text::single(&default, text);
                }
                claims[i].tags.extend(tags);
                if let Some(data) = data {
                    has_kind |= apply_data(&mut claims[i], &data);
                }
            }
            continue;
        }
        if line.starts_with('<') || line.starts_with('(') || line.starts_with("--") {
            warnings.push(format!("line {line_no}: arguments and premise-conclusion structures have no claimmap equivalent and were not imported: {line}"));
            continue;
        }
        warnings.push(format!(
            "line {line_no}: not understood and not imported: {line}"
        ));
    }
    for (from, rel, to) in relations {
        let target = claims[to].id.clone();
        let list = match rel {
            "supports" => &mut claims[from].supports,
            "opposes" => &mut claims[from].opposes,
            _ => &mut claims[from].undercuts,
        };
        if !list.contains(&target) {
            list.push(target);
        }
    }
    if !has_kind {
        let targeted: Vec<bool> = (0..claims.len())
            .map(|i| {
                claims.iter().any(|c| {
                    c.supports.contains(&claims[i].id) || c.opposes.contains(&claims[i].id)
                })
            })
            .collect();
        for (i, c) in claims.iter_mut().enumerate() {
            if targeted[i]
                && c.supports.is_empty()
                && c.opposes.is_empty()
                && c.undercuts.is_empty()
            {
                c.kind = Kind::Thesis;
            }
        }
    }
    let title: Text = meta
        .get("title")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .or_else(|| {
            front
                .get("title")
                .and_then(Value::as_str)
                .filter(|t| !t.is_empty())
                .map(|t| Text::single(&default, t))
        })
        .unwrap_or_default();
    let sources: Vec<Source> = meta
        .get("sources")
        .and_then(Value::as_array)
        .map(|l| l.iter().filter_map(super::aif::source).collect())
        .unwrap_or_default();
    let count = claims.len();
    Ok(Imported {
        files: vec![
            (
                "claimmap.yaml".into(),
                write::config(&title, &languages, &sources, name),
            ),
            ("claims.yaml".into(), write::claims(&claims, name)),
        ],
        warnings,
        claims: count,
    })
}

/// Restores the exporter's `{…}` data; returns whether it named the claim's kind.
fn apply_data(c: &mut Claim, data: &Value) -> bool {
    let field = |key: &str| data.get(key).and_then(Value::as_str).map(str::to_string);
    if let Some(t) = data
        .get("text")
        .and_then(|v| serde_json::from_value::<Text>(v.clone()).ok())
    {
        c.text = t;
    }
    c.source = field("source").or(c.source.take());
    c.locator = field("locator").or(c.locator.take());
    c.quote = field("quote").or(c.quote.take());
    c.author = field("author").or(c.author.take());
    c.scheme = field("scheme").or(c.scheme.take());
    c.note = field("note").or(c.note.take());
    if let Some(x) = data.get("confidence").and_then(Value::as_f64) {
        c.confidence = Some(x);
    }
    if let Some(w) = data
        .get("with")
        .and_then(|v| serde_json::from_value::<Vec<String>>(v.clone()).ok())
    {
        c.with = w;
    }
    match field("kind").as_deref() {
        Some("thesis") => c.kind = Kind::Thesis,
        Some("evidence") => c.kind = Kind::Evidence,
        Some("claim") => c.kind = Kind::Claim,
        _ => return false,
    }
    true
}
