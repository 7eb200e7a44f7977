//! Batch scoring equals scoring one assessment at a time, whatever the
//! layout, cell type and thread count.

use proptest::prelude::*;

use super::plan::standing;
use super::*;
use crate::assessment::AuditAssessment;
use crate::framework::builtin_audit;
use crate::scoring::{AuditReport, Position, ScoreOptions, score_audit};

fn cranfield() -> &'static AuditFramework {
    builtin_audit("cranfield-kam-development").unwrap()
}

/// Checks row `r` of a batch against the full report for the same scores.
fn assert_row_matches(plan: &BatchPlan, got: &BatchScores, r: usize, report: &AuditReport) {
    let periods: Vec<u32> = report
        .phases
        .iter()
        .flat_map(|p| p.periods.iter().map(|q| q.score))
        .collect();
    let (np, nh) = (plan.period_ids().len(), plan.phase_ids().len());
    assert_eq!(got.period_scores[r * np..(r + 1) * np], periods[..]);
    let phases: Vec<u32> = report.phases.iter().map(|p| p.score).collect();
    assert_eq!(got.phase_scores[r * nh..(r + 1) * nh], phases[..]);
    assert_eq!(got.overall[r], report.overall.score);
    assert_eq!(got.percent[r].to_bits(), report.overall.percent.to_bits());
    match &report.position {
        Position::Period {
            number, fraction, ..
        } => {
            assert_eq!(got.position_number[r], *number);
            assert_eq!(got.position_fraction[r].to_bits(), fraction.to_bits());
        }
        Position::BestPractice { .. } => {
            assert_eq!(got.position_number[r], 12);
            assert_eq!(got.position_fraction[r].to_bits(), 1.0f64.to_bits());
        }
    }
    let current = usize::try_from(got.current_period[r])
        .ok()
        .map(|p| plan.period_ids()[p].clone());
    assert_eq!(
        current.as_deref(),
        report.progress.current_period.as_deref()
    );
    assert_eq!(got.unscored[r], report.unscored);
}

fn cells(scores: &[u8]) -> Vec<BatchCell> {
    scores.iter().map(|&s| BatchCell::from(s)).collect()
}

fn framework_with_weights(weights: &[u32]) -> AuditFramework {
    let mut f = cranfield().clone();
    for (item, w) in f.items.iter_mut().zip(weights) {
        item.weight = *w;
    }
    f
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Batch scoring equals `score` row by row, for any scores, any
    /// column order, any missing columns and any item weights.
    #[test]
    fn batch_equals_score_row_by_row(
        rows in prop::collection::vec(prop::collection::vec(prop::option::of(0u8..=3), 129), 1..6),
        order in Just((0..129usize).collect::<Vec<_>>()).prop_shuffle(),
        keep in prop::collection::vec(prop::bool::weighted(0.9), 129),
        weights in prop::collection::vec(1u32..=4, 129),
    ) {
        let framework = framework_with_weights(&weights);
        let ids = item_ids(&framework);
        let columns: Vec<usize> = order.into_iter().filter(|&i| keep[i]).collect();
        let names: Vec<&str> = columns.iter().map(|&i| ids[i]).collect();
        let plan = BatchPlan::new(&framework, &names).unwrap();
        let cells: Vec<u8> = rows
            .iter()
            .flat_map(|row| columns.iter().map(|&i| row[i].unwrap_or(0)))
            .collect();
        let got = plan.score(&cells).unwrap();
        let wide: Vec<i64> = cells.iter().map(|&c| i64::from(c)).collect();
        prop_assert_eq!(&plan.score(&wide).unwrap(), &got);
        // The same matrix column by column, in every cell type, equals it.
        let by_column: Vec<Vec<u8>> = (0..columns.len())
            .map(|c| cells.iter().skip(c).step_by(columns.len().max(1)).copied().collect())
            .collect();
        let as_i64: Vec<Vec<i64>> = by_column.iter().map(|c| c.iter().map(|&v| i64::from(v)).collect()).collect();
        let as_f64: Vec<Vec<f64>> = by_column.iter().map(|c| c.iter().map(|&v| f64::from(v)).collect()).collect();
        for shift in 0..3 {
            let typed: Vec<Column<'_>> = (0..columns.len())
                .map(|i| match (i + shift) % 3 {
                    0 => Column::U8(&by_column[i]),
                    1 => Column::I64(&as_i64[i]),
                    _ => Column::F64(&as_f64[i]),
                })
                .collect();
            let mut out = BatchScores::zeroed(rows.len(), 12, 4);
            plan.score_columns_into(&typed, 0, &mut out.output()).unwrap();
            prop_assert_eq!(&out, &got);
        }
        for (r, row) in rows.iter().enumerate() {
            let mut assessment = AuditAssessment::new(&framework);
            // A u8 matrix has no blank: a column's cell is a score, 0 or not.
            for &i in &columns {
                assessment.scores.insert(ids[i].to_owned(), row[i].unwrap_or(0));
            }
            let report = score_audit(&framework, &assessment, &ScoreOptions::default()).unwrap();
            assert_row_matches(&plan, &got, r, &report);
        }
    }
}

