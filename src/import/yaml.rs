//! The YAML syntax of the files `import` writes: every key, value and comment that comes
//! from the imported file passes through the functions here, never through `format!`.
//!
//! An imported file is untrusted (a student's pull request, a download): a language code,
//! id, text or file name written raw into YAML could close a flow mapping and add keys of
//! its own (`en: "x"}\n    opposes: [t]`). Values are therefore always double-quoted with
//! every character that YAML could read as structure, a line break or a byte-order mark
//! escaped; keys are bare only when they are plain lower-case words YAML cannot misread;
//! comments are reduced to one line of visible text.

use crate::model::Text;

/// Appends `s` as a double-quoted YAML scalar that reads back as exactly `s`.
///
/// Escaped: `"` and `\`; C0 controls, DEL and C1 controls (NUL as `\0`, tab, line feed and
/// carriage return by name, the rest as `\uXXXX`); the characters some YAML readers take
/// for line breaks (U+0085, U+2028, U+2029); the byte-order mark and non-characters (U+FEFF,
/// U+FFFE, U+FFFF); and bidirectional overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069), so a reader of the file sees them instead of reordered text.
pub fn push_scalar(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0' => out.push_str("\\0"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => push_unicode_escape(out, c),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `s` as a double-quoted YAML scalar (see [`push_scalar`]).
pub fn quote(s: &str) -> String {
    let mut out = String::new();
    push_scalar(&mut out, s);
    out
}

/// Appends `k` as the key of a flow mapping entry (`{key: value}`); the caller writes `: `
/// and the value. See [`push_block_key`] for how the key is spelt.
pub fn push_flow_key(out: &mut String, k: &str) {
    push_key(out, k, None);
}

/// Appends `k` as the key of a block mapping entry whose other lines are indented by
/// `indent` spaces; the caller writes `: ` and the value.
///
/// The key is bare when it is a word of lower-case ASCII letters (with `_` or `-` inside)
/// that YAML reads as that same string, so `supports` and `en` stay readable; otherwise it
/// is double-quoted (`no`, a boolean to YAML 1.1 readers, `en-US`, the empty string, anything
/// hostile). A quoted key longer than YAML allows an implicit key to be (1,024 characters)
/// is written as an explicit `? key` entry.
pub fn push_block_key(out: &mut String, k: &str, indent: usize) {
    push_key(out, k, Some(indent));
}

/// Appends `k` as a key. An explicit `? key` ends so that the caller's `: value` follows
/// where the mapping expects it: on the same line in a flow mapping (`block_indent` is
/// `None`), on the next line at `block_indent` in a block mapping.
fn push_key(out: &mut String, k: &str, block_indent: Option<usize>) {
    match key_form(k) {
        KeyForm::Bare => out.push_str(k),
        KeyForm::Quoted => push_scalar(out, k),
        KeyForm::Explicit => {
            out.push_str("? ");
            push_scalar(out, k);
            match block_indent {
                None => out.push(' '),
                Some(indent) => {
                    out.push('\n');
                    out.extend(std::iter::repeat_n(' ', indent));
                }
            }
        }
    }
}

enum KeyForm {
    Bare,
    Quoted,
    Explicit,
}

fn key_form(k: &str) -> KeyForm {
    const RESERVED: &[&str] = &["null", "true", "false", "yes", "no", "on", "off", "y", "n"];
    let bytes = k.as_bytes();
    let bare = bytes.first().is_some_and(u8::is_ascii_lowercase)
        && bytes.last().is_some_and(u8::is_ascii_lowercase)
        && bytes
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b == b'_' || b == b'-')
        && !RESERVED.contains(&k);
    if bare && k.len() < 1_000 {
        KeyForm::Bare
    } else if k.len() <= 160 {
        // An escape is at most 6 characters for a character of at least 1 byte, so the
        // quoted key stays under 1,024 characters whatever it escapes.
        KeyForm::Quoted
    } else {
        KeyForm::Explicit
    }
}

/// Appends a text as a flow mapping from language code to text: `{en: "…", "en-US": "…"}`.
pub fn push_text(out: &mut String, text: &Text) {
    out.push('{');
    for (k, (lang, s)) in text.iter().enumerate() {
        if k > 0 {
            out.push_str(", ");
        }
        push_flow_key(out, lang);
        out.push_str(": ");
        push_scalar(out, s);
    }
    out.push('}');
}

/// Appends a flow sequence of strings: `["a", "b"]`.
pub fn push_list(out: &mut String, items: &[String]) {
    out.push('[');
    for (k, s) in items.iter().enumerate() {
        if k > 0 {
            out.push_str(", ");
        }
        push_scalar(out, s);
    }
    out.push(']');
}

