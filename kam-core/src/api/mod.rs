//! The facade every front end uses: functions that take and return the serde
//! types of this crate, so the Python and JavaScript bindings only convert.
//!
//! Each function looks up the bundled framework named by its input; use the
//! `*_with` variants to score against a framework loaded from a file.
//!
//! The operations (scoring, the analyses, batch scoring) are listed once in
//! a table, [`for_each_operation!`](crate::for_each_operation), which the
//! bindings, the schemas, the test runners and the fuzz targets are expanded
//! from; [`OPERATIONS`] describes them at run time and [`call_json`] runs any
//! of them by name.

mod operations;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use operations::{
    Module, NoOptions, OPERATIONS, Operation, call_json, operation, ops, schema_name,
};

use crate::assessment::AuditAssessment;
use crate::error::Error;
use crate::framework::{self, Framework, FrameworkSummary};
use crate::litmus::{LitmusAnswers, LitmusReport};
use crate::maturity::{MaturityAssessment, MaturityOptions, MaturityReport};
use crate::scoring::{AuditReport, ScoreOptions};

/// The bundled frameworks, one line each.
///
/// ```
/// let ids: Vec<String> = kam_core::api::frameworks()?.into_iter().map(|f| f.id).collect();
/// assert!(ids.contains(&"cranfield-kam-development".to_owned()));
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// Only if a bundled framework file is broken (ruled out by the tests).
pub fn frameworks() -> Result<Vec<FrameworkSummary>, Error> {
    Ok(framework::builtin()?
        .iter()
        .map(Framework::summary)
        .collect())
}

/// The bundled framework with this id, in full.
///
/// ```
/// let cranfield = kam_core::api::framework("cranfield-kam-development")?;
/// assert_eq!(cranfield.as_audit()?.items.len(), 129);
/// let err = kam_core::api::framework("cranfield").unwrap_err();
/// assert!(err.to_string().ends_with("did you mean `cranfield-kam-development`?"));
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// `unknown-framework`, listing the bundled ids.
pub fn framework(id: &str) -> Result<&'static Framework, Error> {
    framework::builtin_framework(id)
}

/// Parses and validates a user's framework file.
///
/// ```
/// let text = serde_json::to_string(kam_core::api::framework("kam-maturity-model")?).unwrap();
/// let model = kam_core::api::load_framework(&text)?;
/// assert_eq!(model.kind(), "maturity-model");
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// `invalid-json` with the path at fault, or a framework error naming the entry.
pub fn load_framework(json: &str) -> Result<Framework, Error> {
    Framework::from_json(json)
}

/// Scores an action-audit assessment against the bundled framework it names.
///
/// ```
/// let assessment = kam_core::AuditAssessment::from_json(r#"{"framework": "cranfield-kam-development", "framework_version": "2006.2", "scores": {"A1.1": 3}}"#)?;
/// let report = kam_core::api::score(&assessment, &kam_core::ScoreOptions::default())?;
/// assert_eq!(report.overall.to_string(), "3 of 387 points (0.8%)");
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`crate::scoring::score_audit`]; also `unknown-framework` and
/// `wrong-framework-type`.
pub fn score(assessment: &AuditAssessment, options: &ScoreOptions) -> Result<AuditReport, Error> {
    score_with(
        named(&assessment.framework, "/framework")?,
        assessment,
        options,
    )
}

/// Scores an action-audit assessment against `framework`.
///
/// ```
/// let framework = kam_core::api::load_framework(&serde_json::to_string(
///     kam_core::api::framework("cranfield-kam-development")?,
/// ).unwrap())?;
/// let assessment = kam_core::AuditAssessment::from_json(r#"{"framework": "cranfield-kam-development", "framework_version": "2006.2", "scores": {"A1.1": 3}}"#)?;
/// let report = kam_core::api::score_with(&framework, &assessment, &Default::default())?;
/// assert_eq!(report.overall.score, 3);
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`score`].
pub fn score_with(
    framework: &Framework,
    assessment: &AuditAssessment,
    options: &ScoreOptions,
) -> Result<AuditReport, Error> {
    crate::scoring::score_audit(framework.as_audit()?, assessment, options)
}

/// Reads a maturity assessment against the bundled model it names.
///
/// ```
/// let assessment = kam_core::MaturityAssessment::from_json(
///     r#"{"framework": "kam-maturity-model", "framework_version": "1.0", "stages": {"process": 3}}"#,
/// )?;
/// let report = kam_core::api::score_maturity(&assessment, &Default::default())?;
/// assert_eq!(report.weakest_link.unwrap().stage, 3);
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`crate::maturity::score_maturity`]; also `unknown-framework` and
/// `wrong-framework-type`.
pub fn score_maturity(
    assessment: &MaturityAssessment,
    options: &MaturityOptions,
) -> Result<MaturityReport, Error> {
    score_maturity_with(
        named(&assessment.framework, "/framework")?,
        assessment,
        options,
    )
}

