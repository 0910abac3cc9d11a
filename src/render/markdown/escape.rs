//! Escaping for Markdown, and the template filters built on it: `md`, `cell`, `code`,
//! `ticks`, `url` and `anchor` (see the module docs of [`super`]).

use minijinja::Environment;
use minijinja::value::{Kwargs, Value};

/// Registers the Markdown filters on `env`.
pub(super) fn add_filters(env: &mut Environment<'_>) {
    env.add_filter("md", |v: Value| escape_inline(&plain(&v), false));
    env.add_filter("cell", |v: Value| escape_inline(&plain(&v), true));
    env.add_filter("code", code_filter);
    env.add_filter("ticks", |v: Value, kwargs: Kwargs| {
        let cell: Option<bool> = kwargs.get("cell")?;
        kwargs.assert_all_used()?;
        Ok::<_, minijinja::Error>(escape_ticked(&plain(&v), cell.unwrap_or(false)))
    });
    env.add_filter("url", |v: Value| link_destination(&plain(&v)));
    env.add_filter("anchor", |v: Value| anchor(&plain(&v)));
}

/// A template value as text: none and undefined are empty (optional fields print nothing).
pub(super) fn plain(v: &Value) -> String {
    if v.is_none() || v.is_undefined() {
        String::new()
    } else if let Some(s) = v.as_str() {
        s.to_string()
    } else {
        v.to_string()
    }
}

/// Escapes text for inline Markdown (GitHub flavour), so that a claim's text shows as written
/// and can never become markup: emphasis, code, links, raw HTML, tables, math, or (at the start)
/// a heading, list or quote. Runs of white space with a line break become one space, or `<br>`
/// when `cell` (table cells, where a line break would end the row).
pub fn escape_inline(text: &str, cell: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text.trim(), cell, true);
    out
}

/// `ticks`: like `md`/`cell`, but `` `quoted` `` parts become code spans. For claimmap's own
/// messages (diagnostics), which quote ids and keys that way.
pub fn escape_ticked(text: &str, cell: bool) -> String {
    let text = text.trim();
    let pieces: Vec<&str> = text.split('`').collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, piece) in pieces.iter().enumerate() {
        if i % 2 == 0 {
            escape_into(&mut out, piece, cell, i == 0);
        } else if i + 1 < pieces.len() && !piece.trim().is_empty() {
            out.push_str(&code_span(piece, cell));
        } else {
            // An unmatched or empty pair of backticks: literal.
            out.push_str("\\`");
            escape_into(&mut out, piece, cell, false);
            if i + 1 < pieces.len() {
                out.push_str("\\`");
            }
        }
    }
    out
}

fn escape_into(out: &mut String, text: &str, cell: bool, at_start: bool) {
    let mut chars = text.char_indices().peekable();
    // A leading `-`, `+` or `=` would start a list or underline a heading; `1.` / `1)` an
    // ordered list. `#` and `>` are escaped everywhere below.
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if at_start && matches!(text.as_bytes().first(), Some(b'-' | b'+' | b'=')) {
        out.push('\\');
    } else if at_start && digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.' | b')')) {
        out.push_str(&text[..digits]);
        out.push('\\');
        for _ in 0..digits {
            chars.next();
        }
    }
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if is_entity(&text[i..]) => out.push_str("&amp;"),
            c if is_unsafe(c) => out.push(char::REPLACEMENT_CHARACTER),
            '\r' | '\n' => {
                // Drop the spaces written before the break and those after it.
                while out.ends_with([' ', '\t']) {
                    out.pop();
                }
                let mut breaks =
                    usize::from(c == '\n' || chars.peek().is_none_or(|(_, n)| *n != '\n'));
                while let Some(&(_, n)) = chars.peek() {
                    if !n.is_whitespace() {
                        break;
                    }
                    if n == '\n' {
                        breaks += 1;
                    }
                    chars.next();
                }
                if cell {
                    out.push_str(&"<br>".repeat(breaks.max(1)));
                } else {
                    out.push(' ');
                }
            }
            _ => out.push(c),
        }
    }
}

