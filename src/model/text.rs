//! Multilingual text.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A text in one or more languages (`{en: ..., bn: ...}`), or a plain string stored under the
/// debate's default language. Kept sorted by language code so outputs are deterministic.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// A text in a single language.
    pub fn single(lang: &str, text: impl Into<String>) -> Text {
        Text(BTreeMap::from([(lang.to_string(), text.into())]))
    }

    /// The text in `lang`, else in the first of `fallbacks` that has one, else any.
    /// Renderers use this so a claim written only in English still shows on a Bengali map.
    pub fn get<'a>(&'a self, lang: &str, fallbacks: &[String]) -> &'a str {
        self.0
            .get(lang)
            .or_else(|| fallbacks.iter().find_map(|l| self.0.get(l)))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// Whether the text exists in `lang`.
    pub fn has(&self, lang: &str) -> bool {
        self.0.contains_key(lang)
    }
}
