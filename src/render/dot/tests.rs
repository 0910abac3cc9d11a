//! Tests of the DOT backend, and the small debates other map tests share.

use super::*;
use crate::model::{Claim, Origin, Source, Text};
use crate::render::graphviz;

/// A claim for test debates; `text` is English unless `lang` says otherwise.
pub(crate) fn claim(id: &str, kind: Kind, text: &str, rel: &[(&str, &str)]) -> Claim {
    let ids = |key: &str| {
        rel.iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, v)| v.to_string())
            .collect()
    };
    Claim {
        supports: ids("supports"),
        opposes: ids("opposes"),
        undercuts: ids("undercuts"),
        with: ids("with"),
        origin: Origin {
            file: format!("{id}.yaml").into(),
            line: 1,
            column: 1,
        },
        ..Claim::new(id, kind, Text::single("en", text))
    }
}

fn evidence(id: &str, text: &str, supports: &str, quote: &str, verified: bool) -> Claim {
    let mut e = claim(id, Kind::Evidence, text, &[("supports", supports)]);
    e.source = Some("essay".into());
    e.locator = Some("block 1".into());
    e.quote = Some(quote.into());
    e.quote_status = if verified {
        QuoteStatus::Verified { line: 3 }
    } else {
        QuoteStatus::Unverifiable
    };
    e
}

fn source(title: &str, url: Option<&str>) -> Source {
    Source {
        author: None,
        date: None,
        note: None,
        id: "essay".into(),
        title: Text::single("en", title),
        path: None,
        url: url.map(str::to_string),
        origin: Origin::default(),
    }
}

/// Thesis, a linked support (a + b) undercut by u, an objection with a rebuttal,
/// verified evidence and a claim linked to nothing.
pub(crate) fn small() -> Debate {
    Debate::new(
        Text::single("en", "Should the town build a bike lane?"),
        vec!["en".into()],
        vec![source(
            "Traffic study 2023",
            Some("https://example.org/study?a=1&b=2"),
        )],
        vec![
            claim(
                "lane",
                Kind::Thesis,
                "The town should build a bike lane on Main Street.",
                &[],
            ),
            claim(
                "safer",
                Kind::Claim,
                "Cyclists would be safer.",
                &[("supports", "lane"), ("with", "crashes")],
            ),
            claim(
                "crashes",
                Kind::Claim,
                "Most crashes happen on Main Street.",
                &[("supports", "lane"), ("with", "safer")],
            ),
            claim(
                "parking",
                Kind::Claim,
                "Shops would lose parking.",
                &[("opposes", "lane")],
            ),
            claim(
                "garage",
                Kind::Claim,
                "The new garage has room for every car.",
                &[("opposes", "parking")],
            ),
            claim(
                "old-data",
                Kind::Claim,
                "The crash figures are ten years old.",
                &[("undercuts", "crashes")],
            ),
            evidence(
                "ev-study",
                "Two thirds of crashes were on Main Street.",
                "crashes",
                "66% of recorded crashes occurred on Main St.",
                true,
            ),
            claim("aside", Kind::Claim, "Bikes are fun.", &[]),
        ],
    )
}

/// Every shape evaluation draws, in one small debate: a linked reason (`sleep` with
/// `focus`) backed by evidence that an undercut defeats (`ev-study`, `small-sample`), an
/// objection that a rebuttal makes `out` (`buses`, `bus-contract`), and a support caught in
/// a mutual attack (`cheap` and `costly`, both undecided).
pub(crate) fn contest() -> Debate {
    let mut contract = claim(
        "bus-contract",
        Kind::Claim,
        "The new bus contract already covers a later timetable.",
        &[("opposes", "buses")],
    );
    contract.confidence = Some(0.9);
    Debate::new(
        Text::single("en", "Should school start an hour later?"),
        vec!["en".into()],
        vec![source("Sleep study 2021", None)],
        vec![
            claim(
                "later",
                Kind::Thesis,
                "School should start an hour later.",
                &[],
            ),
            claim(
                "sleep",
                Kind::Claim,
                "Teenagers would sleep longer.",
                &[("supports", "later"), ("with", "focus")],
            ),
            claim(
                "focus",
                Kind::Claim,
                "Rested pupils concentrate better.",
                &[("supports", "later"), ("with", "sleep")],
            ),
            evidence(
                "ev-study",
                "Pupils slept 40 minutes more after a later start.",
                "sleep",
                "average sleep rose by 40 minutes",
                true,
            ),
            claim(
                "small-sample",
                Kind::Claim,
                "The study followed only one school.",
                &[("undercuts", "ev-study")],
            ),
            claim(
                "buses",
                Kind::Claim,
                "The buses cannot run later.",
                &[("opposes", "later")],
            ),
            contract,
            claim(
                "cheap",
                Kind::Claim,
                "A later start costs nothing.",
                &[("supports", "later"), ("opposes", "costly")],
            ),
            claim(
                "costly",
                Kind::Claim,
                "Later opening hours cost the school money.",
                &[("opposes", "cheap")],
            ),
        ],
    )
}

