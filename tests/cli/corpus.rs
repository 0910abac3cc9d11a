//! The hostile corpus: `tests/fixtures/hostile/<attack>/`, one folder per attack a student's
//! pull request could carry, run by one table-driven test.
//!
//! Each folder holds `case.yaml` (what to run and what must happen) and the files of the
//! attack. The test copies them into a fresh work folder beside an `outside/` folder (a
//! victim file and a secret the attack tries to reach), runs the real binary from the work
//! folder, and checks for every run: the exit code, no panic, the messages asked for, no
//! secret in the output, the time budget; and after all runs that nothing changed anywhere
//! (the claim files and the outside folder above all) except inside the case's output folder.

use super::claimmap;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What `outside/secret.yaml` holds: claims an attack tries to pull into the debate.
const SECRET: &str = "claims:\n  - id: leaked\n    text: \"TOP-SECRET line\"\n    supports: [t]\n";
/// What `outside/victim.txt` holds: a file an attack tries to overwrite.
const VICTIM: &str = "precious\n";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// The attack, in one line (printed when the case fails).
    about: String,
    /// Fixture debates to copy into the work folder: work path → `tests/fixtures/` name.
    #[serde(default)]
    copy: BTreeMap<String, String>,
    /// Symbolic links to plant: work path → link target (as written into the link).
    #[serde(default)]
    links: BTreeMap<String, String>,
    /// Big inputs made by the test: work path → what to generate.
    #[serde(default)]
    generate: BTreeMap<String, Generate>,
    /// Make the work folder a git repository with everything committed.
    #[serde(default)]
    git: bool,
    /// The one folder (relative to the work folder) that runs may write into.
    #[serde(default)]
    output: Option<String>,
    /// Where the runs start, relative to the folder holding `work/` and `outside/` (default
    /// `work`): `elsewhere` runs claimmap from beside the repository, as a script might.
    #[serde(default)]
    cwd: Option<String>,
    /// The commands, in order.
    runs: Vec<Run>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Run {
    /// Arguments after `claimmap`.
    args: Vec<String>,
    /// Expected exit code.
    exit: i32,
    /// Texts standard error must contain.
    #[serde(default)]
    stderr: Vec<String>,
    /// Texts neither standard output nor standard error may contain.
    #[serde(default)]
    lacks: Vec<String>,
    /// Files (relative to where the run starts) that must exist afterwards, with texts they may
    /// not contain.
    #[serde(default)]
    files_lack: BTreeMap<String, Vec<String>>,
    /// Seconds the run may take: a generous bound that catches a hang or a blow-up, not a
    /// benchmark (the debug build is several times slower than a release).
    #[serde(default = "default_budget")]
    budget: u64,
}

fn default_budget() -> u64 {
    30
}

/// Inputs too big to keep in the repository.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
enum Generate {
    /// One reason with `n` co-premises.
    CoPremises(usize),
    /// A ring of `n` objections, each with `confidence: 1`, attached to a thesis.
    ObjectionRing(usize),
    /// `n` objections with `confidence: 1` that oppose the thesis and every other one.
    ObjectionClique(usize),
    /// `n` reasons for the thesis, each with one objection: a big debate to review.
    Reasons(usize),
    /// `n` evidence claims quoting passages that are not in a source of `kb` kilobytes.
    MissingQuotes { n: usize, kb: usize },
}

