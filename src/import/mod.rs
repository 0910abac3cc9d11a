//! Importers: other tools' formats turned into a claimmap debate folder. Whatever cannot be
//! mapped is reported as a warning, never dropped silently; malformed input is an error that
//! names the line, and then nothing is written.

pub mod aif;
pub mod argdown;
pub mod write;
pub mod yaml;

/// A debate read from another format, ready to be written as files.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The files to write, as (path relative to the new folder, text).
    pub files: Vec<(String, String)>,
    /// What could not be mapped.
    pub warnings: Vec<String>,
    /// How many claims were imported.
    pub claims: usize,
}
