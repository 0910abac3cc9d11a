//! Tests of the embedded layout.

use super::*;
use crate::model::{Debate, Text};
use crate::render::dot::tests::{bengali, claim, hostile, small};

fn assert_svg(svg: &str) {
    assert!(svg.starts_with("<?xml") || svg.starts_with("<svg"), "{svg}");
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count());
    assert!(!svg.contains("Times"), "our fonts replace the writer's");
}

#[test]
fn draws_the_small_debates() {
    for (d, words) in [
        (
            small(),
            vec!["Cyclists would be safer.", "because", "THESIS", "Legend"],
        ),
        (bengali(), vec!["প্রতিপাদ্য", "সশস্ত্র", "আপত্তি"]),
    ] {
        let svg = embedded_svg(&RenderContext::new(&d)).unwrap();
        assert_svg(&svg);
        for word in words {
            assert!(svg.contains(word), "{word} missing");
        }
        assert!(svg.contains(Polarity::Support.fill_color()));
    }
}

#[test]
fn hostile_text_is_escaped() {
    let d = hostile();
    let svg = embedded_svg(&RenderContext::new(&d)).unwrap();
    assert_svg(&svg);
    assert!(!svg.contains("<script"), "{svg}");
    assert!(
        !svg.contains("</svg>\n<"),
        "only one closing tag, at the end"
    );
    assert!(svg.contains("&lt;script&gt;"));
    assert!(svg.contains("&amp;bogus;"));
    assert!(!svg.contains('\u{0}') && !svg.contains('\u{1b}'));
}

#[test]
fn every_direction_and_visibility_renders() {
    let d = small();
    for rankdir in [RankDir::BottomTop, RankDir::TopBottom, RankDir::LeftRight] {
        let mut ctx = RenderContext::new(&d);
        ctx.rankdir = rankdir;
        assert_svg(&embedded_svg(&ctx).unwrap());
        ctx.visible = Some(d.claims.iter().map(|c| c.id == "parking").collect());
        let svg = embedded_svg(&ctx).unwrap();
        assert!(svg.contains("Shops would lose parking.") && !svg.contains("garage"));
        ctx.visible = Some(vec![false; d.claims.len()]);
        assert_svg(&embedded_svg(&ctx).unwrap());
    }
}

/// A debate of `n` claims with pseudo-random supports, objections, co-premises and
/// undercuts, including cycles of objections.
fn random_debate(n: usize, seed: u64) -> Debate {
    let mut state = seed | 1;
    let mut next = move |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    let mut claims = vec![claim("c0", Kind::Thesis, "thesis", &[])];
    for i in 1..n {
        let target = format!("c{}", next(i));
        let other = format!("c{}", next(n));
        let rel: Vec<(&str, &str)> = match next(6) {
            0 | 1 => vec![("supports", &target)],
            2 => vec![("opposes", &target)],
            3 => vec![("supports", &target), ("with", &other)],
            4 => vec![("opposes", &other)],
            _ => vec![("undercuts", &other)],
        };
        let text = "word ".repeat(next(20));
        claims.push(claim(&format!("c{i}"), Kind::Claim, &text, &rel));
    }
    Debate::new(
        Text::single("en", "random"),
        vec!["en".into()],
        vec![],
        claims,
    )
}

#[test]
fn random_graphs_never_panic() {
    for seed in 0..40 {
        let d = random_debate(2 + seed as usize % 25, seed * 7919 + 1);
        match embedded_svg(&RenderContext::new(&d)) {
            Ok(svg) => assert_svg(&svg),
            Err(Error::Tool { message }) => assert!(message.contains("Graphviz")),
            Err(e) => panic!("{e}"),
        }
    }
}

/// A tree-shaped debate of `n` claims, as real debates are: each claim supports or
/// opposes an earlier one, some with a co-premise or an undercut.
fn tree_debate(n: usize) -> Debate {
    let mut claims = vec![claim("c0", Kind::Thesis, "thesis", &[])];
    for i in 1..n {
        let parent = format!("c{}", (i - 1) / 3);
        let sibling = format!("c{}", i - 1);
        let rel: Vec<(&str, &str)> = match i % 7 {
            1 => vec![("opposes", &parent)],
            2 if i > 3 => vec![("supports", &parent), ("with", &sibling)],
            5 if i > 3 => vec![("undercuts", &sibling)],
            _ => vec![("supports", &parent)],
        };
        claims.push(claim(
            &format!("c{i}"),
            Kind::Claim,
            "some words of a claim",
            &rel,
        ));
    }
    Debate::new(
        Text::single("en", "tree"),
        vec!["en".into()],
        vec![],
        claims,
    )
}

