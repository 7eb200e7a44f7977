//! What a cell of a score matrix may hold, for every cell type a matrix
//! comes in: the rule that makes a cell a score, unscored, or an error.

// `&` between booleans keeps the checks branch-free so they vectorise, and
// floats are compared exactly on purpose: a score is a whole number, not one
// within a margin.
#![allow(clippy::needless_bitwise_bool, clippy::float_cmp)]

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use crate::error::{BatchError, CellRef, CellValue, Error};

/// The most characters of a text cell an error message quotes.
pub const MAX_CELL_TEXT: usize = 60;

/// A matrix cell type: `u8` and `i64` (a whole number each), `f64` (`NaN` is
/// unscored; a score must be whole) and [`BatchCell`] (JSON: a number,
/// `null` or text). Values off the scale are errors, whatever the type.
pub trait Cell: Copy + Send + Sync {
    /// Whether a cell of this type can be missing, so rows need their
    /// missing cells counted.
    const MAY_BE_MISSING: bool = false;

    /// The score, once the cell is known to fit; 0 for a missing cell.
    fn score(self) -> u8;

    /// Whether the cell is a score on the scale `min..=max`, or missing.
    /// Without branches, so a pass over many cells vectorises.
    fn fits(self, min: u8, max: u8) -> bool;

    /// Whether the cell is missing (the item unscored).
    fn missing(self) -> bool {
        false
    }

    /// The error for a cell that does not fit, at `cell`.
    fn problem(self, cell: CellRef, min: u8, max: u8) -> BatchError;

    /// Adds each cell's score into `sum` (the running total of a group of
    /// columns, few enough that it fits a byte) and returns whether every cell fits the scale `min..=max`
    /// (or is missing). The column kernel's inner loop: the types a data
    /// frame holds override it with a loop that vectorises.
    fn add_column(cells: &[Self], sum: &mut [u8], min: u8, max: u8) -> bool {
        for (&cell, s) in cells.iter().zip(sum.iter_mut()) {
            *s = s.wrapping_add(cell.score());
        }
        fits_all(cells, min, max)
    }
}

/// Whether every cell fits: one branch-free pass.
fn fits_all<C: Cell>(cells: &[C], min: u8, max: u8) -> bool {
    cells.iter().fold(true, |ok, &c| ok & c.fits(min, max))
}

/// The checks below accumulate `value - min` with a bitwise or: when the
/// result is within `max - min`, so is every value (an or is never smaller
/// than its parts). The or can exceed the range when every value is within
/// it (1 | 2 = 3 on a scale 0–2), so that case takes the exact pass; on the
/// Cranfield scale 0–3, whose range is all ones in binary, it never does.
/// An or and an add per cell, both plain vector instructions in SSE2, where
/// the exact comparisons of 64-bit integers are not.
fn within(spread: u64, min: u8, max: u8) -> bool {
    spread <= u64::from(max.saturating_sub(min))
}

fn out_of_range(cell: CellRef, value: CellValue, min: u8, max: u8) -> BatchError {
    BatchError::CellOutOfRange {
        cell,
        value,
        min,
        max,
    }
}

impl Cell for u8 {
    fn score(self) -> u8 {
        self
    }
    fn fits(self, min: u8, max: u8) -> bool {
        (min <= self) & (self <= max)
    }
    fn problem(self, cell: CellRef, min: u8, max: u8) -> BatchError {
        out_of_range(cell, CellValue::Whole(i64::from(self)), min, max)
    }
    fn add_column(cells: &[Self], sum: &mut [u8], min: u8, max: u8) -> bool {
        // Sixteen cells at a time, one vector register's worth: without the
        // fixed width the compiler vectorises four at a time.
        let mut spread = [0u8; 16];
        let mut chunks = cells.chunks_exact(16).zip(sum.chunks_exact_mut(16));
        for (c, s) in &mut chunks {
            for ((cell, s), spread) in c.iter().zip(s.iter_mut()).zip(spread.iter_mut()) {
                *s = s.wrapping_add(*cell);
                *spread |= cell.wrapping_sub(min);
            }
        }
        let done = cells.len() - cells.len() % 16;
        let mut rest = 0u8;
        for (cell, s) in cells.iter().zip(sum.iter_mut()).skip(done) {
            *s = s.wrapping_add(*cell);
            rest |= cell.wrapping_sub(min);
        }
        let spread = spread.iter().fold(rest, |a, b| a | b);
        within(u64::from(spread), min, max) || fits_all(cells, min, max)
    }
}

