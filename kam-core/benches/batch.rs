//! Batch scoring throughput: a million Cranfield audits as a `u8` matrix
//! (129 MB), on one thread, into preallocated results — the kernel behind
//! Python's `kam.score_batch`, with neither `NumPy` nor threads; and 100,000
//! audits as 129 `u8` or `i64` columns, as a data frame holds them — the
//! column kernel behind `kam.score_frame`, on one thread.
//!
//! Run: `cargo bench -p kam-engine --bench batch`

#![allow(missing_docs)] // criterion_group! generates undocumented items

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kam_core::batch::{BatchPlan, BatchScores, Column};
use kam_core::framework::builtin_audit;

const ROWS: usize = 1_000_000;

/// Scores 0–3 from a fixed linear congruential sequence: no rand dependency.
fn matrix(rows: usize, columns: usize) -> Vec<u8> {
    let mut state = 2006u64;
    (0..rows * columns)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            u8::try_from(state >> 62).unwrap()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let framework = builtin_audit("cranfield-kam-development").unwrap();
    let plan = BatchPlan::for_framework(framework);
    let cells = matrix(ROWS, plan.columns());
    let (periods, phases) = (plan.period_ids().len(), plan.phase_ids().len());
    let mut scores = BatchScores::zeroed(ROWS, periods, phases);
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.throughput(Throughput::Elements(ROWS as u64));
    group.bench_function("score 1,000,000 audits, one thread", |b| {
        b.iter(|| {
            plan.score_into(black_box(&cells), 0, &mut scores.output())
                .unwrap();
        });
    });
    let rows = 100_000;
    let by_column = matrix(rows, plan.columns());
    let columns: Vec<Column<'_>> = by_column.chunks(rows).map(Column::U8).collect();
    let mut frame_scores = BatchScores::zeroed(rows, periods, phases);
    group.throughput(Throughput::Elements(rows as u64));
    group.bench_function("score 100,000 audits by columns (u8), one thread", |b| {
        b.iter(|| {
            plan.score_columns_into(black_box(&columns), 0, &mut frame_scores.output())
                .unwrap();
        });
    });
    let wide: Vec<i64> = by_column.iter().map(|&c| i64::from(c)).collect();
    let wide_columns: Vec<Column<'_>> = wide.chunks(rows).map(Column::I64).collect();
    group.bench_function("score 100,000 audits by columns (i64), one thread", |b| {
        b.iter(|| {
            plan.score_columns_into(black_box(&wide_columns), 0, &mut frame_scores.output())
                .unwrap();
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
