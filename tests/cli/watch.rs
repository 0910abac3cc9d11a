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

/// Ends the watch when the test ends, also when it fails: a timed-out wait must not leave
/// the process running.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
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

#[test]
fn a_folder_deleted_and_made_again_is_watched_again() {
    let tmp = tempfile::tempdir().unwrap();
    let debate = tmp.path().join("debate");
    let copy_in = |thesis: &str| {
        std::fs::create_dir_all(debate.join("sources")).unwrap();
        for name in ["claimmap.yaml", "sources/book.txt"] {
            std::fs::copy(fixture("ok-minimal").join(name), debate.join(name)).unwrap();
        }
        std::fs::write(debate.join("thesis.yaml"), thesis).unwrap();
    };
    let original = std::fs::read_to_string(fixture("ok-minimal").join("thesis.yaml")).unwrap();
    let edited = |words: &str| original.replace("The revolution needed force.", words);
    copy_in(&original);
    let out = tmp.path().join("out");
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimmap"))
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
    let mut child = KillOnDrop(child);
    let report = out.join("report.md");
    let read = || std::fs::read_to_string(&report).unwrap_or_default();
    wait_for("the first build", || {
        read().contains("The revolution needed force.")
    });
    std::thread::sleep(Duration::from_millis(500));
    std::fs::remove_dir_all(&debate).unwrap();
    std::thread::sleep(Duration::from_secs(1));
    copy_in(&edited("Made again, the folder said."));
    wait_for("the rebuild of the new folder", || {
        read().contains("Made again, the folder said.")
    });
    // And the new folder is watched: a later edit rebuilds too.
    std::thread::sleep(Duration::from_millis(500));
    std::fs::write(
        debate.join("thesis.yaml"),
        edited("Edited in the new folder."),
    )
    .unwrap();
    wait_for("a rebuild after an edit in the new folder", || {
        read().contains("Edited in the new folder.")
    });
    // Replaced at once (deleted and made again between two looks) works as well.
    std::thread::sleep(Duration::from_millis(500));
    std::fs::remove_dir_all(&debate).unwrap();
    copy_in(&edited("Replaced in one go."));
    wait_for("the rebuild of the replaced folder", || {
        read().contains("Replaced in one go.")
    });
    std::thread::sleep(Duration::from_millis(500));
    std::fs::write(debate.join("thesis.yaml"), edited("And edited again.")).unwrap();
    wait_for("a rebuild after an edit in the replaced folder", || {
        read().contains("And edited again.")
    });
    child.0.kill().unwrap();
}