#[test]
fn full_marks_are_best_practice() {
    let plan = BatchPlan::for_framework(cranfield());
    let got = plan.score(&[3u8; 129]).unwrap();
    assert_eq!(got.overall, [387]);
    assert_eq!(
        (got.position_number[0], got.position_fraction[0]),
        (12, 1.0)
    );
    assert_eq!(got.percent, [100.0]);
}

#[test]
fn out_of_range_cells_name_row_and_column() {
    let plan = BatchPlan::for_framework(cranfield());
    let mut cells = vec![1u8; 3 * 129];
    cells[129 + 2] = 7;
    let err = plan.score(&cells).unwrap_err();
    assert_eq!(err.kind(), "cell-out-of-range");
    assert_eq!(
        err.to_string(),
        "row 1, column 2 (`A1.3`) has score 7, outside the scale 0–3"
    );
    let plan = BatchPlan::new(cranfield(), &["B1.1"]).unwrap();
    let err = plan.score(&[0i64, -1]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "row 1, column 0 (`B1.1`) has score -1, outside the scale 0–3"
    );
}

#[test]
fn columns_must_be_known_unique_items_and_whole_rows() {
    let err = BatchPlan::new(cranfield(), &["A1.1", "Z9"]).unwrap_err();
    assert_eq!(
        (err.kind().as_str(), err.to_string().as_str()),
        (
            "unknown-column",
            "unknown column `Z9`: framework `cranfield-kam-development` has no such item"
        )
    );
    let err = BatchPlan::new(cranfield(), &["A1.1", "A1.1"]).unwrap_err();
    assert_eq!(err.to_string(), "column `A1.1` appears twice");
    let plan = BatchPlan::new(cranfield(), &["A1.1", "A1.2"]).unwrap();
    let err = plan.score(&[1u8, 2, 3]).unwrap_err();
    assert_eq!(err.kind(), "matrix-shape");
    assert_eq!(
        err.to_string(),
        "the score matrix has 3 cell(s), not whole rows of 2 column(s)"
    );
}

#[test]
fn split_outputs_score_like_one_batch() {
    let plan = BatchPlan::for_framework(cranfield());
    let cells: Vec<u8> = (0..5 * 129)
        .map(|i| u8::try_from(i * 7 % 4).unwrap())
        .collect();
    let whole = plan.score(&cells).unwrap();
    let mut parts = plan.score(&cells).unwrap();
    parts.overall.fill(0);
    parts.period_scores.fill(9);
    parts.unscored.fill(7);
    let out = parts.output();
    let (mut a, mut b) = out.split_at_row(2, 12, 4);
    plan.score_into(&cells[..2 * 129], 0, &mut a).unwrap();
    plan.score_into(&cells[2 * 129..], 2, &mut b).unwrap();
    assert_eq!(parts, whole);
}

#[test]
fn rows_of_another_width_are_named() {
    let plan = BatchPlan::new(cranfield(), &["A1.1", "A1.2"]).unwrap();
    let err = plan.score_rows(&[cells(&[3, 2]), cells(&[1])]).unwrap_err();
    assert_eq!(err.kind(), "matrix-shape");
    assert_eq!(
        err.to_string(),
        "row 1 has 1 cell(s), but the batch has 2 column(s)"
    );
    assert_eq!(plan.check_width(2), Ok(()));
    let err = plan.check_width(3).unwrap_err();
    assert_eq!(err.kind(), "matrix-shape");
    assert_eq!(
        err.to_string(),
        "the score matrix has 3 column(s), but the batch has 2"
    );
}

#[test]
fn rows_without_columns_still_count() {
    let plan = BatchPlan::new(cranfield(), &[] as &[&str]).unwrap();
    let report = plan
        .score_rows(&[cells(&[]), cells(&[]), cells(&[])])
        .unwrap();
    assert_eq!(report.overall, [0, 0, 0]);
    assert_eq!(report.position_number, [1, 1, 1]);
}

