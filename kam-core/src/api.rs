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
    "maturity-assessment",
    "maturity-options",
    "maturity-report",
    "litmus-answers",
    "litmus-report",
    "error",
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
        "maturity-assessment" => of::<MaturityAssessment>(),
        "maturity-options" => of::<MaturityOptions>(),
        "maturity-report" => of::<MaturityReport>(),
        "litmus-answers" => of::<LitmusAnswers>(),
        "litmus-report" => of::<LitmusReport>(),
        "error" => of::<ErrorInfo>(),
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
