//! The audit report: every figure the scoring engine derives, with stable,
//! documented field names (docs/methodology.md explains each one).

use serde::{Deserialize, Serialize};

use crate::assessment::Context;
use crate::framework::Provenance;
use crate::text::Text;

/// The scored result of one action-audit assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AuditReport {
    /// Which framework and version scored it.
    pub framework: FrameworkRef,
    /// Who was assessed, by whom, when (echoed from the assessment).
    pub context: Context,
    /// Total score over every item.
    pub overall: Total,
    /// Items with neither a score nor a "not applicable" mark (they add 0).
    pub unscored: u32,
    /// Items marked "not applicable" (left out of every maximum).
    pub not_applicable: u32,
    /// Score per phase, in development-path order, each with its periods.
    pub phases: Vec<PhaseScore>,
    /// The framework's milestones, placed on the development path (Figure 4).
    #[serde(default)]
    pub milestones: Vec<MilestoneMark>,
    /// Score per stream of activity, each with its contributory streams.
    pub streams: Vec<StreamScore>,
    /// Figure 4: where the overall score places the organisation on the path.
    pub position: Position,
    /// Figure 3: progress period by period.
    pub progress: Progress,
    /// Items still below the top of the scale, in development-path order.
    pub next_actions: Vec<ItemStatus>,
    /// kam's conventions behind `position`, `progress` and the charts: rules
    /// of kam's, not the source's words.
    #[serde(default)]
    pub conventions: Vec<Convention>,
}

/// A milestone on the development path: reached at the end of the period it
/// follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MilestoneMark {
    /// Milestone id, e.g. `launch`.
    pub id: Text,
    /// Name, e.g. "Launch".
    pub name: Text,
    /// The period it follows, e.g. `B1`.
    pub after: Text,
    /// That period's position on the path, 1-based.
    pub number: u32,
    /// Where it sits on kam's development path: the cumulative maximum at the
    /// end of the period it follows (117 for Launch, after B1).
    pub at: u32,
    /// Whether the milestone is quoted from the source or kam's.
    pub provenance: Provenance,
}

/// One of kam's conventions, in words: a rule kam applies that the source
/// does not state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Convention {
    /// Stable id, e.g. `completion-threshold`.
    pub id: String,
    /// The convention, e.g. "a period counts as complete at 80% of its maximum".
    pub text: String,
}

/// A framework named by id and version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FrameworkRef {
    /// Stable id.
    pub id: String,
    /// Data version.
    pub version: String,
    /// Human-readable name.
    pub name: String,
}

/// A score out of a maximum.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Total {
    /// Points scored: the sum of item scores times their weights.
    pub score: u32,
    /// Points possible.
    pub max: u32,
    /// `score / max × 100`; 0 when `max` is 0.
    pub percent: f64,
}

/// One phase's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PhaseScore {
    /// Phase id, e.g. `A`.
    pub id: Text,
    /// Phase name, e.g. "Scoping KAM".
    pub name: Text,
    /// Points scored in the phase.
    pub score: u32,
    /// Points possible in the phase.
    pub max: u32,
    /// `score / max × 100`.
    pub percent: f64,
    /// Its periods, in order.
    pub periods: Vec<PeriodScore>,
}

/// One period's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PeriodScore {
    /// Period id, e.g. `A1`.
    pub id: Text,
    /// Position on the whole path, 1-based.
    pub number: u32,
    /// Period name, e.g. "Awareness".
    pub name: Text,
    /// Points scored in the period.
    pub score: u32,
    /// Points possible in the period.
    pub max: u32,
    /// `score / max × 100`.
    pub percent: f64,
    /// Items of the period not yet scored.
    pub unscored: u32,
    /// Whether `percent` reaches the completion threshold (Figure 3).
    pub complete: bool,
}

/// One stream's score, with its contributory streams.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct StreamScore {
    /// Stream id, e.g. `strategy-planning`.
    pub id: Text,
    /// Stream name.
    pub name: Text,
    /// Points scored.
    pub score: u32,
    /// Points possible.
    pub max: u32,
    /// `score / max × 100`.
    pub percent: f64,
    /// Its contributory streams, in framework order.
    pub contributory: Vec<ContributoryScore>,
}

/// One contributory stream's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ContributoryScore {
    /// Contributory stream id, e.g. `goals-strategy`.
    pub id: Text,
    /// Its name.
    pub name: Text,
    /// Points scored.
    pub score: u32,
    /// Points possible.
    pub max: u32,
    /// `score / max × 100`.
    pub percent: f64,
}

/// Figure 4: the period the overall score reaches on the cumulative path.
///
/// With cumulative period maxima `C1 … Cn`, a score `S` lies in period `k`
/// when `C(k-1) <= S < C(k)`; a score equal to the overall maximum is best
/// practice.
// Read by `super::position`, without serde's buffer for tagged enums.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Position {
    /// The score lies within a period.
    Period {
        /// Period id, e.g. `B2`.
        period: Text,
        /// Position on the path, 1-based.
        number: u32,
        /// Period name.
        name: Text,
        /// The phase the period belongs to.
        phase: Text,
        /// Cumulative maximum before the period, `C(k-1)`.
        from: u32,
        /// Cumulative maximum at the end of the period, `C(k)`.
        to: u32,
        /// Share of the period covered: `(S - C(k-1)) / (C(k) - C(k-1))`, in `[0, 1)`.
        fraction: f64,
    },
    /// The score equals the overall maximum.
    BestPractice {
        /// The overall maximum reached.
        score: u32,
    },
}

/// Figure 3: period-by-period progress against a completion threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Progress {
    /// The percentage of a period's maximum at which it counts as complete.
    pub completion_threshold: f64,
    /// The earliest period not yet complete; `null` when all are.
    pub current_period: Option<Text>,
    /// Items at 0 or unscored in periods up to and including the current one
    /// (every period when all are complete).
    pub missing: Vec<ItemStatus>,
    /// Items started but below the top of the scale in periods before the
    /// current one (every period when all are complete).
    pub lagging: Vec<ItemStatus>,
    /// Items already at the top of the scale in periods after the current one.
    pub ahead: Vec<ItemStatus>,
}

/// One item and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ItemStatus {
    /// Item id, e.g. `B2.3`.
    pub id: Text,
    /// Its period.
    pub period: Text,
    /// Its contributory stream.
    pub stream: Text,
    /// The action, in the framework's wording.
    pub text: Text,
    /// The score given; `null` when unscored.
    pub score: Option<u8>,
}
