//! `export --format graphml`: well-formed XML with every claim and relation, for yEd/Gephi.

use super::run;

#[test]
fn graphml_snapshot_and_structure() {
    let r = run(&["export", "tests/fixtures/iccma", "--format", "graphml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("graphml_iccma", r.stdout);
    let doc = roxmltree::Document::parse(&r.stdout).expect("well-formed XML");
    let count = |tag: &str| doc.descendants().filter(|n| n.has_tag_name(tag)).count();
    assert!(count("node") > 0 && count("edge") > 0);
}

#[test]
fn hostile_and_bengali_text_stay_well_formed() {
    for dir in ["tests/fixtures/hostile-text", "claims"] {
        let r = run(&["export", dir, "--format", "graphml"]);
        assert_eq!(r.code, 0, "{dir}: {}", r.stderr);
        let doc = roxmltree::Document::parse(&r.stdout).unwrap_or_else(|e| panic!("{dir}: {e}"));
        let texts: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("data") && n.attribute("key") == Some("text"))
            .filter_map(|n| n.text())
            .collect();
        assert!(!texts.is_empty());
        if dir == "claims" {
            assert!(texts.iter().any(|t| t.contains("বলপ্রয়োগ")));
            let nodes = doc.descendants().filter(|n| n.has_tag_name("node")).count();
            assert_eq!(nodes, 43);
        } else {
            assert!(
                texts.iter().any(|t| t.contains("<script>")),
                "escaped, then parsed back: {texts:?}"
            );
        }
    }
}
