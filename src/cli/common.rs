//! What several subcommands share: the debate argument, loading with diagnostics printed,
//! colour on terminals only.

use crate::diagnostics::Severity;
use crate::error::{Error, Result};
use crate::load::LoadOptions;
use crate::render::RenderContext;
use crate::{Checked, check};
use std::io::IsTerminal;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
static VERBOSE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Records `--quiet` / `--verbose` for [`note`] and [`detail`].
pub fn set_verbosity(quiet: bool, verbose: bool) {
    QUIET.store(quiet, std::sync::atomic::Ordering::Relaxed);
    VERBOSE.store(verbose, std::sync::atomic::Ordering::Relaxed);
}

/// Whether `--quiet` was given.
pub fn quiet() -> bool {
    QUIET.load(std::sync::atomic::Ordering::Relaxed)
}

/// Prints an informational line to stderr (what was written, what to do next), unless
/// `--quiet`.
pub fn note(message: impl std::fmt::Display) {
    if !quiet() {
        eprintln!("{message}");
    }
}

/// Prints a line only with `--verbose`: what a step did and how long it took.
pub fn detail(message: impl std::fmt::Display) {
    if VERBOSE.load(std::sync::atomic::Ordering::Relaxed) {
        eprintln!("{message}");
    }
}

/// Runs `work` with a spinner and `message` on stderr, only on a terminal and not with
/// `--quiet` (indicatif draws nothing on a pipe), so long steps (reading a corpus, laying
/// out a big map) show that claimmap is busy.
pub fn with_progress<T>(message: &str, work: impl FnOnce() -> T) -> T {
    if quiet() || !std::io::stderr().is_terminal() {
        return work();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_message(message.to_string());
    bar.enable_steady_tick(Duration::from_millis(120));
    let out = work();
    bar.finish_and_clear();
    out
}

/// Arguments every command that reads a debate takes.
#[derive(Debug, clap::Args)]
pub struct DebateArgs {
    /// The debate folder (holds claimmap.yaml and the claim files).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Largest claim file to read, in megabytes (protects against huge inputs).
    #[arg(long, value_name = "MB", default_value_t = 16)]
    pub max_file_size: u64,
    /// Most claims one file may hold.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub max_claims_per_file: usize,
    /// Longest text of a claim, in characters.
    #[arg(long, value_name = "CHARS", default_value_t = 20_000)]
    pub max_text_length: usize,
}

/// The `--no-eval` switch of commands that can show the evaluation.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Leave out strengths, labels and verdicts (the map and report as before evaluation).
    #[arg(long)]
    pub no_eval: bool,
    /// Claim updates allowed to the iteration of cycles of attacks before their strengths
    /// and impacts are left undecided (with a note saying which).
    #[arg(long, value_name = "N", default_value_t = crate::evaluate::DEFAULT_ITERATION_BUDGET)]
    pub iteration_budget: u64,
}

impl EvalArgs {
    /// The evaluation to show, unless it was switched off; a note on standard error when
    /// the iteration budget ran out.
    pub fn evaluate(&self, checked: &Checked) -> Option<crate::evaluate::Evaluation> {
        (!self.no_eval).then(|| {
            let options = crate::evaluate::Options {
                iteration_budget: self.iteration_budget,
                ..crate::evaluate::Options::default()
            };
            let ev = crate::evaluate::evaluate(&checked.debate, &options);
            if let Some(note) = ev.iteration.note(&checked.debate) {
                eprintln!("note: {note}");
            }
            ev
        })
    }
}

/// How much of a big debate `map` and `build` draw.
#[derive(Debug, clap::Args)]
pub struct SizeArgs {
    /// Above this many claims, draw the tree from the thesis down to the deepest level that
    /// fits and summarise the rest ("+212 claims: 140 for, 72 against").
    #[arg(long, value_name = "N", default_value_t = crate::render::collapse::DEFAULT_MAX_CLAIMS)]
    pub max_claims: usize,
    /// Draw every claim, however many.
    #[arg(long)]
    pub full: bool,
}

impl SizeArgs {
    /// Collapses the map in `ctx` when the debate is too big, and says so on stderr.
    pub fn apply(&self, ctx: &mut RenderContext<'_>) {
        if self.full || ctx.visible.is_some() {
            return;
        }
        let Some(c) = crate::render::collapse::collapse(ctx.debate, self.max_claims) else {
            return;
        };
        let shown = c.visible.iter().filter(|&&v| v).count();
        note(format_args!(
            "note: the debate has {} claims; the map shows the top {} level{} ({shown} claims) and summarises the rest (--full draws everything, --focus ID one region)",
            ctx.debate.claims.len(),
            c.depth + 1,
            if c.depth == 0 { "" } else { "s" },
        ));
        ctx.visible = Some(c.visible);
        ctx.summaries = c.summaries;
    }
}

/// Default of `--layout-timeout`, in seconds: a huge map can keep Graphviz busy for minutes.
pub const DEFAULT_LAYOUT_TIMEOUT: u64 = 120;

/// The Graphviz time limit from `--layout-timeout SECONDS`, where 0 means none.
pub fn layout_timeout(seconds: u64) -> Option<Duration> {
    (seconds > 0).then(|| Duration::from_secs(seconds))
}

/// Arguments for commands that show claim texts.
#[derive(Debug, clap::Args)]
pub struct LangArgs {
    /// Display language (a code from `languages:`); default: the debate's first language.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
}

