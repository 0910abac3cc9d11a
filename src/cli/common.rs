//! What several subcommands share: the debate argument, loading with diagnostics printed,
//! colour on terminals only.

use crate::diagnostics::Severity;
use crate::error::{Error, Result};
use crate::load::LoadOptions;
use crate::render::RenderContext;
use crate::{Checked, check};
use std::io::IsTerminal;
use std::path::PathBuf;

/// Arguments every command that reads a debate takes.
#[derive(Debug, clap::Args)]
pub struct DebateArgs {
    /// The debate folder (holds claimmap.yaml and the claim files).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Largest claim file to read, in megabytes (protects against huge inputs).
    #[arg(long, value_name = "MB", default_value_t = 16)]
    pub max_file_size: u64,
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
        };
        check(&self.dir, &options)
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
        if warnings > 0 {
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
