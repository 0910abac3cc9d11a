//! `claimmap import aif`: AIF JSON (AIFdb, OVA, claimmap's own export) to a debate folder.
//!
//! I-nodes become claims; an RA-node makes its premises support its conclusion (several
//! premises become co-premises, `with:`); a CA-node into an I-node makes its premise oppose
//! it; a CA-node into an RA- or CA-node undercuts that reason's premises. `claimmap_` fields
//! written by `export --format aif` restore ids, kinds, texts by language and evidence
//! fields exactly; from other tools, ids come from node ids (or the text) and the theses are
//! the I-nodes that are concluded but never used as premises.
//!
//! Nodes and edges are indexed once (node ids to positions, edges to lists per node) and
//! relations are deduplicated with a set, so the work is linear in the file.

use super::aif_json::{Doc, Object};
use super::{Imported, UniqueIds};
use crate::diagnostics::did_you_mean;
use crate::error::{Error, Result};
use crate::model::{Claim, Kind, Source, Text, is_language_code, suggest_language_code};
use crate::validate::claims::is_valid_id;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The most premises one reason node may have. A reason's co-premises each name all the
/// others (`with:`), so the written file grows with the square of this number; a node with
/// more is reported and not imported rather than written as megabytes of `with:` lists.
pub const MAX_PREMISES: usize = 256;

fn s<'v>(v: &'v Object, key: &str) -> Option<&'v str> {
    match v.get(key)? {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// A node id as a string, whether the file writes it as a string or a number.
fn id_of(v: &Object, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_matches('-').to_string()
}

/// Which list of a claim a relation goes to, for deduplication.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum List {
    Supports,
    Opposes,
    Undercuts,
    With,
}

/// Relations being added to the claims, each at most once.
struct Relations {
    seen: HashSet<(usize, List, usize)>,
}

impl Relations {
    /// Adds `to`'s id to `from`'s `list` unless it is there already.
    fn add(&mut self, claims: &mut [Claim], from: usize, list: List, to: usize) {
        if !self.seen.insert((from, list, to)) {
            return;
        }
        let id = claims[to].id.clone();
        let c = &mut claims[from];
        match list {
            List::Supports => c.supports.push(id),
            List::Opposes => c.opposes.push(id),
            List::Undercuts => c.undercuts.push(id),
            List::With => c.with.push(id),
        }
    }
}

/// The graph of the file: each node's type, and the edges into and out of it, by position.
struct Graph<'v> {
    nodes: &'v [Object],
    kinds: Vec<&'v str>,
    into: Vec<Vec<usize>>,
    out_of: Vec<Vec<usize>>,
    /// The claim made from each I-node.
    claim_of: Vec<Option<usize>>,
}

impl Graph<'_> {
    /// The claims whose I-nodes point into `node`, each once, in edge order.
    fn premises(&self, node: usize) -> Vec<usize> {
        let mut seen = HashSet::new();
        self.into[node]
            .iter()
            .filter_map(|&p| self.claim_of[p])
            .filter(|&c| seen.insert(c))
            .collect()
    }

    fn is_reason(&self, node: usize) -> bool {
        matches!(self.kinds[node], "RA" | "CA")
    }
}

