//! The Audit sheet of an action-audit workbook: one row per item, in
//! development-path order, under a header row, with the score and evidence
//! cells the assessor fills in and each item's points as a live formula.

use super::book::{Cached, Highlight, Rule, Sheet, Style, Validation};
use super::cell::Area;
use super::choices::{Answer, Choices};
use crate::assessment::AuditAssessment;
use crate::framework::{AuditFramework, Item};
use crate::scoring::ScoreSheet;

/// The sheet's name.
pub(crate) const SHEET: &str = "Audit";

/// Column titles; the reader finds columns by these, so columns may move.
pub(crate) mod header {
    pub(crate) const ID: &str = "Id";
    pub(crate) const SCORE: &str = "Score";
    pub(crate) const EVIDENCE: &str = "Evidence";
}

/// Column positions as the template lays them out (from 0).
pub(crate) mod column {
    pub(crate) const ID: u16 = 0;
    pub(crate) const PHASE: u16 = 1;
    pub(crate) const PERIOD: u16 = 2;
    pub(crate) const STREAM: u16 = 3;
    pub(crate) const SCORE: u16 = 5;
    pub(crate) const EVIDENCE: u16 = 6;
    pub(crate) const POINTS: u16 = 7;
    pub(crate) const MAX: u16 = 8;
}

const COLUMNS: &[(&str, f64)] = &[
    (header::ID, 8.0),
    ("Phase", 7.0),
    ("Period", 8.0),
    ("Stream", 20.0),
    ("Item", 60.0),
    (header::SCORE, 30.0),
    (header::EVIDENCE, 50.0),
    ("Points", 8.0),
    ("Max", 6.0),
];

/// The items in the order the sheet lists them, each with its phase: the
/// order of the scoring engine's score sheet (development-path order, file
/// order within a period).
pub(crate) fn items_in_path_order(framework: &AuditFramework) -> Vec<(&str, &Item)> {
    let sheet = ScoreSheet::new(framework, &AuditAssessment::new(framework));
    sheet
        .lines
        .iter()
        .filter_map(|line| Some((sheet.path.get(line.step)?.phase.id.as_str(), line.item)))
        .collect()
}

/// The data rows of the Audit sheet: row 1 (the second) to `last`.
pub(crate) fn data_rows(framework: &AuditFramework) -> (u32, u32) {
    let count = u32::try_from(framework.items.len()).unwrap_or(u32::MAX);
    (1, count.max(1))
}

/// Lays out the Audit sheet, filled with `assessment`'s answers if given.
pub(crate) fn audit_sheet(
    framework: &AuditFramework,
    choices: &Choices,
    entries: &Area,
    assessment: Option<&AuditAssessment>,
) -> Sheet {
    let mut sheet = Sheet::new(SHEET);
    sheet.header_row(0, COLUMNS);
    let mut row = 0;
    for (phase, item) in items_in_path_order(framework) {
        row += 1;
        let answer = assessment.map_or(Answer::Blank, |a| answer_of(a, &item.id));
        sheet.text(row, column::ID, &item.id, Style::Text);
        sheet.text(row, column::PHASE, phase, Style::Text);
        sheet.text(row, column::PERIOD, &item.period, Style::Text);
        sheet.text(row, column::STREAM, &item.stream, Style::Text);
        sheet.text(row, 4, &item.text, Style::Text);
        sheet.text(row, column::SCORE, &choices.cell_text(answer), Style::Input);
        let evidence = assessment.and_then(|a| a.evidence.get(&item.id));
        sheet.text(
            row,
            column::EVIDENCE,
            evidence.map_or("", String::as_str),
            Style::Input,
        );
        let columns = PointColumns {
            score: column::SCORE,
            points: column::POINTS,
            max: column::MAX,
        };
        let na = framework.not_applicable.allowed;
        let max = framework.item_max(item);
        points(&mut sheet, row, columns, (item.weight, max, na), answer);
    }
    let scores = Area::column(SHEET, column::SCORE, 1, data_rows(framework).1);
    finish_scored_sheet(&mut sheet, choices, entries, scores, column::MAX);
    sheet
}

/// What every sheet of scored rows has: the dropdown on the score cells
/// (`scores`), blanks tinted "to do", the header and id column frozen, a
/// filter over the rows up to `last_column`, and protection.
pub(crate) fn finish_scored_sheet(
    sheet: &mut Sheet,
    choices: &Choices,
    entries: &Area,
    scores: Area,
    last_column: u16,
) {
    sheet.validations.push(Validation {
        area: scores.clone(),
        rule: Rule::List(entries.clone()),
        prompt: choices.prompt(),
        error: "Pick a score from the list; the Instructions sheet explains each.".to_owned(),
    });
    sheet.filter = Some(Area {
        sheet: sheet.name.clone(),
        first_row: 0,
        first_column: 0,
        last_row: scores.last_row,
        last_column,
    });
    sheet.highlights.push(Highlight::Blank(scores));
    sheet.freeze = Some((1, 1));
    sheet.protected = true;
}

/// An item's answer in an assessment.
pub(crate) fn answer_of(assessment: &AuditAssessment, item: &str) -> Answer {
    if assessment.not_applicable.contains(item) {
        Answer::NotApplicable
    } else {
        assessment
            .scores
            .get(item)
            .map_or(Answer::Blank, |&s| Answer::Score(s))
    }
}

/// Where a row's score, points and maximum cells are.
#[derive(Clone, Copy)]
pub(crate) struct PointColumns {
    pub(crate) score: u16,
    pub(crate) points: u16,
    pub(crate) max: u16,
}

/// The item's points (score × weight) and maximum as formulas: a blank score
/// counts 0, as in kam's scoring; "not applicable" counts 0 of 0. The score
/// is the text before the first space, so a dropdown entry and a bare
/// number both count. `item` is the item's weight, its maximum and whether
/// the framework allows "not applicable".
pub(crate) fn points(
    sheet: &mut Sheet,
    row: u32,
    column: PointColumns,
    (weight, item_max, na): (u32, u32, bool),
    answer: Answer,
) {
    let score = sheet.address(row, column.score).local();
    let factor = if weight == 1 {
        String::new()
    } else {
        format!("*{weight}")
    };
    let value = format!("VALUE(LEFT({score},FIND(\" \",{score}&\" \")-1)){factor}");
    let formula = if na {
        format!(
            "IF(OR({score}=\"\",{score}=\"{}\"),0,{value})",
            super::choices::NOT_APPLICABLE
        )
    } else {
        format!("IF({score}=\"\",0,{value})")
    };
    let (got, max) = match answer {
        Answer::Score(s) => (u32::from(s) * weight, item_max),
        Answer::Blank => (0, item_max),
        Answer::NotApplicable => (0, 0),
    };
    sheet.formula(
        row,
        column.points,
        formula,
        Cached::Number(f64::from(got)),
        Style::Integer,
    );
    if na {
        let formula = format!(
            "IF({score}=\"{}\",0,{item_max})",
            super::choices::NOT_APPLICABLE,
        );
        sheet.formula(
            row,
            column.max,
            formula,
            Cached::Number(f64::from(max)),
            Style::Integer,
        );
    } else {
        sheet.number(row, column.max, f64::from(max), Style::Integer);
    }
}