const HOSTILE: &str = "\"; node [shape=box] } digraph x { \\N \\G \\\\ <script>alert('x')</script> </svg> ]]> &amp; &bogus; a\nb\r\n\u{0}\u{1b}[0m {}";

/// Every text field filled with markup, DOT syntax and escape sequences.
pub(crate) fn hostile() -> Debate {
    let mut ev = evidence("ev", HOSTILE, "evil\"id", HOSTILE, false);
    ev.locator = Some(HOSTILE.into());
    let mut t = claim("t", Kind::Thesis, HOSTILE, &[]);
    t.note = Some(HOSTILE.into());
    Debate::new(
        Text::single("en", HOSTILE),
        vec!["en".into()],
        vec![source(HOSTILE, Some("javascript:alert(1)"))],
        vec![
            t,
            claim("evil\"id", Kind::Claim, HOSTILE, &[("supports", "t")]),
            claim(
                "back\\slash",
                Kind::Claim,
                "ends with a backslash \\",
                &[("opposes", "t")],
            ),
            claim("u", Kind::Claim, "\\", &[("undercuts", "evil\"id")]),
            ev,
        ],
    )
}

/// A Bengali debate with conjuncts, displayed in Bengali.
pub(crate) fn bengali() -> Debate {
    let bn = |mut c: Claim, text: &str| {
        c.text = Text::single("bn", text);
        c
    };
    let mut ev = evidence(
        "ev-kornilov",
        "",
        "kornilov",
        "জেনারেল কর্ণিলভ সামরিক অভ্যুত্থান ঘটালে তার মোকাবিলা করার জন্য রেড গার্ডদের সশস্ত্র প্রতিরোধকে ব্যবহার করা হয়েছিল।",
        true,
    );
    ev.text = Text::single("bn", "কর্ণিলভের অভ্যুত্থান রেড গার্ডদের সশস্ত্র প্রতিরোধে থেমেছিল।");
    Debate::new(
        Text::single("bn", "নভেম্বর বিপ্লবের জন্য কি বলপ্রয়োগ অপরিহার্য ছিল?"),
        vec!["bn".into(), "en".into()],
        vec![Source {
            title: Text::single("bn", "নভেম্বর বিপ্লব ও বলপ্রয়োগ"),
            ..source("", None)
        }],
        vec![
            bn(
                claim("force", Kind::Thesis, "", &[]),
                "বিপ্লবের জন্য বলপ্রয়োগ অপরিহার্য ছিল।",
            ),
            bn(
                claim("kornilov", Kind::Claim, "", &[("supports", "force")]),
                "জেনারেল কর্ণিলভের সামরিক অভ্যুত্থানের চেষ্টার মোকাবিলা করা হয়েছিল রেড গার্ডদের সশস্ত্র প্রতিরোধ দিয়ে।",
            ),
            bn(
                claim("soviets", Kind::Claim, "", &[("opposes", "force")]),
                "সোভিয়েতগুলির সংখ্যাগরিষ্ঠতা শান্তিপূর্ণ ক্ষমতা হস্তান্তর সম্ভব করত।",
            ),
            bn(
                claim("minority", Kind::Claim, "", &[("opposes", "soviets")]),
                "অক্টোবরে মন্ত্রিসভা ও রাষ্ট্রযন্ত্র ক্ষমতা ছাড়তে রাজি ছিল না।",
            ),
            ev,
        ],
    )
}