/// Reads AIF JSON text (`name` is the file name for messages).
pub fn import(text: &str, name: &str) -> Result<Imported> {
    let doc: Doc = serde_json::from_str(text).map_err(|e| Error::Usage {
        message: format!(
            "{name}:{}:{}: not valid JSON: {e}; nothing was written",
            e.line(),
            e.column()
        ),
    })?;
    let Some(nodes) = doc.nodes.as_deref() else {
        return Err(Error::Usage {
            message: format!("{name}: no `nodes` list: this is not AIF JSON; nothing was written"),
        });
    };
    let edges: &[Object] = &doc.edges;
    let mut warnings = Vec::new();
    let mut langs = Languages::default();
    let languages: Vec<String> = doc
        .languages
        .as_ref()
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_else(|| vec!["en".to_string()]);
    for code in &languages {
        langs.check(code, || "`claimmap_languages`".to_string());
    }
    let default = languages.first().cloned().unwrap_or_else(|| "en".into());
    // Every node by its id (a repeated id names the last node that has it).
    let mut by_id: HashMap<String, usize> = HashMap::with_capacity(nodes.len());
    let mut kinds: Vec<&str> = Vec::with_capacity(nodes.len());
    let mut claim_of: Vec<Option<usize>> = vec![None; nodes.len()];
    let mut claims: Vec<Claim> = Vec::new();
    let mut ids = UniqueIds::default();
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    for (k, n) in nodes.iter().enumerate() {
        let kind = s(n, "type").unwrap_or("");
        kinds.push(kind);
        let Some(node_id) = id_of(n, "nodeID") else {
            warnings.push(format!("node {} has no nodeID and was not imported", k + 1));
            continue;
        };
        if kind != "I" {
            if !matches!(kind, "RA" | "CA") {
                let label = if kind.is_empty() { "(no type)" } else { kind };
                *skipped.entry(label.to_string()).or_default() += 1;
            }
            by_id.insert(node_id, k);
            continue;
        }
        let claim = claim(n, &node_id, &default, &mut ids, &mut langs);
        claim_of[k] = Some(claims.len());
        claims.push(claim);
        by_id.insert(node_id, k);
    }
    // A node that lost its id to a later node with the same one is not part of the graph.
    let mut into: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    let mut out_of: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for e in edges {
        let (Some(from), Some(to)) = (id_of(e, "fromID"), id_of(e, "toID")) else {
            warnings.push("an edge without fromID or toID was not imported".into());
            continue;
        };
        let (Some(&f), Some(&t)) = (by_id.get(&from), by_id.get(&to)) else {
            warnings.push(format!(
                "edge {from} → {to} names a node that does not exist"
            ));
            continue;
        };
        into[t].push(f);
        out_of[f].push(t);
    }
    let graph = Graph {
        nodes,
        kinds,
        into,
        out_of,
        claim_of,
    };
    // claimmap's own export says everything explicitly; only other tools' files need the
    // inferences below (theses from the graph's shape, schemes from RA names).
    let explicit = nodes.iter().any(|n| n.get("claimmap_kind").is_some());
    let roles = reasons(&graph, &mut claims, explicit, &mut warnings);
    if !explicit {
        for (c, (premise, conclusion)) in claims.iter_mut().zip(roles) {
            if conclusion && !premise {
                c.kind = Kind::Thesis;
            }
        }
    }
    unknown_schemes(&claims, &mut warnings);
    for (kind, n) in skipped {
        warnings.push(format!(
            "{n} node(s) of type {kind} have no claimmap equivalent and were not imported"
        ));
    }
    if doc.locutions > 0 {
        warnings.push(format!("{} locution(s) (who said what, when) have no claimmap equivalent and were not imported", doc.locutions));
    }
    let title: Text = doc
        .title
        .as_ref()
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default();
    langs.check_text(&title, || "`claimmap_title`".to_string());
    let sources: Vec<Source> = doc
        .sources
        .as_ref()
        .and_then(Value::as_array)
        .map(|list| list.iter().filter_map(source).collect())
        .unwrap_or_default();
    for s in &sources {
        langs.check_text(&s.title, || format!("the title of source `{}`", s.id));
    }
    langs.into_result(name)?;
    Ok(Imported::debate(
        &title, &languages, &sources, &claims, warnings, name,
    ))
}

