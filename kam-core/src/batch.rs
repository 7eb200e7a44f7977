//! Batch scoring: many action-audit assessments at once, as a matrix of
//! scores with one row per assessment and one column per item.
//!
//! This is the engine behind Python's `kam.score_batch` and `kam.score_frame`
//! for data sets of millions of assessments. It gives, per row, what
//! [`crate::api::score`] gives in `phases[].periods[].score`, `phases[].score`,
//! `overall` and `position` for the same scores — the rules are the scoring
//! module's own (which period an item counts in, its weight, the period
//! maxima, the Figure 4 rule) — without building a report per row.
//!
//! A batch has no "not applicable" marks, and an item whose column is absent
//! is unscored; unscored items and items scored 0 add the same 0 points.
//!
//! ```
//! use kam_core::batch::BatchPlan;
//!
//! let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
//! let plan = BatchPlan::new(framework, &["A1.1", "A1.2"])?;
//! let scores = plan.score(&[3u8, 2, 0, 1])?; // two rows of two columns
//! assert_eq!(scores.overall, [5, 1]);
//! assert_eq!(scores.period_scores[..1], [5]); // row 0, period A1
//! assert_eq!(scores.position_number, [1, 1]); // both still in period 1
//! # Ok::<(), kam_core::Error>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::AuditAssessment;
use crate::error::{BatchError, Error, LimitError};
use crate::framework::{AuditFramework, Framework};
use crate::limits::MAX_BATCH_RESULTS;
use crate::scoring::{ScoreSheet, locate, percent};

/// The framework a batch is scored against when it names none: the
/// Cranfield action audit, the one batch scoring exists for.
pub const DEFAULT_FRAMEWORK: &str = "cranfield-kam-development";

/// A batch as one JSON document: the rows of a spreadsheet of audits, one
/// row per assessment and one cell per named column. The input of
/// `score_batch` (Rust and Python; `scoreBatch` in JavaScript). A batch has
/// no "unscored" mark per cell: leave an item's column out to leave it
/// unscored (0 and unscored add the same 0 points).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchInput {
    /// The bundled action-audit framework; `cranfield-kam-development` if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    /// The item id of each column, in any order; items without a column are
    /// unscored. If absent, every item in framework order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub columns: Option<Vec<String>>,
    /// The scores, one row per assessment.
    pub rows: Vec<Vec<i64>>,
}

/// The results of a batch row by row, as one JSON document: what
/// `score_batch` returns for a `BatchInput`. Per row, the period, phase and
/// overall scores and the Figure 4 position, with the period and phase ids
/// that head the columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BatchReport {
    /// The period ids in development-path order: the columns of `period_scores`.
    pub period_ids: Vec<String>,
    /// The phase ids in framework order: the columns of `phase_scores`.
    pub phase_ids: Vec<String>,
    /// Each row's period scores.
    pub period_scores: Vec<Vec<u32>>,
    /// Each row's phase scores.
    pub phase_scores: Vec<Vec<u32>>,
    /// Each row's overall score.
    pub overall: Vec<u32>,
    /// Each row's overall percentage.
    pub percent: Vec<f64>,
    /// Figure 4: the number of the period each row's score lies in.
    pub position_number: Vec<u32>,
    /// Figure 4: the share of that period covered; 1 for best practice.
    pub position_fraction: Vec<f64>,
}