/// Characters that must not reach the report as they are: control characters (C0 but tab and
/// line breaks, DEL, C1), which a terminal showing the file would obey (`ESC ]0;…BEL` retitles
/// it), and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
/// make text read differently from what it says. They become U+FFFD.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn is_break(c: char) -> bool {
    c == '\n' || c == '\r'
}

/// Whether `s` (starting at `&`) looks like an HTML entity such as `&lt;` or `&#60;`, which
/// Markdown would decode.
fn is_entity(s: &str) -> bool {
    let body = &s[1..];
    let len = body
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    len > 0 && body.as_bytes().get(len) == Some(&b';')
}

/// `code`: an inline code span that survives any content (a fence longer than any run of
/// backticks inside). `code(cell=true)` also escapes `|`, which ends a table cell even inside
/// code.
fn code_filter(v: Value, kwargs: Kwargs) -> std::result::Result<String, minijinja::Error> {
    let cell: Option<bool> = kwargs.get("cell")?;
    kwargs.assert_all_used()?;
    Ok(code_span(&plain(&v), cell.unwrap_or(false)))
}

/// An inline code span of `text` (see the `code` filter).
pub fn code_span(text: &str, cell: bool) -> String {
    let text: String = text
        .chars()
        .map(|c| match c {
            c if is_break(c) => ' ',
            c if is_unsafe(c) => char::REPLACEMENT_CHARACTER,
            c => c,
        })
        .collect();
    if text.is_empty() {
        return String::new();
    }
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    let body = if cell { text.replace('|', "\\|") } else { text };
    format!("{fence}{pad}{body}{pad}{fence}")
}

