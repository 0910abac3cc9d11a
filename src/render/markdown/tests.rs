//! Tests of the whole renderer: the report snapshots, hostile input, template overrides and
//! template errors. The escaping functions are tested beside them in `escape.rs`.

use super::Markdown;
use crate::diagnostics::Diagnostic;
use crate::error::{Error, Result};
use crate::load::yaml::Pos;
use crate::model::{Claim, Debate, Kind, Origin, QuoteStatus, Source, Text};
use crate::render::{RenderContext, Renderer};
use std::path::Path;

fn text(en: &str, bn: Option<&str>) -> Text {
    let mut t = Text::single("en", en);
    if let Some(bn) = bn {
        t.insert("bn", bn);
    }
    t
}

struct C<'a> {
    id: &'a str,
    kind: Kind,
    en: &'a str,
    bn: Option<&'a str>,
    supports: &'a [&'a str],
    opposes: &'a [&'a str],
    with: &'a [&'a str],
    undercuts: &'a [&'a str],
}

impl Default for C<'_> {
    fn default() -> Self {
        C {
            id: "",
            kind: Kind::Claim,
            en: "",
            bn: None,
            supports: &[],
            opposes: &[],
            with: &[],
            undercuts: &[],
        }
    }
}

fn claim(c: C<'_>, line: usize) -> Claim {
    let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
    Claim {
        supports: ids(c.supports),
        opposes: ids(c.opposes),
        undercuts: ids(c.undercuts),
        with: ids(c.with),
        origin: Origin {
            file: format!("claims/{}.yaml", c.id).into(),
            line,
            column: 3,
        },
        ..Claim::new(c.id, c.kind, text(c.en, c.bn))
    }
}

fn source(id: &str, title: Text, path: Option<&str>, url: Option<&str>) -> Source {
    Source {
        author: None,
        date: None,
        note: None,
        id: id.into(),
        title,
        path: path.map(Into::into),
        url: url.map(Into::into),
        origin: Origin {
            file: "claimmap.yaml".into(),
            line: 5,
            column: 5,
        },
    }
}

