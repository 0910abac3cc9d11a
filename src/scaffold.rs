//! Starting points a student fills in: a new debate (`claimmap init`) and a new claim,
//! evidence or review file (`claimmap new`). The texts teach the format in comments, and what
//! is written passes `check` except for the text still to be written (`empty-text`).
//! Files are created, never replaced: an existing file is an error, even one that appears
//! between the check and the write.

use crate::diagnostics::did_you_mean;
use crate::error::{Error, Result};
use crate::model::{Debate, Kind};
use crate::output::Gate;
use crate::validate::claims::is_valid_id;
use std::path::Path;

/// A YAML double-quoted scalar: JSON's escapes are a subset of YAML's, so a JSON string is
/// valid YAML whatever the text holds (quotes, backslashes, newlines, Bengali).
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// Creates `path` with `text` through `gate`, refusing to replace anything: the file appears
/// complete or not at all, even if a file of that name appears between a check and the write.
pub fn create_new(gate: &Gate, path: &Path, text: &str) -> Result<()> {
    gate.create_new(path, text.as_bytes())
}

/// Where the schemas live inside a debate folder (hidden, so they are not read as claims).
pub const SCHEMA_DIR: &str = ".claimmap";
/// The claim-file schema's name in [`SCHEMA_DIR`].
pub const CLAIM_SCHEMA: &str = "claim-file.schema.json";
/// The claimmap.yaml schema's name in [`SCHEMA_DIR`].
pub const CONFIG_SCHEMA: &str = "claimmap.schema.json";

