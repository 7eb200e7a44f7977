//! The Totals sheet of an action-audit workbook: live totals overall, per
//! phase, per period and per stream, as formulas over the Audit sheet with
//! the results kam computed stored beside them, and Figure 3 drawn from the
//! period rows.

use super::audit::{self, column as at};
use super::book::{Cached, Chart, Figure3, Highlight, Sheet, Style};
use super::cell::{Address, Area};
use super::choices::number_text;
use crate::assessment::AuditAssessment;
use crate::framework::AuditFramework;
use crate::scoring::AuditReport;

/// The sheet's name.
pub(crate) const SHEET: &str = "Totals";

/// Column positions (from 0).
pub(crate) mod column {
    pub(crate) const LEVEL: u16 = 0;
    pub(crate) const ID: u16 = 1;
    pub(crate) const NAME: u16 = 2;
    pub(crate) const ITEMS: u16 = 3;
    pub(crate) const ANSWERED: u16 = 4;
    pub(crate) const SCORE: u16 = 5;
    pub(crate) const MAX: u16 = 6;
    pub(crate) const PERCENT: u16 = 7;
    pub(crate) const COMPLETE: u16 = 8;
    /// Chart helpers, hidden: completion of complete periods, of the others,
    /// and the threshold, each as a fraction.
    pub(crate) const CHART_COMPLETE: u16 = 9;
    pub(crate) const CHART_INCOMPLETE: u16 = 10;
    pub(crate) const CHART_THRESHOLD: u16 = 11;
}

/// The `Level` of each row, as scripts read them.
pub(crate) mod level {
    pub(crate) const OVERALL: &str = "overall";
    pub(crate) const PHASE: &str = "phase";
    pub(crate) const PERIOD: &str = "period";
    pub(crate) const STREAM: &str = "stream";
    pub(crate) const CONTRIBUTORY: &str = "contributory stream";
}

pub(crate) const COLUMNS: &[(&str, f64)] = &[
    ("Level", 18.0),
    ("Id", 18.0),
    ("Name", 34.0),
    ("Items", 7.0),
    ("Answered", 10.0),
    ("Score", 8.0),
    ("Max", 8.0),
    ("Percent", 10.0),
    ("Complete", 10.0),
    ("Chart: complete", 8.0),
    ("Chart: not yet", 8.0),
    ("Chart: threshold", 8.0),
];

/// What one row totals: which answer-sheet column its items are keyed by.
#[derive(Clone, Copy)]
pub(crate) enum Key {
    /// Every item.
    All,
    /// Items whose cell in this Audit column equals the row's id.
    Column(u16),
    /// The sum of the rows below it (a stream's contributory streams).
    Rows(u32, u32),
}

/// Counts and scores kam computed for one row, stored with its formulas.
pub(crate) struct Figures {
    pub(crate) items: u32,
    pub(crate) answered: u32,
    pub(crate) score: u32,
    pub(crate) max: u32,
}

/// The answer sheet a row totals: its name, its data rows, and the columns
/// of ids, scores, points and maxima.
#[derive(Clone, Copy)]
pub(crate) struct Source<'a> {
    pub(crate) sheet: &'a str,
    pub(crate) rows: (u32, u32),
    pub(crate) id: u16,
    pub(crate) score: u16,
    pub(crate) points: u16,
    pub(crate) max: u16,
}

/// Lays out the Totals sheet for `assessment` and its `report`.
pub(crate) fn totals_sheet(
    framework: &AuditFramework,
    assessment: &AuditAssessment,
    report: &AuditReport,
) -> Sheet {
    let mut sheet = Sheet::new(SHEET);
    sheet.header_row(0, COLUMNS);
    let threshold = report.progress.completion_threshold;
    let counts = Counts::new(framework, assessment);
    let rows = Source {
        sheet: audit::SHEET,
        rows: audit::data_rows(framework),
        id: at::ID,
        score: at::SCORE,
        points: at::POINTS,
        max: at::MAX,
    };
    let mut row = 1;
    let figures = |key: Option<(u16, &str)>, score: u32, max: u32| {
        let (items, answered) = counts.of(key);
        Figures {
            items,
            answered,
            score,
            max,
        }
    };
    let overall = figures(None, report.overall.score, report.overall.max);
    total_row(
        &mut sheet,
        row,
        (level::OVERALL, &framework.id, &framework.name),
        Key::All,
        &overall,
        rows,
    );
    for phase in &report.phases {
        row += 1;
        let f = figures(Some((at::PHASE, &phase.id)), phase.score, phase.max);
        let key = Key::Column(at::PHASE);
        total_row(
            &mut sheet,
            row,
            (level::PHASE, &phase.id, &phase.name),
            key,
            &f,
            rows,
        );
    }
    let first_period = row + 1;
    for period in report.phases.iter().flat_map(|p| &p.periods) {
        row += 1;
        let f = figures(Some((at::PERIOD, &period.id)), period.score, period.max);
        let key = Key::Column(at::PERIOD);
        total_row(
            &mut sheet,
            row,
            (level::PERIOD, &period.id, &period.name),
            key,
            &f,
            rows,
        );
        completion(&mut sheet, row, threshold, period.complete, &f);
    }
    let last_period = row;
    let row = stream_rows(&mut sheet, row, report, &counts, rows);
    notes(&mut sheet, row + 2, threshold);
    highlights(&mut sheet, row, (first_period, last_period));
    sheet.hidden = vec![
        column::CHART_COMPLETE,
        column::CHART_INCOMPLETE,
        column::CHART_THRESHOLD,
    ];
    let period_column = |column: u16| Area::column(SHEET, column, first_period, last_period);
    sheet.charts.push(Chart::Figure3(Figure3 {
        title: "Figure 3: completion by period".to_owned(),
        at: (1, column::CHART_THRESHOLD + 2),
        categories: period_column(column::ID),
        complete: period_column(column::CHART_COMPLETE),
        incomplete: period_column(column::CHART_INCOMPLETE),
        threshold: period_column(column::CHART_THRESHOLD),
    }));
    sheet.freeze = Some((1, 0));
    sheet.protected = true;
    sheet
}