/// A small debate with every relation the report shows: a linked reason, evidence
/// (verified and unverifiable), an objection with a rebuttal, an undercut, a claim met
/// twice, a claim only in English, a part not connected to the thesis, and a second thesis
/// with no reasons yet.
fn sample() -> Debate {
    let mut thesis = claim(
        C {
            id: "ban-cars",
            kind: Kind::Thesis,
            en: "Cities should ban cars from their centres.",
            bn: Some("শহরের কেন্দ্র থেকে গাড়ি নিষিদ্ধ করা উচিত।"),
            ..C::default()
        },
        1,
    );
    thesis.author = Some("Alice".into());
    thesis.tags = vec!["policy".into()];
    thesis.note = Some("The motion of the debate.".into());
    let air = claim(
        C {
            id: "air",
            en: "Air quality would improve.",
            bn: Some("বাতাসের মান ভালো হবে।"),
            supports: &["ban-cars"],
            with: &["health"],
            ..C::default()
        },
        3,
    );
    let mut health = claim(
        C {
            id: "health",
            en: "Cleaner air saves lives.",
            bn: Some("পরিষ্কার বাতাস প্রাণ বাঁচায়।"),
            supports: &["ban-cars"],
            with: &["air"],
            ..C::default()
        },
        9,
    );
    health.scheme = Some("cause-to-effect".into());
    let mut ev_air = claim(
        C {
            id: "ev-air",
            kind: Kind::Evidence,
            en: "Nitrogen dioxide fell by 40% where cars were banned.",
            bn: Some("যেখানে গাড়ি নিষিদ্ধ হয়েছে সেখানে নাইট্রোজেন ডাই-অক্সাইড ৪০% কমেছে।"),
            supports: &["air", "health"],
            ..C::default()
        },
        4,
    );
    ev_air.source = Some("air-report".into());
    ev_air.locator = Some("p. 12".into());
    ev_air.quote = Some("NO2 levels fell by 40% in the car-free zone.".into());
    ev_air.quote_status = QuoteStatus::Verified { line: 40 };
    let mut shops = claim(
        C {
            id: "shops",
            en: "Shops in the centre would lose customers.",
            opposes: &["ban-cars"],
            ..C::default()
        },
        2,
    );
    shops.author = Some("Shopkeepers' guild".into());
    shops.confidence = Some(0.6);
    let footfall = claim(
        C {
            id: "footfall",
            en: "Pedestrian zones increase footfall.",
            bn: Some("পথচারী এলাকায় লোকসমাগম বাড়ে।"),
            opposes: &["shops"],
            ..C::default()
        },
        2,
    );
    let mut ev_survey = claim(
        C {
            id: "ev-survey",
            kind: Kind::Evidence,
            en: "A survey found more visitors after pedestrianisation.",
            bn: Some("এক জরিপে দেখা গেছে, পথচারী এলাকা হওয়ার পর দর্শনার্থী বেড়েছে।"),
            supports: &["footfall"],
            ..C::default()
        },
        8,
    );
    ev_survey.source = Some("survey".into());
    ev_survey.quote = Some("Visitor numbers rose by a fifth.".into());
    ev_survey.quote_status = QuoteStatus::Unverifiable;
    let engines = claim(
        C {
            id: "newer-engines",
            en: "Air improved anyway because engines got cleaner.",
            bn: Some("ইঞ্জিন পরিষ্কার হওয়ায় বাতাস এমনিতেই ভালো হয়েছে।"),
            undercuts: &["air"],
            ..C::default()
        },
        1,
    );
    let bikes = claim(
        C {
            id: "bikes",
            en: "Cycling is fun.",
            bn: Some("সাইকেল চালানো আনন্দের।"),
            ..C::default()
        },
        1,
    );
    let wind = claim(
        C {
            id: "wind",
            en: "You feel the wind.",
            supports: &["bikes"],
            ..C::default()
        },
        4,
    );
    let lanes = claim(
        C {
            id: "bike-lanes",
            kind: Kind::Thesis,
            en: "Cities should build more bike lanes.",
            bn: Some("শহরে আরও সাইকেল লেন তৈরি করা উচিত।"),
            ..C::default()
        },
        1,
    );
    Debate::new(
        text(
            "Should cities ban cars?",
            Some("শহরে কি গাড়ি নিষিদ্ধ হওয়া উচিত?"),
        ),
        vec!["en".into(), "bn".into()],
        vec![
            source(
                "air-report",
                text("City Air Report 2023", Some("নগর বায়ু প্রতিবেদন ২০২৩")),
                Some("sources/air-report.txt"),
                None,
            ),
            source(
                "survey",
                text("Footfall survey", None),
                None,
                Some("https://example.org/survey(2024).pdf"),
            ),
        ],
        vec![
            thesis, air, health, ev_air, shops, footfall, ev_survey, engines, bikes, wind, lanes,
        ],
    )
}

fn warnings() -> Vec<Diagnostic> {
    let pos = Pos {
        line: 1,
        column: 3,
        offset: 0,
        len: 1,
    };
    vec![
        Diagnostic::warning(
            "dangling-claim",
            "claim `bikes` is not connected to any thesis",
        )
        .at("claims/bikes.yaml", pos)
        .help("add `supports:` or `opposes:`"),
        Diagnostic::warning(
            "unverifiable-quote",
            "quote from `survey` cannot be verified",
        )
        .at("claims/ev-survey.yaml", pos),
    ]
}

fn render_with(debate: &Debate, warnings: &[Diagnostic], lang: &str) -> String {
    let mut ctx = RenderContext::new(debate);
    ctx.lang = lang.to_string();
    ctx.warnings = warnings.iter().collect();
    ctx.map_image = Some("map.svg".into());
    let bytes = Markdown { templates: None }.render(&ctx).unwrap();
    String::from_utf8(bytes).unwrap()
}

