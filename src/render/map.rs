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
    /// A Mermaid flowchart, drawn inline by GitHub and Markdown viewers.
    Mermaid,
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
            "mmd" | "mermaid" => Some(MapFormat::Mermaid),
            _ => None,
        }
    }

    /// The usual file extension (`dot`, `svg`, `png`, `pdf`).
    pub fn extension(self) -> &'static str {
        match self {
            MapFormat::Dot => "dot",
            MapFormat::Svg => "svg",
            MapFormat::Png => "png",
            MapFormat::Pdf => "pdf",
            MapFormat::Mermaid => "mmd",
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
    let image = match format {
        MapFormat::Mermaid => {
            return Ok(MapOutput {
                bytes: super::mermaid::to_mermaid(ctx).into_bytes(),
                note: None,
            });
        }
        MapFormat::Dot => {
            return Ok(MapOutput {
                bytes: dot::to_dot(ctx).into_bytes(),
                note: None,
            });
        }
        MapFormat::Svg => ImageFormat::Svg,
        MapFormat::Png => ImageFormat::Png,
        MapFormat::Pdf => ImageFormat::Pdf,
    };
    let source = dot::to_dot(ctx);
    lay_out(ctx, &source, image, timeout)
}

/// Lays out an already generated DOT `source` (so `build`, which also writes the DOT, makes
/// it once): Graphviz when installed, else the embedded layout for SVG.
fn lay_out(
    ctx: &RenderContext<'_>,
    source: &str,
    image: ImageFormat,
    timeout: Option<Duration>,
) -> Result<MapOutput> {
    if graphviz::dot_available() {
        return Ok(MapOutput {
            bytes: graphviz::layout(source, image, timeout)?,
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

/// The SVG map for `claimmap build`. Like [`render_map`] with [`MapFormat::Svg`], except that
/// a map too big for the embedded layout, on a machine without Graphviz, gives a small
/// placeholder SVG that says what to install (and a note) instead of an error, so `build`
/// still writes the other outputs.
/// `dot_source` is the map's DOT, which `build` has already generated.
pub fn render_build_svg(
    ctx: &RenderContext<'_>,
    dot_source: &str,
    timeout: Option<Duration>,
) -> Result<MapOutput> {
    let visible = ctx.visible_count();
    let out_of_time = || MapOutput {
        bytes: placeholder_svg(&format!(
            "Graphviz could not lay out these {visible} claims in time; draw a part of the map \
             (claimmap map --focus ID --depth N) or allow more time (--layout-timeout)"
        ))
        .into_bytes(),
        note: Some(format!(
            "Graphviz did not finish the map's layout within the time limit, so map.svg and \
             the page's map are placeholders; the other outputs are complete. Draw a part \
             with `claimmap map --focus ID --depth N`, or allow more time with \
             --layout-timeout SECONDS (now {})",
            timeout.map_or("none".to_string(), |t| format!("{} s", t.as_secs()))
        )),
    };
    if graphviz::timed_out() {
        return Ok(out_of_time());
    }
    if visible <= layout::EMBEDDED_MAX_CLAIMS || graphviz::dot_available() {
        return match lay_out(ctx, dot_source, ImageFormat::Svg, timeout) {
            // A hostile or just huge debate must not cost the whole build: the report, the
            // page's text and the exports do not need the drawing.
            Err(_) if graphviz::timed_out() => Ok(out_of_time()),
            other => other,
        };
    }
    Ok(MapOutput {
        bytes: placeholder_svg(&format!(
            "This map has {visible} claims, too many for the built-in layout; install Graphviz \
             (apt-get install graphviz fonts-lohit-beng-bengali) and run claimmap build again"
        ))
        .into_bytes(),
        note: Some(format!(
            "Graphviz `dot` not found and the map has {visible} claims, more than the built-in \
             layout draws ({}), so map.svg is only a placeholder; {INSTALL_HINT}",
            layout::EMBEDDED_MAX_CLAIMS
        )),
    })
}

/// A small valid SVG that says why the map could not be drawn.
fn placeholder_svg(message: &str) -> String {
    let escaped = super::layout::escape_xml(message);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1300\" height=\"60\" \
         viewBox=\"0 0 1300 60\">\n\
         <rect width=\"1300\" height=\"60\" fill=\"#fff8e1\" stroke=\"#c8a000\"/>\n\
         <text x=\"10\" y=\"35\" font-family=\"sans-serif\" font-size=\"13\">{escaped}</text>\n\
         </svg>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_is_a_small_svg_with_the_message() {
        let svg = placeholder_svg("This map has 400 <claims> & more");
        assert!(svg.contains("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("This map has 400 &lt;claims&gt; &amp; more"));
    }

    #[test]
    fn extensions_round_trip() {
        for f in [
            MapFormat::Dot,
            MapFormat::Svg,
            MapFormat::Png,
            MapFormat::Pdf,
            MapFormat::Mermaid,
        ] {
            let name = format!("map.{}", f.extension());
            assert_eq!(MapFormat::from_path(Path::new(&name)), Some(f));
        }
    }
}
