//! Sources and quotes: every quote from a local source must be in it, verbatim.

use super::claims::RawClaim;
use super::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::{Kind, QuoteStatus};
use crate::quotes::{
    DEFAULT_SEARCH_BUDGET, QuoteMatch, SearchBudget, SourceText, closest_passage, find_quote,
    find_quotes_within,
};
use std::collections::HashMap;
use std::path::{Component, Path};

/// Largest source document read for quote verification.
const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads the local source documents. A path must stay inside the debate folder: an absolute
/// path, a `..` that climbs out, or a link that leads out is refused, so a debate downloaded
/// from a pull request cannot make claimmap read (and quote back) arbitrary files.
pub fn read_sources(
    root: &Path,
    config: &Config,
    diags: &mut Diagnostics,
) -> HashMap<String, SourceText> {
    let mut texts = HashMap::new();
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    for (source, _, path_pos) in &config.sources {
        let Some(rel) = &source.path else { continue };
        let file = &source.origin.file;
        let pos = path_pos.unwrap_or_default();
        let rel_path = Path::new(rel);
        let climbs = rel_path.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::RootDir | Component::Prefix(_)
            )
        });
        let full = root.join(rel_path);
        let escapes = climbs
            || full
                .canonicalize()
                .is_ok_and(|p| !p.starts_with(&canonical_root));
        if escapes {
            diags.push(
                Diagnostic::error("source-outside", format!("source `{}` points outside the debate folder", source.id))
                    .at(file, pos)
                    .label("path leaves the debate folder")
                    .help("copy the document into the debate folder (e.g. `sources/`) and give a relative path"),
            );
            continue;
        }
        let read = std::fs::metadata(&full).and_then(|m| {
            if !m.is_file() {
                // A FIFO or device would block the read (or never end).
                Err(std::io::Error::other("not a regular file"))
            } else if m.len() > MAX_SOURCE_BYTES {
                Err(std::io::Error::other(format!(
                    "larger than {} MB",
                    MAX_SOURCE_BYTES >> 20
                )))
            } else {
                std::fs::read(&full)
            }
        });
        match read {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    texts.insert(source.id.clone(), SourceText::new(&text));
                }
                Err(_) => diags.push(
                    Diagnostic::error("source-unreadable", format!("source `{}` is not UTF-8 text", source.id))
                        .at(file, pos)
                        .help("quotes are verified against plain UTF-8 text; convert the document to a .txt file"),
                ),
            },
            Err(e) => diags.push(
                Diagnostic::error("source-unreadable", format!("cannot read source `{}` at `{rel}`: {e}", source.id))
                    .at(file, pos)
                    .label("no readable file here")
                    .help("paths are relative to the debate folder"),
            ),
        }
    }
    texts
}

/// Checks each claim's `source` id and quote; returns each claim's quote status.
pub fn check_quotes(
    raws: &[RawClaim],
    config: &Config,
    texts: &HashMap<String, SourceText>,
    diags: &mut Diagnostics,
) -> Vec<QuoteStatus> {
    let external: HashMap<&str, bool> = config
        .sources
        .iter()
        .map(|(s, _, _)| (s.id.as_str(), s.path.is_none() && s.url.is_some()))
        .collect();
    let known: HashMap<&str, bool> = config
        .sources
        .iter()
        .map(|(s, _, _)| (s.id.as_str(), s.path.is_some()))
        .collect();
    // Matching quotes is the costly part on big debates and each is independent: do it on
    // every core first, then report in claim order.
    let matches = match_all(raws, &known, texts);
    raws.iter()
        .zip(matches)
        .map(|(c, found)| {
            let Some(source) = &c.source else {
                if c.kind == Kind::Evidence {
                    diags.push(
                        Diagnostic::warning("evidence-without-source", format!("evidence `{}` names no source", c.id.value))
                            .at(&c.file, c.id.pos)
                            .help("add `source:` (an id from claimmap.yaml), `locator:` and a verbatim `quote:`"),
                    );
                }
                return if c.quote.is_some() { QuoteStatus::Unverifiable } else { QuoteStatus::None };
            };
            let Some(&local) = known.get(source.value.as_str()) else {
                let help = match did_you_mean(&source.value, known.keys().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None if known.is_empty() => "declare it under `sources:` in claimmap.yaml".to_string(),
                    None => format!("declare it in claimmap.yaml; known sources: {}", sorted_keys(&known)),
                };
                diags.push(
                    Diagnostic::error("unknown-source", format!("unknown source `{}`", source.value))
                        .at(&c.file, source.pos)
                        .label("not declared in claimmap.yaml")
                        .help(help),
                );
                return QuoteStatus::None;
            };
            let Some(quote) = &c.quote else {
                if c.kind == Kind::Evidence {
                    diags.push(
                        Diagnostic::warning("evidence-without-quote", format!("evidence `{}` has no quote", c.id.value))
                            .at(&c.file, c.id.pos)
                            .help("add `quote:` with the exact words from the source, so readers can check them"),
                    );
                }
                return QuoteStatus::None;
            };
            let Some(text) = texts.get(&source.value).filter(|_| local) else {
                diags.push(
                    Diagnostic::warning("unverifiable-quote", format!("the quote of `{}` cannot be checked", c.id.value))
                        .at(&c.file, quote.pos)
                        .label(if external.get(source.value.as_str()) == Some(&true) {
                            format!("source `{}` is only a URL", source.value)
                        } else {
                            format!("source `{}` has no readable local text", source.value)
                        })
                        .help("add a local copy of the source (`path:` in claimmap.yaml) to verify quotes"),
                );
                return QuoteStatus::Unverifiable;
            };
            match found.unwrap_or_else(|| find_quote(text, &quote.value)) {
                QuoteMatch::Found { line, .. } => QuoteStatus::Verified { line },
                QuoteMatch::NotFound { .. } if quote.value.trim().is_empty() => {
                    diags.push(
                        Diagnostic::error("quote-not-found", format!("the quote of `{}` is empty", c.id.value))
                            .at(&c.file, quote.pos)
                            .help("copy the exact words from the source, or remove `quote:`"),
                    );
                    QuoteStatus::NotFound
                }
                QuoteMatch::NotFound { closest } => {
                    let mut d = Diagnostic::error("quote-not-found", format!("the quote of `{}` is not in source `{}`", c.id.value, source.value))
                        .at(&c.file, quote.pos)
                        .label("not found verbatim (after normalising Unicode and white space)");
                    d = match closest {
                        Some(cl) => d.help(format!(
                            "the closest passage (line {} of the source, {:.0}% similar) is: «{}»",
                            cl.line,
                            cl.similarity * 100.0,
                            crate::quotes::normalise(&cl.passage)
                        )),
                        None => d.help("copy the words exactly from the source document"),
                    };
                    diags.push(d);
                    QuoteStatus::NotFound
                }
                QuoteMatch::NotSearched => {
                    diags.push(
                        Diagnostic::error("quote-not-found", format!("the quote of `{}` is not in source `{}`", c.id.value, source.value))
                            .at(&c.file, quote.pos)
                            .label("not found verbatim (after normalising Unicode and white space)")
                            .help(format!(
                                "copy the words exactly from the source document; no closest passage was looked for, because the search for them (at most {DEFAULT_SEARCH_BUDGET} characters compared in one run) was spent on the quotes not found before this one: fix those first"
                            )),
                    );
                    QuoteStatus::NotFound
                }
            }
        })
        .collect()
}

