//! The analyses of `kam_core::api` (docs/analyses/), one JS function each,
//! with their charts and reports: the `kam/analysis` module.

use kam_core::analysis::{AuditComparison, PortfolioReport};
use kam_core::{ChecklistReport, api, chart, report};
use wasm_bindgen::prelude::*;

use crate::convert::{self, result};

/// Pareto analysis: the smallest set of customers making up a share of a measure.
#[wasm_bindgen(unchecked_return_type = "ParetoReport")]
pub fn pareto(
    #[wasm_bindgen(unchecked_param_type = "ParetoInput | string")] input: &JsValue,
) -> Result<JsValue, JsValue> {
    result(api::pareto(&convert::input(input)?))
}

/// Portfolio matrix: each customer's attractiveness and relationship indices and quadrant.
#[wasm_bindgen(unchecked_return_type = "PortfolioReport")]
pub fn portfolio(
    #[wasm_bindgen(unchecked_param_type = "PortfolioInput | string")] input: &JsValue,
) -> Result<JsValue, JsValue> {
    result(api::portfolio(&convert::input(input)?))
}

/// Compares two audits (`before`, `after`) of the bundled framework they name.
#[wasm_bindgen(unchecked_return_type = "AuditComparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "ComparisonInput | string")] input: &JsValue,
    options: Option<crate::ScoreOptionsArg>,
) -> Result<JsValue, JsValue> {
    result(api::compare(
        &convert::input(input)?,
        &convert::options(options)?,
    ))
}

/// Aggregates several assessors' audits of the bundled framework they name.
#[wasm_bindgen(unchecked_return_type = "Aggregation")]
pub fn aggregate(
    #[wasm_bindgen(unchecked_param_type = "AggregateInput | string")] input: &JsValue,
    options: Option<crate::ScoreOptionsArg>,
) -> Result<JsValue, JsValue> {
    result(api::aggregate(
        &convert::input(input)?,
        &convert::options(options)?,
    ))
}

/// Lays several units' audits of the bundled framework they name side by side.
#[wasm_bindgen(unchecked_return_type = "UnitComparison")]
pub fn units(
    #[wasm_bindgen(unchecked_param_type = "UnitsInput | string")] input: &JsValue,
    options: Option<crate::ScoreOptionsArg>,
) -> Result<JsValue, JsValue> {
    result(api::units(
        &convert::input(input)?,
        &convert::options(options)?,
    ))
}

/// Key account plan completeness: elements, horizon and review cadence.
#[wasm_bindgen(js_name = accountPlan, unchecked_return_type = "AccountPlanReport")]
pub fn account_plan(
    #[wasm_bindgen(unchecked_param_type = "AccountPlanInput | string")] input: &JsValue,
) -> Result<JsValue, JsValue> {
    result(api::account_plan(&convert::input(input)?))
}

/// Key account manager time allocation against a guideline.
#[wasm_bindgen(js_name = timeAllocation, unchecked_return_type = "TimeAllocationReport")]
pub fn time_allocation(
    #[wasm_bindgen(unchecked_param_type = "TimeAllocationInput | string")] input: &JsValue,
) -> Result<JsValue, JsValue> {
    result(api::time_allocation(&convert::input(input)?))
}

/// Shortest path: the fewest item improvements reaching an audit target, or
/// the areas to lift for the next overall maturity stage.
#[wasm_bindgen(js_name = shortestPath, unchecked_return_type = "PathPlan")]
pub fn shortest_path(
    #[wasm_bindgen(unchecked_param_type = "PathInput | string")] input: &JsValue,
    options: Option<crate::ScoreOptionsArg>,
) -> Result<JsValue, JsValue> {
    result(api::shortest_path(
        &convert::input(input)?,
        &convert::options(options)?,
    ))
}

/// Explains every derived figure of an input as a trace of terms and a rule
/// in plain words.
#[wasm_bindgen(unchecked_return_type = "Explanation")]
pub fn explain(
    #[wasm_bindgen(unchecked_param_type = "ExplainInput | string")] input: &JsValue,
    options: Option<crate::ScoreOptionsArg>,
) -> Result<JsValue, JsValue> {
    result(api::explain(
        &convert::input(input)?,
        &convert::options(options)?,
    ))
}

/// Re-scores one saved assessment under two versions of a framework and
/// reports what changed.
#[wasm_bindgen(unchecked_return_type = "RescoreReport")]
pub fn rescore(
    #[wasm_bindgen(unchecked_param_type = "RescoreInput | string")] input: &JsValue,
    options: Option<crate::ScoreOptionsArg>,
) -> Result<JsValue, JsValue> {
    result(api::rescore(
        &convert::input(input)?,
        &convert::options(options)?,
    ))
}

