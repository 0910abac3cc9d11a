//! Language codes: the keys of every multilingual text and the entries of `languages:`.
//!
//! A language code ends up as a YAML key in claim files that claimmap writes (`import`), as an
//! attribute in HTML and SVG (`lang="…"`), in file names and in messages. Anything that is not
//! shaped like a BCP 47 tag could break out of those places (a quote, a newline, `}` or `<`),
//! so codes are checked for their shape wherever they enter: `claimmap.yaml`, text maps in
//! claim files, and the importers.

/// Whether `code` has the shape of a BCP 47 language tag (RFC 5646): a primary subtag of 2 to
/// 8 ASCII letters (`en`, `bn`, `fil`), then any number of subtags of 1 to 8 ASCII letters or
/// digits, each after a `-` (`en-US`, `zh-Hant-TW`, `sr-Latn`, `de-CH-1996`).
///
/// This checks the shape only, not the registry: `xx-Yyyy` passes. The shape is what keeps a
/// code safe to write anywhere (no quote, space, newline or markup character can pass), and
/// what a typo like `en_US` fails. Codes are capped at 64 characters.
pub fn is_language_code(code: &str) -> bool {
    if code.len() > 64 {
        return false;
    }
    let mut parts = code.split('-');
    let Some(primary) = parts.next() else {
        return false;
    };
    (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A well-formed code close to a malformed one, for "did you mean" help: `en_US` → `en-US`,
/// ` bn ` → `bn`. `None` when no obvious repair gives a valid code.
pub fn suggest_language_code(code: &str) -> Option<String> {
    let repaired: String = code
        .trim()
        .chars()
        .map(|c| if c == '_' || c == ' ' { '-' } else { c })
        .collect();
    let repaired = repaired.trim_matches('-').to_string();
    (repaired != code && is_language_code(&repaired)).then_some(repaired)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_tags_pass() {
        for code in [
            "en",
            "bn",
            "fil",
            "EN",
            "en-US",
            "zh-Hant-TW",
            "sr-Latn",
            "de-CH-1996",
            "es-419",
            "en-x-pirate",
            "tlh-a-b",
        ] {
            assert!(is_language_code(code), "{code}");
        }
    }

    #[test]
    fn malformed_or_hostile_codes_fail() {
        for code in [
            "",
            "e",
            "en_US",
            "en-",
            "-en",
            "en--us",
            "en us",
            "e1",
            "123",
            "en-toolongsubtag",
            "abcdefghi",
            "en: \"x\"}\n    opposes: [t]\n    note: {x",
            "en\n",
            "en\u{0}",
            "en\u{202e}",
            "\u{feff}en",
            "<script>",
            "\"en\"",
            "বাংলা",
            "ｅｎ",
            &format!("en{}", "-abc".repeat(20)),
        ] {
            assert!(!is_language_code(code), "{code:?}");
        }
    }

    #[test]
    fn obvious_repairs_are_suggested() {
        assert_eq!(suggest_language_code("en_US").as_deref(), Some("en-US"));
        assert_eq!(suggest_language_code(" bn ").as_deref(), Some("bn"));
        assert_eq!(suggest_language_code("en"), None);
        assert_eq!(suggest_language_code("<script>"), None);
    }
}