/// The quote match of every claim with a quote from a local source, `None` for the others.
/// Quotes are grouped by source and each group is matched in one pass over the source
/// ([`find_quotes_within`]), split across the cores when it is big. Closest passages for the
/// quotes not found are then looked for in file order, each distinct quote of a source once,
/// while the run's [`SearchBudget`] lasts; deciding which in one sequential pass keeps the
/// diagnostics the same from run to run whatever the threads do.
fn match_all(
    raws: &[RawClaim],
    known: &HashMap<&str, bool>,
    texts: &HashMap<String, SourceText>,
) -> Vec<Option<QuoteMatch>> {
    let mut groups: HashMap<&str, Vec<(usize, &str)>> = HashMap::new();
    for (i, c) in raws.iter().enumerate() {
        let (Some(source), Some(quote)) = (&c.source, &c.quote) else {
            continue;
        };
        if known.get(source.value.as_str()) == Some(&true) && texts.contains_key(&source.value) {
            groups
                .entry(source.value.as_str())
                .or_default()
                .push((i, quote.value.as_str()));
        }
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut out: Vec<Option<QuoteMatch>> = vec![None; raws.len()];
    let mut source_of: Vec<Option<&str>> = vec![None; raws.len()];
    let nothing = SearchBudget::new(0);
    for (source, group) in groups {
        let text = &texts[source];
        let quotes: Vec<&str> = group.iter().map(|&(_, q)| q).collect();
        // One automaton per part: a big group is split across the cores.
        let chunk = quotes.len().div_ceil(threads).max(2_000);
        let parts: Vec<&[&str]> = quotes.chunks(chunk).collect();
        let matches: Vec<QuoteMatch> =
            crate::par::map(&parts, 2, |part| find_quotes_within(text, part, &nothing))
                .into_iter()
                .flatten()
                .collect();
        for ((i, _), m) in group.into_iter().zip(matches) {
            out[i] = Some(m);
            source_of[i] = Some(source);
        }
    }
    // Which quotes not found get a closest passage: in file order, until the budget is spent.
    let budget = SearchBudget::new(DEFAULT_SEARCH_BUDGET);
    let mut first_of: HashMap<(&str, String), usize> = HashMap::new();
    let mut jobs: Vec<usize> = Vec::new();
    let mut same_as: Vec<(usize, usize)> = Vec::new();
    for (i, m) in out.iter().enumerate() {
        let (Some(QuoteMatch::NotSearched), Some(source)) = (m, source_of[i]) else {
            continue;
        };
        let quote = raws[i].quote.as_ref().map_or("", |q| q.value.as_str());
        let key = (source, crate::quotes::normalise(quote));
        if let Some(&j) = first_of.get(&key) {
            same_as.push((i, j));
        } else if budget.take(texts[source].closest_cost(&key.1)) {
            first_of.insert(key, i);
            jobs.push(i);
        }
    }
    let found: Vec<QuoteMatch> = crate::par::map(&jobs, 2, |&i| {
        let quote = raws[i].quote.as_ref().map_or("", |q| q.value.as_str());
        let source = source_of[i].unwrap_or_default();
        closest_passage(&texts[source], quote)
    });
    for (&i, m) in jobs.iter().zip(found) {
        out[i] = Some(m);
    }
    for (i, j) in same_as {
        out[i] = out[j].clone();
    }
    out
}

fn sorted_keys(known: &HashMap<&str, bool>) -> String {
    let mut keys: Vec<&str> = known.keys().copied().collect();
    keys.sort_unstable();
    keys.join(", ")
}
