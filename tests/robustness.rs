//! Hostile input, in the normal test suite: random YAML-ish text through the loader and
//! validator, random Unicode through the quote matcher and the label wrapper. Nothing may
//! panic; bad input must come back as diagnostics. (`fuzz/` holds cargo-fuzz targets for the
//! same entry points, for longer runs on a nightly toolchain.)

use claimmap::diagnostics::Diagnostics;
use claimmap::load::{Loaded, LoadedFile};
use claimmap::quotes::{SourceText, find_quote};
use claimmap::render::wrap::{display_width, wrap_lines};
use proptest::prelude::*;
use std::sync::Arc;

/// Text built from YAML's own punctuation, keys of the format and some Bengali, so random
/// inputs get past the first character and into the interesting parts of the parser.
fn yamlish() -> impl Strategy<Value = String> {
    let atoms = prop_oneof![
        Just("claims:\n".to_string()),
        Just("  - id: a\n".to_string()),
        Just("    text: ".to_string()),
        Just("    supports: [".to_string()),
        Just("]\n".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("&x ".to_string()),
        Just("*x ".to_string()),
        Just("- ".to_string()),
        Just(": ".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("\n".to_string()),
        Just("  ".to_string()),
        Just("kind: thesis\n".to_string()),
        Just("বলপ্রয়োগ ক্ষ্ম".to_string()),
        Just("!!binary ".to_string()),
        Just("? ".to_string()),
        Just("%YAML 1.2\n---\n".to_string()),
        "[a-z0-9 ,.#|>-]{0,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(atoms, 0..60).prop_map(|v| v.concat())
}

fn loaded(text: &str) -> Loaded {
    Loaded {
        root: std::path::PathBuf::from("/nonexistent-debate"),
        config: None,
        limits: Default::default(),
        files: vec![LoadedFile {
            rel: "claims.yaml".into(),
            text: Arc::from(text),
            node: claimmap::load::yaml::parse(text).ok().flatten(),
            metadata: None,
            released: false,
        }],
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_loader_and_validator_never_panic(text in yamlish()) {
        let mut diags = Diagnostics::default();
        let (debate, _) = claimmap::validate::validate(&loaded(&text), &mut diags);
        // Whatever came in, every claim kept has a valid id, and rendering the diagnostics
        // works too.
        for c in &debate.claims {
            prop_assert!(c.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        }
        let _ = diags.render(false);
        let _ = diags.to_github("debate");
    }

    #[test]
    fn the_quote_matcher_never_panics_on_any_slice_of_any_text(
        source in "\\PC{0,200}",
        start in 0usize..200,
        len in 0usize..40,
    ) {
        let text = SourceText::new(&source);
        let chars: Vec<char> = source.chars().collect();
        let s = start.min(chars.len());
        let e = (s + len).min(chars.len());
        let quote: String = chars[s..e].iter().collect();
        // A raw slice may split a grapheme that normalisation recombines, so only the whole
        // text is certain to be found; the rest must simply not panic.
        let _ = find_quote(&text, &quote);
        if !claimmap::quotes::normalise(&source).is_empty() {
            let whole = find_quote(&text, &source);
            prop_assert!(matches!(whole, claimmap::quotes::QuoteMatch::Found { .. }), "{whole:?}");
        }
    }

    #[test]
    fn the_wrapper_never_panics_and_respects_the_width(
        text in "\\PC{0,300}",
        width in 1usize..40,
        lines in 1usize..10,
    ) {
        let out = wrap_lines(&text, width, lines);
        prop_assert!(out.len() <= lines);
        for line in &out {
            // A single grapheme wider than the line may stand alone; otherwise lines fit.
            let graphemes = unicode_segmentation::UnicodeSegmentation::graphemes(line.as_str(), true).count();
            prop_assert!(display_width(line) <= width || graphemes == 1, "{line:?} wider than {width}");
            prop_assert!(!line.contains('\n'));
        }
    }
}
