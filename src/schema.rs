//! JSON Schemas of the file format, generated with schemars from the types below so that
//! editors (VS Code's YAML extension and others) complete and check keys as students type.
//! The types only describe the format: reading still goes through the spanned validator,
//! which gives better messages. A unit test keeps their keys equal to the validator's.

use schemars::{JsonSchema, schema_for};
use serde::Serialize;
use std::collections::BTreeMap;

/// Text in one language (a plain string) or several (language code to text).
#[derive(JsonSchema, Serialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum Text {
    /// A string, in the debate's default language.
    Plain(String),
    /// Language code (as in `languages:`) to text, e.g. `{en: "...", bn: "..."}`.
    ByLanguage(BTreeMap<String, String>),
}

/// One id, or a list of ids.
#[derive(JsonSchema, Serialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum Ids {
    /// A single claim id.
    One(String),
    /// Several claim ids.
    Many(Vec<String>),
}

/// What a box on the map is.
#[derive(JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum Kind {
    /// The contention the debate is about.
    Thesis,
    /// A reason, objection or rebuttal in the debaters' own words.
    Claim,
    /// A quote from a source.
    Evidence,
}

/// One claim.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Claim {
    /// Unique id: lowercase letters, digits and `-`, e.g. `kornilov-coup`.
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    id: String,
    /// thesis, claim (the default) or evidence.
    kind: Option<Kind>,
    /// The statement: one sentence that can be true or false.
    text: Text,
    /// The claims this one is a reason for.
    supports: Option<Ids>,
    /// The claims this one says are false (an objection; against an objection, a rebuttal).
    opposes: Option<Ids>,
    /// Claims whose link to what they support this one attacks: even if they are true, they
    /// do not back their conclusion.
    undercuts: Option<Ids>,
    /// Co-premises: this claim is a reason only together with these.
    with: Option<Ids>,
    /// Evidence: the id of a source declared in claimmap.yaml.
    source: Option<String>,
    /// Where in the source: page, section, block.
    locator: Option<String>,
    /// The exact words of the source; claimmap checks them against a local copy.
    quote: Option<String>,
    /// Who made or added the claim.
    author: Option<String>,
    /// Free-form tags for filtering.
    tags: Option<Ids>,
    /// Base score from 0 (no confidence) to 1 (certain); 0.5 when absent.
    #[schemars(range(min = 0.0, max = 1.0))]
    confidence: Option<f64>,
    /// The argument scheme (`claimmap schemes` lists them).
    scheme: Option<String>,
    /// A note for readers of the map.
    note: Option<String>,
}

/// An answer to a critical question, with an optional reason.
#[derive(JsonSchema, Serialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum Answer {
    /// yes (answered in the argument's favour), no (against it) or unsure.
    Plain(AnswerValue),
    /// The answer with a note.
    Detailed {
        /// yes, no or unsure.
        answer: AnswerValue,
        /// Why.
        note: Option<String>,
    },
}

/// An answer value.
#[derive(JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum AnswerValue {
    /// In the argument's favour.
    Yes,
    /// Against the argument.
    No,
    /// Could not tell.
    Unsure,
}

/// A reviewer's judgement of a claim.
#[derive(JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum Verdict {
    /// It holds up.
    Accept,
    /// It does not.
    Reject,
    /// Doubtful.
    Dubious,
}

/// How well a reason backs what it argues for.
#[derive(JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum Link {
    /// Backs it well.
    Strong,
    /// Only a little.
    Weak,
    /// Not at all, even if true.
    None,
}

/// One review of one claim.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Review {
    /// Your name.
    reviewer: String,
    /// The id of the claim reviewed.
    claim: String,
    /// accept, reject or dubious.
    verdict: Verdict,
    /// How well the claim backs its conclusion.
    link: Option<Link>,
    /// Critical question id (of the claim's scheme) to yes, no or unsure.
    answers: Option<BTreeMap<String, Answer>>,
    /// Why, in a sentence or two.
    comment: Option<String>,
    /// When.
    date: Option<String>,
}

/// A claim file of a claimmap debate: claims, reviews, or both.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ClaimFile {
    /// The claims this file adds.
    claims: Option<Vec<Claim>>,
    /// Reviews of claims (a class keeps them in reviews/<reviewer>.yaml).
    reviews: Option<Vec<Review>>,
}

/// A source that evidence quotes.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Source {
    /// The id evidence names in `source:`.
    id: String,
    /// Its title.
    title: Option<Text>,
    /// A local UTF-8 text file inside the debate folder: quotes are verified against it.
    path: Option<String>,
    /// A web address: quotes cannot be verified automatically.
    url: Option<String>,
    /// Who wrote it.
    author: Option<String>,
    /// When it was written or published.
    date: Option<String>,
    /// A note for readers.
    note: Option<String>,
}

