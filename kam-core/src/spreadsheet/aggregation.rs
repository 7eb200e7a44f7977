//! The Assessors sheet of an exported aggregation: every item with each
//! assessor's score side by side, the median, the spread and the aggregated
//! score as live formulas, and the items where assessors disagree flagged.

use std::collections::BTreeMap;

use super::audit::items_in_path_order;
use super::book::{Cached, Highlight, Sheet, Style};
use super::cell::{Address, Area, column_name};
use super::choices::{NOT_APPLICABLE, number_text};
use crate::analysis::{AggregateInput, Aggregation, ItemSpread};
use crate::framework::AuditFramework;

/// The sheet's name.
pub(crate) const SHEET: &str = "Assessors";

/// The first assessor's column; the three before it are id, period, item.
const FIRST: u16 = 3;

/// Lays out the Assessors sheet.
pub(crate) fn assessors_sheet(
    framework: &AuditFramework,
    input: &AggregateInput,
    aggregation: &Aggregation,
) -> Sheet {
    let mut sheet = Sheet::new(SHEET);
    let count = u16::try_from(aggregation.assessors.len()).unwrap_or(u16::MAX);
    let last = FIRST + count.max(1) - 1;
    let mut titles: Vec<(String, f64)> = vec![
        ("Id".to_owned(), 8.0),
        ("Period".to_owned(), 8.0),
        ("Item".to_owned(), 50.0),
    ];
    titles.extend(aggregation.assessors.iter().map(|a| (a.clone(), 12.0)));
    titles.extend(
        ["Median", "Spread", "Aggregated", "Disagreement"]
            .iter()
            .map(|t| ((*t).to_owned(), 12.0)),
    );
    let titles: Vec<(&str, f64)> = titles.iter().map(|(t, w)| (t.as_str(), *w)).collect();
    sheet.header_row(0, &titles);
    let spreads: BTreeMap<&str, &ItemSpread> = aggregation
        .items
        .iter()
        .map(|s| (s.id.as_str(), s))
        .collect();
    let mut row = 0;
    for (_, item) in items_in_path_order(framework) {
        row += 1;
        sheet.text(row, 0, &item.id, Style::Text);
        sheet.text(row, 1, &item.period, Style::Text);
        sheet.text(row, 2, &item.text, Style::Text);
        for (column, audit) in (FIRST..).zip(&input.audits) {
            if audit.not_applicable.contains(&item.id) {
                sheet.text(row, column, NOT_APPLICABLE, Style::Text);
            } else if let Some(&score) = audit.scores.get(&item.id) {
                sheet.number(row, column, f64::from(score), Style::Integer);
            }
        }
        let spread = spreads.get(item.id.as_str()).copied();
        figures(&mut sheet, row, last, input.disagreement, spread);
    }
    let flag = Address::new(SHEET, 1, last + 4);
    sheet.highlights.push(Highlight::ToDo {
        area: Area {
            sheet: SHEET.to_owned(),
            first_row: 1,
            first_column: 0,
            last_row: row.max(1),
            last_column: last + 4,
        },
        formula: format!("${}{}=\"yes\"", column_name(flag.column), flag.row + 1),
    });
    sheet.text(
        row + 2,
        0,
        &format!(
            "Aggregated: the median rounded half down, so always a score some assessor gave \
             (kam's rule). Disagreement: a spread of {} or more.",
            input.disagreement
        ),
        Style::Note,
    );
    sheet.freeze = Some((1, 3));
    sheet.protected = true;
    sheet
}

/// The median, spread, aggregated score and flag of one row, as formulas
/// over the assessors' scores, with kam's values.
fn figures(sheet: &mut Sheet, row: u32, last: u16, threshold: u8, spread: Option<&ItemSpread>) {
    let scores = format!(
        "{}:{}",
        Address::new(SHEET, row, FIRST).local(),
        Address::new(SHEET, row, last).local()
    );
    let none = |formula: String| format!("IF(COUNT({scores})=0,\"\",{formula})");
    let number = |value: Option<f64>| value.map_or(Cached::Text(String::new()), Cached::Number);
    let cells = [
        (
            none(format!("MEDIAN({scores})")),
            number(spread.map(|s| s.median)),
        ),
        (
            none(format!("MAX({scores})-MIN({scores})")),
            number(spread.map(|s| f64::from(s.spread))),
        ),
        (
            none(format!("INT(MEDIAN({scores}))")),
            number(spread.map(|s| f64::from(s.score))),
        ),
        (
            none(format!(
                "IF(MAX({scores})-MIN({scores})>={},\"yes\",\"no\")",
                number_text(f64::from(threshold))
            )),
            Cached::Text(match spread {
                Some(s) if s.disagreement => "yes".to_owned(),
                Some(_) => "no".to_owned(),
                None => String::new(),
            }),
        ),
    ];
    for (column, (formula, cached)) in (last + 1..).zip(cells) {
        sheet.formula(row, column, formula, cached, Style::Text);
    }
}
