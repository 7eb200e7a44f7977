#![doc = include_str!("../../docs/analyses/time-allocation.md")]

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::check_range;
use crate::error::{AnalysisError, Error};
use crate::framework::{Provenance, Source};
use crate::json::unique_map;

/// How far the shares may add up beyond 100 (rounding in the user's sheet).
pub const TOTAL_TOLERANCE: f64 = 1e-6;

/// A guideline for how a key account manager's time should be shared out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TimeGuideline {
    /// Stable id, e.g. `cranfield-kam-time`.
    pub id: String,
    /// Version of the data.
    pub version: String,
    /// Human-readable name.
    pub name: String,
    /// Where the figures come from.
    pub source: Source,
    /// One-paragraph summary.
    pub description: String,
    /// Deviation, in percentage points outside an activity's range, at which
    /// it is flagged; above 0 and at most 100 (the paper: 10).
    pub flag_at: f64,
    /// The activities with a recommended range.
    pub activities: Vec<GuidelineActivity>,
}

/// One activity and its recommended share of time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GuidelineActivity {
    /// Stable id, e.g. `selling`.
    pub id: String,
    /// Name, e.g. "Selling".
    pub name: String,
    /// What the activity covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the description is quoted from the source or written by kam.
    #[serde(default, skip_serializing_if = "Provenance::is_source")]
    pub provenance: Provenance,
    /// Lowest recommended share, in percent.
    pub min: f64,
    /// Highest recommended share, in percent.
    pub max: f64,
}

/// A key account manager's actual time shares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TimeAllocationInput {
    /// Whose time it is, e.g. a manager's name or a team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager: Option<String>,
    /// The guideline to compare with; the bundled Cranfield one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guideline: Option<TimeGuideline>,
    /// Actual share of time per activity id, in percent; 0–100 each, at most
    /// 100 in total. Activities outside the guideline are listed apart.
    #[serde(deserialize_with = "unique_map::deserialize")]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, f64>"))]
    pub shares: BTreeMap<String, f64>,
}

/// Actual shares against the guideline, with deviations flagged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TimeAllocationReport {
    /// Whose time it is.
    pub manager: Option<String>,
    /// The guideline's id.
    pub guideline: String,
    /// The guideline's version.
    pub guideline_version: String,
    /// The deviation at which an activity is flagged.
    pub flag_at: f64,
    /// Each activity of the guideline, in guideline order.
    pub activities: Vec<ActivityCheck>,
    /// Activities reported that the guideline has no range for, by id.
    pub other: BTreeMap<String, f64>,
    /// Sum of all reported shares, in percent.
    pub total: f64,
    /// Ids of the flagged activities, in guideline order.
    pub flagged: Vec<String>,
}

/// One activity's actual share against its range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ActivityCheck {
    /// Activity id.
    pub id: String,
    /// Activity name.
    pub name: String,
    /// Actual share, in percent (0 when not reported).
    pub share: f64,
    /// Whether the input gave a share for it.
    pub reported: bool,
    /// Lowest recommended share.
    pub min: f64,
    /// Highest recommended share.
    pub max: f64,
    /// Percentage points outside the range: negative below `min`, positive
    /// above `max`, 0 within it.
    pub deviation: f64,
    /// Whether `|deviation|` reaches the guideline's `flag_at`.
    pub flagged: bool,
}

/// The bundled guideline: the Cranfield practitioners' figures (selling
/// 5–10%, developing relationships 20–25%, internal commercial alignment
/// 5–10%; flag at 10 points), parsed and validated once.
///
/// # Errors
/// Only if the bundled file is broken, which the tests rule out.
pub fn bundled_guideline() -> Result<&'static TimeGuideline, Error> {
    crate::framework::bundled("kam-time-guideline")
}

impl crate::framework::Bundled for TimeGuideline {
    fn holds(kind: crate::framework::DataKind) -> bool {
        kind == crate::framework::DataKind::TimeGuideline
    }

    fn check(&self) -> Result<(), Error> {
        Ok(self.validate()?)
    }
}

impl TimeGuideline {
    /// Checks ids, ranges and the flag threshold.
    ///
    /// # Errors
    /// `invalid-guideline` naming the activity at fault.
    pub fn validate(&self) -> Result<(), AnalysisError> {
        let invalid = |reason: String| AnalysisError::InvalidGuideline { reason };
        if !(self.flag_at.is_finite() && self.flag_at > 0.0 && self.flag_at <= 100.0) {
            return Err(invalid(format!(
                "`flag_at` is `{}`; a deviation above 0 and at most 100 is needed",
                self.flag_at
            )));
        }
        if self.activities.is_empty() {
            return Err(invalid("the guideline has no activities".to_owned()));
        }
        let mut seen = BTreeSet::new();
        for a in &self.activities {
            if a.id.trim().is_empty() {
                return Err(invalid("an activity has an empty id".to_owned()));
            }
            if !seen.insert(a.id.as_str()) {
                return Err(invalid(format!("activity `{}` appears twice", a.id)));
            }
            let ok = |x: f64| x.is_finite() && (0.0..=100.0).contains(&x);
            if !(ok(a.min) && ok(a.max) && a.min <= a.max) {
                return Err(invalid(format!(
                    "activity `{}` has range {}–{}; 0 ≤ min ≤ max ≤ 100 is needed",
                    a.id, a.min, a.max
                )));
            }
        }
        let floor: f64 = self.activities.iter().map(|a| a.min).sum();
        if floor > 100.0 + TOTAL_TOLERANCE {
            return Err(invalid(format!(
                "the lowest shares add up to {floor}%, more than 100%"
            )));
        }
        Ok(())
    }
}

