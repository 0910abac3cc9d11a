//! From loaded YAML to a checked [`Debate`], with every problem reported.
//!
//! Follows ripgrep's "raw, then validated" split: claim files are first read into raw claims
//! that remember where each field was written, then cross-claim rules run over them, and only
//! what passed becomes the model.

pub mod claims;
pub mod config;
pub mod fields;
pub mod lints;
pub mod reviews;
mod rules;
pub mod schemes;
mod sources;

use crate::diagnostics::{Diagnostic, Diagnostics, Stats};
use crate::load::yaml::Pos;
use crate::load::{CONFIG_FILE, Loaded};
use crate::model::{Claim, Debate, Kind, Origin, QuoteStatus};
use claims::RawClaim;
use fields::Reader;
use std::collections::HashMap;

/// What one claim file holds, read on its own: its raw claims and reviews and the problems
/// found reading them. Files are read independently (in parallel by [`crate::check`]).
#[derive(Default)]
pub struct FileRead {
    claims: Vec<RawClaim>,
    reviews: Vec<reviews::RawReview>,
    diags: Diagnostics,
}

/// The debate's default display language, as [`validate`] will read it from `claimmap.yaml`
/// (plain-string texts in claim files are stored under it).
pub fn default_language(config: Option<&crate::load::LoadedFile>) -> String {
    settings_alone(config).languages.swap_remove(0)
}

/// The paths of the debate's source documents as `claimmap.yaml` declares them, read
/// without the claim files: the output gate protects them for commands that read no debate.
pub fn source_paths(config: Option<&crate::load::LoadedFile>) -> Vec<String> {
    settings_alone(config)
        .sources
        .into_iter()
        .filter_map(|(s, _, _)| s.path)
        .collect()
}

/// `claimmap.yaml` read on its own, its problems dropped (`check` reports them).
fn settings_alone(config: Option<&crate::load::LoadedFile>) -> config::Config {
    let mut scratch = Diagnostics::default();
    config::read(
        config,
        &mut Reader {
            file: CONFIG_FILE,
            text: config.map_or("", |f| &f.text),
            diags: &mut scratch,
        },
    )
}

/// Reads one claim file (see [`FileRead`]).
pub fn read_claim_file(
    file: &crate::load::LoadedFile,
    default_lang: &str,
    limits: &crate::load::LoadOptions,
) -> FileRead {
    let mut out = FileRead::default();
    if let Some(node) = &file.node {
        let mut r = Reader {
            file: &file.rel,
            text: &file.text,
            diags: &mut out.diags,
        };
        out.claims = claims::read_file(node, &mut r, default_lang, limits);
        out.reviews = reviews::read_file(node, &mut r);
    }
    out
}

/// Validates a loaded debate. Always returns a model (built from the claims that could be
/// read) so that `check` can count and lint even a broken debate; callers must not render it
/// when `diags.has_errors()`.
pub fn validate(loaded: &Loaded, diags: &mut Diagnostics) -> (Debate, Stats) {
    let lang = default_language(loaded.config.as_ref());
    let reads = loaded
        .files
        .iter()
        .map(|f| read_claim_file(f, &lang, &loaded.limits))
        .collect();
    validate_read(loaded, reads, diags)
}

