//! Problems found in a debate, and how they are shown.
//!
//! Every stage adds to one [`Diagnostics`] collection instead of stopping at the first problem,
//! so a student sees everything wrong with a new claim file in one run. Each diagnostic has a
//! stable `code` (for `--format json`, and for tools that filter), a position in a file, and a
//! suggestion where one exists.

use crate::load::yaml::Pos;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;
use unicode_width::UnicodeWidthStr;

/// Whether a problem stops the debate from being used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The debate is broken: `check` exits 1 and nothing is rendered.
    Error,
    /// Worth fixing, but the debate can be used.
    Warning,
}

/// A second place that explains a diagnostic (e.g. where a duplicate id was first defined).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    /// File relative to the debate folder.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What this place is.
    pub message: String,
    #[serde(skip)]
    pos: Pos,
}

/// One problem, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    #[serde(skip)]
    pub severity: Severity,
    /// Stable kebab-case identifier, e.g. `unknown-id`.
    pub code: &'static str,
    /// One sentence saying what is wrong.
    pub message: String,
    /// File relative to the debate folder (empty when the problem concerns the whole debate).
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// 1-based column in characters (0 when unknown).
    pub column: usize,
    /// Short text shown under the caret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// A suggestion: "did you mean ...", or how to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Other places that explain the problem.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    #[serde(skip)]
    pos: Pos,
}

impl Diagnostic {
    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            file: String::new(),
            line: 0,
            column: 0,
            label: None,
            help: None,
            related: Vec::new(),
            pos: Pos::default(),
        }
    }

    /// An error with a stable code.
    pub fn error(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, code, message)
    }

    /// A warning with a stable code.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, code, message)
    }

    /// Places the diagnostic at a position in a file.
    pub fn at(mut self, file: &str, pos: Pos) -> Diagnostic {
        self.file = file.to_string();
        self.line = pos.line as usize;
        self.column = pos.column as usize;
        self.pos = pos;
        self
    }

    /// Places the diagnostic at the start of a file (line 1, column 1), for problems of the
    /// whole file (it cannot be read, it is binary, it is too large): every error has a
    /// `file:line:column` that editors and CI annotations can jump to.
    pub fn in_file(self, file: &str) -> Diagnostic {
        self.at(
            file,
            Pos {
                line: 1,
                column: 1,
                offset: 0,
                len: 0,
            },
        )
    }

    /// Sets the text shown under the caret.
    pub fn label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    /// Adds a suggestion.
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Adds a suggestion when there is one.
    pub fn maybe_help(mut self, help: Option<String>) -> Diagnostic {
        self.help = help.or(self.help);
        self
    }

    /// Adds a second place that explains the problem.
    pub fn related(mut self, file: &str, pos: Pos, message: impl Into<String>) -> Diagnostic {
        self.related.push(Related {
            file: file.to_string(),
            line: pos.line as usize,
            column: pos.column as usize,
            message: message.into(),
            pos,
        });
        self
    }
}

/// Counts shown at the end of `check` and in its JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    /// Claim files read (not counting `claimmap.yaml`).
    pub files: usize,
    /// Claims of every kind.
    pub claims: usize,
    /// Theses.
    pub theses: usize,
    /// Evidence claims.
    pub evidence: usize,
    /// Declared sources.
    pub sources: usize,
    /// Quotes found in their source.
    pub quotes_verified: usize,
    /// Quotes that could not be checked (external sources).
    pub quotes_unverifiable: usize,
}

/// All problems of one run, plus the file texts needed to print snippets.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    texts: BTreeMap<String, FileText>,
}

/// A file's text for snippets: in memory, or left on disk and read only if a diagnostic
/// points into the file. A debate of a million claims is 400 MB of YAML, and holding it all
/// for the few files that have problems would be a fifth of the run's memory.
#[derive(Debug)]
enum FileText {
    Held(Arc<str>),
    OnDisk {
        path: std::path::PathBuf,
        /// The file as it was read, so a file edited since is not quoted out of date.
        len: u64,
        modified: Option<std::time::SystemTime>,
        read: std::sync::OnceLock<Option<Arc<str>>>,
    },
}

