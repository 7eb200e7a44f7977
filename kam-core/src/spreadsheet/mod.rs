//! Spreadsheets in and out: Excel templates an assessor fills in, imports
//! of filled workbooks, Excel exports of assessments, comparisons and
//! aggregations, and CSV in a long and a wide layout (cargo feature
//! `spreadsheet`, on by default).
//!
//! A **template** ([`template`]) is an `.xlsx` workbook for any framework:
//! an Instructions sheet (which framework and version, the context cells,
//! how to score, the scale), one row per item (or programme area) with its
//! id, grouping, wording, a score cell restricted to the scale by a dropdown
//! and an evidence cell, ids and wording protected, and live totals as
//! formulas. An **export** ([`to_xlsx`]) is the same workbook filled in,
//! with a Report sheet, so it can be read back too.
//!
//! **Reading** ([`read_xlsx`]) is tolerant of what spreadsheets do (whole
//! numbers stored as `3.0`, blank cells, stray spaces, re-sorted rows, extra
//! sheets and columns) and strict about meaning: a score off the scale,
//! text or a formula in a score cell, an unknown or repeated id, a workbook
//! of another framework or version are errors that name the cell, e.g.
//! `` `Audit!F17` ``, and the value. A workbook is a zip file from a
//! stranger: [`limits`] bounds what is read before calamine reads it.
//!
//! ```
//! use kam_core::{AuditAssessment, spreadsheet};
//!
//! let framework = kam_core::api::framework("cranfield-kam-development")?;
//! let blank = spreadsheet::template(framework)?;
//! // … an assessor fills it in; here, an export stands in for that.
//! let mut assessment = AuditAssessment::new(framework.as_audit()?);
//! assessment.scores.insert("A1.1".into(), 3);
//! let filled = spreadsheet::to_xlsx(
//!     &spreadsheet::ExportInput::Audit { assessment: assessment.clone(), litmus: None },
//!     &kam_core::ScoreOptions::default(),
//! )?;
//! let read = spreadsheet::read_xlsx(&filled)?;
//! assert_eq!(read, spreadsheet::Assessment::ActionAudit { assessment, litmus: None });
//! # assert!(blank.starts_with(b"PK"));
//! # Ok::<(), kam_core::Error>(())
//! ```

/// docs/spreadsheets.md's Rust snippets, compiled and run as doc tests so
/// the guide cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../../docs/spreadsheets.md")]
struct GuideDoctests;

mod aggregation;
mod audit;
pub(crate) mod book;
mod cell;
mod checklist;
mod choices;
mod comparison;
mod csv;
mod files;
mod import;
mod import_litmus;
mod instructions;
pub mod limits;
mod litmus;
mod maturity;
mod read;
pub mod recipe;
pub(crate) mod render;
mod report;
mod totals;

// What the bindings read from a Python dict or a JavaScript object for the
// spreadsheet functions: each is a document read within kam's limits, with
// the same paths in its errors as every other input.
impl crate::json::Document for ExportInput {}
impl crate::json::Document for CsvOptions {}
impl crate::json::Document for recipe::Recipe {}
impl crate::json::Document for Vec<AuditAssessment> {}
mod workbook;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::analysis::{AggregateInput, ComparisonInput};
use crate::assessment::AuditAssessment;
use crate::error::Error;
use crate::framework::Framework;
use crate::litmus::LitmusAnswers;
use crate::maturity::MaturityAssessment;
use crate::scoring::ScoreOptions;
pub use csv::{CsvDelimiter, CsvLayout, CsvOptions, read_csv, read_csv_with, to_csv, to_csv_with};
use workbook::Kind;

/// An assessment of any framework type as a workbook holds it, in the
/// shared JSON format: what [`read_xlsx`] returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Assessment {
    /// An action-audit workbook: the assessment, and the litmus answers when
    /// any answer set was filled in.
    ActionAudit {
        /// The assessment.
        assessment: AuditAssessment,
        /// The litmus answers; `null` when none were given.
        litmus: Option<LitmusAnswers>,
    },
    /// A maturity-model workbook.
    MaturityModel {
        /// The assessment.
        assessment: MaturityAssessment,
    },
    /// A checklist workbook: scores by item id, as an audit's.
    Checklist {
        /// The assessment.
        assessment: AuditAssessment,
    },
}

