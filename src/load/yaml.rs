//! A YAML document as a tree of spanned nodes.
//!
//! Serde stops at the first error in a document, but a student who adds a claim file wants to
//! hear about every mistake in it at once. So the loader only asks serde-saphyr for this
//! loosely typed tree (every node and every key carries its line and column), and validation
//! then walks it by hand, collecting all problems with exact positions.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// Where something sits in a file: 1-based line and column (in characters) and the byte range,
/// so diagnostics can both print `file:line:col` and underline the source.
///
/// The numbers are `u32` (files are capped far below 4 GB): every key and value of the tree,
/// and every field a claim remembers, carries one, so its size counts on a big debate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
    /// Byte offset of the start in the file text (`u32::MAX` when unknown).
    #[serde(skip)]
    pub offset: u32,
    /// Length in bytes (at least 1 when known).
    #[serde(skip)]
    pub len: u32,
}

/// A count as a [`Pos`] number, saturating (a position past 4 GB is not a real claim file).
pub fn pos_num(n: impl TryInto<u32>) -> u32 {
    n.try_into().unwrap_or(u32::MAX)
}

impl Pos {
    fn from_location(loc: &serde_saphyr::Location) -> Pos {
        let span = loc.span();
        Pos {
            line: pos_num(loc.line()),
            column: pos_num(loc.column()),
            offset: span.byte_offset().map_or(u32::MAX, pos_num),
            len: span.byte_len().map_or(0, pos_num),
        }
    }
}

/// One YAML node with the position it was written at.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where the value starts.
    pub pos: Pos,
}

/// The value of a [`Node`]; scalars keep the type YAML resolved for them.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `~`, `null` or an empty value.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A floating-point number.
    Float(f64),
    /// A string.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in document order, keys with their own positions.
    Map(Vec<(Key, Node)>),
}

/// A mapping key with its position (unknown keys are reported at the key, not the value).
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// The key text (non-string keys are rendered as text). Shared: a big debate spells
    /// millions of keys with a few dozen names, so each is allocated once per thread.
    pub name: std::sync::Arc<str>,
    /// Where the key is written.
    pub pos: Pos,
}

impl Value {
    /// A short name of the YAML type, for "expected a list, found a number" messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "nothing (null)",
            Value::Bool(_) => "a boolean",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Value>::deserialize(d)?;
        Ok(Node {
            pos: Pos::from_location(&spanned.referenced),
            value: spanned.value,
        })
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<KeyName>::deserialize(d)?;
        Ok(Key {
            name: spanned.value.0,
            pos: Pos::from_location(&spanned.referenced),
        })
    }
}

/// The name a list or mapping used as a key is shown as; such keys are never duplicates of
/// each other by name.
const COMPLEX_KEY: &str = "<complex key>";

/// Up to this many entries, a mapping is searched for a repeated key one by one.
const LINEAR_SEARCH: usize = 16;

thread_local! {
    /// Duplicate keys found by the parse running on this thread (see [`parse_document`]).
    static DUPLICATES: RefCell<Vec<DuplicateKey>> = const { RefCell::new(Vec::new()) };
}

/// A key written again in the same mapping. YAML keeps one value per key, so the later
/// value would be silently lost; the loader reports each repetition and reads the first.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateKey {
    /// The key.
    pub name: Arc<str>,
    /// Where the key is first written.
    pub first: Pos,
    /// Where it is written again.
    pub again: Pos,
    /// Which occurrence `again` is (2 for the second).
    pub count: usize,
}

/// A key's text, read without building a [`Value`] (and a `String`) for it first.
struct KeyName(std::sync::Arc<str>);

impl<'de> Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(KeyVisitor)
    }
}

/// Reads a key's text. Strings are interned as they come; other scalars are read as a value
/// would be (by [`ValueVisitor`]) and written out as text.
struct KeyVisitor;

