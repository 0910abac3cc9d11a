//! The report's template environment: built-in templates replaced file by file by a user's
//! folder, the Markdown filters, strict undefined variables, error messages that name the
//! template and line, and the tidying of the output.

use super::{BUILTIN_TEMPLATES, MAIN_TEMPLATE, escape};
use crate::error::{Error, Result};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where each template came from: the user's file for overrides, absent for built-ins.
pub(crate) type Origins = BTreeMap<String, PathBuf>;

/// The template environment of the report: the built-in templates, replaced file by file by
/// those in `override_dir`, with the Markdown filters registered and undefined variables
/// treated as errors. Public so other commands (and tests) can render single templates with
/// exactly the rules the report uses.
pub fn template_env(override_dir: Option<&Path>) -> Result<Environment<'static>> {
    build_env(override_dir).map(|(env, _)| env)
}

pub(crate) fn build_env(override_dir: Option<&Path>) -> Result<(Environment<'static>, Origins)> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .map_err(|e| template_error(&e, &Origins::new()))?,
    );
    // Escaping is the templates' job (see the module docs); HTML escaping would only mangle
    // Markdown. User templates for HTML still get HTML escaping.
    env.set_auto_escape_callback(|name| {
        let base = name.strip_suffix(".j2").unwrap_or(name);
        if base.ends_with(".html") || base.ends_with(".htm") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    escape::add_filters(&mut env);

    let mut sources: BTreeMap<String, Cow<'static, str>> = BUILTIN_TEMPLATES
        .iter()
        .map(|&(n, s)| (n.to_string(), Cow::Borrowed(s)))
        .collect();
    let mut origins = Origins::new();
    if let Some(dir) = override_dir {
        if !dir.is_dir() {
            return Err(Error::Usage {
                message: format!(
                    "the templates folder `{}` does not exist or is not a folder; give a folder \
                     holding templates named like the built-in ones (e.g. {MAIN_TEMPLATE})",
                    dir.display()
                ),
            });
        }
        for (name, path) in template_files(dir)? {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| Error::io(format!("reading template {}", path.display()), e))?;
            sources.insert(name.clone(), Cow::Owned(text));
            origins.insert(name, path);
        }
    }
    for (name, source) in sources {
        env.add_template_owned(name, source)
            .map_err(|e| template_error(&e, &origins))?;
    }
    Ok((env, origins))
}

/// Every `*.j2` file below `dir` as (name relative to `dir` with `/` separators, path), in a
/// stable order. Hidden files and folders (editor backups, `.git`) are skipped.
fn template_files(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    let mut stack = vec![(dir.to_path_buf(), String::new())];
    while let Some((folder, prefix)) = stack.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| Error::io(format!("reading templates folder {}", folder.display()), e))?;
        for entry in entries {
            let entry = entry.map_err(|e| {
                Error::io(format!("reading templates folder {}", folder.display()), e)
            })?;
            let file_name = entry.file_name();
            let Some(file_name) = file_name.to_str() else {
                continue;
            };
            if file_name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            let name = format!("{prefix}{file_name}");
            if path.is_dir() {
                stack.push((path, format!("{name}/")));
            } else if file_name.ends_with(".j2") {
                out.push((name, path));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Turns a minijinja error into [`Error::Template`], naming the innermost template and line
/// (an error inside an included partial is reported there, "included from" the outer one) and,
/// for user templates, the file it came from.
pub(crate) fn template_error(err: &minijinja::Error, origins: &Origins) -> Error {
    let mut chain: Vec<&minijinja::Error> = vec![err];
    let mut next = std::error::Error::source(err);
    while let Some(e) = next {
        if let Some(m) = e.downcast_ref::<minijinja::Error>() {
            chain.push(m);
        }
        next = e.source();
    }
    let place = |e: &minijinja::Error| match e.name() {
        Some(name) => {
            let shown = match origins.get(name) {
                Some(path) => format!("`{name}` ({})", path.display()),
                None => format!("`{name}` (built-in)"),
            };
            match e.line() {
                Some(line) => format!("{shown} line {line}"),
                None => shown,
            }
        }
        None => "the report template".to_string(),
    };
    let inner = chain
        .iter()
        .rev()
        .find(|e| e.name().is_some())
        .copied()
        .unwrap_or(err);
    let what = match inner.detail() {
        Some(detail) => format!("{}: {detail}", inner.kind()),
        None => inner.kind().to_string(),
    };
    let mut message = format!("{}: {what}", place(inner));
    for outer in chain
        .iter()
        .rev()
        .skip_while(|e| !std::ptr::eq(**e, inner))
        .skip(1)
    {
        if outer.name().is_some() && outer.name() != inner.name() {
            message.push_str(&format!("\n  included from {}", place(outer)));
        }
    }
    Error::Template { message }
}

/// Output clean-up that keeps templates readable: no trailing spaces, at most one blank line
/// in a row, exactly one final newline.
pub(super) fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.trim_start_matches('\n').lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_template_compiles() {
        let env = template_env(None).unwrap();
        for (name, _) in BUILTIN_TEMPLATES {
            env.get_template(name).unwrap();
        }
    }

    #[test]
    fn missing_override_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = template_env(Some(&dir.path().join("nope"))).unwrap_err();
        assert!(matches!(err, Error::Usage { .. }), "{err}");
        assert!(err.to_string().contains("nope"), "{err}");
    }

    #[test]
    fn syntax_error_in_override_names_template_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("report.md.j2"), "# ok\n\n{% if title %}\n").unwrap();
        let msg = template_env(Some(dir.path())).unwrap_err().to_string();
        assert!(msg.contains("`report.md.j2`"), "{msg}");
        assert!(msg.contains("syntax error"), "{msg}");
        assert!(msg.contains("line"), "{msg}");
    }
}