/// Snapshots live with the other render snapshots in `src/render/snapshots`.
fn snapshot(name: &str, dot: &str) {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => true }, {
        insta::assert_snapshot!(name, dot);
    });
}

fn ctx_for(d: &Debate) -> RenderContext<'_> {
    RenderContext::new(d)
}

fn parse(dot: &str) -> Graph {
    graphviz_rust::parse(dot).unwrap_or_else(|e| panic!("not one valid graph: {e}\n{dot}"))
}

/// Node and edge statements of a parsed graph, legend included.
fn count(graph: &Graph) -> (usize, usize) {
    fn walk(stmts: &[Stmt], counts: &mut (usize, usize)) {
        for s in stmts {
            match s {
                Stmt::Node(_) => counts.0 += 1,
                Stmt::Edge(_) => counts.1 += 1,
                Stmt::Subgraph(sub) => walk(&sub.stmts, counts),
                _ => {}
            }
        }
    }
    let Graph::DiGraph { stmts, .. } = graph else {
        panic!("not a digraph")
    };
    let mut counts = (0, 0);
    walk(stmts, &mut counts);
    counts
}

/// Nodes and edges of the legend.
const LEGEND: (usize, usize) = (9, 8);

#[test]
fn small_map_snapshot() {
    let d = small();
    let dot = to_dot(&ctx_for(&d));
    snapshot("small", &dot);
    // 8 claims + 1 junction (linked and undercut); edges: 2 premises + junction arrow +
    // undercut + objection + rebuttal + evidence.
    assert_eq!(count(&parse(&dot)), (8 + 1 + LEGEND.0, 7 + LEGEND.1));
    assert!(dot.contains("URL=\"https://example.org/study?a=1&amp;b=2\""));
}

