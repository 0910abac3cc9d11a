//! `claimmap html`: the interactive page, checked as text here (tests/browser.rs runs it in
//! Chromium).

use super::{claimmap, have_dot, run};

#[test]
fn the_demo_page_is_self_contained() {
    let out = tempfile::tempdir().unwrap();
    let page = out.path().join("map.html");
    let r = run(&["html", "claims", "-o", page.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains("default-src 'none'"),
        "a policy forbids every fetch"
    );
    for fetch in ["<link", "src=\"http", "src='http", "@import", "url(http"] {
        assert!(!html.contains(fetch), "the page must not load `{fetch}`");
    }
    // Every claim is in the data, and the other language's map waits in a template.
    for id in ["force-was-necessary", "ev-militia", "slave-trade-act-1807"] {
        assert!(html.contains(&format!("\"id\":\"{id}\"")), "{id} missing");
    }
    assert!(html.contains("<template id=\"map-en\">"));
    assert!(html.contains("<html lang=\"bn\">"));
    if have_dot() {
        // Graphviz writes `-` in ids as `&#45;`; the browser reads both the same.
        assert!(html.contains("id=\"claim&#45;force&#45;was&#45;necessary\""));
        assert!(
            !html.contains("xlink:href"),
            "claims must not navigate away"
        );
    }
}

#[test]
fn the_page_goes_to_standard_output_and_follows_lang() {
    let r = run(&["html", "claims", "--lang", "en", "--no-eval"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("<html lang=\"en\">"));
    assert!(
        r.stdout
            .contains("<title>Did the November Revolution need force?</title>")
    );
    assert!(r.stdout.contains("<template id=\"map-bn\">"));
    assert!(
        !r.stdout.contains("\"eval\":"),
        "--no-eval leaves the numbers out"
    );
}

#[test]
fn hostile_texts_are_escaped_everywhere() {
    let r = run(&["html", "tests/fixtures/html-hostile"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = &r.stdout;
    assert_eq!(
        html.matches("<script").count(),
        2,
        "only the data and the page script"
    );
    assert!(!html.contains("<img"), "no injected element");
    assert!(!html.contains("onerror=\""), "no live handler");
    assert!(
        !html.contains("\"url\":\"javascript"),
        "the javascript: URL is dropped"
    );
    assert!(
        html.contains("javascript:window.pwned = 'locator'"),
        "a locator is kept as text"
    );
    assert!(html.contains("<title>Hostile &lt;&#x2f;title&gt;&lt;script&gt;"));
}

#[test]
fn without_graphviz_the_built_in_layout_gets_clickable_claims() {
    let empty = tempfile::tempdir().unwrap();
    let out = claimmap()
        .args(["html", "claims"])
        .env("PATH", empty.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("built-in layout"), "{stderr}");
    assert!(html.contains("<g class=\"claimmap-overlay\">"));
    // One clickable area per claim in each language's map.
    assert_eq!(html.matches("<g id=\"claim-").count(), 2 * 43);
}

#[test]
fn the_page_never_overwrites_a_claim_file() {
    let r = run(&["html", "claims", "-o", "claims/thesis.yaml"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("refusing to write over"), "{}", r.stderr);
}

#[test]
fn a_broken_page_template_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("map.html.j2"),
        "<p>\n{{ nothing.here }}</p>\n",
    )
    .unwrap();
    let r = run(&[
        "html",
        "claims",
        "--templates",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("`map.html.j2`"), "{}", r.stderr);
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);
}

#[test]
fn build_writes_the_page_beside_the_map() {
    let out = tempfile::tempdir().unwrap();
    let r = run(&["build", "claims", "-o", out.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("map.html"), "{}", r.stderr);
    let html = std::fs::read_to_string(out.path().join("map.html")).unwrap();
    assert!(html.contains("id=\"claimmap-data\""));
}
