//! Reading the Litmus sheet back: rows grouped into answer sets by test and
//! set number, answer sets into responses by test and respondent, in the
//! order they first appear.

use std::collections::BTreeMap;

use super::choices::Raw;
use super::litmus::{NO, YES, header};
use super::read::Grid;
use crate::assessment::Context;
use crate::error::{Error, IdKind, LitmusError, SpreadsheetError};
use crate::framework::{AuditFramework, LitmusTest};
use crate::litmus::{AnswerSet, LitmusAnswers, LitmusResponse};

/// One row of the sheet.
struct Line {
    row: u32,
    question: String,
    answer: Option<bool>,
}

/// The rows of one answer set, with who answered and about what.
struct Set<'f> {
    test: &'f LitmusTest,
    number: String,
    /// The first non-blank respondent and about, with their cells.
    respondent: Option<(String, String)>,
    about: Option<(String, String)>,
    lines: Vec<Line>,
}

/// Reads the answer sets that were filled in; `None` when none was.
///
/// # Errors
/// `missing-column`, `unknown-test`, `unknown-question`, `duplicate-entry`,
/// `invalid-answer`, `missing-answer`, `inconsistent-values` and
/// `missing-item-id`, each naming the cell.
pub(crate) fn read_litmus(
    framework: &AuditFramework,
    grid: &Grid,
    context: Context,
) -> Result<Option<LitmusAnswers>, Error> {
    let header = grid.header(
        &[header::TEST, header::QUESTION, header::ANSWER],
        &[header::SET, header::RESPONDENT, header::ABOUT],
    )?;
    let column = |i: usize| header.columns.get(i).copied().flatten();
    let (Some(test_c), Some(question_c), Some(answer_c)) = (column(0), column(1), column(2)) else {
        return Ok(None);
    };
    let (set_c, respondent_c, about_c) = (column(3), column(4), column(5));
    let mut sets: Vec<Set> = Vec::new();
    for row in grid.rows().filter(|&r| r > header.row) {
        let test_id = grid.trimmed(row, test_c)?;
        let question = grid.trimmed(row, question_c)?;
        let answer = answer_of(grid, row, answer_c)?;
        let (Some(test_id), Some(question)) = (test_id.clone(), question) else {
            if test_id.is_some() || answer.is_some() {
                let at = if test_id.is_some() {
                    question_c
                } else {
                    test_c
                };
                return Err(SpreadsheetError::MissingId {
                    at: grid.at(row, at),
                }
                .into());
            }
            continue;
        };
        let test = find_test(framework, grid, row, test_c, &test_id)?;
        if !test.questions.iter().any(|q| q.id == question) {
            return Err(SpreadsheetError::UnknownId {
                at: grid.at(row, question_c),
                what: IdKind::Question,
                id: question,
                framework: framework.id.clone(),
            }
            .into());
        }
        let number = match set_c {
            Some(c) => grid.trimmed(row, c)?,
            None => None,
        }
        .unwrap_or_else(|| "1".to_owned());
        let index = sets
            .iter()
            .position(|s| s.test.id == test.id && s.number == number)
            .unwrap_or_else(|| {
                sets.push(Set {
                    test,
                    number,
                    respondent: None,
                    about: None,
                    lines: Vec::new(),
                });
                sets.len() - 1
            });
        let Some(set) = sets.get_mut(index) else {
            continue;
        };
        if let Some(first) = set.lines.iter().find(|l| l.question == question) {
            return Err(SpreadsheetError::DuplicateId {
                at: grid.at(row, question_c),
                what: IdKind::Question,
                id: question,
                first: grid.at(first.row, question_c),
            }
            .into());
        }
        agree(grid, row, respondent_c, &mut set.respondent)?;
        agree(grid, row, about_c, &mut set.about)?;
        set.lines.push(Line {
            row,
            question,
            answer,
        });
    }
    responses(grid, answer_c, sets).map(|responses| {
        (!responses.is_empty()).then(|| LitmusAnswers {
            framework: framework.id.clone(),
            framework_version: framework.version.clone(),
            context,
            responses,
        })
    })
}