/// How to score a matrix whose columns are the given items: built once per
/// batch, then applied to any number of rows.
#[derive(Debug, Clone)]
pub struct BatchPlan {
    /// Runs of adjacent columns counting in one period with one weight.
    segments: Vec<Segment>,
    /// The same runs as fixed-width windows over a row, for rows of at least
    /// [`LANES`] columns: summing a masked window of constant width is what
    /// lets the compiler vectorise the inner loop.
    windows: Vec<Window>,
    /// The periods no window covers (none of their items has a column).
    periods_without_windows: Vec<usize>,
    /// For error messages: the item id of each column.
    columns: Vec<String>,
    /// Period maxima in development-path order.
    period_max: Vec<u32>,
    /// Period numbers in path order.
    period_numbers: Vec<u32>,
    /// Period ids in path order.
    period_ids: Vec<String>,
    /// The periods of each phase, as a range of path positions: the path
    /// lists each phase's periods together, in phase order.
    phase_spans: Vec<Range<usize>>,
    /// Phase ids in framework order.
    phase_ids: Vec<String>,
    /// The overall maximum.
    max: u32,
    /// [`standing`] of every total from 0 to the maximum, when the maximum
    /// is small enough to tabulate (it is 387 for the Cranfield audit): a
    /// row then costs a lookup instead of two divisions and a search.
    standings: Vec<(f64, u32, f64)>,
    /// The scale.
    min_score: u8,
    max_score: u8,
}

/// The width of a window: 16 cells fit one 128-bit vector register.
const LANES: usize = 16;

#[derive(Debug, Clone, Copy)]
struct Window {
    /// First column of the window; the window always lies inside the row.
    start: usize,
    /// `0xFF` for the columns of the run, `0` for the others.
    mask: [u8; LANES],
    period: usize,
    weight: u32,
    /// Whether this is the period's first window: it sets the period's score
    /// rather than adding to it, which saves clearing the row beforehand
    /// (a clear and then an add to the same place stalls the processor).
    opens_period: bool,
}

#[derive(Debug, Clone, Copy)]
struct Segment {
    start: usize,
    end: usize,
    period: usize,
    weight: u32,
}

/// The per-row results of a batch, each a row-major array.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BatchScores {
    /// Rows × periods: the score of each period, periods in path order
    /// ([`BatchPlan::period_ids`]).
    pub period_scores: Vec<u32>,
    /// Rows × phases: the score of each phase ([`BatchPlan::phase_ids`]).
    pub phase_scores: Vec<u32>,
    /// The overall score of each row.
    pub overall: Vec<u32>,
    /// The overall percentage of each row.
    pub percent: Vec<f64>,
    /// Figure 4: the number of the period each row's score lies in; the last
    /// period's number for best practice.
    pub position_number: Vec<u32>,
    /// Figure 4: the share of that period covered, in `[0, 1)`; exactly 1 for
    /// best practice (the overall maximum reached).
    pub position_fraction: Vec<f64>,
}

/// Where [`BatchPlan::score_into`] writes: one slice per result, sized for
/// the rows scored (`rows × periods`, `rows × phases`, `rows`, …).
#[derive(Debug)]
pub struct BatchOutput<'o> {
    /// See [`BatchScores::period_scores`].
    pub period_scores: &'o mut [u32],
    /// See [`BatchScores::phase_scores`].
    pub phase_scores: &'o mut [u32],
    /// See [`BatchScores::overall`].
    pub overall: &'o mut [u32],
    /// See [`BatchScores::percent`].
    pub percent: &'o mut [f64],
    /// See [`BatchScores::position_number`].
    pub position_number: &'o mut [u32],
    /// See [`BatchScores::position_fraction`].
    pub position_fraction: &'o mut [f64],
}

impl<'o> BatchOutput<'o> {
    /// Splits into the first `rows` rows and the rest, so that parts of a
    /// batch can be scored on several threads. `periods` and `phases` are the
    /// plan's counts.
    #[must_use]
    pub fn split_at_row(
        self,
        rows: usize,
        periods: usize,
        phases: usize,
    ) -> (BatchOutput<'o>, BatchOutput<'o>) {
        fn cut<T>(s: &mut [T], at: usize) -> (&mut [T], &mut [T]) {
            s.split_at_mut(at.min(s.len()))
        }
        let (pa, pb) = cut(self.period_scores, rows * periods);
        let (ha, hb) = cut(self.phase_scores, rows * phases);
        let (oa, ob) = cut(self.overall, rows);
        let (ca, cb) = cut(self.percent, rows);
        let (na, nb) = cut(self.position_number, rows);
        let (fa, fb) = cut(self.position_fraction, rows);
        (
            BatchOutput {
                period_scores: pa,
                phase_scores: ha,
                overall: oa,
                percent: ca,
                position_number: na,
                position_fraction: fa,
            },
            BatchOutput {
                period_scores: pb,
                phase_scores: hb,
                overall: ob,
                percent: cb,
                position_number: nb,
                position_fraction: fb,
            },
        )
    }
}

