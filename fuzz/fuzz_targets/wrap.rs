//! Any text wrapped at widths 1 to 40: no panic, no line wider than asked (unless a single
//! grapheme is).
#![no_main]

use claimmap::render::wrap::{display_width, wrap_lines};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&w, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let width = usize::from(w % 40) + 1;
    for line in wrap_lines(text, width, 8) {
        assert!(display_width(&line) <= width || line.chars().count() <= 4);
    }
});
