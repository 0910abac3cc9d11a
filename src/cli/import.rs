//! `claimmap import`: another tool's file to a new debate folder.

use super::common::{note, use_colour};
use crate::error::{Error, Result};
use crate::scaffold::create_new;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `import`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  claimmap import aif debate.json -o imported
  claimmap import argdown debate.argdown -o imported
  claimmap export claims --format aif | claimmap import aif - -o copy")]
pub struct Args {
    /// The format of FILE.
    #[arg(value_enum)]
    format: Format,
    /// The file to read (`-` for standard input).
    file: PathBuf,
    /// The new debate folder (must not exist, or be empty).
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// AIF JSON, as AIFdb, OVA and `claimmap export --format aif` write it.
    Aif,
    /// An Argdown document (statements and their relations).
    Argdown,
}

/// Runs `import`: reads everything first, writes only when it all parsed.
pub fn execute(args: Args) -> Result<ExitCode> {
    let (text, name) = if args.file.as_os_str() == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| Error::io("reading standard input", e))?;
        (s, "standard input".to_string())
    } else {
        let text = std::fs::read_to_string(&args.file)
            .map_err(|e| Error::io(format!("reading {}", args.file.display()), e))?;
        // The name is shown in messages and written in a comment: keep it one visible line.
        let name = crate::import::yaml::comment(&args.file.display().to_string());
        (text, name)
    };
    let imported = match args.format {
        Format::Aif => crate::import::aif::import(&text, &name)?,
        Format::Argdown => crate::import::argdown::import(&text, &name).map_err(|refused| {
            eprint!("{}", refused.diagnostics.render(use_colour()));
            let (count, shown) = (refused.count, refused.diagnostics.counts().0);
            Error::Usage {
                message: format!(
                    "{count} error{} in {name}{}; nothing was written",
                    if count == 1 { "" } else { "s" },
                    if shown < count {
                        format!(" (the first {shown} are shown)")
                    } else {
                        String::new()
                    }
                ),
            }
        })?,
    };
    if std::fs::read_dir(&args.output).is_ok_and(|mut d| d.next().is_some()) {
        return Err(Error::Usage {
            message: format!(
                "`{}` is not empty; import into a new folder (claimmap never overwrites files)",
                args.output.display()
            ),
        });
    }
    let gate = super::common::free_gate(None)?;
    for (rel, text) in &imported.files {
        create_new(&gate, &args.output.join(rel), text)?;
    }
    // Warnings quote the file (node ids, scheme names, lines): shown escaped.
    for w in &imported.warnings {
        eprintln!(
            "warning: {}: {}",
            crate::diagnostics::terminal_safe(&name),
            crate::diagnostics::terminal_safe(w)
        );
    }
    note(format_args!(
        "imported {} claims into {}; run `claimmap check {}`",
        imported.claims,
        args.output.display(),
        args.output.display()
    ));
    Ok(ExitCode::SUCCESS)
}