/// The largest overall maximum for which a plan tabulates every total's
/// standing (a table of at most 1.5 MiB).
const MAX_TABULATED: u32 = 1 << 16;

/// The overall percentage and the Figure 4 position (period number and
/// fraction) of a total, by the scoring module's own rules.
fn standing(total: u32, max: u32, period_max: &[u32], period_numbers: &[u32]) -> (f64, u32, f64) {
    // Best practice sits at the end of the last period.
    let (mut number, mut fraction) = (period_numbers.last().copied().unwrap_or(0), 1.0);
    if let Some(spot) = locate(total, period_max.iter().copied()) {
        number = period_numbers.get(spot.index).copied().unwrap_or(0);
        fraction = spot.fraction;
    }
    (percent(total, max), number, fraction)
}

/// [`standing`] of every total from 0 to `max`, in one sweep along the
/// periods (each total lies in the period whose range holds it, as
/// `locate` finds it), rather than a search per total.
fn tabulate(max: u32, period_max: &[u32], period_numbers: &[u32]) -> Vec<(f64, u32, f64)> {
    let mut table = Vec::with_capacity(usize::try_from(max).unwrap_or(0) + 1);
    let mut from = 0;
    for (&width, &number) in period_max.iter().zip(period_numbers) {
        for total in from..from + width {
            table.push((
                percent(total, max),
                number,
                f64::from(total - from) / f64::from(width),
            ));
        }
        from += width;
    }
    // The overall maximum is best practice.
    table.push(standing(max, max, period_max, period_numbers));
    table
}

/// Where each phase's periods lie on the path.
fn phase_spans(sheet: &ScoreSheet<'_>) -> Vec<Range<usize>> {
    let mut spans = vec![0..0; sheet.framework.phases.len()];
    for (position, step) in sheet.path.iter().enumerate() {
        if let Some(span) = spans.get_mut(step.phase_index) {
            if Range::is_empty(span) {
                span.start = position;
            }
            span.end = position + 1;
        }
    }
    spans
}

/// Cuts runs into windows of [`LANES`] columns; none for narrower rows.
fn windows(segments: &[Segment], columns: usize) -> Vec<Window> {
    let mut windows = Vec::new();
    if columns < LANES {
        return windows;
    }
    let mut opened = BTreeSet::new();
    for s in segments {
        let mut first = s.start;
        while first < s.end {
            let last = s.end.min(first + LANES);
            let start = first.min(columns - LANES);
            let mut mask = [0; LANES];
            for (i, m) in mask.iter_mut().enumerate() {
                if (first..last).contains(&(start + i)) {
                    *m = u8::MAX;
                }
            }
            windows.push(Window {
                start,
                mask,
                period: s.period,
                weight: s.weight,
                opens_period: opened.insert(s.period),
            });
            first = last;
        }
    }
    windows
}