#[test]
fn hostile_map_snapshot_stays_one_graph() {
    let d = hostile();
    let dot = to_dot(&ctx_for(&d));
    snapshot("hostile", &dot);
    // 5 claims + 1 junction for the undercut reason.
    assert_eq!(count(&parse(&dot)), (5 + 1 + LEGEND.0, 5 + LEGEND.1));
    assert!(!dot.contains("<script"), "markup must be escaped");
    assert!(
        !dot.contains("javascript:"),
        "only web addresses become links"
    );
    assert!(!dot.contains('\u{0}') && !dot.contains('\u{1b}'));
    assert!(dot.contains(r#""evil\"id" -> "_reason_0""#), "{dot}");
}

#[test]
fn bengali_map_snapshot_uses_bengali_words() {
    let d = bengali();
    let dot = to_dot(&ctx_for(&d));
    snapshot("bengali", &dot);
    assert_eq!(count(&parse(&dot)), (5 + LEGEND.0, 4 + LEGEND.1));
    for word in ["প্রতিপাদ্য", "আপত্তি", "খণ্ডন", "সংকেত", "কর্ণিলভের"]
    {
        assert!(dot.contains(word), "{word}");
    }
    assert!(dot.contains(FONTNAME));
}

#[test]
fn output_is_deterministic() {
    let d = small();
    assert_eq!(to_dot(&ctx_for(&d)), to_dot(&ctx_for(&d)));
}

#[test]
fn polarity_follows_the_first_reason_or_the_undercut() {
    let d = small();
    let p = polarities(&d);
    let by_id = |id: &str| p[d.index_of(id).unwrap()];
    assert_eq!(by_id("lane"), None);
    assert_eq!(by_id("safer"), Some(Polarity::Support));
    assert_eq!(by_id("parking"), Some(Polarity::Objection));
    assert_eq!(by_id("garage"), Some(Polarity::Rebuttal));
    assert_eq!(by_id("old-data"), Some(Polarity::Undercut));
    assert_eq!(by_id("aside"), None);
}

#[test]
fn hidden_claims_and_their_edges_are_left_out() {
    let d = small();
    let mut ctx = ctx_for(&d);
    let hide = ["crashes", "old-data", "garage", "ev-study"];
    ctx.visible = Some(
        d.claims
            .iter()
            .map(|c| !hide.contains(&c.id.as_str()))
            .collect(),
    );
    let dot = to_dot(&ctx);
    for id in hide {
        assert!(
            !dot.contains(&format!("\"{id}\"")),
            "{id} is hidden:\n{dot}"
        );
    }
    // The linked reason keeps its junction (one premise still shows), which says a
    // co-premise is hidden; the objection stays.
    assert_eq!(count(&parse(&dot)), (4 + 1 + LEGEND.0, 3 + LEGEND.1));
    assert!(dot.contains("label=\"because (+1 hidden)\""), "{dot}");
    ctx.visible = Some(d.claims.iter().map(|c| c.id == "aside").collect());
    assert_eq!(count(&parse(&to_dot(&ctx))), (1 + LEGEND.0, LEGEND.1));
}

#[test]
fn escaping() {
    assert_eq!(
        escape_html("<a href='x'>&\"\\N\n\u{7}</a>"),
        "&lt;a href=&#39;x&#39;&gt;&amp;&quot;\\\\N &lt;/a&gt;"
    );
    assert_eq!(
        quote("say \"hi\"\\N\r\nnext & <b> \u{1}"),
        r#""say \"hi\"\\N\nnext &amp; &lt;b&gt; ""#
    );
    assert_eq!(words("bn-BD").thesis, "প্রতিপাদ্য");
    assert_eq!(words("fr").thesis, "THESIS");
}

#[test]
fn graphviz_draws_every_node_of_hostile_maps() {
    if !graphviz::need_dot() {
        return;
    }
    for (d, nodes) in [(small(), 9), (hostile(), 6), (bengali(), 5)] {
        let dot = to_dot(&ctx_for(&d));
        let svg = graphviz::layout(&dot, graphviz::ImageFormat::Svg, None).unwrap();
        let svg = String::from_utf8(svg).unwrap();
        assert_eq!(
            svg.matches("class=\"node\"").count(),
            nodes + LEGEND.0,
            "{svg}"
        );
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("&bogus;"));
    }
}

/// A claim whose text holds every escape Graphviz expands in `escString` attributes.
fn escapes() -> Debate {
    let text = r"path C:\New \L x \N \G \E \T \H \\N end\";
    let mut t = claim("t", Kind::Thesis, text, &[]);
    t.note = Some(r"note \N".into());
    Debate::new(
        Text::single("en", "graph-title"),
        vec!["en".into()],
        vec![],
        vec![t, claim("r", Kind::Claim, text, &[("supports", "t")])],
    )
}

#[test]
fn tooltips_have_no_backslashes_for_graphviz_to_expand() {
    let d = escapes();
    let dot = to_dot(&ctx_for(&d));
    // Each tooltip's quoted value, up to its closing (unescaped) quote.
    let tooltips: Vec<String> = dot
        .split("tooltip=\"")
        .skip(1)
        .map(|rest| {
            let mut value = String::new();
            let mut chars = rest.chars();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => value.extend([c, chars.next().unwrap()]),
                    c => value.push(c),
                }
            }
            value
        })
        .collect();
    assert!(tooltips.len() >= 2, "{dot}");
    for tooltip in &tooltips {
        // Only the `\n` line breaks we write ourselves.
        assert!(
            !tooltip.replace("\\n", "").contains('\\'),
            "backslash in tooltip {tooltip:?}"
        );
    }
    assert!(
        dot.contains("path C:\u{2216}New \u{2216}L x \u{2216}N \u{2216}G"),
        "{dot}"
    );
    // Labels are HTML-like: Graphviz leaves their backslashes alone.
    assert!(dot.contains(r"C:\\New"), "{dot}");

    if !graphviz::need_dot() {
        return;
    }
    let svg = graphviz::layout(&dot, graphviz::ImageFormat::Svg, None).unwrap();
    let svg = String::from_utf8(svg).unwrap();
    let titles: Vec<&str> = svg
        .split("xlink:title=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .filter(|t| t.contains("path C:"))
        .collect();
    assert_eq!(titles.len(), 2, "{svg}");
    for title in titles {
        assert!(
            title.contains("C:\u{2216}New \u{2216}L x \u{2216}N"),
            "{title}"
        );
        // Expanded, `\N` would be the node's name and `\G` the graph's.
        assert!(
            !title.contains("claimmap") && !title.contains("C:t") && !title.contains("C:r"),
            "{title}"
        );
        assert!(!title.contains('\\') && !title.contains("<FONT"), "{title}");
    }
}