/// `s` made safe for a `#` comment: one line, with control characters, line breaks,
/// byte-order marks and bidirectional overrides shown as visible escapes (`\n`,
/// `\u{202e}`), so nothing in it can end the comment or disguise what follows.
pub fn comment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// Characters that are written as escapes in scalars and comments.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn push_unicode_escape(out: &mut String, c: char) {
    // Every character escaped here is in the Basic Multilingual Plane.
    out.push_str(&format!("\\u{:04X}", c as u32));
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::Value;

    /// Strings that have broken hand-written YAML somewhere.
    pub(crate) fn hostile() -> Vec<String> {
        let mut v: Vec<String> = [
            "",
            " ",
            "plain",
            "no",
            "null",
            "~",
            "true",
            "1.5",
            "007",
            ".nan",
            "\"quoted\"",
            "'single'",
            "back\\slash\\",
            "\\\"",
            "line\nbreak",
            "crlf\r\nend",
            "\n",
            "tab\there",
            "key: value",
            "a # not a comment",
            "#comment",
            "{flow: map}",
            "}",
            "[list, items]",
            "]",
            "& * ! | > % @ ` , ?",
            "&anchor",
            "*alias",
            "!tag",
            "|",
            ">",
            "%YAML 1.2",
            "@at",
            "`tick`",
            "- item",
            "---",
            "...",
            "nul\0byte",
            "bell\u{7}esc\u{1b}[31m",
            "del\u{7f}",
            "c1\u{85}nel\u{9b}csi",
            "ls\u{2028}ps\u{2029}",
            "\u{feff}bom",
            "bom\u{feff}",
            "nonchar\u{fffe}\u{ffff}",
            "rlo\u{202e}txt.exe",
            "isolate\u{2066}x\u{2069}",
            "ক্ষ জ্ঞ শ্র স্ত্র",
            "যুক্তাক্ষর: ন্দ্র",
            "emoji 👍🏽 and 𝄞",
            "en: \"Harmless.\"}\n    opposes: [t]\n    note: {x",
            "x\"\n  - id: injected\n    text: {en: \"y",
            "   leading and trailing   ",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        v.push((0u8..=0x7f).map(char::from).collect());
        v.push("long ".repeat(5_000));
        v
    }

    fn parse(text: &str) -> Value {
        serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    #[test]
    fn every_hostile_string_reads_back_as_itself_as_value_and_as_key() {
        for s in hostile() {
            let mut doc = String::new();
            push_block_key(&mut doc, &s, 0);
            doc.push_str(": ");
            push_scalar(&mut doc, &s);
            doc.push('\n');
            push_block_key(&mut doc, "other", 0);
            doc.push_str(": ");
            push_list(&mut doc, std::slice::from_ref(&s));
            doc.push('\n');
            let v = parse(&doc);
            let map = v.as_object().unwrap_or_else(|| panic!("{doc}"));
            assert_eq!(map.len(), 2, "no extra keys: {doc}");
            assert_eq!(map.get(&s), Some(&Value::String(s.clone())), "{doc}");
            assert_eq!(map["other"], serde_json::json!([s]), "{doc}");
        }
    }

    #[test]
    fn quoted_scalars_are_one_line_of_printable_text() {
        for s in hostile() {
            let q = quote(&s);
            assert!(!q.contains('\n') && !q.contains('\r'), "{q:?}");
            assert!(!q.chars().any(needs_escape), "{q:?}");
        }
    }

    #[test]
    fn texts_keyed_by_hostile_languages_read_back_exactly() {
        for s in hostile() {
            let text: Text = [(s.as_str(), s.as_str()), ("en", "English")]
                .into_iter()
                .collect();
            let mut doc = String::from("text: ");
            push_text(&mut doc, &text);
            doc.push_str("\nafter: 1\n");
            let v = parse(&doc);
            assert_eq!(v.as_object().map(|m| m.len()), Some(2), "{doc}");
            let back: Text = serde_json::from_value(v["text"].clone()).unwrap();
            assert_eq!(back, text, "{doc}");
        }
    }

    #[test]
    fn keys_are_bare_only_when_plain_words() {
        let key = |k: &str| {
            let mut out = String::new();
            push_block_key(&mut out, k, 0);
            out
        };
        assert_eq!(key("supports"), "supports");
        assert_eq!(key("en"), "en");
        assert_eq!(key("no"), "\"no\"");
        assert_eq!(key("en-US"), "\"en-US\"");
        assert_eq!(key(""), "\"\"");
        assert_eq!(key("-x"), "\"-x\"");
    }

    #[test]
    fn comments_are_one_line_with_visible_escapes() {
        for s in hostile() {
            let c = comment(&s);
            assert!(
                !c.chars().any(|c| c.is_control() || needs_escape(c)),
                "{c:?}"
            );
            let doc = format!("# {c}\nkey: 1\n");
            assert_eq!(parse(&doc), serde_json::json!({"key": 1}), "{doc}");
        }
        assert_eq!(comment("a\nb\u{202e}"), "a\\nb\\u{202e}");
    }
}
