//! The output gate: where a write may go, decided once for every command.
//!
//! A class runs claimmap on students' pull requests, so the folder it reads, and often the
//! output folder too, come from someone else. The gate holds three promises:
//!
//! - **The debate is never written.** Claim files, `claimmap.yaml`, any new YAML file (the
//!   next run may read it as claims; no output of claimmap is YAML), the debate's source
//!   documents and, for `diff --git`, every file git tracks are refused.
//! - **Links planted in the repository do not lead writes out of it.** A link where the
//!   output file itself goes (`out/map.svg -> ~/.bashrc`) is replaced, never followed
//!   (except the system's own links under `/dev` and `/proc`, such as `/dev/stderr`). A
//!   symbolic link to a folder on the way to the output is refused when it lies in an
//!   untrusted area and points out of it, unless `--follow-links` is given: the untrusted
//!   areas are the current folder and the repository of each debate read (the nearest folder
//!   above it holding `.git`, else the folder holding the debate), so running claimmap from
//!   elsewhere (`claimmap build ../repo/d -o ../repo/out`) is as safe as from inside.
//! - **Standard output stays reachable**: `-o -` and `/dev/stdout` write to it.

use crate::error::{Error, Result};
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

/// Most symbolic links followed for one destination before giving up (as the kernel does).
const MAX_LINKS: usize = 40;

/// Decides where each output may go; see the module documentation for the rules.
#[derive(Debug, Clone)]
pub struct Gate {
    /// Canonical folders whose links may have been planted: the current folder and each
    /// debate's repository. A folder link inside one that leads out of it is refused.
    untrusted: Vec<PathBuf>,
    /// The current folder as the process sees it: relative destinations start here.
    here: PathBuf,
    /// `--follow-links`: the user vouches for every link on the way.
    follow_links: bool,
    /// Creating a new file (`init`, `new`, `import`), which may be YAML.
    creating: bool,
    /// Canonical debate folders: no YAML file is written inside them.
    debates: Vec<PathBuf>,
    /// Canonical paths never written: source documents, files git tracks.
    files: HashSet<PathBuf>,
}

/// Where a write ends up, as [`Gate::resolve`] decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Standard output (`-o -`, `/dev/stdout`, or no `-o`).
    Stdout,
    /// A regular file, written to a temporary file and renamed over `path` (a link at `path`
    /// is replaced).
    File(PathBuf),
    /// An existing device or FIFO the user named (`/dev/null`), opened and written in place.
    Device(PathBuf),
}

impl Gate {
    /// A gate that protects nothing yet; `follow_links` is `--follow-links`.
    pub fn new(follow_links: bool) -> Gate {
        let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        Gate::in_folder(&here, follow_links)
    }

    /// A gate for a process whose current folder is `here` (tests run several at once).
    pub fn in_folder(here: &Path, follow_links: bool) -> Gate {
        Gate {
            untrusted: vec![std::fs::canonicalize(here).unwrap_or_else(|_| here.to_path_buf())],
            here: here.to_path_buf(),
            follow_links,
            creating: false,
            debates: Vec::new(),
            files: HashSet::new(),
        }
    }

