//! `claimmap schema`: the shipped schemas match the generated ones, the demo debate
//! validates against them with an independent validator, and an unknown key does not.

use super::run;
use std::path::Path;

fn shipped(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(Path::new("templates/schema").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_shipped_schemas_are_what_claimmap_generates() {
    for (which, file) in [
        ("claims", "claim-file.schema.json"),
        ("config", "claimmap.schema.json"),
    ] {
        let r = run(&["schema", which]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let generated: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(
            generated,
            shipped(file),
            "{file} is stale: run `claimmap schema {which} -o templates/schema/{file}`"
        );
    }
}

/// YAML as an editor's language server reads it: YAML 1.2, where only true/false are
/// booleans (`answer: no` is the word "no"), as claimmap itself reads it.
fn yaml_to_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    serde_saphyr::from_str_with_options(&text, options)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn yaml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(yaml_files(&p));
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p);
        }
    }
    out
}

#[test]
fn the_demo_debate_validates_and_unknown_keys_do_not() {
    let claims = jsonschema::validator_for(&shipped("claim-file.schema.json")).unwrap();
    let config = jsonschema::validator_for(&shipped("claimmap.schema.json")).unwrap();
    let files = yaml_files(Path::new("claims"));
    assert!(files.len() >= 17);
    for f in &files {
        let doc = yaml_to_json(f);
        let validator = if f.ends_with("claimmap.yaml") {
            &config
        } else {
            &claims
        };
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", f.display());
    }
    let misspelt = yaml_to_json(Path::new("tests/fixtures/unknown-key/thesis.yaml"));
    assert!(!claims.is_valid(&misspelt), "`suports:` must not validate");
    let bad_config = serde_json::json!({"title": "x", "evaluation": {"standard": "preponderence"}});
    assert!(!config.is_valid(&bad_config));
}