/// A critical question of a scheme.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Question {
    /// The id reviews answer it by.
    id: String,
    /// The question.
    text: Option<Text>,
}

/// An argument scheme the debate adds or overrides.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Scheme {
    /// The id claims name in `scheme:`; a built-in id overrides that scheme.
    id: String,
    /// Its name.
    name: Option<Text>,
    /// How it argues, in a sentence.
    description: Option<Text>,
    /// How many co-premises a linked reason of this scheme usually has.
    #[schemars(range(min = 1))]
    premises: Option<u32>,
    /// Its critical questions.
    questions: Option<Vec<Question>>,
}

/// The thresholds of the stricter proof standards.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Thresholds {
    /// Clear and convincing: the case for must be stronger than this.
    #[schemars(range(min = 0.0, max = 1.0))]
    alpha: Option<f64>,
    /// Clear and convincing: the case for must win by more than this.
    #[schemars(range(min = 0.0, max = 1.0))]
    beta: Option<f64>,
    /// Beyond reasonable doubt: the case against must be weaker than this.
    #[schemars(range(min = 0.0, max = 1.0))]
    gamma: Option<f64>,
}

/// How `claimmap eval` judges the thesis.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Evaluation {
    /// scintilla, preponderance, clear-and-convincing or beyond-reasonable-doubt.
    #[schemars(regex(
        pattern = r"^(scintilla|preponderance|clear-and-convincing|beyond-reasonable-doubt)$"
    ))]
    standard: Option<String>,
    /// strongest (Carneades) or combined.
    #[schemars(regex(pattern = r"^(strongest|combined)$"))]
    compare: Option<String>,
    /// Thresholds of the stricter standards.
    thresholds: Option<Thresholds>,
    /// Whether reviews feed the strengths.
    reviews: Option<bool>,
}

/// claimmap.yaml: the debate's title, languages, sources and settings.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Config {
    /// The debate's title.
    title: Option<Text>,
    /// Display languages; the first is the default.
    languages: Option<Vec<String>>,
    /// Sources that evidence quotes.
    sources: Option<Vec<Source>>,
    /// How `claimmap eval` judges the thesis.
    evaluation: Option<Evaluation>,
    /// Argument schemes the debate adds or overrides.
    schemes: Option<Vec<Scheme>>,
    /// Warning codes this debate does not want reported.
    allow: Option<Ids>,
}

/// The schema of claim files (`claims:` and `reviews:`).
pub fn claim_file() -> serde_json::Value {
    serde_json::to_value(schema_for!(ClaimFile)).unwrap_or_default()
}

/// The schema of `claimmap.yaml`.
pub fn config_file() -> serde_json::Value {
    serde_json::to_value(schema_for!(Config)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{claims, config, reviews, schemes};

    fn keys(schema: &serde_json::Value, pointer: &str) -> Vec<String> {
        let mut k: Vec<String> = schema
            .pointer(pointer)
            .and_then(|p| p.as_object())
            .unwrap_or_else(|| panic!("no {pointer} in {schema:#}"))
            .keys()
            .cloned()
            .collect();
        k.sort();
        k
    }

    fn sorted(list: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
        v.sort();
        v
    }

    /// The schema and the validator accept exactly the same keys.
    #[test]
    fn schema_keys_match_the_validator() {
        let c = claim_file();
        assert_eq!(keys(&c, "/properties"), sorted(claims::FILE_KEYS));
        assert_eq!(
            keys(&c, "/$defs/Claim/properties"),
            sorted(claims::CLAIM_KEYS)
        );
        assert_eq!(
            keys(&c, "/$defs/Review/properties"),
            sorted(reviews::REVIEW_KEYS)
        );
        let g = config_file();
        assert_eq!(keys(&g, "/properties"), sorted(config::CONFIG_KEYS));
        assert_eq!(
            keys(&g, "/$defs/Source/properties"),
            sorted(config::SOURCE_KEYS)
        );
        assert_eq!(
            keys(&g, "/$defs/Scheme/properties"),
            sorted(schemes::SCHEME_KEYS)
        );
        assert_eq!(
            keys(&g, "/$defs/Evaluation/properties"),
            sorted(config::EVALUATION_KEYS)
        );
        assert_eq!(
            keys(&g, "/$defs/Thresholds/properties"),
            sorted(config::THRESHOLD_KEYS)
        );
    }
}