/// What to export as a workbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
pub enum ExportInput {
    /// An action audit with its report: the template filled in, the Totals
    /// sheet's formulas, Figure 3 as a native chart, and a Report sheet.
    Audit {
        /// The assessment.
        assessment: AuditAssessment,
        /// Litmus answers of the same framework, if any.
        #[serde(default)]
        litmus: Option<LitmusAnswers>,
    },
    /// A maturity assessment: the template filled in, with its summary.
    Maturity {
        /// The assessment.
        assessment: MaturityAssessment,
    },
    /// A checklist assessment: the template filled in, with its totals by
    /// section and group as formulas.
    Checklist {
        /// The assessment.
        assessment: AuditAssessment,
    },
    /// Two audits compared: totals before and after with the changes as
    /// formulas, a chart of completion by period, and the items that
    /// changed.
    Comparison(ComparisonInput),
    /// Several assessors' audits aggregated: the aggregated audit exported
    /// (it reads back as that audit), and the assessors' scores side by side
    /// with the median, the spread and the disagreements flagged.
    Aggregation(AggregateInput),
}

/// An empty template of `framework` for an assessor to fill in.
///
/// # Errors
/// Only a broken framework built by hand (a validated one always works).
pub fn template(framework: &Framework) -> Result<Vec<u8>, Error> {
    render::render(&template_book(framework)?)
}

/// The template of `framework`, laid out.
fn template_book(framework: &Framework) -> Result<book::Book, Error> {
    match framework {
        Framework::ActionAudit(f) => workbook::audit_book(
            f,
            &AuditAssessment::new(f),
            None,
            &ScoreOptions::default(),
            Kind::Template,
        ),
        Framework::MaturityModel(m) => workbook::maturity_book(m, &empty_maturity(m)),
        Framework::Checklist(c) => workbook::checklist_book(c, &empty_checklist(c)),
    }
}

/// Exports `input` as a workbook, against the bundled framework it names.
///
/// # Errors
/// `unknown-framework`, `wrong-framework-type`, and any error of scoring
/// the input; `text-too-long` for a text beyond Excel's 32,767 characters.
pub fn to_xlsx(input: &ExportInput, options: &ScoreOptions) -> Result<Vec<u8>, Error> {
    let Some(id) = input.framework() else {
        return Err(crate::error::AnalysisError::Empty {
            what: "audits".to_owned(),
        }
        .into());
    };
    to_xlsx_with(crate::api::framework(id)?, input, options)
}

/// Exports `input` as a workbook of `framework`.
///
/// # Errors
/// See [`to_xlsx`].
pub fn to_xlsx_with(
    framework: &Framework,
    input: &ExportInput,
    options: &ScoreOptions,
) -> Result<Vec<u8>, Error> {
    render::render(&export_book(framework, input, options)?)
}

impl From<Assessment> for ExportInput {
    /// A workbook's assessment, to be exported again.
    fn from(read: Assessment) -> Self {
        match read {
            Assessment::ActionAudit { assessment, litmus } => {
                ExportInput::Audit { assessment, litmus }
            }
            Assessment::MaturityModel { assessment } => ExportInput::Maturity { assessment },
            Assessment::Checklist { assessment } => ExportInput::Checklist { assessment },
        }
    }
}

impl ExportInput {
    /// The id of the framework the input names; `None` for an aggregation
    /// of no audits.
    pub fn framework(&self) -> Option<&str> {
        match self {
            ExportInput::Audit { assessment, .. } | ExportInput::Checklist { assessment } => {
                Some(&assessment.framework)
            }
            ExportInput::Maturity { assessment } => Some(&assessment.framework),
            ExportInput::Comparison(input) => Some(&input.before.framework),
            ExportInput::Aggregation(input) => input.audits.first().map(|a| a.framework.as_str()),
        }
    }
}

