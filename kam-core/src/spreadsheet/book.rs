//! The workbook model: sheets of cells with their styles, dropdowns,
//! highlights and charts, as the sheet builders lay them out and before
//! [`super::render`] writes them.
//!
//! Laying a workbook out first and writing it second keeps each builder a
//! plain function of the framework, lets tests ask where a value went, and
//! lets a golden-vector recipe ([`super::recipe`]) edit the workbook (set a
//! cell, reorder rows) exactly as an assessor would before it is written.

use std::collections::BTreeMap;

use super::cell::{Address, Area};

/// A workbook: its sheets in tab order.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Book {
    pub(crate) sheets: Vec<Sheet>,
}

impl Book {
    /// The sheet with this name, if any.
    pub(crate) fn sheet_mut(&mut self, name: &str) -> Option<&mut Sheet> {
        self.sheets.iter_mut().find(|s| s.name == name)
    }

    /// The sheet with this name, if any.
    #[cfg(test)]
    pub(crate) fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.name == name)
    }
}

/// One worksheet.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Sheet {
    pub(crate) name: String,
    /// Cells by (row, column), both from 0.
    pub(crate) cells: BTreeMap<(u32, u16), Cell>,
    /// Column widths in characters, by column.
    pub(crate) widths: BTreeMap<u16, f64>,
    /// Columns hidden from view (chart helpers).
    pub(crate) hidden: Vec<u16>,
    /// Dropdowns and other input rules.
    pub(crate) validations: Vec<Validation>,
    /// Conditional formats.
    pub(crate) highlights: Vec<Highlight>,
    /// Charts, drawn over the cells.
    pub(crate) charts: Vec<Chart>,
    /// Protected: only cells styled as input can be edited (no password, so
    /// an assessor who must can still unprotect the sheet).
    pub(crate) protected: bool,
    /// Rows and columns above and left of this cell stay in view.
    pub(crate) freeze: Option<(u32, u16)>,
    /// A filter button on each header cell of this area.
    pub(crate) filter: Option<Area>,
}

impl Sheet {
    pub(crate) fn new(name: &str) -> Self {
        Sheet {
            name: name.to_owned(),
            ..Sheet::default()
        }
    }

    /// Puts a value in a cell, replacing what was there.
    pub(crate) fn put(&mut self, row: u32, column: u16, value: Value, style: Style) {
        self.cells.insert((row, column), Cell { value, style });
    }

    /// Puts text in a cell; empty text leaves the cell blank but styled.
    pub(crate) fn text(&mut self, row: u32, column: u16, text: &str, style: Style) {
        let value = if text.is_empty() {
            Value::Blank
        } else {
            Value::Text(text.to_owned())
        };
        self.put(row, column, value, style);
    }

    /// Puts a number in a cell.
    pub(crate) fn number(&mut self, row: u32, column: u16, number: f64, style: Style) {
        self.put(row, column, Value::Number(number), style);
    }

    /// Puts a formula and the result kam computed for it.
    pub(crate) fn formula(
        &mut self,
        row: u32,
        column: u16,
        formula: String,
        result: Cached,
        style: Style,
    ) {
        self.put(row, column, Value::Formula { formula, result }, style);
    }

    pub(crate) fn width(&mut self, column: u16, width: f64) {
        self.widths.insert(column, width);
    }

    /// A table's header row: one title per column from A, with its width.
    pub(crate) fn header_row(&mut self, row: u32, columns: &[(&str, f64)]) {
        for (column, (title, width)) in (0u16..).zip(columns) {
            self.text(row, column, title, Style::Header);
            self.width(column, *width);
        }
    }

    /// Where a cell of this sheet is, for formulas on other sheets.
    pub(crate) fn address(&self, row: u32, column: u16) -> Address {
        Address::new(&self.name, row, column)
    }
}

