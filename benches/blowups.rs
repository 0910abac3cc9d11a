//! Hostile-shape benchmark (issue 13): `cargo bench --bench blowups` (sizes from
//! `CLAIMMAP_BLOWUP_SIZES`, default `10000,100000`).
//!
//! Each row times one input built to blow up a stage that used to be quadratic or
//! unbounded, at `n`:
//! - **co-premises**: one reason with `n` co-premises, evaluated and rendered as the report
//!   (bytes of report per byte of claim file alongside);
//! - **ring**: a ring of `n` objections with confidence 1 and a reason for the thesis linked
//!   with it, evaluated (strengths, labels, every impact);
//! - **review**: the review checklist of a generated `n`-claim debate (`claimmap::synth`);
//! - **quotes**: `check` of `n` evidence claims whose quotes are not in their 1.4 MB source
//!   (closest passages looked for while the run's budget lasts).
//!
//! Times are in-process, release build, one run each.

use claimmap::model::{Claim, Debate, Kind, Text};
use claimmap::render::{RenderContext, Renderer};
use std::fmt::Write as _;
use std::time::Instant;

fn claim(id: &str, kind: Kind) -> Claim {
    Claim::new(id, kind, Text::single("en", id))
}

fn debate(claims: Vec<Claim>) -> Debate {
    Debate::new(Text::default(), vec!["en".into()], vec![], claims)
}

fn secs(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64()
}

/// One reason with `n` co-premises: (evaluate + report seconds, report bytes ÷ YAML bytes).
fn co_premises(n: usize) -> (f64, f64) {
    let ids: Vec<String> = (0..n).map(|i| format!("p{i}")).collect();
    let mut yaml = format!(
        "claims:\n  - {{id: t, kind: thesis, text: T}}\n  - {{id: r, text: R, supports: t, with: [{}]}}\n",
        ids.join(", ")
    );
    let mut r = claim("r", Kind::Claim);
    r.supports = vec!["t".into()];
    r.with = ids.clone();
    let mut claims = vec![claim("t", Kind::Thesis), r];
    for id in &ids {
        let _ = writeln!(yaml, "  - {{id: {id}, text: {id}}}");
        claims.push(claim(id, Kind::Claim));
    }
    let d = debate(claims);
    let mut bytes = 0;
    let t = secs(|| {
        let ev = claimmap::evaluate::evaluate(&d, &Default::default());
        let mut ctx = RenderContext::new(&d);
        ctx.evaluation = Some(&ev);
        bytes = claimmap::render::markdown::Markdown { templates: None }
            .render(&ctx)
            .unwrap()
            .len();
    });
    (t, bytes as f64 / yaml.len() as f64)
}

/// A ring of `n` certain objections: (evaluate seconds, whether the budget ran out).
fn ring(n: usize) -> (f64, bool) {
    let mut claims = vec![claim("t", Kind::Thesis)];
    for i in 0..n {
        let mut c = claim(&format!("c{i}"), Kind::Claim);
        c.confidence = Some(1.0);
        c.opposes = vec![format!("c{}", (i + 1) % n)];
        claims.push(c);
    }
    let mut s = claim("s", Kind::Claim);
    s.supports = vec!["t".into()];
    s.with = vec!["c0".into()];
    claims.push(s);
    let d = debate(claims);
    let mut ran_out = false;
    let t = secs(|| {
        ran_out = claimmap::evaluate::evaluate(&d, &Default::default())
            .iteration
            .ran_out();
    });
    (t, ran_out)
}

/// The review checklist of a generated debate of `n` claims: seconds.
fn review(n: usize) -> f64 {
    let d = claimmap::synth::generate(&claimmap::synth::Spec {
        claims: n,
        seed: 42,
        shape: claimmap::synth::Shape::Tree,
    });
    let ctx = RenderContext::new(&d);
    secs(|| {
        claimmap::render::checklist::Checklist { reviewer: None }.render(&ctx);
    })
}

/// `check` of `n` quotes not in a 1.4 MB source: seconds.
fn quotes(n: usize) -> f64 {
    let dir = tempfile::tempdir().unwrap();
    let words = [
        "soviet",
        "power",
        "bread",
        "peace",
        "land",
        "army",
        "council",
        "party",
        "october",
        "garrison",
        "petrograd",
        "kerensky",
        "force",
        "people",
        "revolution",
        "night",
    ];
    let mut x: u64 = 42;
    let mut word = || {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        words[(x >> 33) as usize % words.len()]
    };
    let mut source = String::new();
    while source.len() < 1_400_000 {
        for _ in 0..12 {
            source.push_str(word());
            source.push(' ');
        }
        source.push_str(".\n");
    }
    std::fs::create_dir_all(dir.path().join("sources")).unwrap();
    std::fs::write(dir.path().join("sources/src.txt"), source).unwrap();
    std::fs::write(
        dir.path().join("claimmap.yaml"),
        "sources:\n  - {id: src, title: Src, path: sources/src.txt}\n",
    )
    .unwrap();
    // Files of 10,000 claims, as the loader's per-file limit wants.
    for f in 0..n.div_ceil(10_000) {
        let mut yaml = String::from("claims:\n");
        if f == 0 {
            yaml.push_str("  - {id: t, kind: thesis, text: T}\n");
        }
        for i in f * 10_000..((f + 1) * 10_000).min(n) {
            let quote: Vec<&str> = (0..8).map(|_| word()).collect();
            let _ = writeln!(
                yaml,
                "  - {{id: e{i}, kind: evidence, text: E, supports: t, source: src, quote: \"{} zq{i}\"}}",
                quote.join(" ")
            );
        }
        std::fs::write(dir.path().join(format!("claims-{f}.yaml")), yaml).unwrap();
    }
    secs(|| {
        claimmap::check(dir.path(), &Default::default()).unwrap();
    })
}

fn main() {
    let sizes: Vec<usize> = std::env::var("CLAIMMAP_BLOWUP_SIZES")
        .unwrap_or_else(|_| "10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    println!(
        "| n | co-premises: eval + report | report ÷ input | ring: evaluate | budget ran out | review | quotes not found: check |"
    );
    println!("|---:|---:|---:|---:|---|---:|---:|");
    for n in sizes {
        let (report, ratio) = co_premises(n);
        let (eval, ran_out) = ring(n);
        let review = review(n);
        let quotes = quotes(n);
        println!(
            "| {n} | {report:.3} s | {ratio:.1} | {eval:.3} s | {ran_out} | {review:.3} s | {quotes:.3} s |"
        );
    }
}