/// [`validate`] for files already read, one [`FileRead`] per file of `loaded` (whose trees
/// may be gone: [`crate::load::load_and_read`]).
pub fn validate_read(
    loaded: &Loaded,
    reads: Vec<FileRead>,
    diags: &mut Diagnostics,
) -> (Debate, Stats) {
    let config = config::read(
        loaded.config.as_ref(),
        &mut Reader {
            file: CONFIG_FILE,
            text: loaded.config.as_ref().map_or("", |f| &f.text),
            diags,
        },
    );
    // Sized up front: growing a vector of a million claims by doubling copies it about 20
    // times and holds two copies at the last step.
    let mut raws: Vec<RawClaim> = Vec::with_capacity(reads.iter().map(|r| r.claims.len()).sum());
    let mut raw_reviews: Vec<reviews::RawReview> =
        Vec::with_capacity(reads.iter().map(|r| r.reviews.len()).sum());
    for read in reads {
        raws.extend(read.claims);
        raw_reviews.extend(read.reviews);
        diags.append(read.diags);
    }
    let firsts = rules::unique_ids(&raws, diags);
    let kept: Vec<usize> = (0..raws.len()).filter(|&i| firsts[i]).collect();
    let index: HashMap<&str, usize> = kept
        .iter()
        .enumerate()
        .map(|(k, &ri)| (raws[ri].id.value.as_str(), k))
        .collect();
    rules::references(&raws, &index, diags);
    rules::support_cycles(&raws, &kept, &index, diags);
    rules::co_premise_cycles(&raws, &kept, &index, diags);
    let texts = sources::read_sources(&loaded.root, &config, diags);
    let statuses = sources::check_quotes(&raws, &config, &texts, diags);
    lint_sources(&config, &raws, diags);

    // The texts move into the model (the lints after this need only positions and ids).
    let claims: Vec<Claim> = kept
        .iter()
        .map(|&ri| to_claim(&mut raws[ri], statuses[ri].clone()))
        .collect();
    let mut debate = Debate::new(
        config.title.clone(),
        config.languages.clone(),
        config.sources.iter().map(|(s, _, _)| s.clone()).collect(),
        claims,
    );
    debate.settings = config.settings;
    debate.schemes = schemes::merge(schemes::builtin(), &config.schemes);
    lint_schemes(&debate, &raws, diags);
    debate.reviews = reviews::check(&raw_reviews, &debate, diags);
    lint_debate(&debate, &raws, &kept, diags);
    per_claim(debate.claims.len(), diags, |range, diags| {
        lints::lint(&debate, &raws, &kept, range, diags)
    });
    diags.allow(&config.allow);
    let stats = Stats {
        files: loaded.files.len(),
        claims: debate.claims.len(),
        theses: debate.theses().count(),
        evidence: debate
            .claims
            .iter()
            .filter(|c| c.kind == Kind::Evidence)
            .count(),
        sources: debate.sources.len(),
        quotes_verified: debate
            .claims
            .iter()
            .filter(|c| matches!(c.quote_status, QuoteStatus::Verified { .. }))
            .count(),
        quotes_unverifiable: debate
            .claims
            .iter()
            .filter(|c| c.quote_status == QuoteStatus::Unverifiable)
            .count(),
    };
    (debate, stats)
}

/// The model's claim, taking the raw claim's texts (which are left empty) and copying its ids.
fn to_claim(r: &mut RawClaim, quote_status: QuoteStatus) -> Claim {
    let ids = |v: &[fields::At<String>]| v.iter().map(|a| a.value.clone()).collect();
    Claim {
        id: r.id.value.clone(),
        kind: r.kind,
        text: std::mem::take(&mut r.text.value),
        supports: ids(&r.supports),
        opposes: ids(&r.opposes),
        undercuts: ids(&r.undercuts),
        with: ids(&r.with),
        source: r.source.as_ref().map(|s| s.value.clone()),
        locator: r.locator.take(),
        quote: r.quote.as_mut().map(|q| std::mem::take(&mut q.value)),
        author: r.author.take(),
        tags: std::mem::take(&mut r.tags),
        confidence: r.confidence,
        scheme: r.scheme.as_ref().map(|s| s.value.clone()),
        note: r.note.take(),
        quote_status,
        origin: Origin {
            file: r.file.clone(),
            line: r.pos.line as usize,
            column: r.pos.column as usize,
        },
    }
}

/// A claim's `scheme:` must name a scheme of the catalogue (built in or the debate's own).
fn lint_schemes(debate: &Debate, raws: &[RawClaim], diags: &mut Diagnostics) {
    for raw in raws {
        let Some(scheme) = &raw.scheme else { continue };
        if debate.scheme(&scheme.value).is_some() {
            continue;
        }
        let help = match crate::diagnostics::did_you_mean(
            &scheme.value,
            debate.schemes.iter().map(|s| s.id.as_str()),
        ) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "`claimmap schemes` lists the known schemes; a debate can declare its own under `schemes:` in claimmap.yaml".to_string(),
        };
        diags.push(
            Diagnostic::error(
                "unknown-scheme",
                format!(
                    "claim `{}` names an unknown argument scheme `{}`",
                    raw.id.value, scheme.value
                ),
            )
            .at(&raw.file, scheme.pos)
            .label("no scheme with this id")
            .help(help),
        );
    }
}

fn lint_sources(config: &config::Config, raws: &[RawClaim], diags: &mut Diagnostics) {
    let mut seen: HashMap<&str, Pos> = HashMap::new();
    for (s, pos, _) in &config.sources {
        if let Some(first) = seen.get(s.id.as_str()) {
            diags.push(
                Diagnostic::error(
                    "duplicate-id",
                    format!("the source id `{}` is declared more than once", s.id),
                )
                .at(CONFIG_FILE, *pos)
                .label("declared again here")
                .related(CONFIG_FILE, *first, "first declared here")
                .help("source ids must be unique: rename one of them"),
            );
            continue;
        }
        seen.insert(&s.id, *pos);
        if !raws
            .iter()
            .any(|c| c.source.as_ref().is_some_and(|x| x.value == s.id))
        {
            diags.push(
                Diagnostic::warning(
                    "unused-source",
                    format!("no evidence quotes source `{}`", s.id),
                )
                .at(CONFIG_FILE, *pos),
            );
        }
    }
}

