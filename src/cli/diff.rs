//! `claimmap diff`: what changed between two versions of a debate.

use crate::error::{Error, Result};
use crate::load::LoadOptions;
use crate::render::diff::DiffView;
use crate::render::{Changes, RenderContext};
use crate::{Checked, check};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `diff`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  claimmap diff old-claims claims                 two folders
  claimmap diff --git main HEAD claims            two git revisions of one folder
  claimmap diff --git main HEAD claims --format dot -o changes.dot")]
pub struct Args {
    /// The old version: a debate folder, or with --git a revision.
    old: String,
    /// The new version: a debate folder, or with --git a revision.
    new: String,
    /// With --git: the debate folder inside the repository (default: the current folder).
    dir: Option<PathBuf>,
    /// Read OLD and NEW as git revisions of DIR, without touching the work tree.
    #[arg(long)]
    git: bool,
    /// Output format: the Markdown summary, or the new version's map with added, changed
    /// and removed claims marked.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
    /// Display language.
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
    /// Output file; standard output when absent.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Markdown for a pull request.
    Markdown,
    /// DOT of the new version with the changes marked.
    Dot,
}

/// Runs `diff`.
pub fn execute(args: Args) -> Result<ExitCode> {
    let options = LoadOptions::default();
    let (old, new, gate, _copies) = if args.git {
        let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
        let a = crate::gitread::checkout(&dir, &args.old)?;
        let b = crate::gitread::checkout(&dir, &args.new)?;
        let old = check(a.path(), &options)?;
        let new = check(b.path(), &options)?;
        // The revisions are read from git, but the work tree holds the debate too: neither
        // it nor any file git tracks may be written.
        let mut gate = super::common::output_gate(&new, None)?;
        gate.protect_debate(
            &dir,
            new.debate.sources.iter().filter_map(|s| s.path.as_deref()),
        );
        let (top, tracked) = crate::gitread::tracked(&dir)?;
        gate.protect_files(&top, tracked);
        (old, new, gate, Some((a, b)))
    } else {
        if args.dir.is_some() {
            return Err(Error::Usage {
                message: "a third folder only makes sense with --git".into(),
            });
        }
        let old = check(Path::new(&args.old), &options)?;
        let new = check(Path::new(&args.new), &options)?;
        let mut gate = super::common::output_gate(&new, None)?;
        gate.protect_debate(
            &old.root,
            old.debate.sources.iter().filter_map(|s| s.path.as_deref()),
        );
        (old, new, gate, None)
    };
    if let Some(out) = &args.output {
        gate.resolve(out)?;
    }
    let clean = note_errors(&old, &args.old) & note_errors(&new, &args.new);
    let d = crate::diff::diff(&old.debate, &new.debate, clean);
    let lang = args
        .lang
        .clone()
        .unwrap_or_else(|| new.debate.default_language().to_string());
    let bytes = match args.format {
        Format::Markdown => DiffView {
            old: &old.debate,
            new: &new.debate,
            old_name: &args.old,
            new_name: &args.new,
            lang: &lang,
        }
        .render(&d)
        .into_bytes(),
        Format::Dot => {
            let n = new.debate.claims.len();
            let mut changes = Changes {
                added: vec![false; n],
                changed: vec![false; n],
                removed: Vec::new(),
            };
            for id in &d.added {
                if let Some(i) = new.debate.index_of(id) {
                    changes.added[i] = true;
                }
            }
            for c in &d.changed {
                if let Some(i) = new.debate.index_of(&c.id) {
                    changes.changed[i] = true;
                }
            }
            for id in &d.removed {
                let c = old
                    .debate
                    .claim(id)
                    .expect("removed ids come from the old debate");
                changes.removed.push((
                    id.clone(),
                    c.text.get(&lang, &old.debate.languages).to_string(),
                ));
            }
            let mut ctx = RenderContext::new(&new.debate);
            ctx.lang = lang.clone();
            ctx.changes = Some(&changes);
            crate::render::dot::to_dot(&ctx).into_bytes()
        }
    };
    gate.write(args.output.as_deref(), &bytes)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints a one-line note when a version has errors; returns whether it has none.
fn note_errors(checked: &Checked, name: &str) -> bool {
    let (errors, _) = checked.diagnostics.counts();
    if errors > 0 {
        super::common::note(format_args!(
            "note: `{name}` has {errors} error{}; claims that could be read are compared, but not evaluated",
            if errors == 1 { "" } else { "s" }
        ));
    }
    errors == 0
}
