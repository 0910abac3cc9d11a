//! Writing a debate as claimmap files: `claimmap.yaml` and one claim file.
//!
//! Every key and value goes through [`super::yaml`], which quotes and escapes whatever came
//! from the imported file; the file name in the header comment is reduced to one visible line.

use super::yaml::{comment, push_block_key, push_list, push_scalar, push_text};
use crate::model::{Claim, Kind, Source, Text};

/// Appends `lead` (the indentation, or `  - ` for a list item's first key), `key: ` and a
/// value written by `value`, then a line break. `indent` is the indentation of the entry's
/// other lines.
fn entry(out: &mut String, lead: &str, indent: usize, key: &str, value: impl FnOnce(&mut String)) {
    out.push_str(lead);
    push_block_key(out, key, indent);
    out.push_str(": ");
    value(out);
    out.push('\n');
}

fn header(out: &mut String, origin: &str) {
    out.push_str("# Imported from ");
    out.push_str(&comment(origin));
    out.push_str(" by `claimmap import`.\n");
}

/// `claimmap.yaml` for a title, languages and sources.
pub fn config(title: &Text, languages: &[String], sources: &[Source], origin: &str) -> String {
    let mut out = String::new();
    header(&mut out, origin);
    if !title.is_empty() {
        entry(&mut out, "", 0, "title", |o| push_text(o, title));
    }
    entry(&mut out, "", 0, "languages", |o| push_list(o, languages));
    if sources.is_empty() {
        entry(&mut out, "", 0, "sources", |o| o.push_str("[]"));
        return out;
    }
    push_block_key(&mut out, "sources", 0);
    out.push_str(":\n");
    for s in sources {
        entry(&mut out, "  - ", 4, "id", |o| push_scalar(o, &s.id));
        entry(&mut out, "    ", 4, "title", |o| push_text(o, &s.title));
        for (key, value) in [
            ("path", &s.path),
            ("url", &s.url),
            ("author", &s.author),
            ("date", &s.date),
            ("note", &s.note),
        ] {
            if let Some(v) = value {
                entry(&mut out, "    ", 4, key, |o| push_scalar(o, v));
            }
        }
    }
    out
}