/// Reads a maturity assessment against `framework`.
///
/// ```
/// let model = kam_core::api::framework("kam-maturity-model")?;
/// let mut assessment = kam_core::MaturityAssessment::new(model.as_maturity()?);
/// assessment.stages.insert("process".into(), 2);
/// let report = kam_core::api::score_maturity_with(model, &assessment, &Default::default())?;
/// assert_eq!(report.areas.len(), 1);
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`score_maturity`].
pub fn score_maturity_with(
    framework: &Framework,
    assessment: &MaturityAssessment,
    options: &MaturityOptions,
) -> Result<MaturityReport, Error> {
    crate::maturity::score_maturity(framework.as_maturity()?, assessment, options)
}

/// Judges litmus answers against the bundled framework they name.
///
/// ```
/// let answers = kam_core::LitmusAnswers::from_json(r#"{
///     "framework": "cranfield-kam-development", "framework_version": "2006.2",
///     "responses": [{"test": "organisation", "answer_sets": [{"answers": {
///         "organisation-1": true, "organisation-2": true, "organisation-3": true,
///         "organisation-4": true, "organisation-5": false}}]}]}"#)?;
/// let report = kam_core::api::score_litmus(&answers)?;
/// assert_eq!(report.results[0].verdict, kam_core::litmus::Verdict::Pass);
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`crate::litmus::score_litmus`]; also `unknown-framework` and
/// `wrong-framework-type`.
pub fn score_litmus(answers: &LitmusAnswers) -> Result<LitmusReport, Error> {
    score_litmus_with(named(&answers.framework, "/framework")?, answers)
}

/// Judges litmus answers against `framework`.
///
/// ```
/// let cranfield = kam_core::api::framework("cranfield-kam-development")?;
/// let answers = kam_core::LitmusAnswers::new(cranfield.as_audit()?);
/// let report = kam_core::api::score_litmus_with(cranfield, &answers)?;
/// assert!(report.results.is_empty());
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`score_litmus`].
pub fn score_litmus_with(
    framework: &Framework,
    answers: &LitmusAnswers,
) -> Result<LitmusReport, Error> {
    crate::litmus::score_litmus(framework.as_audit()?, answers)
}

/// An error as data: the body a service answers with (an `Error`
/// serializes to it), what the bindings raise and the golden vectors expect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ErrorInfo {
    /// The stable kind, e.g. `unknown-item`.
    pub kind: crate::error::ErrorKind,
    /// The message, naming the field, item or value at fault.
    pub message: String,
    /// Where in the document, as a JSON Pointer (`/scores/A1.1`; empty for
    /// the whole document); `null` when the error concerns no one place.
    pub path: Option<String>,
}

impl From<&Error> for ErrorInfo {
    fn from(error: &Error) -> Self {
        ErrorInfo {
            kind: error.kind(),
            message: error.to_string(),
            path: error.path(),
        }
    }
}

/// The JSON Schemas of types that are not an operation's input, options or
/// output: the framework file, its summary, and the error.
const OTHER_SCHEMAS: &[&str] = &["framework", "framework-summary", "error"];

/// The JSON Schemas of the spreadsheet functions' arguments and results:
/// they take or give bytes (a workbook, CSV text), so they sit outside the
/// table, but what they read and write as JSON is typed like the rest.
#[cfg(feature = "spreadsheet")]
const SPREADSHEET_SCHEMAS: &[&str] = &[
    "export-input",
    "csv-options",
    "spreadsheet-assessment",
    "recipe",
];
#[cfg(not(feature = "spreadsheet"))]
const SPREADSHEET_SCHEMAS: &[&str] = &[];

/// The names of the JSON Schemas `schema` (the `schema` feature) can return, one per public input
/// and output type; `docs/schema/<name>.json` holds each. They are derived
/// from the table of operations ([`OPERATIONS`]): every operation's input,
/// options and output type, plus the framework file, its summary, the
/// error, and the spreadsheet functions' arguments and results.
///
/// ```
/// let names = kam_core::api::schema_names();
/// assert!(names.contains(&"audit-assessment") && names.contains(&"audit-report"));
/// ```
pub fn schema_names() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names: Vec<&'static str> = OTHER_SCHEMAS.to_vec();
        names.extend(SPREADSHEET_SCHEMAS);
        for op in OPERATIONS {
            for type_name in [Some(op.input), op.options, Some(op.output)]
                .into_iter()
                .flatten()
            {
                let name = operations::schema_name(type_name);
                if !names.contains(&name.as_str()) {
                    // Built once per process: a few dozen short names.
                    names.push(Box::leak(name.into_boxed_str()));
                }
            }
        }
        names
    })
}

/// The JSON Schema of a public input or output type, by name.
///
/// ```
/// let schema = kam_core::api::schema("audit-assessment")?;
/// assert_eq!(schema["title"], "AuditAssessment");
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// `unknown-schema`, listing [`schema_names`].
#[cfg(feature = "schema")]
pub fn schema(name: &str) -> Result<serde_json::Value, Error> {
    fn of<T: schemars::JsonSchema>() -> serde_json::Value {
        schemars::schema_for!(T).to_value()
    }
    let schema = match name {
        "framework" => Some(of::<Framework>()),
        "framework-summary" => Some(of::<FrameworkSummary>()),
        "error" => Some(of::<ErrorInfo>()),
        #[cfg(feature = "spreadsheet")]
        "export-input" => Some(of::<crate::spreadsheet::ExportInput>()),
        #[cfg(feature = "spreadsheet")]
        "csv-options" => Some(of::<crate::spreadsheet::CsvOptions>()),
        #[cfg(feature = "spreadsheet")]
        "spreadsheet-assessment" => Some(of::<crate::spreadsheet::Assessment>()),
        #[cfg(feature = "spreadsheet")]
        "recipe" => Some(of::<crate::spreadsheet::recipe::Recipe>()),
        _ => operations::operation_schema(name),
    };
    schema.ok_or_else(|| crate::error::InputError::unknown_schema(name, schema_names()).into())
}