fn lint_debate(debate: &Debate, raws: &[RawClaim], kept: &[usize], diags: &mut Diagnostics) {
    if debate.theses().next().is_none() && !raws.is_empty() {
        // Located at the claim most likely meant as the thesis: the first that supports,
        // opposes and undercuts nothing (the top of the map), else the first claim.
        let top = raws
            .iter()
            .find(|r| r.supports.is_empty() && r.opposes.is_empty() && r.undercuts.is_empty());
        let (at, label) = match top {
            Some(r) => (r, "supports nothing: is this the thesis?"),
            None => (&raws[0], "the first claim"),
        };
        diags.push(
            Diagnostic::error("no-thesis", "the debate has no thesis")
                .at(&at.file, at.pos)
                .label(label)
                .help("mark the claim the debate is about with `kind: thesis`"),
        );
    } else if raws.is_empty() && !diags.has_errors() {
        diags.push(
            Diagnostic::error("no-thesis", "the debate has no claims and no thesis")
                .help("add a YAML file with `claims:` and one claim of `kind: thesis`"),
        );
    }
    let connected = debate.connected_to_thesis();
    // Whether each claim is a premise of some reason (has a link an undercut can attack),
    // computed once: asking the reasons per undercut was quadratic.
    let mut is_premise = vec![false; debate.claims.len()];
    for r in debate.reasons() {
        for &p in &r.premises {
            is_premise[p] = true;
        }
    }
    // Every claim's checks are its own, so they run on all cores (see `per_claim`).
    per_claim(debate.claims.len(), diags, |range, diags| {
        lint_claims(debate, raws, kept, &connected, &is_premise, range, diags)
    });
}

/// The per-claim checks of [`lint_debate`] for the claims in `range`.
fn lint_claims(
    debate: &Debate,
    raws: &[RawClaim],
    kept: &[usize],
    connected: &[bool],
    is_premise: &[bool],
    range: std::ops::Range<usize>,
    diags: &mut Diagnostics,
) {
    let lang = debate.default_language();
    for k in range {
        let claim = &debate.claims[k];
        let raw = &raws[kept[k]];
        let bare_evidence = claim.kind == Kind::Evidence
            && claim.supports.is_empty()
            && claim.opposes.is_empty()
            && claim.undercuts.is_empty();
        // Bare evidence gets the more precise `evidence-supports-nothing` instead.
        if !connected[k] && !bare_evidence && debate.theses().next().is_some() {
            diags.push(
                Diagnostic::warning(
                    "disconnected",
                    format!("claim `{}` is not connected to any thesis", claim.id),
                )
                .at(&raw.file, raw.id.pos)
                .help(if claim.supports.is_empty() && claim.opposes.is_empty() && claim.undercuts.is_empty() {
                    "add `supports:`, `opposes:` or `undercuts:` linking it into the debate"
                } else {
                    "none of its links leads to a thesis; link it, or a claim it refers to, into the debate"
                }),
            );
        }
        lint_relations(debate, k, raw, is_premise, diags);
        if !claim.text.has(lang) && !claim.text.is_empty() {
            diags.push(
                Diagnostic::warning("missing-default-language", format!("claim `{}` has no text in `{lang}`, the debate's default language", claim.id))
                    .at(&raw.file, raw.text.pos)
                    .help(format!("add `{lang}:` to the text; maps in `{lang}` fall back to another language meanwhile")),
            );
        }
        for l in claim.text.langs() {
            if !debate.languages.iter().any(|d| d == l) {
                let help = match crate::diagnostics::did_you_mean(
                    l,
                    debate.languages.iter().map(String::as_str),
                ) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("add `{l}` to `languages:` in claimmap.yaml"),
                };
                diags.push(
                    Diagnostic::warning("unknown-language", format!("claim `{}` has text in `{l}`, which is not one of the debate's languages", claim.id))
                        .at(&raw.file, raw.text.pos)
                        .help(help),
                );
            }
        }
    }
}

/// Most conclusions a claim with co-premises may name. Each conclusion is a reason of its
/// own that repeats every co-premise, so without a limit a few hundred ids in one file
/// become hundreds of thousands of links in every output.
pub const MAX_LINKED_CONCLUSIONS: usize = 8;

