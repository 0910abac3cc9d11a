//! `claimmap diff`: two folders, or two git revisions of one.

use super::run;
use std::process::Command;

#[test]
fn folders_are_compared_claim_by_claim_with_evaluation() {
    let r = run(&["diff", "tests/fixtures/diff-old", "tests/fixtures/diff-new"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("diff_markdown", r.stdout);
    let out = &r.stdout;
    assert!(
        out.contains("2 claims added, 1 removed, 1 changed · 1 reviews added"),
        "{out}"
    );
    assert!(out.contains("- `gone` (claim): Cars are loud."));
    assert!(
        out.contains("text (en): “The air would be cleaner.” → “The air would be much cleaner.”")
    );
    assert!(out.contains("&lt;where&gt;"), "texts are escaped: {out}");
    assert!(
        out.contains("- `t`: contested (0.62) → stands (0.75)"),
        "{out}"
    );
    assert!(out.contains("| mitali | 0 | 1 | 0 | 1 |"));
    assert!(out.contains("| rahim | 1 | 0 | 1 | 0 |"));
}

#[test]
fn the_map_marks_added_changed_and_removed_claims() {
    let r = run(&[
        "diff",
        "tests/fixtures/diff-old",
        "tests/fixtures/diff-new",
        "--format",
        "dot",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let dot = &r.stdout;
    graphviz_rust::parse(dot).unwrap_or_else(|e| panic!("{e}\n{dot}"));
    for (id, mark) in [
        ("air-study", "NEW"),
        ("footfall", "NEW"),
        ("air", "CHANGED"),
    ] {
        let line = dot
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("\"{id}\"[")))
            .unwrap();
        assert!(line.contains(&format!("<B>{mark}</B>")), "{id}: {line}");
    }
    assert!(dot.contains("\"_removed_gone\""));
    assert!(
        !dot.lines()
            .any(|l| l.trim_start().starts_with("\"shops\"[") && l.contains("<B>NEW</B>"))
    );
}

#[test]
fn git_revisions_are_read_without_touching_the_work_tree() {
    let repo = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org", "-C"])
            .arg(repo.path())
            .args(args)
            .output()
            .expect("git runs")
            .status
            .success();
        assert!(ok, "git {args:?}");
    };
    let debate = repo.path().join("debate");
    std::fs::create_dir_all(&debate).unwrap();
    git(&["init", "-q"]);
    std::fs::copy(
        "tests/fixtures/diff-old/claims.yaml",
        debate.join("claims.yaml"),
    )
    .unwrap();
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "old"]);
    std::fs::copy(
        "tests/fixtures/diff-new/claims.yaml",
        debate.join("claims.yaml"),
    )
    .unwrap();
    git(&["commit", "-q", "-am", "new"]);
    // An uncommitted edit must neither be read nor be lost.
    std::fs::write(debate.join("claims.yaml"), "claims: []\n").unwrap();
    let d = debate.to_str().unwrap();
    let r = run(&["diff", "--git", "HEAD~1", "HEAD", d]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("2 claims added, 1 removed, 1 changed"),
        "{}",
        r.stdout
    );
    assert_eq!(
        std::fs::read_to_string(debate.join("claims.yaml")).unwrap(),
        "claims: []\n"
    );
    let bad = run(&["diff", "--git", "no-such-rev", "HEAD", d]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("no-such-rev"), "{}", bad.stderr);
}
