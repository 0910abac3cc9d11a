//! `claimmap import argdown`: an Argdown document to a debate folder.
//!
//! Reads statements (`[title]: text #tag {data}`) and their relations, outgoing (`+>`, `->`,
//! `_>`) and incoming (`+`, `-`, `_`), as `export --format argdown` writes them and as people
//! write them by hand. The `{…}` data written by the exporter (kind, texts by language,
//! evidence fields, co-premises) is restored. Arguments (`<name>`) and premise-conclusion
//! structures have no direct claimmap equivalent: each is reported with its line.
//!
//! Every problem of the document is collected, each with its line and column, before the
//! import is refused; statements are found by title and ids made unique through maps, so the
//! work is linear in the document.

use super::spans::{Origin, get, parse_embedded, pos_in_line, to_json};
use super::{Imported, MAX_SHOWN, Refused, UniqueIds};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::yaml::{Node, Value as Yaml};
use crate::model::{Claim, Kind, Source, Text, is_language_code};
use crate::validate::claims::is_valid_id;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

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

/// The relation arrows, longest first: (arrow, relation, whether it points away from the
/// statement above).
const ARROWS: [(&str, Rel, bool); 9] = [
    ("+>", Rel::Supports, true),
    ("->", Rel::Opposes, true),
    ("_>", Rel::Undercuts, true),
    ("<+", Rel::Supports, false),
    ("<-", Rel::Opposes, false),
    ("<_", Rel::Undercuts, false),
    ("+", Rel::Supports, false),
    ("-", Rel::Opposes, false),
    ("_", Rel::Undercuts, false),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Rel {
    Supports,
    Opposes,
    Undercuts,
}

/// One line being read: the file, the line's number and text, and where problems go.
struct Line<'a> {
    file: &'a str,
    no: usize,
    raw: &'a str,
}

impl Line<'_> {
    fn error(&self, code: &'static str, part: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(code, message).at(self.file, pos_in_line(self.raw, self.no, part))
    }
}

/// A statement's rest of line: its text, tags and `{…}` data.
struct Statement {
    text: String,
    tags: Vec<String>,
    data: Option<Value>,
}

/// Splits a statement's rest of line (`rest`, a slice of the line) into text, tags and data
/// (`{…}` at the end). Problems are added to `errors` and the line's statement is dropped.
fn split_statement(line: &Line<'_>, rest: &str, errors: &mut Vec<Diagnostic>) -> Option<Statement> {
    let mut text = String::new();
    let mut tags = Vec::new();
    let mut data = None;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if chars.peek().is_some() => {
                if let Some((_, next)) = chars.next() {
                    text.push(next);
                }
            }
            '#' if rest[i + 1..].starts_with('(') => {
                let Some(len) = rest[i..].find(')') else {
                    errors.push(
                        line.error(
                            "argdown-syntax",
                            &rest[i..i + 2],
                            "a `#(` tag is not closed",
                        )
                        .label("no `)` after this")
                        .help("close the tag: `#(health and environment)`"),
                    );
                    return None;
                };
                tags.push(rest[i + 2..i + len].trim().to_string());
                // Skip to the `)`.
                while chars.next_if(|&(j, _)| j < i + len).is_some() {}
                chars.next();
            }
            '#' => {
                let end = rest[i + 1..]
                    .find(char::is_whitespace)
                    .map_or(rest.len(), |p| i + 1 + p);
                tags.push(rest[i + 1..end].to_string());
                while chars.next_if(|&(j, _)| j < end).is_some() {}
            }
            '{' => {
                data = Some(read_data(line, &rest[i..], errors)?);
                break;
            }
            _ => text.push(c),
        }
    }
    Some(Statement {
        text: text.trim().to_string(),
        tags: tags.into_iter().filter(|t| !t.is_empty()).collect(),
        data,
    })
}

/// Reads a statement's `{…}` data: a YAML (or JSON) mapping whose `text:` keys must be
/// language codes.
fn read_data(line: &Line<'_>, raw: &str, errors: &mut Vec<Diagnostic>) -> Option<Value> {
    let at = pos_in_line(line.raw, line.no, raw);
    let origin = Origin {
        line: at.line,
        column: at.column,
    };
    let node = match parse_embedded(raw, origin, line.file, "the statement's data") {
        Ok(node) => node,
        Err(d) => {
            errors.push(*d);
            return None;
        }
    };
    let Some(node) = node.filter(|n| matches!(n.value, Yaml::Map(_))) else {
        errors.push(
            line.error("wrong-type", raw, "the statement's data is not a mapping")
                .help("write it as `{kind: thesis, scheme: example}`"),
        );
        return None;
    };
    if let Some(text) = get(&node, "text") {
        check_text_keys(text, origin, line.file, errors);
    }
    Some(to_json(&node))
}

