//! Batch scoring: many action-audit assessments at once, as a matrix of
//! scores with one row per assessment and one column per item.
//!
//! This is the engine behind Python's `kam.score_batch` and `kam.score_frame`
//! and JavaScript's `scoreBatch`, for data sets of millions of assessments.
//! It gives, per row, what [`crate::api::score`] gives in
//! `phases[].periods[].score`, `phases[].score`, `overall`, `unscored`,
//! `position` (Figure 4) and `progress.current_period` (Figure 3) for the
//! same scores — the rules are the scoring module's own (which period an
//! item counts in, its weight, the period maxima, the Figure 4 rule, when a
//! period is complete) — without building a report per row.
//!
//! A matrix comes in one of two layouts:
//! - row by row (a `NumPy` matrix, JSON rows): [`BatchPlan::score`],
//!   [`BatchPlan::score_into`];
//! - column by column, each column in its own type ([`Column`]: what a data
//!   frame holds): [`BatchPlan::score_columns_into`].
//!
//! [`BatchPlan::score_parallel`] and [`BatchPlan::score_columns_parallel`]
//! split either across the machine's cores.
//!
//! What a cell may hold is decided here for every language ([`Cell`]): a
//! whole number on the framework's scale is a score; a missing cell (`NaN`
//! in a float column, `null` in JSON) is unscored; anything else — a number
//! off the scale, a fraction, text — is an error naming the row, the column
//! and the value. An item without a column is unscored too. A batch has no
//! "not applicable" marks; unscored items and items scored 0 add the same 0
//! points.
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
//! assert_eq!(scores.current_period, [0, 0]); // Figure 3: both at A1
//! assert_eq!(scores.unscored, [127, 127]); // the items without a column
//! # Ok::<(), kam_core::Error>(())
//! ```

mod cell;
mod columns;
mod output;
pub mod parallel;
mod plan;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use cell::{BatchCell, Cell, MAX_CELL_TEXT};
pub use columns::Column;
pub use output::{BatchOutput, BatchScores, NO_CURRENT_PERIOD};
pub use plan::BatchPlan;

use crate::error::{BatchError, Error, LimitError};
use crate::framework::{AuditFramework, Framework};
use crate::limits::MAX_BATCH_RESULTS;

/// The framework a batch is scored against when it names none: the
/// Cranfield action audit, the one batch scoring exists for.
pub const DEFAULT_FRAMEWORK: &str = "cranfield-kam-development";

/// A batch as one JSON document: the rows of a spreadsheet of audits, one
/// row per assessment and one cell per named column. The input of
/// `score_batch` (Rust and Python; `scoreBatch` in JavaScript). A cell is a
/// score, or `null` for an unscored item; leaving an item's column out
/// leaves it unscored in every row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BatchInput {
    /// The bundled action-audit framework; `cranfield-kam-development` if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    /// The item id of each column, in any order; items without a column are
    /// unscored. If absent, every item in framework order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub columns: Option<Vec<String>>,
    /// The percentage of a period's maximum at which it counts as complete,
    /// for the Figure 3 current period; default 80, as in `ScoreOptions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_threshold: Option<f64>,
    /// The scores, one row per assessment: whole numbers on the scale, or
    /// `null` for unscored.
    pub rows: Vec<Vec<BatchCell>>,
}

/// The results of a batch row by row, as one JSON document: what
/// `score_batch` returns for a `BatchInput`. Per row, the period, phase and
/// overall scores, the Figure 4 position, the Figure 3 current period and
/// the unscored count, with the period and phase ids that head the columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
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
    /// Figure 3: each row's earliest incomplete period, or `null` when every
    /// period is complete.
    pub current_period: Vec<Option<String>>,
    /// How many of the framework's items each row leaves unscored.
    pub unscored: Vec<u32>,
}

/// Scores a [`BatchInput`] against the bundled framework it names, or
/// against `framework` when one is given (a framework file).
///
/// # Errors
/// `too-many-results` past [`MAX_BATCH_RESULTS`] (checked before any
/// scoring), `unknown-framework`, `wrong-framework-type`,
/// `framework-mismatch`, `invalid-option` for a completion threshold out of
/// range, and those of [`BatchPlan::new`] and [`BatchPlan::score_rows`].
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
    let mut plan = match &input.columns {
        Some(columns) => BatchPlan::new(audit, columns)?,
        None => BatchPlan::for_framework(audit),
    };
    if let Some(threshold) = input.completion_threshold {
        plan = plan.with_completion_threshold(threshold)?;
    }
    plan.score_rows(&input.rows)
}

/// The item ids of `framework` in file order: the column order of a batch
/// made with [`BatchPlan::for_framework`].
pub fn item_ids(framework: &AuditFramework) -> Vec<&str> {
    framework.items.iter().map(|i| i.id.as_str()).collect()
}
