//! Failures that stop the tool itself (as opposed to problems in a debate, which are
//! [`crate::diagnostics::Diagnostic`]s): a missing folder, an unwritable output, a broken
//! template, a missing Graphviz. The CLI maps these to exit code 2.

use std::fmt;
use std::path::PathBuf;

/// Why the tool could not do what was asked.
#[derive(Debug)]
pub enum Error {
    /// The debate folder does not exist or is not a folder.
    NoDebate {
        /// The path given.
        path: PathBuf,
    },
    /// Reading or writing a file failed.
    Io {
        /// What was being done, e.g. "writing out/map.svg".
        action: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The debate has errors, so nothing is rendered; `check` shows them.
    DebateHasErrors {
        /// How many errors.
        count: usize,
    },
    /// A template failed to load or render.
    Template {
        /// The template error, which names the template and line.
        message: String,
    },
    /// An external program (Graphviz) is missing or failed.
    Tool {
        /// What happened and what to install.
        message: String,
    },
    /// Arguments that do not fit together (e.g. `--focus` with an unknown id).
    Usage {
        /// What is wrong and how to fix it.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoDebate { path } => write!(
                f,
                "no debate folder at `{}`: give the folder that holds claimmap.yaml and the claim files",
                path.display()
            ),
            Error::Io { action, source } => write!(f, "{action}: {source}"),
            Error::DebateHasErrors { count } => write!(
                f,
                "the debate has {count} error{}; run `claimmap check` to see them",
                if *count == 1 { "" } else { "s" }
            ),
            Error::Template { message } => write!(f, "template error: {message}"),
            Error::Tool { message } | Error::Usage { message } => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl Error {
    /// Wraps an I/O error with what was being done.
    pub fn io(action: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            action: action.into(),
            source,
        }
    }
}

/// Result with the tool's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
