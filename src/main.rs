//! The `claimmap` binary: parse the command line and hand over to the library.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    claimmap::cli::run(claimmap::cli::Cli::parse())
}
