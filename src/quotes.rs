//! Quote verification: does an evidence quote appear verbatim in its source
//! document, and if it does not, which passage of the source is closest?
//!
//! Claims in an argument map cite evidence as quotes from a source text. Source
//! texts copied from the web carry no-break spaces, doubled spaces, hard line
//! breaks and characters in either composed (NFC) or decomposed (NFD) form, none
//! of which a reader can see. Both sides are therefore compared in a normalised
//! form (see [`normalise`]) that folds only white space and Unicode canonical
//! equivalence. Everything else (punctuation, curly versus straight quotes,
//! zero-width joiners, letter case) must match exactly, because a quote that
//! differs in those is not verbatim.
//!
//! A match must also start and end on grapheme cluster boundaries: a quote that
//! ends with half a cluster (a consonant whose vowel sign or nukta was dropped)
//! quotes a different letter, not the source.
//!
//! Results point back into the *original* text (byte range, line, column), so
//! the CLI can show the user exactly where a quote is, or which passage they
//! probably meant when the quote does not match.

use std::collections::HashMap;

mod budget;
pub use budget::{DEFAULT_SEARCH_BUDGET, SearchBudget};

use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_segmentation::UnicodeSegmentation;

/// Quotes longer than this (in chars) are compared by their prefix only when
/// looking for the closest passage, so a pasted chapter cannot stall the CLI.
const MAX_COMPARE_CHARS: usize = 2000;

/// Up to this quote length (in chars) the candidate passages are ranked by
/// edit distance; longer quotes use the bigram score alone (edit distance is
/// quadratic in the length).
const MAX_EDIT_CHARS: usize = 400;

/// How many passages, chosen by the cheap bigram score, get the edit-distance
/// comparison.
const CANDIDATES: usize = 6;

/// Below this similarity a passage is not worth showing.
const MIN_SIMILARITY: f64 = 0.3;

/// Marks a source bigram that does not occur in the quote.
const NOT_IN_QUOTE: usize = usize::MAX;

/// One piece of the normalised text and the stretch of the original it came
/// from. Pieces are either a run of white space (normalised to one space) or a
/// run of characters that NFC can only ever change as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Chunk {
    /// Byte offset of the piece in the normalised text.
    norm_start: usize,
    /// Byte range of the piece in the original text.
    orig_start: usize,
    orig_end: usize,
}

/// A source document prepared for quote lookup: the normalised text plus a map
/// back to the original.
///
/// Building it once per document lets many quotes be checked against the same
/// source without normalising or indexing it again.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceText {
    original: String,
    normalised: String,
    /// Pieces of `normalised` in order, with their origin in `original`.
    chunks: Vec<Chunk>,
    /// Byte offset in `original` where each line starts (first is 0).
    line_starts: Vec<usize>,
    /// For each byte offset of `normalised` (and its end): a grapheme boundary?
    grapheme_boundary: Vec<bool>,
    /// Byte offset in `normalised` of each char, plus the total length.
    char_bytes: Vec<usize>,
    /// For each char index of `normalised`: does a word start there?
    word_start: Vec<bool>,
    /// Char indices of `normalised` where a word (or punctuation) ends, sorted.
    word_ends: Vec<usize>,
    /// Id of the char bigram starting at each char index of `normalised`.
    bigrams: Vec<usize>,
    /// Bigram ids, so a quote's bigrams can be looked up in the source.
    bigram_ids: HashMap<(char, char), usize>,
}

impl SourceText {
    /// Normalises and indexes `original` so quotes can be looked up in it and
    /// matches mapped back to the original's byte offsets, lines and columns.
    pub fn new(original: &str) -> SourceText {
        let (normalised, chunks) = normalise_mapped(original);

        let mut grapheme_boundary = vec![false; normalised.len() + 1];
        for (b, _) in normalised.grapheme_indices(true) {
            grapheme_boundary[b] = true;
        }
        grapheme_boundary[normalised.len()] = true;

        let mut char_bytes: Vec<usize> = normalised.char_indices().map(|(b, _)| b).collect();
        char_bytes.push(normalised.len());
        let n = char_bytes.len() - 1;

        let mut word_start = vec![false; n];
        let mut word_ends = Vec::new();
        let mut ci = 0;
        for word in normalised.split_word_bounds() {
            let len = word.chars().count();
            if let Some(lead) = word.chars().position(|c| !c.is_whitespace()) {
                word_start[ci + lead] = true;
                word_ends.push(ci + len);
            }
            ci += len;
        }

        let mut bigram_ids = HashMap::new();
        let chars: Vec<char> = normalised.chars().collect();
        let bigrams = chars
            .windows(2)
            .map(|w| {
                let next = bigram_ids.len();
                *bigram_ids.entry((w[0], w[1])).or_insert(next)
            })
            .collect();

        SourceText {
            line_starts: line_starts(original),
            original: original.to_string(),
            normalised,
            chunks,
            grapheme_boundary,
            char_bytes,
            word_start,
            word_ends,
            bigrams,
            bigram_ids,
        }
    }

    /// The normalised text (for tests/debugging).
    pub fn normalised(&self) -> &str {
        &self.normalised
    }

    /// The original text, which the byte ranges in [`QuoteMatch::Found`] index.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// Number of chars in the normalised text.
    fn char_len(&self) -> usize {
        self.char_bytes.len() - 1
    }

