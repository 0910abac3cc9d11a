//! Structure lints from argument-mapping teaching practice: warnings about how a debate is
//! built rather than whether it can be read. Each has its own code, listed in [`LINTS`], so a
//! class can switch any of them off (`check --allow CODE`, or `allow:` in claimmap.yaml).

use super::claims::RawClaim;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Debate, Kind};

/// The codes of the structure lints, with what each is about (for `--allow` help and the
/// README).
pub const LINTS: &[(&str, &str)] = &[
    (
        "reasoning-words",
        "a claim's text argues (because, therefore, so, কারণ, তাই, সুতরাং): split it",
    ),
    (
        "thin-linked-reason",
        "a reason stands alone although its scheme expects co-premises",
    ),
    (
        "rebuttal-targets-support",
        "a claim opposes a reason for the very claim it supports",
    ),
    (
        "multiple-sentences",
        "a claim or thesis says more than one sentence",
    ),
    ("disconnected", "a claim reaches no thesis"),
    (
        "evidence-supports-nothing",
        "evidence that supports, opposes and undercuts nothing",
    ),
];

/// Every warning code that `check --allow` and `allow:` in claimmap.yaml accept: the
/// structure lints and the other warnings validation gives.
pub const WARNING_CODES: &[&str] = &[
    "reasoning-words",
    "thin-linked-reason",
    "rebuttal-targets-support",
    "multiple-sentences",
    "disconnected",
    "evidence-supports-nothing",
    "evidence-without-source",
    "evidence-without-quote",
    "unverifiable-quote",
    "missing-default-language",
    "unknown-language",
    "unused-source",
    "source-without-location",
    "no-claims",
    "with-without-reason",
    "co-premise-conflict",
    "undercut-without-link",
];

/// Words that show a claim holds a whole argument rather than one statement.
const REASONING_WORDS: &[&str] = &["because", "therefore", "so", "কারণ", "তাই", "সুতরাং"];

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "vs", "cf", "no", "st", "mr", "mrs", "dr", "geo", "sess",
];

/// Runs the structure lints (except `disconnected`, which validation reports itself) on the
/// claims in `range` (validation splits the claims across the cores).
pub fn lint(
    debate: &Debate,
    raws: &[RawClaim],
    kept: &[usize],
    range: std::ops::Range<usize>,
    diags: &mut Diagnostics,
) {
    for k in range {
        let claim = &debate.claims[k];
        let raw = &raws[kept[k]];
        if claim.kind != Kind::Evidence {
            let words: Vec<&str> = claim.text.texts().flat_map(reasoning_words).collect();
            if let Some(first) = words.first() {
                diags.push(
                    Diagnostic::warning(
                        "reasoning-words",
                        format!("claim `{}` contains “{first}”: its text may hold a whole argument", claim.id),
                    )
                    .at(&raw.file, raw.text.pos)
                    .help("a box holds one statement: move the reason into a claim of its own that `supports:` this one (allow with `--allow reasoning-words`)"),
                );
            }
            if let Some(n) = claim.text.texts().map(sentences).max().filter(|&n| n > 1) {
                diags.push(
                    Diagnostic::warning(
                        "multiple-sentences",
                        format!("claim `{}` has {n} sentences", claim.id),
                    )
                    .at(&raw.file, raw.text.pos)
                    .help("one claim, one statement: split it, or keep background in `note:`"),
                );
            }
        }
        if let Some(scheme) = claim.scheme.as_deref().and_then(|s| debate.scheme(s))
            && scheme.premises > 1
            && claim.with.is_empty()
            && !(claim.supports.is_empty() && claim.opposes.is_empty())
        {
            diags.push(
                Diagnostic::warning(
                    "thin-linked-reason",
                    format!(
                        "claim `{}` uses the scheme `{}`, which usually takes {} co-premises, but stands alone",
                        claim.id, scheme.id, scheme.premises
                    ),
                )
                .at(&raw.file, raw.scheme.as_ref().map_or(raw.pos, |s| s.pos))
                .help("write the missing premise as a claim and link them with `with:` (e.g. for expert opinion: that the source is an expert)"),
            );
        }
        for target in raw.opposes.iter().filter(|t| t.value != claim.id) {
            let Some(x) = debate.claim(&target.value) else {
                continue;
            };
            if let Some(shared) = x.supports.iter().find(|s| claim.supports.contains(s)) {
                diags.push(
                    Diagnostic::warning(
                        "rebuttal-targets-support",
                        format!(
                            "claim `{}` supports `{shared}` but opposes `{}`, which is a reason for `{shared}`",
                            claim.id, x.id
                        ),
                    )
                    .at(&raw.file, target.pos)
                    .help("a rebuttal answers an objection: did you mean to oppose one of the objections to it?"),
                );
            }
        }
        if claim.kind == Kind::Evidence
            && claim.supports.is_empty()
            && claim.opposes.is_empty()
            && claim.undercuts.is_empty()
        {
            diags.push(
                Diagnostic::warning(
                    "evidence-supports-nothing",
                    format!("evidence `{}` supports nothing", claim.id),
                )
                .at(&raw.file, raw.id.pos)
                .help("add `supports:` with the claim this evidence backs"),
            );
        }
    }
}

