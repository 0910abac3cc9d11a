//! One claim file: its `claims:` list read into claims that remember where each field was.

use super::fields::{At, Reader, get};
use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::load::yaml::{Node, Pos, Value};
use crate::model::{Kind, Text};

/// Keys allowed at the top of a claim file.
pub const FILE_KEYS: &[&str] = &["claims", "reviews"];
/// Keys allowed in a claim.
pub const CLAIM_KEYS: &[&str] = &[
    "id",
    "kind",
    "text",
    "supports",
    "opposes",
    "undercuts",
    "with",
    "source",
    "locator",
    "quote",
    "author",
    "tags",
    "confidence",
    "scheme",
    "note",
];

/// A claim as written, with the position of every field, before cross-claim checks.
#[derive(Debug, Clone)]
pub struct RawClaim {
    /// File relative to the debate folder.
    pub file: std::sync::Arc<str>,
    /// Position of the claim's mapping.
    pub pos: Pos,
    /// Its id.
    pub id: At<String>,
    /// Its kind (default `claim`).
    pub kind: Kind,
    /// Its text.
    pub text: At<Text>,
    /// Supported claims.
    pub supports: Vec<At<String>>,
    /// Opposed claims.
    pub opposes: Vec<At<String>>,
    /// Claims whose support links this claim attacks.
    pub undercuts: Vec<At<String>>,
    /// Co-premises.
    pub with: Vec<At<String>>,
    /// Source id.
    pub source: Option<At<String>>,
    /// Locator in the source.
    pub locator: Option<String>,
    /// Quote.
    pub quote: Option<At<String>>,
    /// Author.
    pub author: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Base score.
    pub confidence: Option<f64>,
    /// Scheme id.
    pub scheme: Option<At<String>>,
    /// Note.
    pub note: Option<String>,
}

/// Reads every claim of one file. Claims missing an id or a text are reported and skipped;
/// every other problem is reported and the claim is kept, so later checks still see it.
pub fn read_file(
    node: &Node,
    r: &mut Reader<'_>,
    default_lang: &str,
    limits: &crate::load::LoadOptions,
) -> Vec<RawClaim> {
    let Some(entries) = r.map("a claim file", node) else {
        return Vec::new();
    };
    r.unknown_keys("a claim file", entries, FILE_KEYS);
    let Some(claims) = get(entries, "claims") else {
        if get(entries, "reviews").is_some() {
            // A file of reviews only, as a class keeps them in `reviews/<reviewer>.yaml`.
            return Vec::new();
        }
        r.diags.push(
            Diagnostic::warning(
                "no-claims",
                "this file has no `claims:` or `reviews:` list, so it adds nothing",
            )
            .at(r.file, node.pos)
            .help("start the file with `claims:` followed by a list of claims"),
        );
        return Vec::new();
    };
    match &claims.value {
        Value::Seq(items) => {
            if items.len() > limits.max_claims_per_file {
                r.diags.push(
                    Diagnostic::error(
                        "too-many-claims",
                        format!(
                            "this file holds {} claims, more than the limit of {}; only the first {} are read",
                            items.len(),
                            limits.max_claims_per_file,
                            limits.max_claims_per_file
                        ),
                    )
                    .at(r.file, claims.pos)
                    .help("split the file, or raise the limit with --max-claims-per-file"),
                );
            }
            let file: std::sync::Arc<str> = r.file.into();
            items
                .iter()
                .take(limits.max_claims_per_file)
                .filter_map(|item| read_claim(item, r, &file, default_lang, limits.max_text_chars))
                .collect()
        }
        Value::Null => Vec::new(),
        _ => {
            r.wrong_type("claims", claims, "a list of claims");
            Vec::new()
        }
    }
}

