//! Scoring throughput: one full Cranfield audit (129 items), from a parsed
//! assessment and from JSON text, plus the other two scorers.
//!
//! Run: `cargo bench -p kam-engine --bench scoring`

#![allow(missing_docs)] // criterion_group! generates undocumented items

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kam_core::framework::builtin_audit;
use kam_core::{AuditAssessment, ScoreOptions, api, json::from_json};

const NORTHWIND: &str = include_str!("../examples/data/northwind-audit.json");

fn full_audit() -> AuditAssessment {
    let framework = builtin_audit("cranfield-kam-development").unwrap();
    let mut assessment = AuditAssessment::new(framework);
    // Every score on the scale, in turn, so all code paths are exercised.
    for (item, score) in framework
        .items
        .iter()
        .zip([0u8, 1, 2, 3].into_iter().cycle())
    {
        assessment.scores.insert(item.id.clone(), score);
    }
    assessment
}

fn bench(c: &mut Criterion) {
    let options = ScoreOptions::default();
    let assessment = full_audit();
    c.bench_function("score full Cranfield audit", |b| {
        b.iter(|| api::score(black_box(&assessment), &options).unwrap());
    });
    c.bench_function("parse + score + serialize (JSON in, JSON out)", |b| {
        b.iter(|| {
            let a: AuditAssessment = from_json(black_box(NORTHWIND)).unwrap();
            serde_json::to_string(&api::score(&a, &options).unwrap()).unwrap()
        });
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