impl FileText {
    fn get(&self) -> Option<&str> {
        match self {
            FileText::Held(text) => Some(text),
            FileText::OnDisk {
                path,
                len,
                modified,
                read,
            } => read
                .get_or_init(|| {
                    let meta = std::fs::metadata(path).ok()?;
                    if meta.len() != *len || meta.modified().ok() != *modified {
                        return None;
                    }
                    let text = std::fs::read_to_string(path).ok()?;
                    Some(Arc::from(text.strip_prefix('\u{feff}').unwrap_or(&text)))
                })
                .as_deref(),
        }
    }
}

impl Diagnostics {
    /// Records a problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Moves every problem of `other` (found on another thread) into this list.
    pub fn append(&mut self, mut other: Diagnostics) {
        self.items.append(&mut other.items);
        self.texts.append(&mut other.texts);
    }

    /// Remembers a file's text so its lines can be quoted in snippets.
    pub fn add_text(&mut self, file: &str, text: Arc<str>) {
        self.texts.insert(file.to_string(), FileText::Held(text));
    }

    /// Remembers where a file is, to read it again only if a snippet needs it. `meta` is
    /// the file's metadata when it was read: if it has changed since, snippets of the file
    /// are left out rather than quoting lines that may have moved.
    pub fn add_file_on_disk(
        &mut self,
        file: &str,
        path: std::path::PathBuf,
        meta: &std::fs::Metadata,
    ) {
        self.texts.insert(
            file.to_string(),
            FileText::OnDisk {
                path,
                len: meta.len(),
                modified: meta.modified().ok(),
                read: std::sync::OnceLock::new(),
            },
        );
    }

    /// Drops the warnings whose code is in `codes`: the lints a class has switched off.
    /// Errors are never dropped.
    pub fn allow(&mut self, codes: &[String]) {
        self.items
            .retain(|d| d.severity == Severity::Error || !codes.iter().any(|c| c == d.code));
    }

    /// Drops every warning (`--quiet`: errors only).
    pub fn drop_warnings(&mut self) {
        self.items.retain(|d| d.severity == Severity::Error);
    }