/// The small, hostile and Bengali maps with evaluation on: badges, borders, the struck-
/// through look of `out` claims and the verdict, all still escaped and one valid graph.
#[test]
fn evaluated_maps_snapshot_and_stay_valid() {
    use crate::evaluate::{Options, evaluate};
    for (name, d) in [
        ("small_eval", small()),
        ("hostile_eval", hostile()),
        ("bengali_eval", bengali()),
    ] {
        let ev = evaluate(&d, &Options::default());
        let mut ctx = ctx_for(&d);
        ctx.evaluation = Some(&ev);
        let dot = to_dot(&ctx);
        snapshot(name, &dot);
        let plain = to_dot(&ctx_for(&d));
        assert_eq!(
            count(&parse(&dot)),
            count(&parse(&plain)),
            "{name}: same boxes and lines"
        );
        assert!(!dot.contains("<script"), "{name}");
        let theses = d.theses().count();
        assert_eq!(
            dot.matches("preponderance").count() + dot.matches("প্রাধান্য").count(),
            theses,
            "{name}"
        );
        if graphviz::need_dot() {
            let svg = graphviz::layout(&dot, graphviz::ImageFormat::Svg, None).unwrap();
            let svg = String::from_utf8(svg).unwrap();
            assert!(!svg.contains("<script"), "{name}");
        }
    }
}

/// The evaluated map of [`contest`]: every look evaluation adds, checked on the graph and
/// kept as a snapshot.
#[test]
fn contest_map_shows_every_label_and_the_verdict() {
    use crate::evaluate::{Label, Options, evaluate};
    let d = contest();
    let ev = evaluate(&d, &Options::default());
    let label = |id: &str| ev.claims[d.index_of(id).unwrap()].label;
    // The fixture has what it promises.
    assert_eq!(label("buses"), Label::Out);
    assert_eq!(label("ev-study"), Label::Out);
    assert_eq!(label("cheap"), Label::Undec);
    assert_eq!(label("costly"), Label::Undec);
    assert_eq!(label("later"), Label::In);
    let mut ctx = ctx_for(&d);
    ctx.evaluation = Some(&ev);
    let dot = to_dot(&ctx);
    snapshot("contest_eval", &dot);
    assert_eq!(count(&parse(&dot)), count(&parse(&to_dot(&ctx_for(&d)))));
    if graphviz::need_dot() {
        graphviz::layout(&dot, graphviz::ImageFormat::Svg, None).unwrap();
    }
    let node = |id: &str| {
        dot.lines()
            .find(|l| l.trim_start().starts_with(&format!("\"{id}\"[")))
            .unwrap_or_else(|| panic!("no node {id}"))
            .to_string()
    };
    let buses = node("buses");
    assert!(
        buses.contains("<B>✗ out</B>") && buses.contains("<S>"),
        "{buses}"
    );
    assert!(buses.contains("dashed") && buses.contains("color=\"#6b6b6b\""));
    let cheap = node("cheap");
    assert!(
        cheap.contains("<B>⇄ undecided</B>") && !cheap.contains("<S>"),
        "{cheap}"
    );
    let thesis = node("later");
    assert!(thesis.contains("preponderance of evidence"), "{thesis}");
    // A stronger claim gets a heavier border.
    let pen = |line: &str| -> f64 {
        let at = line.rfind("penwidth=").unwrap() + "penwidth=".len();
        line[at..]
            .split(' ')
            .next()
            .unwrap()
            .trim_end_matches(']')
            .parse()
            .unwrap()
    };
    let strength = |id: &str| ev.claims[d.index_of(id).unwrap()].strength.unwrap();
    assert!(strength("bus-contract") > strength("buses"));
    assert!(pen(&node("bus-contract")) > pen(&buses));
    // The legend explains the badge, the looks and the verdict.
    for words in [
        "0.62: strength",
        "✗ out",
        "⇄ undecided",
        "STANDS / FALLS / CONTESTED",
    ] {
        assert!(dot.contains(words), "legend lacks {words}");
    }
    // Without evaluation nothing of it shows.
    let plain = to_dot(&ctx_for(&d));
    for words in [
        "✗ out",
        "⇄",
        "<S>",
        "preponderance",
        "penwidth=0.",
        "0.62: strength",
    ] {
        assert!(!plain.contains(words), "{words} without evaluation");
    }
}

