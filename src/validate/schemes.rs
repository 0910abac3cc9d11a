//! The argument-scheme catalogue: the built-in schemes (`templates/schemes.yaml`, compiled
//! in) and a debate's own additions and overrides under `schemes:` in `claimmap.yaml`, read
//! with the same spanned reader as claims so a mistake in either gets file, line and column.

use super::claims::is_valid_id;
use super::fields::{Reader, get};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::yaml::{Node, Pos, Value};
use crate::model::{Origin, Question, Scheme, Text};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The built-in catalogue's source, as shipped in `templates/schemes.yaml`.
pub const BUILTIN_SOURCE: &str = include_str!("../../templates/schemes.yaml");
/// Keys allowed in a scheme.
pub const SCHEME_KEYS: &[&str] = &["id", "name", "description", "premises", "questions"];
/// Keys allowed in a critical question.
pub const QUESTION_KEYS: &[&str] = &["id", "text"];

/// The built-in schemes, parsed once. A broken catalogue is a bug in claimmap, caught by the
/// unit test below; at run time it would only shorten the list.
pub fn builtin() -> &'static [Scheme] {
    static SCHEMES: OnceLock<Vec<Scheme>> = OnceLock::new();
    SCHEMES.get_or_init(|| {
        let mut diags = Diagnostics::default();
        parse_builtin(&mut diags)
    })
}

fn parse_builtin(diags: &mut Diagnostics) -> Vec<Scheme> {
    let Ok(Some(node)) = crate::load::yaml::parse(BUILTIN_SOURCE) else {
        return Vec::new();
    };
    let mut r = Reader {
        file: "templates/schemes.yaml",
        text: BUILTIN_SOURCE,
        diags,
    };
    let Some(entries) = r.map("the scheme catalogue", &node) else {
        return Vec::new();
    };
    get(entries, "schemes")
        .map(|list| read_list(list, &mut r, "en", false))
        .unwrap_or_default()
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

/// Reads a list of schemes; `declared` records where each was written (a debate's own).
pub fn read_list(
    node: &Node,
    r: &mut Reader<'_>,
    default_lang: &str,
    declared: bool,
) -> Vec<(Scheme, Pos)> {
    let items = match &node.value {
        Value::Seq(items) => items,
        Value::Null => return Vec::new(),
        _ => {
            r.wrong_type("schemes", node, "a list of schemes");
            return Vec::new();
        }
    };
    let mut seen: HashMap<String, Pos> = HashMap::new();
    let mut out = Vec::new();
    for item in items {
        let Some((scheme, pos)) = read_scheme(item, r, default_lang, declared) else {
            continue;
        };
        if let Some(first) = seen.get(&scheme.id) {
            r.diags.push(
                Diagnostic::error(
                    "duplicate-id",
                    format!("the scheme id `{}` is declared more than once", scheme.id),
                )
                .at(r.file, pos)
                .label("declared again here")
                .related(r.file, *first, "first declared here")
                .help("to change a scheme, keep one entry with its id"),
            );
            continue;
        }
        seen.insert(scheme.id.clone(), pos);
        out.push((scheme, pos));
    }
    out
}

fn read_scheme(
    node: &Node,
    r: &mut Reader<'_>,
    default_lang: &str,
    declared: bool,
) -> Option<(Scheme, Pos)> {
    let entries = r.map("a scheme", node)?;
    r.unknown_keys("a scheme", entries, SCHEME_KEYS);
    let Some(id) = get(entries, "id").and_then(|n| r.string("id", n)) else {
        r.diags.push(
            Diagnostic::error("missing-field", "this scheme has no `id`")
                .at(r.file, node.pos)
                .help("add `id: some-name`; claims name it with `scheme:`"),
        );
        return None;
    };
    if !is_valid_id(&id.value) {
        r.diags.push(
            Diagnostic::error(
                "invalid-id",
                format!(
                    "scheme id `{}` may contain only lowercase letters, digits and `-`",
                    id.value
                ),
            )
            .at(r.file, id.pos),
        );
        return None;
    }
    let text = |key: &str, r: &mut Reader<'_>| {
        get(entries, key)
            .and_then(|n| r.text(key, n, default_lang))
            .map(|t| t.value)
            .unwrap_or_default()
    };
    let name = text("name", r);
    let description = text("description", r);
    let premises = match get(entries, "premises").and_then(|n| r.number("premises", n)) {
        Some(p) if p.value >= 1.0 && p.value.fract() == 0.0 && p.value <= 100.0 => p.value as usize,
        Some(p) => {
            r.diags.push(
                Diagnostic::error(
                    "out-of-range",
                    format!("`premises: {}` must be a whole number from 1", p.value),
                )
                .at(r.file, p.pos)
                .help("how many co-premises a linked reason of this scheme usually has, e.g. 2"),
            );
            1
        }
        None => 1,
    };
    let mut questions: Vec<Question> = Vec::new();
    if let Some(list) = get(entries, "questions") {
        match &list.value {
            Value::Seq(items) => {
                for q in items {
                    let Some(qe) = r.map("a critical question", q) else {
                        continue;
                    };
                    r.unknown_keys("a critical question", qe, QUESTION_KEYS);
                    let Some(qid) = get(qe, "id").and_then(|n| r.string("id", n)) else {
                        r.diags.push(
                            Diagnostic::error(
                                "missing-field",
                                "this critical question has no `id`",
                            )
                            .at(r.file, q.pos)
                            .help("reviews answer questions by id, e.g. `id: bias`"),
                        );
                        continue;
                    };
                    if questions.iter().any(|x| x.id == qid.value) {
                        r.diags.push(
                            Diagnostic::error(
                                "duplicate-id",
                                format!(
                                    "scheme `{}` has two questions with id `{}`",
                                    id.value, qid.value
                                ),
                            )
                            .at(r.file, qid.pos)
                            .help("reviews answer questions by id, so each id of a scheme must be unique"),
                        );
                        continue;
                    }
                    let qtext = get(qe, "text")
                        .and_then(|n| r.text("text", n, default_lang))
                        .map(|t| t.value)
                        .unwrap_or_default();
                    questions.push(Question {
                        id: qid.value,
                        text: qtext,
                    });
                }
            }
            Value::Null => {}
            _ => r.wrong_type("questions", list, "a list of critical questions"),
        }
    }
    let name = if name.is_empty() {
        Text::single(default_lang, id.value.clone())
    } else {
        name
    };
    let origin = declared.then(|| Origin {
        file: r.file.into(),
        line: node.pos.line as usize,
        column: node.pos.column as usize,
    });
    Some((
        Scheme {
            id: id.value,
            name,
            description,
            premises,
            questions,
            origin,
        },
        id.pos,
    ))
}

