#![doc = include_str!("../../docs/analyses/compare.md")]

use serde::{Deserialize, Serialize};

use super::{check_same_framework, framework_ref};
use crate::assessment::{AuditAssessment, path_items};
use crate::error::Error;
use crate::framework::AuditFramework;
use crate::scoring::{self, AuditReport, FrameworkRef, ScoreOptions, Total};

/// Two audits of the same framework version, earlier first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ComparisonInput {
    /// The earlier audit, e.g. last year's.
    pub before: AuditAssessment,
    /// The later audit, e.g. this year's.
    pub after: AuditAssessment,
}

/// What changed between two audits: per item, period, phase and overall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AuditComparison {
    /// The framework both audits use.
    pub framework: FrameworkRef,
    /// The earlier audit's full report (its context carries its date).
    pub before: AuditReport,
    /// The later audit's full report.
    pub after: AuditReport,
    /// The overall change.
    pub overall: ScoreChange,
    /// The change per phase, in development-path order.
    pub phases: Vec<ScoreChange>,
    /// The change per period, in development-path order (12 for Cranfield).
    pub periods: Vec<ScoreChange>,
    /// Every item whose score or "not applicable" mark changed, in
    /// development-path order.
    pub items: Vec<ItemChange>,
    /// Items scored higher than before (newly started items included).
    pub improved: Vec<String>,
    /// Items scored lower than before.
    pub regressed: Vec<String>,
    /// Items at 0 or unscored before and above 0 now.
    pub newly_started: Vec<String>,
}

/// The change of one total: the whole audit, a phase or a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ScoreChange {
    /// The phase or period id; the framework id for the overall change.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The total before.
    pub before: Total,
    /// The total after.
    pub after: Total,
    /// Points gained (negative when lost): `after.score − before.score`.
    pub change: i64,
    /// Percentage points gained: `after.percent − before.percent`.
    pub percent_change: f64,
}

/// One item whose answer changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ItemChange {
    /// Item id.
    pub id: String,
    /// Its period.
    pub period: String,
    /// The action, in the framework's wording.
    pub text: String,
    /// Score before; `null` when unscored or not applicable.
    pub before: Option<u8>,
    /// Score after; `null` when unscored or not applicable.
    pub after: Option<u8>,
    /// Whether it was marked not applicable before.
    pub not_applicable_before: bool,
    /// Whether it is marked not applicable now.
    pub not_applicable_after: bool,
    /// Points gained, weight included (unscored and not applicable count 0).
    pub change: i64,
}

/// Compares the two audits of `input`, against `framework`.
///
/// # Errors
/// `mixed-frameworks` when they name different frameworks or versions; any
/// error of scoring either audit.
pub fn compare(
    framework: &AuditFramework,
    input: &ComparisonInput,
    options: &ScoreOptions,
) -> Result<AuditComparison, Error> {
    compare_audits(framework, &input.before, &input.after, options)
}

/// Compares two audits a caller holds, against `framework`, without
/// moving or copying them into a [`ComparisonInput`].
///
/// ```
/// use kam_core::{AuditAssessment, ScoreOptions, analysis::compare::compare_audits};
///
/// let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
/// let before = AuditAssessment::new(framework);
/// let mut after = before.clone();
/// after.scores.insert("A1.1".into(), 3);
/// let comparison = compare_audits(framework, &before, &after, &ScoreOptions::default())?;
/// assert_eq!(comparison.improved, ["A1.1"]);
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`compare`].
pub fn compare_audits(
    framework: &AuditFramework,
    before: &AuditAssessment,
    after: &AuditAssessment,
    options: &ScoreOptions,
) -> Result<AuditComparison, Error> {
    check_same_framework(&[before, after], &|i| {
        ["`/before`", "`/after`"]
            .get(i)
            .copied()
            .unwrap_or("audit")
            .to_owned()
    })?;
    let (before_audit, after_audit) = (before, after);
    let before =
        scoring::score_audit(framework, before_audit, options).map_err(|e| e.within("/before"))?;
    let after =
        scoring::score_audit(framework, after_audit, options).map_err(|e| e.within("/after"))?;
    let overall = change(
        &framework.id,
        &framework.name,
        before.overall,
        after.overall,
    );
    let phases = changes(before.phases.iter().zip(&after.phases), |p| {
        (&p.id, &p.name, total(p.score, p.max, p.percent))
    });
    let periods = changes(
        before
            .phases
            .iter()
            .flat_map(|p| &p.periods)
            .zip(after.phases.iter().flat_map(|p| &p.periods)),
        |p| (&p.id, &p.name, total(p.score, p.max, p.percent)),
    );
    let items = item_changes(framework, before_audit, after_audit);
    let pick = |keep: &dyn Fn(&ItemChange) -> bool| -> Vec<String> {
        items
            .iter()
            .filter(|c| keep(c))
            .map(|c| c.id.clone())
            .collect()
    };
    let improved = pick(&|c| c.after.unwrap_or(0) > c.before.unwrap_or(0));
    let regressed = pick(&|c| c.after.unwrap_or(0) < c.before.unwrap_or(0));
    let newly_started = pick(&|c| c.before.unwrap_or(0) == 0 && c.after.unwrap_or(0) > 0);
    Ok(AuditComparison {
        framework: framework_ref(framework),
        before,
        after,
        overall,
        phases,
        periods,
        items,
        improved,
        regressed,
        newly_started,
    })
}

fn total(score: u32, max: u32, percent: f64) -> Total {
    Total {
        score,
        max,
        percent,
    }
}

/// The change of each (before, after) pair of phases or periods, read by
/// `line` as (id, name, total).
fn changes<'r, T: 'r>(
    pairs: impl Iterator<Item = (&'r T, &'r T)>,
    line: impl Fn(&'r T) -> (&'r str, &'r str, Total),
) -> Vec<ScoreChange> {
    pairs
        .map(|(b, a)| {
            let (id, name, before) = line(b);
            change(id, name, before, line(a).2)
        })
        .collect()
}

/// The change from `before` to `after` of the total `id` named `name`.
pub(crate) fn change(id: &str, name: &str, before: Total, after: Total) -> ScoreChange {
    ScoreChange {
        id: id.to_owned(),
        name: name.to_owned(),
        before,
        after,
        change: i64::from(after.score) - i64::from(before.score),
        percent_change: after.percent - before.percent,
    }
}

/// Items whose score or mark differs, in development-path order (periods in
/// path order, file order within a period), as the reports list items.
fn item_changes(
    framework: &AuditFramework,
    before: &AuditAssessment,
    after: &AuditAssessment,
) -> Vec<ItemChange> {
    path_items(framework)
        .filter_map(|item| {
            let b = before.scores.get(&item.id).copied();
            let a = after.scores.get(&item.id).copied();
            let na_b = before.not_applicable.contains(&item.id);
            let na_a = after.not_applicable.contains(&item.id);
            if a == b && na_a == na_b {
                return None;
            }
            let points = |s: Option<u8>| i64::from(s.unwrap_or(0)) * i64::from(item.weight);
            Some(ItemChange {
                id: item.id.clone(),
                period: item.period.clone(),
                text: item.text.clone(),
                before: b,
                after: a,
                not_applicable_before: na_b,
                not_applicable_after: na_a,
                change: points(a) - points(b),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