/// A yes or no answer, or `None` for a blank cell.
fn answer_of(grid: &Grid, row: u32, column: u32) -> Result<Option<bool>, Error> {
    let raw = grid.raw(row, column);
    match raw {
        Raw::Empty => Ok(None),
        Raw::Bool(b) => Ok(Some(*b)),
        Raw::Text(text) if text.trim().is_empty() => Ok(None),
        Raw::Text(text) if text.trim().eq_ignore_ascii_case(YES) => Ok(Some(true)),
        Raw::Text(text) if text.trim().eq_ignore_ascii_case(NO) => Ok(Some(false)),
        _ => Err(SpreadsheetError::InvalidAnswer {
            at: grid.at(row, column),
            value: raw.describe(),
        }
        .into()),
    }
}

fn find_test<'f>(
    framework: &'f AuditFramework,
    grid: &Grid,
    row: u32,
    column: u32,
    id: &str,
) -> Result<&'f LitmusTest, Error> {
    framework
        .litmus_tests
        .iter()
        .find(|t| t.id == id)
        .ok_or_else(|| {
            SpreadsheetError::UnknownId {
                at: grid.at(row, column),
                what: IdKind::Test,
                id: id.to_owned(),
                framework: framework.id.clone(),
            }
            .into()
        })
}

/// Keeps the first non-blank value of a column across a set's rows; a
/// different one later is an error.
fn agree(
    grid: &Grid,
    row: u32,
    column: Option<u32>,
    kept: &mut Option<(String, String)>,
) -> Result<(), Error> {
    let Some(column) = column else { return Ok(()) };
    let Some(value) = grid.text(row, column)? else {
        return Ok(());
    };
    match kept {
        None => *kept = Some((value, grid.at(row, column))),
        Some((first, first_at)) if *first != value => {
            return Err(SpreadsheetError::Inconsistent {
                at: grid.at(row, column),
                value,
                first: first_at.clone(),
                other: first.clone(),
                group: "answer set".to_owned(),
            }
            .into());
        }
        Some(_) => {}
    }
    Ok(())
}

/// The answered sets as responses: sets grouped by test and respondent.
fn responses(grid: &Grid, answer_c: u32, sets: Vec<Set>) -> Result<Vec<LitmusResponse>, Error> {
    let mut responses: Vec<LitmusResponse> = Vec::new();
    for set in sets {
        if set.lines.iter().all(|l| l.answer.is_none()) {
            continue;
        }
        if let Some(blank) = set.lines.iter().find(|l| l.answer.is_none()) {
            return Err(SpreadsheetError::MissingAnswer {
                at: grid.at(blank.row, answer_c),
            }
            .into());
        }
        let answers: BTreeMap<String, bool> = set
            .lines
            .iter()
            .filter_map(|l| Some((l.question.clone(), l.answer?)))
            .collect();
        if let Some(question) = set
            .test
            .questions
            .iter()
            .find(|q| !answers.contains_key(&q.id))
        {
            return Err(LitmusError::MissingAnswer {
                test: set.test.id.clone(),
                question: question.id.clone(),
                context: format!(
                    " (its row is missing from set {} of sheet `{}`)",
                    set.number, grid.sheet
                ),
                // The place is a sheet, named in the message: no pointer.
                path: String::new(),
            }
            .into());
        }
        let respondent = set.respondent.map(|(value, _)| value);
        let answer_set = AnswerSet {
            about: set.about.map(|(value, _)| value),
            answers,
        };
        match responses
            .iter_mut()
            .find(|r| r.test == set.test.id && r.respondent == respondent)
        {
            Some(response) => response.answer_sets.push(answer_set),
            None => responses.push(LitmusResponse {
                test: set.test.id.clone(),
                respondent,
                answer_sets: vec![answer_set],
            }),
        }
    }
    Ok(responses)
}
