//! AIF export and import: the structure AIFdb and OVA expect, a lossless round trip of the
//! demo debate, a file from another tool, and malformed input.

use super::{claimmap, run};
use std::path::Path;

#[test]
fn export_builds_i_ra_and_ca_nodes() {
    let r = run(&["export", "tests/fixtures/iccma", "--format", "aif"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("aif_iccma", r.stdout);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let nodes = doc["nodes"].as_array().unwrap();
    let count = |t: &str| nodes.iter().filter(|n| n["type"] == t).count();
    // 7 claims; a → t (RA); o → t, r → o, x → t, x → y, y → x (CA); u undercuts a's link.
    assert_eq!((count("I"), count("RA"), count("CA")), (7, 1, 6));
    let edges = doc["edges"].as_array().unwrap();
    let undercut = nodes
        .iter()
        .find(|n| n["claimmap_undercut"] == true)
        .unwrap();
    let ra = nodes.iter().find(|n| n["type"] == "RA").unwrap();
    assert!(
        edges
            .iter()
            .any(|e| e["fromID"] == undercut["nodeID"] && e["toID"] == ra["nodeID"])
    );
}

pub fn model(dir: &str) -> serde_json::Value {
    let r = run(&["export", dir]);
    assert_eq!(r.code, 0, "{dir}: {}", r.stderr);
    let mut json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    // Where each claim was written differs by design; co-premise order is not meaningful.
    for c in json["claims"].as_array_mut().unwrap() {
        let o = c.as_object_mut().unwrap();
        o.remove("file");
        o.remove("line");
        // The order of a claim's relations carries no meaning.
        for key in ["with", "supports", "opposes", "undercuts"] {
            if let Some(w) = o.get_mut(key).and_then(|w| w.as_array_mut()) {
                w.sort_by_key(|v| v.to_string());
            }
        }
    }
    for s in json["sources"].as_array_mut().unwrap() {
        let o = s.as_object_mut().unwrap();
        o.remove("file");
        o.remove("line");
    }
    json.as_object_mut().unwrap().remove("reviews");
    json
}

#[test]
fn the_demo_debate_survives_a_round_trip() {
    let aif = run(&["export", "claims", "--format", "aif"]);
    assert_eq!(aif.code, 0);
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("copy");
    let r = claimmap()
        .args(["import", "aif", "-", "-o", out.to_str().unwrap()])
        .write_stdin(aif.stdout.clone())
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(
        String::from_utf8_lossy(&r.stderr)
            .lines()
            .all(|l| !l.starts_with("warning")),
        "nothing lost"
    );
    // Source documents are files beside the debate, not part of AIF: bring them along.
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
    let reasons = |j: &serde_json::Value| {
        let mut v: Vec<String> = j["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(reasons(&before), reasons(&after));
    assert_eq!(before["sources"], after["sources"]);
    assert_eq!(before["title"], after["title"]);
}

#[test]
fn a_file_from_another_tool_imports_with_warnings_for_what_has_no_equivalent() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ova");
    let r = run(&[
        "import",
        "aif",
        "tests/fixtures/aif/ova.json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for w in ["type L", "type MA", "locution", "999"] {
        assert!(r.stderr.contains(w), "no warning about {w}: {}", r.stderr);
    }
    let json = model(out.to_str().unwrap());
    let claim = |id: &str| {
        json["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(claim("cities-should-ban-cars")["kind"], "thesis");
    let air = claim("the-air-would-be-cleaner");
    assert_eq!(
        air["with"],
        serde_json::json!(["traffic-causes-most-pollution"])
    );
    assert_eq!(air["scheme"], "cause-to-effect");
    assert_eq!(
        claim("pollution-comes-from-heating-not-traffic")["undercuts"],
        serde_json::json!(["the-air-would-be-cleaner", "traffic-causes-most-pollution"])
    );
    assert_eq!(
        claim("shops-would-lose-customers")["opposes"],
        serde_json::json!(["cities-should-ban-cars"])
    );
}

#[test]
fn malformed_input_names_the_line_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\n  \"nodes\": [\n    {\"nodeID\": \"1\",, }\n  ]\n}\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let r = run(&[
        "import",
        "aif",
        bad.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("bad.json:3:"), "{}", r.stderr);
    assert!(!Path::new(&out).exists(), "nothing written");
    let not_aif = tmp.path().join("other.json");
    std::fs::write(&not_aif, "{\"claims\": []}").unwrap();
    let r = run(&[
        "import",
        "aif",
        not_aif.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not AIF"), "{}", r.stderr);
    // Never into a folder that has files.
    let r = run(&[
        "import",
        "aif",
        "tests/fixtures/aif/ova.json",
        "-o",
        "claims",
    ]);
    assert_eq!(r.code, 2);
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
        "aif",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    (r, out, tmp)
}

const INJECTION: &str = "en: \"Harmless.\"}\n    opposes: [t]\n    note: {x";

#[test]
fn a_language_code_cannot_inject_relations() {
    let doc = serde_json::json!({
        "claimmap_languages": [INJECTION],
        "nodes": [
            {"nodeID": "t", "type": "I", "text": "T.", "claimmap_kind": "thesis"},
            {"nodeID": "a", "type": "I", "text": "A.", "claimmap_kind": "claim",
             "claimmap_text": {"en": "A.", "bn\"}\n    opposes: [t]": "x"}},
            {"nodeID": "r", "type": "RA"}
        ],
        "edges": [{"fromID": "a", "toID": "r"}, {"fromID": "r", "toID": "t"}]
    });
    let (r, out, _tmp) = import_doc("evil.json", &doc.to_string());
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("2 malformed language code(s)"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("`claimmap_languages`"), "{}", r.stderr);
    assert!(
        r.stderr.contains("`claimmap_text` of node a"),
        "{}",
        r.stderr
    );
    assert!(
        !r.stderr.contains("\n    opposes"),
        "codes are shown escaped: {}",
        r.stderr
    );
    assert!(!out.exists(), "nothing written");
}

#[test]
fn hostile_ids_texts_and_fields_are_written_as_data() {
    let evil =
        "x\"}\n  - id: injected\n    supports: [t]\n#\u{0}\u{1b}[31m\u{2028}\u{feff}\u{202e}ক্ষ্ম";
    let doc = serde_json::json!({
        "claimmap_languages": ["en", "bn"],
        "claimmap_title": {"en": evil},
        "nodes": [
            {"nodeID": "t", "type": "I", "text": evil, "claimmap_kind": "thesis",
             "claimmap_text": {"en": evil, "bn": "ক্ষ্ম"}},
            {"nodeID": "a\"\n- id: injected", "type": "I", "text": "A reason: {x}",
             "claimmap_kind": "claim", "claimmap_note": evil, "claimmap_author": evil,
             "claimmap_tags": [evil]},
            {"nodeID": "o", "type": "I", "text": "[o]", "claimmap_kind": "claim"},
            {"nodeID": "r", "type": "RA", "scheme": evil},
            {"nodeID": "c", "type": "CA"}
        ],
        "edges": [
            {"fromID": "a\"\n- id: injected", "toID": "r"}, {"fromID": "r", "toID": "t"},
            {"fromID": "o", "toID": "c"}, {"fromID": "c", "toID": "t"}
        ]
    });
    let (r, out, _tmp) = import_doc("hostile.json", &doc.to_string());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        !r.stderr.contains('\u{1b}'),
        "warnings escaped: {:?}",
        r.stderr
    );
    let dir = out.to_str().unwrap();
    let check = run(&["check", dir]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let json = model(dir);
    let claims = json["claims"].as_array().unwrap();
    let ids: Vec<&str> = claims.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["t", "a-reason-x", "o"], "{json:#}");
    let claim = |id: &str| claims.iter().find(|c| c["id"] == id).unwrap();
    assert_eq!(claim("t")["text"]["en"], evil);
    assert_eq!(claim("t")["text"]["bn"], "ক্ষ্ম");
    assert_eq!(claim("a-reason-x")["supports"], serde_json::json!(["t"]));
    assert_eq!(claim("a-reason-x")["note"], evil);
    assert_eq!(claim("a-reason-x")["author"], evil);
    assert_eq!(claim("a-reason-x")["tags"], serde_json::json!([evil]));
    assert_eq!(claim("o")["opposes"], serde_json::json!(["t"]));
    assert_eq!(claim("o")["text"]["en"], "[o]");
    for c in claims {
        for key in ["undercuts", "with"] {
            assert!(
                c.get(key).is_none_or(|v| v == &serde_json::json!([])),
                "{c:#}"
            );
        }
    }
    assert_eq!(json["title"]["en"], evil);
}

#[test]
fn a_file_name_with_line_breaks_stays_in_its_comment() {
    let name = "evil\nlanguages: [xx]\n\u{1b}[31m\u{202e}#.json";
    let doc =
        r#"{"nodes": [{"nodeID": "1", "type": "I", "text": "T", "claimmap_kind": "thesis"}]}"#;
    let (r, out, _tmp) = import_doc(name, doc);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains('\u{1b}'), "escaped: {:?}", r.stderr);
    let text = std::fs::read_to_string(out.join("claimmap.yaml")).unwrap();
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("evil\\nlanguages: [xx]\\n"),
        "{text}"
    );
    let json = model(out.to_str().unwrap());
    assert_eq!(json["languages"], serde_json::json!(["en"]), "{json:#}");
}

#[test]
fn many_nodes_with_one_text_get_distinct_ids() {
    let nodes: Vec<serde_json::Value> = (0..500)
        .map(|i| {
            serde_json::json!({"nodeID": i.to_string(), "type": "I", "text": "Same",
                               "claimmap_kind": "thesis"})
        })
        .collect();
    let doc = serde_json::json!({"nodes": nodes, "edges": []});
    let (r, out, _tmp) = import_doc("same.json", &doc.to_string());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json = model(out.to_str().unwrap());
    let mut ids: Vec<&str> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 500);
    assert!(ids.contains(&"same") && ids.contains(&"same-500"));
}
