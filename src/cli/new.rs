//! `claimmap new`: a new claim, evidence or review file for a student to fill in.

use super::common::DebateArgs;
use crate::error::{Error, Result};
use crate::scaffold::{
    NewKind, Relation, chosen_id, claim_file, create_new, existing_claim, fresh_id, review_file,
};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `new`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  claimmap new evidence claims --supports kornilov-stopped-by-force --source essay --author mitali
  claimmap new claim claims --opposes army-changed-sides --id army-was-armed
  claimmap new review claims --claim historical-analogy --reviewer rahim")]
pub struct Args {
    /// What to write.
    #[arg(value_enum)]
    kind: NewKind,
    #[command(flatten)]
    debate: DebateArgs,
    /// The claim the new one supports.
    #[arg(long, value_name = "ID", conflicts_with = "opposes")]
    supports: Option<String>,
    /// The claim the new one opposes.
    #[arg(long, value_name = "ID")]
    opposes: Option<String>,
    /// The claim to review (for `new review`).
    #[arg(long, value_name = "ID")]
    claim: Option<String>,
    /// The reviewer's name (for `new review`).
    #[arg(long, value_name = "NAME")]
    reviewer: Option<String>,
    /// The new claim's id (default: a fresh one made from the target's).
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// Who writes it.
    #[arg(long, value_name = "NAME")]
    author: Option<String>,
    /// The source the evidence quotes (an id from claimmap.yaml).
    #[arg(long, value_name = "SOURCE")]
    source: Option<String>,
    /// Where to write, relative to the debate folder (default: contrib/<id>.yaml, or
    /// reviews/<reviewer>.yaml for a review).
    #[arg(long, value_name = "PATH")]
    file: Option<PathBuf>,
}

/// Runs `new`.
pub fn execute(args: Args) -> Result<ExitCode> {
    let checked = args.debate.check()?;
    let debate = &checked.debate;
    let usage = |message: String| Error::Usage { message };
    let (default_file, text, what) = match args.kind {
        NewKind::Review => {
            let claim = args.claim.as_deref().ok_or_else(|| {
                usage("`new review` needs `--claim ID`: the claim to review".into())
            })?;
            let claim = existing_claim(debate, claim, "--claim")?;
            let reviewer = args
                .reviewer
                .as_deref()
                .or(args.author.as_deref())
                .ok_or_else(|| usage("`new review` needs `--reviewer NAME`".into()))?;
            let file = format!("reviews/{}.yaml", slug(reviewer));
            (
                file,
                review_file(debate, claim, reviewer),
                "the verdict, answers and comment",
            )
        }
        NewKind::Evidence | NewKind::Claim => {
            let (relation, target) = match (&args.supports, &args.opposes) {
                (Some(t), None) => (Relation::Supports, existing_claim(debate, t, "--supports")?),
                (None, Some(t)) => (Relation::Opposes, existing_claim(debate, t, "--opposes")?),
                _ => {
                    return Err(usage(
                        "say what the new claim argues about: `--supports ID` or `--opposes ID`"
                            .into(),
                    ));
                }
            };
            if let Some(s) = &args.source
                && debate.source(s).is_none()
            {
                let hint = crate::diagnostics::did_you_mean(
                    s,
                    debate.sources.iter().map(|s| s.id.as_str()),
                )
                .map_or(String::new(), |x| format!("; did you mean `{x}`?"));
                return Err(usage(format!(
                    "`--source {s}`: claimmap.yaml declares no such source{hint}"
                )));
            }
            let id = match &args.id {
                Some(id) => chosen_id(debate, id)?,
                None => {
                    let stem = match (args.kind, relation) {
                        (NewKind::Evidence, Relation::Supports) => "evidence-for",
                        (NewKind::Evidence, Relation::Opposes) => "evidence-against",
                        (_, Relation::Supports) => "reason-for",
                        (_, Relation::Opposes) => "objection-to",
                    };
                    fresh_id(debate, &format!("{stem}-{target}"))
                }
            };
            let text = claim_file(
                args.kind,
                &id,
                relation,
                target,
                args.author.as_deref(),
                args.source.as_deref(),
            );
            let what = if args.kind == NewKind::Evidence {
                "the text, locator and quote"
            } else {
                "the text"
            };
            (format!("contrib/{id}.yaml"), text, what)
        }
    };
    let rel = args
        .file
        .clone()
        .unwrap_or_else(|| PathBuf::from(default_file));
    let path = inside(&args.debate.dir, &rel)?;
    let text = crate::scaffold::modeline(&rel, crate::scaffold::CLAIM_SCHEMA) + &text;
    let gate = super::common::free_gate(None)?;
    create_new(&gate, &path, &text)?;
    crate::scaffold::install_schemas(&gate, &args.debate.dir)?;
    super::common::note(format_args!(
        "wrote {}: fill in {what}, then run `claimmap check {}`",
        path.display(),
        args.debate.dir.display()
    ));
    Ok(ExitCode::SUCCESS)
}

/// `rel` inside the debate folder, or an error: a claim file outside it would not be read.
fn inside(dir: &Path, rel: &Path) -> Result<PathBuf> {
    let escapes = rel.is_absolute() || rel.components().any(|c| matches!(c, Component::ParentDir));
    let yaml = rel
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e == "yaml" || e == "yml");
    if escapes || !yaml {
        return Err(Error::Usage {
            message: format!(
                "`--file {}`: give a .yaml path inside the debate folder, e.g. contrib/my-claim.yaml",
                rel.display()
            ),
        });
    }
    Ok(dir.join(rel))
}

/// A file-name-safe version of a reviewer's name.
fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-').to_string();
    if s.is_empty() {
        "reviewer".to_string()
    } else {
        s
    }
}
