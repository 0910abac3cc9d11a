//! `claimmap review`: the checklist of what is still open for reviewers.

use super::common::{DebateArgs, LangArgs, context, output_gate};
use crate::error::Result;
use crate::render::checklist::Checklist;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `review`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  claimmap review claims                     everything still open, claim by claim
  claimmap review claims --reviewer rahim    only what rahim has not done yet
  claimmap review claims -o checklist.md --lang en")]
pub struct Args {
    #[command(flatten)]
    debate: DebateArgs,
    #[command(flatten)]
    lang: LangArgs,
    /// Only what this reviewer (the `reviewer:` of their reviews) has not done yet.
    #[arg(long, value_name = "NAME")]
    reviewer: Option<String>,
    /// Output file; standard output when absent.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Runs `review`.
pub fn execute(args: Args) -> Result<ExitCode> {
    let checked = args.debate.load_for_render()?;
    let gate = output_gate(&checked, args.output.as_deref())?;
    let ctx = context(&checked, &args.lang)?;
    let text = Checklist {
        reviewer: args.reviewer.as_deref(),
    }
    .render(&ctx);
    gate.write(args.output.as_deref(), text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
