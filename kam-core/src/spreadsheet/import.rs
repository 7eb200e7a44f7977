//! Reading a filled workbook back into an assessment: which framework and
//! version it is, the context cells, and the answer rows, found by their
//! header titles so that re-sorted rows and extra columns do not matter.

use std::collections::{BTreeMap, BTreeSet};

use super::choices::{Answer, BadScore, Choices, Raw};
use super::instructions::{self, label};
use super::read::{Grid, Workbook};
use super::{Assessment, audit, checklist, litmus, maturity};
use crate::assessment::{AuditAssessment, Context, is_calendar_date};
use crate::checklist::ChecklistOptions;
use crate::error::{Error, IdKind, SpreadsheetError};
use crate::framework::{AuditFramework, ChecklistFramework, Framework, MaturityModel};
use crate::maturity::MaturityAssessment;

/// Reads a filled workbook against `framework`, or against the bundled
/// framework it names.
///
/// # Errors
/// Every error of [`super::read_xlsx`].
pub(crate) fn read_workbook(
    bytes: &[u8],
    framework: Option<&Framework>,
) -> Result<Assessment, Error> {
    let mut book = Workbook::open(bytes)?;
    let front = book.grid(instructions::SHEET)?;
    let (id, id_at) = field(&front, label::FRAMEWORK_ID)?;
    let (version, version_at) = field(&front, label::FRAMEWORK_VERSION)?;
    let framework = match framework {
        Some(f) => f,
        None => crate::framework::builtin_framework(&id)?,
    };
    if id != framework.id() {
        return Err(SpreadsheetError::FrameworkMismatch {
            at: id_at,
            expected: framework.id().to_owned(),
            found: id,
        }
        .into());
    }
    if version != framework.version() {
        return Err(SpreadsheetError::VersionMismatch {
            at: version_at,
            framework: id,
            expected: framework.version().to_owned(),
            found: version,
        }
        .into());
    }
    let context = context(&front)?;
    match framework {
        Framework::ActionAudit(f) => {
            let assessment = read_audit(f, &book.grid(audit::SHEET)?, context.clone())?;
            let litmus = match book.find_sheet(litmus::SHEET) {
                Some(_) if !f.litmus_tests.is_empty() => {
                    super::import_litmus::read_litmus(f, &book.grid(litmus::SHEET)?, context)?
                }
                _ => None,
            };
            Ok(Assessment::ActionAudit { assessment, litmus })
        }
        Framework::MaturityModel(m) => Ok(Assessment::MaturityModel {
            assessment: read_maturity(m, &book.grid(maturity::SHEET)?, context)?,
        }),
        Framework::Checklist(c) => Ok(Assessment::Checklist {
            assessment: read_checklist(c, &book.grid(checklist::SHEET)?, context)?,
        }),
    }
}

/// The trimmed value beside a label of the Instructions sheet, and its cell.
fn field(grid: &Grid, label: &str) -> Result<(String, String), Error> {
    let missing = || SpreadsheetError::MissingField {
        at: format!("sheet `{}`", grid.sheet),
        field: label.to_owned(),
    };
    let row = grid.labelled(label).ok_or_else(missing)?;
    let value = grid.trimmed(row, 1)?.ok_or_else(missing)?;
    Ok((value, grid.at(row, 1)))
}

/// The context cells; a label that is gone or a cell left blank is unset.
fn context(grid: &Grid) -> Result<Context, Error> {
    let text = |label: &str| match grid.labelled(label) {
        Some(row) => grid.text(row, 1),
        None => Ok(None),
    };
    let date = match grid.labelled(label::DATE) {
        None => None,
        Some(row) => date(grid, row)?,
    };
    Ok(Context {
        organisation: text(label::ORGANISATION)?,
        unit: text(label::UNIT)?,
        assessor: text(label::ASSESSOR)?,
        date,
    })
}

/// The date cell: an Excel date, or text written `YYYY-MM-DD`.
fn date(grid: &Grid, row: u32) -> Result<Option<String>, Error> {
    let raw = grid.raw(row, 1);
    let text = match raw {
        Raw::Empty => return Ok(None),
        Raw::Date(date) => date.clone(),
        Raw::Text(text) if text.trim().is_empty() => return Ok(None),
        Raw::Text(text) => text.trim().to_owned(),
        _ => String::new(),
    };
    if is_calendar_date(&text) {
        Ok(Some(text))
    } else {
        Err(SpreadsheetError::InvalidDate {
            at: grid.at(row, 1),
            value: raw.describe(),
        }
        .into())
    }
}

/// Scores (or stages), "not applicable" marks and evidence by id.
#[derive(Default)]
struct Answers {
    values: BTreeMap<String, u8>,
    not_applicable: BTreeSet<String>,
    evidence: BTreeMap<String, String>,
}

impl Answers {
    /// The answers as an assessment (audit or checklist) of framework `id`
    /// at `version`.
    fn into_assessment(self, id: &str, version: &str, context: Context) -> AuditAssessment {
        AuditAssessment {
            framework: id.to_owned(),
            framework_version: version.to_owned(),
            context,
            scores: self.values,
            evidence: self.evidence,
            not_applicable: self.not_applicable,
        }
    }
}

/// What an answer sheet is: its titles, what its ids name, which exist.
struct Layout<'a> {
    id: &'a str,
    answer: &'a str,
    evidence: &'a str,
    what: IdKind,
    framework: &'a str,
    known: BTreeSet<&'a str>,
}

