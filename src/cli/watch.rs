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
            let _ = tx.send((event.kind.is_remove(), event.paths));
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
    // Which folder is watched: a folder deleted and made again (a `git checkout` of another
    // branch, a script that regenerates it) is a new folder the old watch no longer sees.
    let mut watched = folder_identity(&dir);
    let mut watching = true;
    // Whether "gone" (or a failure to watch again) has been said since the folder went.
    let mut gone_noted = false;
    rebuild(&args);
    // After the first build, so the output folder exists and resolves like the paths the
    // watcher reports.
    let output = absolute(&args.build.output);
    let root = absolute(&args.build.debate.dir);
    note(format_args!(
        "watching {} for changes; Ctrl-C stops",
        args.build.debate.dir.display()
    ));
    loop {
        let mut changed = false;
        // Whether the watched folder itself was removed: its watch is gone even if a folder
        // of the same identity (a reused inode) is there again by the time we look.
        let mut lost = false;
        match rx.recv_timeout(RECHECK) {
            Ok((removed, paths)) => {
                changed = relevant(&paths, &root, &output);
                lost = removed && is_root(&paths, &dir, &root);
                // Collect the rest of the burst.
                while let Ok((removed, more)) = rx.recv_timeout(DEBOUNCE) {
                    changed |= relevant(&more, &root, &output);
                    lost |= removed && is_root(&more, &dir, &root);
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        let now = folder_identity(&dir);
        if watching && (lost || now != watched) {
            // Deleted, or replaced by a new folder: the old watch sees nothing any more.
            watching = false;
            gone_noted = false;
        }
        if !watching {
            match now {
                None => {
                    if !gone_noted {
                        note(format_args!(
                            "{} is gone; waiting for it to come back",
                            dir.display()
                        ));
                        gone_noted = true;
                    }
                    continue;
                }
                Some(_) => {
                    // The old watch died with the old folder (unwatching it may fail).
                    let _ = watcher.unwatch(&dir);
                    if let Err(e) = watcher.watch(&dir, RecursiveMode::Recursive) {
                        if !gone_noted {
                            super::common::print_error(&Error::Tool {
                                message: format!("cannot watch {} again: {e}", dir.display()),
                            });
                            gone_noted = true;
                        }
                        continue;
                    }
                    note(format_args!("{} is back; watching it again", dir.display()));
                    // Let the burst that made the folder settle before reading it.
                    while rx.recv_timeout(DEBOUNCE).is_ok() {}
                    watching = true;
                    watched = now;
                    changed = true;
                }
            }
        }
        if changed {
            rebuild(&args);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// How often the watched folder is checked for having been deleted or replaced, which the
/// watch itself cannot report once its folder is gone.
const RECHECK: Duration = Duration::from_millis(500);

/// What tells one folder from another at the same path: device and inode on Unix, the
/// creation time elsewhere; `None` when nothing is there.
fn folder_identity(dir: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(dir).ok().filter(|m| m.is_dir())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let created = meta
            .created()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as u64);
        Some((0, created))
    }
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

/// Whether one of `paths` is the watched folder itself (`dir` as given, `root` resolved).
fn is_root(paths: &[PathBuf], dir: &Path, root: &Path) -> bool {
    paths
        .iter()
        .any(|p| p == dir || p == root || absolute(p) == root)
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
