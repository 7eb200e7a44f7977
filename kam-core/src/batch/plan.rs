//! [`BatchPlan`]: how to score a matrix whose columns are given items, and
//! the row-by-row kernel.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::cell::{Cell, cut};
use super::output::{BatchOutput, BatchScores, NO_CURRENT_PERIOD, RowResult};
use super::{BatchCell, BatchReport};
use crate::assessment::AuditAssessment;
use crate::error::{BatchError, CellRef, Error};
use crate::framework::AuditFramework;
use crate::scoring::{ScoreOptions, ScoreSheet, Tally, is_complete, locate, percent};

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
    pub(super) period_max: Vec<u32>,
    /// Period numbers in path order.
    pub(super) period_numbers: Vec<u32>,
    /// Period ids in path order.
    period_ids: Vec<String>,
    /// The periods of each phase, as a range of path positions: the path
    /// lists each phase's periods together, in phase order.
    phase_spans: Vec<Range<usize>>,
    /// Phase ids in framework order.
    phase_ids: Vec<String>,
    /// The overall maximum.
    pub(super) max: u32,
    /// [`standing`] of every total from 0 to the maximum, when the maximum
    /// is small enough to tabulate (it is 387 for the Cranfield audit): a
    /// row then costs a lookup instead of two divisions and a search.
    pub(super) standings: Vec<(f64, u32, f64)>,
    /// Per period in path order: the lowest score at which it counts as
    /// complete (Figure 3), worked out once by the scoring module's own
    /// rule; `u32::MAX` if no score reaches the threshold.
    pub(super) completion: Vec<u32>,
    /// The completion threshold `completion` was worked out for.
    completion_threshold: f64,
    /// The column kernel's groups of columns: each group's cells are summed
    /// as they are (in a byte), then × its weight into its period.
    pub(super) groups: Vec<Group>,
    /// The group of each column, in column order.
    pub(super) column_groups: Vec<Option<usize>>,
    /// The periods in no group: they score 0 in every row of the column
    /// kernel.
    pub(super) periods_without_groups: Vec<usize>,
    /// The items on the path that have no column: unscored in every row.
    unscored_without_column: u32,
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

/// Columns of one period and one weight, few enough that the sum of their
/// cells fits a byte.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Group {
    pub(super) period: usize,
    pub(super) weight: u32,
    /// How many columns it has so far.
    columns: usize,
    /// Whether this is its period's first group: it sets the period's
    /// score rather than adding to it, as a [`Window`] does.
    pub(super) opens_period: bool,
}

/// Sorts columns into [`Group`]s; `None` for a column on no period.
fn groups(
    column_lines: &[Option<(usize, u32)>],
    max_score: u8,
) -> (Vec<Group>, Vec<Option<usize>>) {
    let room = usize::from(u8::MAX) / usize::from(max_score.max(1));
    let mut groups: Vec<Group> = Vec::new();
    let column_groups = column_lines
        .iter()
        .map(|line| {
            let (period, weight) = (*line)?;
            let open = groups
                .iter()
                .position(|g| g.period == period && g.weight == weight && g.columns < room);
            let index = open.unwrap_or_else(|| {
                let opens_period = !groups.iter().any(|g| g.period == period);
                groups.push(Group {
                    period,
                    weight,
                    columns: 0,
                    opens_period,
                });
                groups.len() - 1
            });
            if let Some(g) = groups.get_mut(index) {
                g.columns += 1;
            }
            Some(index)
        })
        .collect();
    (groups, column_groups)
}

#[derive(Debug, Clone, Copy)]
struct Segment {
    start: usize,
    end: usize,
    period: usize,
    weight: u32,
}

/// The largest overall maximum for which a plan tabulates every total's
/// standing (a table of at most 1.5 MiB).
const MAX_TABULATED: u32 = 1 << 16;

