//! Line wrapping for map labels.
//!
//! Graphviz does not wrap text itself, and a claim is often a long sentence, so every backend
//! that draws boxes wraps labels here first. Widths are display columns (`unicode-width`), and a
//! word too long for a line is cut only between grapheme clusters, so a Bengali conjunct such
//! as "ক্ষ" or a consonant with its vowel sign is never split and no line starts with a lone
//! vowel sign or virama.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The mark appended to the last line when text is cut by [`wrap_lines`].
pub const ELLIPSIS: &str = "…";

/// Wraps `text` into lines of at most `width` display columns, breaking at white space.
///
/// Runs of white space (including newlines and no-break spaces) and control characters
/// collapse into one space. A word wider than `width` is cut between grapheme clusters; a
/// single cluster wider than `width` (e.g. a wide character with `width` 1) gets a line of its
/// own. Empty or all-blank text gives no lines. A `width` of 0 is treated as 1.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_lines(text, width, usize::MAX)
}

/// Like [`wrap`], but keeps at most `max_lines` lines; when text had to be dropped, the last
/// line kept ends with [`ELLIPSIS`] (still within `width`). Boxes on a map stay readable even
/// when someone pastes a whole page into a claim.
pub fn wrap_lines(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(1);
    if max_lines == 0 {
        return Vec::new();
    }
    let mut wrapper = Wrapper {
        width,
        // One line more than allowed tells us that something was cut.
        limit: max_lines.saturating_add(1),
        lines: Vec::new(),
        line: String::new(),
        line_width: 0,
    };
    for word in words(text) {
        if wrapper.lines.len() >= wrapper.limit {
            break;
        }
        wrapper.push_word(word);
    }
    wrapper.flush();
    let mut lines = wrapper.lines;
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = with_ellipsis(last, width);
        }
    }
    lines
}

/// The display width of `text` in columns, as the wrapper counts it.
pub fn display_width(text: &str) -> usize {
    // Printable ASCII is one cluster and one column per byte: skip the segmentation, which
    // was a quarter of the time a big map's labels took.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.len();
    }
    text.graphemes(true).map(grapheme_width).sum()
}

/// Words of `text`: maximal runs without white space or control characters.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
}

fn grapheme_width(g: &str) -> usize {
    UnicodeWidthStr::width(g)
}

struct Wrapper {
    width: usize,
    limit: usize,
    lines: Vec<String>,
    line: String,
    line_width: usize,
}

impl Wrapper {
    fn push_word(&mut self, word: &str) {
        let word_width = display_width(word);
        if !self.line.is_empty() && self.line_width + 1 + word_width <= self.width {
            self.line.push(' ');
            self.line.push_str(word);
            self.line_width += 1 + word_width;
            return;
        }
        self.flush();
        if word_width <= self.width {
            self.line.push_str(word);
            self.line_width = word_width;
            return;
        }
        // Too long for any line: cut between grapheme clusters.
        for g in word.graphemes(true) {
            let w = grapheme_width(g);
            if !self.line.is_empty() && self.line_width + w > self.width {
                self.flush();
                if self.lines.len() >= self.limit {
                    return;
                }
            }
            self.line.push_str(g);
            self.line_width += w;
        }
    }

    fn flush(&mut self) {
        if !self.line.is_empty() {
            self.lines.push(std::mem::take(&mut self.line));
            self.line_width = 0;
        }
    }
}

