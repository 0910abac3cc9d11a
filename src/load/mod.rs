//! Reading a debate folder: find the files, read them, parse them into spanned YAML trees.
//!
//! Files are found recursively and sorted by path, so every output is deterministic whatever
//! order the file system lists them in. Each file parses on its own, so they are parsed in
//! parallel. A file that cannot be read or parsed becomes a diagnostic; the others still load.

pub mod yaml;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use yaml::Node;

/// The name of the optional debate settings file at the folder's root.
pub const CONFIG_FILE: &str = "claimmap.yaml";

/// Limits that keep a hostile or accidental huge input from exhausting memory.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Largest claim file read, in bytes.
    pub max_file_bytes: u64,
    /// Most claims one file may hold (`--max-claims-per-file`); the rest are not read.
    pub max_claims_per_file: usize,
    /// Longest text of a claim, in characters (`--max-text-length`).
    pub max_text_chars: usize,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: 16 * 1024 * 1024,
            max_claims_per_file: 100_000,
            max_text_chars: 20_000,
        }
    }
}

/// One YAML file of the debate, read and parsed.
#[derive(Debug, Clone)]
pub struct LoadedFile {
    /// Path relative to the debate folder, `/`-separated (what messages show).
    pub rel: String,
    /// The file's text; empty once [`load_and_read`] has read the file and let it go.
    pub text: Arc<str>,
    /// The parsed document; `None` when the file is empty or could not be parsed.
    pub node: Option<Node>,
    /// The file's metadata, taken from the open file before its text was read: snippets of
    /// a released file read it again only if this still matches.
    pub metadata: Option<std::fs::Metadata>,
    /// Whether `text` was let go after reading (see [`load_and_read`]).
    pub released: bool,
}

/// Every file of a debate folder.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The debate folder.
    pub root: PathBuf,
    /// `claimmap.yaml`, when present.
    pub config: Option<LoadedFile>,
    /// The claim files, sorted by path.
    pub files: Vec<LoadedFile>,
    /// The limits the files were read under (validation applies the per-claim ones).
    pub limits: LoadOptions,
}

/// Loads a debate folder. Problems in files are added to `diags`; only a missing folder is an
/// [`Error`].
pub fn load(root: &Path, options: &LoadOptions, diags: &mut Diagnostics) -> Result<Loaded> {
    load_inner(
        root,
        options,
        diags,
        None::<&(dyn Fn(&LoadedFile) + Sync)>,
        true,
        None,
    )
    .map(|(l, _)| l)
}

/// Like [`load`], but reads each claim file with the reader that `reader_for` makes from the
/// parsed `claimmap.yaml`, on the thread that parsed it, and then drops the file's tree.
/// Reading a file as soon as it is parsed uses every core for the reading too, and the trees
/// of a big debate, which take most of its memory, never all exist at once.
///
/// Returns the debate's files (without their trees or texts, which diagnostics read again
/// from disk if they quote the file; `claimmap.yaml` keeps both) and what
/// the reader returned for each of them, in the same order.
pub fn load_and_read<T, R>(
    root: &Path,
    options: &LoadOptions,
    diags: &mut Diagnostics,
    reader_for: impl FnOnce(Option<&LoadedFile>) -> R,
) -> Result<(Loaded, Vec<T>)>
where
    T: Send + Default,
    R: Fn(&LoadedFile) -> T + Sync,
{
    // The reader may depend on the settings (the default language), so they come first, and
    // are not read again with the claim files. (A missing folder is reported by `load_inner`.)
    let config_path = root.join(CONFIG_FILE);
    let config = config_path
        .is_file()
        .then(|| read_one(root, &config_path, options));
    let reader = reader_for(config.as_ref().and_then(|(f, _)| f.as_ref()));
    let config = config.map(|parsed| (config_path, parsed));
    let (loaded, reads) = load_inner(root, options, diags, Some(&reader), false, config)?;
    let reads = reads.into_iter().map(Option::unwrap_or_default).collect();
    Ok((loaded, reads))
}

