//! Any bytes as a claim file: parsing and validation must report problems, never panic; a
//! file that validates is also evaluated and rendered (DOT and the Markdown report).
#![no_main]

use claimmap::diagnostics::Diagnostics;
use claimmap::load::{Loaded, LoadedFile};
use claimmap::render::{RenderContext, Renderer};
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
            metadata: None,
            released: false,
        }],
    };
    let mut diags = Diagnostics::default();
    let (debate, _) = claimmap::validate::validate(&loaded, &mut diags);
    let _ = diags.render(false);
    if diags.counts().0 > 0 {
        return;
    }
    let evaluation = claimmap::evaluate::evaluate(&debate, &Default::default());
    let mut ctx = RenderContext::new(&debate);
    ctx.evaluation = Some(&evaluation);
    let _ = claimmap::render::dot::to_dot(&ctx);
    let _ = claimmap::render::markdown::Markdown { templates: None }.render(&ctx);
});
