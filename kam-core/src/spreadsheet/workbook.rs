//! Whole workbooks, sheet by sheet: a template is a workbook of an empty
//! assessment; an export is the same workbook filled in, with a report.
//!
//! A new kind of framework (a checklist, say) is one more function here:
//! the shared Instructions sheet ([`instructions`], given the framework's
//! `About`, the steps and its `Choices`), one more sheet builder laying out
//! its rows under a header row (as `audit_sheet` or `maturity_sheet` do),
//! and, for reading back, one more `Layout` of header titles in
//! `import.rs`, whose `read_answers` reads any such sheet.

use super::aggregation::assessors_sheet;
use super::audit::audit_sheet;
use super::book::Book;
use super::checklist::{checklist_sheet, checklist_totals_sheet};
use super::choices::{Choices, NOT_APPLICABLE};
use super::comparison::{comparison_sheet, items_sheet};
use super::instructions::{About, instructions};
use super::litmus::litmus_sheet;
use super::maturity::{maturity_sheet, summary_sheet};
use super::report::report_sheet;
use super::totals::totals_sheet;
use crate::analysis::{AggregateInput, ComparisonInput};
use crate::assessment::AuditAssessment;
use crate::checklist::{ChecklistOptions, score_checklist};
use crate::error::Error;
use crate::framework::{AuditFramework, ChecklistFramework, MaturityModel};
use crate::litmus::{LitmusAnswers, score_litmus};
use crate::maturity::{MaturityAssessment, MaturityOptions, score_maturity};
use crate::scoring::{ScoreOptions, score_audit};

/// Whether a workbook carries a Report sheet (an export) or not (a template).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Template,
    Export,
}

/// An action audit's workbook: Instructions, Audit, Totals, Litmus (when
/// the framework has litmus tests) and, for an export, Report.
///
/// # Errors
/// Any error of scoring the assessment or judging the litmus answers: a
/// workbook only ever holds what kam accepts.
pub(crate) fn audit_book(
    framework: &AuditFramework,
    assessment: &AuditAssessment,
    litmus: Option<&LitmusAnswers>,
    options: &ScoreOptions,
    kind: Kind,
) -> Result<Book, Error> {
    let report = score_audit(framework, assessment, options)?;
    let litmus_report = litmus.map(|a| score_litmus(framework, a)).transpose()?;
    let choices = Choices::audit(framework);
    let front = instructions(
        &About::from(framework),
        &assessment.context,
        &audit_steps(framework),
        &choices,
    );
    let entries = front.entries;
    let mut sheets = vec![
        front.sheet,
        audit_sheet(framework, &choices, &entries, Some(assessment)),
        totals_sheet(framework, assessment, &report),
    ];
    if !framework.litmus_tests.is_empty() {
        sheets.push(litmus_sheet(framework, litmus));
    }
    if kind == Kind::Export {
        sheets.push(report_sheet(&report, litmus_report.as_ref()));
    }
    Ok(Book { sheets })
}

/// How to fill in an action audit, in kam's words.
fn audit_steps(framework: &AuditFramework) -> Vec<String> {
    let mut steps = vec![
        "Fill in the organisation, unit, assessor and date above.".to_owned(),
        "On the Audit sheet, choose a score for each item from the dropdown in the Score \
         column; the scale is at the foot of this sheet. Leave an item blank if it has not \
         been assessed: kam counts it as unscored (0 points)."
            .to_owned(),
        "Note what supports each score in the Evidence column (optional).".to_owned(),
        "The Totals sheet adds the scores up by phase, period and stream as you go, and draws \
         Figure 3 (completion by period)."
            .to_owned(),
    ];
    if framework.not_applicable.allowed {
        steps.push(format!(
            "This framework allows an item to be marked not applicable: choose `{NOT_APPLICABLE}`; \
             it is then left out of every maximum."
        ));
    }
    if !framework.litmus_tests.is_empty() {
        steps.push(
            "On the Litmus sheet, answer each question Yes or No. A test repeated per customer \
             has several answer sets: name the customer under About, and leave unused sets blank."
                .to_owned(),
        );
    }
    steps.push(
        "Send the workbook back as it is. kam reads the Id, Score and Evidence columns and the \
         cells above, and checks the framework id and version: do not change ids. kam finds each \
         item by its id, so the order of the rows does not matter, and columns or sheets you add \
         are left alone."
            .to_owned(),
    );
    steps
}

