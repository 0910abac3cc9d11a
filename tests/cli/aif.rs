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
