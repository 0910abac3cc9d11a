//! `claimmap schemes`: the argument schemes a debate can name, with their critical questions.

use super::common::{DebateArgs, LangArgs};
use crate::error::Result;
use crate::model::Scheme;
use std::fmt::Write as _;
use std::process::ExitCode;

/// Arguments of `schemes`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  claimmap schemes                  the built-in catalogue (and the current debate's own)
  claimmap schemes claims --lang bn in Bengali
  claimmap schemes --format json")]
pub struct Args {
    #[command(flatten)]
    debate: DebateArgs,
    #[command(flatten)]
    lang: LangArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Each scheme with its description and critical questions.
    Text,
    /// The catalogue as a JSON list.
    Json,
}

/// Runs `schemes`: the built-in catalogue merged with the debate's own `schemes:`. Works in
/// a folder that is no debate at all (then only the built-in schemes are listed).
pub fn execute(args: Args) -> Result<ExitCode> {
    // Only a folder with claimmap.yaml is read as a debate, so `claimmap schemes` anywhere
    // else lists the catalogue without walking the folder for YAML files.
    let (schemes, languages) = if args.debate.dir.join(crate::load::CONFIG_FILE).is_file() {
        let checked = args.debate.check()?;
        (checked.debate.schemes, checked.debate.languages)
    } else {
        let builtin = crate::validate::schemes::builtin().to_vec();
        (builtin, vec!["en".to_string(), "bn".to_string()])
    };
    let lang = args
        .lang
        .lang
        .clone()
        .unwrap_or_else(|| languages[0].clone());
    let bytes = match args.format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&schemes).unwrap_or_default();
            text.push('\n');
            text.into_bytes()
        }
        Format::Text => super::common::terminal_lines(&text(&schemes, &lang, &languages)),
    };
    crate::output::write_stdout(&bytes)?;
    Ok(ExitCode::SUCCESS)
}

fn text(schemes: &[Scheme], lang: &str, fallbacks: &[String]) -> String {
    let mut out = String::new();
    for s in schemes {
        let _ = write!(out, "{} — {}", s.id, s.name.get(lang, fallbacks));
        if let Some(o) = &s.origin {
            let _ = write!(out, "  [{}:{}]", o.file, o.line);
        }
        out.push('\n');
        let description = s.description.get(lang, fallbacks);
        if !description.is_empty() {
            let _ = writeln!(out, "  {description}");
        }
        let width = s.questions.iter().map(|q| q.id.len()).max().unwrap_or(0);
        for q in &s.questions {
            let _ = writeln!(out, "    {:width$}  {}", q.id, q.text.get(lang, fallbacks));
        }
        out.push('\n');
    }
    out
}
