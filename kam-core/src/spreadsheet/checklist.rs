//! The sheets of a checklist workbook: the Checklist sheet, one row per item
//! in checklist order under a header row (id, section, its group in each
//! grouping, wording, score, evidence, points and maximum as formulas), and
//! its Totals sheet, live totals overall, per section and per group.

use super::audit::{PointColumns, answer_of, finish_scored_sheet, points};
use super::book::{Sheet, Style};
use super::cell::Area;
use super::choices::Choices;
use super::totals::{self, Figures, Key, Source, completion_highlights, total_row};
use crate::assessment::AuditAssessment;
use crate::checklist::ChecklistReport;
use crate::framework::ChecklistFramework;

/// The sheet's name.
pub(crate) const SHEET: &str = "Checklist";

/// Column titles; the reader finds columns by these, so columns may move.
pub(crate) mod header {
    pub(crate) const ID: &str = "Id";
    pub(crate) const SCORE: &str = "Score";
    pub(crate) const EVIDENCE: &str = "Evidence";
}

/// The Totals rows' `Level` for a section (a group's is its grouping's name).
const SECTION: &str = "section";

/// Column positions as the template lays them out (from 0): the id, the
/// section, one column per grouping, then the rest.
#[derive(Clone, Copy)]
struct Columns {
    groupings: u16,
}

impl Columns {
    const ID: u16 = 0;
    const SECTION: u16 = 1;

    fn new(framework: &ChecklistFramework) -> Self {
        Columns {
            groupings: u16::try_from(framework.groupings.len()).unwrap_or(0),
        }
    }

    /// The column of the grouping at `index`: they follow the section.
    const fn grouping(index: u16) -> u16 {
        2 + index
    }

    fn item(self) -> u16 {
        2 + self.groupings
    }

    fn score(self) -> u16 {
        self.item() + 1
    }

    fn evidence(self) -> u16 {
        self.item() + 2
    }

    fn points(self) -> u16 {
        self.item() + 3
    }

    fn max(self) -> u16 {
        self.item() + 4
    }
}

/// The data rows of the Checklist sheet: row 1 (the second) to `last`.
fn data_rows(framework: &ChecklistFramework) -> (u32, u32) {
    let count = u32::try_from(framework.items().count()).unwrap_or(u32::MAX);
    (1, count.max(1))
}

/// Lays out the Checklist sheet, filled with `assessment`'s answers.
pub(crate) fn checklist_sheet(
    framework: &ChecklistFramework,
    choices: &Choices,
    entries: &Area,
    assessment: &AuditAssessment,
) -> Sheet {
    let at = Columns::new(framework);
    let mut sheet = Sheet::new(SHEET);
    let mut titles: Vec<(&str, f64)> = vec![(header::ID, 8.0), ("Section", 10.0)];
    titles.extend(framework.groupings.iter().map(|g| (g.name.as_str(), 16.0)));
    titles.extend([
        ("Item", 60.0),
        (header::SCORE, 30.0),
        (header::EVIDENCE, 50.0),
        ("Points", 8.0),
        ("Max", 6.0),
    ]);
    sheet.header_row(0, &titles);
    let na = framework.not_applicable.allowed;
    let mut row = 0;
    for (section, item) in framework.items() {
        row += 1;
        let answer = answer_of(assessment, &item.id);
        sheet.text(row, Columns::ID, &item.id, Style::Text);
        sheet.text(row, Columns::SECTION, &section.id, Style::Text);
        for (index, grouping) in (0..).zip(&framework.groupings) {
            let group = item.groups.get(&grouping.id).map_or("", String::as_str);
            sheet.text(row, Columns::grouping(index), group, Style::Text);
        }
        sheet.text(row, at.item(), &item.text, Style::Text);
        sheet.text(row, at.score(), &choices.cell_text(answer), Style::Input);
        let evidence = assessment.evidence.get(&item.id);
        sheet.text(
            row,
            at.evidence(),
            evidence.map_or("", String::as_str),
            Style::Input,
        );
        let columns = PointColumns {
            score: at.score(),
            points: at.points(),
            max: at.max(),
        };
        let weights = (item.weight, framework.item_max(item), na);
        points(&mut sheet, row, columns, weights, answer);
    }
    let scores = Area::column(SHEET, at.score(), 1, data_rows(framework).1);
    finish_scored_sheet(&mut sheet, choices, entries, scores, at.max());
    sheet
}

/// Lays out the Totals sheet of a checklist: overall, each section, and
/// each group of each grouping, as formulas over the Checklist sheet with
/// kam's `report` stored beside them.
pub(crate) fn checklist_totals_sheet(
    framework: &ChecklistFramework,
    assessment: &AuditAssessment,
    report: &ChecklistReport,
) -> Sheet {
    let at = Columns::new(framework);
    let source = Source {
        sheet: SHEET,
        rows: data_rows(framework),
        id: Columns::ID,
        score: at.score(),
        points: at.points(),
        max: at.max(),
    };
    let answered = |keep: &dyn Fn(&crate::framework::ChecklistItem) -> bool| {
        let ids = framework.items().map(|(_, i)| i).filter(|i| keep(i));
        let done = ids.filter(|i| {
            assessment.scores.contains_key(&i.id) || assessment.not_applicable.contains(&i.id)
        });
        u32::try_from(done.count()).unwrap_or(u32::MAX)
    };
    let mut sheet = Sheet::new(totals::SHEET);
    let titles = totals::COLUMNS
        .get(..=usize::from(totals::column::PERCENT))
        .unwrap_or_default();
    sheet.header_row(0, titles);
    let mut row = 1;
    let overall = Figures {
        items: u32::try_from(framework.items().count()).unwrap_or(u32::MAX),
        answered: answered(&|_| true),
        score: report.overall.score,
        max: report.overall.max,
    };
    let labels = (
        totals::level::OVERALL,
        framework.id.as_str(),
        framework.name.as_str(),
    );
    total_row(&mut sheet, row, labels, Key::All, &overall, source);
    for section in &report.sections {
        row += 1;
        let items: Vec<&str> = section.items.iter().map(|i| i.id.as_str()).collect();
        let f = Figures {
            items: u32::try_from(items.len()).unwrap_or(u32::MAX),
            answered: answered(&|i| items.contains(&i.id.as_str())),
            score: section.score,
            max: section.max,
        };
        let labels = (SECTION, section.id.as_str(), section.name.as_str());
        let key = Key::Column(Columns::SECTION);
        total_row(&mut sheet, row, labels, key, &f, source);
    }
    for ((index, grouping), scored) in (0..).zip(&framework.groupings).zip(&report.groupings) {
        for group in &scored.groups {
            row += 1;
            let of_group =
                |i: &crate::framework::ChecklistItem| i.groups.get(&grouping.id) == Some(&group.id);
            let f = Figures {
                items: group.items,
                answered: answered(&of_group),
                score: group.score,
                max: group.max,
            };
            let labels = (
                grouping.name.as_str(),
                group.id.as_str(),
                group.name.as_str(),
            );
            let key = Key::Column(Columns::grouping(index));
            total_row(&mut sheet, row, labels, key, &f, source);
        }
    }
    completion_highlights(&mut sheet, row);
    sheet.text(
        row + 2,
        0,
        "Every figure is a formula over the Checklist sheet, so it follows the scores as they \
         are entered; the values stored with them are kam's.",
        Style::Note,
    );
    sheet.freeze = Some((1, 0));
    sheet.protected = true;
    sheet
}