/// Whether `id` is a valid claim, source or scheme id: lowercase ASCII letters, digits, `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The nearest valid id to an invalid one: lowercase ASCII, other runs become `-`.
fn slug(id: &str) -> String {
    let mut out = String::new();
    for ch in id.chars().flat_map(char::to_lowercase) {
        if ch.is_ascii_lowercase() || ch.is_ascii_digit() {
            out.push(ch);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

fn read_claim(
    node: &Node,
    r: &mut Reader<'_>,
    file: &std::sync::Arc<str>,
    default_lang: &str,
    max_text_chars: usize,
) -> Option<RawClaim> {
    let entries = r.map("a claim", node)?;
    r.unknown_keys("a claim", entries, CLAIM_KEYS);
    let id = get(entries, "id").and_then(|n| r.string("id", n));
    if let Some(id) = &id
        && !is_valid_id(&id.value)
    {
        let s = slug(&id.value);
        let mut d = Diagnostic::error(
            "invalid-id",
            format!(
                "id `{}` may contain only lowercase letters, digits and `-`",
                id.value
            ),
        )
        .at(r.file, id.pos)
        .label("not a valid id");
        d = if s.is_empty() {
            d.help("ids are short ASCII names such as `kornilov-coup`; the text can be in any language")
        } else {
            d.help(format!("write it as `{s}`"))
        };
        r.diags.push(d);
    }
    let kind = match get(entries, "kind") {
        None => Kind::Claim,
        Some(n) => match r.string("kind", n) {
            None => Kind::Claim,
            Some(k) => match Kind::ALL.iter().find(|x| x.as_str() == k.value) {
                Some(kind) => *kind,
                None => {
                    let names = Kind::ALL.map(Kind::as_str);
                    let help = match did_you_mean(&k.value, names) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => "a kind is one of: thesis, claim, evidence".to_string(),
                    };
                    r.diags.push(
                        Diagnostic::error("unknown-kind", format!("unknown kind `{}`", k.value))
                            .at(r.file, k.pos)
                            .label("expected thesis, claim or evidence")
                            .help(help),
                    );
                    Kind::Claim
                }
            },
        },
    };
    let text = get(entries, "text").and_then(|n| r.text("text", n, default_lang));
    let what = id.as_ref().map_or_else(
        || "this claim".to_string(),
        |i| format!("claim `{}`", i.value),
    );
    if id.is_none() && get(entries, "id").is_none() {
        r.diags.push(
            Diagnostic::error("missing-field", format!("{what} has no `id`"))
                .at(r.file, node.pos)
                .label("claim starts here")
                .help("add `id: a-short-name` (lowercase letters, digits and `-`), unique in the debate"),
        );
    }
    match &text {
        None if get(entries, "text").is_none_or(|n| n.value == Value::Null) => {
            r.diags.push(
                Diagnostic::error("missing-field", format!("{what} has no `text`"))
                    .at(r.file, id.as_ref().map_or(node.pos, |i| i.pos))
                    .help("add `text:` with the claim in one sentence, e.g. `text: {en: \"...\", bn: \"...\"}`"),
            );
        }
        Some(t)
            if let Some((lang, n)) = t
                .value
                .iter()
                .map(|(l, s)| (l, s.chars().count()))
                .find(|&(_, n)| n > max_text_chars) =>
        {
            r.diags.push(
                Diagnostic::error(
                    "text-too-long",
                    format!("{what} has a text of {n} characters in `{lang}`, more than the limit of {max_text_chars}"),
                )
                .at(r.file, t.pos)
                .help("a claim is one statement: shorten it and keep background in `note:`, or raise the limit with --max-text-length"),
            );
        }
        Some(t) if t.value.texts().all(|s| s.trim().is_empty()) => {
            r.diags.push(
                Diagnostic::error("empty-text", format!("{what} has an empty text"))
                    .at(r.file, t.pos)
                    .label("nothing to show on the map")
                    .help("state the claim in one full sentence"),
            );
        }
        _ => {}
    }
    let mut list = |key: &str| {
        get(entries, key)
            .map(|n| r.string_list(key, n))
            .unwrap_or_default()
    };
    let supports = list("supports");
    let opposes = list("opposes");
    let undercuts = list("undercuts");
    let with = list("with");
    let tags = list("tags").into_iter().map(|t| t.value).collect();
    let mut opt = |key: &str| get(entries, key).and_then(|n| r.string(key, n));
    let source = opt("source");
    let locator = opt("locator").map(|s| s.value);
    let quote = opt("quote");
    let author = opt("author").map(|s| s.value);
    let scheme = opt("scheme");
    let note = opt("note").map(|s| s.value);
    let confidence = get(entries, "confidence").and_then(|n| r.number("confidence", n));
    if let Some(c) = &confidence
        && !(0.0..=1.0).contains(&c.value)
    {
        r.diags.push(
            Diagnostic::error(
                "out-of-range",
                format!("confidence {} is outside [0, 1]", c.value),
            )
            .at(r.file, c.pos)
            .help("use a number from 0 (no confidence) to 1 (certain), e.g. 0.7"),
        );
    }
    Some(RawClaim {
        file: file.clone(),
        pos: node.pos,
        id: id?,
        kind,
        // A claim whose text could not be read is kept (its error is reported above) so that
        // references to it do not turn into false "unknown id" errors.
        text: text.unwrap_or(At {
            value: Text::default(),
            pos: node.pos,
        }),
        supports,
        opposes,
        undercuts,
        with,
        source,
        locator,
        quote,
        author,
        tags,
        confidence: confidence.map(|c| c.value),
        scheme,
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_slugs() {
        assert!(is_valid_id("kornilov-1917"));
        assert!(!is_valid_id("Kornilov"));
        assert!(!is_valid_id(""));
        assert_eq!(slug("Kornilov Coup!"), "kornilov-coup");
    }
}