/// Writes the schemas into `dir/.claimmap/` unless they are there already, so that editors
/// find them offline. Existing files are left alone.
pub fn install_schemas(gate: &Gate, dir: &Path) -> Result<()> {
    for (name, schema) in [
        (CLAIM_SCHEMA, crate::schema::claim_file()),
        (CONFIG_SCHEMA, crate::schema::config_file()),
    ] {
        let path = dir.join(SCHEMA_DIR).join(name);
        if path.exists() {
            continue;
        }
        let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
        text.push('\n');
        match create_new(gate, &path, &text) {
            Ok(()) | Err(Error::Usage { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// The first line of a file at `rel` (relative to the debate folder) that points editors
/// (the YAML language server) at the schema.
pub fn modeline(rel: &Path, schema: &str) -> String {
    let depth = rel.parent().map_or(0, |p| p.components().count());
    format!(
        "# yaml-language-server: $schema={}{SCHEMA_DIR}/{schema}\n",
        "../".repeat(depth)
    )
}

/// The two files of a new debate: `claimmap.yaml` and `thesis.yaml`.
pub fn init_files(title: &str, languages: &[String]) -> [(&'static str, String); 2] {
    let langs = languages.join(", ");
    let config = format!(
        "{}# claimmap.yaml: this debate's title, languages and sources. Every other *.yaml file in\n\
         # this folder (and its subfolders) adds claims; add a new file rather than editing\n\
         # someone else's. `claimmap check` tells you what is wrong, with line and column.\n\
         title: {title}\n\
         languages: [{langs}]        # the first is the default display language\n\
         # Sources that evidence quotes. A local text file (`path:`) lets claimmap verify each\n\
         # quote word for word; a web address (`url:`) cannot be checked automatically.\n\
         sources: []\n\
         #  - id: essay\n\
         #    title: \"The essay this debate is about\"\n\
         #    path: sources/essay.txt\n\
         # How `claimmap eval` judges the thesis (see the README, \"Evaluation\"):\n\
         # evaluation:\n\
         #   standard: preponderance   # scintilla | preponderance | clear-and-convincing | beyond-reasonable-doubt\n\
         #   compare: strongest        # strongest | combined\n\
         #   thresholds: {{alpha: 0.4, beta: 0.3, gamma: 0.2}}\n",
        modeline(Path::new("claimmap.yaml"), CONFIG_SCHEMA),
        title = quoted(title),
    );
    let thesis = modeline(Path::new("thesis.yaml"), CLAIM_SCHEMA)
        + "# The thesis: the one claim this whole debate is about. Write it as a single\n\
         # statement that can be true or false. Reasons for and against it go in other files,\n\
         # e.g. `claimmap new claim --supports thesis` writes one for you to fill in.\n\
         claims:\n\
         \x20 - id: thesis                # ids: lowercase letters, digits and '-'\n\
         \x20   kind: thesis\n\
         \x20   text: \"\"                  # write the thesis here, or {en: \"...\", bn: \"...\"}\n";
    [("claimmap.yaml", config), ("thesis.yaml", thesis)]
}

/// What `claimmap new` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NewKind {
    /// A piece of evidence: a quote from a source, backing or contradicting a claim.
    Evidence,
    /// A claim in the debaters' own words: a reason or an objection.
    Claim,
    /// A review of a claim, with its critical questions ready to answer.
    Review,
}

/// The relation of a new claim to an existing one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// It supports the target.
    Supports,
    /// It opposes the target.
    Opposes,
}

/// An id that names an existing claim, or a usage error with a suggestion.
pub fn existing_claim<'d>(debate: &'d Debate, id: &str, flag: &str) -> Result<&'d str> {
    if let Some(c) = debate.claim(id) {
        return Ok(&c.id);
    }
    let hint = match did_you_mean(id, debate.claims.iter().map(|c| c.id.as_str())) {
        Some(s) => format!("; did you mean `{s}`?"),
        None => String::new(),
    };
    Err(Error::Usage {
        message: format!("`{flag} {id}`: the debate has no claim `{id}`{hint}"),
    })
}

/// `base`, or `base-2`, `base-3`… whichever no claim has yet.
pub fn fresh_id(debate: &Debate, base: &str) -> String {
    let base: String = base.chars().take(60).collect();
    if debate.claim(&base).is_none() {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| debate.claim(id).is_none())
        .unwrap_or(base)
}

/// Checks an id given with `--id`.
pub fn chosen_id(debate: &Debate, id: &str) -> Result<String> {
    if !is_valid_id(id) {
        return Err(Error::Usage {
            message: format!("`--id {id}`: ids may contain only lowercase letters, digits and `-`"),
        });
    }
    if debate.claim(id).is_some() {
        return Err(Error::Usage {
            message: format!("`--id {id}`: a claim with this id already exists; pick another"),
        });
    }
    Ok(id.to_string())
}

/// The text of a new claim or evidence file.
pub fn claim_file(
    kind: NewKind,
    id: &str,
    relation: Relation,
    target: &str,
    author: Option<&str>,
    source: Option<&str>,
) -> String {
    let (kind_word, what) = match kind {
        NewKind::Evidence => (
            "evidence",
            "a piece of evidence: what the source says, in your words",
        ),
        _ => (
            "claim",
            "one statement in your own words that can be true or false",
        ),
    };
    let noun = if kind == NewKind::Evidence {
        "piece of evidence"
    } else {
        "claim"
    };
    let (rel_key, rel_note) = match relation {
        Relation::Supports => ("supports", "this is a reason for that claim"),
        Relation::Opposes => ("opposes", "this says that claim is false"),
    };
    let mut out = format!(
        "# A new {noun} for the debate. Fill in the empty fields, then run `claimmap check`.\n\
         claims:\n\
         \x20 - id: {id}\n\
         \x20   kind: {kind_word}\n\
         \x20   text: \"\"                  # {what}\n\
         \x20   {rel_key}: [{target}]        # {rel_note}\n"
    );
    if let Some(a) = author {
        out.push_str(&format!("    author: {}\n", quoted(a)));
    }
    if kind == NewKind::Evidence {
        match source {
            Some(s) => out.push_str(&format!(
                "    source: {s}                # a source id from claimmap.yaml\n\
                 \x20   locator: \"\"               # where in the source: page, section, block\n\
                 \x20   quote: \"\"                 # copy the words exactly; claimmap checks them against the source\n"
            )),
            None => out.push_str(
                "    # source: essay             # a source id from claimmap.yaml (`sources:`)\n\
                 \x20   # locator: \"block 3\"        # where in the source\n\
                 \x20   # quote: \"...\"              # the exact words, verified against the source\n",
            ),
        }
    }
    out.push_str(
        "    # confidence: 0.5           # optional: how sure you are, from 0 to 1\n\
         \x20   # scheme: example           # optional: the argument scheme (`claimmap schemes`)\n",
    );
    out
}

/// The text of a new review file: every critical question of the claim's scheme listed
/// with `unsure`, ready to change.
pub fn review_file(debate: &Debate, claim: &str, reviewer: &str) -> String {
    let mut out = format!(
        "# A review of `{claim}`. Change the verdict and answers, then run `claimmap check`.\n\
         reviews:\n\
         \x20 - reviewer: {}\n\
         \x20   claim: {claim}\n\
         \x20   verdict: dubious            # accept | reject | dubious\n\
         \x20   # link: strong              # optional: how well it backs its conclusion: strong | weak | none\n",
        quoted(reviewer)
    );
    let c = debate.claim(claim);
    match c.and_then(|c| c.scheme.as_deref()).and_then(|s| debate.scheme(s)) {
        Some(scheme) if !scheme.questions.is_empty() => {
            out.push_str(&format!(
                "    answers:                    # the critical questions of `{}`: yes | no | unsure\n",
                scheme.id
            ));
            for q in &scheme.questions {
                let text = q.text.get("en", &debate.languages).replace('\n', " ");
                out.push_str(&format!("      {}: unsure          # {text}\n", q.id));
            }
        }
        _ => out.push_str("    # answers: {}               # the claim names no scheme, so it has no critical questions\n"),
    }
    out.push_str("    comment: \"\"                 # why, in a sentence or two\n");
    if c.is_some_and(|c| c.kind == Kind::Thesis) {
        out.push_str(
            "    # (reviewing the thesis itself: say whether the debate states it fairly)\n",
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_survives_yaml() {
        for s in [
            "plain",
            "with \"quotes\" and \\ back",
            "two\nlines",
            "বাংলা: ক্ষ্ম",
        ] {
            let yaml = format!("title: {}\n", quoted(s));
            let node = crate::load::yaml::parse(&yaml).unwrap().unwrap();
            let crate::load::yaml::Value::Map(entries) = node.value else {
                panic!()
            };
            assert_eq!(
                entries[0].1.value,
                crate::load::yaml::Value::Str(s.to_string())
            );
        }
    }
}
