//! Where outputs go: devices and FIFOs are written through, a link in an output's place
//! replaced (followed only with --follow-links), a replaced file keeps its mode, `-o -` is standard output; the debate's own files
//! are never overwritten; formats come from `--format` or a known
//! extension; a map too big for the built-in layout still builds without Graphviz; the
//! Graphviz time limit applies to `map` and `build`.

use super::{claimmap, fixture, run};
use std::path::{Path, PathBuf};
use std::process::Output;

/// A copy of the `ok-minimal` fixture in a fresh temporary folder, and the copy's path.
fn minimal_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let debate = dir.path().join("debate");
    copy_dir(&fixture("ok-minimal"), &debate);
    (dir, debate)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `dir` with its contents, sorted.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(snapshot(&p));
        } else {
            out.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
    out.sort();
    out
}

/// Runs claimmap with string arguments followed by paths.
fn run_with(args: &[&str], paths: &[&Path]) -> Output {
    let mut cmd = claimmap();
    cmd.args(args);
    for p in paths {
        cmd.arg(p);
    }
    cmd.output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_character_device_is_written_through_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let null = dir.path().join("null");
    // Only root may make device nodes; elsewhere there is nothing to test.
    let made = std::process::Command::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !made {
        eprintln!("skipped: cannot mknod (not root)");
        return;
    }
    let link = dir.path().join("link-to-null");
    std::os::unix::fs::symlink(&null, &link).unwrap();
    for target in [&null, &link] {
        let out = run_with(
            &[
                "map",
                "tests/fixtures/ok-minimal",
                "--format",
                "dot",
                "--follow-links",
                "-o",
            ],
            &[target],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let kind = std::fs::metadata(&null).unwrap().file_type();
        assert!(kind.is_char_device(), "the device was replaced");
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    }
}

#[test]
fn a_fifo_is_written_through_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .output()
        .is_ok_and(|o| o.status.success());
    if !made {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let out = run_with(
        &["map", "tests/fixtures/ok-minimal", "--format", "dot", "-o"],
        &[&fifo],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let read = reader.join().unwrap();
    assert!(String::from_utf8_lossy(&read).contains("digraph"));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn output_links_are_replaced_unless_follow_links_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.dot");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.dot");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = run_with(&["map", "tests/fixtures/ok-minimal", "-o"], &[&link]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link).unwrap().is_file(),
        "replaced"
    );
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "old");

    std::fs::remove_file(&link).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = run_with(
        &["map", "tests/fixtures/ok-minimal", "--follow-links", "-o"],
        &[&link],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().contains("digraph"));

    // A dangling relative link, followed: its target is created, relative to the link's
    // folder.
    let dangling = dir.path().join("dangling.dot");
    std::os::unix::fs::symlink("sub/made.dot", &dangling).unwrap();
    let out = run_with(
        &["map", "tests/fixtures/ok-minimal", "--follow-links", "-o"],
        &[&dangling],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&dangling).unwrap().is_symlink());
    let made = std::fs::read_to_string(dir.path().join("sub/made.dot")).unwrap();
    assert!(made.contains("digraph"));
}