/// The claim made from I-node `n`, with a unique id.
fn claim(
    n: &Object,
    node_id: &str,
    default: &str,
    ids: &mut UniqueIds,
    langs: &mut Languages,
) -> Claim {
    let text = s(n, "text").unwrap_or("");
    // Numeric ids (OVA, AIFdb) say nothing to a reader: the text makes a better id.
    let base = if is_valid_id(node_id) && !node_id.chars().all(|c| c.is_ascii_digit()) {
        node_id.to_string()
    } else {
        let from_text = slug(text);
        if from_text.is_empty() {
            format!("n{}", slug(node_id))
        } else {
            from_text
        }
    };
    let texts: Option<Text> = n
        .get("claimmap_text")
        .and_then(|v| serde_json::from_value(v.clone()).ok());
    if let Some(t) = &texts {
        langs.check_text(t, || format!("`claimmap_text` of node {node_id}"));
    }
    let mut claim = Claim::new(
        ids.unique(base),
        Kind::Claim,
        texts.unwrap_or_else(|| Text::single(default, text)),
    );
    claim.kind = match s(n, "claimmap_kind") {
        Some("thesis") => Kind::Thesis,
        Some("evidence") => Kind::Evidence,
        _ => Kind::Claim,
    };
    let field = |key: &str| s(n, key).map(str::to_string);
    claim.source = field("claimmap_source");
    claim.locator = field("claimmap_locator");
    claim.quote = field("claimmap_quote");
    claim.author = field("claimmap_author");
    claim.scheme = field("claimmap_scheme");
    claim.note = field("claimmap_note");
    claim.confidence = n.get("claimmap_confidence").and_then(Value::as_f64);
    claim.tags = n
        .get("claimmap_tags")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default();
    claim
}

/// Turns the RA- and CA-nodes into relations between the claims, in the order the file
/// lists them; returns, per claim, whether it is a premise and whether it is a conclusion.
fn reasons(
    graph: &Graph<'_>,
    claims: &mut [Claim],
    explicit: bool,
    warnings: &mut Vec<String>,
) -> Vec<(bool, bool)> {
    let mut roles = vec![(false, false); claims.len()];
    let mut relations = Relations {
        seen: HashSet::new(),
    };
    let catalogue = catalogue_by_name();
    for node in (0..graph.nodes.len()).filter(|&k| graph.is_reason(k)) {
        let kind = graph.kinds[node];
        let Some(node_id) = id_of(&graph.nodes[node], "nodeID") else {
            continue;
        };
        let support = kind == "RA";
        let premises = graph.premises(node);
        let mut seen = HashSet::new();
        let targets: Vec<usize> = graph.out_of[node]
            .iter()
            .copied()
            .filter(|&t| seen.insert(t))
            .collect();
        if premises.is_empty() || targets.is_empty() {
            warnings.push(format!(
                "{kind} node {node_id} has no premise or no conclusion and was not imported"
            ));
            continue;
        }
        if premises.len() > MAX_PREMISES {
            warnings.push(format!(
                "{kind} node {node_id} has {} premises, more than the {MAX_PREMISES} claimmap imports for one reason; it was not imported",
                premises.len()
            ));
            continue;
        }
        if support
            && !explicit
            && let Some(name) = s(&graph.nodes[node], "scheme")
        {
            match catalogue.get(&slug(name)) {
                Some(id) => {
                    for &p in &premises {
                        if claims[p].scheme.is_none() {
                            claims[p].scheme = Some(id.to_string());
                        }
                    }
                }
                None => warnings.push(format!("RA node {node_id} uses scheme “{name}”, which is not in claimmap's catalogue; it was not kept")),
            }
        }
        let mut linked = false;
        for target in targets {
            if let Some(c) = graph.claim_of[target] {
                roles[c].1 = true;
                let list = if support {
                    List::Supports
                } else {
                    List::Opposes
                };
                for &p in &premises {
                    roles[p].0 = true;
                    relations.add(claims, p, list, c);
                }
                linked = true;
            } else if !support && graph.is_reason(target) {
                // An undercut: the premises of the attacked reason.
                let attacked = graph.premises(target);
                for &p in &premises {
                    roles[p].0 = true;
                    for &q in &attacked {
                        relations.add(claims, p, List::Undercuts, q);
                    }
                }
            } else {
                let target_id = id_of(&graph.nodes[target], "nodeID").unwrap_or_default();
                warnings.push(format!(
                    "{kind} node {node_id} points at {target_id}, which claimmap cannot map"
                ));
            }
        }
        if linked && premises.len() > 1 {
            for &p in &premises {
                for &q in premises.iter().filter(|&&q| q != p) {
                    relations.add(claims, p, List::With, q);
                }
            }
        }
    }
    roles
}