/// Reports each key of a text map that is not a language code.
fn check_text_keys(node: &Node, origin: Origin, file: &str, errors: &mut Vec<Diagnostic>) {
    if let Yaml::Map(entries) = &node.value {
        for (key, _) in entries {
            if !is_language_code(&key.name) {
                errors.push(
                    crate::validate::fields::invalid_language(&key.name)
                        .at(file, origin.place(key.pos)),
                );
            }
        }
    }
}

/// The front matter (`===` … `===` at the top): its YAML as JSON, and the line after it.
fn front_matter(
    lines: &[&str],
    file: &str,
    errors: &mut Vec<Diagnostic>,
) -> (Value, Option<Node>, usize) {
    if lines.first().is_none_or(|l| l.trim() != "===") {
        return (Value::Null, None, 0);
    }
    let Some(end) = lines
        .iter()
        .skip(1)
        .position(|l| l.trim() == "===")
        .map(|p| p + 1)
    else {
        errors.push(
            Line {
                file,
                no: 1,
                raw: lines[0],
            }
            .error(
                "argdown-syntax",
                lines[0].trim(),
                "the front matter opened with `===` is never closed",
            )
            .help("close it with a line holding only `===`"),
        );
        return (Value::Null, None, lines.len());
    };
    let origin = Origin { line: 2, column: 1 };
    match parse_embedded(&lines[1..end].join("\n"), origin, file, "the front matter") {
        Ok(Some(node)) => (to_json(&node), Some(node), end + 1),
        Ok(None) => (Value::Null, None, end + 1),
        Err(d) => {
            errors.push(*d);
            (Value::Null, None, end + 1)
        }
    }
}

/// The debate's languages from the front matter (`claimmap: languages:`), each checked, and
/// the keys of the texts there (`title`, the sources' titles) checked too.
fn languages(front: Option<&Node>, file: &str, errors: &mut Vec<Diagnostic>) -> Vec<String> {
    let origin = Origin { line: 2, column: 1 };
    let meta = front.and_then(|f| get(f, "claimmap"));
    if let Some(title) = meta.and_then(|m| get(m, "title")) {
        check_text_keys(title, origin, file, errors);
    }
    if let Some(Yaml::Seq(sources)) = meta.and_then(|m| get(m, "sources")).map(|s| &s.value) {
        for title in sources.iter().filter_map(|s| get(s, "title")) {
            check_text_keys(title, origin, file, errors);
        }
    }
    let items: Vec<&Node> = match meta.and_then(|m| get(m, "languages")) {
        None => Vec::new(),
        Some(Node {
            value: Yaml::Seq(items),
            ..
        }) => items.iter().collect(),
        Some(one) => vec![one],
    };
    let mut codes = Vec::new();
    for item in items {
        let Yaml::Str(code) = &item.value else {
            errors.push(
                Diagnostic::error(
                    "wrong-type",
                    format!(
                        "a language code must be a string, not {}",
                        item.value.type_name()
                    ),
                )
                .at(file, origin.place(item.pos)),
            );
            continue;
        };
        if is_language_code(code) {
            codes.push(code.clone());
        } else {
            errors.push(
                crate::validate::fields::invalid_language(code).at(file, origin.place(item.pos)),
            );
        }
    }
    if codes.is_empty() {
        codes.push("en".to_string());
    }
    codes
}

/// The statements read so far, found by title.
struct Statements {
    claims: Vec<Claim>,
    by_title: HashMap<String, usize>,
    ids: UniqueIds,
    default: String,
}

impl Statements {
    /// The statement with a bracketed title, created on first mention.
    fn get(&mut self, title: &str) -> usize {
        if let Some(&i) = self.by_title.get(title) {
            return i;
        }
        let base = if is_valid_id(title) {
            title.to_string()
        } else {
            slug(title)
        };
        let id = self.ids.unique(base);
        self.claims.push(Claim::new(
            id,
            Kind::Claim,
            Text::single(&self.default, title),
        ));
        self.by_title
            .insert(title.to_string(), self.claims.len() - 1);
        self.claims.len() - 1
    }
}

