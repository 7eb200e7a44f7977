//! The programme report as data: what `programme_report` returns, before
//! any rendering. Every list has a documented order; every figure is
//! explained in docs/programme.md.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::timescale::Timescale;
use crate::analysis::compare::ScoreChange;
use crate::analysis::{AccountPlanReport, ParetoReport, PortfolioReport, UnitColumn};
use crate::assessment::AuditAssessment;
use crate::checklist::ChecklistReport;
use crate::litmus::LitmusReport;
use crate::maturity::MaturityReport;
use crate::scoring::{FrameworkRef, ItemStatus, Position, Total};

/// Everything kam reads from a programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ProgrammeReport {
    /// The programme's name.
    pub name: String,
    /// The organisation running it.
    pub organisation: Option<String>,
    /// The audit framework, in the version the programme is read in (that
    /// of its latest audit); `null` when there are no audits.
    pub framework: Option<FrameworkRef>,
    /// The phase columns of every `phases` list, in development-path order.
    pub phases: Vec<UnitColumn>,
    /// The period columns of every `periods` list, in development-path order.
    pub periods: Vec<UnitColumn>,
    /// The development path (Figure 4): each phase's closing milestone and
    /// the overall score that reaches it, in path order.
    pub milestones: Vec<PathMilestone>,
    /// The completion threshold periods were read against (Figure 3).
    pub completion_threshold: f64,
    /// The spread at which assessors are said to disagree on an item.
    pub disagreement: u8,
    /// Audits made under another version of the framework, re-scored under
    /// the programme's version, one entry per version carried from.
    pub rescored: Vec<Rescored>,
    /// Where the programme stands, for the executive summary.
    pub summary: Summary,
    /// Every unit, depth first (each unit before the units inside it,
    /// siblings in input order).
    pub units: Vec<UnitReport>,
    /// The latest position of every audited unit, ranked best first.
    pub positions: Vec<UnitPosition>,
    /// The next actions that matter most across units; at most five.
    pub next_actions: Vec<ProgrammeAction>,
    /// Where the assessors disagree.
    pub agreement: AgreementOverview,
    /// The paper's timescales the paces are read against; `null` when kam
    /// has none for the framework.
    pub timescale: Option<Timescale>,
    /// The Pareto analysis of the programme's customers.
    pub pareto: Option<ParetoReport>,
    /// The portfolio matrix of the programme's customers.
    pub portfolio: Option<PortfolioReport>,
    /// Each key account plan's check, in input order.
    pub account_plans: Vec<UnitAccountPlanReport>,
}

/// A milestone on the development path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct PathMilestone {
    /// The period it follows (Launch follows `B1`).
    pub after: String,
    /// The milestone.
    pub name: String,
    /// The cumulative maximum at the end of that period.
    pub points: u32,
}

/// Audits carried from one framework version to the programme's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Rescored {
    /// The framework id.
    pub framework: String,
    /// The version the audits were made under.
    pub from_version: String,
    /// The version they are read in.
    pub to_version: String,
    /// How many audits were carried.
    pub audits: u32,
    /// Answers dropped in all those audits (a score off the new scale, a
    /// "not applicable" the new version forbids).
    pub dropped_answers: u32,
    /// Items only in the new version (unscored in carried audits).
    pub added: Vec<String>,
    /// Items only in the old version (their answers are left out).
    pub removed: Vec<String>,
    /// Items that moved to another period or stream.
    pub moved: Vec<String>,
    /// Items whose weight changed.
    pub reweighted: Vec<String>,
}

