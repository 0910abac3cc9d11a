//! Importers: other tools' formats turned into a claimmap debate folder. Whatever cannot be
//! mapped is reported as a warning, never dropped silently; malformed input is an error that
//! names the line, and then nothing is written.

pub mod aif;
mod aif_json;
pub mod argdown;
mod spans;
pub mod write;
pub mod yaml;

/// A debate read from another format, ready to be written as files.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The files to write, as (path relative to the new folder, text).
    pub files: Vec<(String, String)>,
    /// What could not be mapped.
    pub warnings: Vec<String>,
    /// How many claims were imported.
    pub claims: usize,
}

impl Imported {
    /// A new debate folder: `claimmap.yaml` and one `claims.yaml`, both written by
    /// [`write`], which quotes everything it embeds; `origin` names the imported file.
    pub fn debate(
        title: &crate::model::Text,
        languages: &[String],
        sources: &[crate::model::Source],
        claims: &[crate::model::Claim],
        warnings: Vec<String>,
        origin: &str,
    ) -> Imported {
        Imported {
            files: vec![
                (
                    "claimmap.yaml".into(),
                    write::config(title, languages, sources, origin),
                ),
                ("claims.yaml".into(), write::claims(claims, origin)),
            ],
            warnings,
            claims: claims.len(),
        }
    }
}

/// Why an import was refused: the problems found, each located, and how many there were.
#[derive(Debug)]
pub struct Refused {
    /// The problems, with the file's text for snippets: the first [`MAX_SHOWN`] of them
    /// (printing each quotes its line, and a document with an error on each of 80,000 lines
    /// would take half a minute to print and be read by nobody).
    pub diagnostics: crate::diagnostics::Diagnostics,
    /// How many problems were found in all.
    pub count: usize,
}

/// The most problems a refused import shows.
pub const MAX_SHOWN: usize = 500;

/// Hands out claim ids that are unique in the imported debate: a wanted id that is taken
/// gets the first free `-2`, `-3`, … suffix. Each base remembers the last suffix it gave, so
/// a thousand statements that all want the id `statement` cost a thousand steps, not half a
/// million.
#[derive(Debug, Default)]
pub(crate) struct UniqueIds {
    used: std::collections::HashSet<String>,
    next: std::collections::HashMap<String, usize>,
}

impl UniqueIds {
    /// `base` if it is free, else `base-n` for the smallest free `n` from 2 that this base
    /// has not tried yet; the id returned is taken from then on.
    pub(crate) fn unique(&mut self, base: String) -> String {
        if self.used.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::UniqueIds;

    #[test]
    fn ids_are_unique_with_the_first_free_suffix() {
        let mut ids = UniqueIds::default();
        assert_eq!(ids.unique("a".into()), "a");
        assert_eq!(ids.unique("a-2".into()), "a-2");
        assert_eq!(ids.unique("a".into()), "a-3");
        assert_eq!(ids.unique("a".into()), "a-4");
        assert_eq!(ids.unique("b".into()), "b");
        assert_eq!(ids.unique("b".into()), "b-2");
    }
}