/// Scores a [`BatchInput`] against the bundled framework it names, or
/// against `framework` when one is given (a framework file).
///
/// # Errors
/// `too-many-results` past [`MAX_BATCH_RESULTS`] (checked before any
/// scoring), `unknown-framework`, `wrong-framework-type`,
/// `framework-mismatch`, and those of [`BatchPlan::new`] and
/// [`BatchPlan::score_rows`].
pub fn score_input(
    input: &BatchInput,
    framework: Option<&Framework>,
) -> Result<BatchReport, Error> {
    let framework = match framework {
        Some(framework) => {
            if let Some(named) = input.framework.as_ref().filter(|id| **id != framework.id()) {
                return Err(BatchError::FrameworkMismatch {
                    expected: framework.id().to_owned(),
                    found: named.clone(),
                }
                .into());
            }
            framework
        }
        None => crate::framework::builtin_framework(
            input.framework.as_deref().unwrap_or(DEFAULT_FRAMEWORK),
        )?,
    };
    let audit = framework.as_audit()?;
    let per_row = audit.path().count() + audit.phases.len();
    let results = input.rows.len().saturating_mul(per_row);
    if results > MAX_BATCH_RESULTS {
        return Err(LimitError::TooManyResults {
            rows: input.rows.len(),
            per_row,
            results,
            max: MAX_BATCH_RESULTS,
        }
        .into());
    }
    let plan = match &input.columns {
        Some(columns) => BatchPlan::new(audit, columns)?,
        None => BatchPlan::for_framework(audit),
    };
    plan.score_rows(&input.rows)
}

/// The item ids of `framework` in file order: the column order of a batch
/// made with [`BatchPlan::for_framework`].
pub fn item_ids(framework: &AuditFramework) -> Vec<&str> {
    framework.items.iter().map(|i| i.id.as_str()).collect()
}

impl BatchPlan {
    /// A plan for a matrix with one column per item in framework order.
    pub fn for_framework(framework: &AuditFramework) -> Self {
        Self::build(framework, &item_ids(framework))
    }

    /// A plan for a matrix whose columns are these item ids, in any order;
    /// items without a column are unscored.
    ///
    /// # Errors
    /// [`BatchError::UnknownColumn`] and [`BatchError::DuplicateColumn`].
    pub fn new<S: AsRef<str>>(framework: &AuditFramework, columns: &[S]) -> Result<Self, Error> {
        let known: BTreeSet<&str> = framework.items.iter().map(|i| i.id.as_str()).collect();
        let mut seen = BTreeSet::new();
        for column in columns {
            let column = column.as_ref();
            if !known.contains(column) {
                return Err(BatchError::UnknownColumn {
                    column: column.to_owned(),
                    framework: framework.id.clone(),
                }
                .into());
            }
            if !seen.insert(column) {
                return Err(BatchError::DuplicateColumn {
                    column: column.to_owned(),
                }
                .into());
            }
        }
        Ok(Self::build(framework, columns))
    }

    fn build<S: AsRef<str>>(framework: &AuditFramework, columns: &[S]) -> Self {
        // The score sheet of an empty assessment lays out every item on the
        // path exactly as scoring does, with each period's maximum.
        let sheet = ScoreSheet::new(framework, &AuditAssessment::new(framework));
        let mut line_of = BTreeMap::new();
        for line in &sheet.lines {
            line_of.entry(line.item.id.as_str()).or_insert(line);
        }
        let mut segments: Vec<Segment> = Vec::new();
        for (index, column) in columns.iter().enumerate() {
            let Some(line) = line_of.get(column.as_ref()) else {
                continue; // counts nowhere, like an item of an unknown period
            };
            match segments.last_mut() {
                Some(s)
                    if s.end == index && s.period == line.step && s.weight == line.item.weight =>
                {
                    s.end += 1;
                }
                _ => segments.push(Segment {
                    start: index,
                    end: index + 1,
                    period: line.step,
                    weight: line.item.weight,
                }),
            }
        }
        let period_max: Vec<u32> = sheet.period_totals().iter().map(|t| t.max).collect();
        let windows = windows(&segments, columns.len());
        let periods_without_windows = (0..sheet.path.len())
            .filter(|p| !windows.iter().any(|w| w.period == *p))
            .collect();
        let max: u32 = period_max.iter().sum();
        let period_numbers: Vec<u32> = sheet.path.iter().map(|s| s.period.number).collect();
        let standings = if max <= MAX_TABULATED {
            tabulate(max, &period_max, &period_numbers)
        } else {
            Vec::new()
        };
        BatchPlan {
            segments,
            windows,
            periods_without_windows,
            columns: columns.iter().map(|c| c.as_ref().to_owned()).collect(),
            max,
            standings,
            period_max,
            period_numbers,
            period_ids: sheet.path.iter().map(|s| s.period.id.clone()).collect(),
            phase_spans: phase_spans(&sheet),
            phase_ids: framework.phases.iter().map(|p| p.id.clone()).collect(),
            min_score: framework.scale.min,
            max_score: framework.scale.max,
        }
    }