#[test]
fn no_command_overwrites_claim_files_or_sources() {
    let (_dir, debate) = minimal_copy();
    let before = snapshot(&debate);
    let thesis = debate.join("thesis.yaml");
    let config = debate.join("claimmap.yaml");
    let source = debate.join("sources/book.txt");
    let new_yaml = debate.join("support/../new/extra.yml");
    let cases: Vec<(Vec<&str>, &Path)> = vec![
        (vec!["map", "--format", "dot", "-o"], &thesis),
        (vec!["map", "--format", "svg", "-o"], &new_yaml),
        (vec!["report", "-o"], &source),
        (vec!["export", "-o"], &config),
    ];
    for (args, target) in cases {
        let mut cmd = claimmap();
        cmd.arg(args[0]).arg(&debate).args(&args[1..]).arg(target);
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("refusing to write over"),
            "{}",
            stderr(&out)
        );
    }
    // A link to a claim file as one of build's outputs: replaced by the output, and with
    // --follow-links refused before anything is written.
    let out_dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&thesis, out_dir.path().join("report.md")).unwrap();
    let out = run_with(
        &["build", "--follow-links"],
        &[&debate, Path::new("-o"), out_dir.path()],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("refusing to write over"));
    assert!(!out_dir.path().join("map.svg").exists(), "nothing written");
    let out = run_with(&["build"], &[&debate, Path::new("-o"), out_dir.path()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(out_dir.path().join("report.md"))
            .unwrap()
            .is_file()
    );
    assert_eq!(before, snapshot(&debate), "the debate was modified");
    assert!(!debate.join("new").exists());

    // New non-YAML outputs inside the debate folder are fine.
    let out = run_with(
        &["map", "--format", "dot"],
        &[&debate, Path::new("-o"), &debate.join("map.dot")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(debate.join("map.dot").exists());
}

/// A debate with `n` claims: one thesis and `n - 1` claims supporting it.
fn big_debate(dir: &Path, n: usize) {
    std::fs::write(
        dir.join("claimmap.yaml"),
        "title: {en: \"Big debate\"}\nlanguages: [en]\n",
    )
    .unwrap();
    let mut yaml = String::from(
        "claims:\n  - id: thesis\n    kind: thesis\n    text: {en: \"The thesis.\"}\n",
    );
    for i in 1..n {
        yaml.push_str(&format!(
            "  - id: reason-{i}\n    text: {{en: \"Reason number {i}.\"}}\n    supports: thesis\n"
        ));
    }
    std::fs::write(dir.join("claims.yaml"), yaml).unwrap();
}

#[test]
fn build_of_a_huge_map_without_graphviz_writes_a_placeholder() {
    let debate = tempfile::tempdir().unwrap();
    big_debate(debate.path(), 400);
    let empty_path = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = claimmap()
        .env("PATH", empty_path.path())
        .arg("build")
        .arg(debate.path())
        .arg("-o")
        .arg(out_dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("placeholder"), "{}", stderr(&out));
    for name in ["map.dot", "report.md", "debate.json"] {
        assert!(out_dir.path().join(name).exists(), "{name} missing");
    }
    let svg = std::fs::read_to_string(out_dir.path().join("map.svg")).unwrap();
    assert!(svg.contains("<svg") && svg.contains("</svg>"), "{svg}");
    assert!(svg.contains("This map has 400 claims"), "{svg}");
    assert!(svg.contains("install Graphviz"), "{svg}");
}

/// A folder whose only program is a fake `dot` that answers `-V` and then hangs.
fn slow_dot() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let dot = dir.path().join("dot");
    std::fs::write(
        &dot,
        "#!/bin/sh\nif [ \"$1\" = -V ]; then echo 'dot - graphviz version fake' >&2; exit 0; fi\nexec /bin/sleep 60\n",
    )
    .unwrap();
    std::fs::set_permissions(&dot, std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

#[test]
fn layout_timeout_stops_graphviz_in_map_and_only_the_drawing_in_build() {
    if !Path::new("/bin/sleep").exists() {
        eprintln!("skipped: no /bin/sleep");
        return;
    }
    let fake = slow_dot();
    let out_dir = tempfile::tempdir().unwrap();
    let start = std::time::Instant::now();
    let map = claimmap()
        .env("PATH", fake.path())
        .args([
            "map",
            "tests/fixtures/ok-minimal",
            "--layout-timeout",
            "1",
            "-o",
        ])
        .arg(out_dir.path().join("map.svg"))
        .output()
        .unwrap();
    assert_eq!(map.status.code(), Some(2), "{}", stderr(&map));
    assert!(stderr(&map).contains("did not finish"), "{}", stderr(&map));
    let build = claimmap()
        .env("PATH", fake.path())
        .args([
            "build",
            "tests/fixtures/ok-minimal",
            "--layout-timeout",
            "1",
            "-o",
        ])
        .arg(out_dir.path())
        .output()
        .unwrap();
    // `build` still writes every output: the drawing is a placeholder that says why, and
    // Graphviz is asked once, not again for each language and for map.svg.
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    assert!(
        stderr(&build).contains("did not finish") && stderr(&build).contains("--layout-timeout"),
        "{}",
        stderr(&build)
    );
    let svg = std::fs::read_to_string(out_dir.path().join("map.svg")).unwrap();
    assert!(svg.contains("could not lay out"), "{svg}");
    let report = std::fs::read_to_string(out_dir.path().join("report.md")).unwrap();
    assert!(report.contains("Tiny debate"));
    assert!(start.elapsed().as_secs() < 30);
    for cmd in ["map", "build"] {
        let help = run(&[cmd, "--help"]);
        assert!(help.stdout.contains("0 disables"), "{}", help.stdout);
        assert!(help.stdout.contains("default: 120"), "{}", help.stdout);
    }
}

#[test]
fn map_format_must_be_known_and_consistent() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["x.gif", "noext"] {
        let target = dir.path().join(name);
        let out = run_with(&["map", "tests/fixtures/ok-minimal", "-o"], &[&target]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(
            stderr(&out).contains("cannot tell the format"),
            "{}",
            stderr(&out)
        );
        assert!(!target.exists());
        // With --format the name is the user's choice.
        let out = run_with(
            &["map", "tests/fixtures/ok-minimal", "--format", "dot", "-o"],
            &[&target],
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let png = dir.path().join("x.png");
    let out = run_with(
        &["map", "tests/fixtures/ok-minimal", "--format", "svg", "-o"],
        &[&png],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("does not match"), "{}", stderr(&out));
    assert!(!png.exists());

    let pdf = run(&["map", "tests/fixtures/ok-minimal", "--format", "pdf"]);
    assert_eq!(pdf.code, 2);
    assert!(pdf.stderr.contains("-o map.pdf"), "{}", pdf.stderr);
    let dot = run(&["map", "tests/fixtures/ok-minimal"]);
    assert_eq!(dot.code, 0, "{}", dot.stderr);
    assert!(dot.stdout.contains("digraph"));
}

#[cfg(unix)]
#[test]
fn a_private_output_stays_private_after_a_rebuild() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    let r = run_with(&["report", "tests/fixtures/ok-minimal", "-o"], &[&out]);
    assert!(r.status.success(), "{}", stderr(&r));
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Tiny debate")
    );
}

#[test]
fn dash_and_dev_stdout_write_to_standard_output() {
    for dest in ["-", "/dev/stdout"] {
        let r = run(&[
            "map",
            "tests/fixtures/ok-minimal",
            "--format",
            "dot",
            "-o",
            dest,
        ]);
        assert_eq!(r.code, 0, "{dest}: {}", r.stderr);
        assert!(r.stdout.contains("digraph"), "{dest}");
    }
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR")).join("-").exists());
}
