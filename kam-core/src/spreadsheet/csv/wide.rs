//! The wide layout: one row per assessment, one column per item.

use std::collections::BTreeMap;

use super::{LEADING, Table, column, date, framework_of, leading};
use crate::analysis::check_same_framework;
use crate::assessment::{AuditAssessment, Context};
use crate::error::{Error, IdKind, SpreadsheetError};
use crate::framework::{AuditFramework, Framework};
use crate::spreadsheet::audit::{answer_of, items_in_path_order};
use crate::spreadsheet::choices::{Answer, Choices};
use crate::spreadsheet::import::bad_score;

/// The header and one row per assessment: every item's score, then the
/// evidence of the items any assessment has evidence for.
pub(super) fn rows(
    assessments: &[AuditAssessment],
    frameworks: &[&AuditFramework],
) -> Result<Vec<Vec<String>>, Error> {
    let refs: Vec<&AuditAssessment> = assessments.iter().collect();
    check_same_framework(&refs, &|i| format!("assessment {}", i + 1))?;
    let Some(framework) = frameworks.first() else {
        let header = LEADING.iter().map(|&t| t.to_owned()).collect();
        return Ok(vec![header]);
    };
    let items = items_in_path_order(framework);
    let with_evidence: Vec<&str> = items
        .iter()
        .map(|(_, item)| item.id.as_str())
        .filter(|id| assessments.iter().any(|a| a.evidence.contains_key(*id)))
        .collect();
    let mut header: Vec<String> = LEADING.iter().map(|&t| t.to_owned()).collect();
    header.extend(items.iter().map(|(_, item)| item.id.clone()));
    header.extend(
        with_evidence
            .iter()
            .map(|id| format!("{id}{}", column::EVIDENCE_SUFFIX)),
    );
    let choices = Choices::audit(framework);
    let mut rows = vec![header];
    for (number, assessment) in assessments.iter().enumerate() {
        let mut row = leading(&(number + 1).to_string(), assessment);
        row.extend(
            items
                .iter()
                .map(|(_, item)| match answer_of(assessment, &item.id) {
                    Answer::Score(s) => s.to_string(),
                    answer => choices.cell_text(answer),
                }),
        );
        row.extend(
            with_evidence
                .iter()
                .map(|id| assessment.evidence.get(*id).cloned().unwrap_or_default()),
        );
        rows.push(row);
    }
    Ok(rows)
}

/// What a column of a wide file holds.
enum Holds<'f> {
    Score(&'f str),
    Evidence(&'f str),
}

/// Reads a wide file: one assessment per non-blank row, all of one
/// framework (the header's item columns are that framework's).
pub(super) fn read(
    table: &Table,
    given: Option<&Framework>,
) -> Result<Vec<AuditAssessment>, Error> {
    table.check_unique_columns()?;
    let rows: Vec<usize> = (0..table.rows.len())
        .filter(|&i| {
            table
                .rows
                .get(i)
                .is_some_and(|r| r.iter().any(|f| !f.trim().is_empty()))
        })
        .collect();
    let Some(&first) = rows.first() else {
        return Ok(Vec::new());
    };
    let framework: &Framework = match given {
        Some(f) => f,
        None => crate::framework::builtin_framework(framework_of(table, first, None)?.id.as_str())?,
    };
    let audit = framework.as_audit()?;
    let columns = item_columns(table, audit)?;
    let choices = Choices::audit(audit);
    rows.iter()
        .map(|&index| {
            framework_of(table, index, Some(framework))?;
            let text = |title: &str| table.text(index, table.column(title)).map(str::to_owned);
            let mut assessment = AuditAssessment::new(audit);
            assessment.context = Context {
                organisation: text(column::ORGANISATION),
                unit: text(column::UNIT),
                assessor: text(column::ASSESSOR),
                date: date(table, index, table.column(column::DATE))?,
            };
            for (&c, holds) in &columns {
                let field = table.field(index, Some(c));
                match holds {
                    Holds::Score(id) => {
                        let answer = choices
                            .read_text(field)
                            .map_err(|bad| bad_score(table.at(index, c), &choices, bad))?;
                        match answer {
                            Answer::Blank => {}
                            Answer::Score(s) => {
                                assessment.scores.insert((*id).to_owned(), s);
                            }
                            Answer::NotApplicable => {
                                assessment.not_applicable.insert((*id).to_owned());
                            }
                        }
                    }
                    Holds::Evidence(id) => {
                        if !field.is_empty() {
                            assessment
                                .evidence
                                .insert((*id).to_owned(), field.to_owned());
                        }
                    }
                }
            }
            assessment.validate(audit)?;
            Ok(assessment)
        })
        .collect()
}

/// Which column holds which item's score or evidence; any other column
/// that is not one of the leading ones is an error.
fn item_columns<'f>(
    table: &Table,
    framework: &'f AuditFramework,
) -> Result<BTreeMap<usize, Holds<'f>>, Error> {
    let mut columns = BTreeMap::new();
    for (c, title) in table.header.iter().enumerate() {
        if title.is_empty() || LEADING.iter().any(|t| t.eq_ignore_ascii_case(title)) {
            continue;
        }
        let item = |id: &str| framework.item(id).map(|i| i.id.as_str());
        let holds = match item(title) {
            Some(id) => Holds::Score(id),
            None => match title.strip_suffix(column::EVIDENCE_SUFFIX).and_then(item) {
                Some(id) => Holds::Evidence(id),
                None => {
                    return Err(SpreadsheetError::UnknownId {
                        at: format!("column {} of the CSV header", c + 1),
                        what: IdKind::Item,
                        id: title.clone(),
                        framework: framework.id.clone(),
                    }
                    .into());
                }
            },
        };
        columns.insert(c, holds);
    }
    Ok(columns)
}