    /// The number of columns a row has.
    pub fn columns(&self) -> usize {
        self.columns.len()
    }

    /// The period ids in development-path order: the columns of
    /// [`BatchScores::period_scores`].
    pub fn period_ids(&self) -> &[String] {
        &self.period_ids
    }

    /// The phase ids in framework order: the columns of
    /// [`BatchScores::phase_scores`].
    pub fn phase_ids(&self) -> &[String] {
        &self.phase_ids
    }

    /// How many rows `cells` holds.
    ///
    /// # Errors
    /// [`BatchError::Shape`] when `cells` is not whole rows.
    pub fn rows(&self, cells: usize) -> Result<usize, Error> {
        let columns = self.columns.len();
        match (cells.checked_div(columns), cells.checked_rem(columns)) {
            (Some(rows), Some(0)) => Ok(rows),
            (None, _) if cells == 0 => Ok(0),
            _ => Err(BatchError::Shape { cells, columns }.into()),
        }
    }

    /// Checks that a matrix `width` cells wide fits this plan's columns.
    ///
    /// # Errors
    /// [`BatchError::Width`].
    pub fn check_width(&self, width: usize) -> Result<(), Error> {
        if width == self.columns.len() {
            return Ok(());
        }
        Err(BatchError::Width {
            found: width,
            expected: self.columns.len(),
        }
        .into())
    }

    fn check_row_width(&self, row: usize, width: usize) -> Result<(), Error> {
        if width == self.columns.len() {
            return Ok(());
        }
        Err(BatchError::RowWidth {
            row,
            found: width,
            expected: self.columns.len(),
        }
        .into())
    }

    /// Scores rows given one by one (as JSON arrays hold them), each of
    /// [`Self::columns`] cells, into a [`BatchReport`].
    ///
    /// # Errors
    /// [`BatchError::RowWidth`] for the first row of another width, or
    /// [`BatchError::CellOutOfRange`] for the first cell off the scale.
    pub fn score_rows<C: Cell, R: AsRef<[C]>>(&self, rows: &[R]) -> Result<BatchReport, Error> {
        let mut cells = Vec::with_capacity(rows.len() * self.columns.len());
        for (index, row) in rows.iter().enumerate() {
            self.check_row_width(index, row.as_ref().len())?;
            cells.extend_from_slice(row.as_ref());
        }
        let scores = self.score_rows_of(&cells, rows.len())?;
        let by_row = |flat: Vec<u32>, width: usize| -> Vec<Vec<u32>> {
            flat.chunks(width.max(1)).map(<[u32]>::to_vec).collect()
        };
        Ok(BatchReport {
            period_ids: self.period_ids.clone(),
            phase_ids: self.phase_ids.clone(),
            period_scores: by_row(scores.period_scores, self.period_ids.len()),
            phase_scores: by_row(scores.phase_scores, self.phase_ids.len()),
            overall: scores.overall,
            percent: scores.percent,
            position_number: scores.position_number,
            position_fraction: scores.position_fraction,
        })
    }

    /// Scores every row of `cells` (row-major, [`Self::columns`] per row).
    ///
    /// # Errors
    /// [`BatchError::Shape`], or [`BatchError::CellOutOfRange`] for the first
    /// cell off the scale.
    pub fn score<C: Cell>(&self, cells: &[C]) -> Result<BatchScores, Error> {
        self.score_rows_of(cells, self.rows(cells.len())?)
    }

