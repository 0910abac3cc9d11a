//! `claimmap import aif`: AIF JSON (AIFdb, OVA, claimmap's own export) to a debate folder.
//!
//! I-nodes become claims; an RA-node makes its premises support its conclusion (several
//! premises become co-premises, `with:`); a CA-node into an I-node makes its premise oppose
//! it; a CA-node into an RA- or CA-node undercuts that reason's premises. `claimmap_` fields
//! written by `export --format aif` restore ids, kinds, texts by language and evidence
//! fields exactly; from other tools, ids come from node ids (or the text) and the theses are
//! the I-nodes that are concluded but never used as premises.

use super::{Imported, write};
use crate::diagnostics::did_you_mean;
use crate::error::{Error, Result};
use crate::model::{Claim, Kind, Source, Text};
use crate::validate::claims::is_valid_id;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

fn s<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    match v.get(key)? {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// A node id as a string, whether the file writes it as a string or a number.
fn id_of(v: &Value, key: &str) -> Option<String> {
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

/// Reads AIF JSON text (`name` is the file name for messages).
pub fn import(text: &str, name: &str) -> Result<Imported> {
    let doc: Value = serde_json::from_str(text).map_err(|e| Error::Usage {
        message: format!(
            "{name}:{}:{}: not valid JSON: {e}; nothing was written",
            e.line(),
            e.column()
        ),
    })?;
    let Some(nodes) = doc.get("nodes").and_then(Value::as_array) else {
        return Err(Error::Usage {
            message: format!("{name}: no `nodes` list: this is not AIF JSON; nothing was written"),
        });
    };
    let edges = doc
        .get("edges")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut warnings = Vec::new();
    let languages: Vec<String> = doc
        .get("claimmap_languages")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_else(|| vec!["en".to_string()]);
    let default = languages.first().cloned().unwrap_or_else(|| "en".into());
    // I-nodes, with unique claimmap ids.
    let mut claims: Vec<Claim> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut kinds: HashMap<String, String> = HashMap::new();
    let mut used: HashSet<String> = HashSet::new();
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    for (k, n) in nodes.iter().enumerate() {
        let Some(node_id) = id_of(n, "nodeID") else {
            warnings.push(format!("node {} has no nodeID and was not imported", k + 1));
            continue;
        };
        let kind = s(n, "type").unwrap_or("").to_string();
        kinds.insert(node_id.clone(), kind.clone());
        if kind != "I" {
            if !matches!(kind.as_str(), "RA" | "CA") {
                *skipped
                    .entry(if kind.is_empty() {
                        "(no type)".into()
                    } else {
                        kind
                    })
                    .or_default() += 1;
            }
            continue;
        }
        let text = s(n, "text").unwrap_or("");
        // Numeric ids (OVA, AIFdb) say nothing to a reader: the text makes a better id.
        let base = if is_valid_id(&node_id) && !node_id.chars().all(|c| c.is_ascii_digit()) {
            node_id.clone()
        } else {
            let from_text = slug(text);
            if from_text.is_empty() {
                format!("n{}", slug(&node_id))
            } else {
                from_text
            }
        };
        let mut id = base.clone();
        let mut n2 = 2;
        while used.contains(&id) {
            id = format!("{base}-{n2}");
            n2 += 1;
        }
        used.insert(id.clone());
        let texts: Option<Text> = n
            .get("claimmap_text")
            .and_then(|v| serde_json::from_value(v.clone()).ok());
        let mut claim = Claim::new(
            id,
            Kind::Claim,
            texts.unwrap_or_else(|| Text::single(&default, text)),
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
        index.insert(node_id, claims.len());
        claims.push(claim);
    }
    // Edges into and out of each reason node.
    let mut into: HashMap<String, Vec<String>> = HashMap::new();
    let mut out_of: HashMap<String, Vec<String>> = HashMap::new();
    for e in &edges {
        let (Some(from), Some(to)) = (id_of(e, "fromID"), id_of(e, "toID")) else {
            warnings.push("an edge without fromID or toID was not imported".into());
            continue;
        };
        if !kinds.contains_key(&from) || !kinds.contains_key(&to) {
            warnings.push(format!(
                "edge {from} → {to} names a node that does not exist"
            ));
            continue;
        }
        into.entry(to.clone()).or_default().push(from.clone());
        out_of.entry(from).or_default().push(to);
    }
    let premises_of = |node: &str| -> Vec<usize> {
        into.get(node).map_or(Vec::new(), |v| {
            v.iter().filter_map(|p| index.get(p).copied()).collect()
        })
    };
    // claimmap's own export says everything explicitly; only other tools' files need the
    // inferences below (theses from the graph's shape, schemes from RA names).
    let explicit = nodes.iter().any(|n| n.get("claimmap_kind").is_some());
    let mut is_premise = vec![false; claims.len()];
    let mut is_conclusion = vec![false; claims.len()];
    // Reasons in the order the file lists them, so relations keep a stable order.
    let reason_nodes: Vec<String> = nodes
        .iter()
        .filter(|n| matches!(s(n, "type"), Some("RA" | "CA")))
        .filter_map(|n| id_of(n, "nodeID"))
        .collect();
    for node in reason_nodes.iter().map(|n| n.as_str()) {
        let support = kinds[node] == "RA";
        let premises = premises_of(node);
        let targets = out_of.get(node).cloned().unwrap_or_default();
        if premises.is_empty() || targets.is_empty() {
            warnings.push(format!(
                "{} node {node} has no premise or no conclusion and was not imported",
                kinds[node]
            ));
            continue;
        }
        if support
            && !explicit
            && let Some(name) = nodes
                .iter()
                .find(|n| id_of(n, "nodeID").as_deref() == Some(node))
                .and_then(|n| s(n, "scheme"))
        {
            let wanted = slug(name);
            match crate::validate::schemes::builtin().iter().find(|sc| slug(sc.name.get("en", &[])) == wanted || sc.id == wanted) {
                Some(sc) => {
                    for &p in &premises {
                        if claims[p].scheme.is_none() {
                            claims[p].scheme = Some(sc.id.clone());
                        }
                    }
                }
                None => warnings.push(format!("RA node {node} uses scheme “{name}”, which is not in claimmap's catalogue; it was not kept")),
            }
        }
        for target in targets {
            if let Some(&c) = index.get(&target) {
                is_conclusion[c] = true;
                for &p in &premises {
                    is_premise[p] = true;
                    let id = claims[c].id.clone();
                    let list = if support {
                        &mut claims[p].supports
                    } else {
                        &mut claims[p].opposes
                    };
                    if !list.contains(&id) {
                        list.push(id);
                    }
                }
                if premises.len() > 1 {
                    for &p in &premises {
                        let others: Vec<String> = premises
                            .iter()
                            .filter(|&&q| q != p)
                            .map(|&q| claims[q].id.clone())
                            .collect();
                        for o in others {
                            if !claims[p].with.contains(&o) {
                                claims[p].with.push(o);
                            }
                        }
                    }
                }
            } else if !support
                && matches!(kinds.get(&target).map(String::as_str), Some("RA" | "CA"))
            {
                // An undercut: the premises of the attacked reason.
                for &p in &premises {
                    is_premise[p] = true;
                    for q in premises_of(&target) {
                        let id = claims[q].id.clone();
                        if !claims[p].undercuts.contains(&id) {
                            claims[p].undercuts.push(id);
                        }
                    }
                }
            } else {
                warnings.push(format!(
                    "{} node {node} points at {target}, which claimmap cannot map",
                    kinds[node]
                ));
            }
        }
    }
    if !explicit {
        for (i, c) in claims.iter_mut().enumerate() {
            if is_conclusion[i] && !is_premise[i] {
                c.kind = Kind::Thesis;
            }
        }
    }
    let catalogue: Vec<String> = crate::validate::schemes::builtin()
        .iter()
        .map(|s| s.id.clone())
        .collect();
    for c in &mut claims {
        if let Some(scheme) = &c.scheme
            && !catalogue.contains(scheme)
        {
            let hint = did_you_mean(scheme, catalogue.iter().map(String::as_str))
                .map_or(String::new(), |s| format!(" (did you mean `{s}`?)"));
            warnings.push(format!("claim `{}` names scheme `{scheme}`, which is not in the catalogue{hint}; declare it under `schemes:`", c.id));
        }
    }
    for (kind, n) in skipped {
        warnings.push(format!(
            "{n} node(s) of type {kind} have no claimmap equivalent and were not imported"
        ));
    }
    if let Some(l) = doc
        .get("locutions")
        .and_then(Value::as_array)
        .filter(|l| !l.is_empty())
    {
        warnings.push(format!("{} locution(s) (who said what, when) have no claimmap equivalent and were not imported", l.len()));
    }
    let title: Text = doc
        .get("claimmap_title")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default();
    let sources: Vec<Source> = doc
        .get("claimmap_sources")
        .and_then(Value::as_array)
        .map(|list| list.iter().filter_map(source).collect())
        .unwrap_or_default();
    let count = claims.len();
    Ok(Imported {
        files: vec![
            (
                "claimmap.yaml".into(),
                write::config(&title, &languages, &sources, name),
            ),
            ("claims.yaml".into(), write::claims(&claims, name)),
        ],
        warnings,
        claims: count,
    })
}

/// A source as claimmap's own AIF export writes it.
pub(super) fn source(v: &Value) -> Option<Source> {
    let field = |key: &str| s(v, key).map(str::to_string);
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
