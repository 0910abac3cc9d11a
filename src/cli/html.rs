//! `claimmap html`: the interactive page for the classroom projector.

use super::common::{
    DEFAULT_LAYOUT_TIMEOUT, DebateArgs, EvalArgs, LangArgs, SizeArgs, context, layout_timeout,
    output_gate,
};
use crate::error::Result;
use crate::render::RankDir;
use crate::render::html::Html;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `html`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimmap html claims -o map.html\n  claimmap html claims -o map.html --lang en --full\n\nOpen the file in a browser: click a claim (or Tab to it and press Enter) to read its\nevidence; the address ends in #claim-id, so a link to one claim can be shared."
)]
pub struct Args {
    #[command(flatten)]
    debate: DebateArgs,
    #[command(flatten)]
    lang: LangArgs,
    #[command(flatten)]
    eval: EvalArgs,
    #[command(flatten)]
    size: SizeArgs,
    /// Output file; standard output when absent.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Map direction: BT puts the thesis at the top with arrows pointing up.
    #[arg(long, value_enum, default_value_t = RankDir::BottomTop)]
    rankdir: RankDir,
    /// A folder whose templates replace the built-in ones (map.html.j2, map/style.css.j2,
    /// map/script.js.j2), file by file.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Give up on each Graphviz layout after this many seconds (0 disables).
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_LAYOUT_TIMEOUT)]
    layout_timeout: u64,
}

/// Runs `html`.
pub fn execute(args: Args) -> Result<ExitCode> {
    let checked = args.debate.load_for_render()?;
    let gate = output_gate(&checked, args.output.as_deref())?;
    let evaluation = args.eval.evaluate(&checked);
    let mut ctx = context(&checked, &args.lang)?;
    ctx.evaluation = evaluation.as_ref();
    ctx.rankdir = args.rankdir;
    args.size.apply(&mut ctx);
    let html = Html {
        templates: args.templates.clone(),
        timeout: layout_timeout(args.layout_timeout),
    };
    let page =
        super::common::with_progress("laying out the page's maps", || html.page(&ctx, None))?;
    if let Some(note) = &page.note {
        super::common::note(format_args!("note: {note}"));
    }
    gate.write(args.output.as_deref(), &page.bytes)?;
    Ok(ExitCode::SUCCESS)
}
