//! Scale benchmark: `cargo bench --bench scale` (sizes from `CLAIMMAP_SCALE_SIZES`,
//! default `1000,10000,100000`; add `1000000` for the full run).
//!
//! For each size a synthetic debate (`claimmap::synth`: a tree of about three children per
//! claim, 60 % supports and 40 % objections, co-premises, undercuts, mutual attacks, texts in
//! English and Bengali, evidence quoting a generated Bengali source) is written as files of
//! about 1,000 claims, then timed: the YAML parser alone on those files (the floor `check`
//! is measured against), `check` (load, parse, validate, verify quotes), evaluation, and the
//! DOT, Markdown, JSON and evaluation-JSON renderers. It prints a Markdown table with claims
//! per second, MB per second and the process's peak memory so far.
//!
//! `CLAIMMAP_SCALE_REPEAT=5` times parse and check five times each, alternating, and keeps
//! the best; `CLAIMMAP_SCALE_RENDER=0` stops after check.

use claimmap::render::Renderer;
use claimmap::synth::{Shape, Spec, generate, to_files};
use std::path::Path;
use std::time::Instant;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Parses every YAML file under `dir` with the loader's parser, on both cores, as `check`
/// does: the floor for `check`.
fn parse_only(dir: &Path) -> usize {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir.join("claims"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.push(dir.join("claimmap.yaml"));
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = texts.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = texts
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .filter(|t| claimmap::load::yaml::parse(t).is_ok())
                        .count()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}

fn main() {
    // `cargo bench` passes `--bench`; anything else (e.g. a filter) is ignored.
    let sizes: Vec<usize> = std::env::var("CLAIMMAP_SCALE_SIZES")
        .unwrap_or_else(|_| "1000,10000,100000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    // CLAIMMAP_SCALE_REPEAT=N: best of N for parse and check; CLAIMMAP_SCALE_RENDER=0: stop
    // after check (for measuring the check target alone).
    let repeat: usize = std::env::var("CLAIMMAP_SCALE_REPEAT")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1)
        .max(1);
    let render = std::env::var("CLAIMMAP_SCALE_RENDER").map_or(true, |r| r != "0");
    println!(
        "| claims | MB | parse only | check | check ÷ parse | claims/s (check) | MB/s (check) | evaluate | DOT | report | JSON | eval JSON | peak MB |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for n in sizes {
        let debate = generate(&Spec {
            claims: n,
            seed: 42,
            shape: Shape::Tree,
        });
        let dir = tempfile::tempdir().unwrap();
        // CLAIMMAP_SCALE_KEEP=DIR also writes the debate to DIR/<n> for profiling by hand.
        let keep =
            std::env::var_os("CLAIMMAP_SCALE_KEEP").map(|k| Path::new(&k).join(n.to_string()));
        let mut bytes = 0usize;
        for (rel, text) in to_files(&debate) {
            let path = dir.path().join(&rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            bytes += text.len();
            if let Some(k) = &keep {
                let to = k.join(&rel);
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::write(to, &text).unwrap();
            }
            std::fs::write(path, text).unwrap();
        }
        drop(debate);
        let mb = bytes as f64 / 1e6;
        let time = |f: &mut dyn FnMut()| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        };
        // Parse and check alternate, best of `repeat`: this shared machine's speed drifts by
        // 15 % or more within minutes, and the ratio of the two is the target.
        let (mut parse, mut check) = (f64::INFINITY, f64::INFINITY);
        let mut checked = None;
        for _ in 0..repeat {
            parse = parse.min(time(&mut || {
                parse_only(dir.path());
            }));
            checked = None;
            check = check.min(time(&mut || {
                checked = Some(claimmap::check(dir.path(), &Default::default()).unwrap())
            }));
        }
        let checked = checked.unwrap();
        assert_eq!(
            checked.diagnostics.counts().0,
            0,
            "the generated debate must be valid"
        );
        if !render {
            println!(
                "| {n} | {mb:.1} | {parse:.3} s | {check:.3} s | {:.2} | {:.0} | {:.1} | | | | | | {:.0} |",
                check / parse,
                n as f64 / check,
                mb / check,
                peak_rss_mb()
            );
            continue;
        }
        let d = &checked.debate;
        let mut ev = None;
        let evaluate =
            time(&mut || ev = Some(claimmap::evaluate::evaluate(d, &Default::default())));
        let ev = ev.unwrap();
        let mut ctx = claimmap::render::RenderContext::new(d);
        ctx.evaluation = Some(&ev);
        let dot = time(&mut || {
            claimmap::render::dot::to_dot(&ctx);
        });
        let report = time(&mut || {
            claimmap::render::markdown::Markdown { templates: None }
                .render(&ctx)
                .unwrap();
        });
        let json = time(&mut || {
            claimmap::render::json::Json.render(&ctx).unwrap();
        });
        let eval_json = time(&mut || {
            claimmap::render::eval::EvalJson.render(&ctx).unwrap();
        });
        println!(
            "| {n} | {mb:.1} | {parse:.3} s | {check:.3} s | {:.2} | {:.0} | {:.1} | {evaluate:.3} s | {dot:.3} s | {report:.3} s | {json:.3} s | {eval_json:.3} s | {:.0} |",
            check / parse,
            n as f64 / check,
            mb / check,
            peak_rss_mb()
        );
    }
}