/// The programme at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Summary {
    /// Units in the programme.
    pub units: u32,
    /// Units with at least one audit.
    pub audited_units: u32,
    /// Audits in the programme.
    pub audits: u32,
    /// Maturity assessments.
    pub maturity_assessments: u32,
    /// Litmus-test answers.
    pub litmus_tests: u32,
    /// Checklist assessments (of any checklist).
    pub checklists: u32,
    /// Distinct assessors.
    pub assessors: u32,
    /// The earliest assessment date; `null` without assessments.
    pub first_date: Option<String>,
    /// The latest.
    pub last_date: Option<String>,
    /// Points over every audited unit's latest round: their scores and
    /// maxima added up.
    pub overall: Option<Total>,
    /// How many units' latest Figure 4 position lies in each phase, in
    /// development-path order.
    pub phases: Vec<PhaseCount>,
    /// How many units have reached best practice.
    pub best_practice: u32,
    /// What moved since each unit's previous round.
    pub moved: Movement,
}

/// Units whose position lies in one phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct PhaseCount {
    /// Phase id.
    pub id: String,
    /// Phase name.
    pub name: String,
    /// How many units.
    pub units: u32,
}

/// Changes between each unit's last two rounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Movement {
    /// Units audited in at least two rounds.
    pub units: u32,
    /// Of those, units whose overall score rose.
    pub improved: u32,
    /// Units whose overall score fell.
    pub regressed: u32,
    /// Units whose overall score stayed the same.
    pub unchanged: u32,
    /// The mean change of their overall percentage, in percentage points;
    /// `null` when no unit has two rounds.
    pub mean_change: Option<f64>,
    /// Units that moved to a later phase of Figure 4 (or to best practice).
    pub new_phase: Vec<String>,
}

/// One unit, its audit rounds and what kam reads from them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct UnitReport {
    /// Unit id.
    pub id: String,
    /// Its name (the id when it has none).
    pub name: String,
    /// Its parent's id.
    pub parent: Option<String>,
    /// 0 for a top-level unit, 1 inside it, and so on.
    pub depth: u32,
    /// Its children's ids, in input order.
    pub children: Vec<String>,
    /// Each date the unit was audited, oldest first: the assessors' audits
    /// merged, and how far the assessors agree.
    pub rounds: Vec<UnitRound>,
    /// The next actions of the latest merged audit, in development-path
    /// order (as many as the options ask for).
    pub next_actions: Vec<ItemStatus>,
    /// The change from the previous round to the latest; `null` with fewer
    /// than two rounds.
    pub change: Option<RoundChange>,
    /// The trend over all rounds; `null` without audits.
    pub trend: Option<Trend>,
    /// The unit and every unit inside it, taken together; `null` when none
    /// of them has been audited.
    pub rollup: Option<RollUp>,
    /// The latest maturity assessment, assessors merged.
    pub maturity: Option<UnitMaturity>,
    /// The latest litmus answers.
    pub litmus: Option<UnitLitmus>,
    /// Each checklist's latest assessment, assessors merged, in the order
    /// of the checklists' ids.
    pub checklists: Vec<UnitChecklist>,
}

/// One date's audits of a unit, merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct UnitRound {
    /// The date.
    pub date: String,
    /// The assessors, in input order.
    pub assessors: Vec<String>,
    /// The merged audit, as `aggregate` merges the assessors' audits: an
    /// ordinary assessment, scored like any other (its context keeps the
    /// fields all the audits agree on).
    pub merged: AuditAssessment,
    /// The merged audit's overall score.
    pub overall: Total,
    /// Percentage per phase, in the order of [`ProgrammeReport::phases`].
    pub phases: Vec<f64>,
    /// Percentage per period, in the order of [`ProgrammeReport::periods`].
    pub periods: Vec<f64>,
    /// Figure 4: where the overall score lies on the development path.
    pub position: Position,
    /// Figure 3: the earliest period below the completion threshold; `null`
    /// when every period is complete.
    pub current_period: Option<String>,
    /// How far the assessors agree.
    pub agreement: RoundAgreement,
}

/// Agreement among one round's assessors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct RoundAgreement {
    /// Krippendorff's alpha for ordinal data over the items; `null` when
    /// undefined (one assessor, or every score the same).
    pub alpha: Option<f64>,
    /// kam's reading of alpha.
    pub reading: AlphaReading,
    /// Items scored by at least two assessors (the items alpha compares).
    pub items: u32,
    /// Items whose spread reaches the disagreement threshold, in
    /// development-path order.
    pub disputed: Vec<DisputedItem>,
}

