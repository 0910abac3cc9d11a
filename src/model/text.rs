//! Multilingual text.

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::Arc;

/// A text in one or more languages (`{en: ..., bn: ...}`), or a plain string stored under the
/// debate's default language. Kept sorted by language code so outputs are deterministic.
///
/// A sorted vector rather than a `BTreeMap`: a claim has one or two languages, and a B-tree
/// node costs about half a kilobyte however few entries it holds, which on a debate of a
/// million claims was half a gigabyte. The language codes are shared (see [`crate::intern`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(Vec<(Arc<str>, String)>);

impl Text {
    /// A text in a single language.
    pub fn single(lang: &str, text: impl Into<String>) -> Text {
        Text(vec![(crate::intern::shared(lang), text.into())])
    }

    /// An empty text with room for `languages` without reallocating (a claim's text is kept
    /// for the whole run, so its spare capacity would be kept too).
    pub fn with_capacity(languages: usize) -> Text {
        Text(Vec::with_capacity(languages))
    }

    /// The text in `lang`, else in the first of `fallbacks` that has one, else any.
    /// Renderers use this so a claim written only in English still shows on a Bengali map.
    pub fn get<'a>(&'a self, lang: &str, fallbacks: &[String]) -> &'a str {
        self.in_lang(lang)
            .or_else(|| fallbacks.iter().find_map(|l| self.in_lang(l)))
            .or_else(|| self.0.first().map(|(_, t)| t.as_str()))
            .unwrap_or("")
    }

    /// The text in exactly `lang`, if it has one.
    pub fn in_lang(&self, lang: &str) -> Option<&str> {
        self.position(lang).ok().map(|at| self.0[at].1.as_str())
    }

    /// Whether the text exists in `lang`.
    pub fn has(&self, lang: &str) -> bool {
        self.position(lang).is_ok()
    }

    /// Sets the text in `lang`, returning the one it replaces.
    pub fn insert(&mut self, lang: &str, text: impl Into<String>) -> Option<String> {
        match self.position(lang) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, text.into())),
            Err(at) => {
                self.0
                    .insert(at, (crate::intern::shared(lang), text.into()));
                None
            }
        }
    }

    /// The languages and texts, sorted by language code.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(l, t)| (&**l, t.as_str()))
    }

    /// The language codes, sorted.
    pub fn langs(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(l, _)| &**l)
    }

    /// The texts, in the order of their language codes.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(_, t)| t.as_str())
    }

    /// How many languages the text is written in.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the text is written in no language at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn position(&self, lang: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(l, _)| (**l).cmp(lang))
    }
}

impl<L: AsRef<str>, T: Into<String>> FromIterator<(L, T)> for Text {
    fn from_iter<I: IntoIterator<Item = (L, T)>>(iter: I) -> Text {
        let mut text = Text::default();
        for (lang, t) in iter {
            text.insert(lang.as_ref(), t);
        }
        text
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (lang, text) in &self.0 {
            map.serialize_entry(lang, text)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a mapping from language code to text")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Text, A::Error> {
                let mut text = Text::default();
                while let Some((lang, t)) = a.next_entry::<String, String>()? {
                    text.insert(&lang, t);
                }
                Ok(text)
            }
        }
        d.deserialize_map(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_sorted_and_replaces() {
        let mut t: Text = [("en", "b"), ("bn", "ক")].into_iter().collect();
        assert_eq!(t.langs().collect::<Vec<_>>(), ["bn", "en"]);
        assert_eq!(t.insert("en", "c"), Some("b".to_string()));
        assert_eq!(t.get("fr", &["en".to_string()]), "c");
        assert_eq!(t.get("fr", &[]), "ক");
        assert!(t.has("bn") && !t.has("fr"));
    }

    #[test]
    fn language_codes_are_shared_not_copied() {
        let a = Text::single("bn", "ক");
        let b: Text = [("en", "x"), ("bn", "খ")].into_iter().collect();
        assert!(Arc::ptr_eq(&a.0[0].0, &b.0[0].0));
        // Past the cache, codes still work, they are just not shared.
        let many: Vec<Text> = (0..100)
            .map(|i| Text::single(&format!("x{i}"), "t"))
            .collect();
        assert_eq!(many[99].in_lang("x99"), Some("t"));
    }

    #[test]
    fn serializes_as_a_sorted_map() {
        let t: Text = [("en", "x"), ("bn", "y")].into_iter().collect();
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, r#"{"bn":"y","en":"x"}"#);
        assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), t);
    }
}