/// The catalogue a debate sees: the built-in schemes, each replaced by the debate's scheme
/// of the same id, then the debate's new ones in the order written.
pub fn merge(builtin: &[Scheme], own: &[(Scheme, Pos)]) -> Vec<Scheme> {
    let mut out: Vec<Scheme> = builtin.to_vec();
    for (s, _) in own {
        match out.iter_mut().find(|b| b.id == s.id) {
            Some(slot) => *slot = s.clone(),
            None => out.push(s.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_catalogue_parses_cleanly_and_is_complete() {
        let mut diags = Diagnostics::default();
        let schemes = parse_builtin(&mut diags);
        assert!(
            !diags.has_errors() && diags.counts() == (0, 0),
            "{}",
            diags.render(false)
        );
        let ids: Vec<&str> = schemes.iter().map(|s| s.id.as_str()).collect();
        for want in [
            "expert-opinion",
            "position-to-know",
            "cause-to-effect",
            "correlation-to-cause",
            "sign",
            "example",
            "analogy",
            "consequences",
            "popular-opinion",
            "ad-hominem",
            "commitment",
            "precedent",
        ] {
            assert!(ids.contains(&want), "{want} missing");
        }
        for s in &schemes {
            assert!(s.name.has("en") && s.name.has("bn"), "{}", s.id);
            assert!(
                s.description.has("en") && s.description.has("bn"),
                "{}",
                s.id
            );
            assert!(s.questions.len() >= 2, "{}", s.id);
            for q in &s.questions {
                assert!(q.text.has("en") && q.text.has("bn"), "{}/{}", s.id, q.id);
            }
        }
    }

    #[test]
    fn a_debate_overrides_by_id_and_adds_new_schemes() {
        let own = vec![
            (
                Scheme {
                    id: "analogy".into(),
                    name: Text::single("en", "Our analogy"),
                    description: Text::default(),
                    premises: 1,
                    questions: vec![],
                    origin: None,
                },
                Pos::default(),
            ),
            (
                Scheme {
                    id: "eyewitness".into(),
                    name: Text::single("en", "Eyewitness"),
                    description: Text::default(),
                    premises: 1,
                    questions: vec![],
                    origin: None,
                },
                Pos::default(),
            ),
        ];
        let merged = merge(builtin(), &own);
        assert_eq!(merged.len(), builtin().len() + 1);
        let analogy = merged.iter().find(|s| s.id == "analogy").unwrap();
        assert_eq!(analogy.name.get("en", &[]), "Our analogy");
        assert_eq!(merged.last().unwrap().id, "eyewitness");
    }
}
