//! The facade every front end uses: functions that take and return the serde
//! types of this crate, so the Python and JavaScript bindings only convert.
//!
//! Each function looks up the bundled framework named by its input; use the
//! `*_with` variants to score against a framework loaded from a file.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::AuditAssessment;
use crate::error::{Error, InputError};
use crate::framework::{self, Framework, FrameworkSummary};
use crate::litmus::{LitmusAnswers, LitmusReport};
use crate::maturity::{MaturityAssessment, MaturityOptions, MaturityReport};
use crate::scoring::{AuditReport, ScoreOptions};

/// The bundled frameworks, one line each.
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
/// # Errors
/// `unknown-framework`, listing the bundled ids.
pub fn framework(id: &str) -> Result<&'static Framework, Error> {
    framework::builtin_framework(id)
}

/// Parses and validates a user's framework file.
///
/// # Errors
/// `invalid-json` with the path at fault, or a framework error naming the entry.
pub fn load_framework(json: &str) -> Result<Framework, Error> {
    Framework::from_json(json)
}

/// Scores an action-audit assessment against the bundled framework it names.
///
/// # Errors
/// See [`crate::scoring::score_audit`]; also `unknown-framework` and
/// `wrong-framework-type`.
pub fn score(assessment: &AuditAssessment, options: &ScoreOptions) -> Result<AuditReport, Error> {
    score_with(framework(&assessment.framework)?, assessment, options)
}

/// Scores an action-audit assessment against `framework`.
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
/// # Errors
/// See [`crate::maturity::score_maturity`]; also `unknown-framework` and
/// `wrong-framework-type`.
pub fn score_maturity(
    assessment: &MaturityAssessment,
    options: &MaturityOptions,
) -> Result<MaturityReport, Error> {
    score_maturity_with(framework(&assessment.framework)?, assessment, options)
}

/// Reads a maturity assessment against `framework`.
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
/// # Errors
/// See [`crate::litmus::score_litmus`]; also `unknown-framework` and
/// `wrong-framework-type`.
pub fn score_litmus(answers: &LitmusAnswers) -> Result<LitmusReport, Error> {
    score_litmus_with(framework(&answers.framework)?, answers)
}

/// Judges litmus answers against `framework`.
///
/// # Errors
/// See [`score_litmus`].
pub fn score_litmus_with(
    framework: &Framework,
    answers: &LitmusAnswers,
) -> Result<LitmusReport, Error> {
    crate::litmus::score_litmus(framework.as_audit()?, answers)
}

/// An error as data: what the bindings raise and the golden vectors expect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorInfo {
    /// The stable kind, e.g. `unknown-item`.
    pub kind: String,
    /// The message, naming the field, item or value at fault.
    pub message: String,
}

impl From<&Error> for ErrorInfo {
    fn from(error: &Error) -> Self {
        ErrorInfo {
            kind: error.kind().to_owned(),
            message: error.to_string(),
        }
    }
}

/// The names of the JSON Schemas [`schema`] can return, one per public input
/// and output type; `docs/schema/<name>.json` holds each.
pub const SCHEMA_NAMES: &[&str] = &[
    "framework",
    "framework-summary",
    "audit-assessment",
    "score-options",
    "audit-report",
    "audit-words",
    "maturity-assessment",
    "maturity-options",
    "maturity-report",
    "litmus-answers",
    "litmus-report",
    "error",
    "pareto-input",
    "pareto-report",
    "portfolio-input",
    "portfolio-report",
    "comparison-input",
    "audit-comparison",
    "aggregate-input",
    "aggregation",
    "units-input",
    "unit-comparison",
    "account-plan-input",
    "account-plan-report",
    "time-allocation-input",
    "time-allocation-report",
    "path-input",
    "path-plan",
    "explain-input",
    "explanation",
    "rescore-input",
    "rescore-report",
    "batch-input",
    "batch-report",
    // Checklist frameworks.
    "checklist-options",
    "checklist-report",
    // Programme (issue 14).
    "programme",
    "programme-report",
];