    /// Finds the first occurrence of an already normalised, non-empty quote
    /// whose ends lie on grapheme boundaries; returns its normalised byte range.
    fn find_normalised(&self, quote: &str) -> Option<(usize, usize)> {
        let hay = self.normalised.as_str();
        let mut from = 0;
        while let Some(rel) = hay.get(from..).and_then(|rest| rest.find(quote)) {
            let start = from + rel;
            let end = start + quote.len();
            if self.clean_start(start) && self.clean_end(end) {
                return Some((start, end));
            }
            // Overlapping occurrences are possible: retry one char further on.
            from = start + hay[start..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }

    /// A match may start at a grapheme boundary, or right after a space (the
    /// quote was trimmed, so a mark that followed white space can lead it).
    fn clean_start(&self, at: usize) -> bool {
        self.grapheme_boundary.get(at).copied().unwrap_or(false)
            || (at > 0 && self.normalised.as_bytes().get(at - 1) == Some(&b' '))
    }

    /// A match may end at a grapheme boundary, or right before a space.
    fn clean_end(&self, at: usize) -> bool {
        self.grapheme_boundary.get(at).copied().unwrap_or(false)
            || self.normalised.as_bytes().get(at) == Some(&b' ')
    }

    /// Maps a non-empty byte range of the normalised text to the smallest
    /// range of the original that produces it (widened to whole pieces when
    /// the range starts or ends inside a piece that NFC changed).
    fn original_range(&self, norm_start: usize, norm_end: usize) -> (usize, usize) {
        let first = self
            .chunks
            .partition_point(|c| c.norm_start <= norm_start)
            .saturating_sub(1);
        let last = self
            .chunks
            .partition_point(|c| c.norm_start < norm_end)
            .saturating_sub(1);
        let start = self.chunks.get(first).map_or(0, |c| c.orig_start);
        let end = self.chunks.get(last).map_or(start, |c| c.orig_end);
        (start, end.max(start))
    }

    /// 1-based line and 1-based column (in chars) of a byte offset of the
    /// original text.
    fn line_col(&self, at: usize) -> (usize, usize) {
        let idx = self
            .line_starts
            .partition_point(|&ls| ls <= at)
            .saturating_sub(1);
        let line_start = self.line_starts.get(idx).copied().unwrap_or(0);
        let column = self
            .original
            .get(line_start..at)
            .map_or(0, |s| s.chars().count());
        (idx + 1, column + 1)
    }

    /// What looking for the closest passage to `quote` (normalised) costs, in the units of
    /// [`SearchBudget`].
    pub fn closest_cost(&self, quote: &str) -> u64 {
        budget::cost(
            self.char_len(),
            quote.chars().take(MAX_COMPARE_CHARS).count(),
            MAX_EDIT_CHARS,
            CANDIDATES,
        )
    }

    /// Finds the passage of the source most similar to a normalised quote.
    fn closest(&self, quote: &str) -> Option<Closest> {
        let q: Vec<char> = quote.chars().take(MAX_COMPARE_CHARS).collect();
        let m = q.len();
        if m < 2 || self.char_len() == 0 {
            return None;
        }
        let mut best: Option<(f64, usize, usize)> = None;
        for (dice, start) in self.bigram_candidates(&q) {
            let (similarity, end) = if m <= MAX_EDIT_CHARS {
                self.best_end_by_edits(&q, start)
            } else {
                (dice, self.nearest_word_end(start, start + m))
            };
            if best.is_none_or(|(s, b, _)| similarity > s || (similarity == s && start < b)) {
                best = Some((similarity, start, end));
            }
        }
        let (similarity, start, end) = best?;
        if similarity.is_nan() || similarity < MIN_SIMILARITY || end <= start {
            return None;
        }
        let (os, oe) = self.original_range(self.char_bytes[start], self.char_bytes[end]);
        Some(Closest {
            passage: self.original.get(os..oe).unwrap_or_default().to_string(),
            line: self.line_col(os).0,
            similarity: similarity.clamp(0.0, 1.0),
        })
    }

    /// Slides a window of the quote's length over the source and scores the
    /// windows that start at a word by char-bigram Dice coefficient, in time
    /// linear in the source length. Returns the best few (score, start char).
    fn bigram_candidates(&self, q: &[char]) -> Vec<(f64, usize)> {
        let n = self.char_len();
        let m = q.len();
        let mut local = vec![NOT_IN_QUOTE; self.bigram_ids.len()];
        let mut want: Vec<usize> = Vec::new();
        for w in q.windows(2) {
            if let Some(&id) = self.bigram_ids.get(&(w[0], w[1])) {
                if local[id] == NOT_IN_QUOTE {
                    local[id] = want.len();
                    want.push(0);
                }
                want[local[id]] += 1;
            }
        }
        let mut window = BigramWindow {
            have: vec![0; want.len()],
            want,
            shared: 0,
        };
        let quote_bigrams = (m - 1) as f64;
        let span = m - 1;
        let total = self.bigrams.len();
        let mut hi = span.min(total);
        for &id in &self.bigrams[..hi] {
            window.add(local[id]);
        }
        let mut top: Vec<(f64, usize)> = Vec::with_capacity(CANDIDATES + 1);
        for i in 0..n {
            if i > 0 {
                if i - 1 < hi {
                    window.remove(local[self.bigrams[i - 1]]);
                }
                let new_hi = (i + span).min(total);
                while hi < new_hi {
                    window.add(local[self.bigrams[hi]]);
                    hi += 1;
                }
            }
            if !self.word_start[i] {
                continue;
            }
            let window_bigrams = hi.saturating_sub(i) as f64;
            let dice = 2.0 * window.shared as f64 / (quote_bigrams + window_bigrams);
            if top.len() < CANDIDATES || top.last().is_some_and(|&(d, _)| dice > d) {
                top.push((dice, i));
                // Stable sort: on equal scores the earlier passage stays first.
                top.sort_by(|a, b| b.0.total_cmp(&a.0));
                top.truncate(CANDIDATES);
            }
        }
        top
    }

    /// For a passage starting at char `start`, picks the word end that makes
    /// it most similar to the quote (normalised Levenshtein similarity) and
    /// returns (similarity, end char). One dynamic-programming pass over the
    /// longest allowed passage gives the distance for every possible end.
    fn best_end_by_edits(&self, q: &[char], start: usize) -> (f64, usize) {
        let m = q.len();
        let limit = start + (m + m / 3 + 1).min(self.char_len() - start);
        let lo = self.word_ends.partition_point(|&e| e <= start);
        let hi = self.word_ends.partition_point(|&e| e <= limit);
        let fallback;
        let ends = if lo < hi {
            &self.word_ends[lo..hi]
        } else {
            fallback = [self.snap_to_grapheme(start, limit)];
            &fallback[..]
        };
        let longest = ends.iter().copied().max().unwrap_or(limit);
        let passage: Vec<char> = self.normalised[self.char_bytes[start]..self.char_bytes[longest]]
            .chars()
            .collect();
        // row[j] = edit distance between the quote so far and passage[..j].
        let mut row: Vec<usize> = (0..=passage.len()).collect();
        for (i, &qc) in q.iter().enumerate() {
            let mut diagonal = row[0];
            row[0] = i + 1;
            for j in 1..=passage.len() {
                let above = row[j];
                let substitution = diagonal + usize::from(passage[j - 1] != qc);
                row[j] = substitution.min(above + 1).min(row[j - 1] + 1);
                diagonal = above;
            }
        }
        let mut best = (f64::NEG_INFINITY, longest);
        for &end in ends {
            let len = end - start;
            let similarity = 1.0 - row[len] as f64 / m.max(len) as f64;
            if similarity > best.0 {
                best = (similarity, end);
            }
        }
        best
    }

    /// The word end after `start` nearest to char index `target`.
    fn nearest_word_end(&self, start: usize, target: usize) -> usize {
        let target = target.min(self.char_len());
        let i = self.word_ends.partition_point(|&e| e < target);
        let after = self.word_ends.get(i).copied();
        let before = i
            .checked_sub(1)
            .and_then(|j| self.word_ends.get(j).copied())
            .filter(|&e| e > start);
        match (before, after) {
            (Some(b), Some(a)) => {
                if target - b <= a - target {
                    b
                } else {
                    a
                }
            }
            (Some(e), None) | (None, Some(e)) => e,
            (None, None) => self.snap_to_grapheme(start, target),
        }
    }

    /// Moves char index `end` (> `start`) back to a grapheme boundary, or
    /// forward if there is none after `start`.
    fn snap_to_grapheme(&self, start: usize, end: usize) -> usize {
        let n = self.char_len();
        let end = end.min(n);
        let is_boundary = |c: usize| self.grapheme_boundary[self.char_bytes[c]];
        (start + 1..=end)
            .rev()
            .find(|&c| is_boundary(c))
            .or_else(|| (end + 1..=n).find(|&c| is_boundary(c)))
            .unwrap_or(n)
    }
}

/// Running count of the bigrams a window shares with the quote (as a
/// multiset intersection), updated in constant time per added/removed bigram.
struct BigramWindow {
    have: Vec<usize>,
    want: Vec<usize>,
    shared: usize,
}

impl BigramWindow {
    fn add(&mut self, local: usize) {
        if local != NOT_IN_QUOTE {
            if self.have[local] < self.want[local] {
                self.shared += 1;
            }
            self.have[local] += 1;
        }
    }

    fn remove(&mut self, local: usize) {
        if local != NOT_IN_QUOTE && self.have[local] > 0 {
            self.have[local] -= 1;
            if self.have[local] < self.want[local] {
                self.shared -= 1;
            }
        }
    }
}

/// Normalises text for quote comparison, so that differences a reader cannot
/// see do not make a verbatim quote fail.
///
/// Exactly two things are normalised:
/// - Unicode NFC (canonical composition), so NFD and NFC spellings of the
///   same text match (e.g. Bengali "ড়" U+09DC and U+09A1 U+09BC);
/// - white space: every run of Unicode `White_Space` characters (including
///   line breaks, tabs, U+00A0 no-break space and U+202F narrow no-break
///   space) becomes one ASCII space, and leading/trailing white space is
///   removed.
///
/// Nothing else is folded: curly and straight quotes differ, letter case
/// differs, and zero-width joiners/non-joiners (U+200D, U+200C) are kept
/// because they change how Bengali and other scripts are written.
pub fn normalise(s: &str) -> String {
    normalise_mapped(s).0
}

/// The outcome of looking a quote up in a source text.
#[derive(Debug, Clone, PartialEq)]
pub enum QuoteMatch {
    /// Found: the byte range in the ORIGINAL source text and its 1-based line and column (column counted in chars).
    Found {
        /// Byte offset in the original text where the quoted passage starts.
        start: usize,
        /// Byte offset in the original text where the quoted passage ends (exclusive).
        end: usize,
        /// 1-based line of `start`.
        line: usize,
        /// 1-based column of `start`, counted in chars.
        column: usize,
    },
    /// Not found: the closest passage of the original source (trimmed to about the quote's length, on grapheme/word boundaries), its 1-based line, and a similarity in \[0, 1\].
    NotFound {
        /// The most similar passage, or `None` if the quote is empty or
        /// nothing in the source is similar enough to be worth showing.
        closest: Option<Closest>,
    },
    /// Not found, and no closest passage was looked for: the run's [`SearchBudget`] for
    /// closest-passage searches was spent on the quotes not found before this one.
    NotSearched,
}

/// The passage of a source most similar to a quote that was not found, so the
/// user can see what they probably meant to quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Closest {
    /// The passage as it appears in the original source text.
    pub passage: String,
    /// 1-based line of the original text on which the passage starts.
    pub line: usize,
    /// Similarity to the quote in \[0, 1\] (1 = identical after normalisation):
    /// normalised Levenshtein similarity, or for very long quotes a
    /// char-bigram Dice coefficient.
    pub similarity: f64,
}

/// Looks `quote` up in `source`, comparing both in normalised form (see
/// [`normalise`]); if it is not there verbatim, returns the closest passage.
///
/// This is the check behind every evidence quote in an argument map: a found
/// quote is reported with its position in the original text, a missing one
/// with the passage the author most likely meant.
pub fn find_quote(source: &SourceText, quote: &str) -> QuoteMatch {
    let quote = normalise(quote);
    if quote.is_empty() {
        return QuoteMatch::NotFound { closest: None };
    }
    match source.find_normalised(&quote) {
        Some((ns, ne)) => found_at(source, ns, ne),
        None => QuoteMatch::NotFound {
            closest: source.closest(&quote),
        },
    }
}

/// [`find_quote`] for many quotes of one source at once: one pass of an Aho-Corasick
/// automaton over the normalised source finds every quote, instead of one scan of the source
/// per quote (which made quote checking the largest cost of `check` on big debates). Each
/// quote gets exactly the answer `find_quote` gives it: its first occurrence whose ends lie
/// on grapheme boundaries, else the closest passage.
pub fn find_quotes(source: &SourceText, quotes: &[&str]) -> Vec<QuoteMatch> {
    find_quotes_within(source, quotes, &SearchBudget::unlimited())
}

/// [`find_quotes`], looking for the closest passage of a quote that is not found only while
/// `budget` lasts ([`QuoteMatch::NotSearched`] after), and once per distinct quote.
pub fn find_quotes_within(
    source: &SourceText,
    quotes: &[&str],
    budget: &SearchBudget,
) -> Vec<QuoteMatch> {
    let normalised: Vec<String> = quotes.iter().map(|q| normalise(q)).collect();
    let mut first: Vec<Option<(usize, usize)>> = vec![None; quotes.len()];
    // Patterns are the distinct non-empty quotes; `owners[p]` are the quotes of pattern `p`.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut patterns: Vec<&str> = Vec::new();
    let mut owners: Vec<Vec<usize>> = Vec::new();
    for (k, q) in normalised.iter().enumerate() {
        if q.is_empty() {
            continue;
        }
        let p = *ids.entry(q.as_str()).or_insert_with(|| {
            patterns.push(q);
            owners.push(Vec::new());
            patterns.len() - 1
        });
        owners[p].push(k);
    }
    let automaton = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(&patterns);
    match automaton {
        Ok(ac) => {
            let mut open = patterns.len();
            let mut found = vec![false; patterns.len()];
            // Overlapping matches come in order of their end; for one pattern (one length)
            // that is also the order of their start, so the first clean one is the first.
            for m in ac.find_overlapping_iter(source.normalised.as_str()) {
                let p = m.pattern().as_usize();
                if found[p] || !(source.clean_start(m.start()) && source.clean_end(m.end())) {
                    continue;
                }
                found[p] = true;
                for &k in &owners[p] {
                    first[k] = Some((m.start(), m.end()));
                }
                open -= 1;
                if open == 0 {
                    break;
                }
            }
        }
        // Too many or too long patterns for the automaton: one scan per quote instead.
        Err(_) => {
            for (k, q) in normalised.iter().enumerate() {
                if !q.is_empty() {
                    first[k] = source.find_normalised(q);
                }
            }
        }
    }
    // The same quote not found twice gets the same answer without a second search.
    let mut searched: HashMap<&str, QuoteMatch> = HashMap::new();
    normalised
        .iter()
        .zip(first)
        .map(|(q, at)| match at {
            Some((ns, ne)) => found_at(source, ns, ne),
            None if q.is_empty() => QuoteMatch::NotFound { closest: None },
            None => searched
                .entry(q.as_str())
                .or_insert_with(|| {
                    if budget.take(source.closest_cost(q)) {
                        QuoteMatch::NotFound {
                            closest: source.closest(q),
                        }
                    } else {
                        QuoteMatch::NotSearched
                    }
                })
                .clone(),
        })
        .collect()
}

/// The closest passage to a quote known not to be in `source` (as [`find_quote`] would
/// report it, without looking for the quote itself again).
pub fn closest_passage(source: &SourceText, quote: &str) -> QuoteMatch {
    let quote = normalise(quote);
    QuoteMatch::NotFound {
        closest: if quote.is_empty() {
            None
        } else {
            source.closest(&quote)
        },
    }
}

/// The match for a normalised byte range, mapped back to the original text.
fn found_at(source: &SourceText, ns: usize, ne: usize) -> QuoteMatch {
    let (start, end) = source.original_range(ns, ne);
    let (line, column) = source.line_col(start);
    QuoteMatch::Found {
        start,
        end,
        line,
        column,
    }
}

/// Normalises `s` (see [`normalise`]) and records, piece by piece, where each
/// part of the result came from in `s`.
///
/// White space is collapsed by hand. The rest is split into pieces at points
/// where NFC can neither compose nor reorder across (before a starter that
/// never combines with what precedes it), and each piece is NFC-normalised on
/// its own; concatenating the pieces gives the NFC of the whole.
fn normalise_mapped(s: &str) -> (String, Vec<Chunk>) {
    let mut out = String::with_capacity(s.len());
    let mut chunks = Vec::new();
    let mut piece = String::new();
    let mut piece_start = 0;
    let mut white: Option<(usize, usize)> = None;

    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        if c.is_whitespace() {
            flush_piece(&mut piece, piece_start, &mut out, &mut chunks);
            white = Some(white.map_or((i, end), |(a, _)| (a, end)));
            continue;
        }
        if let Some((a, b)) = white.take() {
            // Leading white space (nothing emitted yet) is dropped.
            if !out.is_empty() {
                chunks.push(Chunk {
                    norm_start: out.len(),
                    orig_start: a,
                    orig_end: b,
                });
                out.push(' ');
            }
        }
        if !piece.is_empty() && composition_boundary_before(c) {
            flush_piece(&mut piece, piece_start, &mut out, &mut chunks);
        }
        if piece.is_empty() {
            piece_start = i;
        }
        piece.push(c);
    }
    // Trailing white space is dropped.
    flush_piece(&mut piece, piece_start, &mut out, &mut chunks);
    (out, chunks)
}

