//! Positions inside an imported text file, and YAML embedded in it (Argdown's front matter
//! and `{…}` data) read with positions, so every problem names its line and column.

use crate::diagnostics::Diagnostic;
use crate::load::yaml::{Node, Pos, Value, parse};
use serde_json::Value as Json;

/// Where an embedded YAML text starts in the file: its first line and the column of its
/// first character (both 1-based). Positions inside it are moved by this much.
#[derive(Debug, Clone, Copy)]
pub struct Origin {
    /// The file line of the embedded text's first line.
    pub line: u32,
    /// The file column of the embedded text's first character.
    pub column: u32,
}

impl Origin {
    /// A position inside the embedded text as a position in the file.
    pub fn place(self, inner: Pos) -> Pos {
        let column = if inner.line <= 1 {
            self.column.saturating_add(inner.column.saturating_sub(1))
        } else {
            inner.column
        };
        Pos {
            line: self.line.saturating_add(inner.line.saturating_sub(1)),
            column,
            offset: u32::MAX,
            len: inner.len,
        }
    }
}

/// The position of `part` (a slice of `line`) on file line `line_no`: its column counted in
/// characters, and its length in bytes.
pub fn pos_in_line(line: &str, line_no: usize, part: &str) -> Pos {
    let start = (part.as_ptr() as usize)
        .saturating_sub(line.as_ptr() as usize)
        .min(line.len());
    let column = line
        .get(..start)
        .map_or(1, |before| before.chars().count() + 1);
    Pos {
        line: crate::load::yaml::pos_num(line_no),
        column: crate::load::yaml::pos_num(column),
        offset: u32::MAX,
        len: crate::load::yaml::pos_num(part.len().max(1)),
    }
}

/// Parses embedded YAML with the loader's settings (YAML 1.2 booleans, budgets against alias
/// bombs). A syntax error becomes a `yaml-syntax` diagnostic placed in the file.
pub fn parse_embedded(
    text: &str,
    origin: Origin,
    file: &str,
    what: &str,
) -> Result<Option<Node>, Box<Diagnostic>> {
    parse(text).map_err(|e| {
        let pos = e.pos.map_or(
            Pos {
                line: origin.line,
                column: origin.column,
                offset: u32::MAX,
                len: 1,
            },
            |p| origin.place(p),
        );
        Box::new(
            Diagnostic::error(
                "yaml-syntax",
                format!("{what} is not valid YAML: {}", e.message),
            )
            .at(file, pos),
        )
    })
}

/// A YAML node as JSON, for the importers that read fields with `serde_json`. Numbers that
/// JSON cannot hold (NaN, infinities) become `null`.
pub fn to_json(node: &Node) -> Json {
    match &node.value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::from(*i),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(Json::Null, Json::Number),
        Value::Str(s) => Json::String(s.clone()),
        Value::Seq(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => Json::Object(
            entries
                .iter()
                .map(|(k, v)| (k.name.to_string(), to_json(v)))
                .collect(),
        ),
    }
}

/// The value of `key` in a mapping node.
pub fn get<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    match &node.value {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| &*k.name == key)
            .map(|(_, v)| v),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_inside_embedded_text_are_moved_into_the_file() {
        let origin = Origin {
            line: 7,
            column: 12,
        };
        let first = Pos {
            line: 1,
            column: 3,
            offset: 2,
            len: 4,
        };
        let later = Pos {
            line: 3,
            column: 5,
            offset: 20,
            len: 1,
        };
        assert_eq!(
            (origin.place(first).line, origin.place(first).column),
            (7, 14)
        );
        assert_eq!(
            (origin.place(later).line, origin.place(later).column),
            (9, 5)
        );
    }

    #[test]
    fn columns_count_characters() {
        let line = "  [বাংলা]: text {x: 1}";
        let data = &line[line.find('{').unwrap()..];
        let pos = pos_in_line(line, 4, data);
        assert_eq!((pos.line, pos.column), (4, 17));
    }

    #[test]
    fn syntax_errors_are_placed_in_the_file() {
        let origin = Origin { line: 2, column: 1 };
        let d =
            parse_embedded("a: [1,\nb: 2", origin, "f.argdown", "the front matter").unwrap_err();
        assert_eq!(d.code, "yaml-syntax");
        assert!(d.line >= 2, "{d:?}");
    }

    #[test]
    fn nodes_convert_to_json() {
        let node = parse("a: [1, 2.5, true, ~, x]\nb: {c: d}\n")
            .unwrap()
            .unwrap();
        assert_eq!(
            to_json(&node),
            serde_json::json!({"a": [1, 2.5, true, null, "x"], "b": {"c": "d"}})
        );
    }
}
