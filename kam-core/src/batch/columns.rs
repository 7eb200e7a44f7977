//! The column-by-column kernel: a matrix given as one slice per column, each
//! in its own type, as a data frame holds it (`read_csv` gives one block
//! per column: `int64`, or `float64` where a cell was blank).
//!
//! Rows are scored in blocks of [`BLOCK`]: each column's cells of the block
//! are added as they are into the byte-wide sum of its group (columns of
//! one period and one weight, at most 85 on a 0–3 scale), so the inner loop
//! reads one column and writes one sum contiguously and vectorises for every
//! cell type, sixteen sums to an SSE2 instruction; the block's sums then stay in the first-level cache
//! until each row is finished (× weight into its periods).

use super::cell::Cell;
use super::output::BatchOutput;
use super::plan::BatchPlan;
use crate::error::{BatchError, Error};

/// Rows scored together: 12 groups × 1024 rows of byte sums take 12 KiB,
/// within a first-level data cache.
const BLOCK: usize = 1024;

/// One column of a score matrix, as a data frame holds it.
#[derive(Debug, Clone, Copy)]
pub enum Column<'a> {
    /// Whole numbers as bytes.
    U8(&'a [u8]),
    /// Whole numbers, as `read_csv` gives a column without blanks.
    I64(&'a [i64]),
    /// Numbers with `NaN` for unscored, as `read_csv` gives a column with
    /// blanks; a score must be whole.
    F64(&'a [f64]),
}

impl Column<'_> {
    /// How many cells the column holds.
    pub fn len(&self) -> usize {
        match self {
            Column::U8(c) => c.len(),
            Column::I64(c) => c.len(),
            Column::F64(c) => c.len(),
        }
    }

    /// Whether the column holds no cells.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The cells of `rows`, or none past the end.
    pub(crate) fn rows(&self, rows: std::ops::Range<usize>) -> Self {
        match self {
            Column::U8(c) => Column::U8(c.get(rows).unwrap_or_default()),
            Column::I64(c) => Column::I64(c.get(rows).unwrap_or_default()),
            Column::F64(c) => Column::F64(c.get(rows).unwrap_or_default()),
        }
    }
}

impl BatchPlan {
    /// Scores a matrix given column by column — `columns[i]` holds the cells
    /// of [`Self::column_ids`]`[i]`, one per row — into `out`, whose length
    /// sets the number of rows; `first_row` is the index of the first row in
    /// the whole batch, used in error messages.
    ///
    /// # Errors
    /// [`BatchError::Width`] for another number of columns,
    /// [`BatchError::ColumnLength`] for a column shorter than `out`, or the
    /// error for the first cell (in row order, then column order) that is
    /// not a score on the scale or missing.
    pub fn score_columns_into(
        &self,
        columns: &[Column<'_>],
        first_row: usize,
        out: &mut BatchOutput<'_>,
    ) -> Result<(), Error> {
        self.check_width(columns.len())?;
        let rows = out.rows();
        self.check_lengths(columns, rows)?;
        let (periods, phases) = (self.period_ids().len(), self.phase_ids().len());
        let mut sums = vec![0u8; self.groups.len() * BLOCK];
        let mut missing = vec![0u16; BLOCK];
        let mut ignored = vec![0u8; BLOCK];
        let mut start = 0;
        while start < rows {
            let n = BLOCK.min(rows - start);
            sums.fill(0);
            missing.fill(0);
            let mut fits = true;
            for (c, column) in columns.iter().enumerate() {
                let group = self.column_groups.get(c).copied().flatten();
                let sum = match group {
                    Some(g) => sums.get_mut(g * BLOCK..g * BLOCK + n),
                    // A column on no period is checked and counts nowhere.
                    None => ignored.get_mut(..n),
                }
                .unwrap_or_default();
                let missing = missing.get_mut(..n).unwrap_or_default();
                fits &= match column.rows(start..start + n) {
                    Column::U8(cells) => self.add(cells, sum, missing),
                    Column::I64(cells) => self.add(cells, sum, missing),
                    Column::F64(cells) => self.add(cells, sum, missing),
                };
            }
            if !fits {
                return Err(self.first_problem(columns, start..start + n, first_row));
            }
            self.finish_block(&sums, &missing, start, n, out, periods, phases);
            start += n;
        }
        Ok(())
    }

    /// Writes the results of the block of `n` rows from `start`, from its
    /// group sums and missing counts.
    #[allow(clippy::too_many_arguments)]
    fn finish_block(
        &self,
        sums: &[u8],
        missing: &[u16],
        start: usize,
        n: usize,
        out: &mut BatchOutput<'_>,
        periods: usize,
        phases: usize,
    ) {
        for i in 0..n {
            let r = start + i;
            let Some((period_row, phase_row)) = out.score_rows(r, periods, phases) else {
                break;
            };
            // Each period is set by its first group, or to 0 when it has
            // none, rather than cleared and then added to: a clear and then
            // an add to the same place stalls the processor (the one-thread
            // column bench in benches/batch.rs took 9.3–10.2 ms for 100,000
            // rows that way, 5.7–6.0 ms this way, back to back).
            for &period in &self.periods_without_groups {
                if let Some(p) = period_row.get_mut(period) {
                    *p = 0;
                }
            }
            for (g, group) in self.groups.iter().enumerate() {
                let cells = sums.get(g * BLOCK + i).copied().unwrap_or(0);
                // An item earns answer × weight, as in scoring.
                let points = u32::from(cells) * group.weight;
                if let Some(p) = period_row.get_mut(group.period) {
                    *p = if group.opens_period {
                        points
                    } else {
                        *p + points
                    };
                }
            }
            let missing = u32::from(missing.get(i).copied().unwrap_or(0));
            let result = self.finish(period_row, phase_row, missing);
            out.write(r, &result);
        }
    }

    /// Adds one column's cells into its group's `sum` and counts its missing
    /// cells; returns whether every cell fits.
    fn add<C: Cell>(&self, cells: &[C], sum: &mut [u8], missing: &mut [u16]) -> bool {
        let (min, max) = self.scale();
        let fits = C::add_column(cells, sum, min, max);
        if C::MAY_BE_MISSING {
            for (&cell, m) in cells.iter().zip(missing.iter_mut()) {
                *m = m.wrapping_add(u16::from(cell.missing()));
            }
        }
        fits
    }

    fn check_lengths(&self, columns: &[Column<'_>], rows: usize) -> Result<(), Error> {
        match columns.iter().position(|c| c.len() < rows) {
            None => Ok(()),
            Some(c) => Err(BatchError::ColumnLength {
                column: c,
                item: self.column_ids().get(c).cloned().unwrap_or_default(),
                found: columns.get(c).map_or(0, Column::len),
                expected: rows,
            }
            .into()),
        }
    }

    /// The error for the first cell of `rows` that does not fit, in row
    /// order and then column order (as the row-by-row kernel finds it).
    fn first_problem(
        &self,
        columns: &[Column<'_>],
        rows: std::ops::Range<usize>,
        first_row: usize,
    ) -> Error {
        for r in rows {
            for (c, column) in columns.iter().enumerate() {
                let problem = match column {
                    Column::U8(cells) => self.problem_at(cells, r, c, first_row),
                    Column::I64(cells) => self.problem_at(cells, r, c, first_row),
                    Column::F64(cells) => self.problem_at(cells, r, c, first_row),
                };
                if let Some(problem) = problem {
                    return problem;
                }
            }
        }
        // Unreachable when a cell did not fit; a shape error is the closest.
        BatchError::Width {
            found: columns.len(),
            expected: self.columns(),
        }
        .into()
    }

    fn problem_at<C: Cell>(
        &self,
        cells: &[C],
        r: usize,
        c: usize,
        first_row: usize,
    ) -> Option<Error> {
        let cell = *cells.get(r)?;
        (!self.fits(cell)).then(|| self.problem(cell, first_row + r, c))
    }
}