/// kam's reading of Krippendorff's alpha, after Krippendorff's guideline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AlphaReading {
    /// α ≥ 0.800.
    Reliable,
    /// 0.667 ≤ α < 0.800: good for tentative conclusions only.
    Tentative,
    /// α < 0.667.
    Unreliable,
    /// No alpha: a single assessor, or nothing to compare.
    Undefined,
}

/// An item the assessors of one round score far apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct DisputedItem {
    /// Item id.
    pub id: String,
    /// Each assessor's score, in assessor order; `null` when not given.
    pub scores: Vec<Option<u8>>,
    /// The merged score (median, rounded half down).
    pub merged: u8,
    /// Highest minus lowest score.
    pub spread: u8,
}

/// What changed between a unit's last two rounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct RoundChange {
    /// The previous round's date.
    pub from: String,
    /// The latest round's date.
    pub to: String,
    /// The overall change.
    pub overall: ScoreChange,
    /// Items scored higher in the merged audit, in development-path order.
    pub improved: Vec<String>,
    /// Items scored lower.
    pub regressed: Vec<String>,
    /// Whether the Figure 4 position moved to a later phase.
    pub new_phase: bool,
}

/// A unit's pace along the development path, and where it leads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Trend {
    /// Audit rounds.
    pub rounds: u32,
    /// The first round's date.
    pub first: String,
    /// The latest round's date.
    pub last: String,
    /// Years from the first round to the latest.
    pub years: f64,
    /// The least-squares slope of the overall score against time, in points
    /// per year; `null` with a single round.
    pub points_per_year: Option<f64>,
    /// The same for the overall percentage, in percentage points per year.
    pub percent_per_year: Option<f64>,
    /// The pace against the paper's timescale; `null` with a single round or
    /// without a timescale for the framework.
    pub pace: Option<Pace>,
    /// The next milestone and when it may be reached; `null` at best
    /// practice.
    pub milestone: Option<MilestoneOutlook>,
    /// The trend in words (kam's reading).
    pub reading: String,
}

/// A unit's pace against the paper's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Pace {
    /// The phases the paper times together that the unit is in, e.g. `A`, `B`.
    pub span: Vec<String>,
    /// The years the paper gives them.
    pub paper_years: f64,
    /// The paper's pace over them: their points over those years.
    pub paper_points_per_year: f64,
    /// The unit's pace over the paper's.
    pub ratio: f64,
    /// kam's reading of the ratio.
    pub verdict: PaceVerdict,
}

/// kam's reading of a pace against the paper's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PaceVerdict {
    /// At or above the band's top.
    Faster,
    /// Within the band.
    InLine,
    /// Below the band, but moving forward.
    Slower,
    /// No movement.
    Stalled,
    /// Going backwards.
    Receding,
}

/// The next milestone on the path and when the unit may reach it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MilestoneOutlook {
    /// The period the milestone follows.
    pub after: String,
    /// The milestone.
    pub name: String,
    /// The cumulative maximum at the end of that period: the overall score
    /// that reaches the milestone on Figure 4.
    pub points: u32,
    /// The points still to gain from the latest round.
    pub to_go: u32,
    /// The date the unit's own pace reaches it (kam's projection); `null`
    /// when the unit is not moving forward or only one round exists.
    pub projected: Option<String>,
    /// The date the paper's pace would reach it; `null` without a timescale.
    pub at_paper_pace: Option<String>,
}

/// A unit together with every unit inside it: each one's latest round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct RollUp {
    /// Audited units taken together.
    pub units: u32,
    /// Their latest scores and maxima added up.
    pub overall: Total,
    /// Per phase, their points over their maxima, in percent.
    pub phases: Vec<f64>,
    /// The unit with the lowest overall percentage (the first in report
    /// order on a tie).
    pub lowest: String,
    /// Its percentage.
    pub lowest_percent: f64,
    /// The unit with the highest.
    pub highest: String,
    /// Its percentage.
    pub highest_percent: f64,
}