#[test]
fn bengali_map_has_bengali_badges_and_legend() {
    use crate::evaluate::{Options, evaluate};
    let d = contest();
    let ev = evaluate(&d, &Options::default());
    let mut ctx = ctx_for(&d);
    ctx.lang = "bn".into();
    ctx.evaluation = Some(&ev);
    let dot = to_dot(&ctx);
    for words in ["✗ খণ্ডিত", "⇄ অনির্ধারিত", "প্রমাণের প্রাধান্য", "? = স্থির হয়নি"]
    {
        assert!(dot.contains(words), "no {words}");
    }
}

#[test]
fn out_claims_are_struck_through_and_dashed() {
    use crate::evaluate::{Label, Options, evaluate};
    let d = small();
    let ev = evaluate(&d, &Options::default());
    let out: Vec<usize> = (0..d.claims.len())
        .filter(|&i| ev.claims[i].label == Label::Out)
        .collect();
    assert!(!out.is_empty(), "the small debate has a rebutted objection");
    let mut ctx = ctx_for(&d);
    ctx.evaluation = Some(&ev);
    let graph = to_graph(&ctx);
    let Graph::DiGraph { stmts, .. } = graph else {
        panic!()
    };
    for i in out {
        let id = format!("\"{}\"", d.claims[i].id);
        let node = stmts
            .iter()
            .find_map(|s| match s {
                Stmt::Node(n) if n.id.0 == Id::Escaped(id.clone()) => Some(n),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no node {id}"));
        let text = format!("{:?}", node.attributes);
        assert!(text.contains("<S>") && text.contains("dashed"), "{text}");
    }
}

/// `to_dot` (built and printed in parts on several threads) writes exactly what
/// `graphviz-rust`'s printer writes for `to_graph`, on every map shape the tests draw
/// (evaluated, changed, collapsed, hostile, Bengali) and on a map big enough for threads.
#[test]
fn fast_printer_matches_graphviz_rust() {
    use graphviz_rust::printer::{DotPrinter, PrinterContext};
    let big = crate::synth::generate(&crate::synth::Spec {
        claims: 5_000,
        seed: 3,
        shape: crate::synth::Shape::Tree,
    });
    for d in [small(), contest(), hostile(), bengali(), escapes(), big] {
        let ev = crate::evaluate::evaluate(&d, &crate::evaluate::Options::default());
        for evaluated in [false, true] {
            let mut ctx = ctx_for(&d);
            if evaluated {
                ctx.evaluation = Some(&ev);
            }
            let graph = to_graph(&ctx);
            assert_eq!(
                to_dot(&ctx),
                graph.print(&mut PrinterContext::default()) + "\n"
            );
        }
    }
    // A diff map (a cluster of removed claims) and a collapsed one (summary boxes).
    let d = small();
    let changes = crate::render::Changes {
        added: vec![true; d.claims.len()],
        changed: vec![false; d.claims.len()],
        removed: vec![("gone".into(), "A removed \"claim\"".into())],
    };
    let mut ctx = ctx_for(&d);
    ctx.changes = Some(&changes);
    ctx.summaries = vec![(0, 12, 8, 4)];
    let graph = to_graph(&ctx);
    assert_eq!(
        to_dot(&ctx),
        graph.print(&mut PrinterContext::default()) + "\n"
    );
}
