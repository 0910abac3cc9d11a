//! The map in every format, choosing the layout engine.
//!
//! DOT is always ours. SVG, PNG and PDF come from the system Graphviz when it is installed;
//! without it SVG falls back to the embedded pure-Rust layout (so the main job works on a
//! fresh machine) and PNG/PDF say what to install.

use super::graphviz::{self, INSTALL_HINT, ImageFormat};
use super::{RenderContext, dot, layout};
use crate::error::{Error, Result};
use std::path::Path;
use std::time::Duration;

/// Output formats of `claimmap map`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MapFormat {
    /// Graphviz source.
    Dot,
    /// Scalable vector graphics.
    Svg,
    /// Raster image (needs Graphviz).
    Png,
    /// PDF (needs Graphviz).
    Pdf,
}

impl MapFormat {
    /// The format implied by a file name's extension, if any.
    pub fn from_path(path: &Path) -> Option<MapFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "dot" | "gv" => Some(MapFormat::Dot),
            "svg" => Some(MapFormat::Svg),
            "png" => Some(MapFormat::Png),
            "pdf" => Some(MapFormat::Pdf),
            _ => None,
        }
    }
}

/// A rendered map, and a note for the user when a fallback was used.
#[derive(Debug)]
pub struct MapOutput {
    /// The file contents.
    pub bytes: Vec<u8>,
    /// E.g. that the embedded layout was used because Graphviz is missing.
    pub note: Option<String>,
}

/// Renders the map in `format`. `timeout` limits the Graphviz layout.
pub fn render_map(
    ctx: &RenderContext<'_>,
    format: MapFormat,
    timeout: Option<Duration>,
) -> Result<MapOutput> {
    let source = dot::to_dot(ctx);
    let image = match format {
        MapFormat::Dot => {
            return Ok(MapOutput {
                bytes: source.into_bytes(),
                note: None,
            });
        }
        MapFormat::Svg => ImageFormat::Svg,
        MapFormat::Png => ImageFormat::Png,
        MapFormat::Pdf => ImageFormat::Pdf,
    };
    if graphviz::dot_available() {
        return Ok(MapOutput {
            bytes: graphviz::layout(&source, image, timeout)?,
            note: None,
        });
    }
    if image != ImageFormat::Svg {
        return Err(Error::Tool {
            message: format!(
                "PNG and PDF maps need Graphviz's `dot`, which is not installed; {INSTALL_HINT}"
            ),
        });
    }
    Ok(MapOutput {
        bytes: layout::embedded_svg(ctx)?.into_bytes(),
        note: Some(format!(
            "Graphviz `dot` not found, so the SVG map used the built-in layout; {INSTALL_HINT}"
        )),
    })
}
