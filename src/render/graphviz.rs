//! Running the system Graphviz (`dot`) to turn the DOT map into SVG, PNG or PDF.
//!
//! Graphviz gives the best layout and real font shaping (Bengali needs it), but it is an
//! external program that may be missing or may take very long on a huge map. This module
//! finds it, runs it through `graphviz-rust`, and turns every failure into an
//! [`Error::Tool`] that says what to install or what `dot` complained about.

use crate::error::{Error, Result};
use graphviz_rust::cmd::{CommandArg, Format};
use std::io::{ErrorKind, Read, Write};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Set once a layout ran out of time: the same debate's other layouts in this run (the
/// page's second language, map.svg) would take as long, so `build` stops asking Graphviz.
static TIMED_OUT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether a Graphviz layout of this run has already run out of time.
pub fn timed_out() -> bool {
    TIMED_OUT.load(std::sync::atomic::Ordering::Relaxed)
}

/// What to install to get `dot` and a font that shapes Bengali, shown whenever it is missing.
pub const INSTALL_HINT: &str = "install Graphviz and a Bengali font: \
`apt-get install graphviz fonts-lohit-beng-bengali` (Debian/Ubuntu) or `brew install graphviz` \
(macOS)";

/// The program run for layouts.
const DOT: &str = "dot";

/// Longest part of `dot`'s error output repeated in a message, so a flood of warnings does not
/// bury the one line that matters.
const MAX_STDERR_CHARS: usize = 4000;

/// Image formats Graphviz renders the map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// Scalable vector graphics, for the web and the report.
    Svg,
    /// A raster image, for slides and chat.
    Png,
    /// A printable document.
    Pdf,
}

impl ImageFormat {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
            ImageFormat::Pdf => "pdf",
        }
    }

    fn graphviz_format(self) -> Format {
        match self {
            ImageFormat::Svg => Format::Svg,
            ImageFormat::Png => Format::Png,
            ImageFormat::Pdf => Format::Pdf,
        }
    }

    fn flag(self) -> String {
        format!("-T{}", self.extension())
    }
}

/// Whether Graphviz's `dot` can be run (it is on `PATH` and answers `dot -V`), so callers can
/// fall back to the embedded layout instead of failing.
pub fn dot_available() -> bool {
    Command::new(DOT)
        .arg("-V")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The version line of the installed `dot` (e.g. `dot - graphviz version 2.43.0 (0)`), for
/// `--version` style diagnostics; `None` when it is missing.
pub fn dot_version() -> Option<String> {
    let out = Command::new(DOT)
        .arg("-V")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(if out.stderr.is_empty() {
        &out.stdout
    } else {
        &out.stderr
    })
    .trim()
    .to_string();
    (out.status.success() && !text.is_empty()).then_some(text)
}

/// Lays out `dot_source` with Graphviz's `dot` and returns the image bytes.
///
/// Without a `timeout` this runs `dot` through `graphviz-rust`; with one, `dot` is spawned
/// directly so it can be killed when the time is up (`graphviz-rust` cannot stop it). A
/// missing `dot` gives an [`Error::Tool`] with [`INSTALL_HINT`]; a failing one gives its
/// error output.
pub fn layout(dot_source: &str, format: ImageFormat, timeout: Option<Duration>) -> Result<Vec<u8>> {
    match timeout {
        None => graphviz_rust::exec_dot(
            dot_source.to_string(),
            vec![CommandArg::Format(format.graphviz_format())],
        )
        .map_err(|e| {
            if e.kind() == ErrorKind::NotFound {
                missing(DOT)
            } else {
                failed(&e.to_string())
            }
        }),
        Some(limit) => run_with_timeout(DOT, dot_source, format, limit),
    }
}

fn missing(program: &str) -> Error {
    Error::Tool {
        message: format!("Graphviz's `{program}` was not found on PATH; {INSTALL_HINT}"),
    }
}

fn failed(stderr: &str) -> Error {
    let stderr = stderr.trim();
    let shown: String = stderr.chars().take(MAX_STDERR_CHARS).collect();
    let more = if shown.len() < stderr.len() {
        "\n…"
    } else {
        ""
    };
    Error::Tool {
        message: if shown.is_empty() {
            "Graphviz `dot` failed without saying why".to_string()
        } else {
            format!("Graphviz `dot` failed:\n{shown}{more}")
        },
    }
}

fn io_error(action: &str, source: std::io::Error) -> Error {
    Error::io(action, source)
}

/// Runs `program` on `source` (through a temporary file, so no pipe can fill up while we
/// wait) and kills it when `limit` has passed.
fn run_with_timeout(
    program: &str,
    source: &str,
    format: ImageFormat,
    limit: Duration,
) -> Result<Vec<u8>> {
    let mut input = tempfile::Builder::new()
        .prefix("claimmap-")
        .suffix(".dot")
        .tempfile()
        .map_err(|e| io_error("creating a temporary file for Graphviz", e))?;
    input
        .write_all(source.as_bytes())
        .and_then(|()| input.flush())
        .map_err(|e| io_error("writing a temporary file for Graphviz", e))?;
    let mut child = Command::new(program)
        .arg(format.flag())
        .arg(input.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == ErrorKind::NotFound {
                missing(program)
            } else {
                io_error(&format!("starting Graphviz `{program}`"), e)
            }
        })?;
    let stdout = child.stdout.take().map(drain);
    let stderr = child.stderr.take().map(drain);
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() >= limit => {
                // Best effort: the process may have ended in the meantime.
                let _ = child.kill();
                let _ = child.wait();
                TIMED_OUT.store(true, std::sync::atomic::Ordering::Relaxed);
                return Err(Error::Tool {
                    message: format!(
                        "Graphviz `{program}` did not finish within {:.1} s; draw a part of \
                         the map with --focus/--depth, or allow more time",
                        limit.as_secs_f64()
                    ),
                });
            }
            Ok(None) => {
                thread::sleep(Duration::from_millis(5).min(limit / 4 + Duration::from_micros(100)))
            }
            Err(e) => return Err(io_error(&format!("waiting for Graphviz `{program}`"), e)),
        }
    };
    let stdout = stdout.map(join).unwrap_or_default();
    let stderr = stderr.map(join).unwrap_or_default();
    if status.success() {
        Ok(stdout)
    } else {
        Err(failed(&String::from_utf8_lossy(&stderr)))
    }
}

