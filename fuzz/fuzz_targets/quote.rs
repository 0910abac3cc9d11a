//! A source text and a quote, split from the input at the first NUL byte.
#![no_main]

use claimmap::quotes::{SourceText, find_quote};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (source, quote) = text.split_once('\0').unwrap_or((text, ""));
    let _ = find_quote(&SourceText::new(source), quote);
});
