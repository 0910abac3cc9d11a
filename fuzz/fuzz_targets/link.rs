//! Any string as a link destination: the checks never panic, a web address is also a safe
//! link, and the report's neutralised destination never starts a scheme other than http,
//! https or mailto.
#![no_main]

use claimmap::render::link::{is_safe_link, is_web_address};
use claimmap::render::markdown::link_destination;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|url: &str| {
    // The report trims white space (NBSP included) around a destination before judging it.
    let safe = is_safe_link(url.trim());
    if is_web_address(url.trim()) {
        assert!(safe, "{url:?}");
    }
    let dest = link_destination(url);
    if !safe {
        assert!(!dest.contains(':') && !dest.contains('&'), "{url:?} -> {dest:?}");
    }
});