fn render_override(debate: &Debate, dir: &Path) -> Result<String> {
    let ctx = RenderContext::new(debate);
    let bytes = Markdown {
        templates: Some(dir.to_path_buf()),
    }
    .render(&ctx)?;
    Ok(String::from_utf8(bytes).unwrap())
}

#[test]
fn report_in_english() {
    let d = sample();
    insta::assert_snapshot!(render_with(&d, &warnings(), "en"));
}

#[test]
fn report_in_bengali() {
    let d = sample();
    insta::assert_snapshot!(render_with(&d, &warnings(), "bn"));
}

const HOSTILE: &str = "# Not a heading | pipe <script>alert(1)</script> *bold* _x_ \
                       `tick` [link](javascript:x) back\\slash\nnext line ক্ষ্ম শ্রী";

fn hostile_debate() -> Debate {
    let mut t = claim(
        C {
            id: "t",
            kind: Kind::Thesis,
            en: HOSTILE,
            ..C::default()
        },
        1,
    );
    t.author = Some("<b>Mallory</b>".into());
    t.tags = vec!["<script>x</script>".into(), "*t*".into()];
    t.note = Some(HOSTILE.into());
    let mut e = claim(
        C {
            id: "e",
            kind: Kind::Evidence,
            en: "- starts like a list",
            supports: &["t"],
            ..C::default()
        },
        2,
    );
    e.source = Some("s".into());
    e.locator = Some("p. <1> | 2".into());
    e.quote = Some(HOSTILE.into());
    e.quote_status = QuoteStatus::NotFound;
    Debate::new(
        Text::single("en", HOSTILE),
        vec!["en".into()],
        vec![source(
            "s",
            Text::single("en", HOSTILE),
            None,
            Some("javascript:alert(1)"),
        )],
        vec![t, e],
    )
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let d = hostile_debate();
    let w = vec![Diagnostic::warning("w", HOSTILE).in_file("a|b.yaml")];
    let out = render_with(&d, &w, "en");
    assert!(!out.contains("<script>"), "raw script tag in:\n{out}");
    assert!(!out.contains("<b>"), "raw HTML in:\n{out}");
    let unescaped = out.replace(r"\]", "");
    assert!(
        !unescaped.contains("](javascript:"),
        "javascript link in:\n{out}"
    );
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(out.contains(r"\*bold\* \_x\_ \`tick\` \[link\](javascript:x) back\\slash next line"));
    assert!(
        out.contains("# \\# Not a heading \\| pipe"),
        "title:\n{out}"
    );
    assert!(out.contains("ক্ষ্ম শ্রী"));
    assert!(out.contains(r"\- starts like a list"));
    assert!(out.contains("p. &lt;1&gt; \\| 2"));
    assert!(out.contains("javascript%3Aalert%281%29"));
    // Table rows keep their column count: every `|` inside a cell is escaped.
    for row in out
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains("Not a heading"))
    {
        let cells = row.replace(r"\|", "").matches('|').count();
        assert!(cells == 4 || cells == 6, "row split by a pipe: {row}");
    }
}

#[test]
fn override_replaces_templates_file_by_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("report")).unwrap();
    std::fs::write(
        dir.path().join("report/sources.md.j2"),
        "## My sources\n{% for s in sources %}* {{ s.id|md }}\n{% endfor %}",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "{{ ignored").unwrap();
    let out = render_override(&sample(), dir.path()).unwrap();
    assert!(
        out.contains("## My sources\n* air-report\n* survey\n"),
        "{out}"
    );
    assert!(
        out.contains("Cities should ban cars from their centres."),
        "{out}"
    );
    assert!(!out.contains("| Source |"), "{out}");
}

#[test]
fn undefined_variable_names_template_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("report.md.j2"),
        "# {{ title }}\n\n{{ nope }}\n",
    )
    .unwrap();
    let err = render_override(&sample(), dir.path()).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, Error::Template { .. }), "{msg}");
    assert!(msg.contains("`report.md.j2`"), "{msg}");
    assert!(msg.contains("line 3"), "{msg}");
    assert!(msg.contains("nope"), "{msg}");
    assert!(msg.contains(&dir.path().display().to_string()), "{msg}");
}