impl Cell for i64 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    fn score(self) -> u8 {
        // Truncating is exact for a cell that fits (0–255); one that does
        // not fails the batch, so its score is never used.
        self as u8
    }
    fn fits(self, min: u8, max: u8) -> bool {
        (i64::from(min) <= self) & (self <= i64::from(max))
    }
    fn problem(self, cell: CellRef, min: u8, max: u8) -> BatchError {
        out_of_range(cell, CellValue::Whole(self), min, max)
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    fn add_column(cells: &[Self], sum: &mut [u8], min: u8, max: u8) -> bool {
        // Sixteen cells at a time, as for `u8`: one loop of a cell at a
        // time ran at a quarter of the speed of memory.
        let low = i64::from(min);
        let mut spread = [0u64; 16];
        let mut chunks = cells.chunks_exact(16).zip(sum.chunks_exact_mut(16));
        for (c, s) in &mut chunks {
            for ((&cell, s), spread) in c.iter().zip(s.iter_mut()).zip(spread.iter_mut()) {
                // Truncated: exact for a cell that fits, and one that does
                // not fails the batch.
                *s = s.wrapping_add(cell as u8);
                *spread |= cell.wrapping_sub(low) as u64;
            }
        }
        let done = cells.len() - cells.len() % 16;
        let mut rest = 0u64;
        for (&cell, s) in cells.iter().zip(sum.iter_mut()).skip(done) {
            *s = s.wrapping_add(cell as u8);
            rest |= cell.wrapping_sub(low) as u64;
        }
        let spread = spread.iter().fold(rest, |a, b| a | b);
        within(spread, min, max) || fits_all(cells, min, max)
    }
}

impl Cell for f64 {
    const MAY_BE_MISSING: bool = true;

    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    fn score(self) -> u8 {
        // Saturating, and `NaN` (unscored) gives 0 points.
        self as u8
    }
    fn fits(self, min: u8, max: u8) -> bool {
        let score = self.score();
        // Whole and within 0–255 exactly when converting back gives the same
        // number: a cheaper test than `trunc`, which needs SSE4.1 to vectorise.
        self.is_nan() | ((f64::from(score) == self) & (min <= score) & (score <= max))
    }
    fn missing(self) -> bool {
        self.is_nan()
    }
    fn add_column(cells: &[Self], sum: &mut [u8], min: u8, max: u8) -> bool {
        let (low, high) = (f64::from(min), f64::from(max));
        // Eight cells at a time: a fixed width the compiler unrolls into
        // whole vector registers.
        let mut faults = [0u64; 8];
        let mut chunks = cells.chunks_exact(8).zip(sum.chunks_exact_mut(8));
        for (c, s) in &mut chunks {
            for ((cell, s), fault) in c.iter().zip(s.iter_mut()).zip(faults.iter_mut()) {
                *fault |= add_float(*cell, s, low, high);
            }
        }
        let done = cells.len() - cells.len() % 8;
        let mut rest = 0;
        for (cell, s) in cells.iter().zip(sum.iter_mut()).skip(done) {
            rest |= add_float(*cell, s, low, high);
        }
        faults.iter().fold(rest, |a, b| a | b) == 0
    }
    fn problem(self, cell: CellRef, min: u8, max: u8) -> BatchError {
        match whole(self) {
            Some(value) => out_of_range(cell, CellValue::Whole(value), min, max),
            None if self.is_finite() && self.fract() == 0.0 => {
                out_of_range(cell, CellValue::Real(self), min, max)
            }
            None => BatchError::CellNotWhole {
                cell,
                value: CellValue::Real(self),
                min,
                max,
            },
        }
    }
}

/// Adds a float cell's score into `sum`; returns 1 when it does not fit
/// (a fraction, off the scale), 0 when it does or is NaN (unscored).
#[allow(clippy::cast_possible_truncation)]
fn add_float(cell: f64, sum: &mut u8, low: f64, high: f64) -> u64 {
    // Adding 1.5 × 2^52 rounds a float to a whole number and leaves it in
    // the low bits of the sum: a conversion SSE2 does two at a time, where a
    // saturating `as` cast is one at a time.
    let shifted = cell + ROUNDING;
    let whole = shifted - ROUNDING == cell;
    let missing = cell.is_nan();
    let fits = missing | (whole & (low <= cell) & (cell <= high));
    // NaN (unscored) adds nothing: its bits are masked off.
    let mask = if missing { 0 } else { u64::MAX };
    *sum = sum.wrapping_add((shifted.to_bits() & mask) as u8);
    u64::from(!fits)
}

/// 1.5 × 2^52: see [`add_float`].
const ROUNDING: f64 = 6_755_399_441_055_744.0;