/// `line` with [`ELLIPSIS`] appended, dropping whole grapheme clusters (and trailing space)
/// from its end until the result fits in `width`.
fn with_ellipsis(line: &str, width: usize) -> String {
    let room = width.saturating_sub(display_width(ELLIPSIS));
    let mut kept = String::new();
    let mut kept_width = 0;
    for g in line.graphemes(true) {
        let w = grapheme_width(g);
        if kept_width + w > room {
            break;
        }
        kept.push_str(g);
        kept_width += w;
    }
    let mut out = kept.trim_end().to_string();
    out.push_str(ELLIPSIS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Combining marks of the Bengali block (nukta, vowel signs, length mark, virama,
    /// candrabindu, anusvara, visarga): a line must never start with one.
    fn is_bengali_mark(c: char) -> bool {
        matches!(c, '\u{0981}'..='\u{0983}' | '\u{09BC}'..='\u{09D7}')
    }

    fn assert_wrapped_well(text: &str, width: usize, lines: &[String]) {
        for line in lines {
            let first = line.chars().next().expect("no empty lines");
            assert!(
                !is_bengali_mark(first),
                "line {line:?} of {text:?} starts with a mark"
            );
            assert!(!line.starts_with(' ') && !line.ends_with(' '), "{line:?}");
            let longest_cluster = line.graphemes(true).map(grapheme_width).max().unwrap_or(0);
            assert!(
                display_width(line) <= width.max(longest_cluster),
                "line {line:?} is wider than {width}"
            );
        }
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            wrap("the quick brown fox jumps", 10),
            ["the quick", "brown fox", "jumps"]
        );
        assert_eq!(wrap("exactly ten", 11), ["exactly ten"]);
    }

    #[test]
    fn collapses_white_space_runs() {
        let text = "  a\n\n b\t\u{a0}c\r\nd\u{2003}e\u{0}f  ";
        assert_eq!(wrap(text, 80), ["a b c d e f"]);
    }

    #[test]
    fn empty_and_blank_text_gives_no_lines() {
        assert!(wrap("", 10).is_empty());
        assert!(wrap(" \n\t\u{a0} ", 10).is_empty());
        assert!(wrap_lines("", 10, 3).is_empty());
        assert!(wrap_lines("words", 10, 0).is_empty());
    }

    #[test]
    fn long_words_break_between_graphemes() {
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        // A decomposed "é" stays one cluster.
        assert_eq!(
            wrap("e\u{301}e\u{301}e\u{301}", 2),
            ["e\u{301}e\u{301}", "e\u{301}"]
        );
        // A cluster wider than the width gets a line of its own.
        assert_eq!(wrap("漢字", 1), ["漢", "字"]);
        // Width 0 is treated as 1 and does not loop.
        assert_eq!(wrap("ab", 0), ["a", "b"]);
    }

    #[test]
    fn bengali_conjuncts_are_never_split() {
        for conjunct in ["ক্ষ", "ন্ত্র", "স্ত্র", "জ্ঞ", "ক্ষি"]
        {
            assert_eq!(
                conjunct.graphemes(true).count(),
                1,
                "{conjunct} is one cluster"
            );
            let word = conjunct.repeat(7);
            for width in 1..12 {
                let lines = wrap(&word, width);
                assert_eq!(lines.concat(), word);
                for line in &lines {
                    assert!(line.graphemes(true).all(|g| g == conjunct), "{line:?}");
                }
                assert_wrapped_well(&word, width, &lines);
            }
        }
    }

    #[test]
    fn bengali_sentences_wrap_without_orphan_marks() {
        let texts = [
            "জেনারেল কর্ণিলভের সামরিক অভ্যুত্থানের চেষ্টার মোকাবিলা করা হয়েছিল রেড গার্ডদের সশস্ত্র প্রতিরোধ দিয়ে।",
            "নভেম্বর বিপ্লবের জন্য কি বলপ্রয়োগ অপরিহার্য ছিল?",
            "স্বাধীনতাসংগ্রামীদের আন্তর্জাতিকতাবাদ রাষ্ট্রযন্ত্রের মন্ত্রিসভা",
            "বাংলা ভাষা ঔ ঐ কৌশল ক্ষত্রিয় শ্রীমতী",
        ];
        for text in texts {
            for width in 1..40 {
                let lines = wrap(text, width);
                assert_wrapped_well(text, width, &lines);
                let joined: String = lines.concat();
                let expected: String = text.split_whitespace().collect();
                assert_eq!(joined.replace(' ', ""), expected);
            }
        }
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        let lines = wrap_lines("one two three four five six", 9, 2);
        assert_eq!(lines, ["one two", "three…"]);
        let lines = wrap_lines("abcdefghijklmnop", 4, 2);
        assert_eq!(lines, ["abcd", "efg…"]);
        // Exactly max_lines: no ellipsis.
        assert_eq!(wrap_lines("abcd efgh", 4, 2), ["abcd", "efgh"]);
        let bn = wrap_lines(&"ক্ষ".repeat(30), 5, 2);
        assert_eq!(bn.len(), 2);
        assert!(bn[1].ends_with(ELLIPSIS));
        assert!(
            bn[1]
                .trim_end_matches(ELLIPSIS)
                .graphemes(true)
                .all(|g| g == "ক্ষ")
        );
        for line in &bn {
            assert!(display_width(line) <= 5, "{line:?}");
        }
    }

    #[test]
    fn hostile_strings_do_not_break_the_wrapper() {
        let hostile = [
            "\"; node [shape=box] }",
            "<script>alert(1)</script>",
            "]]></svg>\\N\\G\\l",
            "\u{202e}reversed\u{202c} \u{200b}\u{200d}\u{feff}",
            "👩\u{200d}👩\u{200d}👧\u{200d}👦👩\u{200d}👩\u{200d}👧\u{200d}👦",
            "\u{09CD}\u{09CD}\u{09BE} ক",
            "\u{1b}[31mred\u{1b}[0m",
        ];
        for text in hostile {
            for width in 0..12 {
                let lines = wrap_lines(text, width, 3);
                assert!(lines.len() <= 3);
                assert!(
                    lines
                        .iter()
                        .all(|l| !l.is_empty() && !l.chars().any(char::is_control))
                );
            }
        }
    }

    /// A small xorshift generator: the test needs no extra crate and is reproducible.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    #[test]
    fn random_text_never_panics_and_respects_limits() {
        let alphabet: Vec<char> = "aZ \n\t\u{a0}ক্ষিন্ত্রাংঃ\u{0}\u{301}漢😀\u{200d}\u{fe0f}<>&\"'\\…"
            .chars()
            .collect();
        let mut state = 0x2545_f491_4f6c_dd1d;
        for _ in 0..2000 {
            let len = (next(&mut state) % 60) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(next(&mut state) % alphabet.len() as u64) as usize])
                .collect();
            let width = (next(&mut state) % 15) as usize;
            let max_lines = (next(&mut state) % 5) as usize;
            let lines = wrap_lines(&text, width, max_lines);
            assert!(lines.len() <= max_lines, "{text:?}");
            for line in &lines {
                let longest = line.graphemes(true).map(grapheme_width).max().unwrap_or(0);
                assert!(
                    display_width(line) <= width.max(1).max(longest),
                    "{text:?} {line:?}"
                );
            }
            let all = wrap(&text, width);
            assert!(all.iter().all(|l| !l.is_empty()));
        }
    }
}
