//! The Instructions sheet every template opens on: which framework and
//! version it is (the reader checks both), the context cells (organisation,
//! unit, assessor, date), how to fill it in, and the scale with its
//! dropdown entries.

use super::book::{Rule, Sheet, Style, Validation, Value};
use super::cell::Area;
use super::choices::Choices;
use crate::assessment::Context;
use crate::framework::{AuditFramework, MaturityModel, Source};

/// The sheet's name.
pub(crate) const SHEET: &str = "Instructions";

/// Labels in column A; the value is in column B of the same row. The reader
/// finds them by label, so rows may move.
pub(crate) mod label {
    pub(crate) const FRAMEWORK: &str = "Framework";
    pub(crate) const FRAMEWORK_ID: &str = "Framework id";
    pub(crate) const FRAMEWORK_VERSION: &str = "Framework version";
    pub(crate) const ORGANISATION: &str = "Organisation";
    pub(crate) const UNIT: &str = "Unit";
    pub(crate) const ASSESSOR: &str = "Assessor";
    pub(crate) const DATE: &str = "Date";
}

/// Who a framework is and where it comes from.
pub(crate) struct About<'a> {
    pub(crate) name: &'a str,
    pub(crate) id: &'a str,
    pub(crate) version: &'a str,
    pub(crate) source: &'a Source,
    pub(crate) description: &'a str,
}

impl<'a> From<&'a AuditFramework> for About<'a> {
    fn from(f: &'a AuditFramework) -> Self {
        About {
            name: &f.name,
            id: &f.id,
            version: &f.version,
            source: &f.source,
            description: &f.description,
        }
    }
}

impl<'a> From<&'a crate::framework::ChecklistFramework> for About<'a> {
    fn from(c: &'a crate::framework::ChecklistFramework) -> Self {
        About {
            name: &c.name,
            id: &c.id,
            version: &c.version,
            source: &c.source,
            description: &c.description,
        }
    }
}

impl<'a> From<&'a MaturityModel> for About<'a> {
    fn from(m: &'a MaturityModel) -> Self {
        About {
            name: &m.name,
            id: &m.id,
            version: &m.version,
            source: &m.source,
            description: &m.description,
        }
    }
}

/// The Instructions sheet and the cells holding the dropdown entries.
pub(crate) struct Instructions {
    pub(crate) sheet: Sheet,
    /// The dropdown entries of the scale, for the score cells' validation.
    pub(crate) entries: Area,
}

/// Lays out the Instructions sheet.
pub(crate) fn instructions(
    about: &About,
    context: &Context,
    steps: &[String],
    choices: &Choices,
) -> Instructions {
    let mut sheet = Sheet::new(SHEET);
    sheet.width(0, 22.0);
    sheet.width(1, 80.0);
    sheet.width(2, 50.0);
    sheet.text(0, 0, about.name, Style::Title);
    sheet.text(
        1,
        0,
        "An assessment template made by kam. Fill in the tinted cells on each sheet; \
         kam reads them back.",
        Style::Note,
    );
    let mut row = 3;
    sheet.text(row, 0, "The framework", Style::Heading);
    for (label, value) in [
        (label::FRAMEWORK, about.name.to_owned()),
        (label::FRAMEWORK_ID, about.id.to_owned()),
        (label::FRAMEWORK_VERSION, about.version.to_owned()),
        ("Source", source_text(about.source)),
        ("Description", about.description.to_owned()),
    ] {
        row += 1;
        sheet.text(row, 0, label, Style::Label);
        sheet.text(row, 1, &value, Style::Text);
    }
    row += 2;
    sheet.text(row, 0, "The assessment", Style::Heading);
    row = context_cells(&mut sheet, row + 1, context);
    row += 1;
    sheet.text(row, 0, "How to fill it in", Style::Heading);
    for (number, step) in steps.iter().enumerate() {
        row += 1;
        sheet.text(row, 0, &format!("{}.", number + 1), Style::Label);
        sheet.text(row, 1, step, Style::Text);
    }
    let entries = scale(&mut sheet, row + 2, choices);
    sheet.protected = true;
    Instructions { sheet, entries }
}

/// The four context cells from `row` on; returns the next free row.
fn context_cells(sheet: &mut Sheet, mut row: u32, context: &Context) -> u32 {
    for (label, value) in [
        (label::ORGANISATION, &context.organisation),
        (label::UNIT, &context.unit),
        (label::ASSESSOR, &context.assessor),
    ] {
        sheet.text(row, 0, label, Style::Label);
        sheet.text(row, 1, value.as_deref().unwrap_or(""), Style::Input);
        row += 1;
    }
    sheet.text(row, 0, label::DATE, Style::Label);
    let date = context
        .date
        .as_ref()
        .map_or(Value::Blank, |d| Value::Date(d.clone()));
    sheet.put(row, 1, date, Style::InputDate);
    sheet.validations.push(Validation {
        area: Area::column(SHEET, 1, row, row),
        rule: Rule::Date,
        prompt: "The date of the assessment, e.g. 2026-03-31.".to_owned(),
        error: "Enter a date, e.g. 2026-03-31.".to_owned(),
    });
    row + 1
}

/// The scale table from `row` on; returns the area of the dropdown entries.
fn scale(sheet: &mut Sheet, row: u32, choices: &Choices) -> Area {
    let what = choices.what;
    sheet.text(row, 0, &format!("The {what}s"), Style::Heading);
    let header = row + 1;
    for (column, title) in [
        titled(what),
        "Meaning".to_owned(),
        "Dropdown entry".to_owned(),
    ]
    .iter()
    .enumerate()
    {
        sheet.text(header, column_u16(column), title, Style::Header);
    }
    let mut last = header;
    for (value, meaning) in choices.values() {
        last += 1;
        sheet.number(last, 0, f64::from(value), Style::Integer);
        sheet.text(last, 1, meaning, Style::Text);
        sheet.text(last, 2, &choices.entry(value), Style::Text);
    }
    if choices.not_applicable {
        last += 1;
        sheet.text(
            last,
            1,
            "Not applicable (the framework allows it)",
            Style::Text,
        );
        sheet.text(last, 2, super::choices::NOT_APPLICABLE, Style::Text);
    }
    sheet.text(
        last + 1,
        0,
        "The meanings are quoted from the framework; the dropdown entries (the value, a dash \
         and the meaning) are kam's.",
        Style::Note,
    );
    Area::column(SHEET, 2, header + 1, last)
}

/// `score` → `Score`.
fn titled(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A column index of a short header list as a sheet column.
fn column_u16(column: usize) -> u16 {
    u16::try_from(column).unwrap_or(u16::MAX)
}

/// A source as one line: title — author, publisher, year.
pub(crate) fn source_text(source: &Source) -> String {
    let details: Vec<String> = [
        source.author.clone(),
        source.publisher.clone(),
        source.year.map(|y| y.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if details.is_empty() {
        source.title.clone()
    } else {
        format!("{} — {}", source.title, details.join(", "))
    }
}