/// The portfolio matrix as SVG, from a report of `portfolio()`.
#[wasm_bindgen(js_name = portfolioMatrix)]
pub fn portfolio_matrix(
    #[wasm_bindgen(unchecked_param_type = "PortfolioReport | string")] report: &JsValue,
) -> Result<String, JsValue> {
    Ok(chart::portfolio_matrix(&convert::input::<PortfolioReport>(
        report,
    )?))
}

/// Progress between two audits as SVG, from a result of `compare()`.
#[wasm_bindgen]
pub fn progress(
    #[wasm_bindgen(unchecked_param_type = "AuditComparison | string")] comparison: &JsValue,
) -> Result<String, JsValue> {
    Ok(chart::progress(&convert::input::<AuditComparison>(
        comparison,
    )?))
}

/// Two audits compared, as a self-contained HTML page.
#[wasm_bindgen(js_name = comparisonHtml)]
pub fn comparison_html(
    #[wasm_bindgen(unchecked_param_type = "AuditComparison | string")] comparison: &JsValue,
) -> Result<String, JsValue> {
    Ok(report::comparison_html(&convert::input::<AuditComparison>(
        comparison,
    )?))
}

/// Two audits compared, as Markdown.
#[wasm_bindgen(js_name = comparisonMarkdown)]
pub fn comparison_markdown(
    #[wasm_bindgen(unchecked_param_type = "AuditComparison | string")] comparison: &JsValue,
) -> Result<String, JsValue> {
    Ok(report::comparison_markdown(&convert::input::<
        AuditComparison,
    >(comparison)?))
}

/// Runs `f` on a framework file read by kam-core's parser and validator.
fn with_framework(
    framework: &JsValue,
    f: impl FnOnce(&kam_core::Framework) -> Result<JsValue, JsValue>,
) -> Result<JsValue, JsValue> {
    let framework =
        api::load_framework(&convert::text(framework)?).map_err(|e| crate::error::throw(&e))?;
    f(&framework)
}

/// `compare` against a framework file (see `loadFramework`).
#[wasm_bindgen(js_name = compareWith, unchecked_return_type = "AuditComparison")]
pub fn compare_with(
    #[wasm_bindgen(unchecked_param_type = "Framework | string")] framework: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "ComparisonInput | string")] input: &JsValue,
    options: Option<crate::ScoreOptionsArg>,
) -> Result<JsValue, JsValue> {
    with_framework(framework, |f| {
        result(api::compare_with(
            f,
            &convert::input(input)?,
            &convert::options(options)?,
        ))
    })
}

/// Scores a batch of action audits given as rows of cells, one row per
/// assessment and one cell per named column (all items in framework order
/// if no columns are named): a spreadsheet of audits in one call.
///
/// Throws `invalid-json`, `too-many-results`, `unknown-framework`,
/// `wrong-framework-type`, `unknown-column`, `duplicate-column`,
/// `matrix-shape` or `cell-out-of-range`, naming the field, row, column or
/// item.
#[wasm_bindgen(js_name = scoreBatch, unchecked_return_type = "BatchReport")]
pub fn score_batch(
    #[wasm_bindgen(unchecked_param_type = "BatchInput | string")] batch: &JsValue,
) -> Result<JsValue, JsValue> {
    result(api::score_batch(&convert::input(batch)?))
}

/// `scoreBatch` against a framework file (see `loadFramework`); also throws
/// `framework-mismatch` when the batch names another framework.
#[wasm_bindgen(js_name = scoreBatchWith, unchecked_return_type = "BatchReport")]
pub fn score_batch_with(
    #[wasm_bindgen(unchecked_param_type = "Framework | string")] framework: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "BatchInput | string")] batch: &JsValue,
) -> Result<JsValue, JsValue> {
    with_framework(framework, |f| {
        result(api::score_batch_with(f, &convert::input(batch)?))
    })
}

/// `aggregate` against a framework file (see `loadFramework`).
#[wasm_bindgen(js_name = aggregateWith, unchecked_return_type = "Aggregation")]
pub fn aggregate_with(
    #[wasm_bindgen(unchecked_param_type = "Framework | string")] framework: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "AggregateInput | string")] input: &JsValue,
    options: Option<crate::ScoreOptionsArg>,
) -> Result<JsValue, JsValue> {
    with_framework(framework, |f| {
        result(api::aggregate_with(
            f,
            &convert::input(input)?,
            &convert::options(options)?,
        ))
    })
}

