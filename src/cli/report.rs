//! `claimmap report`: the Markdown report.

use super::common::{DebateArgs, EvalArgs, LangArgs, context, output_gate};
use crate::error::Result;
use crate::render::Renderer;
use crate::render::markdown::Markdown;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `report`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimmap report claims -o report.md\n  claimmap report claims --lang en --templates my-templates/ > report.md"
)]
pub struct Args {
    #[command(flatten)]
    debate: DebateArgs,
    #[command(flatten)]
    lang: LangArgs,
    #[command(flatten)]
    eval: EvalArgs,
    /// Output file; standard output when absent.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// A folder whose templates replace the built-in ones, file by file.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// The map image the report links to.
    #[arg(long, value_name = "FILE")]
    map_image: Option<String>,
    /// Embed the map as a Mermaid flowchart, which GitHub draws inline with no image file.
    #[arg(long)]
    mermaid: bool,
}

/// Runs `report`.
pub fn execute(args: Args) -> Result<ExitCode> {
    let checked = args.debate.load_for_render()?;
    let gate = output_gate(&checked, args.output.as_deref())?;
    let evaluation = args.eval.evaluate(&checked);
    let mut ctx = context(&checked, &args.lang)?;
    ctx.evaluation = evaluation.as_ref();
    ctx.map_image = args.map_image;
    ctx.mermaid = args.mermaid;
    let bytes = Markdown {
        templates: args.templates,
    }
    .render(&ctx)?;
    gate.write(args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}