/// Loads the folder; with a `reader`, each claim file is read on its parsing thread and, unless
/// `keep_nodes`, its tree dropped. `config` is `claimmap.yaml` when the caller has parsed it
/// already. The second result has one entry per file in `files`.
fn load_inner<T: Send>(
    root: &Path,
    options: &LoadOptions,
    diags: &mut Diagnostics,
    reader: Option<&(dyn Fn(&LoadedFile) -> T + Sync)>,
    keep_nodes: bool,
    config: Option<(PathBuf, Parsed)>,
) -> Result<(Loaded, Vec<Option<T>>)> {
    if !root.is_dir() {
        return Err(Error::NoDebate {
            path: root.to_path_buf(),
        });
    }
    let mut paths = Vec::new();
    collect_yaml(root, root, &mut paths, diags);
    paths.sort();
    let parsed_config = config.and_then(|(path, parsed)| {
        let at = paths.iter().position(|p| *p == path)?;
        paths.remove(at);
        Some(parsed)
    });
    let mut results = parse_all(root, &paths, options, &|file: &mut LoadedFile| {
        let claim_file = file.rel != CONFIG_FILE && file.rel != "claimmap.yml";
        let read = match reader {
            Some(read) if claim_file && file.node.is_some() => Some(read(file)),
            _ => None,
        };
        if claim_file && !keep_nodes {
            file.node = None;
            // The text goes too: diagnostics read it again only for the files they quote.
            if file.metadata.is_some() {
                file.text = Arc::from("");
                file.released = true;
            }
        }
        read
    });
    if let Some((file, problems)) = parsed_config {
        results.push((file, problems, None));
    }
    let mut config = None;
    let mut files = Vec::with_capacity(results.len());
    let mut reads = Vec::with_capacity(results.len());
    for (file, problems, read) in results {
        if let Some(f) = &file {
            match &f.metadata {
                Some(meta) if f.released => diags.add_file_on_disk(&f.rel, root.join(&f.rel), meta),
                _ => diags.add_text(&f.rel, f.text.clone()),
            }
        }
        for p in problems {
            diags.push(p);
        }
        if let Some(f) = file {
            if f.rel == "claimmap.yml" {
                diags.push(
                    Diagnostic::error("config-name", "the settings file is named `claimmap.yml`")
                        .in_file(&f.rel)
                        .help("rename it to `claimmap.yaml`; claimmap reads its settings only from that name"),
                );
            } else if f.rel == CONFIG_FILE {
                config = Some(f);
            } else {
                files.push(f);
                reads.push(read);
            }
        }
    }
    Ok((
        Loaded {
            limits: options.clone(),
            root: root.to_path_buf(),
            config,
            files,
        },
        reads,
    ))
}

/// `claimmap.yaml` of the debate at `root` on its own, read through the read gate; `None`
/// when there is none or it cannot be read.
pub fn config_alone(root: &Path) -> Option<LoadedFile> {
    let path = root.join(CONFIG_FILE);
    if !path.is_file() {
        return None;
    }
    read_one(root, &path, &LoadOptions::default()).0
}

/// The path of `path` relative to `root`, with `/` separators on every platform.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn collect_yaml(root: &Path, dir: &Path, out: &mut Vec<PathBuf>, diags: &mut Diagnostics) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(
                Diagnostic::error("io", format!("cannot read folder: {e}"))
                    .in_file(&relative(root, dir)),
            );
            return;
        }
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        // Symbolic links to folders are not followed: a link loop must not hang the walk.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            collect_yaml(root, &path, out, diags);
        } else if (name.ends_with(".yaml") || name.ends_with(".yml"))
            && (kind.is_file() || path.is_file())
        {
            out.push(path);
        }
    }
}

/// The read gate: a claim file (or `claimmap.yaml`) that is a symbolic link leading out of
/// the debate folder is an error naming the link, and nothing of its target is read, so a
/// pull request cannot make claimmap print `/etc/passwd` in a snippet or pull another
/// folder's claims into every export. Sources obey the same rule (`source-outside`).
fn leaves_folder(root: &Path, path: &Path, rel: &str) -> Option<Diagnostic> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_symlink() {
        return None;
    }
    let inside = match (std::fs::canonicalize(root), std::fs::canonicalize(path)) {
        (Ok(root), Ok(target)) => target.starts_with(root),
        _ => false,
    };
    (!inside).then(|| {
        Diagnostic::error(
            "link-outside",
            "this file is a symbolic link that leads out of the debate folder; it was not read",
        )
        .in_file(rel)
        .help("copy the claims into the debate folder instead of linking to them")
    })
}

/// Sizes are shown in the unit `--max-file-size` takes (MiB).
const MB: f64 = 1024.0 * 1024.0;

type Parsed = (Option<LoadedFile>, Vec<Diagnostic>);

/// A parsed file with what the reader made of it.
type ParsedRead<T> = (Option<LoadedFile>, Vec<Diagnostic>, Option<T>);