/// One cell: its value and how it looks.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    pub(crate) value: Value,
    pub(crate) style: Style,
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// Nothing, but styled (e.g. an empty input cell).
    Blank,
    Text(String),
    Number(f64),
    /// A logical value, `TRUE` or `FALSE`.
    Bool(bool),
    /// A calendar date, `YYYY-MM-DD`, written as an Excel date.
    Date(String),
    /// A formula with the result kam computed, which spreadsheets show until
    /// they recalculate and scripts read without recalculating.
    Formula {
        formula: String,
        result: Cached,
    },
}

/// The result stored with a formula.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cached {
    Number(f64),
    Text(String),
}

/// How a cell looks; [`super::render`] turns each into a format once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Style {
    /// The sheet's title.
    Title,
    /// A section heading.
    Heading,
    /// A table's header cell.
    Header,
    /// A label in front of a value.
    Label,
    /// Ordinary text, wrapped.
    Text,
    /// Small grey text: provenance notes.
    Note,
    /// A whole number.
    Integer,
    /// A fraction shown as a percentage with one decimal.
    Percent,
    /// A total: bold whole number.
    Total,
    /// A total shown as a percentage.
    TotalPercent,
    /// A cell the assessor fills in: unlocked, tinted.
    Input,
    /// An input cell for a date, shown `yyyy-mm-dd`.
    InputDate,
}

/// An input rule on an area of cells.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Validation {
    pub(crate) area: Area,
    pub(crate) rule: Rule,
    /// Shown when a cell of the area is selected (at most 255 characters).
    pub(crate) prompt: String,
    /// Shown when a value breaks the rule (at most 255 characters).
    pub(crate) error: String,
}

/// What an input rule allows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Rule {
    /// One of the values in this area (the dropdown).
    List(Area),
    /// One of these words (the dropdown), e.g. `Yes`, `No`.
    Words(Vec<String>),
    /// A date from 1900-01-01 to 9999-12-31.
    Date,
}

/// A conditional format.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Highlight {
    /// Blank cells get the "to do" tint.
    Blank(Area),
    /// Cells where the formula (written for the area's top-left cell) is
    /// true get the "done" tint.
    Done { area: Area, formula: String },
    /// Cells where the formula is true get the "to do" tint.
    ToDo { area: Area, formula: String },
    /// A bar in each cell, as long as its value (a fraction from 0 to 1).
    Bar(Area),
}

/// A native chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Chart {
    /// Figure 3 of the Cranfield paper: completion of each period, bars
    /// coloured by whether the period is complete, and the threshold line.
    Figure3(Figure3),
    /// Stage by programme area, as horizontal bars.
    Stages(StagesChart),
    /// Clustered columns, one series per measure.
    Columns(Columns),
}

/// A clustered column chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Columns {
    pub(crate) title: String,
    pub(crate) at: (u32, u16),
    pub(crate) categories: Area,
    pub(crate) series: Vec<Series>,
    /// Values are fractions, shown from 0% to 100%.
    pub(crate) percent: bool,
}

/// One series of a column chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Series {
    pub(crate) name: String,
    pub(crate) values: Area,
    /// An RGB colour.
    pub(crate) colour: u32,
}

impl Series {
    /// An earlier measure: a pale blue, as the SVG progress chart has it.
    pub(crate) const PALE: u32 = 0x00a9_c1de;
    /// A later measure: kam's chart blue.
    pub(crate) const STRONG: u32 = 0x001f_5fa8;
}

/// The cells Figure 3 is drawn from, all ranges of one length.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure3 {
    pub(crate) title: String,
    /// Where the chart's top-left corner sits.
    pub(crate) at: (u32, u16),
    /// Period names.
    pub(crate) categories: Area,
    /// Completion of complete periods, 0 elsewhere.
    pub(crate) complete: Area,
    /// Completion of periods not yet complete, 0 elsewhere.
    pub(crate) incomplete: Area,
    /// The completion threshold, repeated per period.
    pub(crate) threshold: Area,
}

/// The cells a maturity stage chart is drawn from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StagesChart {
    pub(crate) title: String,
    pub(crate) at: (u32, u16),
    /// Programme area names.
    pub(crate) categories: Area,
    /// Stage numbers.
    pub(crate) stages: Area,
    /// The highest stage, for the axis.
    pub(crate) top: u8,
}
