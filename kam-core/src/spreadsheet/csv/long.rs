//! The long layout: one row per item of each assessment.

use std::collections::{BTreeMap, BTreeSet};

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
    let mut group_of: BTreeMap<String, usize> = BTreeMap::new();
    for index in 0..table.rows.len() {
        if table
            .rows
            .get(index)
            .is_none_or(|r| r.iter().all(|f| f.trim().is_empty()))
        {
            continue;
        }
        let name = table.trimmed(index, label).unwrap_or_default().to_owned();
        if let Some((_, rows)) = group_of.get(&name).and_then(|&g| groups.get_mut(g)) {
            rows.push(index);
        } else {
            group_of.insert(name.clone(), groups.len());
            groups.push((name, vec![index]));
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
    let version_column = table.column(column::VERSION);
    let named = |i: usize| {
        (
            table.trimmed(i, framework_column),
            table.trimmed(i, version_column),
        )
    };
    let first_named = named(first);
    for &index in rows {
        // A row naming what the first row names needs no second look.
        let this = named(index);
        if this.0.is_some() && this != first_named {
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
    let item_at = |index: usize| table.at(index, item.unwrap_or(0));
    let known: BTreeSet<&str> = framework.items.iter().map(|i| i.id.as_str()).collect();
    let mut first_row: BTreeMap<&str, usize> = BTreeMap::new();
    for &index in rows {
        let answer = choices
            .read_text(table.field(index, Some(score)))
            .map_err(|bad| bad_score(table.at(index, score), &choices, bad))?;
        let note = table.text(index, evidence);
        let Some(id) = table.trimmed(index, item) else {
            if answer != Answer::Blank || note.is_some() {
                return Err(SpreadsheetError::MissingId { at: item_at(index) }.into());
            }
            continue;
        };
        if !known.contains(id) {
            return Err(SpreadsheetError::UnknownId {
                at: item_at(index),
                what: IdKind::Item,
                id: id.to_owned(),
                framework: framework.id.clone(),
            }
            .into());
        }
        if let Some(first) = first_row.insert(id, index) {
            return Err(SpreadsheetError::DuplicateId {
                at: item_at(index),
                what: IdKind::Item,
                id: id.to_owned(),
                first: item_at(first),
            }
            .into());
        }
        match answer {
            Answer::Blank => {}
            Answer::Score(value) => {
                assessment.scores.insert(id.to_owned(), value);
            }
            Answer::NotApplicable => {
                assessment.not_applicable.insert(id.to_owned());
            }
        }
        if let Some(note) = note {
            assessment.evidence.insert(id.to_owned(), note.to_owned());
        }
    }
    assessment.validate(framework)?;
    Ok(assessment)
}

/// The context of an assessment: each field from the rows that give it,
/// which must agree.
fn context(table: &Table, rows: &[usize], group: &str) -> Result<Context, Error> {
    let field = |title: &str| -> Result<Option<(&str, usize)>, Error> {
        let column = table.column(title);
        let mut kept: Option<(&str, usize)> = None;
        for &index in rows {
            let Some(value) = table.text(index, column) else {
                continue;
            };
            match kept {
                None => kept = Some((value, index)),
                Some((first, first_index)) if first != value => {
                    let column = column.unwrap_or(0);
                    return Err(SpreadsheetError::Inconsistent {
                        at: table.at(index, column),
                        value: value.to_owned(),
                        first: table.at(first_index, column),
                        other: first.to_owned(),
                        group: group.to_owned(),
                    }
                    .into());
                }
                Some(_) => {}
            }
        }
        Ok(kept)
    };
    let text = |title: &str| field(title).map(|kept| kept.map(|(value, _)| value.to_owned()));
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