/// `units` against a framework file (see `loadFramework`).
#[wasm_bindgen(js_name = unitsWith, unchecked_return_type = "UnitComparison")]
pub fn units_with(
    #[wasm_bindgen(unchecked_param_type = "Framework | string")] framework: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "UnitsInput | string")] input: &JsValue,
    options: Option<crate::ScoreOptionsArg>,
) -> Result<JsValue, JsValue> {
    with_framework(framework, |f| {
        result(api::units_with(
            f,
            &convert::input(input)?,
            &convert::options(options)?,
        ))
    })
}

/// `shortestPath` against a framework file (see `loadFramework`).
#[wasm_bindgen(js_name = shortestPathWith, unchecked_return_type = "PathPlan")]
pub fn shortest_path_with(
    #[wasm_bindgen(unchecked_param_type = "Framework | string")] framework: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "PathInput | string")] input: &JsValue,
    options: Option<crate::ScoreOptionsArg>,
) -> Result<JsValue, JsValue> {
    with_framework(framework, |f| {
        result(api::shortest_path_with(
            f,
            &convert::input(input)?,
            &convert::options(options)?,
        ))
    })
}

/// `explain` against a framework file (see `loadFramework`).
#[wasm_bindgen(js_name = explainWith, unchecked_return_type = "Explanation")]
pub fn explain_with(
    #[wasm_bindgen(unchecked_param_type = "Framework | string")] framework: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "ExplainInput | string")] input: &JsValue,
    options: Option<crate::ScoreOptionsArg>,
) -> Result<JsValue, JsValue> {
    with_framework(framework, |f| {
        result(api::explain_with(
            f,
            &convert::input(input)?,
            &convert::options(options)?,
        ))
    })
}

// Checklist frameworks (docs/frameworks/): scoring, chart and reports. They
// live in this module, loaded on demand, to keep the engine module within
// its size budget (docs/performance.md).

/// Scores a checklist assessment (the same format as an audit's: scores by
/// item id) against the bundled checklist it names. `options` may be left
/// out: every option has a default.
#[wasm_bindgen(js_name = scoreChecklist, unchecked_return_type = "ChecklistReport")]
pub fn score_checklist(
    #[wasm_bindgen(unchecked_param_type = "AuditAssessment | string")] assessment: &JsValue,
    options: Option<crate::ChecklistOptionsArg>,
) -> Result<JsValue, JsValue> {
    result(api::score_checklist(
        &convert::input(assessment)?,
        &convert::options(options)?,
    ))
}

/// Scores a checklist assessment against a checklist file (see
/// `loadFramework`), e.g. a company's own checklist.
#[wasm_bindgen(js_name = scoreChecklistWith, unchecked_return_type = "ChecklistReport")]
pub fn score_checklist_with(
    #[wasm_bindgen(unchecked_param_type = "Framework | string")] framework: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "AuditAssessment | string")] assessment: &JsValue,
    options: Option<crate::ChecklistOptionsArg>,
) -> Result<JsValue, JsValue> {
    with_framework(framework, |f| {
        result(api::score_checklist_with(
            f,
            &convert::input(assessment)?,
            &convert::options(options)?,
        ))
    })
}

/// A checklist report's completion chart as SVG: completion by section and
/// by group, from a report of `scoreChecklist()`.
#[wasm_bindgen(js_name = checklistChart)]
pub fn checklist_chart(
    #[wasm_bindgen(unchecked_param_type = "ChecklistReport | string")] report: &JsValue,
) -> Result<String, JsValue> {
    Ok(chart::checklist(&convert::input::<ChecklistReport>(
        report,
    )?))
}

/// The checklist report as a self-contained HTML page (chart included).
#[wasm_bindgen(js_name = checklistHtml)]
pub fn checklist_html(
    #[wasm_bindgen(unchecked_param_type = "ChecklistReport | string")] report: &JsValue,
) -> Result<String, JsValue> {
    Ok(report::checklist_html(&convert::input::<ChecklistReport>(
        report,
    )?))
}

/// The checklist report as Markdown.
#[wasm_bindgen(js_name = checklistMarkdown)]
pub fn checklist_markdown(
    #[wasm_bindgen(unchecked_param_type = "ChecklistReport | string")] report: &JsValue,
) -> Result<String, JsValue> {
    Ok(report::checklist_markdown(&convert::input::<
        ChecklistReport,
    >(report)?))
}