#[test]
fn error_in_a_partial_names_the_partial_and_the_includer() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("report")).unwrap();
    std::fs::write(
        dir.path().join("report/claim.md.j2"),
        "- {{ c.text|md }}\n  {{ c.colour }}\n",
    )
    .unwrap();
    let msg = render_override(&sample(), dir.path())
        .unwrap_err()
        .to_string();
    assert!(msg.contains("`report/claim.md.j2`"), "{msg}");
    assert!(msg.contains("line 2"), "{msg}");
    assert!(msg.contains("c.colour"), "{msg}");
    assert!(
        msg.contains("included from `report.md.j2` (built-in) line"),
        "{msg}"
    );
}

#[test]
fn unknown_label_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("report.md.j2"), "{{ t.nonsense }}").unwrap();
    let msg = render_override(&sample(), dir.path())
        .unwrap_err()
        .to_string();
    assert!(msg.contains("t.nonsense"), "{msg}");
}

#[test]
fn long_chains_stay_linear_in_size() {
    const N: usize = 2000;
    let ids: Vec<String> = (0..N).map(|i| format!("c{i}")).collect();
    let texts: Vec<String> = (0..N).map(|i| format!("claim number {i}")).collect();
    let mut claims = vec![claim(
        C {
            id: &ids[0],
            kind: Kind::Thesis,
            en: &texts[0],
            ..C::default()
        },
        1,
    )];
    for i in 1..N {
        claims.push(claim(
            C {
                id: &ids[i],
                en: &texts[i],
                supports: &[ids[i - 1].as_str()],
                ..C::default()
            },
            1,
        ));
    }
    let d = Debate::new(text("Chain", None), vec!["en".into()], vec![], claims);
    let out = render_with(&d, &[], "en");
    assert!(out.len() < 2_000_000, "{} bytes", out.len());
    assert!(out.contains("claim number 1999"));
    let max_pad = "  ".repeat(super::view::MAX_LIST_DEPTH);
    assert!(
        !out.contains(&format!("\n{max_pad}  - ")),
        "nested too deep"
    );
    // The deepest claim sits at the deepest indentation and says how deep it really is.
    let last = out
        .lines()
        .find(|l| l.contains("claim number 1999"))
        .unwrap();
    assert!(
        last.starts_with(&format!("{max_pad}- <sub>↳ level 1999</sub> **+** ")),
        "{last}"
    );
    // Shallow claims are nested as usual, without a level.
    let second = out.lines().find(|l| l.ends_with("claim number 2")).unwrap();
    assert!(second.starts_with("  - **+** "), "{second}");
}

#[test]
fn control_and_bidi_characters_do_not_reach_the_report() {
    let mut d = hostile_debate();
    d.claims[0].text = text("title \u{1b}]0;pwned\u{7} and \u{202e}reversed", None);
    let out = render_with(&d, &[], "en");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{202e}'));
    assert!(
        out.contains("title \u{fffd}\\]0;pwned\u{fffd} and \u{fffd}reversed"),
        "{out}"
    );
}