/// A claim file holding `claims`.
pub fn claims(claims: &[Claim], origin: &str) -> String {
    let mut out = String::with_capacity(claims.len() * 96);
    header(&mut out, origin);
    if claims.is_empty() {
        entry(&mut out, "", 0, "claims", |o| o.push_str("[]"));
        return out;
    }
    push_block_key(&mut out, "claims", 0);
    out.push_str(":\n");
    for c in claims {
        entry(&mut out, "  - ", 4, "id", |o| push_scalar(o, &c.id));
        if c.kind != Kind::Claim {
            entry(&mut out, "    ", 4, "kind", |o| {
                push_scalar(o, c.kind.as_str())
            });
        }
        entry(&mut out, "    ", 4, "text", |o| push_text(o, &c.text));
        for (key, ids) in [
            ("supports", &c.supports),
            ("opposes", &c.opposes),
            ("undercuts", &c.undercuts),
            ("with", &c.with),
            ("tags", &c.tags),
        ] {
            if !ids.is_empty() {
                entry(&mut out, "    ", 4, key, |o| push_list(o, ids));
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
                entry(&mut out, "    ", 4, key, |o| push_scalar(o, v));
            }
        }
        // A number that YAML cannot spell (NaN, infinity) is left out rather than written
        // as something that reads back as a string; the importers report it.
        if let Some(conf) = c.confidence.filter(|x| x.is_finite()) {
            entry(&mut out, "    ", 4, "confidence", |o| {
                o.push_str(&format!("{conf:?}"))
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::{Node, Value, parse};

    fn keys(node: &Node) -> Vec<String> {
        match &node.value {
            Value::Map(entries) => entries.iter().map(|(k, _)| k.name.to_string()).collect(),
            _ => panic!("not a mapping: {node:?}"),
        }
    }

    fn get<'n>(node: &'n Node, key: &str) -> &'n Node {
        match &node.value {
            Value::Map(entries) => &entries.iter().find(|(k, _)| &*k.name == key).unwrap().1,
            _ => panic!("not a mapping"),
        }
    }

    fn string(node: &Node) -> &str {
        match &node.value {
            Value::Str(s) => s,
            v => panic!("not a string: {v:?}"),
        }
    }

    fn strings(node: &Node) -> Vec<&str> {
        match &node.value {
            Value::Seq(items) => items.iter().map(string).collect(),
            v => panic!("not a list: {v:?}"),
        }
    }

    fn text(node: &Node) -> Vec<(String, String)> {
        match &node.value {
            Value::Map(entries) => entries
                .iter()
                .map(|(k, v)| (k.name.to_string(), string(v).to_string()))
                .collect(),
            v => panic!("not a text: {v:?}"),
        }
    }

    #[test]
    fn hostile_claims_read_back_with_the_loader_exactly_and_without_extra_keys() {
        let hostile = super::super::yaml::tests::hostile();
        let mut all = Vec::new();
        for (k, s) in hostile.iter().enumerate() {
            let mut c = Claim::new(
                s.clone(),
                Kind::Evidence,
                [(s.as_str(), s.as_str()), ("en", "English")]
                    .into_iter()
                    .collect(),
            );
            c.supports = vec![s.clone(), "t".into()];
            c.opposes = vec![s.clone()];
            c.undercuts = vec![s.clone()];
            c.with = vec![s.clone()];
            c.tags = vec![s.clone()];
            c.source = Some(s.clone());
            c.locator = Some(s.clone());
            c.quote = Some(s.clone());
            c.author = Some(s.clone());
            c.scheme = Some(s.clone());
            c.note = Some(s.clone());
            c.confidence = Some(k as f64 / 100.0);
            all.push(c);
        }
        let origin = "evil\n- id: injected\nname\u{202e}.argdown";
        let doc = claims(&all, origin);
        assert_eq!(doc.lines().next().map(|l| l.starts_with("# ")), Some(true));
        let root = parse(&doc).unwrap().unwrap();
        assert_eq!(keys(&root), ["claims"]);
        let Value::Seq(items) = &get(&root, "claims").value else {
            panic!("claims is not a list");
        };
        assert_eq!(items.len(), all.len());
        for (item, c) in items.iter().zip(&all) {
            let s = &c.id;
            assert_eq!(
                keys(item),
                [
                    "id",
                    "kind",
                    "text",
                    "supports",
                    "opposes",
                    "undercuts",
                    "with",
                    "tags",
                    "source",
                    "locator",
                    "quote",
                    "author",
                    "scheme",
                    "note",
                    "confidence"
                ],
                "{s:?}"
            );
            assert_eq!(string(get(item, "id")), s);
            assert_eq!(string(get(item, "kind")), "evidence");
            let mut want: Vec<(String, String)> = c
                .text
                .iter()
                .map(|(l, t)| (l.to_string(), t.to_string()))
                .collect();
            let mut got = text(get(item, "text"));
            want.sort();
            got.sort();
            assert_eq!(got, want, "{s:?}");
            assert_eq!(strings(get(item, "supports")), [s.as_str(), "t"]);
            for key in ["opposes", "undercuts", "with", "tags"] {
                assert_eq!(strings(get(item, key)), [s.as_str()], "{key} {s:?}");
            }
            for key in ["source", "locator", "quote", "author", "scheme", "note"] {
                assert_eq!(string(get(item, key)), s, "{key} {s:?}");
            }
        }
    }

    #[test]
    fn hostile_config_reads_back_exactly() {
        let hostile = super::super::yaml::tests::hostile();
        let title: Text = hostile.iter().map(|s| (s.as_str(), s.as_str())).collect();
        let sources: Vec<Source> = hostile
            .iter()
            .map(|s| Source {
                id: s.clone(),
                title: Text::single("en", s.clone()),
                path: Some(s.clone()),
                url: Some(s.clone()),
                author: Some(s.clone()),
                date: Some(s.clone()),
                note: Some(s.clone()),
                origin: Default::default(),
            })
            .collect();
        let origin = "name\nlanguages: [xx]\r\u{2028}title: evil";
        let doc = config(&title, &hostile, &sources, origin);
        assert!(doc.lines().next().unwrap().contains("name\\nlanguages"));
        let root = parse(&doc).unwrap().unwrap();
        assert_eq!(keys(&root), ["title", "languages", "sources"]);
        assert_eq!(text(get(&root, "title")).len(), title.len());
        assert_eq!(strings(get(&root, "languages")), hostile);
        let Value::Seq(items) = &get(&root, "sources").value else {
            panic!("sources is not a list");
        };
        for (item, s) in items.iter().zip(&hostile) {
            assert_eq!(
                keys(item),
                ["id", "title", "path", "url", "author", "date", "note"]
            );
            for key in ["id", "path", "url", "author", "date", "note"] {
                assert_eq!(string(get(item, key)), s);
            }
        }
    }

    #[test]
    fn empty_debates_are_still_valid_yaml() {
        let doc = claims(&[], "x");
        assert_eq!(keys(&parse(&doc).unwrap().unwrap()), ["claims"]);
        let doc = config(&Text::default(), &["en".into()], &[], "x");
        assert_eq!(
            keys(&parse(&doc).unwrap().unwrap()),
            ["languages", "sources"]
        );
    }

    #[test]
    fn non_finite_confidence_is_left_out() {
        let mut c = Claim::new("a", Kind::Claim, Text::single("en", "A."));
        c.confidence = Some(f64::NAN);
        assert!(!claims(&[c], "x").contains("confidence"));
    }
}
