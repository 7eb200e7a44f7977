//! The analyses of `kam_core::analysis`, each a facade function taking one
//! input document (and scoring options where audits are scored).

use kam_core::ScoreOptions;
use kam_core::analysis::{
    AccountPlanInput, AggregateInput, ComparisonInput, ExplainInput, ParetoInput, PathInput,
    PortfolioInput, RescoreInput, TimeAllocationInput, UnitsInput,
};
use kam_core::api;
use pyo3::prelude::*;

use crate::convert::{from_py, to_py};
use crate::errors::IntoPy;
use crate::framework::FrameworkArg;

/// An analysis of one input document.
macro_rules! analysis {
    ($(#[$doc:meta])* $name:ident($input:ty)) => {
        $(#[$doc])*
        #[pyfunction]
        fn $name<'py>(py: Python<'py>, input: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
            let input: $input = from_py(input)?;
            to_py(py, &api::$name(&input).py(py)?)
        }
    };
    ($(#[$doc:meta])* $name:ident($input:ty, options)) => {
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = (input, options=None))]
        fn $name<'py>(
            py: Python<'py>,
            input: &Bound<'py, PyAny>,
            options: Option<&Bound<'py, PyAny>>,
        ) -> PyResult<Bound<'py, PyAny>> {
            let input: $input = from_py(input)?;
            let options: ScoreOptions = crate::options(options)?;
            to_py(py, &api::$name(&input, &options).py(py)?)
        }
    };
    ($(#[$doc:meta])* $name:ident($input:ty, options, $with:ident)) => {
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = (input, options=None, framework=None))]
        fn $name<'py>(
            py: Python<'py>,
            input: &Bound<'py, PyAny>,
            options: Option<&Bound<'py, PyAny>>,
            framework: Option<FrameworkArg<'py>>,
        ) -> PyResult<Bound<'py, PyAny>> {
            let input: $input = from_py(input)?;
            let options: ScoreOptions = crate::options(options)?;
            let result = match framework {
                None => api::$name(&input, &options),
                Some(f) => api::$with(f.get(py)?.as_ref(), &input, &options),
            };
            to_py(py, &result.py(py)?)
        }
    };
}

analysis!(
    /// Pareto analysis: customers ranked by a measure, and those that make up
    /// the target share selected.
    pareto(ParetoInput)
);
analysis!(
    /// Portfolio matrix: each customer's attractiveness and relationship
    /// indices and quadrant.
    portfolio(PortfolioInput)
);
analysis!(
    /// Compares two audits (`before`, `after`) of one framework.
    compare(ComparisonInput, options, compare_with)
);
analysis!(
    /// Aggregates several assessors' audits of one framework.
    aggregate(AggregateInput, options, aggregate_with)
);
analysis!(
    /// Lays several units' audits of one framework side by side.
    units(UnitsInput, options, units_with)
);
analysis!(
    /// Key account plan completeness: elements, horizon and review cadence.
    account_plan(AccountPlanInput)
);
analysis!(
    /// Key account manager time allocation against a guideline.
    time_allocation(TimeAllocationInput)
);
analysis!(
    /// Shortest path: the fewest item improvements reaching an audit target,
    /// or the areas to lift for the next maturity stage.
    shortest_path(PathInput, options, shortest_path_with)
);
analysis!(
    /// Explains a score: how each figure of the report is derived.
    explain(ExplainInput, options, explain_with)
);
analysis!(
    /// Re-scores one saved assessment under two versions of a framework and
    /// reports what changed.
    rescore(RescoreInput, options)
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(pareto, m)?)?;
    m.add_function(wrap_pyfunction!(portfolio, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(aggregate, m)?)?;
    m.add_function(wrap_pyfunction!(units, m)?)?;
    m.add_function(wrap_pyfunction!(account_plan, m)?)?;
    m.add_function(wrap_pyfunction!(time_allocation, m)?)?;
    m.add_function(wrap_pyfunction!(shortest_path, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(rescore, m)?)?;
    Ok(())
}
