//! `claimmap schema`: the JSON Schema of claim files or of claimmap.yaml, for editors.

use super::common::free_gate;
use crate::error::Result;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `schema`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  claimmap schema > claim-file.schema.json
  claimmap schema config > claimmap.schema.json
Then start a YAML file with
  # yaml-language-server: $schema=claim-file.schema.json
so VS Code (YAML extension) completes and checks keys as you type.")]
pub struct Args {
    /// Which file's schema.
    #[arg(value_enum, default_value_t = Which::Claims)]
    which: Which,
    /// Output file; standard output when absent.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// The two kinds of files in a debate folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Which {
    /// Claim files (`claims:` and `reviews:`).
    Claims,
    /// claimmap.yaml.
    Config,
}

/// Runs `schema`.
pub fn execute(args: Args) -> Result<ExitCode> {
    let schema = match args.which {
        Which::Claims => crate::schema::claim_file(),
        Which::Config => crate::schema::config_file(),
    };
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    free_gate(args.output.as_deref())?.write(args.output.as_deref(), text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
