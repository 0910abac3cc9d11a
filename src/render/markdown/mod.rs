//! `report`: the Markdown report, rendered through minijinja templates.
//!
//! The templates in the repository's `templates/` folder are compiled into the binary
//! ([`BUILTIN_TEMPLATES`]); `--templates DIR` replaces them file by file (same relative name)
//! and may add partials of its own. Templates never see the model: [`report_context`] builds a
//! plain, documented view of it (texts already in the display language, relations already
//! resolved to links), so the model can change without breaking users' templates.
//!
//! Undefined variables are errors (a misspelt field must not silently print nothing), and
//! every template error names the template and line. Auto-escaping is off: Markdown has no
//! single escape, so templates escape what they embed with the filters registered by
//! [`template_env`]: `md` (inline text), `cell` (table cells), `code` (inline code), `ticks`
//! (claimmap's own messages, whose `quoted` parts become code), `url` (link destinations) and
//! `anchor` (ids for `<a id="…">` anchors). The output is tidied: trailing spaces removed,
//! blank lines collapsed to one, one final newline.
//!
//! The module is split by concern: `env` builds the template environment (overrides, error
//! messages, tidying), `escape` holds the Markdown filters, `labels` the translated headings,
//! and `view` the serialisable view of the model that templates see.

mod contrib;
mod env;
pub mod escape;
mod eval_view;
mod labels;
mod view;

#[cfg(test)]
mod tests;

pub use env::template_env;
pub use escape::{anchor, code_span, escape_inline, escape_ticked, link_destination};
pub use view::report_context;

use super::{RenderContext, Renderer};
use crate::error::Result;
use env::tidy;
pub(crate) use env::{build_env, template_error};
use minijinja::value::{Serde, Value};
use std::path::PathBuf;
use view::report_view;

/// The name of the template the report starts from.
pub const MAIN_TEMPLATE: &str = "report.md.j2";

/// The built-in templates (the report's and the interactive page's) as `(name, source)`, compiled in so the binary works anywhere. Names
/// are paths relative to `templates/`; a file with the same relative name in `--templates DIR`
/// replaces one. Public so a command can copy them out as a starting point for customising.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    (
        MAIN_TEMPLATE,
        include_str!("../../../templates/report.md.j2"),
    ),
    (
        "report/macros.md.j2",
        include_str!("../../../templates/report/macros.md.j2"),
    ),
    (
        "report/claim.md.j2",
        include_str!("../../../templates/report/claim.md.j2"),
    ),
    (
        "report/warnings.md.j2",
        include_str!("../../../templates/report/warnings.md.j2"),
    ),
    (
        "report/sources.md.j2",
        include_str!("../../../templates/report/sources.md.j2"),
    ),
    (
        "report/verdicts.md.j2",
        include_str!("../../../templates/report/verdicts.md.j2"),
    ),
    (
        "report/evaluation.md.j2",
        include_str!("../../../templates/report/evaluation.md.j2"),
    ),
    (
        "report/contributions.md.j2",
        include_str!("../../../templates/report/contributions.md.j2"),
    ),
    (
        crate::render::html::PAGE_TEMPLATE,
        include_str!("../../../templates/map.html.j2"),
    ),
    (
        "map/style.css.j2",
        include_str!("../../../templates/map/style.css.j2"),
    ),
    (
        crate::render::html::SCRIPT_TEMPLATE,
        include_str!("../../../templates/map/script.js.j2"),
    ),
];

/// The Markdown report backend (`claimmap report`, and `report.md` in `build`).
pub struct Markdown {
    /// A folder whose templates replace the built-in ones, file by file.
    pub templates: Option<PathBuf>,
}

impl Renderer for Markdown {
    fn name(&self) -> &str {
        "markdown"
    }

    fn render(&self, ctx: &RenderContext<'_>) -> Result<Vec<u8>> {
        let (env, origins) = build_env(self.templates.as_deref())?;
        // minijinja 3's spelling of `Value::from_serialize`.
        let value = Value::from(Serde(&report_view(ctx)));
        let out = env
            .get_template(MAIN_TEMPLATE)
            .and_then(|t| t.render(value))
            .map_err(|e| template_error(&e, &origins))?;
        Ok(tidy(&out).into_bytes())
    }
}