/// Runs `check` over the claims `0..n` split into one range per core, each collecting its
/// problems in a list of its own; the lists are appended in claim order. Below a few
/// thousand claims threads cost more than they save, so it runs in place.
fn per_claim(
    n: usize,
    diags: &mut Diagnostics,
    check: impl Fn(std::ops::Range<usize>, &mut Diagnostics) + Sync,
) {
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get());
    let chunk = n.div_ceil(threads).max(4_000);
    let ranges: Vec<std::ops::Range<usize>> = (0..n)
        .step_by(chunk)
        .map(|s| s..(s + chunk).min(n))
        .collect();
    let parts = crate::par::map(&ranges, 2, |range| {
        let mut mine = Diagnostics::default();
        check(range.clone(), &mut mine);
        mine
    });
    for part in parts {
        diags.append(part);
    }
}

/// Relations that parse but cannot mean what the writer intended.
fn lint_relations(
    debate: &Debate,
    k: usize,
    raw: &RawClaim,
    is_premise: &[bool],
    diags: &mut Diagnostics,
) {
    let claim = &debate.claims[k];
    for target in raw
        .supports
        .iter()
        .filter(|t| t.value != claim.id && claim.opposes.contains(&t.value))
    {
        diags.push(
            Diagnostic::error(
                "supports-and-opposes",
                format!(
                    "claim `{}` both supports and opposes `{}`",
                    claim.id, target.value
                ),
            )
            .at(&raw.file, target.pos)
            .help("a claim speaks either for or against another; split it into two claims"),
        );
    }
    let conclusions = raw.supports.len() + raw.opposes.len();
    if !raw.with.is_empty() && conclusions > MAX_LINKED_CONCLUSIONS {
        let ninth = raw
            .supports
            .iter()
            .chain(&raw.opposes)
            .nth(MAX_LINKED_CONCLUSIONS)
            .map_or(raw.with[0].pos, |t| t.pos);
        diags.push(
            Diagnostic::error(
                "too-many-conclusions",
                format!(
                    "claim `{}` has co-premises and {conclusions} conclusions; at most \
                     {MAX_LINKED_CONCLUSIONS} are allowed",
                    claim.id
                ),
            )
            .at(&raw.file, ninth)
            .label("one conclusion too many")
            .help(
                "each conclusion is a separate reason that repeats all the co-premises; \
                 give each group of co-premises the one conclusion they argue for together",
            ),
        );
    }
    if !raw.with.is_empty() && claim.supports.is_empty() && claim.opposes.is_empty() {
        diags.push(
            Diagnostic::warning(
                "with-without-reason",
                format!(
                    "claim `{}` names co-premises but supports or opposes nothing",
                    claim.id
                ),
            )
            .at(&raw.file, raw.with[0].pos)
            .help("co-premises work together for a conclusion: add `supports:` or `opposes:`"),
        );
    }
    for partner in &raw.with {
        let Some(other) = debate.claim(&partner.value) else {
            continue;
        };
        let conflict = claim.supports.iter().any(|t| other.opposes.contains(t))
            || claim.opposes.iter().any(|t| other.supports.contains(t));
        if conflict {
            diags.push(
                Diagnostic::warning("co-premise-conflict", format!("`{}` is a co-premise of `{}`, but one supports what the other opposes", partner.value, claim.id))
                    .at(&raw.file, partner.pos)
                    .help("co-premises must argue the same way; remove one from `with:` or fix its relation"),
            );
        }
    }
    for target in &raw.undercuts {
        let Some(t) = debate.index_of(&target.value) else {
            continue;
        };
        if !is_premise[t] {
            diags.push(
                Diagnostic::warning("undercut-without-link", format!("`{}` supports and opposes nothing, so it has no link for `{}` to undercut", target.value, claim.id))
                    .at(&raw.file, target.pos)
                    .help("an undercut attacks the link from a reason to its conclusion; to say the claim is false, use `opposes:`"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::Diagnostics;
    use crate::load::{LoadOptions, load};
    use std::path::Path;

    /// `check` reads files on the parsing threads and drops their trees; the result must be
    /// exactly what validating the fully loaded folder gives, problems included.
    #[test]
    fn reading_while_parsing_gives_the_same_debate() {
        for dir in [
            "claims",
            "tests/fixtures/lints",
            "tests/fixtures/wrong-type",
        ] {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            let options = LoadOptions::default();
            let checked = crate::check(&root, &options).unwrap();
            let mut diags = Diagnostics::default();
            let loaded = load(&root, &options, &mut diags).unwrap();
            let (debate, stats) = super::validate(&loaded, &mut diags);
            assert_eq!(
                serde_json::to_value(&checked.debate).unwrap(),
                serde_json::to_value(&debate).unwrap(),
                "{dir}"
            );
            assert_eq!(checked.stats.claims, stats.claims);
            assert_eq!(
                checked.diagnostics.to_json(&checked.stats),
                diags.to_json(&stats),
                "{dir}"
            );
        }
    }
}
