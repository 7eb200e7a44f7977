#![doc = include_str!("../../../docs/programme.md")]

mod actions;
pub mod alpha;
mod analyse;
mod assemble;
mod book;
mod calendar;
pub mod chart;
mod checklists;
mod disputes;
pub mod document;
pub mod example;
mod hierarchy;
pub mod report;
pub mod result;
mod rollup;
mod round;
pub mod timescale;
mod trend;

pub use actions::PROGRAMME_ACTIONS;
pub use analyse::programme_report;
pub use assemble::assemble;
pub use disputes::{DISPUTED_ITEMS, HEATMAP_ASSESSORS, HEATMAP_ITEMS};
pub use document::{Customers, Programme, ProgrammeAssessment, Unit, UnitAccountPlan, from_json};
pub use result::{
    AgreementOverview, AlphaReading, DisputedAcross, DisputedItem, Heatmap, LowAgreement,
    MilestoneOutlook, Movement, Pace, PaceVerdict, PathMilestone, PhaseCount, ProgrammeAction,
    ProgrammeReport, Rescored, RollUp, RoundAgreement, RoundChange, Summary, Trend,
    UnitAccountPlanReport, UnitChecklist, UnitLitmus, UnitMaturity, UnitPosition, UnitReport,
    UnitRound,
};

/// A count as `u32`, saturating (lists are far shorter in practice).
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests;