    /// Whether any error was recorded.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Every diagnostic, errors first, then by file and position (a stable order for output
    /// and snapshots, whatever order the checks ran in).
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            (a.severity, &a.file, a.line, a.column, a.code, &a.message)
                .cmp(&(b.severity, &b.file, b.line, b.column, b.code, &b.message))
        });
        v
    }

    /// The warnings, sorted.
    pub fn warnings(&self) -> Vec<&Diagnostic> {
        self.sorted()
            .into_iter()
            .filter(|d| d.severity == Severity::Warning)
            .collect()
    }

    /// Number of errors and of warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        (errors, self.items.len() - errors)
    }

    /// The JSON form: `{"errors": [...], "warnings": [...], "stats": {...}}`.
    pub fn to_json(&self, stats: &Stats) -> serde_json::Value {
        let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) = self
            .sorted()
            .into_iter()
            .partition(|d| d.severity == Severity::Error);
        serde_json::json!({ "errors": errors, "warnings": warnings, "stats": stats })
    }

    /// GitHub workflow commands (`::error file=…,line=…,col=…,title=…::message`), one line per
    /// diagnostic, so problems show inline on a pull request. `root` is the debate folder as
    /// seen from the repository root (file paths are relative to it).
    pub fn to_github(&self, root: &str) -> String {
        let mut out = String::new();
        for d in self.sorted() {
            let kind = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let file = match (root.trim_end_matches('/'), d.file.as_str()) {
                (_, "") => String::new(),
                ("" | ".", f) => f.to_string(),
                (r, f) => format!("{r}/{f}"),
            };
            let mut props = vec![format!(
                "title={}",
                github_property(&format!("claimmap {}", d.code))
            )];
            if !file.is_empty() {
                props.insert(0, format!("file={}", github_property(&file)));
                if d.line > 0 {
                    props.insert(1, format!("line={}", d.line));
                    props.insert(2, format!("col={}", d.column.max(1)));
                }
            }
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let _ = writeln!(
                out,
                "::{kind} {}::{}",
                props.join(","),
                github_data(&message)
            );
        }
        out
    }

    /// The human form: each diagnostic with its snippet and caret, then a summary line.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for d in self.sorted() {
            self.render_one(&mut out, d, color);
            out.push('\n');
        }
        out
    }

    fn render_one(&self, out: &mut String, d: &Diagnostic, color: bool) {
        let paint = |code: &str, s: &str| {
            if color {
                format!("\x1b[{code}m{s}\x1b[0m")
            } else {
                s.to_string()
            }
        };
        let (word, tint) = match d.severity {
            Severity::Error => ("error", "1;31"),
            Severity::Warning => ("warning", "1;33"),
        };
        // Messages, labels and help quote ids, keys and file names from the debate: they go
        // through `terminal_safe`, so a hostile id cannot drive the terminal or fake a line.
        let _ = writeln!(
            out,
            "{} {}",
            paint(tint, &format!("{word}[{}]:", terminal_safe(d.code))),
            paint("1", &terminal_safe(&d.message))
        );
        self.render_place(out, &d.file, d.pos, d.label.as_deref(), color, tint);
        for r in &d.related {
            self.render_place(out, &r.file, r.pos, Some(&r.message), color, "1;36");
        }
        if let Some(help) = &d.help {
            let _ = writeln!(
                out,
                "  {} {}",
                paint("1;36", "= help:"),
                terminal_safe(help)
            );
        }
    }

    fn render_place(
        &self,
        out: &mut String,
        file: &str,
        pos: Pos,
        label: Option<&str>,
        color: bool,
        tint: &str,
    ) {
        let label = label.map(terminal_safe);
        let label = label.as_deref();
        let shown_file = terminal_safe(file);
        if file.is_empty() {
            if let Some(label) = label {
                let _ = writeln!(out, "  = {label}");
            }
            return;
        }
        if pos.line == 0 {
            let _ = writeln!(out, "  --> {shown_file}");
            if let Some(label) = label {
                let _ = writeln!(out, "  = {label}");
            }
            return;
        }
        let _ = writeln!(out, "  --> {shown_file}:{}:{}", pos.line, pos.column);
        let Some(line_text) = self
            .texts
            .get(file)
            .and_then(FileText::get)
            .and_then(|t| t.lines().nth(pos.line as usize - 1))
        else {
            if let Some(label) = label {
                let _ = writeln!(out, "  = {label}");
            }
            return;
        };
        // Control characters (a raw ESC could drive the terminal) and bidi overrides are shown
        // escaped, as in messages (`terminal_safe`); tabs become spaces so the caret lines up.
        // Columns count characters of the file, so the window is cut in those, and the caret
        // is placed by the display width of the escaped text before it.
        let chars: Vec<char> = line_text
            .trim_end_matches('\r')
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .collect();
        // A very long line (minified YAML) is cut to a window around the column.
        let col = (pos.column as usize).saturating_sub(1).min(chars.len());
        let start = col.saturating_sub(SNIPPET_CONTEXT);
        let end = (col + SNIPPET_CONTEXT).min(chars.len());
        let shown = |from: usize, to: usize| -> String {
            let raw: String = chars[from..to].iter().collect();
            terminal_safe(&raw).into_owned()
        };
        let mut line_text = shown(start, end);
        let mut prefix = shown(start, col);
        if start > 0 {
            line_text.insert(0, '…');
            prefix.insert(0, '…');
        }
        if end < chars.len() {
            line_text.push('…');
        }
        let gutter = pos.line.to_string().len();
        let bar = " ".repeat(gutter);
        // The caret goes under the column, measured in display width so it lands right under
        // wide or combining (Bengali) characters too.
        let indent = UnicodeWidthStr::width(prefix.as_str());
        let rest: String = chars[col..end].iter().collect();
        let span_len = span_width(&rest, pos.len as usize);
        let carets = "^".repeat(span_len.max(1));
        let _ = writeln!(out, " {bar} |");
        let _ = writeln!(out, " {} | {}", pos.line, line_text);
        let caret_line = format!("{}{}", " ".repeat(indent), carets);
        let caret_line = match label {
            Some(label) => format!("{caret_line} {label}"),
            None => caret_line,
        };
        let painted = if color {
            format!("\x1b[{tint}m{caret_line}\x1b[0m")
        } else {
            caret_line
        };
        let _ = writeln!(out, " {bar} | {painted}");
    }
}

