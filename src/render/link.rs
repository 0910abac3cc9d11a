//! Which link destinations an output may carry.
//!
//! A source's `url:` and `--map-image` come from the debate, that is from a student's pull
//! request, and end up as links in the report, the SVG map and the HTML page. What a link
//! does is decided by the software that finally reads it: a CommonMark renderer decodes
//! entity references in a destination (`javascript&colon;alert(1)` becomes
//! `javascript:alert(1)`), an HTML parser decodes them in attributes, a URL parser drops tabs
//! and newlines and leading control characters. So the scheme is judged on the destination
//! decoded every way a reader could decode it, and only `http`, `https` and `mailto` (and,
//! where the output allows them, relative links with no scheme at all) pass.

/// Schemes a link may use.
const SAFE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// How many rounds of decoding are judged: entities inside entities (`&amp;colon;`) and
/// percent-escapes of them are caught, and a hostile string cannot make the check slow.
const DECODE_ROUNDS: usize = 4;

/// Whether `url` may be a link in the report: `http`, `https`, `mailto`, or a relative link
/// (the map image beside the report), however it is encoded.
pub fn is_safe_link(url: &str) -> bool {
    judged(url, |d| match scheme(d) {
        Scheme::None => true,
        Scheme::Named(s) => SAFE_SCHEMES.iter().any(|ok| s.eq_ignore_ascii_case(ok)),
        Scheme::Unclear => false,
    })
}

/// Whether `url` may be a clickable web address (a box of the SVG map, a source in the HTML
/// page): `http://` or `https://` in every decoding.
pub fn is_web_address(url: &str) -> bool {
    judged(url, |d| {
        let lower = d.get(..8).unwrap_or(d).to_ascii_lowercase();
        lower.starts_with("https://") || lower.starts_with("http://")
    })
}

/// Applies `ok` to `url` and to each stage of its decoding; all must pass.
fn judged(url: &str, ok: impl Fn(&str) -> bool) -> bool {
    let mut current = cleaned(url);
    for _ in 0..DECODE_ROUNDS {
        if !ok(&current) {
            return false;
        }
        let next = cleaned(&decode_percent(&decode_entities(&current)));
        if next == current {
            return true;
        }
        current = next;
    }
    // Still changing after every round: too deeply encoded to be an honest address.
    false
}

/// What a URL parser ignores: leading and trailing controls and spaces, and tabs and line
/// breaks anywhere.
fn cleaned(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

enum Scheme<'a> {
    /// No scheme: a relative link.
    None,
    /// A scheme made of scheme characters.
    Named(&'a str),
    /// Something that may become a scheme once decoded differently (an unknown entity, a
    /// control character): refused.
    Unclear,
}

/// The scheme of a decoded destination: what comes before the first `:`, if that comes
/// before any `/`, `?` or `#`.
fn scheme(url: &str) -> Scheme<'_> {
    let head_end = url.find(['/', '?', '#']).unwrap_or(url.len());
    let head = &url[..head_end];
    if head.contains('&') || head.chars().any(char::is_control) {
        return Scheme::Unclear;
    }
    match head.find(':') {
        None => Scheme::None,
        Some(n) => Scheme::Named(&head[..n]),
    }
}

/// Decodes HTML character references the way browsers and CommonMark do: numeric ones with
/// or without the closing `;`, and the named ones that spell URL punctuation. Other named
/// references are left as they are (and then make a scheme [`Scheme::Unclear`]).
fn decode_entities(s: &str) -> String {
    const NAMED: [(&str, char); 22] = [
        ("colon", ':'),
        ("Tab", '\t'),
        ("NewLine", '\n'),
        ("sol", '/'),
        ("bsol", '\\'),
        ("quest", '?'),
        ("num", '#'),
        ("amp", '&'),
        ("AMP", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("lpar", '('),
        ("rpar", ')'),
        ("period", '.'),
        ("semi", ';'),
        ("excl", '!'),
        ("percnt", '%'),
        ("nbsp", '\u{a0}'),
        ("equals", '='),
        ("plus", '+'),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let body = &rest[1..];
        let decoded = if let Some(num) = body.strip_prefix('#') {
            let (digits, radix) = match num.strip_prefix(['x', 'X']) {
                Some(hex) => (hex, 16),
                None => (num, 10),
            };
            let len = digits
                .find(|c: char| !c.is_digit(radix))
                .unwrap_or(digits.len());
            let taken = 1 + (num.len() - digits.len()) + len;
            (len > 0 && len <= 8)
                .then(|| u32::from_str_radix(&digits[..len], radix).ok())
                .flatten()
                .map(|n| char::from_u32(n).unwrap_or('\u{fffd}'))
                .map(|c| {
                    let semi = body[taken..].starts_with(';') as usize;
                    (c, 1 + taken + semi)
                })
        } else {
            NAMED.iter().find_map(|(name, c)| {
                body.strip_prefix(name)
                    .and_then(|after| after.strip_prefix(';'))
                    .map(|_| (*c, name.len() + 2))
            })
        };
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes `%XX` escapes; an escape that does not make UTF-8 becomes U+FFFD.
fn decode_percent(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Destinations that must never become links, in every spelling seen in the wild.
    const HOSTILE: [&str; 16] = [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "\u{1}javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "javascript&colon;alert(1)",
        "javascript&#58;alert(1)",
        "javascript&#x3A;alert(1)",
        "javascript&#0000058alert(1)",
        "javascript&amp;colon;alert(1)",
        "javascript%3Aalert(1)",
        "javascript%253Aalert(1)",
        "jav&Tab;ascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript&unknown;:x",
    ];

    #[test]
    fn hostile_destinations_are_refused_everywhere() {
        for url in HOSTILE {
            assert!(!is_safe_link(url), "{url:?}");
            assert!(!is_web_address(url), "{url:?}");
        }
    }

    #[test]
    fn ordinary_destinations_pass() {
        for url in [
            "https://example.org/a_b?q=1&r=2#top",
            "HTTP://EXAMPLE.ORG",
            "mailto:a@b.org",
            "map.svg",
            "maps/my map (1).svg",
            "https://bn.wikipedia.org/wiki/%E0%A6%A8%E0%A6%AD%E0%A7%87%E0%A6%AE%E0%A7%8D%E0%A6%AC%E0%A6%B0",
            "https://example.org/?q=a%3Ab",
        ] {
            assert!(is_safe_link(url), "{url:?}");
        }
        assert!(is_web_address("https://example.org/x"));
        // Every stage must read as a web address, the raw one included.
        assert!(!is_web_address("https&colon;//example.org/x"));
        assert!(!is_web_address("mailto:a@b.org"));
        assert!(!is_web_address("map.svg"));
    }

    #[test]
    fn a_relative_link_that_decodes_to_a_scheme_is_refused() {
        assert!(!is_safe_link("foo&colon;bar"));
        assert!(!is_safe_link("x%3Ay"));
    }

    #[test]
    fn deep_or_huge_encodings_end_quickly() {
        let deep = format!("javascript{}colon;x", "&amp;".repeat(10));
        assert!(!is_safe_link(&deep));
        let long = "&#".repeat(100_000);
        assert!(!is_safe_link(&long));
        let long = format!("https://e.org/{}", "%25".repeat(100_000));
        assert!(is_safe_link(&long), "decodes to a run of `%` and stops");
        assert!(
            !is_safe_link("https://e.org/%252525252541"),
            "still changing after every round"
        );
    }
}
