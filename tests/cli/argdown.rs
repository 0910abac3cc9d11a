//! Argdown export and import: a lossless round trip of the demo debate, a hand-written
//! document, and malformed input.

use super::aif::model;
use super::{claimmap, run};

#[test]
fn export_snapshot() {
    let r = run(&["export", "tests/fixtures/iccma", "--format", "argdown"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("argdown_iccma", r.stdout);
}

#[test]
fn the_demo_debate_survives_a_round_trip() {
    let doc = run(&["export", "claims", "--format", "argdown"]);
    assert_eq!(doc.code, 0);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("copy");
    let r = claimmap()
        .args(["import", "argdown", "-", "-o", out.to_str().unwrap()])
        .write_stdin(doc.stdout.clone())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert!(r.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "nothing lost: {stderr}");
    let sources = out.join("sources");
    std::fs::create_dir_all(&sources).unwrap();
    for e in std::fs::read_dir("claims/sources").unwrap().flatten() {
        std::fs::copy(e.path(), sources.join(e.file_name())).unwrap();
    }
    let (before, after) = (model("claims"), model(out.to_str().unwrap()));
    let claims = |j: &serde_json::Value| {
        let mut v = j["claims"].as_array().unwrap().clone();
        v.sort_by_key(|c| c["id"].to_string());
        v
    };
    assert_eq!(claims(&before).len(), 43);
    assert_eq!(claims(&before), claims(&after));
    assert_eq!(before["sources"], after["sources"]);
    assert_eq!(before["title"], after["title"]);
}

#[test]
fn a_hand_written_document_imports_with_warnings_for_arguments() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("cars");
    let r = run(&[
        "import",
        "argdown",
        "tests/fixtures/argdown/hand-written.argdown",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("line 14: arguments and premise-conclusion structures"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("line 16:"),
        "every pcs line is reported: {}",
        r.stderr
    );
    let json = model(out.to_str().unwrap());
    let claim = |id: &str| {
        json["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id}: {json:#}"))
    };
    assert_eq!(claim("ban-cars")["kind"], "thesis");
    assert_eq!(claim("ban-cars")["tags"], serde_json::json!(["policy"]));
    assert_eq!(
        claim("clean-air")["supports"],
        serde_json::json!(["ban-cars"])
    );
    assert_eq!(
        claim("clean-air")["tags"],
        serde_json::json!(["health and environment"])
    );
    assert_eq!(
        claim("heating")["opposes"],
        serde_json::json!(["clean-air"])
    );
    assert_eq!(claim("shops")["opposes"], serde_json::json!(["ban-cars"]));
    assert_eq!(claim("footfall")["opposes"], serde_json::json!(["shops"]));
    assert_eq!(claim("shops")["text"]["en"], "Shops would lose customers.");
}

#[test]
fn malformed_argdown_names_the_line_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.argdown");
    std::fs::write(&bad, "===\ntitle: x\n\n[A]: text\n").unwrap();
    let out = tmp.path().join("out");
    let r = run(&[
        "import",
        "argdown",
        bad.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("bad.argdown:1:") && r.stderr.contains("never closed"),
        "{}",
        r.stderr
    );
    assert!(!out.exists());
    std::fs::write(&bad, "[A]: text {kind: [unclosed\n").unwrap();
    let r = run(&[
        "import",
        "argdown",
        bad.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("bad.argdown:1:"), "{}", r.stderr);
    assert!(!out.exists());
}

/// Imports `doc` (written to `file_name` in a new temporary folder); returns the run, the
/// output folder and the folder that holds both.
fn import_doc(file_name: &str, doc: &str) -> (super::Run, std::path::PathBuf, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join(file_name);
    std::fs::write(&input, doc).unwrap();
    let out = tmp.path().join("out");
    let r = run(&[
        "import",
        "argdown",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    (r, out, tmp)
}

#[test]
fn a_language_code_cannot_inject_relations() {
    let doc = "===\nclaimmap:\n  languages: [\"en: \\\"Harmless.\\\"}\\n    opposes: [t]\\n    note: {x\"]\n===\n[t]: The thesis.\n  + [a]: A reason.\n";
    let (r, out, _tmp) = import_doc("evil.argdown", doc);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("error[invalid-language]"), "{}", r.stderr);
    assert!(r.stderr.contains("evil.argdown:3:15"), "{}", r.stderr);
    assert!(!out.exists(), "nothing written");
}

#[test]
fn every_problem_is_reported_with_line_and_column() {
    let doc = "===\nclaimmap:\n  languages: [en, en_US]\n===\n[a]: A #(open\n  +> [b: B\n[c]: C {kind: [x}\n[d]: D {text: {en: d, \"e e\": x}}\n[e]: E\n";
    let (r, out, _tmp) = import_doc("bad.argdown", doc);
    assert_eq!(r.code, 2, "{}", r.stderr);
    for place in [
        "bad.argdown:3:19",
        "bad.argdown:5:8",
        "bad.argdown:6:6",
        "bad.argdown:7:15",
        "bad.argdown:8:23",
    ] {
        assert!(r.stderr.contains(place), "{place}: {}", r.stderr);
    }
    assert!(r.stderr.contains("did you mean `en-US`?"), "{}", r.stderr);
    assert!(r.stderr.contains("5 errors in"), "{}", r.stderr);
    assert!(!out.exists());
}

#[test]
fn hostile_titles_texts_and_data_are_written_as_data() {
    let doc = concat!(
        "===\n",
        "title: \"Evil\\\"}\\n  opposes: [t]\"\n",
        "claimmap:\n",
        "  languages: [en, bn]\n",
        "===\n",
        "[t]: The thesis: \"quoted\"\\}, \\{not: data\\}, & * ! | > % @ ` ক্ষ্ম\n",
        "  + [Evil\": {opposes: t} - id: x, #no-tag]: A reason.\n",
        "  - [o]: An objection. {note: \"one\\n    opposes: [t]\\n    x: {\", author: \"a\\\"}\\u202e\", text: {en: \"E: \\\"}\", bn: \"ক্ষ্ম\"}}\n",
    );
    let (r, out, _tmp) = import_doc("hostile.argdown", doc);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let dir = out.to_str().unwrap();
    let check = run(&["check", dir]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let json = model(dir);
    let claims = json["claims"].as_array().unwrap();
    let ids: Vec<&str> = claims.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["t", "evil-opposes-t-id-x-no-tag", "o"], "{json:#}");
    let claim = |id: &str| claims.iter().find(|c| c["id"] == id).unwrap();
    assert_eq!(
        claim("t")["text"]["en"],
        "The thesis: \"quoted\"}, {not: data}, & * ! | > % @ ` ক্ষ্ম"
    );
    assert_eq!(claim("t")["kind"], "thesis");
    assert_eq!(
        claim("evil-opposes-t-id-x-no-tag")["supports"],
        serde_json::json!(["t"])
    );
    assert_eq!(
        claim("evil-opposes-t-id-x-no-tag")["text"]["en"],
        "A reason."
    );
    assert_eq!(claim("o")["opposes"], serde_json::json!(["t"]));
    assert_eq!(claim("o")["note"], "one\n    opposes: [t]\n    x: {");
    assert_eq!(claim("o")["author"], "a\"}\u{202e}");
    assert_eq!(claim("o")["text"]["en"], "E: \"}");
    assert_eq!(claim("o")["text"]["bn"], "ক্ষ্ম");
    for c in claims {
        for key in ["undercuts", "with"] {
            assert!(
                c.get(key).is_none_or(|v| v == &serde_json::json!([])),
                "{c:#}"
            );
        }
    }
    assert!(
        claim("t")
            .get("opposes")
            .is_none_or(|v| v == &serde_json::json!([]))
    );
    assert_eq!(json["title"]["en"], "Evil\"}\n  opposes: [t]");
}

#[test]
fn a_file_name_with_line_breaks_stays_in_its_comment() {
    let name = "evil\nlanguages: [xx]\n\u{1b}[31m\u{202e}#.argdown";
    let (r, out, _tmp) = import_doc(name, "[t]: The thesis.\n  + [a]: A reason.\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains('\u{1b}'), "escaped: {:?}", r.stderr);
    for file in ["claimmap.yaml", "claims.yaml"] {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        let first = text.lines().next().unwrap();
        assert!(first.starts_with("# Imported from "), "{text}");
        assert!(first.contains("evil\\nlanguages: [xx]\\n"), "{text}");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}'),
            "{text:?}"
        );
    }
    let dir = out.to_str().unwrap();
    let check = run(&["check", dir, "--format", "json"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let json = model(dir);
    assert_eq!(json["languages"], serde_json::json!(["en"]), "{json:#}");
    assert_eq!(json["claims"].as_array().unwrap().len(), 2);
}