/// Reads and parses every path on all cores, then applies `after` to each parsed file on the
/// same thread (the reader of [`load_and_read`]).
fn parse_all<T: Send>(
    root: &Path,
    paths: &[PathBuf],
    options: &LoadOptions,
    after: &(dyn Fn(&mut LoadedFile) -> Option<T> + Sync),
) -> Vec<ParsedRead<T>> {
    let one = |p: &PathBuf| {
        let (mut file, problems) = read_one(root, p, options);
        let read = file.as_mut().and_then(after);
        (file, problems, read)
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads <= 1 || paths.len() < 4 {
        return paths.iter().map(one).collect();
    }
    // Files are handed out one at a time, so a thread that drew big files does not hold up
    // the others; results are put back in path order.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut slots: Vec<Option<ParsedRead<T>>> = (0..paths.len()).map(|_| None).collect();
    let done: Vec<Vec<(usize, ParsedRead<T>)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(p) = paths.get(i) else { break };
                        mine.push((i, one(p)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    for (i, result) in done.into_iter().flatten() {
        slots[i] = Some(result);
    }
    // A file whose thread failed is read again here.
    slots
        .into_iter()
        .zip(paths)
        .map(|(slot, p)| slot.unwrap_or_else(|| one(p)))
        .collect()
}

fn read_one(root: &Path, path: &Path, options: &LoadOptions) -> Parsed {
    let rel = relative(root, path);
    let fail = |d: Diagnostic| (None, vec![d]);
    let io_error =
        |e: std::io::Error| Diagnostic::error("io", format!("cannot read file: {e}")).in_file(&rel);
    if let Some(d) = leaves_folder(root, path, &rel) {
        return fail(d);
    }
    // The metadata comes from the open file, before its text is read, so a snippet read again
    // later can tell whether the file has changed since.
    let mut handle = match std::fs::File::open(path) {
        Ok(h) => h,
        Err(e) => return fail(io_error(e)),
    };
    let metadata = match handle.metadata() {
        Ok(m) => m,
        Err(e) => return fail(io_error(e)),
    };
    if metadata.len() > options.max_file_bytes {
        return fail(too_large(&rel, metadata.len(), options.max_file_bytes));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    // A file that grows while it is read stops at the limit instead of filling memory.
    let limit = options.max_file_bytes.saturating_add(1);
    if let Err(e) =
        std::io::Read::read_to_end(&mut std::io::Read::take(&mut handle, limit), &mut bytes)
    {
        return fail(io_error(e));
    }
    if bytes.len() as u64 > options.max_file_bytes {
        return fail(
            Diagnostic::error(
                "file-too-large",
                "file grew past the size limit while it was read",
            )
            .in_file(&rel)
            .help(format!(
                "the limit is {}; run claimmap again once the file is saved, or raise the \
                 limit with --max-file-size <MB>",
                megabytes(options.max_file_bytes)
            )),
        );
    }
    let metadata = Some(metadata);
    let text: Arc<str> = match String::from_utf8(bytes) {
        Ok(t) => Arc::from(t.strip_prefix('\u{feff}').unwrap_or(&t)),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let column =
                String::from_utf8_lossy(valid.rsplit(|&b| b == b'\n').next().unwrap_or(&[]))
                    .chars()
                    .count()
                    + 1;
            return fail(
                Diagnostic::error(
                    "not-utf8",
                    format!(
                        "file is not UTF-8 text (invalid byte at line {line}, column {column})"
                    ),
                )
                .at(
                    &rel,
                    yaml::Pos {
                        line: yaml::pos_num(line),
                        column: yaml::pos_num(column),
                        offset: u32::MAX,
                        len: 0,
                    },
                )
                .help("save the file as UTF-8; claim files are text, not binary"),
            );
        }
    };
    if let Some(nul) = text.find('\0') {
        return fail(not_text(&rel, &text, nul));
    }
    match yaml::parse_document(&text) {
        Ok(doc) => {
            let problems = doc
                .duplicates
                .iter()
                .map(|d| {
                    Diagnostic::error("duplicate-key", yaml::duplicate_message(d))
                        .at(&rel, d.again)
                        .label("written again here")
                        .related(&rel, d.first, "first written here")
                        .help("remove or rename one of them; claimmap reads the first")
                })
                .collect();
            (
                Some(LoadedFile {
                    rel,
                    text,
                    node: doc.node,
                    metadata,
                    released: false,
                }),
                problems,
            )
        }
        Err(e) => {
            let mut d = Diagnostic::error("yaml-syntax", format!("invalid YAML: {}", e.message));
            d = match e.pos {
                Some(pos) => d.at(&rel, pos),
                None => d.in_file(&rel),
            };
            (
                Some(LoadedFile {
                    rel,
                    text,
                    node: None,
                    metadata,
                    released: false,
                }),
                vec![d],
            )
        }
    }
}

/// A size in the unit `--max-file-size` takes, e.g. "16 MB" or "0.4 MB".
fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / MB;
    if mb >= 10.0 || mb.fract() == 0.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

/// The error for a file over the size limit: its size, the limit and the flag that raises it.
fn too_large(rel: &str, size: u64, limit: u64) -> Diagnostic {
    Diagnostic::error(
        "file-too-large",
        format!(
            "file is {}, larger than the {} limit for a claim file",
            megabytes(size),
            megabytes(limit)
        ),
    )
    .in_file(rel)
    .help(format!(
        "the limit is {} and this file is {size} bytes; split it into several files, or \
         raise the limit with --max-file-size <MB> (e.g. --max-file-size {})",
        megabytes(limit),
        (size as f64 / MB).ceil().max(1.0)
    ))
}

/// The error for a file with a NUL byte (a binary file named `.yaml`), at the first one.
/// claimmap never suggests deleting a student's file: it may be a misnamed file they need.
fn not_text(rel: &str, text: &str, nul: usize) -> Diagnostic {
    let before = &text[..nul];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Diagnostic::error(
        "not-text",
        "file contains NUL bytes: it looks like a binary file, not YAML text",
    )
    .at(
        rel,
        yaml::Pos {
            line: yaml::pos_num(line),
            column: yaml::pos_num(column),
            offset: yaml::pos_num(nul),
            len: 1,
        },
    )
    .label("NUL byte")
    .help(
        "claim files must be UTF-8 YAML text; move non-YAML files out of the debate folder \
         or rename them to a non-.yaml extension",
    )
}