/// How many characters of a long line are shown on each side of the column.
const SNIPPET_CONTEXT: usize = 100;

/// Characters never echoed to a terminal: C0 and C1 controls and DEL (a raw ESC can retitle
/// the window, move the cursor or hide text; a newline can fake a line of output) and the
/// bidirectional controls that make text display in another order than it is read
/// (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069), plus the Unicode line and paragraph
/// separators.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}'
        )
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// `text` as it may be printed on a terminal: every [`is_unsafe_char`] is shown as a visible
/// escape (`\n`, `\r`, `\t`, otherwise `\u{1b}` as Rust writes it), so a student sees which
/// character is there and nothing in a debate (an id, a key, a file name) can send escape
/// sequences to the terminal or break a message over several lines. Used for every line of
/// human output: diagnostics with their snippets, tool errors and notes. JSON and GitHub
/// annotations keep the real strings and escape them in their own way.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe_char(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Display width of the first `byte_len` bytes of `rest` (the underlined token) as it is
/// shown (escaped by [`terminal_safe`]), capped at the end of the line; 1 when the length is
/// unknown.
fn span_width(rest: &str, byte_len: usize) -> usize {
    if byte_len == 0 {
        return 1;
    }
    let mut end = byte_len.min(rest.len());
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    UnicodeWidthStr::width(terminal_safe(&rest[..end]).as_ref()).clamp(1, 120)
}