#[test]
fn a_map_of_a_hundred_claims_renders() {
    let d = tree_debate(100);
    let svg = embedded_svg(&RenderContext::new(&d)).unwrap();
    assert_svg(&svg);
    assert!(svg.contains("some words of a claim"));
}

/// The largest map the embedded layout accepts still renders (Cargo.toml optimises layout-rs
/// in test builds, so this takes about a second).
#[test]
fn the_largest_allowed_map_renders() {
    let d = tree_debate(EMBEDDED_MAX_CLAIMS);
    assert_svg(&embedded_svg(&RenderContext::new(&d)).unwrap());
}

#[test]
fn a_map_above_the_limit_asks_for_graphviz() {
    let d = tree_debate(EMBEDDED_MAX_CLAIMS + 1);
    let err = embedded_svg(&RenderContext::new(&d)).unwrap_err();
    assert!(
        matches!(&err, Error::Tool { message } if message.contains("apt-get install graphviz"))
    );
}

#[test]
fn evidence_shows_source_and_locator() {
    let d = small();
    let svg = embedded_svg(&RenderContext::new(&d)).unwrap();
    // "— Traffic study 2023, block 1", wrapped to the box's width.
    assert!(svg.contains("— Traffic study 2023, block<"), "{svg}");
}

#[test]
fn junction_counts_hidden_co_premises() {
    let d = small();
    let mut ctx = RenderContext::new(&d);
    ctx.visible = Some(d.claims.iter().map(|c| c.id != "crashes").collect());
    let svg = embedded_svg(&ctx).unwrap();
    assert!(svg.contains("because (+1 hidden)"), "{svg}");
}

/// The embedded layout shows the evaluation as the DOT map does, in plain text: the badge,
/// the out and undecided marks, the verdict and the legend rows; `out` boxes are greyed
/// (grey border, faded fill) since `layout-rs` draws neither dashes nor struck text.
#[test]
fn evaluation_shows_badges_marks_and_verdict() {
    use crate::evaluate::{Options, evaluate};
    let d = crate::render::dot::tests::contest();
    let ev = evaluate(&d, &Options::default());
    let mut ctx = RenderContext::new(&d);
    ctx.evaluation = Some(&ev);
    let svg = embedded_svg(&ctx).unwrap();
    assert_svg(&svg);
    for words in [
        "OBJECTION · 0.05 ✗ out",
        "· 0.33 ⇄ undecided",
        "STANDS · preponderance of evidence",
        "0.62: strength",
    ] {
        assert!(svg.contains(words), "{words} missing");
    }
    let faded_objection = faded(color(Polarity::Objection.fill_color())).to_web_color();
    assert!(
        svg.contains(&faded_objection),
        "no faded fill {faded_objection}"
    );
    let plain = embedded_svg(&RenderContext::new(&d)).unwrap();
    for words in [
        "✗ out",
        "⇄",
        "STANDS",
        "0.62: strength",
        faded_objection.as_str(),
    ] {
        assert!(!plain.contains(words), "{words} without evaluation");
    }
    // Hostile text stays escaped with the evaluation on.
    let h = hostile();
    let ev = evaluate(&h, &Options::default());
    let mut ctx = RenderContext::new(&h);
    ctx.evaluation = Some(&ev);
    let svg = embedded_svg(&ctx).unwrap();
    assert_svg(&svg);
    assert!(!svg.contains("<script") && svg.contains("&lt;script&gt;"));
}

#[test]
fn faded_colours_are_halfway_to_white() {
    assert_eq!(faded(color("#000000")).to_web_color(), "#7f7f7fff");
    assert_eq!(faded(color("#ffffff")).to_web_color(), "#ffffffff");
    assert_eq!(faded(color("#dcf0d5")).to_web_color(), "#edf7eaff");
}