#[test]
fn score_rows_equals_score_row_by_row() {
    let plan = BatchPlan::for_framework(cranfield());
    let rows: Vec<Vec<u8>> = (0u8..4).map(|s| vec![s; plan.columns()]).collect();
    let json: Vec<Vec<BatchCell>> = rows.iter().map(|r| cells(r)).collect();
    let report = plan.score_rows(&json).unwrap();
    let flat = plan.score(&rows.concat()).unwrap();
    assert_eq!(report.overall, flat.overall);
    assert_eq!(report.period_scores.concat(), flat.period_scores);
    assert_eq!(report.phase_scores.concat(), flat.phase_scores);
    assert_eq!(report.period_ids, plan.period_ids());
    assert_eq!(report.overall, [0, 129, 258, 387]);
}

#[test]
fn a_batch_input_names_its_framework_or_takes_the_default() {
    let input = BatchInput {
        framework: None,
        columns: Some(vec!["A1.1".into()]),
        completion_threshold: None,
        rows: vec![cells(&[3])],
    };
    assert_eq!(score_input(&input, None).unwrap().overall, [3]);
    let other = BatchInput {
        framework: Some("kam-maturity-model".into()),
        ..input.clone()
    };
    assert_eq!(
        score_input(&other, None).unwrap_err().kind(),
        "wrong-framework-type"
    );
    let file = crate::framework::builtin_framework(DEFAULT_FRAMEWORK).unwrap();
    let named = BatchInput {
        framework: Some("another-audit".into()),
        ..input
    };
    let err = score_input(&named, Some(file)).unwrap_err();
    assert_eq!(err.kind(), "framework-mismatch");
    assert_eq!(
        err.to_string(),
        "the batch is for framework `another-audit`, but it is being scored with `cranfield-kam-development`"
    );
}

