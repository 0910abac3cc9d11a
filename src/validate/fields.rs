//! Reading typed fields out of spanned YAML nodes, reporting every mismatch.
//!
//! Each reader returns `None` (or an empty list) after recording a diagnostic, so validation
//! carries on with the rest of the file and reports all problems in one run.

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::load::yaml::{Key, Node, Pos, Value};
use crate::model::Text;

/// A value together with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// Its position.
    pub pos: Pos,
}

/// The file being read and the collection problems go to.
pub struct Reader<'a> {
    /// File path relative to the debate folder.
    pub file: &'a str,
    /// The file's text, to recover scalars exactly as written.
    pub text: &'a str,
    /// Where problems go.
    pub diags: &'a mut Diagnostics,
}

impl Reader<'_> {
    /// Records a "wrong type" error at a node.
    pub fn wrong_type(&mut self, key: &str, node: &Node, expected: &str) {
        let mut d = Diagnostic::error(
            "wrong-type",
            format!(
                "`{key}` must be {expected}, found {}",
                node.value.type_name()
            ),
        )
        .at(self.file, node.pos)
        .label(format!("expected {expected}"));
        if let Value::Int(_) | Value::Float(_) | Value::Bool(_) = node.value
            && expected.contains("string")
        {
            d = d.help("put the value in quotes to make it a string");
        }
        self.diags.push(d);
    }

    /// The entries of a mapping node, or an error naming `what` it should have been.
    pub fn map<'n>(&mut self, what: &str, node: &'n Node) -> Option<&'n [(Key, Node)]> {
        match &node.value {
            Value::Map(entries) => Some(entries),
            _ => {
                self.wrong_type(what, node, "a mapping of keys to values");
                None
            }
        }
    }

    /// Reports every key of `entries` that is not in `allowed`, with a suggestion.
    pub fn unknown_keys(&mut self, what: &str, entries: &[(Key, Node)], allowed: &[&str]) {
        for (key, _) in entries {
            if !allowed.contains(&&*key.name) {
                let suggestion = did_you_mean(&key.name, allowed.iter().copied());
                let help = match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("the keys of {what} are: {}", allowed.join(", ")),
                };
                self.diags.push(
                    Diagnostic::error(
                        "unknown-key",
                        format!("unknown key `{}` in {what}", key.name),
                    )
                    .at(self.file, key.pos)
                    .label("not a key of the format")
                    .help(help),
                );
            }
        }
    }

    /// A scalar as text. Numbers are accepted and written back as YAML wrote them (a locator
    /// `5` or a year `1917` is text to the reader); lists, maps and booleans are errors.
    pub fn string(&mut self, key: &str, node: &Node) -> Option<At<String>> {
        let value = match &node.value {
            Value::Str(s) => s.clone(),
            Value::Int(i) => self.written(node).unwrap_or_else(|| i.to_string()),
            Value::Float(f) => self.written(node).unwrap_or_else(|| f.to_string()),
            _ => {
                self.wrong_type(key, node, "a string");
                return None;
            }
        };
        Some(At {
            value,
            pos: node.pos,
        })
    }

    /// A plain scalar exactly as it is written in the file (`1.20`, `0x1F`), so a number used
    /// as text keeps its spelling.
    fn written(&self, node: &Node) -> Option<String> {
        // u32::MAX stands for an unknown offset (or one past 4 GB): no spelling to copy.
        if node.pos.offset == u32::MAX {
            return None;
        }
        let start = node.pos.offset as usize;
        let end = start.checked_add(node.pos.len as usize)?;
        let raw = self.text.get(start..end)?.trim();
        (!raw.is_empty()).then(|| raw.to_string())
    }

    /// Whether a scalar is written in quotes (a string on purpose), judged from the file.
    fn quoted(&self, node: &Node) -> bool {
        let start = node.pos.offset as usize;
        node.pos.offset == u32::MAX
            || self
                .text
                .get(start..)
                .is_some_and(|rest| rest.starts_with(['"', '\'', '|', '>', '!']))
    }

    /// Reports a plain scalar that is not a usable number: `.nan`, `.inf`, `-.inf`, a number
    /// beyond the range of a float (`1e309`), or any other word.
    fn not_finite(&mut self, key: &str, node: &Node, written: &str) {
        let word = written.trim();
        let lower = word.to_ascii_lowercase();
        let unsigned = lower.trim_start_matches(['+', '-']);
        let (message, label, help) = if lower == ".nan" {
            (
                format!("`{key}: {word}` is not a number"),
                "not a number",
                "`.nan` is YAML's \"not a number\" value; write a number, e.g. `0.7`".to_string(),
            )
        } else if unsigned == ".inf" {
            (
                format!("`{key}: {word}` is infinite, not a number claimmap can use"),
                "infinite",
                format!("`{word}` is YAML's infinity; write a finite number, e.g. `0.7`"),
            )
        } else if word.parse::<f64>().is_ok_and(f64::is_infinite) {
            (
                format!("`{key}: {word}` is too large to be a number"),
                "too large",
                format!(
                    "numbers must be finite (at most about 1.8e308 in size); `{word}` is beyond \
                     that, and `{key}` needs a much smaller value"
                ),
            )
        } else {
            self.wrong_type(key, node, "a number");
            return;
        };
        self.diags.push(
            Diagnostic::error("wrong-type", message)
                .at(self.file, node.pos)
                .label(label)
                .help(help),
        );
    }

    /// A list of strings, where a single string stands for a list of one (`supports: thesis`).
    pub fn string_list(&mut self, key: &str, node: &Node) -> Vec<At<String>> {
        match &node.value {
            Value::Null => Vec::new(),
            Value::Seq(items) => {
                // Sized exactly: a debate holds a list like this per claim and relation.
                let mut list = Vec::with_capacity(items.len());
                for item in items {
                    match &item.value {
                        Value::Seq(_) | Value::Map(_) | Value::Null | Value::Bool(_) => {
                            self.wrong_type(&format!("{key}[]"), item, "a string");
                        }
                        _ => list.extend(self.string(key, item)),
                    }
                }
                list
            }
            Value::Map(_) | Value::Bool(_) => {
                self.wrong_type(key, node, "a string or a list of strings");
                Vec::new()
            }
            _ => self.string(key, node).into_iter().collect(),
        }
    }

    /// A finite number. YAML's `.nan` and `.inf` and numbers too large for a float (`1e309`)
    /// are read as text by the parser (see `load::yaml`); they are reported as what they are,
    /// not as "a string", and a quoted number gets the advice to drop the quotes.
    pub fn number(&mut self, key: &str, node: &Node) -> Option<At<f64>> {
        let value = match &node.value {
            Value::Int(i) => *i as f64,
            Value::Float(f) if f.is_finite() => *f,
            Value::Str(s) if !self.quoted(node) => {
                // The parser turns `1e309` into `.inf`: say what the file says.
                let written = self.written(node).unwrap_or_else(|| s.clone());
                self.not_finite(key, node, &written);
                return None;
            }
            Value::Str(s) if s.trim().parse::<f64>().is_ok_and(f64::is_finite) => {
                self.diags.push(
                    Diagnostic::error(
                        "wrong-type",
                        format!("`{key}` must be a number, found the string \"{s}\""),
                    )
                    .at(self.file, node.pos)
                    .label("expected a number")
                    .help(format!("remove the quotes: `{key}: {}`", s.trim())),
                );
                return None;
            }
            _ => {
                self.wrong_type(key, node, "a number");
                return None;
            }
        };
        Some(At {
            value,
            pos: node.pos,
        })
    }

    /// A text in one or several languages: a plain string (stored under `default_lang`) or a
    /// mapping from language code to string.
    pub fn text(&mut self, key: &str, node: &Node, default_lang: &str) -> Option<At<Text>> {
        match &node.value {
            Value::Map(entries) => {
                let mut map = Text::with_capacity(entries.len());
                for (lang, value) in entries {
                    if !crate::model::is_language_code(&lang.name) {
                        let d = invalid_language(&lang.name).at(self.file, lang.pos);
                        self.diags.push(d);
                        continue;
                    }
                    let text = match &value.value {
                        Value::Str(s) => Some(s.clone()),
                        _ => self
                            .string(&format!("{key}.{}", lang.name), value)
                            .map(|s| s.value),
                    };
                    if let Some(text) = text {
                        map.insert(&lang.name, text);
                    }
                }
                Some(At {
                    value: map,
                    pos: node.pos,
                })
            }
            Value::Null => None,
            Value::Seq(_) | Value::Bool(_) => {
                self.wrong_type(key, node, "a string or a mapping from language to text");
                None
            }
            _ => self.string(key, node).map(|s| At {
                value: Text::single(default_lang, s.value),
                pos: s.pos,
            }),
        }
    }
}

