//! The interactive page in a real browser: writes pages with the real binary, then runs
//! `tests/browser/map.test.mjs` (Playwright driving headless Chromium) on them.
//!
//! Needs Node.js, `playwright-core` installed in `tests/browser` (`npm ci --prefix
//! tests/browser`) and Chromium at `/usr/bin/chromium` (or `$CHROMIUM`); `.ci/run` installs
//! all three. Without them the test says what is missing and passes, unless
//! `CLAIMMAP_REQUIRE_BROWSER=1` (set by `.ci/run`) makes that a failure.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What is missing to run the browser tests, if anything.
fn missing() -> Vec<String> {
    let mut missing = Vec::new();
    let node = std::process::Command::new("node").arg("--version").output();
    if !node.is_ok_and(|o| o.status.success()) {
        missing.push("Node.js (`apt-get install nodejs npm`)".to_string());
    }
    if !root()
        .join("tests/browser/node_modules/playwright-core/package.json")
        .exists()
    {
        missing.push("playwright-core (`npm ci --prefix tests/browser`)".to_string());
    }
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        missing.push(format!(
            "Chromium at {chromium} (`apt-get install chromium`)"
        ));
    }
    missing
}

/// Runs `claimmap html DIR -o OUT` plus `extra` arguments, optionally with no Graphviz on
/// the PATH.
fn write_page(dir: &Path, out: &Path, extra: &[&str], without_dot: bool) {
    let mut cmd = Command::cargo_bin("claimmap").expect("binary is built");
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .arg("html")
        .arg(dir)
        .arg("-o")
        .arg(out)
        .args(extra);
    if without_dot {
        let empty = out.with_extension("no-path");
        std::fs::create_dir_all(&empty).unwrap();
        cmd.env("PATH", &empty);
    }
    let output = cmd.output().expect("claimmap runs");
    assert!(
        output.status.success(),
        "claimmap html {} failed: {}",
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Writes a generated debate of `claims` claims into `dir` and returns `dir`.
fn write_debate(dir: &Path, claims: usize, seed: u64) -> PathBuf {
    let debate = claimmap::synth::generate(&claimmap::synth::Spec {
        claims,
        seed,
        shape: claimmap::synth::Shape::Tree,
    });
    for (path, text) in claimmap::synth::to_files(&debate) {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir.to_path_buf()
}

#[test]
fn the_interactive_page_works_in_chromium() {
    let missing = missing();
    if !missing.is_empty() {
        let message = format!(
            "browser tests need: {}; `.ci/run` installs them",
            missing.join(", ")
        );
        if std::env::var_os("CLAIMMAP_REQUIRE_BROWSER").is_some_and(|v| v == "1") {
            panic!("{message}");
        }
        eprintln!("skipping: {message}");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let pages = tmp.path();
    write_page(&root().join("claims"), &pages.join("demo.html"), &[], false);
    write_page(
        &root().join("tests/fixtures/html-hostile"),
        &pages.join("hostile.html"),
        &[],
        false,
    );
    write_page(
        &root().join("claims"),
        &pages.join("embedded.html"),
        &[],
        true,
    );

    // 2,000 generated claims, drawn in full.
    let big = write_debate(&pages.join("big"), 2_000, 7);
    write_page(
        &big,
        &pages.join("big.html"),
        &["--full", "--layout-timeout", "0"],
        false,
    );

    // 3,500 claims drawn collapsed, as `build` does by default: the outline is capped.
    let corpus = write_debate(&pages.join("corpus"), 3_500, 11);
    write_page(&corpus, &pages.join("corpus.html"), &[], false);

    for name in ["demo.html", "big.html", "corpus.html"] {
        let bytes = std::fs::metadata(pages.join(name)).map_or(0, |m| m.len());
        println!("measure: {name} is {:.1} MB", bytes as f64 / 1e6);
    }
    let shots: PathBuf = root().join("target/browser-shots");
    let config = pages.join("config.json");
    std::fs::write(
        &config,
        serde_json::json!({
            "demo": pages.join("demo.html"),
            "hostile": pages.join("hostile.html"),
            "embedded": pages.join("embedded.html"),
            "big": pages.join("big.html"),
            "corpus": pages.join("corpus.html"),
            "shots": shots,
        })
        .to_string(),
    )
    .unwrap();
    let out = std::process::Command::new("node")
        .current_dir(root())
        .arg("tests/browser/map.test.mjs")
        .arg(&config)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        out.status.success(),
        "browser checks failed:\n{}",
        stdout
            .lines()
            .filter(|l| l.starts_with("not ok"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        shots.join("demo-en.png").exists(),
        "no screenshot was saved"
    );
}
