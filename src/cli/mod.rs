//! The command line: argument parsing (clap) and one `execute` per subcommand.
//!
//! Each subcommand is a few library calls. Diagnostics go to stderr and outputs to stdout or
//! files, so `claimmap map > map.dot` pipes cleanly. Exit codes: 0 success, 1 the debate has
//! errors, 2 the tool could not run.

mod build;
mod check;
mod common;
mod diff;
mod eval;
mod export;
mod html;
mod import;
mod init;
mod map;
mod new;
mod report;
mod review;
mod schema;
mod schemes;
mod shell;
mod watch;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// claimmap: check, weigh and draw arguments kept as YAML files.
#[derive(Debug, Parser)]
#[command(name = "claimmap", version, about, long_about = None, after_help = AFTER_HELP)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Print only errors: no notes, summaries or warnings.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print what each step did and how long it took.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Follow symbolic links on the way to an output even when they lead out of the current
    /// folder (by default such links are refused: a repository could plant them).
    #[arg(long, global = true)]
    pub follow_links: bool,
}

const AFTER_HELP: &str = "\
Examples:
  claimmap build claims            check the demo debate and write out/map.svg, out/report.md ...
  claimmap check claims            list every problem with file, line and column
  claimmap map claims -o map.png   draw the argument map (needs Graphviz for PNG/PDF)
  claimmap html claims -o map.html the interactive map: click a claim to read its evidence
  claimmap eval claims             how well each claim stands and what decides the thesis

Exit codes: 0 success, 1 the debate has errors, 2 claimmap could not run.";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a debate: load, validate and lint, reporting every problem in one run.
    Check(check::Args),
    /// Draw the argument map (DOT, SVG, PNG or PDF).
    Map(map::Args),
    /// Write the Markdown report.
    Report(report::Args),
    /// Write the interactive HTML map: one self-contained page with a side panel, search,
    /// filters, a language switch and zoom.
    Html(html::Args),
    /// Weigh the debate: each claim's strength and label, each thesis's verdict, and what
    /// would change it.
    Eval(eval::Args),
    /// Turn another tool's file (AIF) into a new debate folder.
    Import(import::Args),
    /// Export the checked model for other programs.
    Export(export::Args),
    /// The review checklist: open critical questions, source problems, unanswered
    /// objections and unreviewed claims.
    Review(review::Args),
    /// List the argument schemes and their critical questions.
    Schemes(schemes::Args),
    /// Start a new debate folder: claimmap.yaml and a thesis file, with comments that teach
    /// the format.
    Init(init::Args),
    /// Write a new claim, evidence or review file to fill in (never overwrites).
    New(new::Args),
    /// What changed between two versions of a debate (folders or git revisions).
    Diff(diff::Args),
    /// The JSON Schema of claim files or claimmap.yaml, for editor completion.
    Schema(schema::Args),
    /// Shell completions for bash, zsh, fish, PowerShell or elvish.
    Completions(shell::CompletionsArgs),
    /// The man page (roff), generated from the same definitions as --help.
    Man(shell::ManArgs),
    /// Rebuild the outputs of `build` whenever the debate changes (Ctrl-C stops).
    Watch(watch::WatchArgs),
    /// The main job: check, then write map.dot, map.svg, map.html, report.md, debate.json
    /// and evaluation.json.
    Build(build::Args),
}

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    common::set_verbosity(cli.quiet, cli.verbose);
    common::set_follow_links(cli.follow_links);
    let result = match cli.command {
        Command::Check(a) => check::execute(a),
        Command::Map(a) => map::execute(a),
        Command::Report(a) => report::execute(a),
        Command::Html(a) => html::execute(a),
        Command::Eval(a) => eval::execute(a),
        Command::Import(a) => import::execute(a),
        Command::Export(a) => export::execute(a),
        Command::Review(a) => review::execute(a),
        Command::Schemes(a) => schemes::execute(a),
        Command::Init(a) => init::execute(a),
        Command::New(a) => new::execute(a),
        Command::Diff(a) => diff::execute(a),
        Command::Schema(a) => schema::execute(a),
        Command::Completions(a) => shell::completions(a),
        Command::Man(a) => shell::man(a),
        Command::Watch(a) => watch::execute(a),
        Command::Build(a) => build::execute(a),
    };
    match result {
        Ok(code) => code,
        Err(crate::error::Error::DebateHasErrors { .. }) => ExitCode::from(1),
        Err(e) => {
            common::print_error(&e);
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn clap_definition_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