/// Finds a key's value in a mapping.
pub fn get<'n>(entries: &'n [(Key, Node)], key: &str) -> Option<&'n Node> {
    entries
        .iter()
        .find(|(k, _)| &*k.name == key)
        .map(|(_, v)| v)
}

/// The error for a language code that is not shaped like a BCP 47 tag (`en`, `bn`,
/// `en-US`), with the obvious repair when there is one (`en_US` → `en-US`).
pub(crate) fn invalid_language(code: &str) -> Diagnostic {
    let help = match crate::model::suggest_language_code(code) {
        Some(fixed) => format!("did you mean `{fixed}`?"),
        None => "a language code is a BCP 47 tag: two or three letters (`en`, `bn`), then \
                 optional `-` subtags (`en-US`, `zh-Hant`)"
            .to_string(),
    };
    Diagnostic::error(
        "invalid-language",
        format!("{} is not a language code", shown(code)),
    )
    .help(help)
}

/// A malformed code for a message: quoted with its control characters, quotes and bidi
/// overrides escaped (it is hostile input, shown on a terminal), and cut after 40 characters.
fn shown(code: &str) -> String {
    let cut: String = code.chars().take(40).collect();
    let more = if cut.len() < code.len() { "…" } else { "" };
    format!("{:?}{more}", cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The messages `number` gives for `confidence: <written>`.
    fn number_problem(written: &str) -> (Option<f64>, Vec<String>) {
        let text = format!("confidence: {written}\n");
        let node = crate::load::yaml::parse(&text).unwrap().unwrap();
        let Value::Map(entries) = &node.value else {
            panic!()
        };
        let mut diags = Diagnostics::default();
        let mut r = Reader {
            file: "a.yaml",
            text: &text,
            diags: &mut diags,
        };
        let value = r.number("confidence", &entries[0].1).map(|n| n.value);
        let messages = diags
            .sorted()
            .iter()
            .map(|d| format!("{} | {}", d.message, d.help.clone().unwrap_or_default()))
            .collect();
        (value, messages)
    }

    #[test]
    fn non_finite_numbers_are_named_not_called_strings() {
        for (written, says) in [
            (".nan", "`confidence: .nan` is not a number"),
            (".NaN", "`confidence: .NaN` is not a number"),
            (".inf", "`confidence: .inf` is infinite"),
            ("-.inf", "`confidence: -.inf` is infinite"),
            ("1e309", "`confidence: 1e309` is too large"),
            ("-1e400", "`confidence: -1e400` is too large"),
        ] {
            let (value, messages) = number_problem(written);
            assert_eq!(value, None);
            assert_eq!(messages.len(), 1, "{written}: {messages:?}");
            assert!(messages[0].starts_with(says), "{written}: {messages:?}");
            assert!(!messages[0].contains("found a string"), "{messages:?}");
        }
    }

    #[test]
    fn numbers_read_and_quoted_numbers_get_advice() {
        assert_eq!(number_problem("0.5"), (Some(0.5), vec![]));
        assert_eq!(number_problem("1"), (Some(1.0), vec![]));
        let (value, messages) = number_problem("\"0.5\"");
        assert_eq!(value, None);
        assert!(messages[0].contains("remove the quotes"), "{messages:?}");
        let (_, messages) = number_problem("high");
        assert_eq!(
            messages,
            ["`confidence` must be a number, found a string | "]
        );
        let (_, messages) = number_problem("\".nan\"");
        assert!(messages[0].contains("found a string"), "{messages:?}");
    }
}
