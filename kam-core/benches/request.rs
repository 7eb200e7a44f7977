//! The request path of a web service, in one run: kam's (limits, parse,
//! score, serialize, as `examples/service.rs` answers `POST /score`)
//! against the plain `serde_json` code a service would write without kam.
//!
//! "Plain" is: `serde_json::from_str` into a mirror of the assessment
//! (the same fields, derived `Deserialize` only: no size, depth, length or
//! count limits, no check for a key given twice, no error paths), and
//! `serde_json::to_string` of the same report kam returns (built once,
//! outside the timing: the plain path does not score). The target
//! (issue 16) is kam's path at most 1.5 times the plain one; the ratio is
//! printed at the end, from a second, interleaved timing of both paths.
//!
//! Run: `cargo bench -p kam-engine --bench request`

#![allow(missing_docs)] // criterion_group! generates undocumented items

use std::collections::{BTreeMap, BTreeSet};
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use kam_core::{AuditAssessment, AuditReport, ScoreOptions, api};

const NORTHWIND: &str = include_str!("../examples/data/northwind-audit.json");

/// kam's request path, as the service example answers `POST /score` for an
/// action audit against a bundled framework.
fn kam(body: &str, options: &ScoreOptions) -> String {
    let assessment = AuditAssessment::from_json(body).unwrap();
    let framework = api::framework(&assessment.framework).unwrap();
    let report = api::score_with(framework, &assessment, options).unwrap();
    serde_json::to_string(&report).unwrap()
}

/// The assessment as a service without kam would declare it.
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct PlainAssessment {
    framework: String,
    framework_version: String,
    #[serde(default)]
    context: PlainContext,
    #[serde(default)]
    scores: BTreeMap<String, u8>,
    #[serde(default)]
    evidence: BTreeMap<String, String>,
    #[serde(default)]
    not_applicable: BTreeSet<String>,
}

#[derive(serde::Deserialize, Default)]
#[allow(dead_code)]
struct PlainContext {
    organisation: Option<String>,
    unit: Option<String>,
    assessor: Option<String>,
    date: Option<String>,
}

/// The plain path: parse the same body and write the same report.
fn plain(body: &str, report: &AuditReport) -> String {
    let assessment: PlainAssessment = serde_json::from_str(body).unwrap();
    black_box(&assessment);
    serde_json::to_string(report).unwrap()
}

fn bench(c: &mut Criterion) {
    let options = ScoreOptions::default();
    let report = api::score(&AuditAssessment::from_json(NORTHWIND).unwrap(), &options).unwrap();

    let mut group = c.benchmark_group("request path");
    group.bench_function("kam: limits + parse + score + serialize", |b| {
        b.iter(|| kam(black_box(NORTHWIND), &options));
    });
    group.bench_function("plain serde_json: parse + serialize", |b| {
        b.iter(|| plain(black_box(NORTHWIND), &report));
    });
    group.finish();

    // Each step of kam's path alone, to see where the time goes.
    let mut steps = c.benchmark_group("request steps");
    // The walk that places a limit's breach: since the byte scan
    // (`json::from_json_within`), a document plainly within the limits is
    // walked only when its read fails, so this is no longer on the path.
    steps.bench_function("limit walk (check_text, only after a failed read)", |b| {
        b.iter(|| kam_core::json::check_text(black_box(NORTHWIND)).unwrap());
    });
    steps.bench_function("kam parse (from_json, limits included)", |b| {
        b.iter(|| AuditAssessment::from_json(black_box(NORTHWIND)).unwrap());
    });
    steps.bench_function("plain parse (serde_json::from_str)", |b| {
        b.iter(|| serde_json::from_str::<PlainAssessment>(black_box(NORTHWIND)).unwrap());
    });
    let assessment = AuditAssessment::from_json(NORTHWIND).unwrap();
    steps.bench_function("score", |b| {
        b.iter(|| api::score(black_box(&assessment), &options).unwrap());
    });
    steps.bench_function("serialize the report", |b| {
        b.iter(|| serde_json::to_string(black_box(&report)).unwrap());
    });
    steps.finish();
}

/// The median of the times of one call, one per round.
fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// kam's path over the plain one, timed in alternation so that both see
/// the same machine load.
fn ratio() {
    let options = ScoreOptions::default();
    let report = api::score(&AuditAssessment::from_json(NORTHWIND).unwrap(), &options).unwrap();
    let (mut kam_times, mut plain_times) = (Vec::new(), Vec::new());
    for _ in 0..41 {
        let start = Instant::now();
        for _ in 0..500 {
            black_box(kam(black_box(NORTHWIND), &options));
        }
        kam_times.push(start.elapsed() / 500);
        let start = Instant::now();
        for _ in 0..500 {
            black_box(plain(black_box(NORTHWIND), &report));
        }
        plain_times.push(start.elapsed() / 500);
    }
    let (kam, plain) = (median(&mut kam_times), median(&mut plain_times));
    println!(
        "request path: kam {kam:.1?}, plain serde_json {plain:.1?}, ratio {:.2} (target at most 1.5)",
        kam.as_secs_f64() / plain.as_secs_f64()
    );
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    ratio();
}