/// Reads the answer rows of a sheet: one id per row, each known and given
/// once, an answer on the scale and optional evidence.
fn read_answers(grid: &Grid, layout: &Layout, choices: &Choices) -> Result<Answers, Error> {
    let header = grid.header(&[layout.id, layout.answer], &[layout.evidence])?;
    let column = |i: usize| header.columns.get(i).copied().flatten();
    let (Some(id_column), Some(answer_column)) = (column(0), column(1)) else {
        return Ok(Answers::default());
    };
    let evidence_column = column(2);
    let mut answers = Answers::default();
    let mut first_at: BTreeMap<String, String> = BTreeMap::new();
    for row in grid.rows().filter(|&r| r > header.row) {
        let id = grid.trimmed(row, id_column)?;
        let raw = grid.raw(row, answer_column);
        let formula = grid.formula(row, answer_column);
        let evidence = match evidence_column {
            Some(c) => grid.text(row, c)?,
            None => None,
        };
        let Some(id) = id else {
            if formula.is_some() || choices.read(raw) != Ok(Answer::Blank) || evidence.is_some() {
                return Err(SpreadsheetError::MissingId {
                    at: grid.at(row, id_column),
                }
                .into());
            }
            continue;
        };
        let id_at = grid.at(row, id_column);
        if !layout.known.contains(id.as_str()) {
            return Err(SpreadsheetError::UnknownId {
                at: id_at,
                what: layout.what,
                id,
                framework: layout.framework.to_owned(),
            }
            .into());
        }
        if let Some(first) = first_at.get(&id) {
            return Err(SpreadsheetError::DuplicateId {
                at: id_at,
                what: layout.what,
                id,
                first: first.clone(),
            }
            .into());
        }
        first_at.insert(id.clone(), id_at);
        let answer_at = grid.at(row, answer_column);
        if let Some(formula) = formula {
            return Err(SpreadsheetError::FormulaInScore {
                at: answer_at,
                formula: format!("={formula}"),
                what: choices.what,
            }
            .into());
        }
        match choices
            .read(raw)
            .map_err(|bad| bad_score(answer_at, choices, bad))?
        {
            Answer::Blank => {}
            Answer::Score(value) => {
                answers.values.insert(id.clone(), value);
            }
            Answer::NotApplicable => {
                answers.not_applicable.insert(id.clone());
            }
        }
        if let Some(evidence) = evidence {
            answers.evidence.insert(id, evidence);
        }
    }
    Ok(answers)
}

/// A cell that is not a score, as an error naming it.
pub(crate) fn bad_score(at: String, choices: &Choices, bad: BadScore) -> Error {
    match bad {
        BadScore::NotAScore(value) => SpreadsheetError::InvalidScore {
            at,
            value,
            what: choices.what,
            expected: choices.expected(),
        },
        BadScore::OutOfRange(value) if choices.what == "stage" => {
            SpreadsheetError::StageOutOfRange {
                at,
                value,
                max: choices.max,
            }
        }
        BadScore::OutOfRange(value) => SpreadsheetError::ScoreOutOfRange {
            at,
            value,
            min: choices.min,
            max: choices.max,
        },
    }
    .into()
}

/// The Audit sheet as an assessment.
fn read_audit(
    framework: &AuditFramework,
    grid: &Grid,
    context: Context,
) -> Result<AuditAssessment, Error> {
    let layout = Layout {
        id: audit::header::ID,
        answer: audit::header::SCORE,
        evidence: audit::header::EVIDENCE,
        what: IdKind::Item,
        framework: &framework.id,
        known: framework.items.iter().map(|i| i.id.as_str()).collect(),
    };
    let answers = read_answers(grid, &layout, &Choices::audit(framework))?;
    let assessment = answers.into_assessment(&framework.id, &framework.version, context);
    assessment.validate(framework)?;
    Ok(assessment)
}

/// The Checklist sheet as an assessment.
fn read_checklist(
    framework: &ChecklistFramework,
    grid: &Grid,
    context: Context,
) -> Result<AuditAssessment, Error> {
    let layout = Layout {
        id: checklist::header::ID,
        answer: checklist::header::SCORE,
        evidence: checklist::header::EVIDENCE,
        what: IdKind::Item,
        framework: &framework.id,
        known: framework.items().map(|(_, i)| i.id.as_str()).collect(),
    };
    let answers = read_answers(grid, &layout, &Choices::checklist(framework))?;
    let assessment = answers.into_assessment(&framework.id, &framework.version, context);
    crate::checklist::score_checklist(framework, &assessment, &ChecklistOptions::default())?;
    Ok(assessment)
}

/// The Maturity sheet as an assessment.
fn read_maturity(
    model: &MaturityModel,
    grid: &Grid,
    context: Context,
) -> Result<MaturityAssessment, Error> {
    let layout = Layout {
        id: maturity::header::ID,
        answer: maturity::header::STAGE,
        evidence: maturity::header::EVIDENCE,
        what: IdKind::Area,
        framework: &model.id,
        known: model.areas.iter().map(|a| a.id.as_str()).collect(),
    };
    let answers = read_answers(grid, &layout, &Choices::maturity(model))?;
    let assessment = MaturityAssessment {
        framework: model.id.clone(),
        framework_version: model.version.clone(),
        context,
        stages: answers.values,
        evidence: answers.evidence,
    };
    assessment.validate(model)?;
    Ok(assessment)
}
