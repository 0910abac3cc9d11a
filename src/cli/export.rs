//! `claimmap export`: the checked model in machine-readable formats.

use super::common::{DebateArgs, output_gate};
use crate::error::Result;
use crate::render::aif::Aif;
use crate::render::argdown::Argdown;
use crate::render::graphml::GraphMl;
use crate::render::iccma::Iccma;
use crate::render::json::Json;
use crate::render::{RenderContext, Renderer};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimmap export claims --format json > debate.json\n  claimmap export claims -o debate.json\n  claimmap export claims --format iccma -o debate.af"
)]
pub struct Args {
    #[command(flatten)]
    debate: DebateArgs,
    /// Export format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Output file; standard output when absent.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// The whole checked model as JSON (documented in the README).
    Json,
    /// The attack graph in the ICCMA 2023 format (`p af N`), for argumentation solvers.
    Iccma,
    /// GraphML, for yEd, Gephi and other graph tools.
    Graphml,
    /// AIF JSON (nodes, edges, locutions), as AIFdb and OVA read it.
    Aif,
    /// An Argdown document (statements, +> -> _> relations, tags).
    Argdown,
}

/// Runs `export`.
pub fn execute(args: Args) -> Result<ExitCode> {
    let checked = args.debate.load_for_render()?;
    let gate = output_gate(&checked, args.output.as_deref())?;
    let ctx = RenderContext::new(&checked.debate);
    let bytes = match args.format {
        Format::Json => Json.render(&ctx)?,
        Format::Iccma => Iccma.render(&ctx)?,
        Format::Graphml => GraphMl.render(&ctx)?,
        Format::Aif => Aif.render(&ctx)?,
        Format::Argdown => Argdown.render(&ctx)?,
    };
    gate.write(args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}
