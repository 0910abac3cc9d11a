//! `claimmap completions` and `claimmap man`: shell completions and a man page generated
//! from the same clap definition as the parser, so they never drift from it.

use super::Cli;
use super::common::free_gate;
use crate::error::Result;
use clap::CommandFactory;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `completions`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  claimmap completions bash > ~/.local/share/bash-completion/completions/claimmap
  claimmap completions zsh > ~/.zfunc/_claimmap
  claimmap completions fish > ~/.config/fish/completions/claimmap.fish")]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Arguments of `man`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  claimmap man | man -l -
  claimmap man -o claimmap.1")]
pub struct ManArgs {
    /// Output file; standard output when absent.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Runs `completions`.
pub fn completions(args: CompletionsArgs) -> Result<ExitCode> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "claimmap", &mut out);
    crate::output::write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `man`: the main page, with every subcommand's options appended.
pub fn man(args: ManArgs) -> Result<ExitCode> {
    let gate = free_gate(args.output.as_deref())?;
    let command = Cli::command();
    let mut out = Vec::new();
    let io = |e| crate::error::Error::io("writing the man page", e);
    clap_mangen::Man::new(command.clone())
        .render(&mut out)
        .map_err(io)?;
    // One section per subcommand: its synopsis, description and options, so `man claimmap`
    // documents every flag that --help does.
    for sub in command.get_subcommands() {
        let name = format!("claimmap {}", sub.get_name());
        out.extend_from_slice(format!(".SH \"{}\"\n", name.to_uppercase()).as_bytes());
        let page = clap_mangen::Man::new(sub.clone().bin_name(name));
        page.render_synopsis_section(&mut out).map_err(io)?;
        page.render_description_section(&mut out).map_err(io)?;
        page.render_options_section(&mut out).map_err(io)?;
    }
    gate.write(args.output.as_deref(), &out)?;
    Ok(ExitCode::SUCCESS)
}
