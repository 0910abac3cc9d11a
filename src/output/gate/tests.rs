use super::*;
use std::os::unix::fs::symlink;

/// A repository folder `repo/` with a debate `repo/d/` (one claim file and a source) and a
/// file outside it, `home/.bashrc`.
struct World {
    _dir: tempfile::TempDir,
    repo: PathBuf,
    home: PathBuf,
}

fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let repo = root.join("repo");
    let home = root.join("home");
    std::fs::create_dir_all(repo.join("d/sources")).unwrap();
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(repo.join("d/thesis.yaml"), "claims: []\n").unwrap();
    std::fs::write(repo.join("d/sources/essay.txt"), "text").unwrap();
    std::fs::write(home.join(".bashrc"), "precious").unwrap();
    World {
        _dir: dir,
        repo,
        home,
    }
}

fn gate(w: &World, follow: bool) -> Gate {
    let mut g = Gate::in_folder(&w.repo, follow);
    g.protect_debate(&w.repo.join("d"), ["sources/essay.txt"]);
    g
}

fn refused(r: Result<Target>) -> String {
    match r {
        Err(Error::Usage { message }) => message,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn claim_files_new_yaml_in_the_debate_and_sources_are_refused() {
    let w = world();
    let g = gate(&w, false);
    for dest in [
        "d/thesis.yaml",
        "d/new.yml",
        "d/sources/essay.txt",
        "d/../d/./thesis.yaml",
    ] {
        let m = refused(g.resolve(Path::new(dest)));
        assert!(m.contains("refusing to write"), "{dest}: {m}");
    }
    // Absolute spellings too.
    refused(g.resolve(&w.repo.join("d/thesis.yaml")));
    // An existing YAML file outside any debate is not replaced either.
    std::fs::write(w.repo.join("ci.yaml"), "x").unwrap();
    refused(g.resolve(Path::new("ci.yaml")));
    // Outputs beside it are fine.
    assert_eq!(
        g.resolve(Path::new("out/report.md")).unwrap(),
        Target::File(w.repo.join("out/report.md"))
    );
}

#[test]
fn a_link_in_the_output_place_is_replaced_not_followed() {
    let w = world();
    std::fs::create_dir(w.repo.join("out")).unwrap();
    symlink(w.home.join(".bashrc"), w.repo.join("out/map.svg")).unwrap();
    let g = gate(&w, false);
    g.write(Some(Path::new("out/map.svg")), b"<svg/>").unwrap();
    assert_eq!(
        std::fs::read_to_string(w.home.join(".bashrc")).unwrap(),
        "precious"
    );
    assert!(
        std::fs::symlink_metadata(w.repo.join("out/map.svg"))
            .unwrap()
            .is_file()
    );
}

#[test]
fn a_link_to_a_claim_file_is_refused() {
    let w = world();
    std::fs::create_dir(w.repo.join("out")).unwrap();
    symlink(w.repo.join("d/thesis.yaml"), w.repo.join("out/report.md")).unwrap();
    std::fs::create_dir(w.repo.join("out2")).unwrap();
    symlink(w.repo.join("d/thesis.yaml"), w.repo.join("out2/x.yaml")).unwrap();
    let g = gate(&w, true);
    refused(g.resolve(Path::new("out/report.md")));
    refused(g.resolve(Path::new("out2/x.yaml")));
    // Without --follow-links the first link is simply replaced.
    let g = gate(&w, false);
    assert!(matches!(
        g.resolve(Path::new("out/report.md")),
        Ok(Target::File(_))
    ));
}

#[test]
fn a_planted_folder_link_leaving_the_current_folder_needs_follow_links() {
    let w = world();
    symlink(&w.home, w.repo.join("out")).unwrap();
    let m = refused(gate(&w, false).resolve(Path::new("out/map.svg")));
    assert!(m.contains("--follow-links"), "{m}");
    assert_eq!(
        gate(&w, true).resolve(Path::new("out/map.svg")).unwrap(),
        Target::File(w.home.join("map.svg"))
    );
    // A link that stays inside the current folder is fine.
    std::fs::create_dir(w.repo.join("site")).unwrap();
    symlink(w.repo.join("site"), w.repo.join("public")).unwrap();
    assert_eq!(
        gate(&w, false)
            .resolve(Path::new("public/map.svg"))
            .unwrap(),
        Target::File(w.repo.join("site/map.svg"))
    );
}

#[test]
fn links_outside_the_current_folder_are_the_users_own_and_followed() {
    let w = world();
    std::fs::create_dir(w.home.join("site")).unwrap();
    symlink(w.home.join("site"), w.home.join("published")).unwrap();
    let g = gate(&w, false);
    assert_eq!(
        g.resolve(&w.home.join("published/map.svg")).unwrap(),
        Target::File(w.home.join("site/map.svg"))
    );
}

#[test]
fn standard_output_and_devices() {
    let w = world();
    let g = gate(&w, false);
    assert_eq!(g.resolve(Path::new("-")).unwrap(), Target::Stdout);
    assert_eq!(g.resolve(Path::new("/dev/stdout")).unwrap(), Target::Stdout);
    assert_eq!(
        g.resolve(Path::new("/dev/null")).unwrap(),
        Target::Device(PathBuf::from("/dev/null"))
    );
    g.write(Some(Path::new("/dev/null")), b"x").unwrap();
}

#[test]
fn folders_are_not_files() {
    let w = world();
    let g = gate(&w, false);
    for dest in ["d", "d/..", "."] {
        assert!(g.resolve(Path::new(dest)).is_err(), "{dest}");
    }
}

#[test]
fn create_new_follows_the_link_rule_but_may_write_into_the_debate() {
    let w = world();
    let g = gate(&w, false);
    g.create_new(Path::new("d/contrib/a.yaml"), b"claims: []\n")
        .unwrap();
    assert!(g.create_new(Path::new("d/contrib/a.yaml"), b"x").is_err());
    assert!(g.create_new(Path::new("d/thesis.yaml"), b"x").is_err());
    symlink(&w.home, w.repo.join("d/planted")).unwrap();
    assert!(g.create_new(Path::new("d/planted/x.yaml"), b"x").is_err());
    assert!(!w.home.join("x.yaml").exists());
}

#[test]
fn enclosing_debate_is_found_for_commands_without_one() {
    let w = world();
    std::fs::write(
        w.repo.join("d/claimmap.yaml"),
        "sources:\n  - id: essay\n    title: {en: Essay}\n    path: sources/essay.txt\n",
    )
    .unwrap();
    let mut g = Gate::in_folder(&w.repo, false);
    g.protect_enclosing_debate(&w.repo.join("d/sources/essay.txt"));
    refused(g.resolve(&w.repo.join("d/sources/essay.txt")));
    refused(g.resolve(&w.repo.join("d/claimmap.yaml")));
    refused(g.resolve(&w.repo.join("d/more.yaml")));
}

#[test]
fn stale_outputs_are_removed_but_never_what_a_link_points_to() {
    let w = world();
    std::fs::create_dir(w.repo.join("out")).unwrap();
    symlink(w.home.join(".bashrc"), w.repo.join("out/evaluation.json")).unwrap();
    let g = gate(&w, false);
    g.remove_stale(Path::new("out/evaluation.json")).unwrap();
    assert!(!w.repo.join("out/evaluation.json").exists());
    assert_eq!(
        std::fs::read_to_string(w.home.join(".bashrc")).unwrap(),
        "precious"
    );
}

#[test]
fn a_link_in_the_output_place_is_replaced_even_when_run_from_elsewhere() {
    let w = world();
    std::fs::create_dir(w.repo.join("out")).unwrap();
    symlink(w.home.join(".bashrc"), w.repo.join("out/map.svg")).unwrap();
    // Run from `home`, beside the repository: the repository is untrusted all the same.
    let mut g = Gate::in_folder(&w.home, false);
    g.protect_debate(&w.repo.join("d"), ["sources/essay.txt"]);
    g.write(Some(&w.repo.join("out/map.svg")), b"<svg/>")
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(w.home.join(".bashrc")).unwrap(),
        "precious"
    );
    // And a stale output that is a link loses the link, never its target.
    symlink(w.home.join(".bashrc"), w.repo.join("out/evaluation.json")).unwrap();
    g.remove_stale(&w.repo.join("out/evaluation.json")).unwrap();
    assert!(w.home.join(".bashrc").exists());
}

#[test]
fn a_planted_folder_link_is_refused_when_run_from_outside_the_repository() {
    let w = world();
    std::fs::create_dir(w.repo.join(".git")).unwrap();
    symlink(&w.home, w.repo.join("out")).unwrap();
    let elsewhere = w.home.parent().unwrap().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let mut g = Gate::in_folder(&elsewhere, false);
    g.protect_debate(&w.repo.join("d"), ["sources/essay.txt"]);
    let m = refused(g.resolve(&w.repo.join("out/map.svg")));
    assert!(m.contains("--follow-links"), "{m}");
}

#[test]
fn system_links_such_as_dev_stderr_are_followed() {
    let w = world();
    let g = gate(&w, false);
    if Path::new("/dev/stderr").exists() {
        assert!(matches!(
            g.resolve(Path::new("/dev/stderr")),
            Ok(Target::Device(_) | Target::File(_))
        ));
        assert!(std::fs::symlink_metadata("/dev/stderr").is_ok());
    }
}