/// Reads Argdown text (`name` is the file name for messages). On any error, every problem of
/// the document is returned, located, and nothing is imported.
pub fn import(source_text: &str, name: &str) -> Result<Imported, Refused> {
    let lines: Vec<&str> = source_text.lines().collect();
    let mut warnings = Vec::new();
    let mut errors: Vec<Diagnostic> = Vec::new();
    let (front, front_node, start) = front_matter(&lines, name, &mut errors);
    let languages = languages(front_node.as_ref(), name, &mut errors);
    let meta = front.get("claimmap").cloned().unwrap_or(Value::Null);
    let mut st = Statements {
        claims: Vec::new(),
        by_title: HashMap::new(),
        ids: UniqueIds::default(),
        default: languages[0].clone(),
    };
    let mut has_kind = false;
    // The statements above the current line, with their indentation: a relation belongs to
    // the nearest statement indented less than itself.
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut in_comment = false;
    let mut relations: Vec<(usize, Rel, usize)> = Vec::new();
    for (k, raw) in lines.iter().enumerate().skip(start) {
        let line_no = k + 1;
        let here = Line {
            file: name,
            no: line_no,
            raw,
        };
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
        if indented
            && let Some(&(arrow, rel, outgoing)) = ARROWS.iter().find(|(a, _, _)| {
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
                errors.push(
                    here.error("argdown-syntax", &rest[..1], "`[` is not closed")
                        .label("no `]` after this")
                        .help("close the title: `[Clean air]`"),
                );
                continue;
            };
            let title = &rest[1..close];
            let other = st.get(title);
            if let Some(def) = rest[close + 1..].strip_prefix(':') {
                let Some(s) = split_statement(&here, def, &mut errors) else {
                    continue;
                };
                let claim = &mut st.claims[other];
                if !s.text.is_empty() {
                    claim.text = Text::single(&st.default, s.text);
                }
                claim.tags.extend(s.tags);
                // Data on a relation's line belongs to the statement it defines, as on a
                // line of its own (it used to be dropped without a word).
                if let Some(data) = s.data {
                    has_kind |= apply_data(claim, &data);
                }
            }
            relations.push(if outgoing {
                (cur, rel, other)
            } else {
                (other, rel, cur)
            });
            stack.push((indent, other));
            continue;
        }
        if let Some(rest) = line.strip_prefix('[')
            && let Some(close) = rest.find(']')
        {
            let title = &rest[..close];
            let i = st.get(title);
            if !indented {
                stack = vec![(0, i)];
            }
            if let Some(def) = rest[close + 1..].trim_start().strip_prefix(':') {
                let Some(s) = split_statement(&here, def, &mut errors) else {
                    continue;
                };
                let claim = &mut st.claims[i];
                if !s.text.is_empty() {
                    claim.text = Text::single(&st.default, s.text);
                }
                claim.tags.extend(s.tags);
                if let Some(data) = s.data {
                    has_kind |= apply_data(claim, &data);
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
    if !errors.is_empty() {
        let count = errors.len();
        let mut diagnostics = Diagnostics::default();
        diagnostics.add_text(name, std::sync::Arc::from(source_text));
        for d in errors.into_iter().take(MAX_SHOWN) {
            diagnostics.push(d);
        }
        return Err(Refused { diagnostics, count });
    }
    let mut claims = st.claims;
    let mut targeted = vec![false; claims.len()];
    let mut seen: HashSet<(usize, Rel, usize)> = HashSet::with_capacity(relations.len());
    for (from, rel, to) in relations {
        if !seen.insert((from, rel, to)) {
            continue;
        }
        let target = claims[to].id.clone();
        let c = &mut claims[from];
        match rel {
            Rel::Supports => c.supports.push(target),
            Rel::Opposes => c.opposes.push(target),
            Rel::Undercuts => c.undercuts.push(target),
        }
        if rel != Rel::Undercuts {
            targeted[to] = true;
        }
    }
    if !has_kind {
        for (c, targeted) in claims.iter_mut().zip(targeted) {
            if targeted && c.supports.is_empty() && c.opposes.is_empty() && c.undercuts.is_empty() {
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
                .map(|t| Text::single(&languages[0], t))
        })
        .unwrap_or_default();
    let sources: Vec<Source> = meta
        .get("sources")
        .and_then(Value::as_array)
        .map(|l| l.iter().filter_map(super::aif::source).collect())
        .unwrap_or_default();
    Ok(Imported::debate(
        &title, &languages, &sources, &claims, warnings, name,
    ))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(doc: &str) -> Vec<(&'static str, usize, usize)> {
        let refused = import(doc, "d.argdown").expect_err("the import fails");
        assert_eq!(refused.count, refused.diagnostics.counts().0);
        refused
            .diagnostics
            .sorted()
            .into_iter()
            .map(|d| (d.code, d.line, d.column))
            .collect()
    }

    fn claims_yaml(doc: &str) -> String {
        let imported =
            import(doc, "d.argdown").unwrap_or_else(|r| panic!("{}", r.diagnostics.render(false)));
        imported.files[1].1.clone()
    }

    #[test]
    fn every_problem_is_collected_with_its_column() {
        let doc = "===\nclaimmap:\n  languages: [en, \"x\\ny\"]\n===\n[a]: A #(open\n  +> [b: B\n  - [c]: C {kind: [x}\n[d]: D {3: }\n";
        assert_eq!(
            errors(doc),
            [
                ("invalid-language", 3, 19),
                ("argdown-syntax", 5, 8),
                ("argdown-syntax", 6, 6),
                ("yaml-syntax", 7, 19),
            ]
        );
    }

    #[test]
    fn a_document_full_of_errors_shows_the_first_few_hundred_and_counts_all() {
        let doc = "[a]: A #(open\n".repeat(MAX_SHOWN + 10);
        let refused = import(&doc, "d.argdown").expect_err("the import fails");
        assert_eq!(refused.count, MAX_SHOWN + 10);
        assert_eq!(refused.diagnostics.counts().0, MAX_SHOWN);
    }

    #[test]
    fn an_unclosed_front_matter_is_placed_at_its_start() {
        assert_eq!(
            errors("===\ntitle: x\n[a]: A\n"),
            [("argdown-syntax", 1, 1)]
        );
    }

    #[test]
    fn malformed_front_matter_yaml_is_an_error_not_ignored() {
        let found = errors("===\ntitle: [x\n===\n[a]: A\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "yaml-syntax");
        assert!(found[0].1 >= 2, "{found:?}");
    }

    #[test]
    fn hostile_language_codes_in_texts_are_refused_where_they_are() {
        let doc = "===\nclaimmap:\n  title: {en: T, \"en\\\"}\": x}\n  sources:\n    - {id: s, title: {\"}\": y}}\n===\n[a]: A {text: {\"<b>\": x}}\n";
        assert_eq!(
            errors(doc),
            [
                ("invalid-language", 3, 18),
                ("invalid-language", 5, 23),
                ("invalid-language", 7, 16),
            ]
        );
    }

    #[test]
    fn titles_with_the_same_slug_get_distinct_ids() {
        let yaml = claims_yaml("[A!]: one\n[A?]: two\n[a]: three\n[A.]: four\n");
        let ids: Vec<&str> = yaml
            .lines()
            .filter_map(|l| l.strip_prefix("  - id: "))
            .collect();
        assert_eq!(ids, ["\"a\"", "\"a-2\"", "\"a-3\"", "\"a-4\""]);
    }

    #[test]
    fn relations_are_written_once_and_theses_inferred_from_them() {
        let doc = "[t]: T\n  + [a]: A\n  + [a]\n  - [o]: O\n[a]\n  +> [t]\n";
        let yaml = claims_yaml(doc);
        assert_eq!(yaml.matches("supports: [\"t\"]").count(), 1, "{yaml}");
        assert_eq!(yaml.matches("opposes: [\"t\"]").count(), 1, "{yaml}");
        assert_eq!(yaml.matches("kind: \"thesis\"").count(), 1, "{yaml}");
    }

    #[test]
    fn data_on_a_relation_line_is_kept() {
        let yaml = claims_yaml("[t]: T\n  + [a]: A {note: kept}\n");
        assert!(yaml.contains("note: \"kept\""), "{yaml}");
    }
}