/// Each stream's row, the sum of the contributory-stream rows under it;
/// returns the last row written.
fn stream_rows(
    sheet: &mut Sheet,
    mut row: u32,
    report: &AuditReport,
    counts: &Counts,
    rows: Source,
) -> u32 {
    for stream in &report.streams {
        row += 1;
        let n = u32::try_from(stream.contributory.len()).unwrap_or(0);
        let (items, answered) = stream.contributory.iter().fold((0, 0), |(i, a), c| {
            let (ci, ca) = counts.of(Some((at::STREAM, &c.id)));
            (i + ci, a + ca)
        });
        let f = Figures {
            items,
            answered,
            score: stream.score,
            max: stream.max,
        };
        let key = Key::Rows(row + 1, row + n);
        total_row(
            sheet,
            row,
            (level::STREAM, &stream.id, &stream.name),
            key,
            &f,
            rows,
        );
        for c in &stream.contributory {
            row += 1;
            let (items, answered) = counts.of(Some((at::STREAM, &c.id)));
            let f = Figures {
                items,
                answered,
                score: c.score,
                max: c.max,
            };
            let labels = (level::CONTRIBUTORY, c.id.as_str(), c.name.as_str());
            total_row(sheet, row, labels, Key::Column(at::STREAM), &f, rows);
        }
    }
    row
}

/// One row: level, id, name, and the formulas for items, answered, score,
/// max and percent over the answer sheet `source`.
pub(crate) fn total_row(
    sheet: &mut Sheet,
    row: u32,
    (lvl, id, name): (&str, &str, &str),
    key: Key,
    f: &Figures,
    source: Source,
) {
    sheet.text(row, column::LEVEL, lvl, Style::Text);
    sheet.text(row, column::ID, id, Style::Text);
    sheet.text(row, column::NAME, name, Style::Text);
    let (first, last) = source.rows;
    let audit = |column: u16| Area::column(source.sheet, column, first, last).absolute();
    let id_cell = format!("$B{}", row + 1);
    let formula = |column: u16, total: u16| -> String {
        match key {
            Key::All if column == source.id => format!("COUNTA({})", audit(source.id)),
            Key::All if column == source.score => format!("COUNTA({})", audit(source.score)),
            Key::All => format!("SUM({})", audit(column)),
            Key::Column(k) if column == source.id => {
                format!("SUMPRODUCT(--EXACT({},{id_cell}))", audit(k))
            }
            Key::Column(k) if column == source.score => format!(
                "SUMPRODUCT(EXACT({},{id_cell})*({}<>\"\"))",
                audit(k),
                audit(source.score)
            ),
            Key::Column(k) => format!(
                "SUMPRODUCT(EXACT({},{id_cell})*{})",
                audit(k),
                audit(column)
            ),
            Key::Rows(from, to) => {
                let own = |r: u32| Address::new(SHEET, r, total).local();
                format!("SUM({}:{})", own(from), own(to))
            }
        }
    };
    let style = |plain: Style, bold: Style| if matches!(key, Key::All) { bold } else { plain };
    for (total, source, value) in [
        (column::ITEMS, source.id, f.items),
        (column::ANSWERED, source.score, f.answered),
        (column::SCORE, source.points, f.score),
        (column::MAX, source.max, f.max),
    ] {
        sheet.formula(
            row,
            total,
            formula(source, total),
            Cached::Number(f64::from(value)),
            style(Style::Integer, Style::Total),
        );
    }
    let (score, max) = (cell(row, column::SCORE), cell(row, column::MAX));
    sheet.formula(
        row,
        column::PERCENT,
        format!("IF({max}=0,0,{score}/{max})"),
        Cached::Number(fraction(f.score, f.max)),
        style(Style::Percent, Style::TotalPercent),
    );
}