    /// Scores `rows` rows of `cells`: unlike [`Self::score`], this also
    /// counts rows when there are no columns (every row then scores 0).
    fn score_rows_of<C: Cell>(&self, cells: &[C], rows: usize) -> Result<BatchScores, Error> {
        let mut out = BatchScores {
            period_scores: vec![0; rows * self.period_ids.len()],
            phase_scores: vec![0; rows * self.phase_ids.len()],
            overall: vec![0; rows],
            percent: vec![0.0; rows],
            position_number: vec![0; rows],
            position_fraction: vec![0.0; rows],
        };
        self.score_into(
            cells,
            0,
            &mut BatchOutput {
                period_scores: &mut out.period_scores,
                phase_scores: &mut out.phase_scores,
                overall: &mut out.overall,
                percent: &mut out.percent,
                position_number: &mut out.position_number,
                position_fraction: &mut out.position_fraction,
            },
        )?;
        Ok(out)
    }

    /// Scores the rows of `cells` into `out`; `first_row` is the index of the
    /// first row in the whole batch, used in error messages. Rows that do not
    /// fit in `out` are not scored.
    ///
    /// # Errors
    /// As [`Self::score`].
    pub fn score_into<C: Cell>(
        &self,
        cells: &[C],
        first_row: usize,
        out: &mut BatchOutput<'_>,
    ) -> Result<(), Error> {
        let columns = self.columns.len();
        self.rows(cells.len())?;
        let periods = self.period_ids.len();
        let phases = self.phase_ids.len();
        let mut period_rows = out.period_scores.chunks_exact_mut(periods.max(1));
        let mut phase_rows = out.phase_scores.chunks_exact_mut(phases.max(1));
        let results = out
            .overall
            .iter_mut()
            .zip(out.percent.iter_mut())
            .zip(out.position_number.iter_mut())
            .zip(out.position_fraction.iter_mut());
        for (r, (((overall, pct), number), fraction)) in results.enumerate() {
            let (Some(row), Some(period_row), Some(phase_row)) = (
                cells.get(r * columns..(r + 1) * columns),
                period_rows.next(),
                phase_rows.next(),
            ) else {
                break;
            };
            self.check_row(row, first_row + r)?;
            self.sum_periods(row, period_row);
            let mut total = 0;
            for (phase, span) in phase_row.iter_mut().zip(&self.phase_spans) {
                *phase = period_row
                    .get(span.clone())
                    .unwrap_or_default()
                    .iter()
                    .sum();
                total += *phase;
            }
            *overall = total;
            (*pct, *number, *fraction) = self.standing(total);
        }
        Ok(())
    }

    /// Writes each period's score of `row` into `period_row`.
    fn sum_periods<C: Cell>(&self, row: &[C], period_row: &mut [u32]) {
        if self.windows.is_empty() {
            period_row.fill(0);
            for s in &self.segments {
                let answers: u32 = row
                    .get(s.start..s.end)
                    .unwrap_or_default()
                    .iter()
                    .map(|c| u32::from(c.score()))
                    .sum();
                // An item earns answer × weight, as in scoring; summed over a run of one weight.
                if let Some(p) = period_row.get_mut(s.period) {
                    *p += answers * s.weight;
                }
            }
            return;
        }
        // Periods without a column score 0; every other one is set by its
        // first window.
        for period in &self.periods_without_windows {
            if let Some(p) = period_row.get_mut(*period) {
                *p = 0;
            }
        }
        for w in &self.windows {
            let Some(cells) = row
                .get(w.start..w.start + LANES)
                .and_then(|c| <&[C; LANES]>::try_from(c).ok())
            else {
                continue;
            };
            // Widening each byte to u32 before the sum is the pattern the
            // compiler turns into one sum-of-absolute-differences instruction.
            let answers: u32 = cells
                .iter()
                .zip(&w.mask)
                .map(|(c, m)| u32::from(c.score() & m))
                .sum();
            if let Some(p) = period_row.get_mut(w.period) {
                if w.opens_period {
                    *p = answers * w.weight;
                } else {
                    *p += answers * w.weight;
                }
            }
        }
    }

