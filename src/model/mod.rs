//! The checked debate: claims, sources and the relations between them.
//!
//! Everything here has passed validation: ids are unique, references resolve and there is no
//! cycle of supports, so renderers and evaluation can index without checking. The model knows
//! nothing of files beyond where each claim was written (for messages and exports).

mod graph;
mod index;
mod lang;
mod review;
mod scheme;
mod settings;
mod text;

pub use graph::{Link, Reason, ReasonRole, TreeEntry};
pub use lang::{is_language_code, suggest_language_code};
pub use review::{Answer, AnswerValue, LinkStrength, Review, ReviewVerdict};
pub use scheme::{Question, Scheme};
pub use settings::{Compare, EvalSettings, ProofStandard, Thresholds};
pub use text::Text;

use serde::Serialize;

/// The three kinds of boxes on an argument map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The contention the debate is about; drawn at the top.
    Thesis,
    /// A reason, objection or rebuttal stated in the debaters' own words.
    Claim,
    /// A leaf that says where a claim comes from: a quote from a source.
    Evidence,
}

impl Kind {
    /// Every kind, in the order the format documents them (for "expected one of" messages).
    pub const ALL: [Kind; 3] = [Kind::Thesis, Kind::Claim, Kind::Evidence];

    /// The keyword used in claim files.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Thesis => "thesis",
            Kind::Claim => "claim",
            Kind::Evidence => "evidence",
        }
    }
}

/// Where a claim or source was written, relative to the debate folder, so every output can
/// send the reader back to the file to edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Origin {
    /// Path relative to the debate folder, with `/` separators. Shared by every entry of the
    /// file: a debate of a million claims would otherwise hold a million copies of a few
    /// hundred names.
    pub file: std::sync::Arc<str>,
    /// 1-based line of the entry.
    pub line: usize,
    /// 1-based column of the entry.
    #[serde(skip)]
    pub column: usize,
}

/// Whether an evidence quote was found in its source document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "status")]
pub enum QuoteStatus {
    /// The claim has no quote.
    None,
    /// Found verbatim (after normalising Unicode and white space) at this line of the source.
    Verified {
        /// 1-based line in the source file.
        line: usize,
    },
    /// The source is a URL or could not be read: the quote is taken on trust.
    Unverifiable,
    /// Not in the source (the debate has an error for it).
    NotFound,
}

/// One box on the map.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// Unique id: lowercase letters, digits and `-`.
    pub id: String,
    /// Thesis, claim or evidence.
    pub kind: Kind,
    /// The statement, by language.
    pub text: Text,
    /// Ids of the claims this one is a reason for.
    pub supports: Vec<String>,
    /// Ids of the claims this one says are false.
    pub opposes: Vec<String>,
    /// Ids of the claims whose support links this one attacks.
    pub undercuts: Vec<String>,
    /// Co-premises: this claim is a reason only together with these.
    pub with: Vec<String>,
    /// Source id (evidence).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where in the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// Verbatim quotation from the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Who made the claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Free-form tags for filtering.
    pub tags: Vec<String>,
    /// Base score in [0, 1] for evaluation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// Argument scheme id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    /// A note for readers of the map.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Result of quote verification.
    pub quote_status: QuoteStatus,
    /// Where it was written.
    #[serde(flatten)]
    pub origin: Origin,
}

impl Claim {
    /// A claim with no relations, source or metadata: the starting point for code that builds
    /// debates without YAML (importers, generators, tests), which then sets the fields it has.
    pub fn new(id: impl Into<String>, kind: Kind, text: Text) -> Claim {
        Claim {
            id: id.into(),
            kind,
            text,
            supports: Vec::new(),
            opposes: Vec::new(),
            undercuts: Vec::new(),
            with: Vec::new(),
            source: None,
            locator: None,
            quote: None,
            author: None,
            tags: Vec::new(),
            confidence: None,
            scheme: None,
            note: None,
            quote_status: QuoteStatus::None,
            origin: Origin::default(),
        }
    }
}

/// A document that evidence quotes from.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// Id that evidence refers to.
    pub id: String,
    /// Human title, by language.
    pub title: Text,
    /// A text file relative to the debate folder: quotes from it are verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// An external address: quotes from it cannot be verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Who wrote the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// When it was written or published, as the debate writes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// A note for readers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where it was declared.
    #[serde(flatten)]
    pub origin: Origin,
}

