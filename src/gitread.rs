//! Reading a debate folder as it was at a git revision, without touching the work tree or
//! the index: the files are listed with `git ls-tree` and read with one `git cat-file
//! --batch` into a temporary folder, which is then loaded like any debate.

use crate::error::{Error, Result};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| Error::Tool {
            message: format!("cannot run git ({e}); `diff --git` needs git installed"),
        })?;
    if !out.status.success() {
        return Err(Error::Tool {
            message: format!(
                "git {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        });
    }
    Ok(out.stdout)
}

/// Copies the debate folder `dir` as it is at `rev` into a new temporary folder.
pub fn checkout(dir: &Path, rev: &str) -> Result<tempfile::TempDir> {
    if rev.starts_with('-') {
        return Err(Error::Usage {
            message: format!("`{rev}` is not a git revision"),
        });
    }
    let prefix = String::from_utf8_lossy(&git(dir, &["rev-parse", "--show-prefix"])?)
        .trim_end_matches('\n')
        .to_string();
    let listing = git(
        dir,
        &[
            "ls-tree",
            "-r",
            "-z",
            "--full-name",
            "--name-only",
            rev,
            "--",
            ".",
        ],
    )?;
    let paths: Vec<String> = listing
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    let tmp = tempfile::tempdir().map_err(|e| Error::io("creating a temporary folder", e))?;
    if paths.is_empty() {
        return Ok(tmp);
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| Error::Tool {
            message: format!("cannot run git ({e})"),
        })?;
    let mut stdin = child.stdin.take().expect("piped");
    let requests: String = paths.iter().map(|p| format!("{rev}:{p}\n")).collect();
    // Writing all requests while git answers could fill both pipes; a thread writes them.
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let mut reader = BufReader::new(child.stdout.take().expect("piped"));
    for path in &paths {
        let mut header = String::new();
        reader
            .read_line(&mut header)
            .map_err(|e| Error::io("reading from git", e))?;
        let fields: Vec<&str> = header.split_whitespace().collect();
        let size: usize = match fields.as_slice() {
            [_, "blob", size] => size.parse().unwrap_or(0),
            _ => {
                return Err(Error::Tool {
                    message: format!("git could not read `{path}` at {rev}: {}", header.trim()),
                });
            }
        };
        let mut content = vec![0; size + 1];
        reader
            .read_exact(&mut content)
            .map_err(|e| Error::io("reading from git", e))?;
        content.pop();
        let rel = path.strip_prefix(&prefix).unwrap_or(path);
        if rel.split('/').any(|c| c == ".." || c.is_empty()) {
            continue;
        }
        let to = tmp.path().join(rel);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io("writing a temporary copy", e))?;
        }
        std::fs::write(&to, &content).map_err(|e| Error::io("writing a temporary copy", e))?;
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(tmp)
}

/// Every file git tracks in the repository holding `dir`: the work tree's top folder
/// (canonical) and the paths relative to it. `diff --git` must not write over any of them.
pub fn tracked(dir: &Path) -> Result<(std::path::PathBuf, Vec<std::path::PathBuf>)> {
    let top = String::from_utf8_lossy(&git(dir, &["rev-parse", "--show-toplevel"])?)
        .trim_end_matches('\n')
        .to_string();
    let top = std::fs::canonicalize(&top).map_err(|e| Error::io(format!("reading {top}"), e))?;
    let listing = git(&top, &["ls-files", "-z", "--full-name"])?;
    let files = listing
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(path_from_bytes)
        .collect();
    Ok((top, files))
}

/// A path as git printed it (bytes, not necessarily UTF-8).
fn path_from_bytes(bytes: &[u8]) -> std::path::PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        std::path::PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
    }
    #[cfg(not(unix))]
    std::path::PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}