// Analyses (docs/analyses/): one facade function per analysis.

/// Pareto analysis: the smallest set of customers making up a share of a
/// measure (see [`crate::analysis::pareto`]).
///
/// ```
/// let input = kam_core::analysis::ParetoInput::from_json(
///     r#"{"customers": [{"id": "acme", "value": 70}, {"id": "bolt", "value": 20}, {"id": "cora", "value": 10}]}"#,
/// )?;
/// let report = kam_core::api::pareto(&input)?;
/// assert_eq!(report.selected, ["acme", "bolt"]);
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// `too-many-customers` (more than [`crate::limits::MAX_PARETO_CUSTOMERS`]),
/// `empty-input`, `duplicate-entry`, `invalid-number`.
#[cfg(feature = "analysis")]
pub fn pareto(
    input: &crate::analysis::ParetoInput,
) -> Result<crate::analysis::ParetoReport, Error> {
    crate::analysis::pareto::pareto(input)
}

/// Portfolio matrix: each customer's attractiveness and relationship indices
/// and quadrant (see [`crate::analysis::portfolio`]).
///
/// ```
/// let input = kam_core::analysis::PortfolioInput::from_json(r#"{
///     "attractiveness": [{"id": "size", "weight": 1}],
///     "relationship": [{"id": "trust", "weight": 1}],
///     "customers": [{"id": "acme", "scores": {"size": 9, "trust": 8}}]}"#)?;
/// let report = kam_core::api::portfolio(&input)?;
/// assert_eq!(report.customers[0].id, "acme");
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// `too-many-customers` (more than
/// [`crate::limits::MAX_PORTFOLIO_CUSTOMERS`]), `too-many-criteria` (more
/// than [`crate::limits::MAX_PORTFOLIO_CRITERIA`] in a group), `empty-input`,
/// `duplicate-entry`, `invalid-number`, `invalid-weights`,
/// `unknown-criterion`, `missing-value`.
#[cfg(feature = "analysis")]
pub fn portfolio(
    input: &crate::analysis::PortfolioInput,
) -> Result<crate::analysis::PortfolioReport, Error> {
    crate::analysis::portfolio::portfolio(input)
}

