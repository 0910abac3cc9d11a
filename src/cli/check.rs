//! `claimmap check`: every problem of a debate, for people (default) or programs (`json`).

use super::common::{DebateArgs, count, summary, use_colour};
use crate::error::Result;
use crate::validate::lints::WARNING_CODES;
use std::process::ExitCode;

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimmap check claims\n  claimmap check claims --format json | jq '.errors[].message'\n  claimmap check claims --allow reasoning-words,multiple-sentences"
)]
pub struct Args {
    #[command(flatten)]
    debate: DebateArgs,
    /// Output format of the diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Do not report these warnings (repeat the flag or separate codes with commas); errors
    /// cannot be allowed. A debate can also list codes under `allow:` in claimmap.yaml.
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    allow: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Messages with source snippets, on stderr.
    Human,
    /// `{"errors": [...], "warnings": [...], "stats": {...}}` on stdout.
    Json,
    /// GitHub workflow annotations on stdout, shown inline on pull requests.
    Github,
}

/// Runs `check`.
pub fn execute(args: Args) -> Result<ExitCode> {
    for code in &args.allow {
        if !WARNING_CODES.contains(&code.as_str()) {
            let hint = match crate::diagnostics::did_you_mean(code, WARNING_CODES.iter().copied()) {
                Some(s) => format!("; did you mean `{s}`?"),
                None => format!("; warning codes are: {}", WARNING_CODES.join(", ")),
            };
            return Err(crate::error::Error::Usage {
                message: format!("`--allow {code}`: not a warning code{hint}"),
            });
        }
    }
    let mut checked = args.debate.check()?;
    checked.diagnostics.allow(&args.allow);
    if super::common::quiet() {
        checked.diagnostics.drop_warnings();
    }
    let (errors, warnings) = checked.diagnostics.counts();
    match args.format {
        Format::Github => {
            let root = args.debate.dir.to_string_lossy().replace('\\', "/");
            let root = root.trim_start_matches("./");
            crate::output::write_stdout(checked.diagnostics.to_github(root).as_bytes())?;
        }
        Format::Json => {
            let json = checked.diagnostics.to_json(&checked.stats);
            let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
            text.push('\n');
            crate::output::write_stdout(text.as_bytes())?;
        }
        Format::Human => {
            eprint!("{}", checked.diagnostics.render(use_colour()));
            let s = &checked.stats;
            super::common::note(format_args!(
                "{}: {} ({}, {} evidence) in {}, {}, {} verified; {}",
                checked.root.display(),
                count(s.claims, "claim", "claims"),
                count(s.theses, "thesis", "theses"),
                s.evidence,
                count(s.files, "file", "files"),
                count(s.sources, "source", "sources"),
                count(s.quotes_verified, "quote", "quotes"),
                summary(errors, warnings)
            ));
        }
    }
    // The process ends here: freeing a big debate piece by piece only costs time (0.1 s at
    // 100,000 claims), so leave it to the operating system.
    std::mem::forget(checked);
    Ok(ExitCode::from(u8::from(errors > 0)))
}
