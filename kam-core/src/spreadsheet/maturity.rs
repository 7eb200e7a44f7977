//! The sheets of a maturity-model workbook: Maturity, one row per programme
//! area with its stage, evidence and every stage's descriptor; and Summary,
//! the weakest link and mean stage as live formulas, with a bar chart.

use super::book::{Cached, Chart, Highlight, Rule, Sheet, StagesChart, Style, Validation};
use super::cell::{Address, Area};
use super::choices::Choices;
use crate::framework::MaturityModel;
use crate::maturity::{MaturityAssessment, MaturityReport};

/// The sheet of programme areas.
pub(crate) const SHEET: &str = "Maturity";
/// The summary sheet.
pub(crate) const SUMMARY: &str = "Summary";

/// Column titles; the reader finds columns by these.
pub(crate) mod header {
    pub(crate) const ID: &str = "Id";
    pub(crate) const STAGE: &str = "Stage";
    pub(crate) const EVIDENCE: &str = "Evidence";
}

const STAGE: u16 = 2;
const EVIDENCE: u16 = 3;
/// The first descriptor column; one per stage follows.
const DESCRIPTORS: u16 = 4;

/// Lays out the Maturity sheet, filled with `assessment`'s stages if given.
pub(crate) fn maturity_sheet(
    model: &MaturityModel,
    choices: &Choices,
    entries: &Area,
    assessment: Option<&MaturityAssessment>,
) -> Sheet {
    let mut sheet = Sheet::new(SHEET);
    let mut columns: Vec<(String, f64)> = vec![
        (header::ID.to_owned(), 16.0),
        ("Programme area".to_owned(), 24.0),
        (header::STAGE.to_owned(), 22.0),
        (header::EVIDENCE.to_owned(), 40.0),
    ];
    columns.extend(
        choices
            .values()
            .map(|(stage, _)| (choices.entry(stage), 32.0)),
    );
    columns.push(("Stage number".to_owned(), 8.0));
    let titles: Vec<(&str, f64)> = columns.iter().map(|(t, w)| (t.as_str(), *w)).collect();
    sheet.header_row(0, &titles);
    let number_column = stage_number_column(model);
    let mut row = 0;
    for area in &model.areas {
        row += 1;
        let stage = assessment.and_then(|a| a.stages.get(&area.id)).copied();
        sheet.text(row, 0, &area.id, Style::Text);
        sheet.text(row, 1, &area.name, Style::Label);
        let cell = stage.map_or_else(String::new, |s| choices.entry(s));
        sheet.text(row, STAGE, &cell, Style::Input);
        let evidence = assessment.and_then(|a| a.evidence.get(&area.id));
        sheet.text(
            row,
            EVIDENCE,
            evidence.map_or("", String::as_str),
            Style::Input,
        );
        for (column, descriptor) in (DESCRIPTORS..).zip(&area.descriptors) {
            sheet.text(row, column, descriptor, Style::Text);
        }
        let stage_cell = Address::new(SHEET, row, STAGE).local();
        sheet.formula(
            row,
            number_column,
            format!("IF({stage_cell}=\"\",\"\",VALUE(LEFT({stage_cell},FIND(\" \",{stage_cell}&\" \")-1)))"),
            stage.map_or(Cached::Text(String::new()), |s| Cached::Number(f64::from(s))),
            Style::Integer,
        );
    }
    let last = row.max(1);
    let stages = Area::column(SHEET, STAGE, 1, last);
    sheet.validations.push(Validation {
        area: stages.clone(),
        rule: Rule::List(entries.clone()),
        prompt: choices.prompt(),
        error: "Pick a stage from the list; the columns to the right describe each.".to_owned(),
    });
    sheet.highlights.push(Highlight::Blank(stages));
    sheet.freeze = Some((1, 2));
    sheet.protected = true;
    sheet
}

/// The column holding each area's stage as a number, for the formulas.
fn stage_number_column(model: &MaturityModel) -> u16 {
    DESCRIPTORS + u16::try_from(model.stages.len()).unwrap_or(0)
}

/// Lays out the Summary sheet from `report` (kam's values for the formulas).
pub(crate) fn summary_sheet(model: &MaturityModel, report: &MaturityReport) -> Sheet {
    let mut sheet = Sheet::new(SUMMARY);
    sheet.header_row(0, &[("Measure", 40.0), ("Value", 12.0)]);
    let last = u32::try_from(model.areas.len()).unwrap_or(1).max(1);
    let numbers = Area::column(SHEET, stage_number_column(model), 1, last).absolute();
    let assessed = u32::try_from(report.areas.len()).unwrap_or(0);
    let none = |formula: String| format!("IF(COUNT({numbers})=0,\"\",{formula})");
    let rows = [
        (
            "Programme areas assessed",
            format!("COUNT({numbers})"),
            Cached::Number(f64::from(assessed)),
            Style::Integer,
        ),
        (
            "Weakest link: the lowest stage of any area",
            none(format!("MIN({numbers})")),
            report
                .weakest_link
                .as_ref()
                .map_or(Cached::Text(String::new()), |s| {
                    Cached::Number(f64::from(s.stage))
                }),
            Style::Integer,
        ),
        (
            "Mean stage",
            none(format!("AVERAGE({numbers})")),
            report
                .mean_stage
                .map_or(Cached::Text(String::new()), Cached::Number),
            Style::Text,
        ),
    ];
    for (row, (label, formula, cached, style)) in (1u32..).zip(rows) {
        sheet.text(row, 0, label, Style::Label);
        sheet.formula(row, 1, formula, cached, style);
    }
    sheet.text(
        4,
        0,
        "Formulas over the Maturity sheet: they follow the stages as they are entered.",
        Style::Note,
    );
    sheet.charts.push(Chart::Stages(StagesChart {
        title: "Stage by programme area".to_owned(),
        at: (6, 0),
        categories: Area::column(SHEET, 1, 1, last),
        stages: Area::column(SHEET, stage_number_column(model), 1, last),
        top: model.top_stage(),
    }));
    sheet.protected = true;
    sheet
}
