//! Writing outputs safely.
//!
//! Every output is written to a temporary file beside its destination and then renamed over
//! it, so a run interrupted mid-write (Ctrl-C, a full disk) leaves the previous output intact
//! and a reader never sees half a file.
//!
//! Two kinds of destination are not replaced: a symbolic link is followed and its target
//! written (atomically), and a destination that exists but is not a regular file (a device
//! such as `/dev/null`, a FIFO, a socket) is opened and written in place, because renaming a
//! file over it would destroy it.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Most symbolic links followed for one destination before giving up (as the kernel does).
const MAX_LINKS: usize = 40;

/// Writes `bytes` to `path` atomically, creating the parent folder when needed.
///
/// A symbolic link is followed (also a dangling one: its target is created); a destination
/// that is not a regular file (a device, a FIFO) is written in place, not atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let action = || format!("writing {}", path.display());
    let target = resolve_links(path).map_err(|e| Error::io(action(), e))?;
    match std::fs::metadata(&target) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            write_in_place(&target, bytes).map_err(|e| Error::io(action(), e))
        }
        _ => replace(&target, bytes).map_err(|e| Error::io(action(), e)),
    }
}

/// The path a write to `path` ends up at: `path` itself unless it is a symbolic link, else the
/// file the link (chain) points to, which may not exist yet.
pub fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                if let Ok(real) = std::fs::canonicalize(&current) {
                    return Ok(real);
                }
                // A dangling link: its target is relative to the folder holding the link.
                let target = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) => parent.join(target),
                    None => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other(format!(
        "more than {MAX_LINKS} symbolic links to follow"
    )))
}

/// Writes into an existing non-regular file (a device, a FIFO) without replacing it.
fn write_in_place(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    file.write_all(bytes)?;
    file.flush()
}

/// Writes a temporary file beside `path` and renames it over `path`.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".claimmap-").suffix(".tmp");
    // Temporary files are private (0600) by default; outputs are ordinary files that others
    // (a web server, a classmate) may read, so give them the usual permissions.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder.tempfile_in(parent)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_without_leaving_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/out.txt");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub")).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn unwritable_destination_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "x").unwrap();
        let err = write_atomic(&blocker.join("out.txt"), b"x").unwrap_err();
        assert!(err.to_string().contains("writing"), "{err}");
    }
}
