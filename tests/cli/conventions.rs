//! The usual CLI conventions: completions, a man page, --quiet/--verbose, examples in every
//! subcommand's --help.

use super::run;

const SUBCOMMANDS: &[&str] = &[
    "check",
    "map",
    "report",
    "eval",
    "export",
    "diff",
    "review",
    "schemes",
    "init",
    "new",
    "completions",
    "man",
    "build",
];

#[test]
fn every_subcommand_has_an_example_in_its_help() {
    for sub in SUBCOMMANDS {
        let r = run(&[sub, "--help"]);
        assert_eq!(r.code, 0, "{sub}");
        assert!(
            r.stdout.contains("Examples:\n  claimmap "),
            "{sub} --help has no example:\n{}",
            r.stdout
        );
    }
    let top = run(&["--help"]);
    for sub in SUBCOMMANDS {
        assert!(
            top.stdout.contains(&format!("  {sub} ")),
            "{sub} missing from --help"
        );
    }
}

#[test]
fn completions_and_man_page_cover_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(
            r.stdout.contains("schemes") && r.stdout.contains("no-eval"),
            "{shell}"
        );
    }
    let man = run(&["man"]);
    assert_eq!(man.code, 0);
    assert!(
        man.stdout.starts_with(".ie") || man.stdout.contains(".TH claimmap"),
        "{}",
        &man.stdout[..200.min(man.stdout.len())]
    );
    for sub in SUBCOMMANDS {
        assert!(
            man.stdout
                .contains(&format!(".SH \"CLAIMMAP {}\"", sub.to_uppercase())),
            "{sub}"
        );
    }
    assert!(
        man.stdout.contains("\\-\\-allow"),
        "check's options are documented"
    );
}

#[test]
fn quiet_prints_only_errors_and_verbose_adds_timings() {
    let quiet = run(&["check", "tests/fixtures/warnings", "--quiet"]);
    assert_eq!(quiet.code, 0);
    assert_eq!(quiet.stderr, "", "warnings and summary are suppressed");
    let errors = run(&["-q", "check", "tests/fixtures/unknown-id"]);
    assert_eq!(errors.code, 1);
    assert!(errors.stderr.contains("error[unknown-id]") && !errors.stderr.contains("warning["));
    assert!(!errors.stderr.contains("0 warnings"), "no summary line");
    let verbose = run(&["check", "tests/fixtures/ok-minimal", "--verbose"]);
    assert!(
        verbose
            .stderr
            .starts_with("read tests/fixtures/ok-minimal in "),
        "{}",
        verbose.stderr
    );
    let tmp = tempfile::tempdir().unwrap();
    let build = run(&[
        "build",
        "tests/fixtures/ok-minimal",
        "-o",
        tmp.path().to_str().unwrap(),
        "-q",
    ]);
    assert_eq!((build.code, build.stderr.as_str()), (0, ""));
    let both = run(&["check", "claims", "-q", "-v"]);
    assert_eq!(both.code, 2, "--quiet and --verbose conflict");
}

#[test]
fn no_color_and_pipes_get_plain_output() {
    // The test harness is not a terminal: no escape codes even without NO_COLOR.
    let r = super::claimmap()
        .env_remove("NO_COLOR")
        .args(["check", "tests/fixtures/unknown-id"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&r.stderr).contains('\x1b'));
}
