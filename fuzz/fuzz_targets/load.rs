//! Any bytes as a claim file: parsing and validation must report problems, never panic.
#![no_main]

use claimmap::diagnostics::Diagnostics;
use claimmap::load::{Loaded, LoadedFile};
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let loaded = Loaded {
        root: std::path::PathBuf::from("/nonexistent"),
        config: None,
        limits: Default::default(),
        files: vec![LoadedFile {
            rel: "claims.yaml".into(),
            text: Arc::from(text),
            node: claimmap::load::yaml::parse(text).ok().flatten(),
        }],
    };
    let mut diags = Diagnostics::default();
    let _ = claimmap::validate::validate(&loaded, &mut diags);
    let _ = diags.render(false);
});