/// The built-in schemes by the slug of their English name and by their id, each key naming
/// the first scheme of the catalogue that has it.
fn catalogue_by_name() -> HashMap<String, &'static str> {
    let mut by_name = HashMap::new();
    for sc in crate::validate::schemes::builtin() {
        by_name
            .entry(slug(sc.name.get("en", &[])))
            .or_insert(sc.id.as_str());
        by_name.entry(sc.id.clone()).or_insert(sc.id.as_str());
    }
    by_name
}

/// Warns about each claim whose scheme is not in the built-in catalogue.
fn unknown_schemes(claims: &[Claim], warnings: &mut Vec<String>) {
    let catalogue: Vec<&str> = crate::validate::schemes::builtin()
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let known: HashSet<&str> = catalogue.iter().copied().collect();
    for c in claims {
        if let Some(scheme) = &c.scheme
            && !known.contains(scheme.as_str())
        {
            let hint = did_you_mean(scheme, catalogue.iter().copied())
                .map_or(String::new(), |s| format!(" (did you mean `{s}`?)"));
            warnings.push(format!("claim `{}` names scheme `{scheme}`, which is not in the catalogue{hint}; declare it under `schemes:`", c.id));
        }
    }
}

/// The malformed language codes found in the file, each with where it was found.
#[derive(Default)]
struct Languages {
    bad: Vec<String>,
}

impl Languages {
    /// Records `code` if it is not shaped like a language code; `place` says where it is.
    fn check(&mut self, code: &str, place: impl FnOnce() -> String) {
        if !is_language_code(code) {
            let hint = suggest_language_code(code)
                .map_or(String::new(), |s| format!(" (did you mean `{s}`?)"));
            self.bad.push(format!(
                "{}: {} is not a language code{hint}",
                place(),
                shown(code)
            ));
        }
    }

    /// Checks every language of a text.
    fn check_text(&mut self, text: &Text, place: impl Fn() -> String) {
        for code in text.langs() {
            self.check(code, &place);
        }
    }

    /// An error listing every malformed code, or nothing when all were well-formed.
    fn into_result(self, name: &str) -> Result<()> {
        if self.bad.is_empty() {
            return Ok(());
        }
        const SHOWN: usize = 20;
        let mut message = format!(
            "{name}: {} malformed language code(s) (a code is a BCP 47 tag such as `en`, `bn` or `en-US`); nothing was written",
            self.bad.len()
        );
        for line in self.bad.iter().take(SHOWN) {
            message.push_str("\n  ");
            message.push_str(line);
        }
        if self.bad.len() > SHOWN {
            message.push_str(&format!("\n  and {} more", self.bad.len() - SHOWN));
        }
        Err(Error::Usage { message })
    }
}

/// A code from the file for a message: quoted, with control characters, quotes and bidi
/// overrides escaped, cut after 40 characters.
fn shown(code: &str) -> String {
    let cut: String = code.chars().take(40).collect();
    let more = if cut.len() < code.len() { "…" } else { "" };
    format!("{cut:?}{more}")
}