/// The JSON Schema of a public input or output type, by name.
///
/// # Errors
/// `unknown-schema`, listing [`SCHEMA_NAMES`].
pub fn schema(name: &str) -> Result<serde_json::Value, Error> {
    fn of<T: JsonSchema>() -> serde_json::Value {
        schemars::schema_for!(T).to_value()
    }
    Ok(match name {
        "framework" => of::<Framework>(),
        "framework-summary" => of::<FrameworkSummary>(),
        "audit-assessment" => of::<AuditAssessment>(),
        "score-options" => of::<ScoreOptions>(),
        "audit-report" => of::<AuditReport>(),
        "audit-words" => of::<crate::report::AuditWords>(),
        "maturity-assessment" => of::<MaturityAssessment>(),
        "maturity-options" => of::<MaturityOptions>(),
        "maturity-report" => of::<MaturityReport>(),
        "litmus-answers" => of::<LitmusAnswers>(),
        "litmus-report" => of::<LitmusReport>(),
        "error" => of::<ErrorInfo>(),
        "pareto-input" => of::<crate::analysis::ParetoInput>(),
        "pareto-report" => of::<crate::analysis::ParetoReport>(),
        "portfolio-input" => of::<crate::analysis::PortfolioInput>(),
        "portfolio-report" => of::<crate::analysis::PortfolioReport>(),
        "comparison-input" => of::<crate::analysis::ComparisonInput>(),
        "audit-comparison" => of::<crate::analysis::AuditComparison>(),
        "aggregate-input" => of::<crate::analysis::AggregateInput>(),
        "aggregation" => of::<crate::analysis::Aggregation>(),
        "units-input" => of::<crate::analysis::UnitsInput>(),
        "unit-comparison" => of::<crate::analysis::UnitComparison>(),
        "account-plan-input" => of::<crate::analysis::AccountPlanInput>(),
        "account-plan-report" => of::<crate::analysis::AccountPlanReport>(),
        "time-allocation-input" => of::<crate::analysis::TimeAllocationInput>(),
        "time-allocation-report" => of::<crate::analysis::TimeAllocationReport>(),
        "path-input" => of::<crate::analysis::PathInput>(),
        "path-plan" => of::<crate::analysis::PathPlan>(),
        "explain-input" => of::<crate::analysis::ExplainInput>(),
        "explanation" => of::<crate::analysis::Explanation>(),
        "rescore-input" => of::<crate::analysis::RescoreInput>(),
        "rescore-report" => of::<crate::analysis::RescoreReport>(),
        "batch-input" => of::<crate::batch::BatchInput>(),
        "batch-report" => of::<crate::batch::BatchReport>(),
        "checklist-options" => of::<crate::checklist::ChecklistOptions>(),
        "checklist-report" => of::<crate::checklist::ChecklistReport>(),
        // Programme (issue 14).
        "programme" => of::<crate::programme::Programme>(),
        "programme-report" => of::<crate::programme::ProgrammeReport>(),
        _ => {
            let known: Vec<String> = SCHEMA_NAMES.iter().map(|n| format!("`{n}`")).collect();
            return Err(InputError::UnknownSchema {
                name: name.to_owned(),
                known: known.join(", "),
            }
            .into());
        }
    })
}

// Analyses (docs/analyses/): one facade function per analysis.

/// Pareto analysis: the smallest set of customers making up a share of a
/// measure (see [`crate::analysis::pareto`]).
///
/// # Errors
/// `too-many-customers` (more than [`crate::limits::MAX_PARETO_CUSTOMERS`]),
/// `empty-input`, `duplicate-entry`, `invalid-number`.
pub fn pareto(
    input: &crate::analysis::ParetoInput,
) -> Result<crate::analysis::ParetoReport, Error> {
    crate::analysis::pareto::pareto(input)
}

/// Portfolio matrix: each customer's attractiveness and relationship indices
/// and quadrant (see [`crate::analysis::portfolio`]).
///
/// # Errors
/// `too-many-customers` (more than
/// [`crate::limits::MAX_PORTFOLIO_CUSTOMERS`]), `too-many-criteria` (more
/// than [`crate::limits::MAX_PORTFOLIO_CRITERIA`] in a group), `empty-input`,
/// `duplicate-entry`, `invalid-number`, `invalid-weights`,
/// `unknown-criterion`, `missing-value`.
pub fn portfolio(
    input: &crate::analysis::PortfolioInput,
) -> Result<crate::analysis::PortfolioReport, Error> {
    crate::analysis::portfolio::portfolio(input)
}

