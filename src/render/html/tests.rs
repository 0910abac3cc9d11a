use super::*;
use crate::evaluate::{Options, evaluate};
use crate::model::Debate;
use crate::render::dot::tests::{contest, hostile, small};

/// The page with a stand-in map per language, so the output does not depend on Graphviz.
fn page(d: &Debate, evaluated: bool) -> String {
    let ev = evaluate(d, &Options::default());
    let mut ctx = RenderContext::new(d);
    if evaluated {
        ctx.evaluation = Some(&ev);
    }
    let maps = d
        .languages
        .iter()
        .map(|l| MapView {
            code: l.clone(),
            name: language_name(l),
            svg: format!("<svg viewBox=\"0 0 10 10\"><g id=\"claim-x\" class=\"node\"><text>{l}</text></g></svg>"),
        })
        .collect();
    Html {
        templates: None,
        timeout: None,
    }
    .render_page(&ctx, maps)
    .unwrap()
}

/// The text between `open` and the next `</script>`.
fn between<'a>(html: &'a str, open: &str) -> &'a str {
    let start = html.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
    let end = html[start..].find("</script>").unwrap() + start;
    &html[start..end]
}

#[test]
fn the_policy_allows_exactly_the_page_script() {
    let html = page(&small(), true);
    let script = between(&html, "<script>");
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script));
    assert!(
        html.contains(&format!("script-src 'sha256-{hash}'")),
        "the policy must name the hash of the script as embedded"
    );
    assert!(html.contains("default-src 'none'"));
    assert_eq!(
        html.matches("<script").count(),
        2,
        "the data and the script only"
    );
}

#[test]
fn hostile_texts_stay_inside_their_elements() {
    let d = hostile();
    let html = page(&d, true);
    let json = between(
        &html,
        "<script type=\"application/json\" id=\"claimmap-data\">",
    );
    assert!(!json.contains('<'), "no markup can start inside the data");
    let data: serde_json::Value = serde_json::from_str(json).unwrap();
    for (i, c) in d.claims.iter().enumerate() {
        assert_eq!(data["claims"][i]["id"], c.id.as_str());
        assert_eq!(data["claims"][i]["text"]["en"], c.text.get("en", &[]));
    }
    // The javascript: source is not offered as a link.
    let ev = data["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "ev")
        .unwrap();
    assert!(ev["evidence"].get("url").is_none(), "{ev}");
    // The title is escaped in <title> and <h1>.
    assert!(!html.contains("<script>alert"), "{}", &html[..600]);
    assert!(
        html.contains("<title>&quot;; node [shape=box] } digraph x { \\N \\G \\\\ &lt;script&gt;"),
        "{}",
        &html[..900]
    );
}

#[test]
fn the_page_has_one_map_shown_and_the_others_kept_for_the_switch() {
    let mut d = small();
    d.languages = vec!["en".into(), "bn".into()];
    let html = page(&d, false);
    assert_eq!(html.matches("<template id=\"map-bn\">").count(), 1);
    assert!(!html.contains("<template id=\"map-en\">"));
    let shown = html.find("<section id=\"map\"").unwrap();
    assert!(
        html[shown..].find("<text>en</text>").unwrap() < html[shown..].find("<template").unwrap()
    );
    assert!(html.contains("data-lang=\"bn\" lang=\"bn\" aria-pressed=\"false\">বাংলা</button>"));
    assert!(html.contains("data-lang=\"en\" lang=\"en\" aria-pressed=\"true\">English</button>"));
    // Without evaluation the legend leaves out the evaluation's rows.
    assert!(!html.contains("data-t=\"legend.strength\""));
}

#[test]
fn page_data_snapshot() {
    let d = contest();
    let ev = evaluate(&d, &Options::default());
    let mut ctx = RenderContext::new(&d);
    ctx.evaluation = Some(&ev);
    let mut value = serde_json::to_value(data::page_data(&ctx)).unwrap();
    // The words have their own test; keep the snapshot about the debate.
    value["ui"] = serde_json::Value::Null;
    insta::assert_snapshot!(serde_json::to_string_pretty(&value).unwrap());
}

#[test]
fn script_json_escapes_what_could_end_the_element() {
    let mut d = small();
    d.claims[0].text = crate::model::Text::single("en", "</script><!-- & \u{2028}");
    let ctx = RenderContext::new(&d);
    let json = data::script_json(&data::page_data(&ctx));
    assert!(
        json.contains(r"\u003c/script\u003e\u003c!-- \u0026 \u2028"),
        "{json}"
    );
    let back: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(back["claims"][0]["text"]["en"], "</script><!-- & \u{2028}");
}

#[test]
fn user_templates_replace_the_page() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("map.html.j2"),
        "<p>{{ title }} {{ claims }}</p><script>{{ script|safe }}</script>",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("map")).unwrap();
    std::fs::write(dir.path().join("map/script.js.j2"), "let x = 1;").unwrap();
    let d = small();
    let ctx = RenderContext::new(&d);
    let html = Html {
        templates: Some(dir.path().to_path_buf()),
        timeout: None,
    }
    .render_page(&ctx, Vec::new())
    .unwrap();
    assert_eq!(
        html,
        "<p>Should the town build a bike lane? 8</p><script>let x = 1;</script>"
    );
}

#[test]
fn language_names_are_in_their_own_language() {
    assert_eq!(language_name("bn"), "বাংলা");
    assert_eq!(language_name("bn-BD"), "বাংলা");
    assert_eq!(language_name("xx"), "xx");
}