/// A comparison's workbook: Comparison (totals before and after, the
/// changes as formulas, a chart) and Items (what changed).
///
/// # Errors
/// Any error of comparing the audits.
pub(crate) fn comparison_book(
    framework: &AuditFramework,
    input: &ComparisonInput,
    options: &ScoreOptions,
) -> Result<Book, Error> {
    let comparison = crate::analysis::compare::compare(framework, input, options)?;
    Ok(Book {
        sheets: vec![
            comparison_sheet(&comparison),
            items_sheet(&comparison, &Choices::audit(framework)),
        ],
    })
}

/// An aggregation's workbook: the aggregated audit exported like any
/// other (so it reads back as that audit), and the Assessors sheet.
///
/// # Errors
/// Any error of aggregating the audits.
pub(crate) fn aggregation_book(
    framework: &AuditFramework,
    input: &AggregateInput,
    options: &ScoreOptions,
) -> Result<Book, Error> {
    let aggregation = crate::analysis::aggregate::aggregate(framework, input, options)?;
    let mut book = audit_book(
        framework,
        &aggregation.assessment,
        None,
        options,
        Kind::Export,
    )?;
    book.sheets
        .push(assessors_sheet(framework, input, &aggregation));
    Ok(book)
}

/// A checklist's workbook: Instructions, Checklist and Totals (overall,
/// per section and per group, as formulas). A template and an export are
/// the same workbook, blank or filled in.
///
/// # Errors
/// Any error of scoring the assessment against the checklist.
pub(crate) fn checklist_book(
    framework: &ChecklistFramework,
    assessment: &AuditAssessment,
) -> Result<Book, Error> {
    let report = score_checklist(framework, assessment, &ChecklistOptions::default())?;
    let choices = Choices::checklist(framework);
    let mut steps = vec![
        "Fill in the organisation, unit, assessor and date above.".to_owned(),
        "On the Checklist sheet, choose a score for each item from the dropdown in the Score \
         column; the scale is at the foot of this sheet. Leave an item blank if it has not \
         been assessed: kam counts it as unscored (0 points)."
            .to_owned(),
        "Note what supports each score in the Evidence column (optional).".to_owned(),
        "The Totals sheet adds the scores up overall, by section and by group as you go."
            .to_owned(),
    ];
    if framework.not_applicable.allowed {
        steps.push(format!(
            "This checklist allows an item to be marked not applicable: choose `{NOT_APPLICABLE}`; \
             it is then left out of every maximum."
        ));
    }
    steps.push(
        "Send the workbook back as it is. kam reads the Id, Score and Evidence columns and the \
         cells above, and checks the framework id and version: do not change ids. kam finds each \
         item by its id, so the order of the rows does not matter."
            .to_owned(),
    );
    let front = instructions(
        &About::from(framework),
        &assessment.context,
        &steps,
        &choices,
    );
    let entries = front.entries;
    Ok(Book {
        sheets: vec![
            front.sheet,
            checklist_sheet(framework, &choices, &entries, assessment),
            checklist_totals_sheet(framework, assessment, &report),
        ],
    })
}

/// A maturity model's workbook: Instructions, Maturity, Summary.
///
/// # Errors
/// Any error of reading the assessment against the model.
pub(crate) fn maturity_book(
    model: &MaturityModel,
    assessment: &MaturityAssessment,
) -> Result<Book, Error> {
    let report = score_maturity(model, assessment, &MaturityOptions::default())?;
    let choices = Choices::maturity(model);
    let steps = vec![
        "Fill in the organisation, unit, assessor and date above.".to_owned(),
        "On the Maturity sheet, read each programme area's descriptors from left to right and \
         choose, in the Stage column, the stage that describes the area today. Leave an area \
         blank if it has not been assessed."
            .to_owned(),
        "Note what supports each stage in the Evidence column (optional).".to_owned(),
        "The Summary sheet shows the weakest link (the lowest stage: a programme is only as \
         mature as its weakest area) and the mean stage as you go."
            .to_owned(),
        "Send the workbook back as it is. kam reads the Id, Stage and Evidence columns and the \
         cells above, and checks the framework id and version: do not change ids."
            .to_owned(),
    ];
    let front = instructions(&About::from(model), &assessment.context, &steps, &choices);
    let entries = front.entries;
    Ok(Book {
        sheets: vec![
            front.sheet,
            maturity_sheet(model, &choices, &entries, Some(assessment)),
            summary_sheet(model, &report),
        ],
    })
}