/// A period's completion: the `Complete` flag by kam's rule (score × 100 /
/// max at least the threshold, in that order so the spreadsheet rounds as
/// kam does; a period with nothing to score is complete) and the chart
/// helpers.
fn completion(sheet: &mut Sheet, row: u32, threshold: f64, complete: bool, f: &Figures) {
    let (score, max) = (cell(row, column::SCORE), cell(row, column::MAX));
    let complete_cell = cell(row, column::COMPLETE);
    let percent = cell(row, column::PERCENT);
    let flag = |yes: bool| if yes { "yes" } else { "no" }.to_owned();
    sheet.formula(
        row,
        column::COMPLETE,
        format!(
            "IF({max}=0,\"yes\",IF({score}*100/{max}>={},\"yes\",\"no\"))",
            number_text(threshold)
        ),
        Cached::Text(flag(complete)),
        Style::Text,
    );
    let share = fraction(f.score, f.max);
    for (column, formula, value) in [
        (
            column::CHART_COMPLETE,
            format!("IF({complete_cell}=\"yes\",{percent},0)"),
            if complete { share } else { 0.0 },
        ),
        (
            column::CHART_INCOMPLETE,
            format!("IF({complete_cell}=\"yes\",0,{percent})"),
            if complete { 0.0 } else { share },
        ),
        (
            column::CHART_THRESHOLD,
            format!("{}/100", number_text(threshold)),
            threshold / 100.0,
        ),
    ] {
        sheet.formula(row, column, formula, Cached::Number(value), Style::Percent);
    }
}

fn notes(sheet: &mut Sheet, row: u32, threshold: f64) {
    let figures = "Every figure is a formula over the Audit sheet, so it follows the scores as \
                   they are entered; the values stored with them are kam's.";
    for (offset, note) in [
        figures,
        &format!(
            "Complete: a period counts as complete at {}% of its maximum (kam's threshold; the \
             paper charts completion but sets none), or when nothing in it can be scored.",
            number_text(threshold)
        ),
    ]
    .iter()
    .enumerate()
    {
        let offset = u32::try_from(offset).unwrap_or(0);
        sheet.text(row + offset, 0, note, Style::Note);
    }
}

fn highlights(sheet: &mut Sheet, last_row: u32, (first_period, last_period): (u32, u32)) {
    let area = |column: u16, first: u32, last: u32| Area::column(SHEET, column, first, last);
    completion_highlights(sheet, last_row);
    let complete = area(column::COMPLETE, first_period, last_period);
    let top = complete.top_left().local();
    sheet.highlights.push(Highlight::Done {
        area: complete,
        formula: format!("{top}=\"yes\""),
    });
}

/// The percent bars, and the answered counts tinted done or to do.
pub(crate) fn completion_highlights(sheet: &mut Sheet, last_row: u32) {
    let area = |column: u16| Area::column(SHEET, column, 1, last_row);
    sheet.highlights.push(Highlight::Bar(area(column::PERCENT)));
    let answered = area(column::ANSWERED);
    let (done, items) = (cell(1, column::ANSWERED), cell(1, column::ITEMS));
    sheet.highlights.push(Highlight::Done {
        area: answered.clone(),
        formula: format!("{done}={items}"),
    });
    sheet.highlights.push(Highlight::ToDo {
        area: answered,
        formula: format!("{done}<{items}"),
    });
}

/// A cell of this sheet as a relative reference, e.g. `F5`.
fn cell(row: u32, column: u16) -> String {
    Address::new(SHEET, row, column).local()
}

/// `score / max` as a fraction, 0 when `max` is 0 (the formula's rule).
fn fraction(score: u32, max: u32) -> f64 {
    if max == 0 {
        0.0
    } else {
        f64::from(score) / f64::from(max)
    }
}

/// Items and answered items per key, counted from the assessment.
struct Counts<'a> {
    assessment: &'a AuditAssessment,
    phases: Vec<(&'a str, &'a crate::framework::Item)>,
}

impl<'a> Counts<'a> {
    fn new(framework: &'a AuditFramework, assessment: &'a AuditAssessment) -> Self {
        Counts {
            assessment,
            phases: audit::items_in_path_order(framework),
        }
    }

    /// (items, answered) for items whose Audit `column` is `id`, or all.
    fn of(&self, key: Option<(u16, &str)>) -> (u32, u32) {
        let matching = self.phases.iter().filter(|(phase, item)| match key {
            None => true,
            Some((c, id)) if c == at::PHASE => *phase == id,
            Some((c, id)) if c == at::PERIOD => item.period == id,
            Some((_, id)) => item.stream == id,
        });
        let (mut items, mut answered) = (0, 0);
        for (_, item) in matching {
            items += 1;
            if self.assessment.scores.contains_key(&item.id)
                || self.assessment.not_applicable.contains(&item.id)
            {
                answered += 1;
            }
        }
        (items, answered)
    }
}
