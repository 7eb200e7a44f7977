//! The sheets of an exported comparison of two audits: Comparison (overall,
//! phases and periods before and after, the changes as live formulas, and a
//! chart of completion by period) and Items (every item whose answer
//! changed).

use super::book::{Cached, Chart, Columns, Highlight, Series, Sheet, Style};
use super::cell::{Address, Area};
use super::choices::{Choices, NOT_APPLICABLE};
use crate::analysis::{AuditComparison, ScoreChange};

/// The summary sheet.
pub(crate) const SHEET: &str = "Comparison";
/// The sheet of changed items.
pub(crate) const ITEMS: &str = "Items";

const COLUMNS: &[(&str, f64)] = &[
    ("Level", 10.0),
    ("Id", 28.0),
    ("Name", 30.0),
    ("Before", 8.0),
    ("Before max", 10.0),
    ("After", 8.0),
    ("After max", 10.0),
    ("Change", 8.0),
    ("Before %", 10.0),
    ("After %", 10.0),
    ("Change in %", 12.0),
];

/// Lays out the Comparison sheet.
pub(crate) fn comparison_sheet(comparison: &AuditComparison) -> Sheet {
    let mut sheet = Sheet::new(SHEET);
    sheet.header_row(0, COLUMNS);
    let mut row = 0;
    let lines = std::iter::once(("overall", &comparison.overall))
        .chain(comparison.phases.iter().map(|p| ("phase", p)))
        .chain(comparison.periods.iter().map(|p| ("period", p)));
    let mut periods = (0, 0);
    for (level, change) in lines {
        row += 1;
        if level == "period" {
            periods = (if periods.0 == 0 { row } else { periods.0 }, row);
        }
        change_row(&mut sheet, row, level, change);
    }
    highlight_changes(&mut sheet, Area::column(SHEET, 7, 1, row.max(1)));
    let period_column = |column: u16| Area::column(SHEET, column, periods.0, periods.1);
    sheet.charts.push(Chart::Columns(Columns {
        title: "Completion by period, before and after".to_owned(),
        at: (row + 2, 0),
        categories: period_column(1),
        series: vec![
            Series {
                name: "Before".to_owned(),
                values: period_column(8),
                colour: Series::PALE,
            },
            Series {
                name: "After".to_owned(),
                values: period_column(9),
                colour: Series::STRONG,
            },
        ],
        percent: true,
    }));
    sheet.freeze = Some((1, 0));
    sheet.protected = true;
    sheet
}

/// One total before and after, with its changes as formulas.
fn change_row(sheet: &mut Sheet, row: u32, level: &str, change: &ScoreChange) {
    let cell = |column: u16| Address::new(SHEET, row, column).local();
    sheet.text(row, 0, level, Style::Text);
    sheet.text(row, 1, &change.id, Style::Text);
    sheet.text(row, 2, &change.name, Style::Text);
    let (before, after) = (&change.before, &change.after);
    for (column, value) in [
        (3, before.score),
        (4, before.max),
        (5, after.score),
        (6, after.max),
    ] {
        sheet.number(row, column, f64::from(value), Style::Integer);
    }
    let share =
        |score: u16, max: u16| format!("IF({m}=0,0,{s}/{m})", s = cell(score), m = cell(max));
    let percent_change = (after.percent - before.percent) / 100.0;
    #[allow(clippy::cast_precision_loss)] // a change of points is far below 2^52
    let points = change.change as f64;
    for (column, formula, value, style) in [
        (
            7,
            format!("{}-{}", cell(5), cell(3)),
            points,
            Style::Integer,
        ),
        (8, share(3, 4), before.percent / 100.0, Style::Percent),
        (9, share(5, 6), after.percent / 100.0, Style::Percent),
        (
            10,
            format!("{}-{}", cell(9), cell(8)),
            percent_change,
            Style::Percent,
        ),
    ] {
        sheet.formula(row, column, formula, Cached::Number(value), style);
    }
}

/// Lays out the Items sheet: each item whose score or "not applicable"
/// mark changed, in development-path order.
pub(crate) fn items_sheet(comparison: &AuditComparison, choices: &Choices) -> Sheet {
    let mut sheet = Sheet::new(ITEMS);
    sheet.header_row(
        0,
        &[
            ("Id", 8.0),
            ("Period", 8.0),
            ("Item", 60.0),
            ("Before", 10.0),
            ("After", 10.0),
            ("Change", 8.0),
        ],
    );
    let answer = |score: Option<u8>, na: bool| match (score, na) {
        (_, true) => NOT_APPLICABLE.to_owned(),
        (Some(s), false) => choices.entry(s),
        (None, false) => String::new(),
    };
    let mut row = 0;
    for item in &comparison.items {
        row += 1;
        sheet.text(row, 0, &item.id, Style::Text);
        sheet.text(row, 1, &item.period, Style::Text);
        sheet.text(row, 2, &item.text, Style::Text);
        sheet.text(
            row,
            3,
            &answer(item.before, item.not_applicable_before),
            Style::Text,
        );
        sheet.text(
            row,
            4,
            &answer(item.after, item.not_applicable_after),
            Style::Text,
        );
        #[allow(clippy::cast_precision_loss)] // a change of points is far below 2^52
        sheet.number(row, 5, item.change as f64, Style::Integer);
    }
    if row == 0 {
        sheet.text(1, 0, "No item changed.", Style::Note);
    }
    highlight_changes(&mut sheet, Area::column(ITEMS, 5, 1, row.max(1)));
    sheet.freeze = Some((1, 1));
    sheet.protected = true;
    sheet
}

/// Gains in the "done" tint, losses in the "to do" tint.
fn highlight_changes(sheet: &mut Sheet, area: Area) {
    let top = area.top_left().local();
    sheet.highlights.push(Highlight::Done {
        area: area.clone(),
        formula: format!("{top}>0"),
    });
    sheet.highlights.push(Highlight::ToDo {
        area,
        formula: format!("{top}<0"),
    });
}