/// Appends the NFC form of a pending piece of text (which started at
/// `piece_start` in the original) to `out` and records it as a chunk.
fn flush_piece(piece: &mut String, piece_start: usize, out: &mut String, chunks: &mut Vec<Chunk>) {
    if piece.is_empty() {
        return;
    }
    chunks.push(Chunk {
        norm_start: out.len(),
        orig_start: piece_start,
        orig_end: piece_start + piece.len(),
    });
    if is_nfc_quick(piece.chars()) == IsNormalized::Yes {
        out.push_str(piece);
    } else {
        out.extend(piece.nfc());
    }
    piece.clear();
}

/// True if NFC can never compose or reorder across the point just before `c`:
/// `c` (after canonical decomposition) starts with a starter that is never
/// the second element of a composition.
fn composition_boundary_before(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    if canonical_combining_class(c) != 0 {
        return false;
    }
    let mut first = None;
    decompose_canonical(c, |d| {
        first.get_or_insert(d);
    });
    let first = first.unwrap_or(c);
    canonical_combining_class(first) == 0
        && is_nfc_quick(std::iter::once(first)) != IsNormalized::Maybe
}

/// Byte offsets at which lines start; lines end at "\n", "\r\n" or a lone "\r".
fn line_starts(s: &str) -> Vec<usize> {
    let bytes = s.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        let breaks = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if breaks {
            starts.push(i + 1);
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences from the demo essay (november-revolution.bn.txt), verbatim,
    /// including its no-break spaces (written as \u{a0}) and its curly quotes
    /// (which the essay uses reversed: ” … “).
    const EXCERPT: &str = "অথচ লেনিনের পরেই যিনি বলশেভিক পার্টির কেন্দ্রীয়\u{a0} কমিটির সর্বাধিক গুরুত্বপূর্ণ\u{a0} সদস্য গ্রেগরি জিনোভিয়ভ এবং বলশেভিক নেতা লেভ কামেনেভ কিন্তু বিপ্লবের মাধ্যমে অস্থায়ী সরকারকে উৎখাত করার বিরোধী ছিলেন।\n\
\n\
লেনিনের ” শান্তি জমি ও রুটি “র শ্লোগান তাঁদের কাছে ভীতিপ্রদ ছিল।\n\
\n\
লিও ট্রটস্কি\u{a0}\n\
\n\
সোভিয়েত কংগ্রেসের অধিবেশনে প্রথম ঐতিহাসিক ভাষণে লেনিন বলেছিলেন,”\u{a0}৬ ও ৭ ই নভেম্বরের বিপ্লব সামাজিক নবযুগ সূচনা\u{a0} করেছে।";

    fn found(source: &SourceText, quote: &str) -> (usize, usize, usize, usize) {
        match find_quote(source, quote) {
            QuoteMatch::Found {
                start,
                end,
                line,
                column,
            } => (start, end, line, column),
            other => panic!("{quote:?} not found: {other:?}"),
        }
    }

    fn closest(source: &SourceText, quote: &str) -> Option<Closest> {
        match find_quote(source, quote) {
            QuoteMatch::NotFound { closest } => closest,
            other => panic!("{quote:?} unexpectedly found: {other:?}"),
        }
    }

    #[test]
    fn normalise_folds_only_white_space_and_nfc() {
        assert_eq!(normalise("  a\u{a0}\u{202f}b\r\n\tc \n"), "a b c");
        assert_eq!(normalise("a\u{2028}\u{3000}b"), "a b");
        assert_eq!(normalise("“x” \"y\""), "“x” \"y\"");
        assert_eq!(normalise("ক\u{200d}ষ\u{200c}"), "ক\u{200d}ষ\u{200c}");
        assert_eq!(normalise("e\u{301}"), "\u{e9}");
        assert_eq!(normalise("\u{9c7}\u{9be}"), "\u{9cb}");
        assert_eq!(normalise(""), "");
        assert_eq!(normalise(" \u{a0}\n"), "");
        assert_eq!(normalise("\u{301}"), "\u{301}");
        let source = SourceText::new(EXCERPT);
        assert_eq!(source.normalised(), normalise(EXCERPT));
        assert_eq!(source.original(), EXCERPT);
    }

    #[test]
    fn exact_quote_is_found() {
        let source = SourceText::new(EXCERPT);
        let quote = "বলশেভিক নেতা লেভ কামেনেভ";
        let (start, end, line, column) = found(&source, quote);
        assert_eq!(&EXCERPT[start..end], quote);
        assert_eq!(line, 1);
        let before = &EXCERPT[..start];
        assert_eq!(column, before.chars().count() + 1);
    }

    #[test]
    fn quote_across_line_break_is_found() {
        let source = SourceText::new("first line ends here\r\nand goes on\n\nhere.");
        let (start, end, line, column) = found(&source, "ends here and goes on here.");
        assert_eq!(
            &source.original()[start..end],
            "ends here\r\nand goes on\n\nhere."
        );
        assert_eq!((line, column), (1, 12));

        let source = SourceText::new(EXCERPT);
        let (start, end, ..) = found(&source, "বিরোধী ছিলেন। লেনিনের ” শান্তি");
        assert!(EXCERPT[start..end].contains("\n\n"));
    }

    #[test]
    fn no_break_space_in_source_matches_plain_space_in_quote() {
        let source = SourceText::new(EXCERPT);
        let (start, end, ..) = found(&source, "কেন্দ্রীয় কমিটির সর্বাধিক গুরুত্বপূর্ণ সদস্য");
        assert_eq!(
            &EXCERPT[start..end],
            "কেন্দ্রীয়\u{a0} কমিটির সর্বাধিক গুরুত্বপূর্ণ\u{a0} সদস্য"
        );
        let (start, end, ..) = found(&source, "বলেছিলেন,” ৬ ও ৭");
        assert_eq!(&EXCERPT[start..end], "বলেছিলেন,”\u{a0}৬ ও ৭");
    }

    #[test]
    fn no_break_space_in_quote_matches_plain_space_in_source() {
        let source = SourceText::new("the quick brown fox");
        let (start, end, ..) = found(&source, "quick\u{a0}brown\u{202f}fox");
        assert_eq!(&source.original()[start..end], "quick brown fox");
    }

    #[test]
    fn doubled_spaces_match_single_spaces_both_ways() {
        let source = SourceText::new("one  two   three\t four");
        let (start, end, ..) = found(&source, "two three four");
        assert_eq!(&source.original()[start..end], "two   three\t four");
        let source = SourceText::new("one two three");
        found(&source, "  one  two \n three ");
    }

    #[test]
    fn curly_quotes_must_match_exactly() {
        let source = SourceText::new(EXCERPT);
        let curly = "লেনিনের ” শান্তি জমি ও রুটি “র শ্লোগান";
        let (start, end, line, _) = found(&source, curly);
        assert_eq!(&EXCERPT[start..end], curly);
        assert_eq!(line, 3);

        let straight = "লেনিনের \" শান্তি জমি ও রুটি \"র শ্লোগান";
        let near = closest(&source, straight).expect("a closest passage");
        assert_eq!(near.line, 3);
        assert!(near.passage.contains("” শান্তি জমি ও রুটি “র"), "{near:?}");
        assert!(near.similarity > 0.8 && near.similarity < 1.0, "{near:?}");
    }

    #[test]
    fn nfd_and_nfc_bengali_match() {
        // "ড়" as U+09DC (which NFC decomposes) and as U+09A1 U+09BC.
        let precomposed = "বড\u{9bc} ঘর";
        let decomposed = "ব\u{9dc} ঘর";
        let source = SourceText::new(&format!("এই {precomposed} সেই"));
        let (start, end, ..) = found(&source, decomposed);
        assert_eq!(&source.original()[start..end], precomposed);
        let source = SourceText::new(&format!("এই {decomposed} সেই"));
        let (start, end, ..) = found(&source, precomposed);
        assert_eq!(&source.original()[start..end], decomposed);

        // "ো" as U+09CB and as U+09C7 U+09BE.
        let source = SourceText::new("আলো ছায়া");
        let (start, end, ..) = found(&source, "আল\u{9c7}\u{9be}");
        assert_eq!(&source.original()[start..end], "আলো");
        let source = SourceText::new("আল\u{9c7}\u{9be} ছায়া");
        let (start, end, line, column) = found(&source, "ছায়া");
        assert_eq!(&source.original()[start..end], "ছায়া");
        assert_eq!((line, column), (1, 6));
    }

    #[test]
    fn line_and_column_count_chars_after_bengali() {
        let source = SourceText::new(EXCERPT);
        let (start, end, line, column) = found(&source, "শান্তি জমি ও রুটি");
        assert_eq!(&EXCERPT[start..end], "শান্তি জমি ও রুটি");
        assert_eq!(line, 3);
        // "লেনিনের ” " is 7 Bengali chars, a space, a quote mark and a space.
        assert_eq!(column, 11);

        let (_, _, line, column) = found(&source, "ট্রটস্কি");
        assert_eq!((line, column), (5, 5));
    }

    #[test]
    fn half_a_grapheme_cluster_does_not_match() {
        let source = SourceText::new("বড\u{9bc} কি");
        assert!(matches!(
            find_quote(&source, "বড"),
            QuoteMatch::NotFound { .. }
        ));
        assert!(matches!(
            find_quote(&source, "ক"),
            QuoteMatch::NotFound { .. }
        ));
        found(&source, "কি");
    }

    #[test]
    fn closest_passage_for_quote_with_one_word_changed() {
        let source = SourceText::new(EXCERPT);
        let quote = "সোভিয়েত কংগ্রেসের অধিবেশনে দ্বিতীয় ঐতিহাসিক ভাষণে লেনিন বলেছিলেন";
        let near = closest(&source, quote).expect("a closest passage");
        assert_eq!(near.line, 7);
        assert!(
            near.passage
                .starts_with("সোভিয়েত কংগ্রেসের অধিবেশনে প্রথম ঐতিহাসিক ভাষণে লেনিন বলেছিলেন"),
            "{near:?}"
        );
        assert!(near.passage.chars().count() < quote.chars().count() + 5);
        assert!(near.similarity > 0.8 && near.similarity < 1.0, "{near:?}");

        let quote = "অস্থায়ী সরকারকে উচ্ছেদ করার বিরোধী ছিলেন";
        let near = closest(&source, quote).expect("a closest passage");
        assert_eq!(near.line, 1);
        assert!(near.passage.starts_with("অস্থায়ী সরকারকে"), "{near:?}");
        assert!(near.passage.contains("বিরোধী ছিলেন"), "{near:?}");
    }

    #[test]
    fn unrelated_quote_has_no_closest_passage() {
        let source = SourceText::new(EXCERPT);
        assert_eq!(
            find_quote(&source, "The quick brown fox jumps over the lazy dog."),
            QuoteMatch::NotFound { closest: None }
        );
    }

    #[test]
    fn empty_quote_is_not_found_without_closest() {
        let source = SourceText::new(EXCERPT);
        for quote in ["", " ", "\n\u{a0}\t \u{202f}"] {
            assert_eq!(
                find_quote(&source, quote),
                QuoteMatch::NotFound { closest: None }
            );
        }
        let empty = SourceText::new("");
        assert_eq!(empty.normalised(), "");
        assert_eq!(
            find_quote(&empty, "anything"),
            QuoteMatch::NotFound { closest: None }
        );
    }

    #[test]
    fn long_quotes_are_handled() {
        let paragraph = EXCERPT.replace('\n', " ");
        let source_text = paragraph.repeat(40);
        let source = SourceText::new(&source_text);
        let quote = paragraph.repeat(3);
        found(&source, &quote);
        let altered = quote.replace("প্রথম", "দ্বিতীয়");
        let near = closest(&source, &altered).expect("a closest passage");
        assert!(near.similarity > 0.8, "{near:?}");
    }

    /// Small deterministic pseudo-random generator (no extra dependencies).
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            self.0 >> 33
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    const PIECES: &[&str] = &[
        "a",
        "b",
        "e",
        "\u{301}",
        "\u{316}",
        "\u{e9}",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\u{a0}",
        "\u{202f}",
        "ক",
        "ড",
        "ব",
        "\u{9bc}",
        "\u{9dc}",
        "\u{9c7}",
        "\u{9be}",
        "\u{9cb}",
        "\u{9cd}",
        "ত",
        "ি",
        "\u{200d}",
        "\u{200c}",
        "“",
        "”",
        "\"",
        "।",
        ",",
        "\u{1100}",
        "\u{1161}",
        "\u{11a8}",
        "\u{ac00}",
        "👩",
        "\u{1f52c}",
        "漢",
    ];

    fn random_text(rng: &mut Lcg, max_pieces: usize) -> String {
        let count = rng.below(max_pieces + 1);
        (0..count)
            .map(|_| PIECES[rng.below(PIECES.len())])
            .collect()
    }

    fn random_unicode(rng: &mut Lcg, max_chars: usize) -> String {
        let count = rng.below(max_chars + 1);
        (0..count)
            .filter_map(|_| {
                let raw = match rng.below(4) {
                    0 => rng.below(0x80) as u32,
                    1 => 0x300 + rng.below(0x70) as u32,
                    2 => 0x980 + rng.below(0x80) as u32,
                    _ => rng.below(0x11_0000) as u32,
                };
                char::from_u32(raw)
            })
            .collect()
    }

    fn check_found_range(source: &SourceText, quote: &str, result: &QuoteMatch) {
        if let QuoteMatch::Found {
            start,
            end,
            line,
            column,
        } = *result
        {
            let original = source.original();
            let slice = original.get(start..end).expect("range on char boundaries");
            assert!(normalise(slice).contains(&normalise(quote)));
            let before = &original[..start];
            let breaks = before.matches('\n').count() + before.matches('\r').count()
                - before.matches("\r\n").count();
            assert_eq!(line, breaks + 1);
            let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
            assert_eq!(column, before[line_start..].chars().count() + 1);
        }
    }

    #[test]
    fn random_texts_never_panic_and_substrings_are_found() {
        let mut rng = Lcg(0x5eed);
        for round in 0..400 {
            let text = if round % 4 == 3 {
                random_unicode(&mut rng, 60)
            } else {
                random_text(&mut rng, 60)
            };
            let source = SourceText::new(&text);
            assert_eq!(source.normalised(), normalise(&text));

            // Substrings cut on grapheme cluster boundaries must be found.
            let mut bounds: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
            bounds.push(text.len());
            for _ in 0..5 {
                let a = bounds[rng.below(bounds.len())];
                let b = bounds[rng.below(bounds.len())];
                let (a, b) = (a.min(b), a.max(b));
                let quote = &text[a..b];
                let result = find_quote(&source, quote);
                if normalise(quote).is_empty() {
                    assert_eq!(result, QuoteMatch::NotFound { closest: None });
                } else {
                    assert!(
                        matches!(result, QuoteMatch::Found { .. }),
                        "{quote:?} not found in {text:?}: {result:?}"
                    );
                }
                check_found_range(&source, quote, &result);
            }

            // Substrings cut on arbitrary char boundaries, and unrelated
            // strings, must not panic; a found range must be sound.
            let chars: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            for _ in 0..3 {
                let a = chars[rng.below(chars.len())];
                let b = chars[rng.below(chars.len())];
                let quote = &text[a.min(b)..a.max(b)];
                let result = find_quote(&source, quote);
                check_found_range(&source, quote, &result);
            }
            let other = random_text(&mut rng, 20);
            let result = find_quote(&source, &other);
            check_found_range(&source, &other, &result);
            if let QuoteMatch::NotFound {
                closest: Some(near),
            } = result
            {
                assert!((MIN_SIMILARITY..=1.0).contains(&near.similarity));
                assert!(text.contains(&near.passage));
                assert!(near.line >= 1);
            }
        }
    }

    #[test]
    fn pathological_inputs_do_not_panic() {
        let marks = "\u{301}".repeat(5000);
        let source = SourceText::new(&marks);
        found(&source, &marks);
        let _ = find_quote(&source, "\u{301}\u{301}");
        let _ = find_quote(&source, "a\u{301}");
        let spaces = " \u{a0}\n".repeat(1000);
        let source = SourceText::new(&spaces);
        assert_eq!(source.normalised(), "");
        let _ = find_quote(&source, "x");
        let source = SourceText::new("x");
        let _ = find_quote(&source, &"xy".repeat(3000));
        let long_word = "ক".repeat(3000);
        let source = SourceText::new(&long_word);
        let _ = find_quote(&source, &"কখ".repeat(100));
    }

    #[test]
    fn closest_passages_stop_when_the_budget_is_spent_and_repeats_cost_nothing() {
        let source = SourceText::new("The soviet took power in the night. Bread and peace.");
        let per_search = source.closest_cost(&normalise("The soviet took powr"));
        let budget = SearchBudget::new(per_search);
        let got = find_quotes_within(
            &source,
            &[
                "The soviet took powr",
                "The soviet took powr",
                "Bread and piece",
                "peace.",
            ],
            &budget,
        );
        // The first search is paid for and its answer reused for the same quote; the next
        // quote not found finds the budget spent; a found quote costs nothing.
        assert!(matches!(&got[0], QuoteMatch::NotFound { closest: Some(_) }));
        assert_eq!(got[1], got[0]);
        assert_eq!(got[2], QuoteMatch::NotSearched);
        assert!(matches!(got[3], QuoteMatch::Found { .. }));
        assert_eq!(
            closest_passage(&source, "Bread and piece"),
            find_quote(&source, "Bread and piece")
        );
    }

    #[test]
    fn batch_matching_agrees_with_one_by_one() {
        let text = "বস্তুত ফরাসী বিপ্লব, মার্কিন\nযুক্তরাষ্ট্রের স্বাধীনতা লাভ। ক্ষ ক্ষ ক্\u{9cd}ষ a\u{301} á café cafe\u{301} ab ab abab";
        let source = SourceText::new(text);
        let quotes = [
            "ফরাসী বিপ্লব",
            "মার্কিন যুক্তরাষ্ট্রের",
            "ক্ষ",
            "ক",
            "á",
            "café",
            "ab",
            "bab",
            "not there at all",
            "",
            "  ",
            "ab",
        ];
        let batch = find_quotes(&source, &quotes);
        for (q, m) in quotes.iter().zip(&batch) {
            assert_eq!(*m, find_quote(&source, q), "quote {q:?}");
        }
    }

    #[test]
    fn batch_matching_agrees_when_split_across_threads() {
        // A big batch (validation splits bigger groups into parts of at least 2,000 quotes)
        // still answers every quote as one-by-one matching does, in order.
        let text = "বস্তুত ফরাসী বিপ্লব, মার্কিন যুক্তরাষ্ট্রের স্বাধীনতা লাভ। café ab abab";
        let source = SourceText::new(text);
        let pool = [
            "ফরাসী বিপ্লব",
            "café",
            "not there",
            "ab",
            "",
            "স্বাধীনতা লাভ",
            "abab x",
        ];
        let quotes: Vec<&str> = (0..5_000)
            .map(|i| pool[(i * 7 + i / 3) % pool.len()])
            .collect();
        let batch = find_quotes(&source, &quotes);
        assert_eq!(batch.len(), quotes.len());
        for (q, m) in quotes.iter().zip(&batch) {
            assert_eq!(*m, find_quote(&source, q), "quote {q:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn batch_matching_agrees_on_random_slices(
            text in "[ab ক্ষা\u{301}\n]{0,60}",
            cuts in proptest::collection::vec((0usize..64, 0usize..12), 0..12),
        ) {
            let source = SourceText::new(&text);
            let chars: Vec<char> = text.chars().collect();
            let quotes: Vec<String> = cuts
                .iter()
                .map(|&(start, len)| {
                    let start = start.min(chars.len());
                    let end = (start + len).min(chars.len());
                    chars[start..end].iter().collect()
                })
                .collect();
            let refs: Vec<&str> = quotes.iter().map(String::as_str).collect();
            let batch = find_quotes(&source, &refs);
            for (q, m) in refs.iter().zip(&batch) {
                proptest::prop_assert_eq!(m, &find_quote(&source, q));
            }
        }
    }
}
