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

/// Characters that must never reach a terminal raw: ESC, BEL, a right-to-left override.
const RAW: [char; 3] = ['\u{1b}', '\u{7}', '\u{202e}'];

#[test]
fn hostile_ids_keys_sources_and_file_names_are_escaped_in_human_output() {
    let tmp = tempfile::tempdir().unwrap();
    // The debate folder's own name is echoed by the summary note.
    let dir = tmp.path().join("deb\u{1b}[2Jate\u{202e}");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("thesis.yaml"), THESIS).unwrap();
    let name = "ev\u{1b}]0;pwned\u{7}il\u{202e}\nerror[fake]: injected.yaml";
    std::fs::write(
        dir.join(name),
        "claims:\n  - id: \"a\\e[31m\\a\\u202e\"\n    text: \"A claim.\"\n    supports: \"t\\e[2J\\u202e\"\n    \"col\\eour\\a\": red\n  - id: e\n    kind: evidence\n    text: \"E.\"\n    supports: t\n    source: \"s\\u202e\\e]8;;x\\a\"\n    quote: q\n",
    )
    .unwrap();
    let out = claimmap().arg("check").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    for c in RAW {
        assert!(!stderr.contains(c), "raw {c:?} in stderr:\n{stderr}");
        assert!(!stdout.contains(c), "raw {c:?} in stdout:\n{stdout}");
    }
    // The escapes are visible, so the student can see what to fix.
    assert!(stderr.contains(r"\u{1b}[31m"), "{stderr}");
    assert!(stderr.contains(r"\u{202e}"), "{stderr}");
    // The newline in the file name does not start a line of its own.
    assert!(
        stderr.contains(r"il\u{202e}\nerror[fake]: injected.yaml:"),
        "{stderr}"
    );
    assert!(
        !stderr.lines().any(|l| l.starts_with("error[fake]")),
        "{stderr}"
    );
    // One `error[…]` line per error, each followed by its location.
    let json = run_json(&dir);
    let errors = json["errors"].as_array().unwrap();
    assert!(errors.len() >= 3, "{json}");
    let heads: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error[")).collect();
    assert_eq!(heads.len(), errors.len(), "{stderr}");
    // JSON keeps the real strings (it escapes them itself).
    assert!(errors.iter().any(|e| e["file"] == name), "{json}");
    // GitHub annotations keep their own escaping, not the terminal's.
    let github = claimmap()
        .args(["check", "--format", "github"])
        .arg(&dir)
        .output()
        .unwrap();
    let github = String::from_utf8(github.stdout).unwrap();
    assert!(github.contains("il\u{202e}%0Aerror[fake]"), "{github}");
    assert!(!github.contains(r"\u{"), "{github}");
    assert!(
        errors
            .iter()
            .any(|e| e["message"].as_str().unwrap().contains("\u{1b}[31m")),
        "{json}"
    );
}

fn run_json(dir: &std::path::Path) -> serde_json::Value {
    let out = claimmap()
        .args(["check", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn tool_errors_escape_the_path_they_echo() {
    let out = claimmap()
        .arg("check")
        .arg("no\u{1b}]0;pwned\u{7}such\u{202e}\nerror: fake")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    for c in RAW {
        assert!(!stderr.contains(c), "raw {c:?} in stderr:\n{stderr}");
    }
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(r"such\u{202e}\nerror: fake"), "{stderr}");
}

#[test]
fn every_duplicate_key_is_reported_at_its_repetition_in_claimmaps_words() {
    let (code, json) = check_with(
        "dup.yaml",
        b"claims:\n  - id: a\n    text: \"One.\"\n    text: \"Two.\"\n    supports: t\n    supports: t\n    text: \"Three.\"\n",
    );
    assert_eq!(code, 1);
    let errors = json["errors"].as_array().unwrap();
    let found: Vec<(u64, u64, u64, &str)> = errors
        .iter()
        .map(|e| {
            assert_eq!(e["code"], "duplicate-key", "{json}");
            assert_eq!(e["file"], "dup.yaml");
            (
                e["line"].as_u64().unwrap(),
                e["column"].as_u64().unwrap(),
                e["related"][0]["line"].as_u64().unwrap(),
                e["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                4,
                5,
                3,
                "key `text` appears twice in this mapping; YAML keeps only one"
            ),
            (
                6,
                5,
                5,
                "key `supports` appears twice in this mapping; YAML keeps only one"
            ),
            (
                7,
                5,
                3,
                "key `text` appears 3 times in this mapping; YAML keeps only one"
            ),
        ],
        "{json}"
    );
    assert!(!json.to_string().contains("DuplicateKeyPolicy"));
}

#[test]
fn an_undefined_alias_gets_its_own_message() {
    let (code, json) = check_with("alias.yaml", b"claims:\n  - id: a\n    text: *nope\n");
    assert_eq!(code, 1);
    let e = &json["errors"][0];
    assert_eq!(e["code"], "yaml-syntax");
    let message = e["message"].as_str().unwrap();
    assert!(
        message.contains("alias `*nope` refers to no anchor"),
        "{json}"
    );
    assert!(!message.contains("bomb"), "{json}");
    assert_eq!(e["line"], 3, "{json}");
}

#[test]
fn binary_and_too_large_files_are_located_and_never_to_be_removed() {
    let (code, json) = check_with("bin.yaml", b"claims:\n  - id: a\x00\x01\n");
    assert_eq!(code, 1);
    let e = &json["errors"][0];
    assert_eq!(e["code"], "not-text", "{json}");
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(2), Some(10))
    );
    let help = e["help"].as_str().unwrap();
    assert!(!help.contains("remove"), "{help}");
    assert!(help.contains("UTF-8 YAML text"), "{help}");

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("thesis.yaml"), THESIS).unwrap();
    let big = "# filler\n".repeat(2 * 1024 * 1024 / 9 + 1);
    std::fs::write(dir.path().join("big.yaml"), big.as_bytes()).unwrap();
    let out = claimmap()
        .args(["check", "--format", "json", "--max-file-size", "1"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = &json["errors"][0];
    assert_eq!(e["code"], "file-too-large", "{json}");
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        e["message"],
        "file is 2.0 MB, larger than the 1 MB limit for a claim file"
    );
    let help = e["help"].as_str().unwrap();
    assert!(
        help.contains("the limit is 1 MB")
            && help.contains(&format!("{} bytes", big.len()))
            && help.contains("--max-file-size 3"),
        "{help}"
    );
}
