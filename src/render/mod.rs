//! Render backends: each turns the checked debate into one output format.
//!
//! Like mdBook's renderers, a backend gets one read-only [`RenderContext`] and returns bytes;
//! writing them (atomically) is the caller's job, so backends never touch the file system.

pub mod aif;
pub mod argdown;
pub mod checklist;
pub mod collapse;
pub mod diff;
pub mod dot;
pub mod eval;
pub mod graphml;
pub mod graphviz;
pub mod html;
pub mod iccma;
pub mod json;
pub mod layout;
pub mod link;
pub mod map;
pub mod markdown;
pub mod mermaid;
pub mod vocab;
pub mod wrap;

use crate::diagnostics::Diagnostic;
use crate::error::Result;
use crate::evaluate::Evaluation;
use crate::model::Debate;

/// Direction of the map: where the thesis sits relative to its reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum RankDir {
    /// Thesis at the top, arrows pointing up (the teaching convention).
    #[default]
    #[value(name = "BT")]
    BottomTop,
    /// Thesis at the bottom.
    #[value(name = "TB")]
    TopBottom,
    /// Left to right, for wide screens.
    #[value(name = "LR")]
    LeftRight,
}

impl RankDir {
    /// The Graphviz `rankdir` value.
    pub fn as_dot(self) -> &'static str {
        match self {
            RankDir::BottomTop => "BT",
            RankDir::TopBottom => "TB",
            RankDir::LeftRight => "LR",
        }
    }
}

/// Everything a backend may read. Grows with later features (evaluation, reviews), so it is
/// `#[non_exhaustive]`: build it with [`RenderContext::new`].
#[non_exhaustive]
pub struct RenderContext<'a> {
    /// The checked debate.
    pub debate: &'a Debate,
    /// Warnings from `check`, shown in the report.
    pub warnings: Vec<&'a Diagnostic>,
    /// Display language (falls back to the debate's other languages per claim).
    pub lang: String,
    /// Map direction.
    pub rankdir: RankDir,
    /// Which claims to draw (`--focus`/`--depth`); `None` draws all.
    pub visible: Option<Vec<bool>>,
    /// File name of the map image, linked from the report.
    pub map_image: Option<String>,
    /// Strengths, labels and verdicts; `None` draws and reports without them (`--no-eval`).
    pub evaluation: Option<&'a Evaluation>,
    /// Claims added, changed and removed since another version (`claimmap diff`).
    pub changes: Option<&'a Changes>,
    /// Embed the map in the report as a Mermaid flowchart (`report --mermaid`).
    pub mermaid: bool,
    /// Summary nodes for the parts of a big map that are not drawn: `(claim, hidden, for,
    /// against)` (see [`collapse`]).
    pub summaries: Vec<(usize, usize, usize, usize)>,
}

/// What the map of a `claimmap diff` marks: per claim of the new version whether it was
/// added or changed, and the claims the old version had that are gone.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// Per claim: added since the old version.
    pub added: Vec<bool>,
    /// Per claim: present in both but different.
    pub changed: Vec<bool>,
    /// Removed claims: id and text.
    pub removed: Vec<(String, String)>,
}

impl<'a> RenderContext<'a> {
    /// A context for the whole debate in its default language.
    pub fn new(debate: &'a Debate) -> RenderContext<'a> {
        RenderContext {
            debate,
            warnings: Vec::new(),
            lang: debate.default_language().to_string(),
            rankdir: RankDir::default(),
            visible: None,
            map_image: None,
            evaluation: None,
            changes: None,
            mermaid: false,
            summaries: Vec::new(),
        }
    }

    /// The same context in another display language (the interactive page draws the map
    /// once per language).
    pub fn with_lang(&self, lang: &str) -> RenderContext<'a> {
        RenderContext {
            lang: lang.to_string(),
            warnings: self.warnings.clone(),
            visible: self.visible.clone(),
            map_image: self.map_image.clone(),
            summaries: self.summaries.clone(),
            ..*self
        }
    }

    /// How many claims are drawn.
    pub fn visible_count(&self) -> usize {
        (0..self.debate.claims.len())
            .filter(|&i| self.is_visible(i))
            .count()
    }

    /// Whether claim `i` is drawn.
    pub fn is_visible(&self, i: usize) -> bool {
        self.visible
            .as_ref()
            .is_none_or(|v| v.get(i).copied().unwrap_or(true))
    }

    /// The text of claim `i` in the display language, with fallbacks.
    pub fn text(&self, i: usize) -> &'a str {
        self.debate.claims[i]
            .text
            .get(&self.lang, &self.debate.languages)
    }
}

/// A render backend.
pub trait Renderer {
    /// Short name, e.g. `dot`.
    fn name(&self) -> &str;
    /// Renders the debate to bytes.
    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<u8>>;
}