/// A source as claimmap's own AIF export writes it.
pub(super) fn source(v: &Value) -> Option<Source> {
    let field = |key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    Some(Source {
        id: field("id")?,
        title: v
            .get("title")
            .and_then(|t| serde_json::from_value(t.clone()).ok())
            .unwrap_or_default(),
        path: field("path"),
        url: field("url"),
        author: field("author"),
        date: field("date"),
        note: field("note"),
        origin: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims_yaml(doc: &serde_json::Value) -> (String, Vec<String>) {
        let imported = import(&doc.to_string(), "d.json").unwrap();
        (imported.files[1].1.clone(), imported.warnings)
    }

    #[test]
    fn every_malformed_language_code_is_listed_and_nothing_imported() {
        let doc = serde_json::json!({
            "claimmap_languages": ["en", "en_US"],
            "claimmap_title": {"x y": "T"},
            "claimmap_sources": [{"id": "s", "title": {"}": "S"}}],
            "nodes": [{"nodeID": "a", "type": "I", "text": "A", "claimmap_text": {"\n": "A"}}]
        });
        let Err(Error::Usage { message }) = import(&doc.to_string(), "d.json") else {
            panic!("refused");
        };
        assert!(
            message.contains("4 malformed language code(s)"),
            "{message}"
        );
        assert!(message.contains("(did you mean `en-US`?)"), "{message}");
        assert!(message.contains("\"\\n\""), "escaped: {message}");
        for place in ["`claimmap_title`", "source `s`", "node a"] {
            assert!(message.contains(place), "{place}: {message}");
        }
    }

    #[test]
    fn repeated_edges_give_one_relation_and_co_premises_name_each_other() {
        let doc = serde_json::json!({
            "nodes": [
                {"nodeID": "1", "type": "I", "text": "T"},
                {"nodeID": "2", "type": "I", "text": "A"},
                {"nodeID": "3", "type": "I", "text": "B"},
                {"nodeID": "4", "type": "RA"}
            ],
            "edges": [
                {"fromID": "2", "toID": "4"}, {"fromID": "2", "toID": "4"},
                {"fromID": "3", "toID": "4"}, {"fromID": "4", "toID": "1"},
                {"fromID": "4", "toID": "1"}
            ]
        });
        let (yaml, _) = claims_yaml(&doc);
        assert_eq!(yaml.matches("supports: [\"t\"]").count(), 2, "{yaml}");
        assert!(
            yaml.contains("with: [\"b\"]") && yaml.contains("with: [\"a\"]"),
            "{yaml}"
        );
        assert_eq!(yaml.matches("kind: \"thesis\"").count(), 1, "{yaml}");
    }

    #[test]
    fn a_reason_with_too_many_premises_is_reported_not_written() {
        let mut nodes = vec![
            serde_json::json!({"nodeID": "t", "type": "I", "text": "T"}),
            serde_json::json!({"nodeID": "r", "type": "RA"}),
        ];
        let mut edges = vec![serde_json::json!({"fromID": "r", "toID": "t"})];
        for i in 0..=MAX_PREMISES {
            nodes.push(serde_json::json!({"nodeID": format!("p{i}"), "type": "I", "text": "P"}));
            edges.push(serde_json::json!({"fromID": format!("p{i}"), "toID": "r"}));
        }
        let (yaml, warnings) = claims_yaml(&serde_json::json!({"nodes": nodes, "edges": edges}));
        assert!(
            !yaml.contains("with:") && !yaml.contains("supports:"),
            "{yaml}"
        );
        assert!(
            warnings.iter().any(|w| w.contains("257 premises")),
            "{warnings:?}"
        );
    }

    #[test]
    fn scheme_names_are_matched_to_the_catalogue() {
        let doc = serde_json::json!({
            "nodes": [
                {"nodeID": "1", "type": "I", "text": "T"},
                {"nodeID": "2", "type": "I", "text": "A"},
                {"nodeID": "3", "type": "RA", "scheme": "Argument From Cause To Effect"}
            ],
            "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}]
        });
        let (yaml, warnings) = claims_yaml(&doc);
        assert!(yaml.contains("scheme: \"cause-to-effect\""), "{yaml}");
        assert!(warnings.is_empty(), "{warnings:?}");
    }
}
