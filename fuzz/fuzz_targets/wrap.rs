//! Any text wrapped at widths 1 to 40: no panic, no line wider than asked (unless a single
//! grapheme is).
#![no_main]

use claimmap::render::wrap::{display_width, wrap_lines};
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

fuzz_target!(|data: &[u8]| {
    let Some((&w, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let width = usize::from(w % 40) + 1;
    for line in wrap_lines(text, width, 8) {
        // Lines break only between grapheme clusters, so one cluster wider than the line
        // (a run of Hangul vowel jamo is one cluster two columns wide) stands alone.
        assert!(
            display_width(&line) <= width || line.graphemes(true).count() == 1,
            "{line:?} at width {width}"
        );
    }
});
