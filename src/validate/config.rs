//! `claimmap.yaml`: the debate's title, languages and sources.

use super::fields::{At, Reader, get};
use crate::diagnostics::Diagnostic;
use crate::load::LoadedFile;
use crate::load::yaml::{Pos, Value};
use crate::model::{Compare, EvalSettings, Origin, ProofStandard, Source, Text};

/// Keys allowed at the top of `claimmap.yaml`.
pub const CONFIG_KEYS: &[&str] = &[
    "title",
    "languages",
    "sources",
    "evaluation",
    "schemes",
    "allow",
];
/// Keys allowed in the `evaluation:` section.
pub const EVALUATION_KEYS: &[&str] = &["standard", "compare", "thresholds", "reviews"];
/// Keys allowed in `evaluation: thresholds:`.
pub const THRESHOLD_KEYS: &[&str] = &["alpha", "beta", "gamma"];
/// Keys allowed in a source entry.
pub const SOURCE_KEYS: &[&str] = &["id", "title", "path", "url", "author", "date", "note"];

/// The settings read from `claimmap.yaml`, with positions for later checks.
#[derive(Debug, Default)]
pub struct Config {
    /// Debate title.
    pub title: Text,
    /// Languages, default first.
    pub languages: Vec<String>,
    /// Sources with the position of their `id` and `path`.
    pub sources: Vec<(Source, Pos, Option<Pos>)>,
    /// The `evaluation:` section.
    pub settings: EvalSettings,
    /// The debate's own argument schemes (`schemes:`), with the position of each id.
    pub schemes: Vec<(crate::model::Scheme, Pos)>,
    /// Warning codes the debate switches off (`allow:`).
    pub allow: Vec<String>,
}

/// Reads `claimmap.yaml` (or defaults when the debate has none).
pub fn read(file: Option<&LoadedFile>, r: &mut Reader<'_>) -> Config {
    let mut config = Config {
        title: Text::default(),
        languages: vec!["en".to_string()],
        sources: Vec::new(),
        settings: EvalSettings::default(),
        schemes: Vec::new(),
        allow: Vec::new(),
    };
    let Some(node) = file.and_then(|f| f.node.as_ref()) else {
        return config;
    };
    let Some(entries) = r.map("claimmap.yaml", node) else {
        return config;
    };
    r.unknown_keys("claimmap.yaml", entries, CONFIG_KEYS);
    if let Some(langs) = get(entries, "languages") {
        let all = r.string_list("languages", langs);
        let declared = !all.is_empty();
        let mut list: Vec<String> = Vec::with_capacity(all.len());
        for code in all {
            if crate::model::is_language_code(&code.value) {
                list.push(code.value);
            } else {
                r.diags
                    .push(super::fields::invalid_language(&code.value).at(r.file, code.pos));
            }
        }
        if !declared {
            r.diags.push(
                Diagnostic::error("wrong-type", "`languages` must name at least one language")
                    .at(r.file, langs.pos)
                    .help("for example `languages: [bn, en]`; the first is the default"),
            );
        } else if !list.is_empty() {
            config.languages = list;
        }
    }
    let default = config.languages[0].clone();
    if let Some(title) = get(entries, "title") {
        config.title = r
            .text("title", title, &default)
            .map(|t| t.value)
            .unwrap_or_default();
    }
    if let Some(sources) = get(entries, "sources") {
        match &sources.value {
            Value::Seq(items) => {
                for item in items {
                    if let Some(s) = read_source(item, r, &default) {
                        config.sources.push(s);
                    }
                }
            }
            Value::Null => {}
            _ => r.wrong_type("sources", sources, "a list of sources"),
        }
    }
    if let Some(list) = get(entries, "allow") {
        for code in r.string_list("allow", list) {
            if super::lints::WARNING_CODES.contains(&code.value.as_str()) {
                config.allow.push(code.value);
                continue;
            }
            let help = match crate::diagnostics::did_you_mean(
                &code.value,
                super::lints::WARNING_CODES.iter().copied(),
            ) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "only warnings can be allowed; the README lists their codes".to_string(),
            };
            r.diags.push(
                Diagnostic::error(
                    "unknown-keyword",
                    format!("`{}` is not a warning code", code.value),
                )
                .at(r.file, code.pos)
                .help(help),
            );
        }
    }
    if let Some(list) = get(entries, "schemes") {
        config.schemes = super::schemes::read_list(list, r, &default, true);
    }
    if let Some(evaluation) = get(entries, "evaluation") {
        config.settings = read_settings(evaluation, r);
    }
    config
}

