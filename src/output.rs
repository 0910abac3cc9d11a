//! Writing outputs safely.
//!
//! Every output is written to a temporary file beside its destination and then renamed over
//! it, so a run interrupted mid-write (Ctrl-C, a full disk) leaves the previous output intact
//! and a reader never sees half a file.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically, creating the parent folder when needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let action = || format!("writing {}", path.display());
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent).map_err(|e| Error::io(action(), e))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".claimmap-").suffix(".tmp");
    // Temporary files are private (0600) by default; outputs are ordinary files that others
    // (a web server, a classmate) may read, so give them the usual permissions.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder
        .tempfile_in(parent)
        .map_err(|e| Error::io(action(), e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(action(), e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io(action(), e))?;
    tmp.persist(path)
        .map_err(|e| Error::io(action(), e.error))?;
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
