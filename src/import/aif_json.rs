//! AIF JSON read into compact records instead of a `serde_json::Value` tree.
//!
//! A `Value` object is a B-tree of at least half a kilobyte however few keys it has, and an
//! AIF file is millions of three-key objects (nodes and edges): a file of a million I-nodes
//! took 5 GB that way. Here each node and edge is a short vector of its entries, and only
//! the top-level fields the importer reads are kept. Whatever has an unexpected type reads
//! as empty (the importer then warns about it) rather than failing the whole file.

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;

/// The keys of nodes and edges the importer reads; the others (`timestamp`, `edgeID`, …)
/// are skipped while reading.
const KEYS: &[&str] = &[
    "nodeID",
    "type",
    "text",
    "scheme",
    "fromID",
    "toID",
    "claimmap_kind",
    "claimmap_text",
    "claimmap_source",
    "claimmap_locator",
    "claimmap_quote",
    "claimmap_author",
    "claimmap_scheme",
    "claimmap_note",
    "claimmap_confidence",
    "claimmap_tags",
];

/// A JSON object as the entries the importer reads, in file order (a node or an edge);
/// anything but an object reads as an empty one.
#[derive(Debug, Default)]
pub struct Object(Vec<(&'static str, Value)>);

impl Object {
    /// The value of `key` (the last one, if the object repeats it, as JSON readers do).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

/// The fields of an AIF file the importer reads.
#[derive(Debug, Default)]
pub struct Doc {
    /// `nodes`, when it is a list.
    pub nodes: Option<Vec<Object>>,
    /// `edges` (empty when missing or not a list).
    pub edges: Vec<Object>,
    /// How many `locutions` there are.
    pub locutions: usize,
    /// `claimmap_languages`, `claimmap_title` and `claimmap_sources`, as written by
    /// `export --format aif`.
    pub languages: Option<Value>,
    /// See [`Doc::languages`].
    pub title: Option<Value>,
    /// See [`Doc::languages`].
    pub sources: Option<Value>,
}

/// Reads any other JSON value as the type's default, consuming it.
macro_rules! default_for_others {
    () => {
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
}

/// Reads a list (or map) by skipping its contents.
fn skip_seq<'de, A: SeqAccess<'de>>(mut a: A) -> Result<usize, A::Error> {
    let mut n = 0;
    while a.next_element::<IgnoredAny>()?.is_some() {
        n += 1;
    }
    Ok(n)
}

fn skip_map<'de, A: MapAccess<'de>>(mut a: A) -> Result<(), A::Error> {
    while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// A key of a node or edge: one of [`KEYS`], or `None`; read without allocating.
struct Key(Option<&'static str>);

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E>(self, key: &str) -> Result<Key, E> {
        Ok(Key(KEYS.iter().find(|k| **k == key).copied()))
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct ObjectVisitor;

impl<'de> Visitor<'de> for ObjectVisitor {
    type Value = Object;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Object, A::Error> {
        let mut entries = Vec::new();
        while let Some(Key(key)) = a.next_key::<Key>()? {
            match key {
                Some(known) => entries.push((known, a.next_value::<Value>()?)),
                None => {
                    a.next_value::<IgnoredAny>()?;
                }
            }
        }
        entries.shrink_to_fit();
        Ok(Object(entries))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, a: A) -> Result<Object, A::Error> {
        skip_seq(a).map(|_| Object::default())
    }
    default_for_others!();
}

impl<'de> Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Object, D::Error> {
        d.deserialize_any(ObjectVisitor)
    }
}

/// A list of objects, or `None` for anything else.
#[derive(Default)]
struct List(Option<Vec<Object>>);

struct ListVisitor;

impl<'de> Visitor<'de> for ListVisitor {
    type Value = List;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<List, A::Error> {
        let mut items = Vec::with_capacity(a.size_hint().unwrap_or(0).min(1 << 16));
        while let Some(item) = a.next_element::<Object>()? {
            items.push(item);
        }
        Ok(List(Some(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, a: A) -> Result<List, A::Error> {
        skip_map(a).map(|_| List(None))
    }
    default_for_others!();
}

impl<'de> Deserialize<'de> for List {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<List, D::Error> {
        d.deserialize_any(ListVisitor)
    }
}

/// The length of a list, 0 for anything else.
#[derive(Default)]
struct Count(usize);

struct CountVisitor;

impl<'de> Visitor<'de> for CountVisitor {
    type Value = Count;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, a: A) -> Result<Count, A::Error> {
        skip_seq(a).map(Count)
    }
    fn visit_map<A: MapAccess<'de>>(self, a: A) -> Result<Count, A::Error> {
        skip_map(a).map(|_| Count(0))
    }
    default_for_others!();
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
        d.deserialize_any(CountVisitor)
    }
}

struct DocVisitor;

impl<'de> Visitor<'de> for DocVisitor {
    type Value = Doc;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an AIF object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Doc, A::Error> {
        let mut doc = Doc::default();
        while let Some(key) = a.next_key::<String>()? {
            match key.as_str() {
                "nodes" => doc.nodes = a.next_value::<List>()?.0,
                "edges" => doc.edges = a.next_value::<List>()?.0.unwrap_or_default(),
                "locutions" => doc.locutions = a.next_value::<Count>()?.0,
                "claimmap_languages" => doc.languages = Some(a.next_value()?),
                "claimmap_title" => doc.title = Some(a.next_value()?),
                "claimmap_sources" => doc.sources = Some(a.next_value()?),
                _ => {
                    a.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(doc)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, a: A) -> Result<Doc, A::Error> {
        skip_seq(a).map(|_| Doc::default())
    }
    default_for_others!();
}

impl<'de> Deserialize<'de> for Doc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Doc, D::Error> {
        d.deserialize_any(DocVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_of_unexpected_types_read_as_empty() {
        let doc: Doc = serde_json::from_str(
            r#"{"nodes": [{"nodeID": 1, "type": "I"}, 5, [1, {"a": 2}], null],
                "edges": {"x": [1]}, "locutions": [{}, {}], "other": {"deep": [1, 2]},
                "claimmap_languages": ["en"]}"#,
        )
        .unwrap();
        let nodes = doc.nodes.unwrap();
        assert_eq!(nodes.len(), 4);
        assert_eq!(nodes[0].get("nodeID"), Some(&serde_json::json!(1)));
        assert!(nodes[1..].iter().all(|n| n.get("nodeID").is_none()));
        assert!(doc.edges.is_empty());
        assert_eq!(doc.locutions, 2);
        assert_eq!(doc.languages, Some(serde_json::json!(["en"])));
    }

    #[test]
    fn a_repeated_key_reads_as_its_last_value() {
        let o: Object = serde_json::from_str(r#"{"text": 1, "x": 3, "text": 2}"#).unwrap();
        assert_eq!(o.get("text"), Some(&serde_json::json!(2)));
        assert_eq!(
            o.get("x"),
            None,
            "keys the importer does not read are skipped"
        );
        let doc: Doc = serde_json::from_str("[1, 2]").unwrap();
        assert!(doc.nodes.is_none());
    }
}
