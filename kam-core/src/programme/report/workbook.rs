//! The programme report as an Excel workbook, laid out with the spreadsheet
//! module's workbook model and written by its renderer: a Summary sheet
//! (the executive summary's figures and words, the next actions that matter
//! most), a Units sheet (the ranking with each unit's trend, pace and next
//! milestone) and a Disagreements sheet (the disputed items across units,
//! the rounds where assessors agree least). Values only: the figures are
//! kam's, computed when the report was made.

use super::summary::{figures, standing};
use super::words::{alpha, current, on_path, pace, unit_name, unit_names};
use crate::error::Error;
use crate::programme::result::{ProgrammeReport, UnitReport};
use crate::spreadsheet::book::{Book, Sheet, Style};
use crate::spreadsheet::render::render;

/// The sheets' names, in tab order.
pub const SHEETS: [&str; 3] = ["Summary", "Units", "Disagreements"];

/// The programme report as the bytes of an `.xlsx` workbook.
///
/// # Errors
/// `text-too-long` for a text beyond Excel's 32,767 characters in a cell
/// (a unit or programme name that long); nothing else in practice.
pub fn programme_xlsx(report: &ProgrammeReport) -> Result<Vec<u8>, Error> {
    render(&book(report))
}

/// The workbook, laid out.
fn book(report: &ProgrammeReport) -> Book {
    Book {
        sheets: vec![summary(report), units(report), disagreements(report)],
    }
}

/// A percentage as the fraction a percent-styled cell shows.
fn fraction(percent: f64) -> f64 {
    percent / 100.0
}

fn summary(report: &ProgrammeReport) -> Sheet {
    let [name, ..] = SHEETS;
    let mut sheet = Sheet::new(name);
    sheet.width(0, 30.0);
    sheet.width(1, 70.0);
    let title = match &report.organisation {
        Some(o) => format!("{} — {o}", report.name),
        None => report.name.clone(),
    };
    sheet.text(0, 0, &title, Style::Title);
    sheet.text(
        1,
        0,
        "Computed by kam when the report was made: the figures do not follow later edits.",
        Style::Note,
    );
    sheet.text(3, 0, "Executive summary", Style::Heading);
    let mut row = 4;
    for (label, value) in figures(report) {
        sheet.text(row, 0, &label, Style::Label);
        sheet.text(row, 1, &value, Style::Text);
        row += 1;
    }
    sheet.text(row, 0, "In words", Style::Label);
    sheet.text(row, 1, &standing(report), Style::Text);
    row += 2;
    sheet.text(row, 0, "The next actions that matter most", Style::Heading);
    row += 1;
    sheet.header_row(
        row,
        &[
            ("Action", 30.0),
            ("Text", 70.0),
            ("Period", 10.0),
            ("Units", 8.0),
            ("Which", 40.0),
            ("Mean score", 12.0),
        ],
    );
    for action in &report.next_actions {
        row += 1;
        sheet.text(row, 0, &action.id, Style::Text);
        sheet.text(row, 1, &action.text, Style::Text);
        sheet.text(row, 2, &action.period, Style::Text);
        sheet.number(
            row,
            3,
            f64::from(super::super::count(action.units.len())),
            Style::Integer,
        );
        sheet.text(
            row,
            4,
            &unit_names(report, &action.units).join(", "),
            Style::Text,
        );
        sheet.number(row, 5, action.mean_score, Style::Text);
    }
    if report.next_actions.is_empty() {
        sheet.text(row + 1, 0, "No audit yet, so no next actions.", Style::Note);
    }
    sheet
}