/// A unit's latest maturity assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct UnitMaturity {
    /// Its date.
    pub date: String,
    /// The assessors, in input order.
    pub assessors: Vec<String>,
    /// The reading of the merged assessment (each area's stage the median
    /// of the assessors', rounded half down).
    pub report: MaturityReport,
}

/// A unit's latest litmus answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct UnitLitmus {
    /// Their date.
    pub date: String,
    /// The verdicts, every response of that date together.
    pub report: LitmusReport,
}

/// A unit's latest assessment of one checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitChecklist {
    /// Its date.
    pub date: String,
    /// The assessors, in input order.
    pub assessors: Vec<String>,
    /// Items whose assessors' scores spread by at least the programme's
    /// disagreement threshold, in checklist order.
    pub disputed: Vec<String>,
    /// The reading of the merged assessment (each item's score the median
    /// of the assessors', rounded half down, as `aggregate` merges audits).
    pub report: ChecklistReport,
}

/// One line of the ranking: a unit's latest position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct UnitPosition {
    /// Rank, from 1; units with the same overall percentage share a rank.
    pub rank: u32,
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub name: String,
    /// The latest round's date.
    pub date: String,
    /// Its overall score.
    pub overall: Total,
    /// Percentage per phase.
    pub phases: Vec<f64>,
    /// Figure 4.
    pub position: Position,
    /// Figure 3.
    pub current_period: Option<String>,
    /// Percentage points gained since the previous round; `null` with one
    /// round.
    pub change: Option<f64>,
    /// The latest round's alpha.
    pub alpha: Option<f64>,
    /// The pace against the paper's.
    pub pace: Option<PaceVerdict>,
}

/// An action many units still need, ranked across the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ProgrammeAction {
    /// Item id.
    pub id: String,
    /// Its period.
    pub period: String,
    /// Its contributory stream.
    pub stream: String,
    /// The action, in the framework's wording.
    pub text: String,
    /// The units that have it among their next actions, in report order.
    pub units: Vec<String>,
    /// The mean of their merged scores for it (unscored counts 0).
    pub mean_score: f64,
}

/// Where the assessors disagree, across the programme's latest rounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct AgreementOverview {
    /// Latest rounds with an alpha.
    pub rounds: u32,
    /// The median of their alphas.
    pub median_alpha: Option<f64>,
    /// Units whose latest round reads below reliable, lowest alpha first.
    pub low: Vec<LowAgreement>,
    /// The items most often disputed in the latest rounds, most first; at
    /// most ten.
    pub disputed: Vec<DisputedAcross>,
    /// Assessors × items: how far each assessor scores from the merged
    /// score.
    pub heatmap: Heatmap,
}

/// A unit whose assessors agree less than reliably.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct LowAgreement {
    /// Unit id.
    pub unit: String,
    /// The round's date.
    pub date: String,
    /// Its alpha.
    pub alpha: f64,
    /// kam's reading.
    pub reading: AlphaReading,
}

/// An item disputed in several units' latest rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct DisputedAcross {
    /// Item id.
    pub id: String,
    /// The action.
    pub text: String,
    /// The units where it is disputed, in report order.
    pub units: Vec<String>,
}

/// Each assessor's mean signed difference from the merged score, per item,
/// over the latest rounds in which the item is disputed: positive when the
/// assessor scored higher than the panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Heatmap {
    /// The items shown (the most disputed; at most 15), in
    /// development-path order.
    pub items: Vec<String>,
    /// The assessors shown (those with the most scores of disputed items;
    /// at most 12), by name.
    pub assessors: Vec<String>,
    /// One row per assessor, one cell per item; `null` where the assessor
    /// scored the item in none of the rounds disputing it.
    pub cells: Vec<Vec<Option<f64>>>,
}

/// A key account plan's check, with its unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct UnitAccountPlanReport {
    /// The unit's id.
    pub unit: String,
    /// The check.
    pub report: AccountPlanReport,
}
