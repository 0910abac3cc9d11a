//! `export --format aif`: the debate in the Argument Interchange Format as AIFdb and OVA
//! read it (JSON with `nodes`, `edges`, `locutions`).
//!
//! Each claim is an I-node (its `nodeID` is the claim id). Each reason becomes one RA-node
//! (support; co-premises share it, and its `scheme` names the argument scheme where a
//! premise declares one) or one CA-node (objection or rebuttal), with edges from the
//! premises into it and from it to the conclusion. An undercut is a CA-node from the
//! undercutter into the RA- or CA-node of the reason it attacks. Fields prefixed `claimmap_`
//! (kind, texts by language, source, quote…) are ignored by other tools and let
//! `claimmap import aif` restore the debate exactly.

use super::{RenderContext, Renderer};
use crate::error::Result;
use serde_json::{Value, json};

/// The AIF export backend.
pub struct Aif;

impl Renderer for Aif {
    fn name(&self) -> &str {
        "aif"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<u8>> {
        let d = ctx.debate;
        let mut nodes: Vec<Value> = Vec::new();
        let mut edges: Vec<Value> = Vec::new();
        let mut edge = |from: &str, to: &str| {
            // Upper case cannot occur in claim ids, so these never collide with I-nodes.
            let id = format!("E{}", edges.len() + 1);
            edges.push(json!({"edgeID": id, "fromID": from, "toID": to, "formEdgeID": null}));
        };
        for (i, c) in d.claims.iter().enumerate() {
            let mut node = json!({
                "nodeID": c.id,
                "text": ctx.text(i),
                "type": "I",
                "timestamp": "",
                "claimmap_kind": c.kind,
                "claimmap_text": c.text,
            });
            for (key, value) in [
                ("claimmap_source", &c.source),
                ("claimmap_locator", &c.locator),
                ("claimmap_quote", &c.quote),
                ("claimmap_author", &c.author),
                ("claimmap_scheme", &c.scheme),
                ("claimmap_note", &c.note),
            ] {
                if let Some(v) = value {
                    node[key] = json!(v);
                }
            }
            if let Some(conf) = c.confidence {
                node["claimmap_confidence"] = json!(conf);
            }
            if !c.tags.is_empty() {
                node["claimmap_tags"] = json!(c.tags);
            }
            nodes.push(node);
        }
        let mut reason_nodes = Vec::new();
        for (k, r) in d.reasons().iter().enumerate() {
            let id = format!("R{}", k + 1);
            let support = r.role.is_support();
            let scheme = r
                .premises
                .iter()
                .find_map(|&p| d.claims[p].scheme.as_deref())
                .and_then(|s| d.scheme(s))
                .map(|s| s.name.get("en", &d.languages).to_string());
            let text = match (support, &scheme) {
                (true, Some(s)) => s.clone(),
                (true, None) => "Default Inference".to_string(),
                (false, _) => "Default Conflict".to_string(),
            };
            let mut node = json!({
                "nodeID": id,
                "text": text,
                "type": if support { "RA" } else { "CA" },
                "timestamp": "",
            });
            if let Some(s) = scheme {
                node["scheme"] = json!(s);
            }
            nodes.push(node);
            for &p in &r.premises {
                edge(&d.claims[p].id, &id);
            }
            edge(&id, &d.claims[r.conclusion].id);
            reason_nodes.push(id);
        }
        for (k, r) in d.reasons().iter().enumerate() {
            for &u in &r.undercutters {
                let id = format!("U{}_{}", k + 1, d.claims[u].id);
                nodes.push(json!({
                    "nodeID": id,
                    "text": "Default Conflict",
                    "type": "CA",
                    "timestamp": "",
                    "claimmap_undercut": true,
                }));
                edge(&d.claims[u].id, &id);
                edge(&id, &reason_nodes[k]);
            }
        }
        let value = json!({
            "nodes": nodes,
            "edges": edges,
            "locutions": [],
            "claimmap_title": d.title,
            "claimmap_languages": d.languages,
            "claimmap_sources": d.sources,
        });
        let mut out = serde_json::to_vec_pretty(&value).unwrap_or_default();
        out.push(b'\n');
        Ok(out)
    }
}
