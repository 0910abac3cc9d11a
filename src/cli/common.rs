//! What several subcommands share: the debate argument, loading with diagnostics printed,
//! colour on terminals only.

use crate::diagnostics::{Severity, terminal_safe};
use crate::error::{Error, Result};
use crate::load::LoadOptions;
use crate::output::Gate;
use crate::render::RenderContext;
use crate::{Checked, check};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
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
/// The message is shown through [`terminal_safe`]: notes echo paths and ids from the debate.
pub fn note(message: impl std::fmt::Display) {
    if !quiet() {
        eprintln!("{}", terminal_safe(&message.to_string()));
    }
}

/// Prints a line only with `--verbose`: what a step did and how long it took.
pub fn detail(message: impl std::fmt::Display) {
    if VERBOSE.load(std::sync::atomic::Ordering::Relaxed) {
        eprintln!("{}", terminal_safe(&message.to_string()));
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
    bar.set_message(terminal_safe(message).into_owned());
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
    /// Steps (a claim or a link read once) allowed to the iteration of cycles of attacks
    /// before their strengths and impacts are left undecided (with a note saying which).
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
                terminal_safe(&self.dir.display().to_string())
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

/// Prints a tool error to stderr, on one line: the message goes through [`terminal_safe`]
/// (it echoes paths and ids that come from the debate), so a newline in a file name shows as
/// `\n` instead of starting a line that could pass for claimmap's own.
pub fn print_error(e: &Error) {
    let message = e.to_string();
    let message = terminal_safe(&message);
    if use_colour() {
        eprintln!("\x1b[1;31merror:\x1b[0m {message}");
    } else {
        eprintln!("error: {message}");
    }
}

/// A human-format table or listing (`eval`, `schemes`) with every line made safe for a
/// terminal: control characters and bidi overrides from the debate shown escaped, as in
/// diagnostics. Line breaks between lines stay.
pub fn terminal_lines(text: &str) -> Vec<u8> {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        out.push_str(&crate::diagnostics::terminal_safe(body));
        out.push_str(end);
    }
    out.into_bytes()
}

/// Records `--follow-links` for every [`Gate`] a command makes.
pub fn set_follow_links(follow: bool) {
    FOLLOW_LINKS.store(follow, std::sync::atomic::Ordering::Relaxed);
}

static FOLLOW_LINKS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn follow_links() -> bool {
    FOLLOW_LINKS.load(std::sync::atomic::Ordering::Relaxed)
}

/// The output gate of a command that read `checked`: its claim files, settings and sources
/// are protected. `out` (the `-o` destination, if any) is checked at once, so a refused
/// destination stops the command before any work.
pub fn output_gate(checked: &Checked, out: Option<&Path>) -> Result<Gate> {
    let mut gate = Gate::new(follow_links());
    gate.protect_debate(
        &checked.root,
        checked
            .debate
            .sources
            .iter()
            .filter_map(|s| s.path.as_deref()),
    );
    if let Some(out) = out {
        gate.resolve(out)?;
    }
    Ok(gate)
}

/// The output gate of a command that reads no debate (`schema`, `man`, `completions`): a
/// debate the destination lies in is protected all the same.
pub fn free_gate(out: Option<&Path>) -> Result<Gate> {
    let mut gate = Gate::new(follow_links());
    if let Some(out) = out {
        gate.protect_enclosing_debate(out);
        gate.resolve(out)?;
    }
    Ok(gate)
}
