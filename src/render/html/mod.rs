//! `html`: one self-contained interactive page for the classroom projector.
//!
//! The page holds the map once per debate language as inline SVG (laid out by Graphviz, or by
//! the embedded layout with clickable areas laid over it), the debate as JSON for the side
//! panel, search, filters and outline, and its own CSS and script. It makes no network
//! request: a Content-Security-Policy allows no fetches at all and only the page's own script,
//! by its SHA-256 hash, so even a claim text that slipped past escaping could not run.
//!
//! Everything comes from templates (`map.html.j2`, `map/style.css.j2`, `map/script.js.j2`),
//! replaceable with `--templates` like the report's. The page template is auto-escaped as
//! HTML; the SVG and JSON arrive already made safe (see [`svg`] and [`data::script_json`]).

mod data;
mod svg;
mod words;

use super::graphviz::{self, INSTALL_HINT};
use super::layout::{self, ClaimBox};
use super::markdown::{build_env, template_error};
use super::{RenderContext, Renderer, dot};
use crate::error::Result;
use base64::Engine;
use minijinja::value::{Serde, Value};
use serde::Serialize;
use sha2::Digest;
use std::path::PathBuf;
use std::time::Duration;

/// The template the page starts from.
pub const PAGE_TEMPLATE: &str = "map.html.j2";
/// The page's script, rendered on its own so its hash can go into the page's policy.
pub const SCRIPT_TEMPLATE: &str = "map/script.js.j2";

/// The interactive HTML backend (`claimmap html`, and `map.html` in `build`).
pub struct Html {
    /// A folder whose templates replace the built-in ones, file by file.
    pub templates: Option<PathBuf>,
    /// Limit for each Graphviz layout.
    pub timeout: Option<Duration>,
}

/// A rendered page and, when a fallback layout was used, a note for the user.
pub struct Page {
    /// The HTML document.
    pub bytes: Vec<u8>,
    /// E.g. that the embedded layout was used because Graphviz is missing.
    pub note: Option<String>,
    /// Graphviz's SVG of the map in the display language, when Graphviz drew it: `build`
    /// writes it as `map.svg` instead of laying the same map out twice.
    pub graphviz_svg: Option<Vec<u8>>,
}

/// One language's map, as the page template sees it.
#[derive(Serialize)]
struct MapView {
    /// Language code (`bn`).
    code: String,
    /// Its name in itself (`বাংলা`), for the language switch.
    name: String,
    /// The inline SVG (already safe to embed).
    svg: String,
}

impl Html {
    /// Renders the page, laying out one map per debate language (in parallel: each layout is
    /// a separate Graphviz process). `dot` is the map's DOT in the display language when the
    /// caller has it already (`build` writes it too), so it is not generated twice.
    pub fn page(&self, ctx: &RenderContext<'_>, dot: Option<&str>) -> Result<Page> {
        let d = ctx.debate;
        let mut langs: Vec<String> = d.languages.clone();
        if !langs.contains(&ctx.lang) {
            langs.insert(0, ctx.lang.clone());
        }
        let ids: Vec<String> = d.claims.iter().map(|c| c.id.clone()).collect();
        let laid = crate::par::map(&langs, 2, |l| {
            let local = ctx.with_lang(l);
            let source = match dot {
                Some(known) if *l == ctx.lang => known.to_string(),
                _ => dot::to_dot(&local),
            };
            let (svg, boxes, note) = lay_out(&local, &source, self.timeout)?;
            let inline = svg::inline_svg(&svg, &boxes, &ids);
            let raw = (boxes.is_empty() && note.is_none()).then(|| svg.into_bytes());
            Ok::<_, crate::error::Error>((inline, note, raw))
        });
        let mut maps = Vec::with_capacity(langs.len());
        let mut note = None;
        let mut graphviz_svg = None;
        for (code, result) in langs.iter().zip(laid) {
            let (svg, n, raw) = result?;
            note = note.or(n);
            if *code == ctx.lang {
                graphviz_svg = raw;
            }
            maps.push(MapView {
                name: language_name(code),
                code: code.clone(),
                svg,
            });
        }

        Ok(Page {
            bytes: self.render_page(ctx, maps)?.into_bytes(),
            note,
            graphviz_svg,
        })
    }