/// A whole checked debate.
#[derive(Debug, Clone, Serialize)]
pub struct Debate {
    /// The debate title, by language.
    pub title: Text,
    /// Display languages; the first is the default.
    pub languages: Vec<String>,
    /// Declared sources.
    pub sources: Vec<Source>,
    /// Every claim, in file order (files in sorted path order).
    pub claims: Vec<Claim>,
    /// How the debate wants its theses judged (`evaluation:` in `claimmap.yaml`).
    pub settings: EvalSettings,
    /// Argument schemes known to the debate: the built-in catalogue with the debate's own
    /// additions and overrides (`schemes:` in `claimmap.yaml`).
    #[serde(skip)]
    pub schemes: Vec<Scheme>,
    /// Reviews of claims (`reviews:` in any claim file), in file order.
    pub reviews: Vec<Review>,
    #[serde(skip)]
    index: index::IdIndex,
    #[serde(skip)]
    reasons: Vec<Reason>,
    /// Indices into `reviews` per claim, built on first use by [`Debate::reviews_of`].
    #[serde(skip)]
    reviews_by_claim: std::sync::OnceLock<Vec<Vec<usize>>>,
}

impl Debate {
    /// Builds the debate and its derived relations. Callers (validation) guarantee that ids
    /// are unique; references to unknown ids are ignored here because validation has already
    /// reported them.
    pub fn new(
        title: Text,
        languages: Vec<String>,
        sources: Vec<Source>,
        claims: Vec<Claim>,
    ) -> Debate {
        let index = index::IdIndex::new(claims.len(), |i| claims[i].id.as_str());
        let mut debate = Debate {
            title,
            languages,
            sources,
            claims,
            settings: EvalSettings::default(),
            schemes: Vec::new(),
            reviews: Vec::new(),
            index,
            reasons: Vec::new(),
            reviews_by_claim: std::sync::OnceLock::new(),
        };
        debate.reasons = graph::build_reasons(&debate);
        debate
    }

    /// The reviews of claim `i`, in file order. Renderers ask this once per claim, so the
    /// reviews are grouped by claim on the first call (scanning every review per claim was
    /// quadratic); set `reviews` before the first call and leave it alone after.
    pub fn reviews_of(&self, i: usize) -> impl Iterator<Item = &Review> + '_ {
        let groups = self.reviews_by_claim.get_or_init(|| {
            let mut groups = vec![Vec::new(); self.claims.len()];
            for (k, r) in self.reviews.iter().enumerate() {
                if let Some(c) = self.index_of(&r.claim) {
                    groups[c].push(k);
                }
            }
            groups
        });
        groups
            .get(i)
            .into_iter()
            .flatten()
            .map(|&k| &self.reviews[k])
    }

    /// The index of a claim by id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index
            .get(id, |i| self.claims.get(i).map(|c| c.id.as_str()))
    }

    /// A claim by id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.index_of(id).map(|i| &self.claims[i])
    }

    /// A scheme by id.
    pub fn scheme(&self, id: &str) -> Option<&Scheme> {
        self.schemes.iter().find(|s| s.id == id)
    }

    /// A source by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The default display language (the first declared, else `en`).
    pub fn default_language(&self) -> &str {
        self.languages.first().map_or("en", String::as_str)
    }

    /// Every reason (a group of premises for or against one claim), in a stable order.
    pub fn reasons(&self) -> &[Reason] {
        &self.reasons
    }

    /// Indices of the theses, in file order.
    pub fn theses(&self) -> impl Iterator<Item = usize> + '_ {
        self.claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind == Kind::Thesis)
            .map(|(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reviews_are_found_per_claim_in_file_order() {
        let claims = vec![
            Claim::new("a", Kind::Thesis, Text::single("en", "A")),
            Claim::new("b", Kind::Claim, Text::single("en", "B")),
        ];
        let mut d = Debate::new(Text::default(), vec!["en".into()], vec![], claims);
        let review = |who: &str, claim: &str| Review {
            reviewer: who.into(),
            claim: claim.into(),
            verdict: ReviewVerdict::Accept,
            link: None,
            answers: vec![],
            comment: None,
            date: None,
            origin: Origin::default(),
        };
        d.reviews = vec![
            review("x", "b"),
            review("y", "a"),
            review("z", "b"),
            review("w", "gone"),
        ];
        let who = |i| {
            d.reviews_of(i)
                .map(|r| r.reviewer.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(who(0), ["y"]);
        assert_eq!(who(1), ["x", "z"]);
        assert!(who(2).is_empty(), "an index past the claims has no reviews");
    }
}
