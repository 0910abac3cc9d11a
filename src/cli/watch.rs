//! `claimmap watch`: rebuild the outputs of `build` whenever the debate changes.

use super::build;
use super::common::note;
use crate::error::{Error, Result};
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;

/// Arguments of `watch`: the same as `build`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  claimmap watch claims              rebuild out/ on every save; Ctrl-C stops
  claimmap watch claims -o site/ --lang en")]
pub struct WatchArgs {
    #[command(flatten)]
    build: build::Args,
}

/// How long a burst of changes (an editor saving several files) may last before rebuilding.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// Runs `watch`. A debate with errors prints them and keeps the last good outputs (`build`
/// renders everything before writing anything); Ctrl-C ends it, and since every output is
/// written atomically it never leaves a half-written file.
pub fn execute(args: WatchArgs) -> Result<ExitCode> {
    let dir = args.build.debate.dir.clone();
    if !dir.is_dir() {
        return Err(Error::NoDebate { path: dir });
    }
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reading files (our own build does) is not a change.
        if let Ok(event) = event
            && (event.kind.is_create() || event.kind.is_modify() || event.kind.is_remove())
        {
            let _ = tx.send(event.paths);
        }
    })
    .map_err(|e| Error::Tool {
        message: format!("cannot watch {}: {e}", dir.display()),
    })?;
    watcher
        .watch(&dir, RecursiveMode::Recursive)
        .map_err(|e| Error::Tool {
            message: format!("cannot watch {}: {e}", dir.display()),
        })?;
    rebuild(&args);
    // After the first build, so the output folder exists and resolves like the paths the
    // watcher reports.
    let output = absolute(&args.build.output);
    let root = absolute(&args.build.debate.dir);
    note(format_args!(
        "watching {} for changes; Ctrl-C stops",
        args.build.debate.dir.display()
    ));
    while let Ok(paths) = rx.recv() {
        let mut changed = relevant(&paths, &root, &output);
        // Collect the rest of the burst.
        while let Ok(more) = rx.recv_timeout(DEBOUNCE) {
            changed |= relevant(&more, &root, &output);
        }
        if changed {
            rebuild(&args);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Builds once, reporting problems without stopping the watch.
fn rebuild(args: &WatchArgs) {
    match build::run(&args.build) {
        Ok(_) => {}
        Err(Error::DebateHasErrors { .. }) => {
            note("the debate has errors (above); the previous outputs are kept");
        }
        Err(e) => super::common::print_error(&e),
    }
}

/// Whether a change matters: not inside the output folder (our own writes) and not a
/// hidden file or folder inside the debate (editor swap files, `.git`), which the loader
/// skips too.
fn relevant(paths: &[PathBuf], root: &Path, output: &Path) -> bool {
    paths.iter().any(|p| {
        let p = absolute(p);
        let hidden = p.strip_prefix(root).is_ok_and(|rel| {
            rel.components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        });
        !p.starts_with(output) && !hidden
    })
}

fn absolute(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    })
}