/// Compares two audits of the bundled framework they name (see
/// [`crate::analysis::compare`]).
///
/// # Errors
/// `mixed-frameworks`, and any error of [`score`].
pub fn compare(
    input: &crate::analysis::ComparisonInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::AuditComparison, Error> {
    compare_with(framework(&input.before.framework)?, input, options)
}

/// Compares two audits of `framework`.
///
/// # Errors
/// See [`compare`].
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
/// # Errors
/// `too-many-audits` (more than [`crate::limits::MAX_AGGREGATE_AUDITS`]),
/// `empty-input`, `invalid-number`, `mixed-frameworks`, and any error of
/// [`score`].
pub fn aggregate(
    input: &crate::analysis::AggregateInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::Aggregation, Error> {
    aggregate_with(framework(&first_framework(&input.audits)?)?, input, options)
}

/// Aggregates several assessors' audits of `framework`.
///
/// # Errors
/// See [`aggregate`].
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
/// # Errors
/// `too-many-units` (more than [`crate::limits::MAX_UNITS`]), `empty-input`,
/// `missing-value`, `duplicate-entry`, `mixed-frameworks`, and any error of
/// [`score`].
pub fn units(
    input: &crate::analysis::UnitsInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::UnitComparison, Error> {
    units_with(framework(&first_framework(&input.audits)?)?, input, options)
}

/// Lays several units' audits of `framework` side by side.
///
/// # Errors
/// See [`units`].
pub fn units_with(
    framework: &Framework,
    input: &crate::analysis::UnitsInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::UnitComparison, Error> {
    crate::analysis::units::units(framework.as_audit()?, input, options)
}

/// The framework id the first audit names, or `empty-input`.
fn first_framework(audits: &[AuditAssessment]) -> Result<String, Error> {
    audits.first().map(|a| a.framework.clone()).ok_or_else(|| {
        crate::error::AnalysisError::Empty {
            what: "audits".to_owned(),
        }
        .into()
    })
}

/// Key account plan completeness: elements, horizon and review cadence (see
/// [`crate::analysis::account_plan`]).
///
/// # Errors
/// `too-many-elements` (more than [`crate::limits::MAX_PLAN_ELEMENTS`] in the
/// plan or its template), `invalid-date`, `date-order`, `unknown-entry`,
/// `duplicate-entry`, `invalid-number`, `invalid-guideline`.
pub fn account_plan(
    input: &crate::analysis::AccountPlanInput,
) -> Result<crate::analysis::AccountPlanReport, Error> {
    crate::analysis::account_plan::account_plan(input)
}

/// Key account manager time allocation against a guideline (see
/// [`crate::analysis::time_allocation`]).
///
/// # Errors
/// `empty-input`, `invalid-number`, `invalid-guideline`.
pub fn time_allocation(
    input: &crate::analysis::TimeAllocationInput,
) -> Result<crate::analysis::TimeAllocationReport, Error> {
    crate::analysis::time_allocation::time_allocation(input)
}

/// Shortest path: the fewest item improvements reaching an audit target, or
/// the areas to lift for the next overall maturity stage, against the
/// bundled framework the assessment names (see [`crate::analysis::path`]).
///
/// # Errors
/// `invalid-target`, `invalid-number`, `empty-input`, and any error of
/// [`score`] or [`score_maturity`].
pub fn shortest_path(
    input: &crate::analysis::PathInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::PathPlan, Error> {
    let id = match input {
        crate::analysis::PathInput::Audit { assessment, .. } => &assessment.framework,
        crate::analysis::PathInput::Maturity { assessment } => &assessment.framework,
    };
    shortest_path_with(framework(id)?, input, options)
}

/// Shortest path against `framework`.
///
/// # Errors
/// See [`shortest_path`]; also `wrong-framework-type`.
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
/// # Errors
/// Any error of scoring the input.
pub fn explain(
    input: &crate::analysis::ExplainInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::Explanation, Error> {
    use crate::analysis::ExplainInput;
    let id = match input {
        ExplainInput::Audit { assessment } => Some(&assessment.framework),
        ExplainInput::Maturity { assessment } => Some(&assessment.framework),
        ExplainInput::Litmus { answers } => Some(&answers.framework),
        ExplainInput::Portfolio { .. } => None,
    };
    let framework = id.map(|id| framework(id)).transpose()?;
    crate::analysis::explain::explain(framework, input, options)
}

/// Explains the derived figures of an input against `framework`.
///
/// # Errors
/// See [`explain`]; also `wrong-framework-type`.
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
/// # Errors
/// `wrong-framework-type`, any framework error of `after`, and any error of
/// scoring the assessment under `before`.
pub fn rescore(
    input: &crate::analysis::RescoreInput,
    options: &ScoreOptions,
) -> Result<crate::analysis::RescoreReport, Error> {
    let before = match &input.before {
        Some(f) => {
            f.validate()?;
            f
        }
        None => framework(&input.assessment.framework)?,
    };
    crate::analysis::rescore::rescore(before, input, options)
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
    let assessment: AuditAssessment = crate::error::from_json(assessment)?;
    let options: ScoreOptions = match options {
        Some(text) => crate::error::from_json(text)?,
        None => ScoreOptions::default(),
    };
    json_text(&score(&assessment, &options)?)
}

/// A report as compact JSON text. A report has only string keys and finite
/// numbers, so writing it cannot fail; should it ever, the problem is
/// reported rather than hidden.
fn json_text<T: Serialize>(report: &T) -> Result<String, Error> {
    serde_json::to_string(report).map_err(|e| {
        InputError::InvalidJson {
            path: ".".to_owned(),
            message: e.to_string(),
        }
        .into()
    })
}

/// Scores a batch of action audits given as rows of cells (see
/// [`crate::batch`]), against the bundled framework the input names.
///
/// # Errors
/// `unknown-framework`, `wrong-framework-type`, `unknown-column`,
/// `duplicate-column`, `matrix-shape` and `cell-out-of-range`, each naming
/// the row, column or item.
pub fn score_batch(input: &crate::batch::BatchInput) -> Result<crate::batch::BatchReport, Error> {
    crate::batch::score_input(input, None)
}

/// Scores a batch against `framework`.
///
/// # Errors
/// See [`score_batch`]; also `framework-mismatch` when the input names
/// another framework.
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

// Programme (issue 14) ------------------------------------------------------
//
// A KAM programme: many assessments across units, assessors and years in
// one document (see `crate::programme` and docs/programme.md).

/// Reads a whole KAM programme: each unit's audits merged per date across
/// its assessors, their agreement (Krippendorff's alpha), trend, pace
/// against the paper's timescales and next milestone; the roll-up through
/// the units and their ranking; the programme's next actions and
/// disagreements; and its maturity, litmus, customer and account-plan
/// results. See [`crate::programme::programme_report`].
///
/// # Errors
/// See [`crate::programme::programme_report`].
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
/// # Errors
/// `input-too-large`, `too-deep`, `text-too-long`, `too-many-entries`,
/// `too-many-units` and `invalid-json`, naming the path at fault.
pub fn programme_from_json(text: &str) -> Result<crate::programme::Programme, Error> {
    crate::programme::from_json(text)
}

/// [`programme_report`] of a programme given as JSON text, the report
/// returned as compact JSON text: what a binding calls with a file's
/// contents, and what the benchmark measures against parsing the text.
/// `options` is [`ScoreOptions`] as JSON text; `None` means the defaults.
///
/// # Errors
/// Those of [`programme_from_json`] and [`programme_report`].
pub fn programme_report_json(programme: &str, options: Option<&str>) -> Result<String, Error> {
    let programme = programme_from_json(programme)?;
    let options: ScoreOptions = match options {
        Some(text) => crate::error::from_json(text)?,
        None => ScoreOptions::default(),
    };
    json_text(&programme_report(&programme, &options)?)
}

/// `programme` with the assessments of `files` added: saved assessment
/// documents (JSON) and filled workbooks (`.xlsx`), each a name (such as the
/// file name, which errors quote) and its bytes. See
/// [`crate::programme::assemble`].
///
/// # Errors
/// See [`crate::programme::assemble`].
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
pub fn programme_xlsx(report: &crate::programme::ProgrammeReport) -> Result<Vec<u8>, Error> {
    crate::programme::report::programme_xlsx(report)
}

/// The bundled example programme: Northwind Components, a fictional
/// company (see [`crate::programme::example`]).
///
/// # Errors
/// Only if a bundled file is broken (ruled out by the tests).
pub fn example_programme() -> Result<crate::programme::Programme, Error> {
    crate::programme::example::bundled()
}

// End of programme (issue 14) ------------------------------------------------

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
        let parsed: AuditAssessment = crate::error::from_json(ASSESSMENT).unwrap();
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
        assert_eq!(err.kind(), "invalid-json");
        assert!(err.to_string().contains("next_action"), "{err}");
    }
}
