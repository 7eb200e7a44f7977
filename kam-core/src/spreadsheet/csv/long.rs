//! The long layout: one row per item of each assessment.

use std::collections::BTreeMap;

use super::{LEADING, Table, column, date, framework_of, leading};
use crate::assessment::{AuditAssessment, Context};
use crate::error::{Error, IdKind, SpreadsheetError};
use crate::framework::{AuditFramework, Framework};
use crate::spreadsheet::audit::{answer_of, items_in_path_order};
use crate::spreadsheet::choices::{Answer, Choices};
use crate::spreadsheet::import::bad_score;

/// The header and one row per item of each assessment, in path order; the
/// `assessment` column numbers the assessments from 1.
pub(super) fn rows(
    assessments: &[AuditAssessment],
    frameworks: &[&AuditFramework],
) -> Vec<Vec<String>> {
    let mut header: Vec<String> = LEADING.iter().map(|&t| t.to_owned()).collect();
    header.extend([column::ITEM, column::SCORE, column::EVIDENCE].map(str::to_owned));
    let mut rows = vec![header];
    for (number, (assessment, framework)) in assessments.iter().zip(frameworks).enumerate() {
        let label = (number + 1).to_string();
        let choices = Choices::audit(framework);
        for (_, item) in items_in_path_order(framework) {
            let mut row = leading(&label, assessment);
            let score = match answer_of(assessment, &item.id) {
                Answer::Score(s) => s.to_string(),
                answer => choices.cell_text(answer),
            };
            row.extend([
                item.id.clone(),
                score,
                assessment
                    .evidence
                    .get(&item.id)
                    .cloned()
                    .unwrap_or_default(),
            ]);
            rows.push(row);
        }
    }
    rows
}

/// Reads a long file: rows grouped into assessments by their `assessment`
/// label (all one assessment without that column), in order of first
/// appearance.
pub(super) fn read(
    table: &Table,
    given: Option<&Framework>,
) -> Result<Vec<AuditAssessment>, Error> {
    table.check_unique_columns()?;
    let score = table
        .column(column::SCORE)
        .ok_or_else(|| SpreadsheetError::MissingColumn {
            at: "the CSV header".to_owned(),
            column: column::SCORE.to_owned(),
        })?;
    let label = table.column(column::ASSESSMENT);
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for index in 0..table.rows.len() {
        if table
            .rows
            .get(index)
            .is_none_or(|r| r.iter().all(|f| f.trim().is_empty()))
        {
            continue;
        }
        let name = table.trimmed(index, label).unwrap_or_default();
        match groups.iter_mut().find(|(n, _)| *n == name) {
            Some((_, rows)) => rows.push(index),
            None => groups.push((name, vec![index])),
        }
    }
    groups
        .iter()
        .map(|(name, rows)| assessment(table, given, name, rows, score))
        .collect()
}

/// One assessment from its rows.
fn assessment(
    table: &Table,
    given: Option<&Framework>,
    name: &str,
    rows: &[usize],
    score: usize,
) -> Result<AuditAssessment, Error> {
    let group = if name.is_empty() {
        "assessment".to_owned()
    } else {
        format!("assessment `{name}`")
    };
    let framework_column = table.column(column::FRAMEWORK);
    // The framework as the first row naming one names it; every row that
    // names one must name the same.
    let first = rows
        .iter()
        .copied()
        .find(|&i| table.trimmed(i, framework_column).is_some())
        .or(rows.first().copied())
        .unwrap_or(0);
    let framework = framework_of(table, first, given)?;
    for &index in rows {
        if table.trimmed(index, framework_column).is_some() {
            let this = framework_of(table, index, given)?;
            if this.id != framework.id || this.version != framework.version {
                return Err(SpreadsheetError::FrameworkMismatch {
                    at: table.at(index, framework_column.unwrap_or(0)),
                    expected: framework.id.clone(),
                    found: this.id.clone(),
                }
                .into());
            }
        }
    }
    let mut assessment = AuditAssessment::new(framework);
    assessment.context = context(table, rows, &group)?;
    let choices = Choices::audit(framework);
    let (item, evidence) = (table.column(column::ITEM), table.column(column::EVIDENCE));
    let mut first_at: BTreeMap<String, String> = BTreeMap::new();
    for &index in rows {
        let raw = table.raw(index, Some(score));
        let note = table.raw(index, evidence).text();
        let Some(id) = table.trimmed(index, item) else {
            if choices.read(&raw) != Ok(Answer::Blank) || note.is_some() {
                return Err(SpreadsheetError::MissingId {
                    at: table.at(index, item.unwrap_or(0)),
                }
                .into());
            }
            continue;
        };
        let at = table.at(index, item.unwrap_or(0));
        if framework.item(&id).is_none() {
            return Err(SpreadsheetError::UnknownId {
                at,
                what: IdKind::Item,
                id,
                framework: framework.id.clone(),
            }
            .into());
        }
        if let Some(first) = first_at.insert(id.clone(), at.clone()) {
            return Err(SpreadsheetError::DuplicateId {
                at,
                what: IdKind::Item,
                id,
                first,
            }
            .into());
        }
        match choices
            .read(&raw)
            .map_err(|bad| bad_score(table.at(index, score), &choices, bad))?
        {
            Answer::Blank => {}
            Answer::Score(value) => {
                assessment.scores.insert(id.clone(), value);
            }
            Answer::NotApplicable => {
                assessment.not_applicable.insert(id.clone());
            }
        }
        if let Some(note) = note {
            assessment.evidence.insert(id, note);
        }
    }
    assessment.validate(framework)?;
    Ok(assessment)
}

/// The context of an assessment: each field from the rows that give it,
/// which must agree.
fn context(table: &Table, rows: &[usize], group: &str) -> Result<Context, Error> {
    let field = |title: &str| -> Result<Option<(String, usize)>, Error> {
        let column = table.column(title);
        let mut kept: Option<(String, usize)> = None;
        for &index in rows {
            let Some(value) = table.raw(index, column).text() else {
                continue;
            };
            match &kept {
                None => kept = Some((value, index)),
                Some((first, first_index)) if *first != value => {
                    let column = column.unwrap_or(0);
                    return Err(SpreadsheetError::Inconsistent {
                        at: table.at(index, column),
                        value,
                        first: table.at(*first_index, column),
                        other: first.clone(),
                        group: group.to_owned(),
                    }
                    .into());
                }
                Some(_) => {}
            }
        }
        Ok(kept)
    };
    let text = |title: &str| field(title).map(|kept| kept.map(|(value, _)| value));
    let date = match field(column::DATE)? {
        Some((_, index)) => date(table, index, table.column(column::DATE))?,
        None => None,
    };
    Ok(Context {
        organisation: text(column::ORGANISATION)?,
        unit: text(column::UNIT)?,
        assessor: text(column::ASSESSOR)?,
        date,
    })
}
