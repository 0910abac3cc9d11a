//! `claimmap eval`: strengths, labels, verdicts and impacts, as a table or JSON.

use super::common::{DebateArgs, LangArgs, context, output_gate};
use crate::error::Result;
use crate::evaluate::{self, Semantics};
use crate::render::Renderer;
use crate::render::eval::{EvalJson, EvalTable, Sort};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `eval`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  claimmap eval claims                        verdicts, then every claim's strength and label
  claimmap eval claims --sort impact          what the verdict rests on, largest first
  claimmap eval claims --semantics preferred  add credulous and sceptical acceptance
  claimmap eval claims --format json | jq '.theses'")]
pub struct Args {
    #[command(flatten)]
    debate: DebateArgs,
    #[command(flatten)]
    lang: LangArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Extension-based semantics to add to the grounded labelling (searches; refuses
    /// politely when the debate is too large for an exact answer).
    #[arg(long, value_enum, default_value_t = Semantics::Grounded)]
    semantics: Semantics,
    /// Order of the claims in the table.
    #[arg(long, value_enum, default_value_t = Sort::Tree)]
    sort: Sort,
    /// How many impacts to list per thesis.
    #[arg(long, value_name = "N", default_value_t = 20)]
    top: usize,
    /// Claim updates allowed to the iteration of cycles of attacks before their strengths
    /// and impacts are left undecided (with a note saying which).
    #[arg(long, value_name = "N", default_value_t = evaluate::DEFAULT_ITERATION_BUDGET)]
    iteration_budget: u64,
    /// Output file; standard output when absent.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// A readable table in `--lang`.
    Table,
    /// `{"theses": [...], "claims": [...], "semantics": {...}}` (see the README).
    Json,
}

/// Runs `eval`.
pub fn execute(args: Args) -> Result<ExitCode> {
    let checked = args.debate.load_for_render()?;
    let gate = output_gate(&checked, args.output.as_deref())?;
    let options = evaluate::Options {
        semantics: args.semantics,
        top: args.top,
        iteration_budget: args.iteration_budget,
        ..evaluate::Options::default()
    };
    let evaluation = super::common::with_progress("weighing the debate", || {
        evaluate::evaluate(&checked.debate, &options)
    });
    let mut ctx = context(&checked, &args.lang)?;
    ctx.evaluation = Some(&evaluation);
    let bytes = match args.format {
        Format::Table => {
            let table = EvalTable { sort: args.sort }.render(&ctx)?;
            super::common::terminal_lines(&String::from_utf8_lossy(&table))
        }
        Format::Json => EvalJson.render(&ctx)?,
    };
    gate.write(args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}
