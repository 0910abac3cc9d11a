//! Writing outputs safely.
//!
//! Every write goes through a [`Gate`], which decides where a path really leads (links in the
//! current folder that leave it are refused, a link in the output's place is replaced rather
//! than followed) and refuses the debate's own files. This module holds what the gate does
//! once it has decided: write a temporary file beside the destination and rename it over, so
//! a run interrupted mid-write (Ctrl-C, a full disk) leaves the previous output intact and a
//! reader never sees half a file.

mod gate;

pub use gate::{Gate, Target, write_stdout};

use std::io::Write;
use std::path::Path;

/// Mode of a new output: an ordinary file that others (a web server, a classmate) may read.
#[cfg(unix)]
const NEW_FILE_MODE: u32 = 0o644;

/// Writes into an existing non-regular file (a device, a FIFO) without replacing it, because
/// renaming a file over it would destroy it.
fn write_in_place(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    file.write_all(bytes)?;
    file.flush()
}

/// Writes a temporary file beside `path` and renames it over `path`. A regular file already
/// there keeps its permissions (a private 0600 output stays private); anything else there (a
/// symbolic link) is replaced, never followed: rename acts on the name, not on what it
/// points to.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let parent = parent_of(path);
    std::fs::create_dir_all(parent)?;
    let existing = std::fs::symlink_metadata(path)
        .ok()
        .filter(|m| m.file_type().is_file());
    let mut tmp = tempfile::Builder::new()
        .prefix(".claimmap-")
        .suffix(".tmp")
        .tempfile_in(parent)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Set after creation, so the umask does not change an existing file's mode.
        let mode = existing.map_or(NEW_FILE_MODE, |m| m.permissions().mode() & 0o7777);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    if let Some(m) = existing {
        tmp.as_file().set_permissions(m.permissions())?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Creates `path` with `bytes`, refusing to replace anything, even a file or a dangling link
/// that appears between a check and the write: the file appears complete or not at all (a
/// temporary file in the same folder, then a hard link that fails if the name is taken).
fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let parent = parent_of(path);
    std::fs::create_dir_all(parent)?;
    let mut tmp = tempfile::NamedTempFile::new_in(parent)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(NEW_FILE_MODE))?;
    }
    tmp.write_all(bytes)?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_without_leaving_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/out.txt");
        replace(&p, b"one").unwrap();
        replace(&p, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub")).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode_and_a_new_one_is_readable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let private = dir.path().join("private.md");
        std::fs::write(&private, "old").unwrap();
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
        replace(&private, b"new").unwrap();
        let mode = std::fs::metadata(&private).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let fresh = dir.path().join("fresh.md");
        replace(&fresh, b"x").unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_way_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "precious").unwrap();
        let link = dir.path().join("map.svg");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        replace(&link, b"<svg/>").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert!(std::fs::symlink_metadata(&link).unwrap().is_file());
    }

    #[test]
    fn create_new_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        create_new(&p, b"one").unwrap();
        let err = create_new(&p, b"two").unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "one");
    }
}
