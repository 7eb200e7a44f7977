//! The Report sheet of an exported audit: the figures kam derives that a
//! spreadsheet formula cannot (the Figure 4 position, the Figure 3 reading,
//! the next actions, litmus verdicts), as values computed at export time.

use super::book::{Sheet, Style};
use crate::litmus::{LitmusReport, Verdict};
use crate::scoring::{AuditReport, ItemStatus};
use crate::words;

/// The sheet's name.
pub(crate) const SHEET: &str = "Report";

/// Lays out the Report sheet.
pub(crate) fn report_sheet(report: &AuditReport, litmus: Option<&LitmusReport>) -> Sheet {
    let mut sheet = Sheet::new(SHEET);
    sheet.width(0, 28.0);
    sheet.width(1, 14.0);
    sheet.width(2, 60.0);
    sheet.width(3, 10.0);
    sheet.width(4, 10.0);
    sheet.width(5, 12.0);
    sheet.text(
        0,
        0,
        &words::titled(
            &format!("Report: {}", report.framework.name),
            &report.context,
        ),
        Style::Title,
    );
    sheet.text(
        1,
        0,
        "Computed by kam when this workbook was exported: unlike the Totals sheet, this sheet \
         does not follow later edits.",
        Style::Note,
    );
    let threshold = format!(
        "{} of a period's maximum (kam's threshold)",
        words::pct0(report.progress.completion_threshold)
    );
    let context = &report.context;
    let mut row = 2;
    for (label, value) in [
        ("Organisation", context.organisation.clone()),
        ("Unit", context.unit.clone()),
        ("Assessor", context.assessor.clone()),
        ("Date", context.date.clone()),
        (
            "Framework",
            Some(format!(
                "{} ({} version {})",
                report.framework.name, report.framework.id, report.framework.version
            )),
        ),
        ("Overall", Some(words::overall(report))),
        ("Unscored items", Some(report.unscored.to_string())),
        ("Position (Figure 4)", Some(words::position(report))),
        ("Progress (Figure 3)", Some(words::current(report))),
        ("Complete at", Some(threshold)),
    ] {
        let Some(value) = value else { continue };
        row += 1;
        sheet.text(row, 0, label, Style::Label);
        sheet.text(row, 1, &value, Style::Text);
    }
    row = items(
        &mut sheet,
        row + 2,
        "Next actions: items below the top of the scale, earliest periods first",
        &report.next_actions,
    );
    for (title, list) in [
        (
            "Missing: items at 0 or unscored up to the current period",
            &report.progress.missing,
        ),
        (
            "Lagging: items started but not done before the current period",
            &report.progress.lagging,
        ),
        (
            "Ahead: items done in periods after the current one",
            &report.progress.ahead,
        ),
    ] {
        row = items(&mut sheet, row + 2, title, list);
    }
    if let Some(litmus) = litmus {
        litmus_results(&mut sheet, row + 2, litmus);
    }
    sheet.protected = true;
    sheet
}

/// A titled table of items; returns its last row.
fn items(sheet: &mut Sheet, row: u32, title: &str, list: &[ItemStatus]) -> u32 {
    sheet.text(row, 0, title, Style::Heading);
    let header = row + 1;
    for (column, title) in (0u16..).zip(["Id", "Period", "Item", "Score"]) {
        sheet.text(header, column, title, Style::Header);
    }
    let mut row = header;
    for item in list {
        row += 1;
        sheet.text(row, 0, &item.id, Style::Text);
        sheet.text(row, 1, &item.period, Style::Text);
        sheet.text(row, 2, &item.text, Style::Text);
        sheet.text(row, 3, &words::score(item.score), Style::Text);
    }
    if list.is_empty() {
        row += 1;
        sheet.text(row, 0, "None.", Style::Note);
    }
    row
}

/// The litmus verdicts, one row per response.
fn litmus_results(sheet: &mut Sheet, row: u32, litmus: &LitmusReport) {
    sheet.text(row, 0, "Litmus tests", Style::Heading);
    let header = row + 1;
    for (column, title) in (0u16..).zip([
        "Test",
        "Respondent",
        "Name",
        "Answer sets",
        "Yes (mean)",
        "Verdict",
    ]) {
        sheet.text(header, column, title, Style::Header);
    }
    let mut row = header;
    for result in &litmus.results {
        row += 1;
        let verdict = match (result.verdict, result.pass_mark) {
            (Verdict::Pass, Some(mark)) => format!("pass ({mark} yes needed)"),
            (Verdict::Fail, Some(mark)) => format!("fail ({mark} yes needed)"),
            _ => "no pass mark: read the yes count".to_owned(),
        };
        sheet.text(row, 0, &result.test, Style::Text);
        sheet.text(
            row,
            1,
            result.respondent.as_deref().unwrap_or(""),
            Style::Text,
        );
        sheet.text(row, 2, &result.name, Style::Text);
        sheet.number(row, 3, f64::from(result.answer_sets), Style::Integer);
        sheet.number(row, 4, result.yes, Style::Text);
        sheet.text(row, 5, &verdict, Style::Text);
    }
}