    /// The page around already laid out maps: templates, data and the script's hash.
    fn render_page(&self, ctx: &RenderContext<'_>, maps: Vec<MapView>) -> Result<String> {
        let d = ctx.debate;
        let (env, origins) = build_env(self.templates.as_deref())?;
        let script = env
            .get_template(SCRIPT_TEMPLATE)
            .and_then(|t| t.render(()))
            .map_err(|e| template_error(&e, &origins))?;
        let hash = base64::engine::general_purpose::STANDARD
            .encode(sha2::Sha256::digest(script.as_bytes()));
        let page_data = data::page_data(ctx);
        let view = PageView {
            lang: &ctx.lang,
            title: d.title.get(&ctx.lang, &d.languages),
            t: words::ui_words(&ctx.lang),
            maps,
            data: data::script_json(&page_data),
            script: &script,
            script_hash: format!("sha256-{hash}"),
            claims: d.claims.len(),
            evaluated: ctx.evaluation.is_some(),
        };
        env.get_template(PAGE_TEMPLATE)
            .and_then(|t| t.render(Value::from(Serde(&view))))
            .map_err(|e| template_error(&e, &origins))
    }
}

impl Renderer for Html {
    fn name(&self) -> &str {
        "html"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<u8>> {
        self.page(ctx, None).map(|p| p.bytes)
    }
}

/// What the page template sees.
#[derive(Serialize)]
struct PageView<'a> {
    /// The language the page opens in.
    lang: &'a str,
    title: &'a str,
    /// The page's words in that language (the script switches them).
    t: std::collections::BTreeMap<&'static str, &'static str>,
    maps: Vec<MapView>,
    /// The debate as JSON, safe inside `<script type="application/json">`.
    data: String,
    script: &'a str,
    /// `sha256-…` of `script`, for the Content-Security-Policy.
    script_hash: String,
    claims: usize,
    evaluated: bool,
}

/// The map's SVG for one language from its DOT `source`, with the embedded layout's claim
/// boxes, and a note when Graphviz was missing. Only the embedded layout needs boxes; every
/// other case (Graphviz, or the placeholder of a map too big for the embedded layout) is the
/// SVG `build` would write.
fn lay_out(
    ctx: &RenderContext<'_>,
    source: &str,
    timeout: Option<Duration>,
) -> Result<(String, Vec<ClaimBox>, Option<String>)> {
    if !graphviz::dot_available() && ctx.visible_count() <= layout::EMBEDDED_MAX_CLAIMS {
        let (svg, boxes) = layout::embedded_svg_with_boxes(ctx)?;
        let note = format!(
            "Graphviz `dot` not found, so the page's map used the built-in layout; {INSTALL_HINT}"
        );
        return Ok((svg, boxes, Some(note)));
    }
    let out = super::map::render_build_svg(ctx, source, timeout)?;
    Ok((
        String::from_utf8_lossy(&out.bytes).into_owned(),
        Vec::new(),
        out.note,
    ))
}

/// A language's name in itself, for the switch; the code for languages we have no name for.
fn language_name(code: &str) -> String {
    let base = code.split(['-', '_']).next().unwrap_or(code);
    match base.to_ascii_lowercase().as_str() {
        "bn" => "বাংলা".to_string(),
        "en" => "English".to_string(),
        "hi" => "हिन्दी".to_string(),
        "de" => "Deutsch".to_string(),
        "fr" => "Français".to_string(),
        "es" => "Español".to_string(),
        _ => code.to_string(),
    }
}

#[cfg(test)]
mod tests;