fn render_evaluated(debate: &Debate, lang: &str) -> String {
    let ev = crate::evaluate::evaluate(debate, &crate::evaluate::Options::default());
    let mut ctx = RenderContext::new(debate);
    ctx.lang = lang.to_string();
    ctx.evaluation = Some(&ev);
    let bytes = Markdown { templates: None }.render(&ctx).unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn evaluated_report_opens_with_the_verdict() {
    let d = sample();
    let en = render_evaluated(&d, "en");
    insta::assert_snapshot!("evaluated_report_en", en);
    let first = en
        .lines()
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap();
    assert!(
        first.starts_with("**Verdict:** under the preponderance of evidence standard"),
        "{first}"
    );
    assert!(en.contains("### Claims by strength"));
    assert!(en.contains("### Claims that are out, and why"));
    let bn = render_evaluated(&d, "bn");
    insta::assert_snapshot!("evaluated_report_bn", bn);
    assert!(bn.contains("**রায়:**"));
    // Without evaluation the report is exactly the plain one.
    assert!(!render_with(&d, &[], "en").contains("Verdict"));
}

#[test]
fn evaluated_report_escapes_hostile_text_and_keeps_table_columns() {
    let out = render_evaluated(&hostile_debate(), "en");
    assert!(!out.contains("<script>"), "raw script tag in:\n{out}");
    let unescaped = out.replace(r"\]", "");
    assert!(!unescaped.contains("](javascript:"), "{out}");
    let rows = |heading: &str| -> Vec<&str> {
        out.lines()
            .skip_while(|l| !l.starts_with(heading))
            .skip(1)
            .take_while(|l| !l.starts_with("#"))
            .filter(|l| l.starts_with('|'))
            .collect()
    };
    for (heading, pipes) in [
        ("### Claims by strength", 6),
        ("## <a id=\"section-contributions\">", 8),
    ] {
        let table = rows(heading);
        assert!(table.len() > 2, "{heading}: {out}");
        for row in &table {
            let cells = row.replace(r"\|", "").matches('|').count();
            assert_eq!(cells, pipes, "row split by a pipe: {row}");
        }
    }
    // The verdict sentence embeds the thesis text: escaped, on one line.
    let verdict = out.lines().find(|l| l.starts_with("**Verdict:**")).unwrap();
    assert!(
        !verdict.contains("<script>") && verdict.ends_with('.'),
        "{verdict}"
    );
}

/// The evaluated report of the small debate with every shape evaluation knows: a linked
/// reason, an undercut that defeats evidence, a rebutted objection and a mutual attack.
#[test]
fn contest_report_lists_strengths_impacts_out_and_undecided_claims() {
    let d = crate::render::dot::tests::contest();
    let out = render_evaluated(&d, "en");
    insta::assert_snapshot!("contest_report_en", out);
    let first = out
        .lines()
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap();
    assert!(
        first.starts_with(
            "**Verdict:** under the preponderance of evidence standard (α 0.40, β 0.30, γ 0.20; "
        ),
        "{first}"
    );
    assert!(first.contains("the thesis [“School should start an hour later.”](#claim-later)"));
    // Claims by strength: strongest first, each linked, numbers with two decimals.
    let rows: Vec<&str> = out
        .lines()
        .skip_while(|l| *l != "### Claims by strength")
        .filter(|l| l.starts_with("| [`"))
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert_eq!(rows.len(), d.claims.len(), "{out}");
    let strengths: Vec<f64> = rows
        .iter()
        .map(|r| r.split(" | ").nth(1).unwrap().parse().unwrap())
        .collect();
    assert!(strengths.windows(2).all(|w| w[0] >= w[1]), "{strengths:?}");
    for r in &rows {
        let cells: Vec<&str> = r.split(" | ").collect();
        assert!(
            cells[0].starts_with("| [`") && cells[0].contains("](#claim-"),
            "{r}"
        );
        assert_eq!(cells[1].len(), 4, "two decimals: {r}");
    }
    // What the thesis rests on, both ways.
    assert!(
        out.contains("- [`later`](#claim-later) rests most on: [`"),
        "{out}"
    );
    assert!(out.contains("- [`later`](#claim-later) is pulled down most by: [`costly`]"));
    // Out claims name the `in` attacker that defeats them, linked.
    assert!(out.contains(
        "- [`buses`](#claim-buses) (strength 0.05): The buses cannot run later. — defeated by [`bus-contract`](#claim-bus-contract)"
    ), "{out}");
    assert!(out.contains(" — its link is undercut by [`small-sample`](#claim-small-sample)"));
    // The mutual attack is undecided, each side attacked by the other.
    assert!(out.contains("### Undecided claims"));
    assert!(out.contains("- [`cheap`](#claim-cheap) (strength 0.33): A later start costs nothing. — attacked by [`costly`](#claim-costly)"), "{out}");
}

#[test]
fn contest_report_in_bengali_ends_sentences_with_a_dari() {
    let d = crate::render::dot::tests::contest();
    let out = render_evaluated(&d, "bn");
    let verdict = out.lines().find(|l| l.starts_with("**রায়:**")).unwrap();
    assert!(verdict.contains("প্রমাণের প্রাধান্য মানদণ্ডে (α 0.40"), "{verdict}");
    assert!(verdict.ends_with('।'), "{verdict}");
    assert!(out.contains("সবচেয়ে বেশি নির্ভর করে: [`"));
    assert!(out.contains("### অনির্ধারিত দাবি"));
    // A regional variant of Bengali gets the Bengali sentence too, not the English one.
    let regional = render_evaluated(&d, "bn-BD");
    assert!(regional.contains("**রায়:**") && !regional.contains("**Verdict:**"));
}

#[test]
fn unsettled_strengths_say_so_instead_of_a_number() {
    let d = crate::render::dot::tests::contest();
    let mut ev = crate::evaluate::evaluate(&d, &crate::evaluate::Options::default());
    let cheap = d.index_of("cheap").unwrap();
    ev.claims[cheap].strength = None;
    let mut ctx = RenderContext::new(&d);
    ctx.evaluation = Some(&ev);
    let out = String::from_utf8(Markdown { templates: None }.render(&ctx).unwrap()).unwrap();
    let row = out.lines().find(|l| l.starts_with("| [`cheap`]")).unwrap();
    assert!(row.contains("| did not settle |"), "{row}");
    // Unsettled claims sort last.
    let last = out.lines().rfind(|l| l.starts_with("| [`")).unwrap();
    assert_eq!(last, row);
    assert!(out.contains("(strength did not settle)"), "{out}");
}

/// Every link and image destination a CommonMark renderer (pulldown-cmark, which decodes
/// entity references as the spec says) finds in `markdown`.
fn rendered_destinations(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    Parser::new(markdown)
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

/// The scheme a browser's URL parser (WHATWG) finds in a destination: tabs and newlines
/// removed, leading and trailing controls and spaces trimmed, then ASCII letters, digits,
/// `+`, `-`, `.` up to a `:`.
fn browser_scheme(dest: &str) -> Option<String> {
    let cleaned: String = dest
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let end = cleaned.find(':')?;
    let scheme = &cleaned[..end];
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

#[test]
fn encoded_script_links_stay_dead_after_a_commonmark_renderer() {
    let hostile = [
        "javascript&colon;alert(1)",
        "javascript&#58;alert(1)",
        "javascript&#x3a;alert(2)",
        "jav&Tab;ascript:alert(3)",
        "javascript%3Aalert(4)",
        " JavaScript:alert(5)",
        "data:text/html,<script>alert(6)</script>",
    ];
    let sources = hostile
        .iter()
        .enumerate()
        .map(|(i, url)| {
            source(
                &format!("s{i}"),
                Text::single("en", "A source"),
                None,
                Some(url),
            )
        })
        .collect();
    let ids: Vec<String> = (0..hostile.len()).map(|i| format!("e{i}")).collect();
    let mut claims = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let mut e = claim(
            C {
                id,
                kind: Kind::Evidence,
                en: "Evidence.",
                ..C::default()
            },
            i + 1,
        );
        e.source = Some(format!("s{i}"));
        claims.push(e);
    }
    let debate = Debate::new(Text::single("en", "T"), vec!["en".into()], sources, claims);
    for image in hostile {
        let mut ctx = RenderContext::new(&debate);
        ctx.map_image = Some(image.into());
        let out = String::from_utf8(Markdown { templates: None }.render(&ctx).unwrap()).unwrap();
        let dests = rendered_destinations(&out);
        assert!(dests.len() >= hostile.len(), "{dests:?}\n{out}");
        for d in dests {
            let scheme = browser_scheme(&d);
            assert!(
                matches!(scheme.as_deref(), None | Some("http" | "https" | "mailto")),
                "a browser would follow {d:?} as {scheme:?}:\n{out}"
            );
        }
    }
}
