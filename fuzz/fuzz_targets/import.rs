//! Any bytes as an Argdown (first byte even) or AIF (odd) file to import: the importer
//! reports problems, never panics, and what it writes is YAML that parses.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    // Argdown refuses with located diagnostics, AIF with a tool error: either is fine here.
    let imported = if which % 2 == 0 {
        claimmap::import::argdown::import(text, "fuzz.argdown").ok()
    } else {
        claimmap::import::aif::import(text, "fuzz.json").ok()
    };
    if let Some(imported) = imported {
        for (name, yaml) in &imported.files {
            if let Err(e) = claimmap::load::yaml::parse(yaml) {
                panic!("{name} is not YAML ({}):\n{yaml}", e.message);
            }
        }
    }
});
