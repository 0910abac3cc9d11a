//! `claimmap map`: the argument map.

use super::common::{DebateArgs, LangArgs, context, emit};
use crate::error::{Error, Result};
use crate::render::RankDir;
use crate::render::map::{MapFormat, render_map};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Arguments of `map`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimmap map claims -o map.svg\n  claimmap map claims --format dot > map.dot\n  claimmap map claims --focus kornilov-stopped-by-force --depth 2 -o kornilov.png --lang en"
)]
pub struct Args {
    #[command(flatten)]
    debate: DebateArgs,
    #[command(flatten)]
    lang: LangArgs,
    /// Output file; standard output when absent (DOT and SVG only).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format; default from the output file's extension, else DOT.
    #[arg(long, value_enum)]
    format: Option<MapFormat>,
    /// Draw only the claims around this one (with `--depth`).
    #[arg(long, value_name = "ID")]
    focus: Option<String>,
    /// How many links away from `--focus` to draw.
    #[arg(long, value_name = "N", default_value_t = 2, requires = "focus")]
    depth: usize,
    /// Map direction: BT puts the thesis at the top with arrows pointing up.
    #[arg(long, value_enum, default_value_t = RankDir::BottomTop)]
    rankdir: RankDir,
    /// Give up on the Graphviz layout after this many seconds.
    #[arg(long, value_name = "SECONDS")]
    layout_timeout: Option<u64>,
}

/// Runs `map`.
pub fn execute(args: Args) -> Result<ExitCode> {
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(MapFormat::from_path))
        .unwrap_or(MapFormat::Dot);
    if args.output.is_none() && matches!(format, MapFormat::Png | MapFormat::Pdf) {
        return Err(Error::Usage {
            message: "PNG and PDF are binary: give an output file with `-o map.png`".into(),
        });
    }
    let checked = args.debate.load_for_render()?;
    let mut ctx = context(&checked, &args.lang)?;
    ctx.rankdir = args.rankdir;
    if let Some(focus) = &args.focus {
        let debate = &checked.debate;
        let Some(center) = debate.index_of(focus) else {
            let hint = crate::diagnostics::did_you_mean(
                focus,
                debate.claims.iter().map(|c| c.id.as_str()),
            )
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
            return Err(Error::Usage {
                message: format!("`--focus {focus}`: no claim has this id{hint}"),
            });
        };
        ctx.visible = Some(debate.neighbourhood(center, args.depth));
    }
    let out = render_map(&ctx, format, args.layout_timeout.map(Duration::from_secs))?;
    if let Some(note) = &out.note {
        eprintln!("note: {note}");
    }
    emit(args.output.as_deref(), &out.bytes)?;
    Ok(ExitCode::SUCCESS)
}