/// The export of `input`, laid out.
fn export_book(
    framework: &Framework,
    input: &ExportInput,
    options: &ScoreOptions,
) -> Result<book::Book, Error> {
    match input {
        ExportInput::Audit { assessment, litmus } => workbook::audit_book(
            framework.as_audit()?,
            assessment,
            litmus.as_ref(),
            options,
            Kind::Export,
        ),
        ExportInput::Maturity { assessment } => {
            workbook::maturity_book(framework.as_maturity()?, assessment)
        }
        ExportInput::Checklist { assessment } => {
            workbook::checklist_book(framework.as_checklist()?, assessment)
        }
        ExportInput::Comparison(input) => {
            workbook::comparison_book(framework.as_audit()?, input, options)
        }
        ExportInput::Aggregation(input) => {
            workbook::aggregation_book(framework.as_audit()?, input, options)
        }
    }
}

/// Reads a filled workbook (the bytes of an `.xlsx` file) against the
/// bundled framework it names.
///
/// # Errors
/// The limits first (`workbook-too-large`, `too-many-parts`,
/// `workbook-unpacks-too-large`, `too-many-shared-strings`, `xml-too-deep`,
/// `too-many-rows`, `too-many-cells`), then `invalid-workbook`,
/// `missing-sheet`, `missing-field`, `missing-column`, `duplicate-column`,
/// `unknown-framework`, `framework-mismatch`, `version-mismatch`,
/// `invalid-date`, and for the rows `missing-item-id`, `unknown-item` (or
/// `unknown-area`, `unknown-test`, `unknown-question`), `duplicate-entry`,
/// `formula-in-score`, `invalid-score`, `score-out-of-range` (or
/// `stage-out-of-range`), `invalid-answer`, `missing-answer` and
/// `inconsistent-values`: each names the cell, e.g. `` `Audit!F17` ``.
pub fn read_xlsx(bytes: &[u8]) -> Result<Assessment, Error> {
    import::read_workbook(bytes, None)
}

/// Reads a filled workbook against `framework` (a user's framework file,
/// or a bundled one): the workbook must name it and its version.
///
/// # Errors
/// See [`read_xlsx`].
pub fn read_xlsx_with(framework: &Framework, bytes: &[u8]) -> Result<Assessment, Error> {
    import::read_workbook(bytes, Some(framework))
}

/// Reads several filled workbooks, each named (e.g. by its file name) so an
/// error says which one failed, each against the bundled framework it names;
/// on every core, outside WebAssembly.
///
/// # Errors
/// The first error of [`read_xlsx`], inside a `SpreadsheetError::InFile`
/// naming the file (its kind is that of the error inside).
pub fn read_xlsx_files<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<Vec<Assessment>, Error> {
    read_files(files, None)
}

/// Reads several filled workbooks of `framework`, each named.
///
/// # Errors
/// See [`read_xlsx_files`].
pub fn read_xlsx_files_with<'a>(
    framework: &Framework,
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<Vec<Assessment>, Error> {
    read_files(files, Some(framework))
}

fn read_files<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    framework: Option<&Framework>,
) -> Result<Vec<Assessment>, Error> {
    let files: Vec<(&str, &[u8])> = files.into_iter().collect();
    files::read_files(&files, framework)
}

/// A checklist assessment of `checklist` with no item scored.
fn empty_checklist(checklist: &crate::framework::ChecklistFramework) -> AuditAssessment {
    AuditAssessment {
        framework: checklist.id.clone(),
        framework_version: checklist.version.clone(),
        context: crate::assessment::Context::default(),
        scores: std::collections::BTreeMap::new(),
        evidence: std::collections::BTreeMap::new(),
        not_applicable: std::collections::BTreeSet::new(),
    }
}

/// A maturity assessment of `model` with no area assessed.
fn empty_maturity(model: &crate::framework::MaturityModel) -> MaturityAssessment {
    MaturityAssessment {
        framework: model.id.clone(),
        framework_version: model.version.clone(),
        context: crate::assessment::Context::default(),
        stages: std::collections::BTreeMap::new(),
        evidence: std::collections::BTreeMap::new(),
    }
}

#[cfg(test)]
mod parity;
#[cfg(test)]
mod tests;