impl DebateArgs {
    /// Loads and validates the debate.
    pub fn check(&self) -> Result<Checked> {
        let options = LoadOptions {
            max_file_bytes: self.max_file_size.saturating_mul(1024 * 1024),
            max_claims_per_file: self.max_claims_per_file,
            max_text_chars: self.max_text_length,
        };
        let started = std::time::Instant::now();
        let checked = with_progress(&format!("reading {}", self.dir.display()), || {
            check(&self.dir, &options)
        })?;
        detail(format_args!(
            "read {} in {} ms: {} files, {} claims, {} reviews",
            self.dir.display(),
            started.elapsed().as_millis(),
            checked.stats.files,
            checked.stats.claims,
            checked.debate.reviews.len()
        ));
        Ok(checked)
    }

    /// Loads the debate for rendering: with errors, prints them and stops (exit 1); with
    /// warnings, prints a one-line summary to stderr.
    pub fn load_for_render(&self) -> Result<Checked> {
        let checked = self.check()?;
        let (errors, warnings) = checked.diagnostics.counts();
        if errors > 0 {
            eprint!("{}", checked.diagnostics.render(use_colour()));
            eprintln!("{}", summary(errors, warnings));
            return Err(Error::DebateHasErrors { count: errors });
        }
        if warnings > 0 && !quiet() {
            eprintln!(
                "note: {warnings} warning{}; `claimmap check {}` shows them",
                plural(warnings),
                self.dir.display()
            );
        }
        Ok(checked)
    }
}

/// A render context with the requested language, checked against the debate's languages.
pub fn context<'a>(checked: &'a Checked, lang: &LangArgs) -> Result<RenderContext<'a>> {
    let mut ctx = RenderContext::new(&checked.debate);
    ctx.warnings = checked
        .diagnostics
        .sorted()
        .into_iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    if let Some(l) = &lang.lang {
        if !checked.debate.languages.contains(l) {
            return Err(Error::Usage {
                message: format!(
                    "the debate has no language `{l}`; its languages are: {}",
                    checked.debate.languages.join(", ")
                ),
            });
        }
        ctx.lang = l.clone();
    }
    Ok(ctx)
}

/// "1 error, 2 warnings".
pub fn summary(errors: usize, warnings: usize) -> String {
    format!(
        "{errors} error{}, {warnings} warning{}",
        plural(errors),
        plural(warnings)
    )
}

/// "1 claim", "3 claims".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
pub fn use_colour() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// Prints a tool error to stderr.
pub fn print_error(e: &Error) {
    if use_colour() {
        eprintln!("\x1b[1;31merror:\x1b[0m {e}");
    } else {
        eprintln!("error: {e}");
    }
}

/// Writes bytes to a file atomically, or to stdout when no file is given.
pub fn emit(out: Option<&std::path::Path>, bytes: &[u8]) -> Result<()> {
    match out {
        Some(path) => crate::output::write_atomic(path, bytes),
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|_| stdout.flush())
                .or_else(|e| {
                    // A closed pipe (`claimmap map | head`) is not an error.
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })
                .map_err(|e| Error::io("writing to standard output", e))
        }
    }
}

/// Refuses (usage error) to write `path` when it would overwrite part of the debate: a YAML
/// file inside the debate folder (a claim file, `claimmap.yaml`, or a new one that the next
/// run would load as claims) or a declared source document. Symbolic links and `..` are
/// resolved first, so another spelling of the same file is refused too.
pub fn guard_output(checked: &Checked, path: &Path) -> Result<()> {
    let refuse = |why: &str| Error::Usage {
        message: format!(
            "refusing to write over `{}`: {why}; claimmap never modifies claim files or \
             sources. Choose another output path",
            path.display()
        ),
    };
    let Ok(target) = real_path(path) else {
        // Cannot be resolved (e.g. a link loop): writing fails later with the I/O error.
        return Ok(());
    };
    let root = real_path(&checked.root).unwrap_or_else(|_| checked.root.clone());
    let is_yaml = target
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    if is_yaml && target.starts_with(&root) {
        return Err(refuse("it is part of the debate"));
    }
    for source in &checked.debate.sources {
        let Some(rel) = &source.path else { continue };
        let Ok(source_path) = real_path(&checked.root.join(rel)) else {
            continue;
        };
        if source_path == target {
            return Err(refuse(&format!(
                "it is the debate's source document `{}`",
                source.id
            )));
        }
    }
    Ok(())
}

/// The absolute path a write to `path` ends up at: symbolic links followed, the longest
/// existing ancestor canonicalized and the rest (folders still to be created) normalized.
fn real_path(path: &Path) -> std::io::Result<PathBuf> {
    let path = crate::output::resolve_links(path)?;
    let path = if path.is_absolute() {
        path
    } else {
        std::env::current_dir()?.join(path)
    };
    for ancestor in path.ancestors() {
        let Ok(mut out) = std::fs::canonicalize(ancestor) else {
            continue;
        };
        // Everything after the longest existing ancestor is yet to be created, so no link
        // can hide in it and `..` can be applied lexically.
        let rest = path.strip_prefix(ancestor).unwrap_or(Path::new(""));
        for c in rest.components() {
            match c {
                Component::ParentDir => {
                    out.pop();
                }
                Component::Normal(name) => out.push(name),
                _ => {}
            }
        }
        return Ok(out);
    }
    Ok(path)
}
