//! `export --format json`: the whole checked model, for other programs.
//!
//! Keys are those of the YAML format; lists are always lists and `text` is always a map from
//! language to text, so consumers need no special cases. Each claim also has its `file` and
//! `line`, and `quote_status` says whether its quote was verified. `reviews` lists the
//! reviews found in claim files.

use super::{RenderContext, Renderer};
use crate::error::Result;

/// The JSON export backend.
pub struct Json;

impl Renderer for Json {
    fn name(&self) -> &str {
        "json"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<u8>> {
        let d = ctx.debate;
        let value = serde_json::json!({
            "format": "claimmap/v1",
            "title": d.title,
            "languages": d.languages,
            "sources": d.sources,
            "claims": d.claims,
            "reasons": d.reasons().iter().map(|r| serde_json::json!({
                "conclusion": d.claims[r.conclusion].id,
                "premises": r.premises.iter().map(|&p| &d.claims[p].id).collect::<Vec<_>>(),
                "role": r.role,
                "undercut_by": r.undercutters.iter().map(|&u| &d.claims[u].id).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "reviews": d.reviews,
        });
        let mut out = serde_json::to_vec_pretty(&value).unwrap_or_default();
        out.push(b'\n');
        Ok(out)
    }
}
