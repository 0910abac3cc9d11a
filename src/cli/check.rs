//! `claimmap check`: every problem of a debate, for people (default) or programs (`json`).

use super::common::{DebateArgs, count, summary, use_colour};
use crate::error::Result;
use std::process::ExitCode;

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimmap check claims\n  claimmap check claims --format json | jq '.errors[].message'"
)]
pub struct Args {
    #[command(flatten)]
    debate: DebateArgs,
    /// Output format of the diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Messages with source snippets, on stderr.
    Human,
    /// `{"errors": [...], "warnings": [...], "stats": {...}}` on stdout.
    Json,
}

/// Runs `check`.
pub fn execute(args: Args) -> Result<ExitCode> {
    let checked = args.debate.check()?;
    let (errors, warnings) = checked.diagnostics.counts();
    match args.format {
        Format::Json => {
            let json = checked.diagnostics.to_json(&checked.stats);
            let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
            text.push('\n');
            super::common::emit(None, text.as_bytes())?;
        }
        Format::Human => {
            eprint!("{}", checked.diagnostics.render(use_colour()));
            let s = &checked.stats;
            eprintln!(
                "{}: {} ({}, {} evidence) in {}, {}, {} verified; {}",
                checked.root.display(),
                count(s.claims, "claim", "claims"),
                count(s.theses, "thesis", "theses"),
                s.evidence,
                count(s.files, "file", "files"),
                count(s.sources, "source", "sources"),
                count(s.quotes_verified, "quote", "quotes"),
                summary(errors, warnings)
            );
        }
    }
    Ok(ExitCode::from(u8::from(errors > 0)))
}