    /// The overall percentage and the Figure 4 position of a total: looked
    /// up when the plan has a table, else worked out.
    fn standing(&self, total: u32) -> (f64, u32, f64) {
        let looked_up = usize::try_from(total)
            .ok()
            .and_then(|t| self.standings.get(t));
        match looked_up {
            Some(standing) => *standing,
            None => standing(total, self.max, &self.period_max, &self.period_numbers),
        }
    }

    fn check_row<C: Cell>(&self, row: &[C], index: usize) -> Result<(), Error> {
        let (min, max) = (self.min_score, self.max_score);
        // No early exit: a branch-free pass over the row vectorises.
        if row.iter().fold(true, |ok, c| ok & c.in_scale(min, max)) {
            return Ok(());
        }
        let (column, cell) = row
            .iter()
            .enumerate()
            .find(|(_, c)| !c.in_scale(min, max))
            .map_or((0, 0), |(i, c)| (i, c.value()));
        Err(BatchError::CellOutOfRange {
            row: index,
            column,
            item: self.columns.get(column).cloned().unwrap_or_default(),
            value: cell,
            min,
            max,
        }
        .into())
    }
}

/// A matrix cell type: `u8` (read as is) or `i64` (for data frames whose
/// integer columns are wider; values outside 0–255 are off every scale).
pub trait Cell: Copy + Send + Sync {
    /// The score, once the cell is known to be on the scale.
    fn score(self) -> u8;
    /// The value as written, for error messages.
    fn value(self) -> i64;
    /// Whether the value lies on the scale `min..=max`.
    fn in_scale(self, min: u8, max: u8) -> bool;
}

impl Cell for u8 {
    fn score(self) -> u8 {
        self
    }
    fn value(self) -> i64 {
        i64::from(self)
    }
    fn in_scale(self, min: u8, max: u8) -> bool {
        (min..=max).contains(&self)
    }
}

impl Cell for i64 {
    fn score(self) -> u8 {
        u8::try_from(self).unwrap_or(0)
    }
    fn value(self) -> i64 {
        self
    }
    fn in_scale(self, min: u8, max: u8) -> bool {
        (i64::from(min)..=i64::from(max)).contains(&self)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
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
            for (r, row) in rows.iter().enumerate() {
                let mut assessment = AuditAssessment::new(&framework);
                for &i in &columns {
                    if let Some(score) = row[i] {
                        assessment.scores.insert(ids[i].to_owned(), score);
                    }
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
        let out = BatchOutput {
            period_scores: &mut parts.period_scores,
            phase_scores: &mut parts.phase_scores,
            overall: &mut parts.overall,
            percent: &mut parts.percent,
            position_number: &mut parts.position_number,
            position_fraction: &mut parts.position_fraction,
        };
        let (mut a, mut b) = out.split_at_row(2, 12, 4);
        plan.score_into(&cells[..2 * 129], 0, &mut a).unwrap();
        plan.score_into(&cells[2 * 129..], 2, &mut b).unwrap();
        assert_eq!(parts, whole);
    }

    #[test]
    fn rows_of_another_width_are_named() {
        let plan = BatchPlan::new(cranfield(), &["A1.1", "A1.2"]).unwrap();
        let err = plan.score_rows(&[vec![3u8, 2], vec![1]]).unwrap_err();
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
        let report = plan.score_rows(&[[0u8; 0]; 3]).unwrap();
        assert_eq!(report.overall, [0, 0, 0]);
        assert_eq!(report.position_number, [1, 1, 1]);
    }

    #[test]
    fn score_rows_equals_score_row_by_row() {
        let plan = BatchPlan::for_framework(cranfield());
        let rows: Vec<Vec<u8>> = (0u8..4).map(|s| vec![s; plan.columns()]).collect();
        let report = plan.score_rows(&rows).unwrap();
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
            rows: vec![vec![3]],
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
}
