//! The programme report's charts, to the standards of [`crate::chart`]: one
//! `<svg>` each, 640 units wide, named by `<title>` and described in words
//! by `<desc>`, with no external font or script, every piece of user text
//! escaped, and the same bytes for the same report.
//!
//! - [`unit_trend`]: a unit's overall score round by round on the
//!   development path, its milestones, and where its pace and the paper's
//!   lead.
//! - [`ranking`]: the units by their latest overall percentage.
//! - [`disagreement_heatmap`]: the most disputed items × the assessors,
//!   each cell how far the assessor scored from the merged score.
//! - [`pareto_curve`]: the Pareto (Lorenz) curve of the customers.

mod heatmap;
mod pareto;
mod ranking;
mod trend;

pub use heatmap::disagreement_heatmap;
pub use pareto::pareto_curve;
pub(crate) use pareto::selection;
pub use ranking::{RANKING_ROWS, ranking};
pub use trend::unit_trend;

/// The colour of a phase's units in the ranking (colour-blind safe, after
/// Okabe and Ito), by phase index; the last colour is best practice.
const PHASE_COLOURS: [&str; 5] = ["#56b4e9", "#009e73", "#e69f00", "#cc79a7", "#1f5fa8"];

/// The colour of phase `index`; phases past the fourth reuse the palette.
fn phase_colour(index: usize) -> &'static str {
    PHASE_COLOURS
        .get(index % (PHASE_COLOURS.len() - 1))
        .copied()
        .unwrap_or("#9aa5b1")
}

/// The colour of best practice.
fn best_practice_colour() -> &'static str {
    PHASE_COLOURS.last().copied().unwrap_or("#1f5fa8")
}

/// A count as `f64`, for layout arithmetic.
fn float(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests;