fn drain(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        buf
    })
}

fn join(handle: thread::JoinHandle<Vec<u8>>) -> Vec<u8> {
    handle.join().unwrap_or_default()
}

/// Tests that need Graphviz call this first and return when it is false, so `cargo test`
/// passes on a machine without it; with `CLAIMMAP_REQUIRE_DOT` set (as CI does) a missing
/// `dot` fails the test instead of skipping it.
#[cfg(test)]
pub(crate) fn need_dot() -> bool {
    let ok = dot_available();
    if !ok {
        assert!(
            std::env::var_os("CLAIMMAP_REQUIRE_DOT").is_none(),
            "CLAIMMAP_REQUIRE_DOT is set but Graphviz `dot` is not installed"
        );
        println!("skipped: Graphviz `dot` not installed");
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "digraph g { a [label=\"জ্ঞান ক্ষমতা\"]; a -> b }";

    use super::need_dot;

    #[test]
    fn missing_program_is_a_tool_error_with_an_install_hint() {
        let err = run_with_timeout(
            "claimmap-no-such-dot",
            SMALL,
            ImageFormat::Svg,
            Duration::from_secs(5),
        )
        .unwrap_err();
        let message = err.to_string();
        assert!(matches!(err, Error::Tool { .. }), "{err:?}");
        assert!(message.contains("apt-get install graphviz"), "{message}");
        assert!(message.contains("brew install graphviz"), "{message}");
    }

    #[test]
    fn without_dot_layout_errors_instead_of_panicking() {
        if dot_available() {
            println!("skipped: Graphviz `dot` is installed, so it cannot be missing");
            return;
        }
        assert!(dot_version().is_none());
        for timeout in [None, Some(Duration::from_secs(5))] {
            let err = layout(SMALL, ImageFormat::Svg, timeout).unwrap_err();
            assert!(
                err.to_string().contains("apt-get install graphviz"),
                "{err}"
            );
        }
    }

    #[test]
    fn renders_svg_png_and_pdf() {
        if !need_dot() {
            return;
        }
        assert!(dot_version().is_some_and(|v| v.contains("graphviz")));
        for timeout in [None, Some(Duration::from_secs(60))] {
            let svg = layout(SMALL, ImageFormat::Svg, timeout).unwrap();
            let svg = String::from_utf8(svg).unwrap();
            assert!(svg.contains("<svg"), "{svg}");
            assert!(svg.contains("জ্ঞান ক্ষমতা"), "{svg}");
            let png = layout(SMALL, ImageFormat::Png, timeout).unwrap();
            assert!(png.starts_with(b"\x89PNG"));
            let pdf = layout(SMALL, ImageFormat::Pdf, timeout).unwrap();
            assert!(pdf.starts_with(b"%PDF"));
        }
    }

    #[test]
    fn a_syntax_error_reports_what_dot_said() {
        if !need_dot() {
            return;
        }
        for timeout in [None, Some(Duration::from_secs(60))] {
            let err = layout("digraph { a -> }", ImageFormat::Svg, timeout).unwrap_err();
            let message = err.to_string();
            assert!(matches!(err, Error::Tool { .. }));
            assert!(message.contains("syntax error"), "{message}");
        }
    }

    #[test]
    fn a_slow_layout_is_stopped() {
        if !need_dot() {
            return;
        }
        let mut source = String::from("digraph g {\n");
        for i in 0..3000 {
            source.push_str(&format!(
                "n{i} -> n{};\nn{i} -> n{};\n",
                (i * 7 + 3) % 3000,
                i / 2
            ));
        }
        source.push('}');
        let start = Instant::now();
        let err = layout(&source, ImageFormat::Svg, Some(Duration::from_millis(50))).unwrap_err();
        assert!(err.to_string().contains("did not finish"), "{err}");
        assert!(start.elapsed() < Duration::from_secs(10));
    }
}