/// `value` as an `i64` when it is a whole number that fits one exactly.
#[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
fn whole(value: f64) -> Option<i64> {
    // 2^63 is exact as a float; every whole float below it fits an i64.
    let bound = i64::MAX as f64;
    (value.is_finite() && value.fract() == 0.0 && value.abs() < bound).then_some(value as i64)
}

/// One cell of a JSON batch: a number, `null` for an unscored item, or text
/// (which is refused with `cell-not-a-number`: a spreadsheet's "n/a" is not
/// silently read as unscored).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum BatchCell {
    /// A number: a score when it is whole and on the scale.
    Number(f64),
    /// `null`: the item is unscored in this row.
    Blank,
    /// Text: always an error.
    Text(String),
}

impl From<u8> for BatchCell {
    fn from(score: u8) -> Self {
        BatchCell::Number(f64::from(score))
    }
}

impl<'de> Deserialize<'de> for BatchCell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CellVisitor)
    }
}

/// Reads a JSON scalar as a cell; anything else is an error saying what a
/// cell may be (an untagged enum would name the Rust type instead).
struct CellVisitor;

impl Visitor<'_> for CellVisitor {
    type Value = BatchCell;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a score (a whole number), null or text")
    }
    #[allow(clippy::cast_precision_loss)]
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<BatchCell, E> {
        // Exact for every score; a huge value is an error either way.
        Ok(BatchCell::Number(v as f64))
    }
    #[allow(clippy::cast_precision_loss)]
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<BatchCell, E> {
        Ok(BatchCell::Number(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<BatchCell, E> {
        Ok(BatchCell::Number(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<BatchCell, E> {
        Ok(BatchCell::Blank)
    }
    fn visit_none<E: de::Error>(self) -> Result<BatchCell, E> {
        Ok(BatchCell::Blank)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<BatchCell, E> {
        Ok(BatchCell::Text(v.to_owned()))
    }
}

impl Cell for &BatchCell {
    const MAY_BE_MISSING: bool = true;

    fn score(self) -> u8 {
        match self {
            BatchCell::Number(v) => v.score(),
            BatchCell::Blank | BatchCell::Text(_) => 0,
        }
    }
    fn fits(self, min: u8, max: u8) -> bool {
        match self {
            BatchCell::Number(v) => !v.is_nan() && v.fits(min, max),
            BatchCell::Blank => true,
            BatchCell::Text(_) => false,
        }
    }
    fn missing(self) -> bool {
        matches!(self, BatchCell::Blank)
    }
    fn problem(self, cell: CellRef, min: u8, max: u8) -> BatchError {
        match self {
            BatchCell::Number(v) => v.problem(cell, min, max),
            BatchCell::Blank => out_of_range(cell, CellValue::Real(f64::NAN), min, max),
            BatchCell::Text(text) => BatchError::CellNotNumber {
                cell,
                text: cut(text),
                min,
                max,
            },
        }
    }
}

/// Text cut to [`MAX_CELL_TEXT`] characters for a message.
pub(crate) fn cut(text: &str) -> String {
    match text.char_indices().nth(MAX_CELL_TEXT) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or_default()),
        None => text.to_owned(),
    }
}

impl BatchError {
    /// Where the cell at fault lies, for the three errors about one cell.
    pub fn cell(&self) -> Option<&CellRef> {
        match self {
            BatchError::CellOutOfRange { cell, .. }
            | BatchError::CellNotWhole { cell, .. }
            | BatchError::CellNotNumber { cell, .. } => Some(cell),
            _ => None,
        }
    }

    fn cell_mut(&mut self) -> Option<&mut CellRef> {
        match self {
            BatchError::CellOutOfRange { cell, .. }
            | BatchError::CellNotWhole { cell, .. }
            | BatchError::CellNotNumber { cell, .. } => Some(cell),
            _ => None,
        }
    }
}

impl Error {
    /// The row of the cell at fault, when this is an error about one cell
    /// of a batch: a binding whose rows have labels (a data frame's index)
    /// looks the label up and hands it to [`Error::with_row_label`].
    pub fn batch_row(&self) -> Option<usize> {
        match self {
            Error::Batch(e) => e.cell().map(|c| c.row),
            _ => None,
        }
    }

    /// The same error naming the cell's row by `label` (e.g. `acct-17`)
    /// rather than by position; other errors are unchanged.
    #[must_use]
    pub fn with_row_label(mut self, label: impl Into<String>) -> Self {
        if let Error::Batch(e) = &mut self
            && let Some(cell) = e.cell_mut()
        {
            cell.label = Some(label.into());
        }
        self
    }
}
