//! Evaluation speed: `cargo bench --bench evaluate`.
//!
//! The target from the evaluation issue: the top-20 impacts of a 10,000-claim debate in
//! under a second on a 2-core machine. `impacts/*` measures that alone (strengths already
//! solved); `evaluate/*` the whole evaluation (strengths, grounded labelling, impacts,
//! verdicts) as `claimmap eval` runs it, minus loading.

use claimmap::evaluate::network::Network;
use claimmap::evaluate::{Options, evaluate, impact, strength};
use claimmap::synth::{Shape, Spec, generate};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn debate(claims: usize, shape: Shape) -> claimmap::model::Debate {
    generate(&Spec {
        claims,
        seed: 42,
        shape,
    })
}

fn impacts(c: &mut Criterion) {
    let mut group = c.benchmark_group("impacts");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for (name, shape) in [("tree", Shape::Tree), ("chain", Shape::Chain)] {
        let d = debate(10_000, shape);
        let net = Network::new(&d);
        let solved = strength::solve(&net, None);
        group.bench_function(BenchmarkId::new(name, 10_000), |b| {
            b.iter(|| {
                let mut budget = claimmap::evaluate::Budget::unlimited();
                impact::impacts(black_box(&net), black_box(&solved), 20, &mut budget)
            })
        });
    }
    group.finish();
}

fn whole(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluate");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for (name, shape, size) in [
        ("tree", Shape::Tree, 1_000),
        ("tree", Shape::Tree, 10_000),
        ("tree", Shape::Tree, 100_000),
        ("chain", Shape::Chain, 10_000),
    ] {
        let d = debate(size, shape);
        group.bench_function(BenchmarkId::new(name, size), |b| {
            b.iter(|| evaluate(black_box(&d), &Options::default()))
        });
    }
    group.finish();
}

criterion_group!(benches, impacts, whole);
criterion_main!(benches);