/// The overall percentage and the Figure 4 position (period number and
/// fraction) of a total, by the scoring module's own rules.
pub(super) fn standing(
    total: u32,
    max: u32,
    period_max: &[u32],
    period_numbers: &[u32],
) -> (f64, u32, f64) {
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

impl BatchPlan {
    /// A plan for a matrix with one column per item in framework order.
    pub fn for_framework(framework: &AuditFramework) -> Self {
        Self::build(framework, &super::item_ids(framework))
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

    /// The same plan with another completion threshold for the Figure 3
    /// current period (a percentage of a period's maximum, as in
    /// [`ScoreOptions::completion_threshold`]).
    ///
    /// # Errors
    /// `invalid-option` for a threshold outside `(0, 100]`.
    pub fn with_completion_threshold(mut self, threshold: f64) -> Result<Self, Error> {
        ScoreOptions {
            completion_threshold: threshold,
            ..ScoreOptions::default()
        }
        .validate()?;
        self.completion = completion(&self.period_max, threshold);
        self.completion_threshold = threshold;
        Ok(self)
    }

    fn build<S: AsRef<str>>(framework: &AuditFramework, columns: &[S]) -> Self {
        // The score sheet of an empty assessment lays out every item on the
        // path exactly as scoring does, with each period's maximum.
        let sheet = ScoreSheet::new(framework, &AuditAssessment::new(framework));
        let mut line_of = BTreeMap::new();
        for line in &sheet.lines {
            line_of.entry(line.item.id.as_str()).or_insert(line);
        }
        let column_lines: Vec<Option<(usize, u32)>> = columns
            .iter()
            .map(|c| line_of.get(c.as_ref()).map(|l| (l.step, l.item.weight)))
            .collect();
        let mut segments: Vec<Segment> = Vec::new();
        for (index, line) in column_lines.iter().enumerate() {
            let Some((period, weight)) = *line else {
                continue; // counts nowhere, like an item of an unknown period
            };
            match segments.last_mut() {
                Some(s) if s.end == index && s.period == period && s.weight == weight => {
                    s.end += 1;
                }
                _ => segments.push(Segment {
                    start: index,
                    end: index + 1,
                    period,
                    weight,
                }),
            }
        }
        let with_column = column_lines.iter().flatten().count();
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
        let threshold = ScoreOptions::default().completion_threshold;
        let (groups, column_groups) = groups(&column_lines, framework.scale.max);
        let periods_without_groups = (0..sheet.path.len())
            .filter(|p| !groups.iter().any(|g| g.period == *p))
            .collect();
        BatchPlan {
            groups,
            column_groups,
            periods_without_groups,
            segments,
            windows,
            periods_without_windows,
            columns: columns.iter().map(|c| c.as_ref().to_owned()).collect(),
            max,
            standings,
            completion: completion(&period_max, threshold),
            completion_threshold: threshold,
            unscored_without_column: u32::try_from(sheet.lines.len().saturating_sub(with_column))
                .unwrap_or(u32::MAX),
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

    /// The item id of each column.
    pub fn column_ids(&self) -> &[String] {
        &self.columns
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

    /// The completion threshold the Figure 3 current period is read with.
    pub fn completion_threshold(&self) -> f64 {
        self.completion_threshold
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

    /// The error for a text cell (a data frame column of strings holding
    /// `text` in row `row`, column `column`): `cell-not-a-number`.
    pub fn text_error(&self, row: usize, column: usize, text: &str) -> Error {
        BatchError::CellNotNumber {
            cell: self.cell_ref(row, column),
            text: cut(text),
            min: self.min_score,
            max: self.max_score,
        }
        .into()
    }

    pub(crate) fn cell_ref(&self, row: usize, column: usize) -> CellRef {
        CellRef {
            row,
            label: None,
            column,
            item: self.columns.get(column).cloned().unwrap_or_default(),
        }
    }

    /// The error for a cell that does not fit, at `row`, `column`.
    pub(crate) fn problem<C: Cell>(&self, cell: C, row: usize, column: usize) -> Error {
        cell.problem(self.cell_ref(row, column), self.min_score, self.max_score)
            .into()
    }

    /// The scale: its lowest and highest score.
    pub(crate) fn scale(&self) -> (u8, u8) {
        (self.min_score, self.max_score)
    }

    /// Whether `cell` is a score on the scale or missing.
    pub(crate) fn fits<C: Cell>(&self, cell: C) -> bool {
        cell.fits(self.min_score, self.max_score)
    }

    /// Scores rows given one by one (as JSON arrays hold them), each of
    /// [`Self::columns`] cells, into a [`BatchReport`].
    ///
    /// # Errors
    /// [`BatchError::RowWidth`] for the first row of another width, or the
    /// error for the first cell that is not a score on the scale or blank.
    pub fn score_rows<R: AsRef<[BatchCell]>>(&self, rows: &[R]) -> Result<BatchReport, Error> {
        let mut cells: Vec<&BatchCell> = Vec::with_capacity(rows.len() * self.columns.len());
        for (index, row) in rows.iter().enumerate() {
            self.check_row_width(index, row.as_ref().len())?;
            cells.extend(row.as_ref());
        }
        let scores = self.score_rows_of(&cells, rows.len())?;
        let by_row = |flat: Vec<u32>, width: usize| -> Vec<Vec<u32>> {
            if width == 0 {
                return vec![Vec::new(); rows.len()];
            }
            flat.chunks(width).map(<[u32]>::to_vec).collect()
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
            current_period: scores
                .current_period
                .iter()
                .map(|&p| {
                    usize::try_from(p)
                        .ok()
                        .and_then(|p| self.period_ids.get(p))
                        .cloned()
                })
                .collect(),
            unscored: scores.unscored,
        })
    }

    /// Scores every row of `cells` (row-major, [`Self::columns`] per row).
    ///
    /// # Errors
    /// [`BatchError::Shape`], or the error for the first cell (in row
    /// order) that is not a score on the scale.
    pub fn score<C: Cell>(&self, cells: &[C]) -> Result<BatchScores, Error> {
        self.score_rows_of(cells, self.rows(cells.len())?)
    }

    /// Scores `rows` rows of `cells`: unlike [`Self::score`], this also
    /// counts rows when there are no columns (every row then scores 0).
    fn score_rows_of<C: Cell>(&self, cells: &[C], rows: usize) -> Result<BatchScores, Error> {
        let mut out = BatchScores::zeroed(rows, self.period_ids.len(), self.phase_ids.len());
        self.score_into(cells, 0, &mut out.output())?;
        Ok(out)
    }

    /// Scores the rows of `cells` (row-major) into `out`; `first_row` is the
    /// index of the first row in the whole batch, used in error messages.
    /// Rows that do not fit in `out` are not scored.
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
        let (periods, phases) = (self.period_ids.len(), self.phase_ids.len());
        for r in 0..out.rows() {
            let Some(row) = cells.get(r * columns..(r + 1) * columns) else {
                break;
            };
            self.check_row(row, first_row + r)?;
            let missing = if C::MAY_BE_MISSING {
                u32::try_from(row.iter().filter(|c| c.missing()).count()).unwrap_or(u32::MAX)
            } else {
                0
            };
            let Some((period_row, phase_row)) = out.score_rows(r, periods, phases) else {
                break;
            };
            self.sum_periods(row, period_row);
            let result = self.finish(period_row, phase_row, missing);
            out.write(r, &result);
        }
        Ok(())
    }

    /// From a row's period scores: its phase scores (written into
    /// `phase_row`) and the rest of its results; `missing` is how many of
    /// its cells are missing.
    pub(crate) fn finish(
        &self,
        period_row: &[u32],
        phase_row: &mut [u32],
        missing: u32,
    ) -> RowResult {
        let mut total = 0;
        for (phase, span) in phase_row.iter_mut().zip(&self.phase_spans) {
            *phase = period_row
                .get(span.clone())
                .unwrap_or_default()
                .iter()
                .sum();
            total += *phase;
        }
        let (percent, position_number, position_fraction) = self.standing(total);
        let current_period = period_row
            .iter()
            .zip(&self.completion)
            .position(|(score, needed)| score < needed)
            .and_then(|p| i32::try_from(p).ok())
            .unwrap_or(NO_CURRENT_PERIOD);
        RowResult {
            overall: total,
            percent,
            position_number,
            position_fraction,
            current_period,
            unscored: self.unscored_without_column.saturating_add(missing),
        }
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
        // No early exit: a branch-free pass over the row vectorises.
        if row.iter().fold(true, |ok, &c| ok & self.fits(c)) {
            return Ok(());
        }
        match row.iter().enumerate().find(|(_, c)| !self.fits(**c)) {
            Some((column, &cell)) => Err(self.problem(cell, index, column)),
            None => Ok(()),
        }
    }
}

/// Per period, the lowest score at which it is complete by the scoring
/// module's rule ([`is_complete`]), found by bisection: the rule is a
/// comparison of floats, and asking it keeps it the one rule. Completion
/// never falls as the score rises.
fn completion(period_max: &[u32], threshold: f64) -> Vec<u32> {
    let complete = |score: u32, max: u32| {
        is_complete(
            &Tally {
                score,
                max,
                unscored: 0,
            },
            threshold,
        )
    };
    period_max
        .iter()
        .map(|&max| {
            if !complete(max, max) {
                return u32::MAX;
            }
            let (mut low, mut high) = (0, max); // complete at `high`
            while low < high {
                let mid = low + (high - low) / 2;
                if complete(mid, max) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            high
        })
        .collect()
}