/// Reads `evaluation:`; anything unreadable keeps its default after an error.
fn read_settings(node: &crate::load::yaml::Node, r: &mut Reader<'_>) -> EvalSettings {
    let mut settings = EvalSettings::default();
    if matches!(node.value, Value::Null) {
        return settings;
    }
    let Some(entries) = r.map("`evaluation`", node) else {
        return settings;
    };
    r.unknown_keys("`evaluation`", entries, EVALUATION_KEYS);
    if let Some(n) = get(entries, "standard")
        && let Some(s) = r.string("standard", n)
    {
        let names = ProofStandard::ALL.map(ProofStandard::as_str);
        match ProofStandard::parse(&s.value) {
            Some(p) => settings.standard = p,
            None => r
                .diags
                .push(unknown_keyword("proof standard", &s.value, &names).at(r.file, s.pos)),
        }
    }
    if let Some(n) = get(entries, "compare")
        && let Some(s) = r.string("compare", n)
    {
        let names = Compare::ALL.map(Compare::as_str);
        match Compare::parse(&s.value) {
            Some(c) => settings.compare = c,
            None => r
                .diags
                .push(unknown_keyword("way to compare", &s.value, &names).at(r.file, s.pos)),
        }
    }
    if let Some(n) = get(entries, "reviews") {
        match n.value {
            Value::Bool(b) => settings.reviews = b,
            _ => r.wrong_type("reviews", n, "true or false"),
        }
    }
    if let Some(n) = get(entries, "thresholds")
        && let Some(t) = r.map("`thresholds`", n)
    {
        r.unknown_keys("`thresholds`", t, THRESHOLD_KEYS);
        let slots = [
            ("alpha", &mut settings.thresholds.alpha),
            ("beta", &mut settings.thresholds.beta),
            ("gamma", &mut settings.thresholds.gamma),
        ];
        for (key, slot) in slots {
            let Some(v) = get(t, key).and_then(|n| r.number(key, n)) else {
                continue;
            };
            if (0.0..=1.0).contains(&v.value) {
                *slot = v.value;
            } else {
                r.diags.push(
                    Diagnostic::error(
                        "out-of-range",
                        format!("threshold {key} = {} is outside [0, 1]", v.value),
                    )
                    .at(r.file, v.pos)
                    .help("thresholds compare strengths, which run from 0 to 1"),
                );
            }
        }
    }
    settings
}

fn unknown_keyword(what: &str, value: &str, names: &[&str]) -> Diagnostic {
    let help = match crate::diagnostics::did_you_mean(value, names.iter().copied()) {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("expected one of: {}", names.join(", ")),
    };
    Diagnostic::error("unknown-keyword", format!("unknown {what} `{value}`")).help(help)
}

fn read_source(
    node: &crate::load::yaml::Node,
    r: &mut Reader<'_>,
    default: &str,
) -> Option<(Source, Pos, Option<Pos>)> {
    let entries = r.map("a source", node)?;
    r.unknown_keys("a source", entries, SOURCE_KEYS);
    let id: Option<At<String>> = get(entries, "id").and_then(|n| r.string("id", n));
    let Some(id) = id else {
        r.diags.push(
            Diagnostic::error("missing-field", "this source has no `id`")
                .at(r.file, node.pos)
                .help("add `id: some-name` so evidence can refer to it with `source:`"),
        );
        return None;
    };
    let title = get(entries, "title")
        .and_then(|n| r.text("title", n, default))
        .map(|t| t.value)
        .unwrap_or_else(|| Text::single(default, id.value.clone()));
    let path = get(entries, "path").and_then(|n| r.string("path", n));
    let url = get(entries, "url").and_then(|n| r.string("url", n));
    if path.is_none() && url.is_none() {
        r.diags.push(
            Diagnostic::warning(
                "source-without-location",
                format!("source `{}` has neither `path` nor `url`", id.value),
            )
            .at(r.file, id.pos)
            .help(
                "give `path:` (a text file in the debate folder, so quotes are verified) or `url:`",
            ),
        );
    }
    let source = Source {
        id: id.value,
        title,
        path: path.as_ref().map(|p| p.value.clone()),
        url: url.map(|u| u.value),
        author: get(entries, "author")
            .and_then(|n| r.string("author", n))
            .map(|a| a.value),
        date: get(entries, "date")
            .and_then(|n| r.string("date", n))
            .map(|a| a.value),
        note: get(entries, "note")
            .and_then(|n| r.string("note", n))
            .map(|a| a.value),
        origin: Origin {
            file: r.file.into(),
            line: node.pos.line as usize,
            column: node.pos.column as usize,
        },
    };
    Some((source, id.pos, path.map(|p| p.pos)))
}

