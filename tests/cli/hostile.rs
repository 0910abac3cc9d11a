//! Hostile input: every file below gets a clear diagnostic or loads; nothing panics or hangs.

use super::claimmap;
use std::time::{Duration, Instant};

const THESIS: &str = "claims:\n  - id: t\n    kind: thesis\n    text: \"The thesis.\"\n";

/// Writes a debate with a valid thesis file plus `name` holding `bytes`, runs `check --format
/// json`, and returns (exit code, JSON).
fn check_with(name: &str, bytes: &[u8]) -> (i32, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("thesis.yaml"), THESIS).unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let start = Instant::now();
    let out = claimmap()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{name}: took {:?}",
        start.elapsed()
    );
    let code = out.status.code().unwrap_or(-1);
    let json =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{name}: {e}; {stderr}"));
    (code, json)
}

fn error_codes(json: &serde_json::Value) -> Vec<String> {
    super::codes(json, "errors")
}

#[test]
fn yaml_alias_bomb_is_refused() {
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for name in 'b'..='j' {
        bomb.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        prev = name;
    }
    let (code, json) = check_with("bomb.yaml", bomb.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(error_codes(&json), ["yaml-syntax"], "{json}");
}

#[test]
fn deep_nesting_is_refused() {
    let deep = format!("claims: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let (code, json) = check_with("deep.yaml", deep.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(error_codes(&json), ["yaml-syntax"], "{json}");
    let deep_block: String = (0..10_000)
        .map(|i| format!("{}- \n", " ".repeat(i % 200)))
        .collect();
    let (code, _) = check_with("deep-block.yaml", deep_block.as_bytes());
    assert!(code == 0 || code == 1);
}

#[test]
fn binary_garbage_and_invalid_utf8_are_reported() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let (code, json) = check_with("garbage.yaml", &garbage);
    assert_eq!(code, 1);
    let codes = error_codes(&json);
    assert!(codes == ["not-utf8"] || codes == ["not-text"], "{codes:?}");
    let (code, json) = check_with("latin1.yaml", b"claims:\n  - id: caf\xe9\n");
    assert_eq!(code, 1);
    assert_eq!(error_codes(&json), ["not-utf8"]);
    assert!(
        json["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("line 2"),
        "{json}"
    );
}

#[test]
fn empty_file_loads_with_nothing_to_add() {
    let (code, json) = check_with("empty.yaml", b"");
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["stats"]["claims"], 1);
}

#[test]
fn fifty_megabyte_file_gets_a_clear_error() {
    let line = "# filler comment line to make the file large, not a claim at all\n";
    let big = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    let (code, json) = check_with("big.yaml", big.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(error_codes(&json), ["file-too-large"]);
    assert!(
        json["errors"][0]["help"]
            .as_str()
            .unwrap()
            .contains("--max-file-size")
    );
}

#[test]
fn symlink_loops_do_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("thesis.yaml"), THESIS).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let out = claimmap()
        .arg("check")
        .arg(dir.path())
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn claim_files_are_never_modified() {
    let dir = tempfile::tempdir().unwrap();
    let src = super::fixture("ok-minimal");
    copy_dir(&src, dir.path());
    let before = snapshot_tree(dir.path());
    let out_dir = tempfile::tempdir().unwrap();
    let out = claimmap()
        .arg("build")
        .arg(dir.path())
        .arg("-o")
        .arg(out_dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(before, snapshot_tree(dir.path()));
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn snapshot_tree(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(snapshot_tree(&p));
        } else {
            out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn terminal_escapes_and_long_lines_are_not_echoed_raw() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(100_000);
    std::fs::write(
        dir.path().join("a.yaml"),
        format!("claims:\n  - id: t\n    kind: thesis\n    text: \"\u{1b}]0;pwned\u{7} {long}\"\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.yaml"),
        format!("claims:\n  - {{id: a, text: \"{long}\", supports: t, colour: red}}\n"),
    )
    .unwrap();
    let out = claimmap().arg("check").arg(dir.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr.contains('\u{1b}'), "raw ESC echoed");
    assert!(
        stderr.len() < 5_000,
        "a 100 kB line was echoed whole: {} bytes",
        stderr.len()
    );
    assert!(
        stderr.contains("did you mean") || stderr.contains("keys of a claim"),
        "{stderr}"
    );
}

#[test]
fn a_fifo_source_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("claimmap.yaml"),
        "sources:\n  - id: s\n    path: src.txt\n",
    )
    .unwrap();
    let fifo = dir.path().join("src.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo not available");
        return;
    }
    std::fs::write(
        dir.path().join("thesis.yaml"),
        "claims:\n  - id: t\n    kind: thesis\n    text: T\n  - id: e\n    kind: evidence\n    text: E\n    supports: t\n    source: s\n    quote: q\n",
    )
    .unwrap();
    let out = claimmap()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        error_codes(&json).contains(&"source-unreadable".to_string()),
        "{json}"
    );
}

#[cfg(unix)]
#[test]
fn claim_file_links_leaving_the_folder_are_not_read() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.yaml");
    std::fs::write(
        &secret,
        "claims:\n  - id: leaked\n    text: \"TOP-SECRET line\"\n    supports: [t]\n",
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("thesis.yaml"), THESIS).unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("passwd.yaml")).unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("claimmap.yaml")).unwrap();
    // A link that stays inside the folder is read as usual.
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(
        dir.path().join("sub/real.yml"),
        "claims:\n  - id: inner\n    text: \"Inner.\"\n    supports: [t]\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("sub/real.yml", dir.path().join("inner-link.yaml")).unwrap();
    for format in ["human", "json"] {
        let out = claimmap()
            .args(["check", "--format", format])
            .arg(dir.path())
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(1), "{all}");
        assert!(
            !all.contains("TOP-SECRET") && !all.contains("leaked"),
            "{all}"
        );
        assert!(
            all.contains("link-outside") && all.contains("passwd.yaml"),
            "{all}"
        );
        assert!(all.contains("claimmap.yaml"), "{all}");
    }
    let out = claimmap()
        .args(["export", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("leaked"));
}
