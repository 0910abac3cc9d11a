//! `claimmap build`: the main job. Check the debate, then write every output into one folder.

use super::common::{
    DEFAULT_LAYOUT_TIMEOUT, DebateArgs, EvalArgs, LangArgs, SizeArgs, context, count,
    layout_timeout, output_gate,
};
use crate::error::Result;
use crate::render::Renderer;
use crate::render::eval::EvalJson;
use crate::render::html::Html;
use crate::render::json::Json;
use crate::render::map::{MapOutput, render_build_svg};
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
    pub(super) debate: DebateArgs,
    #[command(flatten)]
    lang: LangArgs,
    #[command(flatten)]
    eval: EvalArgs,
    #[command(flatten)]
    size: SizeArgs,
    /// Output folder (created when missing; only claimmap's own files in it are replaced).
    #[arg(short, long, value_name = "DIR", default_value = "out")]
    pub(super) output: PathBuf,
    /// A folder whose templates replace the built-in ones, file by file.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Give up on the Graphviz layout after this many seconds (0 disables).
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_LAYOUT_TIMEOUT)]
    layout_timeout: u64,
}

/// The files `build` writes into the output folder.
const OUTPUTS: [&str; 5] = ["map.dot", "map.svg", "map.html", "report.md", "debate.json"];
/// Written beside them unless `--no-eval`: what `eval --format json` prints.
const EVAL_OUTPUT: &str = "evaluation.json";

/// Runs `build`: writes `map.dot`, `map.svg`, `map.html`, `report.md`, `debate.json` and, unless
/// `--no-eval`, `evaluation.json`.
pub fn execute(args: Args) -> Result<ExitCode> {
    run(&args)
}

/// One build, for `build` and for each rebuild of `watch`.
pub(super) fn run(args: &Args) -> Result<ExitCode> {
    let checked = args.debate.load_for_render()?;
    let gate = output_gate(&checked, None)?;
    for name in OUTPUTS.into_iter().chain([EVAL_OUTPUT]) {
        gate.resolve(&args.output.join(name))?;
    }
    let evaluation = args.eval.evaluate(&checked);
    let mut ctx = context(&checked, &args.lang)?;
    ctx.evaluation = evaluation.as_ref();
    ctx.map_image = Some("map.svg".to_string());
    args.size.apply(&mut ctx);
    // Render everything before writing anything: a failing renderer leaves the previous
    // outputs untouched instead of a mix of old and new files.
    let dot = crate::render::dot::to_dot(&ctx);
    let timeout = layout_timeout(args.layout_timeout);
    let html = Html {
        templates: args.templates.clone(),
        timeout,
    };
    let mut page =
        super::common::with_progress("laying out the maps", || html.page(&ctx, Some(&dot)))?;
    // The page's Graphviz layout in the display language is map.svg; without Graphviz the
    // SVG gets the built-in layout (or a placeholder) on its own.
    let svg = match page.graphviz_svg.take() {
        Some(bytes) => MapOutput { bytes, note: None },
        None => render_build_svg(&ctx, &dot, timeout)?,
    };
    let report = Markdown {
        templates: args.templates.clone(),
    }
    .render(&ctx)?;
    let json = Json.render(&ctx)?;
    let eval_json = match ctx.evaluation {
        Some(_) => Some(EvalJson.render(&ctx)?),
        None => None,
    };
    let outputs = [dot.as_bytes(), &svg.bytes, &page.bytes, &report, &json];
    for (name, bytes) in OUTPUTS.into_iter().zip(outputs) {
        gate.write(Some(&args.output.join(name)), bytes)?;
    }
    let eval_path = args.output.join(EVAL_OUTPUT);
    match &eval_json {
        Some(bytes) => gate.write(Some(&eval_path), bytes)?,
        // An evaluation left by an earlier build would contradict the new outputs.
        None => gate.remove_stale(&eval_path)?,
    }
    // Both notes say Graphviz is missing; one is enough.
    if let Some(note) = svg.note.as_ref().or(page.note.as_ref()) {
        super::common::note(format_args!("note: {note}"));
    }
    let mut written = OUTPUTS.to_vec();
    if eval_json.is_some() {
        written.push(EVAL_OUTPUT);
    }
    super::common::note(format_args!(
        "wrote {} ({}): {}, {} verified",
        args.output.display(),
        written.join(", "),
        count(checked.stats.claims, "claim", "claims"),
        count(checked.stats.quotes_verified, "quote", "quotes")
    ));
    if let Some(ev) = &evaluation {
        for t in &ev.theses {
            let j = &t.verdict;
            super::common::note(format_args!(
                "thesis `{}` {} under {} (case for {:.2}, against {:.2})",
                checked.debate.claims[t.claim].id,
                j.verdict.as_str(),
                j.standard.as_str(),
                j.pro,
                j.con
            ));
        }
    }
    Ok(ExitCode::SUCCESS)
}