    /// Protects a debate folder and its source documents (paths as given in the debate,
    /// relative to `root`).
    pub fn protect_debate<'a>(&mut self, root: &Path, sources: impl IntoIterator<Item = &'a str>) {
        let Ok(real_root) = std::fs::canonicalize(root) else {
            return;
        };
        for rel in sources {
            if let Ok(p) = std::fs::canonicalize(root.join(rel)) {
                self.files.insert(p);
            }
        }
        let repo = real_root
            .ancestors()
            .find(|dir| dir.join(".git").exists())
            .or_else(|| real_root.parent())
            .unwrap_or(&real_root)
            .to_path_buf();
        if !self.untrusted.contains(&repo) {
            self.untrusted.push(repo);
        }
        self.debates.push(real_root);
    }

    /// Protects files by path, e.g. every file git tracks (`top` canonical, `rel` as git
    /// lists them, which never pass through a link).
    pub fn protect_files(&mut self, top: &Path, rel: impl IntoIterator<Item = PathBuf>) {
        self.files.extend(rel.into_iter().map(|r| top.join(r)));
    }

    /// For commands that read no debate (`schema`, `man`, `completions`): protects the
    /// debate the destination lies in, if any, found as the nearest folder above it that
    /// holds `claimmap.yaml`.
    pub fn protect_enclosing_debate(&mut self, dest: &Path) {
        let Ok(Target::File(path)) = self.resolve(dest) else {
            return;
        };
        let Some(root) = path
            .ancestors()
            .skip(1)
            .find(|dir| dir.join(crate::load::CONFIG_FILE).is_file())
        else {
            return;
        };
        // Only the settings name the sources: the claim files are not read.
        let sources = crate::validate::source_paths(crate::load::config_alone(root).as_ref());
        self.protect_debate(root, sources.iter().map(String::as_str));
    }

    /// Where a write to `dest` would go, or why it may not.
    pub fn resolve(&self, dest: &Path) -> Result<Target> {
        if dest.as_os_str() == "-" || dest == Path::new("/dev/stdout") {
            return Ok(Target::Stdout);
        }
        let refuse = |why: String| Error::Usage {
            message: format!(
                "refusing to write over `{}`: {why}; claimmap never modifies claim files or \
                 sources and never writes outside the output you name. Choose another output path",
                dest.display()
            ),
        };
        let io = |e: std::io::Error| Error::io(format!("writing {}", dest.display()), e);
        let Some(Component::Normal(name)) = dest.components().next_back() else {
            return Err(Error::Usage {
                message: format!("`{}` is a folder; give a file name", dest.display()),
            });
        };
        let parent = self
            .real_folder(dest.parent().unwrap_or(Path::new("")))
            .map_err(|e| match e {
                Walk::Io(e) => io(e),
                Walk::Planted { link, target } => refuse(format!(
                    "`{}` is a symbolic link that leads out of the current folder (to `{}`); \
                     a repository can plant such a link to make claimmap write elsewhere. \
                     Give --follow-links if you made it yourself",
                    link.display(),
                    target.display()
                )),
            })?;
        let mut path = parent.join(name);
        let meta = std::fs::symlink_metadata(&path).ok();
        let mut device = false;
        if let Some(m) = &meta {
            if m.file_type().is_symlink() {
                // The link itself must not be a debate file either.
                self.protected(&path).map_err(refuse)?;
                let system = path.starts_with("/dev") || path.starts_with("/proc");
                if self.follow_links || system {
                    path = follow(&path).map_err(io)?;
                    device = std::fs::metadata(&path).is_ok_and(|m| !m.is_file() && !m.is_dir());
                }
            } else if m.is_dir() {
                return Err(Error::Usage {
                    message: format!("`{}` is a folder; give a file name", dest.display()),
                });
            } else {
                device = !m.is_file();
            }
        }
        self.protected(&path).map_err(refuse)?;
        Ok(if device {
            Target::Device(path)
        } else {
            Target::File(path)
        })
    }

    /// Writes `bytes` to `dest` (standard output when `None`) through the gate.
    pub fn write(&self, dest: Option<&Path>, bytes: &[u8]) -> Result<()> {
        let target = match dest {
            Some(d) => self.resolve(d)?,
            None => Target::Stdout,
        };
        let action = || format!("writing {}", dest.unwrap_or(Path::new("-")).display());
        match target {
            Target::Stdout => write_stdout(bytes),
            Target::File(p) => super::replace(&p, bytes).map_err(|e| Error::io(action(), e)),
            Target::Device(p) => {
                super::write_in_place(&p, bytes).map_err(|e| Error::io(action(), e))
            }
        }
    }

    /// Creates a new file (`init`, `new`, `import`), never replacing anything. Only the link
    /// rule applies: these commands write inside debate folders on purpose.
    pub fn create_new(&self, dest: &Path, bytes: &[u8]) -> Result<()> {
        let action = || format!("creating {}", dest.display());
        let open = Gate {
            debates: Vec::new(),
            files: HashSet::new(),
            creating: true,
            ..self.clone()
        };
        if std::fs::symlink_metadata(dest).is_ok() {
            return Err(already_exists(dest));
        }
        let path = match open.resolve(dest)? {
            Target::File(p) => p,
            Target::Stdout | Target::Device(_) => {
                return Err(already_exists(dest));
            }
        };
        super::create_new(&path, bytes).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                already_exists(dest)
            } else {
                Error::io(action(), e)
            }
        })
    }

    /// Removes an output an earlier run wrote and this one does not: a regular file or a
    /// link (never what it points to, even with `--follow-links`); anything else is left
    /// alone.
    pub fn remove_stale(&self, dest: &Path) -> Result<()> {
        let own_name = Gate {
            follow_links: false,
            ..self.clone()
        };
        let Target::File(path) = own_name.resolve(dest)? else {
            return Ok(());
        };
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.is_file() || m.file_type().is_symlink() => std::fs::remove_file(&path)
                .map_err(|e| Error::io(format!("removing stale {}", dest.display()), e)),
            _ => Ok(()),
        }
    }

    /// Why `path` (absolute, its folder canonical) may not be written, if it may not.
    fn protected(&self, path: &Path) -> std::result::Result<(), String> {
        let yaml = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
        if yaml && self.debates.iter().any(|root| path.starts_with(root)) {
            return Err("it is part of the debate".into());
        }
        if yaml && !self.creating {
            // A debate needs no claimmap.yaml, so a new YAML file may well be read as claims.
            return Err(
                "no output of claimmap is YAML, and a YAML file may be read as claims".into(),
            );
        }
        if self.files.contains(path) {
            return Err("it is one of the debate's sources or a file git tracks".into());
        }
        Ok(())
    }

    /// The canonical form of the folder `dir` (relative to the current folder), following
    /// links on the way unless one was planted (see the module documentation). Folders that
    /// do not exist yet are appended as written.
    fn real_folder(&self, dir: &Path) -> std::result::Result<PathBuf, Walk> {
        let full = if dir.is_absolute() {
            dir.to_path_buf()
        } else {
            self.here.join(dir)
        };
        let mut out = PathBuf::new();
        let mut exists = true;
        for c in full.components() {
            match c {
                Component::Prefix(_) | Component::RootDir => out.push(c.as_os_str()),
                Component::CurDir => {}
                Component::ParentDir => {
                    out.pop();
                }
                Component::Normal(name) => {
                    let next = out.join(name);
                    if !exists {
                        out = next;
                        continue;
                    }
                    match std::fs::symlink_metadata(&next) {
                        Ok(m) if m.file_type().is_symlink() => {
                            let target = std::fs::canonicalize(&next).map_err(Walk::Io)?;
                            let planted = self
                                .untrusted
                                .iter()
                                .any(|area| next.starts_with(area) && !target.starts_with(area));
                            if !self.follow_links && planted {
                                return Err(Walk::Planted { link: next, target });
                            }
                            out = target;
                        }
                        Ok(_) => out = next,
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                            exists = false;
                            out = next;
                        }
                        Err(e) => return Err(Walk::Io(e)),
                    }
                }
            }
        }
        Ok(out)
    }
}

/// Why a folder could not be resolved.
enum Walk {
    Io(std::io::Error),
    Planted { link: PathBuf, target: PathBuf },
}

/// The file a link (chain) at `path` leads to, which may not exist yet.
fn follow(path: &Path) -> std::io::Result<PathBuf> {
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

fn already_exists(dest: &Path) -> Error {
    Error::Usage {
        message: format!(
            "`{}` already exists; claimmap never overwrites files. Choose another name",
            dest.display()
        ),
    }
}

/// Writes to standard output; a closed pipe (`claimmap map | head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|_| stdout.flush())
        .or_else(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                Ok(())
            } else {
                Err(e)
            }
        })
        .map_err(|e| Error::io("writing to standard output", e))
}

#[cfg(all(test, unix))]
mod tests;
