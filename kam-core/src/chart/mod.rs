//! Standalone SVG charts of audit and maturity reports, written by hand with
//! no drawing dependency.
//!
//! Every chart is one `<svg>` element that scales with its `viewBox` and is
//! legible at 600 px wide; it names itself with `role="img"`, a `<title>` and
//! a `<desc>` that states its numbers in words; it uses no external font or
//! script; all user text is escaped; and the same input always gives the same
//! bytes. Each can be saved as a `.svg` file or inlined in an HTML page (the
//! `kam_core::render`'s HTML pages do that).
//!
//! - [`figure3`]: completion by period, grouped by phase (Figure 3 of the
//!   Cranfield paper).
//! - [`figure4`]: the overall score on the cumulative development path, with
//!   the milestones (Figure 4).
//! - [`maturity_radar`]: stage by programme area, with an optional target.
//! - [`portfolio_matrix`]: customers by relationship strength and
//!   attractiveness, in the four quadrants.
//! - [`progress`]: completion by period in two audits, side by side.
//! - [`checklist()`]: completion by section and by group of a checklist.
//!
//! docs/reports.md shows each chart and how to produce it.

mod checklist;
pub(crate) mod layout;
mod path;
mod periods;
mod portfolio;
mod progress;
mod radar;
pub(crate) mod svg;

pub use checklist::checklist;
pub use path::figure4;
pub use periods::figure3;
pub use portfolio::portfolio_matrix;
pub use progress::progress;
pub use radar::maturity_radar;

/// Bars of complete periods: a deep green, dark enough for white text nearby.
pub(crate) const COMPLETE: &str = "#2a7f62";
/// Bars of periods not yet complete: a neutral grey that reads as "not yet".
pub(crate) const INCOMPLETE: &str = "#9aa5b1";
/// The current period, the overall score and targets: vermillion, which
/// stays distinct from green and blue for colour-blind readers.
pub(crate) const CURRENT: &str = "#d55e00";
/// The column behind the current period.
pub(crate) const HIGHLIGHT: &str = "#fde7d9";
/// The development path and current maturity: a strong blue.
pub(crate) const PATH: &str = "#1f5fa8";

#[cfg(test)]
pub(crate) mod check;
#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
pub(crate) mod properties;
#[cfg(test)]
mod tests;