/// The reasoning words in a text, in order. "so" counts only as a connective: after a
/// comma or semicolon, or opening a sentence, and followed by more words ("…, so the army
/// won"), not as an adverb ("an expert says so").
fn reasoning_words(text: &str) -> impl Iterator<Item = &'static str> + '_ {
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    let bare = |w: &'static str| w;
    (0..tokens.len()).filter_map(move |i| {
        let word = tokens[i].trim_matches(|c: char| {
            c.is_ascii_punctuation() || matches!(c, '“' | '”' | '‘' | '’' | '।' | '॥' | '…')
        });
        let found = REASONING_WORDS
            .iter()
            .copied()
            .find(|r| r.eq_ignore_ascii_case(word))?;
        if found == "so" {
            let opens = i == 0 || tokens[i - 1].ends_with([',', ';', '.', ':']);
            let continues = i + 1 < tokens.len() && !tokens[i].ends_with(['.', '?', '!']);
            if !(opens && continues) {
                return None;
            }
        }
        Some(bare(found))
    })
}

/// How many sentences a text has: a `.`, `?`, `!` or `।` followed by white space and more
/// text ends one, except after a known abbreviation or a single letter (an initial).
fn sentences(text: &str) -> usize {
    let mut count = 1;
    let chars: Vec<char> = text.trim().chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!' | '।') {
            continue;
        }
        let rest = &chars[i + 1..];
        let Some(next) = rest.iter().position(|c| !c.is_whitespace()) else {
            continue;
        };
        if next == 0 {
            continue;
        }
        let following = rest[next];
        if !(following.is_uppercase() || ('\u{0980}'..='\u{09FF}').contains(&following)) {
            continue;
        }
        if c == '.' {
            let word: String = chars[..i]
                .iter()
                .rev()
                .take_while(|c| !c.is_whitespace())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let word = word
                .trim_start_matches(|c: char| c.is_ascii_punctuation())
                .to_lowercase();
            if word.chars().count() <= 1 || ABBREVIATIONS.contains(&word.as_str()) {
                continue;
            }
        }
        count += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasoning_words_are_found_as_whole_words_in_both_languages() {
        let found: Vec<_> = reasoning_words("It failed, because the army left; so what?").collect();
        assert_eq!(found, ["because", "so"]);
        assert_eq!(reasoning_words("Also a sober account.").count(), 0);
        assert_eq!(
            reasoning_words("An expert says so.").count(),
            0,
            "an adverb"
        );
        assert_eq!(
            reasoning_words("So the army won.").collect::<Vec<_>>(),
            ["so"]
        );
        let bn: Vec<_> = reasoning_words("সেনাবাহিনী সরে গিয়েছিল, তাই বিপ্লব সফল হয়।").collect();
        assert_eq!(bn, ["তাই"]);
        assert_eq!(
            reasoning_words("কারণগুলি জটিল").count(),
            0,
            "a longer word is not the word"
        );
    }

    #[test]
    fn sentences_are_counted_without_abbreviations_and_initials() {
        assert_eq!(sentences("One statement."), 1);
        assert_eq!(sentences("First. Second one."), 2);
        assert_eq!(
            sentences("The Act (47 Geo. III Sess. 1 c. 36) ended it."),
            1
        );
        assert_eq!(sentences("V. I. Lenin said so, e.g. Here."), 1);
        assert_eq!(sentences("প্রথম বাক্য। দ্বিতীয় বাক্য।"), 2);
        assert_eq!(sentences("Is it? Yes."), 2);
        assert_eq!(sentences("3.5 per cent"), 1);
    }
}