/// Escapes a workflow command's message (GitHub's rules: `%`, CR and LF).
fn github_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (also `:` and `,`).
fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The closest of `candidates` to `word`, when one is close enough to be a plausible typo.
/// Used for misspelt keys and ids: "did you mean `supports`?".
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(word, c);
        if score > 0.8 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let keys = ["supports", "opposes", "undercuts"];
        assert_eq!(did_you_mean("suports", keys), Some("supports"));
        assert_eq!(did_you_mean("zzz", keys), None);
    }

    #[test]
    fn caret_sits_under_the_column_after_bengali() {
        let mut ds = Diagnostics::default();
        ds.add_text("a.yaml", Arc::from("text: বিপ্লব x\n"));
        let pos = Pos {
            line: 1,
            column: 14,
            offset: 0,
            len: 1,
        };
        ds.push(Diagnostic::error("t", "m").at("a.yaml", pos).label("here"));
        let out = ds.render(false);
        let lines: Vec<&str> = out.lines().collect();
        let src = lines.iter().find(|l| l.contains("বিপ্লব")).unwrap();
        let caret = lines.iter().find(|l| l.contains('^')).unwrap();
        let x_col = UnicodeWidthStr::width(&src[..src.find(" x").unwrap() + 1]);
        assert_eq!(
            UnicodeWidthStr::width(&caret[..caret.find('^').unwrap()]),
            x_col
        );
    }

    #[test]
    fn a_released_file_is_read_again_for_its_snippet_unless_it_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "claims:\n  - id: x\n").unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        let pos = Pos {
            line: 2,
            column: 5,
            offset: 0,
            len: 1,
        };
        let mut ds = Diagnostics::default();
        ds.add_file_on_disk("a.yaml", path.clone(), &meta);
        ds.push(Diagnostic::warning("w", "m").at("a.yaml", pos));
        assert!(
            ds.render(false).contains("  - id: x"),
            "{}",
            ds.render(false)
        );

        // Edited since it was checked: the old position would quote the wrong line.
        std::fs::write(&path, "claims:\n  - id: a-longer-id\n").unwrap();
        let mut ds = Diagnostics::default();
        ds.add_file_on_disk("a.yaml", path, &meta);
        ds.push(Diagnostic::warning("w", "m").at("a.yaml", pos));
        let out = ds.render(false);
        assert!(
            out.contains("--> a.yaml:2:5") && !out.contains("id:"),
            "{out}"
        );
    }

    #[test]
    fn terminal_safe_escapes_controls_and_bidi_and_keeps_the_rest() {
        assert!(matches!(terminal_safe("plain বিপ্লব"), Cow::Borrowed(_)));
        assert_eq!(
            terminal_safe("a\u{1b}[31m\u{7}b\nc\rd\te\u{7f}\u{85}\u{202e}\u{2066}\u{200f}"),
            r"a\u{1b}[31m\u{7}b\nc\rd\te\u{7f}\u{85}\u{202e}\u{2066}\u{200f}"
        );
    }

    #[test]
    fn messages_labels_help_files_and_snippets_are_escaped() {
        let evil = "x\u{1b}]0;pwned\u{7}\u{202e}\ny";
        let mut ds = Diagnostics::default();
        let file = format!("{evil}.yaml");
        ds.add_text(
            &file,
            Arc::from(format!("id: {evil}\n").replace('\n', " ").as_str()),
        );
        let pos = Pos {
            line: 1,
            column: 5,
            offset: 4,
            len: evil.len() as u32,
        };
        ds.push(
            Diagnostic::error("t", format!("bad `{evil}`"))
                .at(&file, pos)
                .label(evil)
                .related(&file, pos, evil)
                .help(evil),
        );
        let out = ds.render(true);
        // Only the colour codes claimmap writes itself start with ESC.
        let without_colour = out
            .replace("\x1b[0m", "")
            .replace("\x1b[1m", "")
            .replace("\x1b[1;31m", "")
            .replace("\x1b[1;36m", "");
        for c in ['\u{1b}', '\u{7}', '\u{202e}'] {
            assert!(!without_colour.contains(c), "{c:?} in {out}");
        }
        let plain = ds.render(false);
        assert_eq!(plain.lines().filter(|l| l.starts_with("error[")).count(), 1);
        assert!(
            plain.contains(r"x\u{1b}]0;pwned\u{7}\u{202e}\ny.yaml:1:5"),
            "{plain}"
        );
        // The caret still sits under the start of the (escaped) token.
        let lines: Vec<&str> = plain.lines().collect();
        let src = lines.iter().find(|l| l.contains("| id: ")).unwrap();
        let caret = lines.iter().find(|l| l.contains('^')).unwrap();
        assert_eq!(caret.find('^'), src.find("x\\u{1b}"), "{plain}");
        let span = caret.matches('^').count();
        let token = evil.replace('\n', " ");
        assert_eq!(span, terminal_safe(&token).chars().count(), "{plain}");
    }

    #[test]
    fn json_splits_errors_and_warnings() {
        let mut ds = Diagnostics::default();
        ds.push(Diagnostic::error("e", "bad"));
        ds.push(Diagnostic::warning("w", "meh"));
        let j = ds.to_json(&Stats::default());
        assert_eq!(j["errors"][0]["code"], "e");
        assert_eq!(j["warnings"][0]["code"], "w");
    }
}