#[cfg(test)]
mod tests {
    use crate::load::LoadOptions;

    /// An `invalid-language` error as (file, line, column, message, help).
    type Found = (String, usize, usize, String, String);

    /// Checks a debate written into a temporary folder; returns the `invalid-language`
    /// errors and the debate's languages.
    fn invalid_languages(config: &str, claims: &str) -> (Vec<Found>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("claimmap.yaml"), config).unwrap();
        std::fs::write(dir.path().join("claims.yaml"), claims).unwrap();
        let checked = crate::check(dir.path(), &LoadOptions::default()).unwrap();
        let found = checked
            .diagnostics
            .sorted()
            .into_iter()
            .filter(|d| d.code == "invalid-language")
            .map(|d| {
                assert_eq!(d.severity, crate::diagnostics::Severity::Error);
                (
                    d.file.clone(),
                    d.line,
                    d.column,
                    d.message.clone(),
                    d.help.clone().unwrap_or_default(),
                )
            })
            .collect();
        (found, checked.debate.languages.clone())
    }

    const CLAIMS: &str = "claims:\n  - id: t\n    kind: thesis\n    text: {en: \"T.\"}\n";

    #[test]
    fn malformed_codes_in_languages_are_located_errors_with_a_repair() {
        let (found, languages) =
            invalid_languages("languages: [en, en_US, \"x\\ny\", bn]\n", CLAIMS);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            (found[0].0.as_str(), found[0].1, found[0].2),
            ("claimmap.yaml", 1, 17)
        );
        assert!(found[0].3.contains("\"en_US\""), "{found:?}");
        assert_eq!(found[0].4, "did you mean `en-US`?");
        assert_eq!((found[1].1, found[1].2), (1, 24));
        assert!(found[1].3.contains("\"x\\ny\""), "escaped: {found:?}");
        assert_eq!(languages, ["en", "bn"]);
    }

    #[test]
    fn well_formed_codes_pass() {
        let (found, languages) = invalid_languages("languages: [bn, en-US, zh-Hant-TW]\n", CLAIMS);
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(languages, ["bn", "en-US", "zh-Hant-TW"]);
    }

    #[test]
    fn malformed_keys_of_text_maps_are_errors_and_never_reach_the_model() {
        let claims = "claims:\n  - id: t\n    kind: thesis\n    text: {en: \"T.\", \"en\\\"}<b>\": \"x\", en_GB: \"y\"}\n";
        let config = "title: {en: \"T\", \"\\u202e\": \"z\"}\nlanguages: [en]\n";
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("claimmap.yaml"), config).unwrap();
        std::fs::write(dir.path().join("claims.yaml"), claims).unwrap();
        let checked = crate::check(dir.path(), &LoadOptions::default()).unwrap();
        let found: Vec<_> = checked
            .diagnostics
            .sorted()
            .into_iter()
            .filter(|d| d.code == "invalid-language")
            .map(|d| (d.file.as_str(), d.line, d.column, d.message.as_str()))
            .collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(
            (found[0].0, found[0].1, found[0].2),
            ("claimmap.yaml", 1, 18)
        );
        assert!(found[0].3.contains("\\u{202e}"), "{found:?}");
        assert_eq!((found[1].0, found[1].1), ("claims.yaml", 4));
        assert_eq!((found[2].0, found[2].1), ("claims.yaml", 4));
        let langs: Vec<&str> = checked.debate.claims[0].text.langs().collect();
        assert_eq!(langs, ["en"]);
        let title: Vec<&str> = checked.debate.title.langs().collect();
        assert_eq!(title, ["en"]);
    }
}
