//! `claimmap build`: the main job. Check the debate, then write every output into one folder.

use super::common::{DebateArgs, LangArgs, context, count};
use crate::error::Result;
use crate::output::write_atomic;
use crate::render::Renderer;
use crate::render::json::Json;
use crate::render::map::{MapFormat, render_map};
use crate::render::markdown::Markdown;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `build`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  claimmap build claims\n  claimmap build claims -o site/ --lang en"
)]
pub struct Args {
    #[command(flatten)]
    debate: DebateArgs,
    #[command(flatten)]
    lang: LangArgs,
    /// Output folder (created when missing; only claimmap's own files in it are replaced).
    #[arg(short, long, value_name = "DIR", default_value = "out")]
    output: PathBuf,
    /// A folder whose templates replace the built-in ones, file by file.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
}

/// Runs `build`: writes `map.dot`, `map.svg`, `report.md` and `debate.json`.
pub fn execute(args: Args) -> Result<ExitCode> {
    let checked = args.debate.load_for_render()?;
    let mut ctx = context(&checked, &args.lang)?;
    ctx.map_image = Some("map.svg".to_string());
    // Render everything before writing anything: a failing renderer leaves the previous
    // outputs untouched instead of a mix of old and new files.
    let dot = render_map(&ctx, MapFormat::Dot, None)?;
    let svg = render_map(&ctx, MapFormat::Svg, None)?;
    let report = Markdown {
        templates: args.templates.clone(),
    }
    .render(&ctx)?;
    let json = Json.render(&ctx)?;
    let outputs = [
        ("map.dot", &dot.bytes),
        ("map.svg", &svg.bytes),
        ("report.md", &report),
        ("debate.json", &json),
    ];
    for (name, bytes) in outputs {
        write_atomic(&args.output.join(name), bytes)?;
    }
    if let Some(note) = &svg.note {
        eprintln!("note: {note}");
    }
    eprintln!(
        "wrote {} (map.dot, map.svg, report.md, debate.json): {}, {} verified",
        args.output.display(),
        count(checked.stats.claims, "claim", "claims"),
        count(checked.stats.quotes_verified, "quote", "quotes")
    );
    Ok(ExitCode::SUCCESS)
}
