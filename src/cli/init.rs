//! `claimmap init`: start a new debate folder.

use crate::error::{Error, Result};
use crate::scaffold::{create_new, init_files};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `init`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  claimmap init my-debate
  claimmap init my-debate --title \"Did the printing press cause the Reformation?\" --lang en --lang bn")]
pub struct Args {
    /// The folder to create (or an empty one to fill).
    dir: PathBuf,
    /// The debate's title.
    #[arg(long, default_value = "")]
    title: String,
    /// A display language code; repeat for several (the first is the default).
    #[arg(long = "lang", value_name = "CODE", default_value = "en")]
    languages: Vec<String>,
}

/// Runs `init`. Refuses a folder that already holds a debate or any YAML file.
pub fn execute(args: Args) -> Result<ExitCode> {
    if let Ok(entries) = std::fs::read_dir(&args.dir) {
        let taken = entries.flatten().find(|e| {
            let name = e.file_name().to_string_lossy().to_lowercase();
            name.ends_with(".yaml") || name.ends_with(".yml")
        });
        if let Some(file) = taken {
            return Err(Error::Usage {
                message: format!(
                    "`{}` already holds `{}`; `claimmap init` starts a debate in a new or empty folder",
                    args.dir.display(),
                    file.file_name().to_string_lossy()
                ),
            });
        }
    }
    for code in &args.languages {
        let ok = !code.is_empty()
            && code
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok {
            return Err(Error::Usage {
                message: format!("`--lang {code}`: give a language code such as `en` or `bn`"),
            });
        }
    }
    let gate = super::common::free_gate(None)?;
    let mut written = Vec::new();
    for (name, text) in init_files(&args.title, &args.languages) {
        let path = args.dir.join(name);
        create_new(&gate, &path, &text)?;
        written.push(path.display().to_string());
    }
    crate::scaffold::install_schemas(&gate, &args.dir)?;
    super::common::note(format_args!(
        "created {}\nnext: write the thesis in {}, then run `claimmap check {}`",
        written.join(" and "),
        args.dir.join("thesis.yaml").display(),
        args.dir.display()
    ));
    Ok(ExitCode::SUCCESS)
}