#[test]
fn hostile_corpus() {
    let root = super::fixture("hostile");
    let mut names: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 8, "the corpus lost its cases: {names:?}");
    let mut failures = Vec::new();
    for name in &names {
        if let Err(why) = run_case(&root.join(name)) {
            failures.push(format!("{name}: {why}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn run_case(dir: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(dir.join("case.yaml")).map_err(|e| e.to_string())?;
    let case: Case = serde_saphyr::from_str(&text).map_err(|e| format!("case.yaml: {e}"))?;
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().canonicalize().unwrap();
    let work = base.join("work");
    let outside = base.join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("victim.txt"), VICTIM).unwrap();
    std::fs::write(outside.join("secret.yaml"), SECRET).unwrap();
    std::fs::create_dir_all(base.join("home")).unwrap();
    std::fs::create_dir_all(base.join("elsewhere")).unwrap();
    copy_dir(dir, &work, true);
    for (to, fixture) in &case.copy {
        copy_dir(&super::fixture(fixture), &work.join(to), false);
    }
    for (path, what) in &case.generate {
        let path = work.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        generate(what, &path);
    }
    for (link, target) in &case.links {
        let link = work.join(link);
        std::fs::create_dir_all(link.parent().unwrap()).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(target, &link).unwrap();
    }
    if case.git {
        git_commit_all(&work);
    }
    let before = tree(&base);
    let cwd = base.join(case.cwd.as_deref().unwrap_or("work"));
    for run in &case.runs {
        check_run(&case, run, &cwd, &base)?;
    }
    let after = tree(&base);
    let allowed = case.output.as_ref().map(|o| work.join(o));
    let paths: std::collections::BTreeSet<&PathBuf> = before.keys().chain(after.keys()).collect();
    let changed: Vec<String> = paths
        .into_iter()
        .filter(|p| before.get(*p) != after.get(*p))
        .filter(|p| !allowed.as_ref().is_some_and(|o| p.starts_with(o)))
        .map(|p| {
            format!(
                "{} ({:?} -> {:?})",
                p.display(),
                before.get(p),
                after.get(p)
            )
        })
        .collect();
    if !changed.is_empty() {
        return Err(format!(
            "{}: wrote outside its output: {}",
            case.about,
            changed.join(", ")
        ));
    }
    Ok(())
}

fn check_run(case: &Case, run: &Run, cwd: &Path, base: &Path) -> Result<(), String> {
    let started = Instant::now();
    let out = claimmap()
        .current_dir(cwd)
        .env("HOME", base.join("home"))
        .args(&run.args)
        .timeout(Duration::from_secs(run.budget * 3))
        .output()
        .map_err(|e| e.to_string())?;
    let took = started.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let context = format!(
        "{} — `claimmap {}` took {took:?}, exit {:?}\nstderr: {stderr}",
        case.about,
        run.args.join(" "),
        out.status.code()
    );
    let fail = |why: &str| Err(format!("{why}\n{context}"));
    if stderr.contains("panicked") {
        return fail("panicked");
    }
    if took > Duration::from_secs(run.budget) {
        return fail(&format!("over its budget of {} s", run.budget));
    }
    if out.status.code() != Some(run.exit) {
        return fail(&format!("expected exit {}", run.exit));
    }
    for want in &run.stderr {
        if !stderr.contains(want.as_str()) {
            return fail(&format!("stderr lacks {want:?}"));
        }
    }
    for bad in run.lacks.iter().chain([&"TOP-SECRET".to_string()]) {
        if stdout.contains(bad.as_str()) || stderr.contains(bad.as_str()) {
            return fail(&format!("output contains {bad:?}"));
        }
    }
    for (file, bad) in &run.files_lack {
        let text = std::fs::read_to_string(cwd.join(file))
            .map_err(|e| format!("{file}: {e}\n{context}"))?;
        for b in bad {
            if text.contains(b.as_str()) {
                return fail(&format!("{file} contains {b:?}"));
            }
        }
    }
    Ok(())
}

/// Copies a folder; `skip_case` leaves out `case.yaml`.
fn copy_dir(from: &Path, to: &Path, skip_case: bool) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if skip_case && name == "case.yaml" {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target, false);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every path under `dir` (links not followed, `.git` left out) with what it is: a file's
/// bytes hashed, a link's target, or a folder.
fn tree(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            if entry.file_name() == ".git" {
                continue;
            }
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let state = if meta.file_type().is_symlink() {
                format!("link to {}", std::fs::read_link(&path).unwrap().display())
            } else if meta.is_dir() {
                stack.push(path.clone());
                "folder".to_string()
            } else {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                std::fs::read(&path).unwrap().hash(&mut h);
                format!("file {:x}", h.finish())
            };
            out.insert(path, state);
        }
    }
    out
}

fn git_commit_all(work: &Path) {
    for args in [
        &["init", "-q"][..],
        &["add", "-A"],
        &[
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@e.org",
            "commit",
            "-qm",
            "start",
        ],
    ] {
        let ok = std::process::Command::new("git")
            .current_dir(work)
            .args(args)
            .status()
            .unwrap()
            .success();
        assert!(ok, "git {args:?}");
    }
}

fn generate(what: &Generate, path: &Path) {
    use std::fmt::Write;
    let mut s = String::from("claims:\n  - id: t\n    kind: thesis\n    text: \"The thesis.\"\n");
    match *what {
        Generate::CoPremises(n) => {
            s.push_str("  - id: r\n    text: \"The reason.\"\n    supports: t\n    with: [");
            for i in 0..n {
                let _ = write!(s, "{}p{i}", if i == 0 { "" } else { ", " });
            }
            s.push_str("]\n");
            for i in 0..n {
                let _ = writeln!(s, "  - id: p{i}\n    text: \"Co-premise {i}.\"");
            }
        }
        Generate::ObjectionRing(n) => {
            for i in 0..n {
                let _ = writeln!(
                    s,
                    "  - id: o{i}\n    text: \"Objection {i}.\"\n    opposes: [t, o{}]\n    confidence: 1",
                    (i + 1) % n
                );
            }
        }
        Generate::ObjectionClique(n) => {
            for i in 0..n {
                let others: Vec<String> = (0..n)
                    .filter(|&j| j != i)
                    .map(|j| format!("o{j}"))
                    .collect();
                let _ = writeln!(
                    s,
                    "  - {{id: o{i}, text: O, confidence: 1, opposes: [t, {}]}}",
                    others.join(", ")
                );
            }
        }
        Generate::Reasons(n) => {
            for i in 0..n {
                let _ = writeln!(
                    s,
                    "  - id: r{i}\n    text: \"Reason {i}.\"\n    supports: t\n  - id: o{i}\n    text: \"Objection {i}.\"\n    opposes: r{i}"
                );
            }
        }
        Generate::MissingQuotes { n, kb } => {
            let dir = path.parent().unwrap();
            std::fs::create_dir_all(dir.join("sources")).unwrap();
            let mut source = String::new();
            let mut i = 0u64;
            while source.len() < kb * 1024 {
                let _ = write!(source, "word{} ", i.wrapping_mul(2_654_435_761) % 9973);
                i += 1;
                if i.is_multiple_of(12) {
                    source.push('\n');
                }
            }
            std::fs::write(dir.join("sources/big.txt"), source).unwrap();
            std::fs::write(
                dir.join("claimmap.yaml"),
                "languages: [en]\nsources:\n  - id: big\n    title: \"Big\"\n    path: sources/big.txt\n",
            )
            .unwrap();
            for i in 0..n {
                let _ = writeln!(
                    s,
                    "  - id: e{i}\n    kind: evidence\n    text: \"Evidence {i}.\"\n    supports: t\n    source: big\n    locator: \"p. 1\"\n    quote: \"word{i} absent{i} word{} missing\"",
                    i * 7 % 9973
                );
            }
        }
    }
    std::fs::write(path, s).unwrap();
}