impl KeyVisitor {
    fn from_value<E>(value: Result<Value, E>) -> Result<KeyName, E> {
        let text = match value? {
            Value::Str(s) => s,
            Value::Null => "~".to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.to_string(),
            Value::Seq(_) | Value::Map(_) => COMPLEX_KEY.to_string(),
        };
        Ok(KeyName(crate::intern::shared(&text)))
    }
}

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = KeyName;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping key")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<KeyName, E> {
        Ok(KeyName(crate::intern::shared(v)))
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<KeyName, E> {
        Self::from_value(ValueVisitor.visit_unit())
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<KeyName, E> {
        Self::from_value(ValueVisitor.visit_none())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<KeyName, D::Error> {
        d.deserialize_any(KeyVisitor)
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<KeyName, E> {
        Self::from_value(ValueVisitor.visit_bool(v))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<KeyName, E> {
        Self::from_value(ValueVisitor.visit_i64(v))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<KeyName, E> {
        Self::from_value(ValueVisitor.visit_u64(v))
    }
    fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<KeyName, E> {
        Self::from_value(ValueVisitor.visit_i128(v))
    }
    fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<KeyName, E> {
        Self::from_value(ValueVisitor.visit_u128(v))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<KeyName, E> {
        Self::from_value(ValueVisitor.visit_f64(v))
    }
    fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<KeyName, E> {
        Self::from_value(ValueVisitor.visit_bytes(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<KeyName, A::Error> {
        while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Self::from_value(Ok(Value::Seq(Vec::new())))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<KeyName, A::Error> {
        while a
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Self::from_value(Ok(Value::Map(Vec::new())))
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(a.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = a.next_element()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Value, A::Error> {
        let mut entries: Vec<(Key, Node)> = Vec::with_capacity(a.size_hint().unwrap_or(0).min(64));
        // Keys seen so far, by name, once the mapping is too long to search (a claim has a
        // dozen keys; a hostile mapping may have a million).
        let mut index: Option<HashMap<Arc<str>, (Pos, usize)>> = None;
        // How often each repeated key has been seen, while the mapping is searched linearly.
        let mut repeated: Vec<(Arc<str>, usize)> = Vec::new();
        while let Some(key) = a.next_key::<Key>()? {
            let value = a.next_value::<Node>()?;
            if &*key.name != COMPLEX_KEY {
                if index.is_none() && entries.len() >= LINEAR_SEARCH {
                    let mut map = HashMap::with_capacity(entries.len() * 2);
                    for (k, _) in &entries {
                        map.entry(k.name.clone()).or_insert((k.pos, 1));
                    }
                    for (name, count) in repeated.drain(..) {
                        if let Some(seen) = map.get_mut(&name) {
                            seen.1 = count;
                        }
                    }
                    index = Some(map);
                }
                let first = match &mut index {
                    Some(map) => match map.get_mut(&key.name) {
                        Some((pos, count)) => {
                            *count += 1;
                            Some((*pos, *count))
                        }
                        None => {
                            map.insert(key.name.clone(), (key.pos, 1));
                            None
                        }
                    },
                    None => entries
                        .iter()
                        .find(|(k, _)| Arc::ptr_eq(&k.name, &key.name) || k.name == key.name)
                        .map(|(k, _)| {
                            let count = match repeated.iter_mut().find(|(n, _)| *n == key.name) {
                                Some((_, count)) => {
                                    *count += 1;
                                    *count
                                }
                                None => {
                                    repeated.push((key.name.clone(), 2));
                                    2
                                }
                            };
                            (k.pos, count)
                        }),
                };
                if let Some((first, count)) = first {
                    // YAML keeps one value per key: the first is read, the later ones are
                    // reported (see `parse_document`) and left out of the tree.
                    DUPLICATES.with(|d| {
                        d.borrow_mut().push(DuplicateKey {
                            name: key.name.clone(),
                            first,
                            again: key.pos,
                            count,
                        })
                    });
                    continue;
                }
            }
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

/// A YAML syntax or limit error, positioned where the parser stopped.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// The parser's message without its own position prefix or snippet.
    pub message: String,
    /// Where the parser stopped, when it knows.
    pub pos: Option<Pos>,
}

/// One YAML document: its tree and the keys written twice in one of its mappings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// The tree, without the repeated keys; `None` for an empty document.
    pub node: Option<Node>,
    /// Every repeated key, in document order.
    pub duplicates: Vec<DuplicateKey>,
}

/// Parses one YAML document into a spanned tree. `None` for an empty document (only comments
/// or white space), which callers treat as a file that contributes nothing. A repeated key is
/// an error here, at its second occurrence; the loader uses [`parse_document`] to report every
/// one and carry on.
pub fn parse(text: &str) -> Result<Option<Node>, SyntaxError> {
    let doc = parse_document(text)?;
    match doc.duplicates.first() {
        Some(d) => Err(SyntaxError {
            message: duplicate_message(d),
            pos: Some(d.again),
        }),
        None => Ok(doc.node),
    }
}

/// What to say about a repeated key, in claimmap's words.
pub fn duplicate_message(d: &DuplicateKey) -> String {
    let times = match d.count {
        2 => "twice".to_string(),
        n => format!("{n} times"),
    };
    format!(
        "key `{}` appears {times} in this mapping; YAML keeps only one",
        d.name
    )
}

/// Parses one YAML document like [`parse`], but a repeated key is not an error: each is
/// listed in [`Document::duplicates`] (and left out of the tree, which keeps the first), so a
/// file with several is reported in full in one run.
pub fn parse_document(text: &str) -> Result<Document, SyntaxError> {
    if text.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#') || t == "---" || t == "..."
    }) {
        return Ok(Document::default());
    }
    DUPLICATES.with(|d| d.borrow_mut().clear());
    let result = serde_saphyr::from_str_with_options::<Node>(text, options());
    let duplicates = DUPLICATES.with(|d| std::mem::take(&mut *d.borrow_mut()));
    match result {
        Ok(node) => Ok(Document {
            node: Some(node),
            duplicates,
        }),
        Err(e) => {
            let pos = e.location().map(|l| Pos::from_location(&l));
            Err(SyntaxError {
                message: explain(&clean_message(&e.to_string()), text, pos),
                pos,
            })
        }
    }
}

/// Parser settings. Booleans are only `true`/`false` (YAML 1.2), so `text: No` or `id: y` stay
/// strings; numbers with leading zeros (`scheme: 007`) and `.nan`/`.inf` stay strings too, so
/// validation can report them as what they are. The node budget is raised from the default
/// 250,000 (a 2.6 MB file of 36,000 claims is legitimate; file size is capped by the loader),
/// while alias, anchor and depth limits keep their defaults against alias bombs.
fn options() -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    options.leading_zero_numbers_as_strings = true;
    options.non_finite_float_policy = serde_saphyr::NonFiniteFloatPolicy::AsString;
    // Repeated keys reach the tree's visitor, which records every one (serde-saphyr's own
    // error stops at the first, in its own words).
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::PassThrough;
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = 20_000_000;
    budget.max_events = 40_000_000;
    options.budget = Some(budget);
    options
}

/// Turns the parser's limit messages (Rust debug text) into advice a student can follow.
/// `text` and `pos` are the file and where the parser stopped, to name an undefined alias.
fn explain(message: &str, text: &str, pos: Option<Pos>) -> String {
    let lower = message.to_ascii_lowercase();
    if lower.contains("unknown anchor") {
        match pos.and_then(|p| alias_at(text, p)) {
            Some(alias) => format!(
                "alias `{alias}` refers to no anchor; define `&{}` on a value above it, or \
                 write the value out",
                &alias[1..]
            ),
            None => "this alias (`*name`) refers to no anchor; define `&name` on a value \
                     above it, or write the value out"
                .to_string(),
        }
    } else if lower.contains("multiple") && lower.contains("document")
        || lower.contains("from_str_multiple")
    {
        "the file holds several YAML documents (separated by `---`); a claim file holds one: \
         remove the separators or split the file"
            .to_string()
    } else if lower.contains("budget") && lower.contains("depth") {
        "values are nested too deeply (more than 64 levels); claim files need only a few levels"
            .to_string()
    } else if lower.contains("alias") || lower.contains("anchor") {
        "too many aliases (`*name`) or anchors: this looks like a YAML alias bomb; write the \
         values out instead"
            .to_string()
    } else if lower.contains("budget") {
        "the file is too large for one YAML document; split it into several files".to_string()
    } else {
        message.to_string()
    }
}

/// The alias (`*name`) written at `pos`, if there is one there.
fn alias_at(text: &str, pos: Pos) -> Option<&str> {
    let start = if pos.offset != u32::MAX {
        pos.offset as usize
    } else {
        let line = text
            .split_inclusive('\n')
            .nth((pos.line as usize).checked_sub(1)?)?;
        let line_start = line.as_ptr() as usize - text.as_ptr() as usize;
        let col = line
            .char_indices()
            .nth((pos.column as usize).checked_sub(1)?)?
            .0;
        line_start + col
    };
    let rest = text.get(start..)?;
    let rest = rest.strip_prefix('*').map(|_| rest)?;
    let end = rest[1..]
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | '[' | ']' | '{' | '}'))
        .map_or(rest.len(), |e| e + 1);
    (end > 1).then(|| &rest[..end])
}

/// serde-saphyr's Display repeats the position and prints its own snippet; we print ours, so
/// keep just the first line's message.
fn clean_message(raw: &str) -> String {
    let first = raw.lines().next().unwrap_or(raw).trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    // "line 3 column 4: unclosed bracket '['"
    if let Some(rest) = first.strip_prefix("line ")
        && let Some(idx) = rest.find(": ")
        && rest[..idx].contains("column")
    {
        return rest[idx + 2..].to_string();
    }
    first.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values_carry_positions() {
        let node = parse("claims:\n  - id: a\n    text: বিপ্লব\n")
            .unwrap()
            .unwrap();
        let Value::Map(top) = &node.value else {
            panic!()
        };
        assert_eq!(&*top[0].0.name, "claims");
        let Value::Seq(items) = &top[0].1.value else {
            panic!()
        };
        let Value::Map(claim) = &items[0].value else {
            panic!()
        };
        assert_eq!(&*claim[1].0.name, "text");
        assert_eq!((claim[1].0.pos.line, claim[1].0.pos.column), (3, 5));
        assert_eq!((claim[1].1.pos.line, claim[1].1.pos.column), (3, 11));
        assert_eq!(claim[1].1.value, Value::Str("বিপ্লব".into()));
    }

    #[test]
    fn syntax_errors_have_position_and_clean_message() {
        let err = parse("a: [1,\n").unwrap_err();
        assert!(err.pos.is_some());
        assert!(!err.message.contains("line "), "{}", err.message);
    }

    #[test]
    fn keys_of_every_kind_read_as_text() {
        let node = parse("1: a\ntrue: b\n~: c\n1.5: d\n? [x, y]\n: e\nname: f\n")
            .unwrap()
            .unwrap();
        let Value::Map(entries) = &node.value else {
            panic!()
        };
        let names: Vec<&str> = entries.iter().map(|(k, _)| &*k.name).collect();
        assert_eq!(names, ["1", "true", "~", "1.5", "<complex key>", "name"]);
        assert_eq!((entries[5].0.pos.line, entries[5].0.pos.column), (7, 1));
    }

    #[test]
    fn empty_and_comment_only_documents_are_none() {
        assert_eq!(parse("").unwrap(), None);
        assert_eq!(parse("# nothing\n\n").unwrap(), None);
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let err = parse("a: 1\na: 2\n").unwrap_err();
        assert_eq!(
            err.message,
            "key `a` appears twice in this mapping; YAML keeps only one"
        );
        assert_eq!(err.pos.map(|p| (p.line, p.column)), Some((2, 1)));
    }

    #[test]
    fn every_duplicate_key_is_listed_and_the_first_value_kept() {
        let doc =
            parse_document("a: 1\nb:\n  x: 1\n  x: 2\na: 3\na: 4\nc: {y: 1, y: 2}\n").unwrap();
        let found: Vec<_> = doc
            .duplicates
            .iter()
            .map(|d| {
                (
                    &*d.name,
                    (d.first.line, d.first.column),
                    (d.again.line, d.again.column),
                    d.count,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("x", (3, 3), (4, 3), 2),
                ("a", (1, 1), (5, 1), 2),
                ("a", (1, 1), (6, 1), 3),
                ("y", (7, 5), (7, 11), 2),
            ]
        );
        let Value::Map(top) = doc.node.unwrap().value else {
            panic!()
        };
        assert_eq!(top.len(), 3);
        assert_eq!(top[0].1.value, Value::Int(1));
        // The list is per parse, not left over from the last one.
        assert!(parse_document("a: 1\n").unwrap().duplicates.is_empty());
    }

    #[test]
    fn a_key_overriding_a_merged_one_is_not_a_duplicate() {
        let doc = parse_document("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  x: 3\n").unwrap();
        assert_eq!(doc.duplicates, []);
    }

    #[test]
    fn duplicates_in_a_long_mapping_are_found() {
        let mut text: String = (0..100).map(|i| format!("k{i}: {i}\n")).collect();
        text.push_str("k7: again\nk99: again\n");
        let doc = parse_document(&text).unwrap();
        let names: Vec<&str> = doc.duplicates.iter().map(|d| &*d.name).collect();
        assert_eq!(names, ["k7", "k99"]);
        assert_eq!(doc.duplicates[0].first.line, 8);
    }

    #[test]
    fn an_undefined_alias_is_named_not_called_a_bomb() {
        let err = parse("a: 1\nb: *nope\n").unwrap_err();
        assert!(
            err.message.starts_with("alias `*nope` refers to no anchor"),
            "{}",
            err.message
        );
        assert!(!err.message.contains("bomb"));
    }
}