fn units(report: &ProgrammeReport) -> Sheet {
    let [_, name, _] = SHEETS;
    let mut sheet = Sheet::new(name);
    sheet.header_row(
        0,
        &[
            ("Rank", 6.0),
            ("Unit", 24.0),
            ("Id", 16.0),
            ("Latest round", 13.0),
            ("Points", 8.0),
            ("Of", 8.0),
            ("Overall", 9.0),
            ("Position (Figure 4)", 34.0),
            ("Working on (Figure 3)", 30.0),
            ("Change since the last round (points)", 14.0),
            ("Agreement (α)", 18.0),
            ("Pace against the paper", 14.0),
            ("Points a year", 10.0),
            ("Next milestone", 18.0),
            ("Projected (kam's reading)", 14.0),
        ],
    );
    sheet.freeze = Some((1, 2));
    let mut row = 0;
    for p in &report.positions {
        row += 1;
        let unit: Option<&UnitReport> = report.units.iter().find(|u| u.id == p.unit);
        let trend = unit.and_then(|u| u.trend.as_ref());
        let round = unit.and_then(|u| u.rounds.last());
        sheet.number(row, 0, f64::from(p.rank), Style::Integer);
        sheet.text(row, 1, &p.name, Style::Text);
        sheet.text(row, 2, &p.unit, Style::Text);
        sheet.text(row, 3, &p.date, Style::Text);
        sheet.number(row, 4, f64::from(p.overall.score), Style::Integer);
        sheet.number(row, 5, f64::from(p.overall.max), Style::Integer);
        sheet.number(row, 6, fraction(p.overall.percent), Style::Percent);
        sheet.text(row, 7, &on_path(&p.position), Style::Text);
        sheet.text(
            row,
            8,
            &current(report, p.current_period.as_ref()),
            Style::Text,
        );
        if let Some(change) = p.change {
            sheet.number(row, 9, change, Style::Text);
        }
        if let Some(r) = round {
            sheet.text(
                row,
                10,
                &alpha(r.agreement.alpha, r.agreement.reading),
                Style::Text,
            );
        }
        if let Some(verdict) = p.pace {
            sheet.text(row, 11, pace(verdict), Style::Text);
        }
        if let Some(t) = trend {
            if let Some(points) = t.points_per_year {
                sheet.number(row, 12, points, Style::Text);
            }
            if let Some(m) = &t.milestone {
                sheet.text(row, 13, &m.name, Style::Text);
                if let Some(date) = &m.projected {
                    sheet.text(row, 14, date, Style::Text);
                }
            }
        }
    }
    if report.positions.is_empty() {
        sheet.text(1, 0, "No unit has been audited yet.", Style::Note);
    }
    sheet
}

fn disagreements(report: &ProgrammeReport) -> Sheet {
    let [.., name] = SHEETS;
    let mut sheet = Sheet::new(name);
    sheet.header_row(
        0,
        &[
            ("Item", 10.0),
            ("Text", 60.0),
            ("Units", 8.0),
            ("Where", 50.0),
        ],
    );
    sheet.freeze = Some((1, 0));
    let mut row = 0;
    for d in &report.agreement.disputed {
        row += 1;
        sheet.text(row, 0, &d.id, Style::Text);
        sheet.text(row, 1, &d.text, Style::Text);
        sheet.number(
            row,
            2,
            f64::from(super::super::count(d.units.len())),
            Style::Integer,
        );
        sheet.text(
            row,
            3,
            &unit_names(report, &d.units).join(", "),
            Style::Text,
        );
    }
    if report.agreement.disputed.is_empty() {
        row += 1;
        sheet.text(
            row,
            0,
            "No item is disputed in the units' latest rounds.",
            Style::Note,
        );
    }
    row += 2;
    sheet.text(row, 0, "Rounds below reliable agreement", Style::Heading);
    row += 1;
    for (column, title) in (0u16..).zip(["Unit", "Date", "Agreement (α)"]) {
        sheet.text(row, column, title, Style::Header);
    }
    for low in &report.agreement.low {
        row += 1;
        sheet.text(row, 0, unit_name(report, &low.unit), Style::Text);
        sheet.text(row, 1, &low.date, Style::Text);
        sheet.text(row, 2, &alpha(Some(low.alpha), low.reading), Style::Text);
    }
    sheet
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programme::example::bundled;
    use crate::programme::programme_report;
    use crate::scoring::ScoreOptions;
    use crate::spreadsheet::book::Value;

    fn text(sheet: &Sheet, row: u32, column: u16) -> Option<&str> {
        match &sheet.cells.get(&(row, column))?.value {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }

    #[test]
    fn the_workbook_holds_the_summary_the_units_and_the_disagreements() {
        let report = programme_report(&bundled().unwrap(), &ScoreOptions::default()).unwrap();
        let book = book(&report);
        let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, SHEETS);
        let summary = &book.sheets[0];
        assert_eq!(text(summary, 4, 0), Some("Where the programme stands"));
        assert_eq!(text(summary, 4, 1), Some("696 of 2322 points (30.0%)"));
        // One row per ranked unit, in rank order, with its name.
        let units = &book.sheets[1];
        for (i, p) in report.positions.iter().enumerate() {
            let row = u32::try_from(i).unwrap() + 1;
            assert_eq!(text(units, row, 1), Some(p.name.as_str()));
        }
        let disputes = &book.sheets[2];
        let first = &report.agreement.disputed[0];
        assert_eq!(text(disputes, 1, 0), Some(first.id.as_str()));
        // The bytes are a workbook the spreadsheet reader can open.
        let bytes = programme_xlsx(&report).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }

    #[test]
    fn an_empty_programme_says_so() {
        let programme =
            crate::programme::from_json(r#"{"name": "New", "units": [{"id": "a"}]}"#).unwrap();
        let report = programme_report(&programme, &ScoreOptions::default()).unwrap();
        let book = book(&report);
        assert_eq!(
            text(&book.sheets[1], 1, 0),
            Some("No unit has been audited yet.")
        );
        assert_eq!(
            text(&book.sheets[2], 1, 0),
            Some("No item is disputed in the units' latest rounds.")
        );
        programme_xlsx(&report).unwrap();
    }
}
