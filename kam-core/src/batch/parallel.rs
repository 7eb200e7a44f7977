//! Scoring a batch on every core: the rows are cut into one contiguous
//! block per thread, each written into its own part of the output, with
//! `std::thread::scope` (the blocks are independent, so a work-stealing pool
//! would add a dependency and nothing else).

use std::num::NonZeroUsize;
use std::ops::Range;
use std::thread;

use super::cell::Cell;
use super::columns::Column;
use super::output::BatchOutput;
use super::plan::BatchPlan;
use crate::error::Error;

/// Rows per thread below which one thread is quicker than several: starting
/// a thread costs some tens of microseconds, scoring 16,384 rows some
/// hundreds.
pub const MIN_ROWS_PER_THREAD: usize = 16_384;

/// How many threads to score `rows` rows on.
fn threads_for(rows: usize) -> usize {
    thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(rows / MIN_ROWS_PER_THREAD)
        .max(1)
}

impl BatchPlan {
    /// [`Self::score_into`] on every core: `cells` is the whole matrix, row
    /// by row, and `out` is sized for all of its rows.
    ///
    /// # Errors
    /// As [`Self::score`]: the first cell at fault in row order, whichever
    /// thread meets it.
    pub fn score_parallel<C: Cell>(&self, cells: &[C], out: BatchOutput<'_>) -> Result<(), Error> {
        let rows = self.rows(cells.len())?;
        let width = self.columns();
        self.in_parallel(rows.min(out.rows()), out, |block, part| {
            let cells = cells
                .get(block.start * width..block.end * width)
                .unwrap_or_default();
            self.score_into(cells, block.start, part)
        })
    }

    /// [`Self::score_columns_into`] on every core; `out` is sized for all
    /// the rows.
    ///
    /// # Errors
    /// As [`Self::score_columns_into`].
    pub fn score_columns_parallel(
        &self,
        columns: &[Column<'_>],
        out: BatchOutput<'_>,
    ) -> Result<(), Error> {
        self.check_width(columns.len())?;
        let rows = out.rows();
        self.in_parallel(rows, out, |block, part| {
            let parts: Vec<Column<'_>> = columns.iter().map(|c| c.rows(block.clone())).collect();
            self.score_columns_into(&parts, block.start, part)
        })
    }

    /// Runs `score` on one block of rows per thread, each with its part of
    /// `out`.
    fn in_parallel<F>(&self, rows: usize, out: BatchOutput<'_>, score: F) -> Result<(), Error>
    where
        F: Fn(Range<usize>, &mut BatchOutput<'_>) -> Result<(), Error> + Sync,
    {
        let (periods, phases) = (self.period_ids().len(), self.phase_ids().len());
        let threads = threads_for(rows);
        if threads == 1 {
            let mut out = out;
            return score(0..rows, &mut out);
        }
        let per_thread = rows.div_ceil(threads);
        let score = &score;
        let mut rest = out;
        thread::scope(|scope| {
            let mut handles = Vec::new();
            let mut first = 0;
            while first < rows {
                let take = per_thread.min(rows - first);
                let (mut part, tail) = rest.split_at_row(take, periods, phases);
                rest = tail;
                let block = first..first + take;
                handles.push(scope.spawn(move || score(block, &mut part)));
                first += take;
            }
            // Blocks are joined in row order, so the first error is the first row's.
            let mut result = Ok(());
            for handle in handles {
                let outcome = handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                if result.is_ok() {
                    result = outcome;
                }
            }
            result
        })
    }
}