/// Compares two audits of the bundled framework they name (see
/// [`crate::analysis::compare`]).
///
/// ```
/// let before = kam_core::AuditAssessment::from_json(r#"{"framework": "cranfield-kam-development", "framework_version": "2006.2", "scores": {"A1.1": 3}}"#)?;
/// let mut after = before.clone();
/// after.scores.insert("A1.2".into(), 2);
/// let input = kam_core::analysis::ComparisonInput { before, after };
/// let comparison = kam_core::api::compare(&input, &Default::default())?;
/// assert_eq!(comparison.improved, ["A1.2"]);
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// `mixed-frameworks`, and any error of [`score`].
#[cfg(feature = "analysis")]
pub fn compare(
    input: &crate::analysis::ComparisonInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::AuditComparison, Error> {
    compare_with(
        named(&input.before.framework, "/before/framework")?,
        input,
        options,
    )
}

/// Compares two audits of `framework`.
///
/// ```
/// let cranfield = kam_core::api::framework("cranfield-kam-development")?;
/// let before = kam_core::AuditAssessment::new(cranfield.as_audit()?);
/// let input = kam_core::analysis::ComparisonInput { after: before.clone(), before };
/// let comparison = kam_core::api::compare_with(cranfield, &input, &Default::default())?;
/// assert_eq!(comparison.overall.change, 0);
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`compare`].
#[cfg(feature = "analysis")]
pub fn compare_with(
    framework: &Framework,
    input: &crate::analysis::ComparisonInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::AuditComparison, Error> {
    crate::analysis::compare::compare(framework.as_audit()?, input, options)
}

/// Aggregates several assessors' audits of the bundled framework they name
/// (see [`crate::analysis::aggregate`]).
///
/// ```
/// let audit = kam_core::AuditAssessment::from_json(r#"{"framework": "cranfield-kam-development", "framework_version": "2006.2", "scores": {"A1.1": 3}}"#)?;
/// let input = kam_core::analysis::AggregateInput::from_json(
///     &serde_json::json!({"audits": [audit.clone(), audit]}).to_string(),
/// )?;
/// let aggregation = kam_core::api::aggregate(&input, &Default::default())?;
/// assert_eq!(aggregation.report.overall.score, 3);
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// `too-many-audits` (more than [`crate::limits::MAX_AGGREGATE_AUDITS`]),
/// `empty-input`, `invalid-number`, `mixed-frameworks`, and any error of
/// [`score`].
#[cfg(feature = "analysis")]
pub fn aggregate(
    input: &crate::analysis::AggregateInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::Aggregation, Error> {
    aggregate_with(first_framework(&input.audits)?, input, options)
}

/// Aggregates several assessors' audits of `framework`.
///
/// ```
/// let cranfield = kam_core::api::framework("cranfield-kam-development")?;
/// let audit = kam_core::AuditAssessment::from_json(r#"{"framework": "cranfield-kam-development", "framework_version": "2006.2", "scores": {"A1.1": 3}}"#)?;
/// let input = kam_core::analysis::AggregateInput::from_json(
///     &serde_json::json!({"audits": [audit]}).to_string(),
/// )?;
/// let aggregation = kam_core::api::aggregate_with(cranfield, &input, &Default::default())?;
/// assert!(aggregation.disagreements.is_empty());
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`aggregate`].
#[cfg(feature = "analysis")]
pub fn aggregate_with(
    framework: &Framework,
    input: &crate::analysis::AggregateInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::Aggregation, Error> {
    crate::analysis::aggregate::aggregate(framework.as_audit()?, input, options)
}

/// Lays several units' audits of the bundled framework they name side by
/// side (see [`crate::analysis::units`]).
///
/// ```
/// let input = kam_core::analysis::UnitsInput::from_json(r#"{"audits": [
///     {"framework": "cranfield-kam-development", "framework_version": "2006.2",
///      "context": {"unit": "UK"}, "scores": {"A1.1": 3}},
///     {"framework": "cranfield-kam-development", "framework_version": "2006.2",
///      "context": {"unit": "France"}}]}"#)?;
/// let comparison = kam_core::api::units(&input, &Default::default())?;
/// assert_eq!(comparison.units.len(), 2);
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// `too-many-units` (more than [`crate::limits::MAX_UNITS`]), `empty-input`,
/// `missing-value`, `duplicate-entry`, `mixed-frameworks`, and any error of
/// [`score`].
#[cfg(feature = "analysis")]
pub fn units(
    input: &crate::analysis::UnitsInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::UnitComparison, Error> {
    units_with(first_framework(&input.audits)?, input, options)
}

/// Lays several units' audits of `framework` side by side.
///
/// ```
/// let cranfield = kam_core::api::framework("cranfield-kam-development")?;
/// let input = kam_core::analysis::UnitsInput::from_json(r#"{"audits": [
///     {"framework": "cranfield-kam-development", "framework_version": "2006.2",
///      "context": {"unit": "UK"}}]}"#)?;
/// let comparison = kam_core::api::units_with(cranfield, &input, &Default::default())?;
/// assert_eq!(comparison.units[0].unit, "UK");
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`units`].
#[cfg(feature = "analysis")]
pub fn units_with(
    framework: &Framework,
    input: &crate::analysis::UnitsInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::UnitComparison, Error> {
    crate::analysis::units::units(framework.as_audit()?, input, options)
}

/// The bundled framework the first audit names, or `empty-input`.
#[cfg(feature = "analysis")]
fn first_framework(audits: &[AuditAssessment]) -> Result<&'static Framework, Error> {
    let first = audits
        .first()
        .ok_or_else(|| crate::error::AnalysisError::Empty {
            what: "audits".to_owned(),
        })?;
    named(&first.framework, "/audits/0/framework")
}

/// The bundled framework with this id, which the input names at `path`: an
/// unknown id is reported there.
fn named(id: &str, path: &str) -> Result<&'static Framework, Error> {
    framework(id).map_err(|e| e.within(path))
}

/// Key account plan completeness: elements, horizon and review cadence (see
/// [`crate::analysis::account_plan`]).
///
/// ```
/// let input = kam_core::analysis::AccountPlanInput::from_json(r#"{
///     "account": "Globex", "as_of": "2026-11-22", "horizon_years": 3,
///     "last_review": "2026-09-01", "stage": 4,
///     "elements": ["account-profile", "history", "goals"]}"#)?;
/// let report = kam_core::api::account_plan(&input)?;
/// assert!(!report.complete && report.missing.contains(&"tactics".to_owned()));
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// `too-many-elements` (more than [`crate::limits::MAX_PLAN_ELEMENTS`] in the
/// plan or its template), `invalid-date`, `date-order`, `unknown-entry`,
/// `duplicate-entry`, `invalid-number`, `invalid-guideline`.
#[cfg(feature = "analysis")]
pub fn account_plan(
    input: &crate::analysis::AccountPlanInput,
) -> Result<crate::analysis::AccountPlanReport, Error> {
    crate::analysis::account_plan::account_plan(input)
}

/// Key account manager time allocation against a guideline (see
/// [`crate::analysis::time_allocation`]).
///
/// ```
/// let input = kam_core::analysis::TimeAllocationInput::from_json(
///     r#"{"manager": "Sam", "shares": {"selling": 35, "developing-relationships": 22}}"#,
/// )?;
/// let report = kam_core::api::time_allocation(&input)?;
/// assert!(report.flagged.contains(&"selling".to_owned()));
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// `empty-input`, `invalid-number`, `invalid-guideline`.
#[cfg(feature = "analysis")]
pub fn time_allocation(
    input: &crate::analysis::TimeAllocationInput,
) -> Result<crate::analysis::TimeAllocationReport, Error> {
    crate::analysis::time_allocation::time_allocation(input)
}

/// Shortest path: the fewest item improvements reaching an audit target, or
/// the areas to lift for the next overall maturity stage, against the
/// bundled framework the assessment names (see [`crate::analysis::path`]).
///
/// ```
/// let input = kam_core::analysis::PathInput::from_json(r#"{"type": "audit",
///     "assessment": {"framework": "cranfield-kam-development", "framework_version": "2006.2"},
///     "target": {"type": "overall", "percent": 2}}"#)?;
/// let plan = kam_core::api::shortest_path(&input, &Default::default())?;
/// assert!(matches!(plan, kam_core::analysis::PathPlan::Audit(_)));
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// `invalid-target`, `invalid-number`, `empty-input`, and any error of
/// [`score`] or [`score_maturity`].
#[cfg(feature = "analysis")]
pub fn shortest_path(
    input: &crate::analysis::PathInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::PathPlan, Error> {
    let id = match input {
        crate::analysis::PathInput::Audit { assessment, .. } => &assessment.framework,
        crate::analysis::PathInput::Maturity { assessment } => &assessment.framework,
    };
    shortest_path_with(named(id, "/assessment/framework")?, input, options)
}

/// Shortest path against `framework`.
///
/// ```
/// let model = kam_core::api::framework("kam-maturity-model")?;
/// let input = kam_core::analysis::PathInput::from_json(r#"{"type": "maturity",
///     "assessment": {"framework": "kam-maturity-model", "framework_version": "1.0",
///                    "stages": {"process": 2, "training": 3}}}"#)?;
/// let plan = kam_core::api::shortest_path_with(model, &input, &Default::default())?;
/// assert!(matches!(plan, kam_core::analysis::PathPlan::Maturity(_)));
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`shortest_path`]; also `wrong-framework-type`.
#[cfg(feature = "analysis")]
pub fn shortest_path_with(
    framework: &Framework,
    input: &crate::analysis::PathInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::PathPlan, Error> {
    crate::analysis::path::shortest_path(framework, input, options)
}

/// Explains every derived figure of an input (position, current period,
/// stage, litmus verdicts, quadrants) as a trace of terms and a rule in plain
/// words, against the bundled framework it names (see
/// [`crate::analysis::explain`]).
///
/// ```
/// let input = kam_core::analysis::ExplainInput::from_json(r#"{"type": "audit",
///     "assessment": {"framework": "cranfield-kam-development", "framework_version": "2006.2",
///                    "scores": {"A1.1": 3}}}"#)?;
/// let explanation = kam_core::api::explain(&input, &Default::default())?;
/// assert!(!explanation.traces.is_empty());
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// Any error of scoring the input.
#[cfg(feature = "analysis")]
pub fn explain(
    input: &crate::analysis::ExplainInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::Explanation, Error> {
    use crate::analysis::ExplainInput;
    let id = match input {
        ExplainInput::Audit { assessment } => {
            Some((&assessment.framework, "/assessment/framework"))
        }
        ExplainInput::Maturity { assessment } => {
            Some((&assessment.framework, "/assessment/framework"))
        }
        ExplainInput::Litmus { answers } => Some((&answers.framework, "/answers/framework")),
        ExplainInput::Portfolio { .. } => None,
    };
    let framework = id.map(|(id, path)| named(id, path)).transpose()?;
    crate::analysis::explain::explain(framework, input, options)
}

/// Explains the derived figures of an input against `framework`.
///
/// ```
/// let cranfield = kam_core::api::framework("cranfield-kam-development")?;
/// let input = kam_core::analysis::ExplainInput::from_json(r#"{"type": "audit",
///     "assessment": {"framework": "cranfield-kam-development", "framework_version": "2006.2"}}"#)?;
/// let explanation = kam_core::api::explain_with(cranfield, &input, &Default::default())?;
/// assert!(!explanation.traces.is_empty());
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`explain`]; also `wrong-framework-type`.
#[cfg(feature = "analysis")]
pub fn explain_with(
    framework: &Framework,
    input: &crate::analysis::ExplainInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::Explanation, Error> {
    crate::analysis::explain::explain(Some(framework), input, options)
}

/// Re-scores one saved assessment under two versions of a framework and
/// reports what changed (see [`crate::analysis::rescore`]). Without
/// `before`, the bundled framework the assessment names is used.
///
/// ```
/// // The assessment re-scored under the same framework: nothing moves.
/// let cranfield = kam_core::api::framework("cranfield-kam-development")?;
/// let input = kam_core::analysis::RescoreInput::from_json(&serde_json::json!({
///     "assessment": {"framework": "cranfield-kam-development", "framework_version": "2006.2",
///                    "scores": {"A1.1": 3}},
///     "after": cranfield,
/// }).to_string())?;
/// let report = kam_core::api::rescore(&input, &Default::default())?;
/// assert!(report.moved.is_empty());
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// `wrong-framework-type`, any framework error of `after`, and any error of
/// scoring the assessment under `before`.
#[cfg(feature = "analysis")]
pub fn rescore(
    input: &crate::analysis::RescoreInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::RescoreReport, Error> {
    let before = match &input.before {
        Some(f) => {
            f.validate()?;
            f
        }
        None => named(&input.assessment.framework, "/assessment/framework")?,
    };
    crate::analysis::rescore::rescore(before, input, options)
}

// The readings of a report in words (`crate::words`).

/// An audit report in words: the overall score, the position on the path,
/// the current period, the next milestone and action, each with its label.
///
/// ```
/// let assessment = kam_core::AuditAssessment::from_json(
///     r#"{"framework": "cranfield-kam-development", "framework_version": "2006.2"}"#,
/// )?;
/// let report = kam_core::api::score(&assessment, &Default::default())?;
/// let words = kam_core::api::describe(&report)?;
/// assert_eq!(words.position.text, "period 1 Awareness (phase A), 0% of the way through");
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// None: every report can be said in words (the `Result` is the shape of
/// every operation).
pub fn describe(report: &AuditReport) -> Result<crate::words::AuditWords, Error> {
    Ok(crate::words::AuditWords::of(report))
}

/// A maturity report in words: the programme's stage (its weakest link),
/// the mean stage, the milestone to level up, and each area's stage.
///
/// ```
/// let assessment = kam_core::MaturityAssessment::from_json(
///     r#"{"framework": "kam-maturity-model", "framework_version": "1.0", "stages": {"process": 4}}"#,
/// )?;
/// let report = kam_core::api::score_maturity(&assessment, &Default::default())?;
/// let words = kam_core::api::describe_maturity(&report)?;
/// assert_eq!(words.areas[0].to_string(), "Process: stage 4 Predictable");
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// None (see [`describe`]).
pub fn describe_maturity(report: &MaturityReport) -> Result<crate::words::MaturityWords, Error> {
    Ok(crate::words::MaturityWords::of(report))
}

/// A litmus report in words: each response's verdict and the count behind
/// it.
///
/// ```
/// let cranfield = kam_core::framework::builtin_audit("cranfield-kam-development")?;
/// let report = kam_core::api::score_litmus(&kam_core::LitmusAnswers::new(cranfield))?;
/// let words = kam_core::api::describe_litmus(&report)?;
/// assert_eq!(words.summary, "0 pass, 0 fail, 0 without a pass mark");
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// None (see [`describe`]).
pub fn describe_litmus(report: &LitmusReport) -> Result<crate::words::LitmusWords, Error> {
    Ok(crate::words::LitmusWords::of(report))
}

/// A checklist report in words: the overall score, the stage reached, the
/// balance, the items left, the rules behind the readings and the next
/// actions, each with its label.
///
/// ```
/// let framework = kam_core::api::framework("kam-development-model")?.as_checklist()?;
/// let assessment = kam_core::AuditAssessment::for_checklist(framework);
/// let report = kam_core::api::score_checklist(&assessment, &Default::default())?;
/// let words = kam_core::api::describe_checklist(&report)?;
/// assert_eq!(words.overall.label, "Overall score");
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// None (see [`describe`]).
pub fn describe_checklist(
    report: &crate::checklist::ChecklistReport,
) -> Result<crate::words::ChecklistWords, Error> {
    Ok(crate::words::ChecklistWords::of(report))
}

// Byte-for-byte comparison across languages (tests/cross-language/).

/// Scores an action-audit assessment given as JSON text and returns the
/// report as JSON text: the canonical form of a report, to compare byte for
/// byte.
///
/// The text is compact `serde_json` output (no whitespace, fields in the
/// order of [`AuditReport`], non-ASCII characters written as they are, every
/// number exactly as kam computed it). Python's `kam.score_json` and
/// JavaScript's `scoreJson` return this very text for the same input, so a
/// report written in one language can be checked against another's with a
/// plain string comparison. `options` is [`ScoreOptions`] as JSON text;
/// `None` means the defaults.
///
/// ```
/// let text = r#"{"framework": "cranfield-kam-development",
///                "framework_version": "2006.2", "scores": {"A1.1": 3}}"#;
/// let report = kam_core::api::score_json(text, None)?;
/// assert!(report.starts_with(r#"{"framework":{"id":"cranfield-kam-development","#));
/// assert!(report.contains(r#""overall":{"score":3,"max":387,"#));
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// `invalid-json` and the limit errors for text that is not an assessment
/// (or options), and any error of [`score`].
pub fn score_json(assessment: &str, options: Option<&str>) -> Result<String, Error> {
    ops::score::call_json(assessment, options, None)
}

/// Scores a batch of action audits given as rows of cells (see
/// [`crate::batch`]), against the bundled framework the input names.
///
/// ```
/// let batch = kam_core::batch::BatchInput::from_json(
///     r#"{"columns": ["A1.1", "A1.2"], "rows": [[3, 2], [1, 0]]}"#,
/// )?;
/// let report = kam_core::api::score_batch(&batch)?;
/// assert_eq!(report.overall, [5, 1]);
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// `unknown-framework`, `wrong-framework-type`, `unknown-column`,
/// `duplicate-column`, `matrix-shape` and `cell-out-of-range`, each naming
/// the row, column or item.
#[cfg(feature = "batch")]
pub fn score_batch(input: &crate::batch::BatchInput) -> Result<crate::batch::BatchReport, Error> {
    let framework = match &input.framework {
        Some(id) => named(id, "/framework")?,
        None => framework::default_framework("action-audit")?,
    };
    crate::batch::score_input(input, Some(framework))
}

/// Scores a batch against `framework`.
///
/// ```
/// let cranfield = kam_core::api::framework("cranfield-kam-development")?;
/// let batch = kam_core::batch::BatchInput::from_json(r#"{"columns": ["A1.1"], "rows": [[3]]}"#)?;
/// let report = kam_core::api::score_batch_with(cranfield, &batch)?;
/// assert_eq!(report.overall, [3]);
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`score_batch`]; also `framework-mismatch` when the input names
/// another framework.
#[cfg(feature = "batch")]
pub fn score_batch_with(
    framework: &Framework,
    input: &crate::batch::BatchInput,
) -> Result<crate::batch::BatchReport, Error> {
    crate::batch::score_input(input, Some(framework))
}

// Checklist frameworks (docs/frameworks/): scoring a checklist assessment.

/// Scores a checklist assessment (the shared assessment format) against the
/// bundled checklist it names: completion per section and per group, the
/// stage reached and the balance indicator where the checklist has them.
///
/// ```
/// let framework = kam_core::api::framework("kam-development-model")?.as_checklist()?;
/// let mut assessment = kam_core::AuditAssessment::for_checklist(framework);
/// for id in ["identify-key-accounts", "analyze-key-accounts", "develop-account-plans"] {
///     assessment.scores.insert(id.into(), 3);
/// }
/// let report = kam_core::api::score_checklist(&assessment, &Default::default())?;
/// let stage = report.stage.unwrap();
/// assert_eq!(stage.reached.unwrap().name, "Assessment and Planning");
/// assert_eq!(stage.next.unwrap().name, "Engagement and Relationship Building");
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`crate::checklist::score_checklist`]; also `unknown-framework` and
/// `wrong-framework-type`.
pub fn score_checklist(
    assessment: &AuditAssessment,
    options: &crate::checklist::ChecklistOptions,
) -> Result<crate::checklist::ChecklistReport, Error> {
    score_checklist_with(framework(&assessment.framework)?, assessment, options)
}

/// Scores a checklist assessment against `framework`, e.g. a company's own
/// checklist file loaded with [`load_framework`].
///
/// ```
/// let file = std::fs::read_to_string("examples/data/acme-kam-review.json")?;
/// let checklist = kam_core::api::load_framework(&file)?;
/// let mut assessment = kam_core::AuditAssessment::for_checklist(checklist.as_checklist()?);
/// assessment.scores.insert("plan-reviewed".into(), 2); // weight 2: 4 of 4 points
/// let report = kam_core::api::score_checklist_with(&checklist, &assessment, &Default::default())?;
/// assert_eq!((report.sections[0].score, report.sections[0].max), (4, 8));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// See [`score_checklist`].
pub fn score_checklist_with(
    framework: &Framework,
    assessment: &AuditAssessment,
    options: &crate::checklist::ChecklistOptions,
) -> Result<crate::checklist::ChecklistReport, Error> {
    crate::checklist::score_checklist(framework.as_checklist()?, assessment, options)
}

// Programme (issue 14): a KAM programme, many assessments across units,
// assessors and years in one document (see `crate::programme` and
// docs/programme.md).

/// Reads a whole KAM programme: each unit's audits merged per date across
/// its assessors, their agreement (Krippendorff's alpha), trend, pace
/// against the paper's timescales and next milestone; the roll-up through
/// the units and their ranking; the programme's next actions and
/// disagreements; and its maturity, litmus, customer and account-plan
/// results. See [`crate::programme::programme_report`].
///
/// ```
/// let programme = kam_core::api::example_programme()?;
/// let report = kam_core::api::programme_report(&programme, &Default::default())?;
/// assert_eq!(report.units.len(), programme.units.len());
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// See [`crate::programme::programme_report`].
#[cfg(feature = "reports")]
pub fn programme_report(
    programme: &crate::programme::Programme,
    options: &ScoreOptions,
) -> Result<crate::programme::ProgrammeReport, Error> {
    crate::programme::programme_report(programme, options)
}

/// Reads a programme document from JSON text within the programme's own
/// limits (256 MiB of text instead of a document's 8 MiB; see
/// [`crate::limits::MAX_PROGRAMME_BYTES`]).
///
/// ```
/// let err = kam_core::api::programme_from_json(r#"{"name": "x", "units": 3}"#).unwrap_err();
/// assert_eq!(err.kind(), "invalid-input");
/// assert_eq!(err.path().as_deref(), Some("/units"));
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// `input-too-large`, `too-deep`, `text-too-long`, `too-many-entries`,
/// `too-many-units` and `invalid-json`, naming the path at fault.
#[cfg(feature = "reports")]
pub fn programme_from_json(text: &str) -> Result<crate::programme::Programme, Error> {
    crate::programme::from_json(text)
}

/// [`programme_report`] of a programme given as JSON text, the report
/// returned as compact JSON text: what a binding calls with a file's
/// contents, and what the benchmark measures against parsing the text.
/// `options` is [`ScoreOptions`] as JSON text; `None` means the defaults.
///
/// ```
/// let text = serde_json::to_string(&kam_core::api::example_programme()?).unwrap();
/// let report = kam_core::api::programme_report_json(&text, None)?;
/// assert!(report.starts_with(r#"{"name":"#));
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// Those of [`programme_from_json`] and [`programme_report`].
#[cfg(feature = "reports")]
pub fn programme_report_json(programme: &str, options: Option<&str>) -> Result<String, Error> {
    let report = programme_report_text(programme, options)?;
    let text = operations::to_json(&report);
    drop_later(report);
    text
}

/// [`programme_report`] of a programme given as JSON text, `options` as
/// JSON text (`None`: the defaults): what a binding calls to build the
/// report in its own objects. The parsed programme is freed on a thread of
/// its own (see [`drop_later`]), as a binding can free the report once
/// converted.
///
/// ```
/// let text = serde_json::to_string(&kam_core::api::example_programme()?).unwrap();
/// let report = kam_core::api::programme_report_text(&text, None)?;
/// assert_eq!(report.summary.units, 9);
/// kam_core::api::drop_later(report);
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// Those of [`programme_from_json`], of reading `options` and of
/// [`programme_report`].
#[cfg(feature = "reports")]
pub fn programme_report_text(
    programme: &str,
    options: Option<&str>,
) -> Result<crate::programme::ProgrammeReport, Error> {
    let programme = crate::programme::from_json(programme)?;
    let options: ScoreOptions = crate::json::read_options(options)?;
    let report = crate::programme::programme_report(&programme, &options);
    drop_later(programme);
    report
}

#[cfg(feature = "reports")]
pub use crate::parallel::drop_later;

/// `programme` with the assessments of `files` added: saved assessment
/// documents (JSON) and filled workbooks (`.xlsx`), each a name (such as the
/// file name, which errors quote) and its bytes. See
/// [`crate::programme::assemble`].
///
/// # Errors
/// See [`crate::programme::assemble`].
#[cfg(all(feature = "reports", feature = "spreadsheet"))]
pub fn programme_assemble<'a>(
    programme: crate::programme::Programme,
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<crate::programme::Programme, Error> {
    crate::programme::assemble(programme, files)
}

/// The programme report as an Excel workbook (the bytes of an `.xlsx`
/// file): a Summary sheet, a Units sheet and a Disagreements sheet. See
/// [`crate::programme::report::programme_xlsx`].
///
/// # Errors
/// See [`crate::programme::report::programme_xlsx`].
#[cfg(all(feature = "reports", feature = "spreadsheet"))]
pub fn programme_xlsx(report: &crate::programme::ProgrammeReport) -> Result<Vec<u8>, Error> {
    crate::programme::report::programme_xlsx(report)
}

/// The bundled example programme: Northwind Components, a fictional
/// company (see [`crate::programme::example`]).
///
/// ```
/// let programme = kam_core::api::example_programme()?;
/// assert!(!programme.assessments.is_empty());
/// # Ok::<(), kam_core::Error>(())
/// ```
///
/// # Errors
/// Only if a bundled file is broken (ruled out by the tests).
#[cfg(feature = "reports")]
pub fn example_programme() -> Result<crate::programme::Programme, Error> {
    crate::programme::example::bundled()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ASSESSMENT: &str = r#"{
        "framework": "cranfield-kam-development",
        "framework_version": "2006.2",
        "context": {"organisation": "Søren & Zoë — 株式会社"},
        "scores": {"A1.1": 3, "A1.2": 2, "B1.1": 1},
        "evidence": {"A1.1": "Vertrag über 2 Mio. € verloren 😬"}
    }"#;

    #[test]
    fn score_json_is_the_compact_serde_json_text_of_score() {
        let parsed: AuditAssessment = crate::json::from_json(ASSESSMENT).unwrap();
        let report = score(&parsed, &ScoreOptions::default()).unwrap();
        let text = score_json(ASSESSMENT, None).unwrap();
        assert_eq!(text, serde_json::to_string(&report).unwrap());
        assert!(!text.contains('\n'));
        // Non-ASCII text is written as it is, not as `\u` escapes.
        assert!(text.contains("Søren & Zoë — 株式会社"));
        let back: AuditReport = serde_json::from_str(&text).unwrap();
        assert_eq!(back, report);
    }

    #[test]
    fn score_json_options_default_to_the_empty_object() {
        let default = score_json(ASSESSMENT, None).unwrap();
        assert_eq!(score_json(ASSESSMENT, Some("{}")).unwrap(), default);
        let fewer = score_json(ASSESSMENT, Some(r#"{"next_actions": 2}"#)).unwrap();
        let report: AuditReport = serde_json::from_str(&fewer).unwrap();
        assert_eq!(report.next_actions.len(), 2);
    }

    #[test]
    fn score_json_errors_are_those_of_score() {
        let err = score_json("{", None).unwrap_err();
        assert_eq!(err.kind(), "invalid-json");
        let unknown = ASSESSMENT.replace("B1.1", "Z9.9");
        let err = score_json(&unknown, None).unwrap_err();
        assert_eq!(err.kind(), "unknown-item");
        let err = score_json(ASSESSMENT, Some(r#"{"next_action": 2}"#)).unwrap_err();
        assert_eq!(err.kind(), "invalid-input");
        assert_eq!(
            err.to_string(),
            "invalid input at `/next_action`: unknown field `next_action`; did you mean `next_actions`?"
        );
    }
}
