#![doc = include_str!("../../docs/analyses/units.md")]

use serde::{Deserialize, Serialize};

use super::{check_ids, check_same_framework, framework_ref};
use crate::assessment::AuditAssessment;
use crate::error::{AnalysisError, Error, LimitError};
use crate::framework::AuditFramework;
use crate::limits::MAX_UNITS;
use crate::scoring::{self, AuditReport, FrameworkRef, Position, ScoreOptions};

/// Audits of several units (business units, countries, teams) of one
/// framework version, each naming its unit in `context.unit`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UnitsInput {
    /// One audit per unit; units must be distinct; at most 100.
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_UNITS)))]
    pub audits: Vec<AuditAssessment>,
}

/// One table: a row per unit, a column per phase and per period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct UnitComparison {
    /// The framework all units were audited with.
    pub framework: FrameworkRef,
    /// The phase columns, in development-path order.
    pub phases: Vec<UnitColumn>,
    /// The period columns, in development-path order.
    pub periods: Vec<UnitColumn>,
    /// One row per unit, in input order.
    pub units: Vec<UnitRow>,
}

/// A column of the table: a phase or a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct UnitColumn {
    /// Phase or period id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// One unit's row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct UnitRow {
    /// The unit, from `/context/unit`.
    pub unit: String,
    /// Overall percentage of the maximum.
    pub overall: f64,
    /// Percentage per phase, in the order of [`UnitComparison::phases`].
    pub phases: Vec<f64>,
    /// Percentage per period, in the order of [`UnitComparison::periods`].
    pub periods: Vec<f64>,
    /// Figure 3: the earliest incomplete period; `null` when all are complete.
    pub current_period: Option<String>,
    /// Figure 4: the period the overall score reaches; `null` at best practice.
    pub position: Option<String>,
}

/// Scores every unit's audit and lays the percentages side by side.
///
/// # Errors
/// `too-many-units` for more than [`MAX_UNITS`] audits (checked first),
/// `empty-input` for no audits, `missing-value` for an audit without
/// `context.unit`, `duplicate-entry` for a unit named twice,
/// `mixed-frameworks`, and any error of scoring an audit.
pub fn units(
    framework: &AuditFramework,
    input: &UnitsInput,
    options: &ScoreOptions,
) -> Result<UnitComparison, Error> {
    if input.audits.len() > MAX_UNITS {
        return Err(LimitError::TooManyUnits {
            path: "/audits".to_owned(),
            count: input.audits.len(),
            max: MAX_UNITS,
        }
        .into());
    }
    let audits: Vec<&AuditAssessment> = input.audits.iter().collect();
    check_same_framework(&audits, &|i| format!("`/audits/{i}`"))?;
    let names = audits
        .iter()
        .enumerate()
        .map(|(i, a)| {
            a.context
                .unit
                .as_deref()
                .ok_or_else(|| AnalysisError::Missing {
                    what: format!("`/audits/{i}/context/unit`"),
                    why: "each audit must name its unit to compare units".to_owned(),
                })
        })
        .collect::<Result<Vec<&str>, AnalysisError>>()?;
    check_ids("unit", "audits", names.iter().copied())?;
    let rows = audits
        .iter()
        .zip(&names)
        .enumerate()
        .map(|(i, (audit, unit))| {
            let report = scoring::score_audit(framework, audit, options)
                .map_err(|e| e.within(&format!("/audits/{i}")))?;
            let (phases, periods) = percents(&report);
            Ok(UnitRow {
                unit: (*unit).to_owned(),
                overall: report.overall.percent,
                phases,
                periods,
                current_period: report.progress.current_period.map(String::from),
                position: match report.position {
                    Position::Period { period, .. } => Some(period.into()),
                    Position::BestPractice { .. } => None,
                },
            })
        })
        .collect::<Result<Vec<UnitRow>, Error>>()?;
    Ok(UnitComparison {
        framework: framework_ref(framework),
        phases: framework
            .phases
            .iter()
            .map(|p| UnitColumn {
                id: p.id.clone(),
                name: p.name.clone(),
            })
            .collect(),
        periods: framework
            .path()
            .map(|s| UnitColumn {
                id: s.period.id.clone(),
                name: s.period.name.clone(),
            })
            .collect(),
        units: rows,
    })
}

/// A report's percentage per phase and per period, in path order: the
/// columns of a unit's row.
pub(crate) fn percents(report: &AuditReport) -> (Vec<f64>, Vec<f64>) {
    (
        report.phases.iter().map(|p| p.percent).collect(),
        report
            .phases
            .iter()
            .flat_map(|p| p.periods.iter().map(|q| q.percent))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::framework::builtin_audit;

    fn cranfield() -> &'static AuditFramework {
        builtin_audit("cranfield-kam-development").unwrap()
    }

    fn audit(unit: Option<&str>, scores: &[u8]) -> AuditAssessment {
        let f = cranfield();
        let mut a = AuditAssessment::new(f);
        a.context.unit = unit.map(str::to_owned);
        for (item, s) in f.items.iter().zip(scores) {
            a.scores.insert(item.id.clone(), *s);
        }
        a
    }

    #[test]
    fn units_must_be_named_once_and_share_a_framework() {
        let options = ScoreOptions::default();
        let run = |audits| units(cranfield(), &UnitsInput { audits }, &options).unwrap_err();
        assert_eq!(
            run(vec![audit(Some("UK"), &[]), audit(None, &[])]).kind(),
            "missing-value"
        );
        assert_eq!(
            run(vec![audit(Some("UK"), &[]), audit(Some("UK"), &[])]).to_string(),
            "unit `UK` appears twice"
        );
        let mut other = audit(Some("FR"), &[]);
        other.framework_version = "1".to_owned();
        assert_eq!(
            run(vec![audit(Some("UK"), &[]), other]).kind(),
            "mixed-frameworks"
        );
        assert_eq!(run(vec![]).kind(), "empty-input");
    }

    #[test]
    fn units_are_limited() {
        let options = ScoreOptions::default();
        let input = |n: usize| UnitsInput {
            audits: (0..n)
                .map(|i| audit(Some(&format!("u{i}")), &[1]))
                .collect(),
        };
        let at_most = units(cranfield(), &input(MAX_UNITS), &options).unwrap();
        assert_eq!(at_most.units.len(), MAX_UNITS);
        let err = units(cranfield(), &input(MAX_UNITS + 1), &options).unwrap_err();
        assert_eq!(err.kind(), "too-many-units");
        assert_eq!(
            err.to_string(),
            "`/audits` has 101 entries; a unit comparison takes at most 100 units"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// Each row holds exactly the percentages of the unit's own report.
        #[test]
        fn rows_match_each_units_report(a in prop::collection::vec(0u8..=3, 0..129), b in prop::collection::vec(0u8..=3, 0..129)) {
            let audits = vec![audit(Some("a"), &a), audit(Some("b"), &b)];
            let table = units(cranfield(), &UnitsInput { audits: audits.clone() }, &ScoreOptions::default()).unwrap();
            prop_assert_eq!(table.periods.len(), 12);
            for (row, audit) in table.units.iter().zip(&audits) {
                let report = scoring::score_audit(cranfield(), audit, &ScoreOptions::default()).unwrap();
                let overall_matches = row.overall.to_bits() == report.overall.percent.to_bits();
                prop_assert!(overall_matches);
                let periods: Vec<f64> = report.phases.iter().flat_map(|p| p.periods.iter().map(|q| q.percent)).collect();
                prop_assert_eq!(&row.periods, &periods);
                prop_assert_eq!(row.current_period.as_deref(), report.progress.current_period.as_deref());
            }
        }
    }
}
