//! claimmap turns a folder of YAML claim files into a checked argument model, then renders it.
//!
//! The pipeline runs one way:
//! [`load`] (find and parse files) → [`validate`] (raw YAML to the checked [`model`], every
//! problem collected in [`diagnostics`]) → [`render`] (DOT/SVG map, Markdown report, JSON).
//! [`quotes`] verifies evidence quotes against their source documents. Nothing below [`cli`]
//! prints or exits.

#![deny(missing_docs)]

pub mod cli;
pub mod diagnostics;
pub mod diff;
pub mod error;
pub mod evaluate;
pub mod gitread;
pub mod import;
mod intern;
pub mod load;
pub mod model;
pub mod output;
mod par;
pub mod quotes;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod synth;
pub mod validate;

use diagnostics::{Diagnostics, Stats};
use std::path::{Path, PathBuf};

/// A debate after loading and validation: the model, every problem found, and counts.
#[derive(Debug)]
pub struct Checked {
    /// The debate folder.
    pub root: PathBuf,
    /// The model (built from what could be read, even when there are errors).
    pub debate: model::Debate,
    /// Every error and warning.
    pub diagnostics: Diagnostics,
    /// Counts for summaries.
    pub stats: Stats,
}

/// Loads and validates a debate folder. Only a missing folder is an `Err`; problems in the
/// debate are in [`Checked::diagnostics`].
pub fn check(root: &Path, options: &load::LoadOptions) -> error::Result<Checked> {
    let mut diagnostics = Diagnostics::default();
    let (loaded, reads) = load::load_and_read(root, options, &mut diagnostics, |config| {
        let lang = validate::default_language(config);
        move |file: &load::LoadedFile| validate::read_claim_file(file, &lang, options)
    })?;
    let (debate, stats) = validate::validate_read(&loaded, reads, &mut diagnostics);
    Ok(Checked {
        root: root.to_path_buf(),
        debate,
        diagnostics,
        stats,
    })
}
