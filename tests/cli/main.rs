//! CLI tests: the real `claimmap` binary on small fixture debates in `tests/fixtures/`.

mod aif;
mod argdown;
mod blowups;
mod check;
mod conventions;
mod corpus;
mod diff;
mod eval;
mod graphml;
mod hostile;
mod html;
mod iccma;
mod new;
mod output;
mod render;
mod review;
mod reviews;
mod schema;
mod schemes;
mod watch;

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The fixture folder for a case.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The binary, run from the crate root with colour off, so output is stable.
pub fn claimmap() -> Command {
    let mut cmd = Command::cargo_bin("claimmap").expect("binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    cmd
}

/// Output of a run: exit code, stdout, stderr.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs claimmap with arguments.
pub fn run(args: &[&str]) -> Run {
    let out = claimmap().args(args).output().expect("claimmap runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `check --format json` of a fixture, parsed.
pub fn check_json(name: &str) -> (i32, serde_json::Value) {
    let dir = format!("tests/fixtures/{name}");
    let r = run(&["check", &dir, "--format", "json"]);
    let json = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout));
    (r.code, json)
}

/// The codes of the errors (or warnings) in a `check` JSON.
pub fn codes(json: &serde_json::Value, key: &str) -> Vec<String> {
    json[key]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| d["code"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether Graphviz's `dot` is installed; tests that need it print a skip note without it.
pub fn have_dot() -> bool {
    let ok = std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CLAIMMAP_REQUIRE_DOT").is_none(),
            "CLAIMMAP_REQUIRE_DOT is set but Graphviz `dot` is not installed"
        );
        eprintln!("skipped: Graphviz `dot` not installed (apt-get install graphviz)");
    }
    ok
}
