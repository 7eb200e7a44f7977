//! The programme report of 50,000 audits (1,000 business units × 10 yearly
//! rounds × 5 assessors, generated deterministically by
//! `kam_core::programme::example`) against parsing the same text with
//! `serde_json` into a `Value`: reading the input is the floor that
//! Python's `json.loads` also pays.
//!
//! Run: `cargo bench -p kam-engine --bench programme`

#![allow(missing_docs)] // criterion_group! generates undocumented items

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use kam_core::programme::example::{ExampleSpec, generate};
use kam_core::programme::report::programme_html;
use kam_core::{ScoreOptions, api};

fn bench(c: &mut Criterion) {
    let programme = generate(&ExampleSpec::audits_only(1_000, 10, 5)).unwrap();
    assert_eq!(programme.assessments.len(), 50_000);
    let text = serde_json::to_string(&programme).unwrap();
    let report = api::programme_report(&programme, &ScoreOptions::default()).unwrap();
    let mut group = c.benchmark_group(format!(
        "programme of 50,000 audits ({} MB of JSON)",
        text.len() / 1_000_000
    ));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("serde_json::from_str::<Value> (the floor)", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)).unwrap());
    });
    group.bench_function("programme_from_json (limits, then typed)", |b| {
        b.iter(|| api::programme_from_json(black_box(&text)).unwrap());
    });
    group.bench_function("programme_report of the parsed programme", |b| {
        b.iter(|| api::programme_report(black_box(&programme), &ScoreOptions::default()).unwrap());
    });
    group.bench_function("programme_report_json: text in, report text out", |b| {
        b.iter(|| api::programme_report_json(black_box(&text), None).unwrap());
    });
    group.bench_function("programme_html of the report", |b| {
        b.iter(|| programme_html(black_box(&report)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
