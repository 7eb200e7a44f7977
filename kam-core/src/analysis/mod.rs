//! Analyses beyond one audit: choosing key accounts (Pareto, portfolio
//! matrix), progress and many voices (compare, aggregate, units), what-if and
//! explanations (shortest path, explain, re-score), and the key account plan
//! and manager's time (account plan, time allocation).
//!
//! Each analysis is a pure function of serde inputs, reached from the
//! [`crate::api`] facade; every input is validated and every error names the
//! customer, field or value at fault. `docs/analyses/` has one page per
//! analysis with a worked example that a test checks.

pub mod account_plan;
pub mod aggregate;
pub mod compare;
pub mod explain;
pub mod pareto;
pub mod path;
pub mod portfolio;
pub mod rescore;
pub mod time_allocation;
pub mod units;

use std::collections::BTreeSet;

pub use account_plan::{AccountPlanInput, AccountPlanReport, PlanTemplate};
pub use aggregate::{AggregateInput, Aggregation, ItemSpread};
pub use compare::{AuditComparison, ComparisonInput, ItemChange, ScoreChange};
pub use explain::{ExplainInput, Explanation, Term, Trace};
pub use pareto::{ParetoCustomer, ParetoInput, ParetoReport, ParetoRow};
pub use path::{AuditPath, AuditTarget, MaturityPath, PathInput, PathPlan};
pub use portfolio::{
    Criterion, PortfolioCustomer, PortfolioInput, PortfolioPosition, PortfolioReport, Quadrant,
    QuadrantCount, ScoreScale, Thresholds,
};
pub use rescore::{RescoreInput, RescoreReport};
pub use time_allocation::{TimeAllocationInput, TimeAllocationReport, TimeGuideline};
pub use units::{UnitColumn, UnitComparison, UnitRow, UnitsInput};

use crate::assessment::AuditAssessment;
use crate::error::AnalysisError;
use crate::framework::AuditFramework;
use crate::scoring::FrameworkRef;

/// Rejects a number that is NaN, infinite or outside `[min, max]`.
///
/// `what` names where the number is, e.g. "`revenue` of customer `acme`";
/// `expected` says in words what is allowed.
pub(crate) fn check_range(
    what: &dyn Fn() -> String,
    value: f64,
    (min, max): (f64, f64),
    expected: &dyn Fn() -> String,
) -> Result<f64, AnalysisError> {
    if value.is_finite() && value >= min && value <= max {
        Ok(value)
    } else {
        Err(AnalysisError::InvalidNumber {
            what: what(),
            value: value.to_string(),
            expected: expected(),
        })
    }
}

/// Rejects the first id that appears twice, and an empty list.
pub(crate) fn check_ids<'a>(
    what: &str,
    plural: &str,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<(), AnalysisError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(AnalysisError::Duplicate {
                what: what.to_owned(),
                id: id.to_owned(),
            });
        }
    }
    if seen.is_empty() {
        return Err(AnalysisError::Empty {
            what: plural.to_owned(),
        });
    }
    Ok(())
}

/// Checks that every audit names the framework and version of the first, so
/// that they can be set side by side.
pub(crate) fn check_same_framework(
    audits: &[&AuditAssessment],
    names: &dyn Fn(usize) -> String,
) -> Result<(), AnalysisError> {
    let Some(first) = audits.first() else {
        return Ok(());
    };
    // The message wraps the label in backticks: "`id` version `v`".
    let label = |a: &AuditAssessment| format!("{}` version `{}", a.framework, a.framework_version);
    for (index, audit) in audits.iter().enumerate().skip(1) {
        if audit.framework != first.framework || audit.framework_version != first.framework_version
        {
            return Err(AnalysisError::MixedFrameworks {
                what: names(index),
                first: names(0),
                expected: label(first),
                found: label(audit),
            });
        }
    }
    Ok(())
}

/// The reference to a framework that every report carries.
pub(crate) fn framework_ref(framework: &AuditFramework) -> FrameworkRef {
    FrameworkRef {
        id: framework.id.clone(),
        version: framework.version.clone(),
        name: framework.name.clone(),
    }
}

/// A count as `u32`, saturating (lists are far shorter in practice).
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    use super::*;

    /// A result, written by kam, reads back and writes out byte for byte.
    fn round_trip<T: Serialize + DeserializeOwned>(name: &str, value: &Value) {
        let typed: T =
            crate::json::from_value(value.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(serde_json::to_value(&typed).unwrap(), *value, "{name}");
    }

    /// An input, written by hand (`5` for `5.0`, defaults left out), reads
    /// back equal after kam writes it out.
    fn input_round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
        name: &str,
        value: &Value,
    ) {
        let typed: T =
            crate::json::from_value(value.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let again: T = crate::json::from_value(serde_json::to_value(&typed).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(again, typed, "{name}");
    }

    /// Every analysis input and result in the golden vectors reads back into
    /// its type and writes out unchanged.
    #[test]
    fn vector_inputs_and_results_round_trip() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        // The golden vectors belong to the workspace, not to the published
        // package (which `cargo package` marks with this file).
        if root.join("Cargo.toml.orig").exists() {
            return;
        }
        let dir = root.join("../tests/vectors");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !name.starts_with("analysis-") {
                continue;
            }
            let vector: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let (input, expected) = (&vector["input"], &vector["expected"]);
            match vector["operation"].as_str().unwrap() {
                "pareto" => {
                    input_round_trip::<ParetoInput>(&name, input);
                    round_trip::<ParetoReport>(&name, expected);
                }
                "portfolio" => {
                    input_round_trip::<PortfolioInput>(&name, input);
                    round_trip::<PortfolioReport>(&name, expected);
                }
                "compare" => {
                    input_round_trip::<ComparisonInput>(&name, input);
                    round_trip::<AuditComparison>(&name, expected);
                }
                "aggregate" => {
                    input_round_trip::<AggregateInput>(&name, input);
                    round_trip::<Aggregation>(&name, expected);
                }
                "units" => {
                    input_round_trip::<UnitsInput>(&name, input);
                    round_trip::<UnitComparison>(&name, expected);
                }
                "shortest_path" => {
                    input_round_trip::<PathInput>(&name, input);
                    round_trip::<PathPlan>(&name, expected);
                }
                "explain" => {
                    input_round_trip::<ExplainInput>(&name, input);
                    round_trip::<Explanation>(&name, expected);
                }
                "rescore" => {
                    input_round_trip::<RescoreInput>(&name, input);
                    round_trip::<RescoreReport>(&name, expected);
                }
                "account_plan" => {
                    input_round_trip::<AccountPlanInput>(&name, input);
                    round_trip::<AccountPlanReport>(&name, expected);
                }
                "time_allocation" => {
                    input_round_trip::<TimeAllocationInput>(&name, input);
                    round_trip::<TimeAllocationReport>(&name, expected);
                }
                other => panic!("{name}: operation `{other}` has no round trip here"),
            }
            seen += 1;
        }
        assert!(seen >= 20, "only {seen} analysis vectors");
    }
}