#[test]
fn the_standings_table_equals_the_search_for_every_total() {
    let framework = framework_with_weights(&[1, 2, 3, 4].repeat(33)[..129]);
    let plan = BatchPlan::for_framework(&framework);
    assert_eq!(plan.standings.len(), usize::try_from(plan.max).unwrap() + 1);
    for total in 0..=plan.max {
        let searched = standing(total, plan.max, &plan.period_max, &plan.period_numbers);
        let (pct, number, fraction) = plan.standings[usize::try_from(total).unwrap()];
        assert_eq!(number, searched.1, "total {total}");
        assert_eq!(pct.to_bits(), searched.0.to_bits(), "total {total}");
        assert_eq!(fraction.to_bits(), searched.2.to_bits(), "total {total}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Missing cells (`NaN` column by column, `null` in JSON rows) are
    /// unscored items: the batch equals `score` without them, and counts them.
    #[test]
    fn missing_cells_are_unscored_items(
        rows in prop::collection::vec(prop::collection::vec(prop::option::of(0u8..=3), 129), 1..5),
        threshold in prop::sample::select(vec![80.0, 50.0, 100.0, 33.3]),
    ) {
        let framework = cranfield();
        let ids = item_ids(framework);
        let plan = BatchPlan::for_framework(framework)
            .with_completion_threshold(threshold)
            .unwrap();
        let columns: Vec<Vec<f64>> = (0..129)
            .map(|c| rows.iter().map(|r| r[c].map_or(f64::NAN, f64::from)).collect())
            .collect();
        let typed: Vec<Column<'_>> = columns.iter().map(|c| Column::F64(c)).collect();
        let mut got = BatchScores::zeroed(rows.len(), 12, 4);
        plan.score_columns_into(&typed, 0, &mut got.output()).unwrap();
        let json: Vec<Vec<BatchCell>> = rows
            .iter()
            .map(|r| r.iter().map(|c| c.map_or(BatchCell::Blank, BatchCell::from)).collect())
            .collect();
        let report = plan.score_rows(&json).unwrap();
        prop_assert_eq!(&report.overall, &got.overall);
        prop_assert_eq!(&report.unscored, &got.unscored);
        let options = ScoreOptions { completion_threshold: threshold, ..ScoreOptions::default() };
        for (r, row) in rows.iter().enumerate() {
            let mut assessment = AuditAssessment::new(framework);
            for (c, score) in row.iter().enumerate() {
                if let Some(score) = score {
                    assessment.scores.insert(ids[c].to_owned(), *score);
                }
            }
            let want = score_audit(framework, &assessment, &options).unwrap();
            assert_row_matches(&plan, &got, r, &want);
            prop_assert_eq!(report.current_period[r].as_deref(), want.progress.current_period.as_deref());
        }
    }
}

#[test]
fn the_first_bad_cell_in_row_order_is_named_whatever_the_layout() {
    let plan = BatchPlan::new(cranfield(), &["A1.1", "A1.2", "A1.3"]).unwrap();
    // Row 600 (in the second block of rows), column 2 holds 2.5; row 700 column 0 holds 9.
    let mut a = vec![1.0; 800];
    let b = vec![2i64; 800];
    let mut c = vec![3u8; 800];
    c[600] = 4;
    a[700] = 9.0;
    a[600] = 1.0;
    let mut frac = vec![0.0; 800];
    frac[600] = 2.5;
    let columns = [Column::F64(&a), Column::I64(&b), Column::U8(&c)];
    let mut out = BatchScores::zeroed(800, 12, 4);
    let err = plan
        .score_columns_into(&columns, 0, &mut out.output())
        .unwrap_err();
    assert_eq!(err.kind(), "cell-out-of-range");
    assert_eq!(
        err.to_string(),
        "row 600, column 2 (`A1.3`) has score 4, outside the scale 0–3"
    );
    assert_eq!(err.batch_row(), Some(600));
    let labelled = err.with_row_label("acct-600");
    assert_eq!(
        labelled.to_string(),
        "row `acct-600`, column `A1.3` has score 4, outside the scale 0–3"
    );
    let columns = [Column::F64(&frac), Column::I64(&b), Column::U8(&c)];
    let err = plan
        .score_columns_into(&columns, 10, &mut out.output())
        .unwrap_err();
    assert_eq!(err.kind(), "cell-not-whole");
    assert_eq!(
        err.to_string(),
        "row 610, column 0 (`A1.1`) has `2.5`, not a whole number on the scale 0–3"
    );
    // Whole floats off the scale are out of range, written as whole numbers.
    let err = plan.score(&[1.0, 7.0, f64::NAN]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "row 0, column 1 (`A1.2`) has score 7, outside the scale 0–3"
    );
    let err = plan.score(&[1.0, f64::INFINITY, 1e300]).unwrap_err();
    assert_eq!(err.kind(), "cell-not-whole");
    assert_eq!(
        err.to_string(),
        "row 0, column 1 (`A1.2`) has `inf`, not a whole number on the scale 0–3"
    );
    let err = plan.score(&[1.0, 1.0, -1e300]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "row 0, column 2 (`A1.3`) has score -1e300, outside the scale 0–3"
    );
    let err = plan.score(&[0i64, 1, i64::MIN]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "row 0, column 2 (`A1.3`) has score -9223372036854775808, outside the scale 0–3"
    );
    let err = plan.text_error(3, 1, &"n/a ".repeat(40));
    assert_eq!(err.kind(), "cell-not-a-number");
    assert!(
        err.to_string()
            .starts_with("row 3, column 1 (`A1.2`) holds the text `n/a n/a"),
        "{err}"
    );
    assert!(
        err.to_string()
            .ends_with("…`, not a score on the scale 0–3"),
        "{err}"
    );
    let short = [Column::F64(&a), Column::I64(&b[..5]), Column::U8(&c)];
    let err = plan
        .score_columns_into(&short, 0, &mut out.output())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "column 1 (`A1.2`) has 5 cell(s), but the batch has 800 row(s)"
    );
}

#[test]
fn json_cells_are_numbers_null_or_text() {
    let input: BatchInput = crate::json::from_json(
        r#"{"columns": ["A1.1", "A1.2"], "rows": [[3, null], [2.0, 1]], "completion_threshold": 50}"#,
    )
    .unwrap();
    let report = score_input(&input, None).unwrap();
    assert_eq!(report.overall, [3, 3]);
    assert_eq!(report.unscored, [128, 127]);
    assert_eq!(
        report.current_period,
        [Some("A1".to_owned()), Some("A1".to_owned())]
    );
    let text: BatchInput =
        crate::json::from_json(r#"{"columns": ["A1.1"], "rows": [[3], ["n/a"]]}"#).unwrap();
    let err = score_input(&text, None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "row 1, column 0 (`A1.1`) holds the text `n/a`, not a score on the scale 0–3"
    );
    let err = crate::json::from_json::<BatchInput>(r#"{"rows": [[true]]}"#).unwrap_err();
    assert_eq!(err.kind(), "invalid-input");
    assert!(
        err.to_string()
            .contains("a score (a whole number), null or text"),
        "{err}"
    );
    let err = crate::json::from_json::<BatchInput>(r#"{"rows": [], "completion_threshold": 0}"#)
        .map(|i| score_input(&i, None))
        .unwrap()
        .unwrap_err();
    assert_eq!(err.kind(), "invalid-option");
}

#[test]
fn parallel_scoring_equals_one_thread() {
    let plan = BatchPlan::for_framework(cranfield());
    let rows = 3 * parallel::MIN_ROWS_PER_THREAD + 17;
    let cells: Vec<u8> = (0..rows * 129)
        .map(|i| u8::try_from((i * 7 + i / 129) % 4).unwrap())
        .collect();
    let one = plan.score(&cells).unwrap();
    let mut many = BatchScores::zeroed(rows, 12, 4);
    plan.score_parallel(&cells, many.output()).unwrap();
    assert_eq!(many, one);
    let columns: Vec<Vec<i64>> = (0..129)
        .map(|c| (0..rows).map(|r| i64::from(cells[r * 129 + c])).collect())
        .collect();
    let typed: Vec<Column<'_>> = columns.iter().map(|c| Column::I64(c)).collect();
    let mut by_column = BatchScores::zeroed(rows, 12, 4);
    plan.score_columns_parallel(&typed, by_column.output())
        .unwrap();
    assert_eq!(by_column, one);
    // The first row at fault is named, whichever thread meets it.
    let mut bad = cells.clone();
    bad[(rows - 3) * 129 + 5] = 9;
    bad[(rows / 2) * 129 + 4] = 8;
    let err = plan.score_parallel(&bad, many.output()).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("row {}, column 4 ", rows / 2)),
        "{err}"
    );
}

#[test]
fn the_completion_table_equals_the_scoring_rule() {
    for threshold in [80.0, 33.3, 66.7, 100.0, 0.1] {
        let plan = BatchPlan::for_framework(cranfield())
            .with_completion_threshold(threshold)
            .unwrap();
        for (p, &max) in plan.period_max.iter().enumerate() {
            let needed = plan.completion[p];
            for score in 0..=max {
                let tally = crate::scoring::Tally {
                    score,
                    max,
                    unscored: 0,
                };
                assert_eq!(
                    crate::scoring::is_complete(&tally, threshold),
                    score >= needed,
                    "{threshold} {p} {score}"
                );
            }
        }
    }
}

#[test]
fn the_quick_range_check_never_refuses_a_cell_that_fits() {
    // On a scale 0–2 the or of 1 and 2 is 3: the exact pass must accept it.
    let mut framework = cranfield().clone();
    framework.scale.max = 2;
    let plan = BatchPlan::new(&framework, &["A1.1"]).unwrap();
    let bytes = [1u8, 2, 0, 2];
    let wide = [1i64, 2, 0, 2];
    let floats = [1.0, 2.0, f64::NAN, 2.0];
    for column in [Column::U8(&bytes), Column::I64(&wide), Column::F64(&floats)] {
        let mut out = BatchScores::zeroed(4, 12, 4);
        plan.score_columns_into(&[column], 0, &mut out.output())
            .unwrap();
        assert_eq!(
            out.period_scores
                .iter()
                .step_by(12)
                .copied()
                .collect::<Vec<_>>(),
            [1, 2, 0, 2]
        );
    }
    let off = [1u8, 3];
    let mut out = BatchScores::zeroed(2, 12, 4);
    let err = plan
        .score_columns_into(&[Column::U8(&off)], 0, &mut out.output())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "row 1, column 0 (`A1.1`) has score 3, outside the scale 0–2"
    );
}

#[test]
fn a_period_with_more_columns_than_a_byte_sum_holds_is_split() {
    // Every item in one period: 129 columns of scores up to 3 overflow one
    // byte-wide sum (at most 85 such columns fit), so they form two groups.
    let mut framework = cranfield().clone();
    for item in &mut framework.items {
        item.period = "A1".to_owned();
    }
    let plan = BatchPlan::for_framework(&framework);
    assert_eq!(plan.groups.len(), 2);
    let columns: Vec<Vec<u8>> = (0..129)
        .map(|c| vec![3, u8::try_from(c % 4).unwrap()])
        .collect();
    let typed: Vec<Column<'_>> = columns.iter().map(|c| Column::U8(c)).collect();
    let mut out = BatchScores::zeroed(2, 12, 4);
    plan.score_columns_into(&typed, 0, &mut out.output())
        .unwrap();
    let rows: Vec<u8> = (0..2)
        .flat_map(|r| columns.iter().map(move |c| c[r]))
        .collect();
    assert_eq!(out, plan.score(&rows).unwrap());
    assert_eq!(out.period_scores[0], 387);
}