/// `url`: a link destination for `[text](…)` / `![alt](…)`. Characters that would end the
/// destination or a table cell are percent-encoded. A destination that is not http, https,
/// mailto or relative in every decoding ([`crate::render::link::is_safe_link`]; e.g.
/// `javascript&colon;…`) is neutralised by encoding every `:` and `&` in it, which leaves a
/// harmless relative link that no renderer decodes back.
pub fn link_destination(url: &str) -> String {
    let url = url.trim();
    let safe = crate::render::link::is_safe_link(url);
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ':' | '&' if !safe => out.push_str(&format!("%{:02X}", c as u32)),
            ' ' | '"' | '\'' | '<' | '>' | '(' | ')' | '[' | ']' | '\\' | '`' | '|' | '*' | '_'
            | '{' | '}' | '^' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_control() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// `anchor`: an id for `<a id="…">` and `#…` links: lowercase letters and digits (any script),
/// with every other run of characters turned into one `-`. Stable, unlike GitHub's heading ids,
/// which change with the heading's text and language.
pub fn anchor(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '_' || is_mark(c) {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Combining marks and the Bengali block (vowel signs, virama) and ZWJ/ZWNJ: part of a word,
/// not separators.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0980..=0x09FF | 0x200C..=0x200D)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_specials() {
        assert_eq!(escape_inline("*bold* _x_", false), r"\*bold\* \_x\_");
        assert_eq!(escape_inline("a | b", true), r"a \| b");
        assert_eq!(escape_inline("`code`", false), r"\`code\`");
        assert_eq!(escape_inline(r"a\b", false), r"a\\b");
        assert_eq!(
            escape_inline("[link](javascript:x)", false),
            r"\[link\](javascript:x)"
        );
        assert_eq!(
            escape_inline("<script>alert(1)</script>", false),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(escape_inline("# Title", false), r"\# Title");
        assert_eq!(escape_inline("- item", false), r"\- item");
        assert_eq!(escape_inline("+ item", false), r"\+ item");
        assert_eq!(escape_inline("12. item", false), r"12\. item");
        assert_eq!(escape_inline("1) item", false), r"1\) item");
        assert_eq!(escape_inline("2024 was hot", false), "2024 was hot");
        assert_eq!(escape_inline("$5 and $6", false), r"\$5 and \$6");
        assert_eq!(escape_inline("~~gone~~", false), r"\~\~gone\~\~");
        assert_eq!(escape_inline("AT&T &amp; co", false), "AT&T &amp;amp; co");
        assert_eq!(
            escape_inline("  line one  \n\n  - two ", false),
            r"line one - two"
        );
        assert_eq!(
            escape_inline("one\ntwo\r\n\r\nthree", true),
            "one<br>two<br><br>three"
        );
        let bengali = "ক্ষমা, শ্রী, স্ত্রী, র‍্যাব, জ্ঞান";
        assert_eq!(escape_inline(bengali, false), bengali);
    }

    #[test]
    fn control_and_bidi_characters_become_replacement_characters() {
        let hostile = "a\u{1b}]0;pwned\u{7}b \u{202e}evil\u{2066}x\u{2069} \u{0}\u{7f}\u{85}\u{9b}";
        let want = "a\u{fffd}\\]0;pwned\u{fffd}b \u{fffd}evil\u{fffd}x\u{fffd} \u{fffd}\u{fffd}\u{fffd}\u{fffd}";
        assert_eq!(escape_inline(hostile, false), want);
        assert_eq!(escape_inline(hostile, true), want);
        assert_eq!(escape_ticked(hostile, false), want);
        let code = code_span(hostile, true);
        assert!(
            !code.chars().any(|c| is_unsafe(c) || c == '\u{1b}'),
            "{code:?}"
        );
        assert!(
            code.contains("a\u{fffd}]0;pwned\u{fffd}b \u{fffd}evil"),
            "{code:?}"
        );
        // Tabs and line breaks keep their handling.
        assert_eq!(escape_inline("a\tb\nc", false), "a\tb c");
        assert_eq!(escape_inline("a\r\nb", true), "a<br>b");
        assert_eq!(code_span("a\tb\nc", false), "`a\tb c`");
    }

    #[test]
    fn ticked_messages_get_code_spans() {
        assert_eq!(
            escape_ticked("unknown id `a|b` in *x*", true),
            r"unknown id `a\|b` in \*x\*"
        );
        assert_eq!(escape_ticked("`id` first", false), "`id` first");
        assert_eq!(escape_ticked("odd ` tick", false), r"odd \` tick");
        assert_eq!(escape_ticked("empty `` pair", false), r"empty \`\` pair");
        assert_eq!(
            escape_ticked("`<script>` x <b>", false),
            "`<script>` x &lt;b&gt;"
        );
    }

    #[test]
    fn code_spans_survive_backticks_and_pipes() {
        assert_eq!(code_span("a-b", false), "`a-b`");
        assert_eq!(code_span("a`b", false), "``a`b``");
        assert_eq!(code_span("`x`", false), "`` `x` ``");
        assert_eq!(code_span("a|b", true), r"`a\|b`");
        assert_eq!(code_span("", false), "");
    }

    #[test]
    fn link_destinations_are_safe() {
        assert_eq!(link_destination("map.svg"), "map.svg");
        assert_eq!(link_destination("my map (1).svg"), "my%20map%20%281%29.svg");
        assert_eq!(
            link_destination("https://example.org/a_b?q=1|2"),
            "https://example.org/a%5Fb?q=1%7C2"
        );
        assert_eq!(
            link_destination("javascript:alert(1)"),
            "javascript%3Aalert%281%29"
        );
        assert_eq!(link_destination("JavaScript:x"), "JavaScript%3Ax");
        assert_eq!(link_destination("mailto:a@b.org"), "mailto:a@b.org");
        // Entities are decoded before the scheme is judged; the neutralised form keeps no
        // `&` or `:` for a CommonMark renderer to decode back.
        assert_eq!(
            link_destination("javascript&colon;alert(1)"),
            "javascript%26colon;alert%281%29"
        );
        assert_eq!(
            link_destination("https://e.org/?a=1&b=2"),
            "https://e.org/?a=1&b=2"
        );
    }

    #[test]
    fn anchors_are_stable_ids() {
        assert_eq!(anchor("Force-was-necessary"), "force-was-necessary");
        assert_eq!(anchor("a b\"><script>"), "a-b-script");
        assert_eq!(anchor("বিপ্লব ও বলপ্রয়োগ"), "বিপ্লব-ও-বলপ্রয়োগ");
    }
}
