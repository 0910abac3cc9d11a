//! `claimmap review`: the checklist of open review work.

use super::run;

#[test]
fn the_checklist_lists_every_kind_of_open_item() {
    let r = run(&["review", "tests/fixtures/review-checklist"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("review_checklist", r.stdout);
    let out = &r.stdout;
    // engineer: reviewed by ana, who answered two of its five questions.
    let engineer = section(out, "engineer");
    assert!(!engineer.contains("Review this claim"), "{engineer}");
    assert!(engineer.contains("`said-it`") && !engineer.contains("`expertise`"));
    assert!(section(out, "fewer-crashes").contains("from one source: `study`"));
    assert!(section(out, "unsourced").contains("Find a source"));
    assert!(section(out, "crashes-study").contains("Check the quote by hand"));
    assert!(section(out, "shops").contains("Nobody has answered this objection"));
}

#[test]
fn with_a_reviewer_only_their_own_work_is_listed() {
    let r = run(&[
        "review",
        "tests/fixtures/review-checklist",
        "--reviewer",
        "ana",
    ]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("# Review checklist for ana"));
    let engineer = section(&r.stdout, "engineer");
    assert!(engineer.contains("`consensus`") && !engineer.contains("`bias`"));
    assert!(
        !r.stdout.contains("Find a source"),
        "source work is not a reviewer's"
    );
    let shops = section(&r.stdout, "shops");
    assert!(shops.contains("- [ ] Review this claim\n"), "{shops}");
}

#[test]
fn hostile_text_is_escaped_and_bengali_follows_lang() {
    let r = run(&["review", "tests/fixtures/hostile-text"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("<script"), "{}", r.stdout);
    let bn = run(&["review", "claims"]);
    assert!(bn.stdout.starts_with("# পর্যালোচনার তালিকা"), "{}", bn.stdout);
}

/// The lines of the checklist section of claim `id`.
fn section<'a>(out: &'a str, id: &str) -> &'a str {
    let head = format!("### `{id}` ");
    let start = out
        .find(&head)
        .unwrap_or_else(|| panic!("no section {id} in\n{out}"));
    let rest = &out[start + head.len()..];
    let end = rest.find("\n### ").map_or(rest.len(), |e| e + 1);
    &rest[..end]
}
