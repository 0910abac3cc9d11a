//! `claimmap watch`: edits rebuild the outputs; a broken edit keeps the last good ones.

use super::fixture;
use std::time::{Duration, Instant};

fn wait_for(what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn edits_rebuild_and_errors_keep_the_last_good_outputs() {
    let tmp = tempfile::tempdir().unwrap();
    let debate = tmp.path().join("debate");
    std::fs::create_dir_all(debate.join("sources")).unwrap();
    for name in ["claimmap.yaml", "thesis.yaml", "sources/book.txt"] {
        std::fs::copy(fixture("ok-minimal").join(name), debate.join(name)).unwrap();
    }
    let out = tmp.path().join("out");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimmap"))
        .args([
            "watch",
            debate.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--lang",
            "en",
        ])
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let report = out.join("report.md");
    let read = || std::fs::read_to_string(&report).unwrap_or_default();
    wait_for("the first build", || {
        read().contains("The revolution needed force.")
    });
    std::thread::sleep(Duration::from_millis(500));
    let thesis = debate.join("thesis.yaml");
    let text = std::fs::read_to_string(&thesis).unwrap();
    std::fs::write(
        &thesis,
        text.replace(
            "The revolution needed force.",
            "Force was needed, said the edit.",
        ),
    )
    .unwrap();
    wait_for("the rebuild", || {
        read().contains("Force was needed, said the edit.")
    });
    // A broken edit: errors are printed, the last good report stays.
    std::thread::sleep(Duration::from_millis(500));
    std::fs::write(&thesis, "claims:\n  - id: [broken\n").unwrap();
    std::thread::sleep(Duration::from_secs(2));
    assert!(
        read().contains("Force was needed, said the edit."),
        "last good outputs kept"
    );
    child.kill().unwrap();
    let _ = child.wait();
}
