//! `claimmap.yaml`: the debate's title, languages and sources.

use super::fields::{At, Reader, get};
use crate::diagnostics::Diagnostic;
use crate::load::LoadedFile;
use crate::load::yaml::{Pos, Value};
use crate::model::{Origin, Source, Text};

/// Keys allowed at the top of `claimmap.yaml`.
pub const CONFIG_KEYS: &[&str] = &["title", "languages", "sources"];
/// Keys allowed in a source entry.
pub const SOURCE_KEYS: &[&str] = &["id", "title", "path", "url", "author", "date", "note"];

/// The settings read from `claimmap.yaml`, with positions for later checks.
#[derive(Debug, Default)]
pub struct Config {
    /// Debate title.
    pub title: Text,
    /// Languages, default first.
    pub languages: Vec<String>,
    /// Sources with the position of their `id` and `path`.
    pub sources: Vec<(Source, Pos, Option<Pos>)>,
}

/// Reads `claimmap.yaml` (or defaults when the debate has none).
pub fn read(file: Option<&LoadedFile>, r: &mut Reader<'_>) -> Config {
    let mut config = Config {
        title: Text::default(),
        languages: vec!["en".to_string()],
        sources: Vec::new(),
    };
    let Some(node) = file.and_then(|f| f.node.as_ref()) else {
        return config;
    };
    let Some(entries) = r.map("claimmap.yaml", node) else {
        return config;
    };
    r.unknown_keys("claimmap.yaml", entries, CONFIG_KEYS);
    if let Some(langs) = get(entries, "languages") {
        let list: Vec<String> = r
            .string_list("languages", langs)
            .into_iter()
            .map(|l| l.value)
            .collect();
        if list.is_empty() {
            r.diags.push(
                Diagnostic::error("wrong-type", "`languages` must name at least one language")
                    .at(r.file, langs.pos)
                    .help("for example `languages: [bn, en]`; the first is the default"),
            );
        } else {
            config.languages = list;
        }
    }
    let default = config.languages[0].clone();
    if let Some(title) = get(entries, "title") {
        config.title = r
            .text("title", title, &default)
            .map(|t| t.value)
            .unwrap_or_default();
    }
    if let Some(sources) = get(entries, "sources") {
        match &sources.value {
            Value::Seq(items) => {
                for item in items {
                    if let Some(s) = read_source(item, r, &default) {
                        config.sources.push(s);
                    }
                }
            }
            Value::Null => {}
            _ => r.wrong_type("sources", sources, "a list of sources"),
        }
    }
    config
}

fn read_source(
    node: &crate::load::yaml::Node,
    r: &mut Reader<'_>,
    default: &str,
) -> Option<(Source, Pos, Option<Pos>)> {
    let entries = r.map("a source", node)?;
    r.unknown_keys("a source", entries, SOURCE_KEYS);
    let id: Option<At<String>> = get(entries, "id").and_then(|n| r.string("id", n));
    let Some(id) = id else {
        r.diags.push(
            Diagnostic::error("missing-field", "this source has no `id`")
                .at(r.file, node.pos)
                .help("add `id: some-name` so evidence can refer to it with `source:`"),
        );
        return None;
    };
    let title = get(entries, "title")
        .and_then(|n| r.text("title", n, default))
        .map(|t| t.value)
        .unwrap_or_else(|| Text::single(default, id.value.clone()));
    let path = get(entries, "path").and_then(|n| r.string("path", n));
    let url = get(entries, "url").and_then(|n| r.string("url", n));
    if path.is_none() && url.is_none() {
        r.diags.push(
            Diagnostic::warning(
                "source-without-location",
                format!("source `{}` has neither `path` nor `url`", id.value),
            )
            .at(r.file, id.pos)
            .help(
                "give `path:` (a text file in the debate folder, so quotes are verified) or `url:`",
            ),
        );
    }
    let source = Source {
        id: id.value,
        title,
        path: path.as_ref().map(|p| p.value.clone()),
        url: url.map(|u| u.value),
        author: get(entries, "author")
            .and_then(|n| r.string("author", n))
            .map(|a| a.value),
        date: get(entries, "date")
            .and_then(|n| r.string("date", n))
            .map(|a| a.value),
        note: get(entries, "note")
            .and_then(|n| r.string("note", n))
            .map(|a| a.value),
        origin: Origin {
            file: r.file.to_string(),
            line: node.pos.line,
            column: node.pos.column,
        },
    };
    Some((source, id.pos, path.map(|p| p.pos)))
}