/// Compares the actual shares with the guideline.
///
/// # Errors
/// `invalid-guideline` for a broken guideline, `invalid-number` for a share
/// that is negative, not finite or above 100, or shares adding up to more
/// than 100, `empty-input` for no shares.
pub fn time_allocation(input: &TimeAllocationInput) -> Result<TimeAllocationReport, Error> {
    let guideline = match &input.guideline {
        Some(g) => {
            g.validate()?;
            g
        }
        None => bundled_guideline()?,
    };
    if input.shares.is_empty() {
        return Err(AnalysisError::Empty {
            what: "shares".to_owned(),
        }
        .into());
    }
    for (id, &share) in &input.shares {
        check_range(
            &|| format!("the share of activity `{id}`"),
            share,
            (0.0, 100.0),
            &|| "a percentage from 0 to 100 is needed".to_owned(),
        )?;
    }
    let total: f64 = input.shares.values().sum();
    if total > 100.0 + TOTAL_TOLERANCE {
        return Err(AnalysisError::InvalidNumber {
            what: "the total of `shares`".to_owned(),
            value: total.to_string(),
            expected: "shares of one person's time add up to at most 100".to_owned(),
        }
        .into());
    }
    let activities: Vec<ActivityCheck> = guideline
        .activities
        .iter()
        .map(|a| {
            let reported = input.shares.get(&a.id).copied();
            let share = reported.unwrap_or(0.0);
            let deviation = if share < a.min {
                share - a.min
            } else if share > a.max {
                share - a.max
            } else {
                0.0
            };
            ActivityCheck {
                id: a.id.clone(),
                name: a.name.clone(),
                share,
                reported: reported.is_some(),
                min: a.min,
                max: a.max,
                deviation,
                flagged: deviation.abs() >= guideline.flag_at,
            }
        })
        .collect();
    let known: BTreeSet<&str> = guideline.activities.iter().map(|a| a.id.as_str()).collect();
    Ok(TimeAllocationReport {
        manager: input.manager.clone(),
        guideline: guideline.id.clone(),
        guideline_version: guideline.version.clone(),
        flag_at: guideline.flag_at,
        flagged: activities
            .iter()
            .filter(|a| a.flagged)
            .map(|a| a.id.clone())
            .collect(),
        activities,
        other: input
            .shares
            .iter()
            .filter(|(id, _)| !known.contains(id.as_str()))
            .map(|(id, &s)| (id.clone(), s))
            .collect(),
        total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shares(pairs: &[(&str, f64)]) -> TimeAllocationInput {
        TimeAllocationInput {
            manager: None,
            guideline: None,
            shares: pairs.iter().map(|&(k, v)| (k.to_owned(), v)).collect(),
        }
    }

    #[test]
    fn bundled_guideline_has_the_papers_figures() {
        let g = bundled_guideline().unwrap();
        let ranges: Vec<(&str, f64, f64)> = g
            .activities
            .iter()
            .map(|a| (a.id.as_str(), a.min, a.max))
            .collect();
        assert_eq!(
            ranges,
            [
                ("selling", 5.0, 10.0),
                ("developing-relationships", 20.0, 25.0),
                ("internal-commercial-alignment", 5.0, 10.0)
            ]
        );
        assert!((g.flag_at - 10.0).abs() < f64::EPSILON);
    }

    #[test]
    fn a_deviation_of_exactly_ten_points_is_flagged() {
        let report = time_allocation(&shares(&[
            ("selling", 20.0),
            ("developing-relationships", 10.5),
            ("internal-commercial-alignment", 7.0),
        ]))
        .unwrap();
        let d: Vec<(f64, bool)> = report
            .activities
            .iter()
            .map(|a| (a.deviation, a.flagged))
            .collect();
        assert_eq!(d, [(10.0, true), (-9.5, false), (0.0, false)]);
        assert_eq!(report.flagged, ["selling"]);
    }

    #[test]
    fn bad_shares_and_guidelines_are_named() {
        let err = time_allocation(&shares(&[("selling", 60.0), ("other", 50.0)])).unwrap_err();
        assert_eq!(err.kind(), "invalid-number");
        let err = time_allocation(&shares(&[("selling", -1.0)])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the share of activity `selling` is `-1`; a percentage from 0 to 100 is needed"
        );
        let mut input = shares(&[("selling", 1.0)]);
        let mut g = bundled_guideline().unwrap().clone();
        g.activities[1].min = 30.0;
        input.guideline = Some(g);
        assert_eq!(
            time_allocation(&input).unwrap_err().to_string(),
            "invalid guideline: activity `developing-relationships` has range 30–25; 0 ≤ min ≤ max ≤ 100 is needed"
        );
    }
}
