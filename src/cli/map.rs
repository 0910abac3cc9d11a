//! `claimmap map`: the argument map.

use super::common::{
    DEFAULT_LAYOUT_TIMEOUT, DebateArgs, EvalArgs, LangArgs, SizeArgs, context, layout_timeout,
    output_gate,
};
use crate::error::{Error, Result};
use crate::render::RankDir;
use crate::render::map::{MapFormat, render_map};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
    #[command(flatten)]
    eval: EvalArgs,
    #[command(flatten)]
    size: SizeArgs,
    /// Output file; standard output when absent (DOT and SVG only).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format; default from the output file's extension (.dot, .svg, .png, .pdf), and
    /// DOT on standard output.
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
    /// Give up on the Graphviz layout after this many seconds (0 disables).
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_LAYOUT_TIMEOUT)]
    layout_timeout: u64,
}

/// Runs `map`.
pub fn execute(args: Args) -> Result<ExitCode> {
    let format = choose_format(args.format, args.output.as_deref())?;
    let checked = args.debate.load_for_render()?;
    let gate = output_gate(&checked, args.output.as_deref())?;
    let evaluation = args.eval.evaluate(&checked);
    let mut ctx = context(&checked, &args.lang)?;
    ctx.evaluation = evaluation.as_ref();
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
    args.size.apply(&mut ctx);
    let out = super::common::with_progress("drawing the map", || {
        render_map(&ctx, format, layout_timeout(args.layout_timeout))
    })?;
    if let Some(note) = &out.note {
        super::common::note(format_args!("note: {note}"));
    }
    gate.write(args.output.as_deref(), &out.bytes)?;
    Ok(ExitCode::SUCCESS)
}

/// The map format: `--format`, else the output file's extension, else DOT on standard output.
/// An output file whose extension names no format, or another format than `--format`, is a
/// usage error rather than a file with a misleading name.
fn choose_format(format: Option<MapFormat>, output: Option<&Path>) -> Result<MapFormat> {
    let usage = |message: String| Err(Error::Usage { message });
    let Some(output) = output else {
        let format = format.unwrap_or(MapFormat::Dot);
        if matches!(format, MapFormat::Png | MapFormat::Pdf) {
            let ext = format.extension();
            return usage(format!(
                "{} is binary: give an output file with `-o map.{ext}`",
                ext.to_ascii_uppercase()
            ));
        }
        return Ok(format);
    };
    match (format, MapFormat::from_path(output)) {
        (Some(f), Some(g)) if f != g => usage(format!(
            "`--format {}` does not match the output file `{}`; give the file a .{} name or \
             leave out --format",
            f.extension(),
            output.display(),
            f.extension()
        )),
        (Some(f), _) | (None, Some(f)) => Ok(f),
        (None, None) => usage(format!(
            "cannot tell the format from `{}`; use --format dot|svg|png|pdf or a \
             .dot/.svg/.png/.pdf file name",
            output.display()
        )),
    }
}
