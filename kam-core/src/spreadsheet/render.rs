//! Writes a [`Book`] as `.xlsx` bytes with `rust_xlsxwriter`.

use rust_xlsxwriter::{
    Chart as XlsxChart, ChartFormat, ChartLegendPosition, ChartLine, ChartLineDashType,
    ChartSolidFill, Color, ConditionalFormatBlank, ConditionalFormatDataBar,
    ConditionalFormatFormula, ConditionalFormatType, DataValidation, DataValidationErrorStyle,
    DataValidationRule, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::book::{
    Book, Cached, Chart, Columns, Figure3, Highlight, Rule, Sheet, StagesChart, Style, Value,
};
use super::cell::{Address, Area};
use crate::error::{Error, LimitError, SpreadsheetError};

/// The longest text a cell holds: Excel's limit, in UTF-16 code units.
pub(crate) const MAX_CELL_TEXT: usize = 32_767;

/// Colours, shared with the SVG charts so a workbook and a report look alike.
mod colour {
    /// Complete periods and "done" cells: kam's chart green.
    pub(super) const COMPLETE: u32 = 0x002a_7f62;
    /// Periods not yet complete: kam's chart grey.
    pub(super) const INCOMPLETE: u32 = 0x009a_a5b1;
    /// The threshold line: kam's chart vermillion.
    pub(super) const THRESHOLD: u32 = 0x00d5_5e00;
    /// Header cells: kam's chart blue.
    pub(super) const HEADER: u32 = 0x001f_5fa8;
    /// Cells an assessor fills in.
    pub(super) const INPUT: u32 = 0x00ff_f8e1;
    /// The "to do" highlight.
    pub(super) const TO_DO: u32 = 0x00fd_e7d9;
    /// The "done" highlight.
    pub(super) const DONE: u32 = 0x00d8_efe5;
    /// Notes.
    pub(super) const MUTED: u32 = 0x005f_6b7a;
}

/// Writes `book` as an `.xlsx` file.
///
/// # Errors
/// `text-too-long` for a text beyond Excel's 32,767 characters; a writing
/// failure of `rust_xlsxwriter` (which the sheet builders rule out) as
/// `invalid-workbook`.
pub(crate) fn render(book: &Book) -> Result<Vec<u8>, Error> {
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    for sheet in &book.sheets {
        check_text(sheet)?;
        let worksheet = workbook.add_worksheet();
        write_sheet(worksheet, sheet, &formats).map_err(writing)?;
    }
    workbook.save_to_buffer().map_err(writing)
}

#[allow(clippy::needless_pass_by_value)] // the shape `map_err` takes
fn writing(e: XlsxError) -> Error {
    SpreadsheetError::InvalidWorkbook {
        reason: format!("it could not be written ({e})"),
    }
    .into()
}

/// Refuses text Excel cannot hold, naming the cell.
fn check_text(sheet: &Sheet) -> Result<(), Error> {
    for (&(row, column), cell) in &sheet.cells {
        let text = match &cell.value {
            Value::Text(text) => text,
            Value::Formula { formula, .. } => formula,
            _ => continue,
        };
        let units = text.encode_utf16().count();
        if units > MAX_CELL_TEXT {
            return Err(LimitError::TextTooLong {
                path: Address::new(&sheet.name, row, column).to_string(),
                chars: units,
                max: MAX_CELL_TEXT,
            }
            .into());
        }
    }
    Ok(())
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, formats: &Formats) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    // A formula whose result is empty text stores empty text, not the 0 that
    // rust_xlsxwriter stores by default, so scripts reading stored results
    // see what a spreadsheet shows.
    ws.set_formula_result_default("");
    for (&column, &width) in &sheet.widths {
        ws.set_column_width(column, width)?;
    }
    for &column in &sheet.hidden {
        ws.set_column_hidden(column)?;
    }
    for (&(row, column), cell) in &sheet.cells {
        write_cell(ws, row, column, &cell.value, formats.get(cell.style))?;
    }
    for validation in &sheet.validations {
        let (title, rule) = match &validation.rule {
            Rule::List(source) => (
                "Choose from the list",
                DataValidation::new()
                    .allow_list_formula(Formula::new(source.absolute()))
                    .set_error_style(DataValidationErrorStyle::Stop),
            ),
            Rule::Words(words) => (
                "Choose from the list",
                DataValidation::new()
                    .allow_list_strings(words)?
                    .set_error_style(DataValidationErrorStyle::Stop),
            ),
            Rule::Date => (
                "Enter a date",
                DataValidation::new().allow_date(DataValidationRule::Between(
                    ExcelDateTime::from_ymd(1900, 1, 1)?,
                    ExcelDateTime::from_ymd(9999, 12, 31)?,
                )),
            ),
        };
        let rule = rule
            .set_input_title(title)?
            .set_input_message(clip(&validation.prompt, 255))?
            .set_error_title("Not allowed here")?
            .set_error_message(clip(&validation.error, 255))?;
        let a = &validation.area;
        ws.add_data_validation(
            a.first_row,
            a.first_column,
            a.last_row,
            a.last_column,
            &rule,
        )?;
    }
    for highlight in &sheet.highlights {
        add_highlight(ws, highlight, formats)?;
    }
    for chart in &sheet.charts {
        let (at, chart) = match chart {
            Chart::Figure3(figure) => (figure.at, figure3(figure)),
            Chart::Stages(stages) => (stages.at, stages_chart(stages)),
            Chart::Columns(columns) => (columns.at, columns_chart(columns)),
        };
        ws.insert_chart(at.0, at.1, &chart)?;
    }
    if let Some((row, column)) = sheet.freeze {
        ws.set_freeze_panes(row, column)?;
    }
    if let Some(a) = &sheet.filter {
        ws.autofilter(a.first_row, a.first_column, a.last_row, a.last_column)?;
    }
    if sheet.protected {
        // No password: protection guards ids and wording against slips, not
        // against an assessor who means to change them (the reader checks
        // ids anyway).
        ws.protect_with_options(&ProtectionOptions {
            format_columns: true,
            format_rows: true,
            sort: true,
            use_autofilter: true,
            ..ProtectionOptions::default()
        });
    }
    Ok(())
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    column: u16,
    value: &Value,
    format: &Format,
) -> Result<(), XlsxError> {
    match value {
        Value::Blank => {
            ws.write_blank(row, column, format)?;
        }
        Value::Text(text) => {
            ws.write_string_with_format(row, column, text, format)?;
        }
        Value::Number(number) => {
            ws.write_number_with_format(row, column, *number, format)?;
        }
        Value::Bool(boolean) => {
            ws.write_boolean_with_format(row, column, *boolean, format)?;
        }
        Value::Date(date) => match excel_date(date) {
            Some(date) => {
                ws.write_datetime_with_format(row, column, date, format)?;
            }
            // Outside Excel's calendar (before 1900): kept as text.
            None => {
                ws.write_string_with_format(row, column, date.as_str(), format)?;
            }
        },
        Value::Formula { formula, result } => {
            let result = match result {
                Cached::Number(n) => n.to_string(),
                Cached::Text(t) => t.clone(),
            };
            ws.write_formula_with_format(
                row,
                column,
                Formula::new(formula).set_result(result),
                format,
            )?;
        }
    }
    Ok(())
}

/// A `YYYY-MM-DD` date Excel can hold (1900-03-01 on: before it Excel's
/// calendar counts a 29 February 1900 that never was), else `None`.
fn excel_date(date: &str) -> Option<ExcelDateTime> {
    let part = |range: std::ops::Range<usize>| date.get(range)?.parse::<u16>().ok();
    let (year, month, day) = (part(0..4)?, part(5..7)?, part(8..10)?);
    if (year, month) < (1900, 3) {
        return None;
    }
    ExcelDateTime::from_ymd(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?).ok()
}

/// At most `max` characters of `text`, for Excel's length limits on
/// dropdown prompts.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut clipped: String = text.chars().take(max - 1).collect();
    clipped.push('…');
    clipped
}

fn add_highlight(ws: &mut Worksheet, h: &Highlight, f: &Formats) -> Result<(), XlsxError> {
    let area = match h {
        Highlight::Blank(area)
        | Highlight::Bar(area)
        | Highlight::Done { area, .. }
        | Highlight::ToDo { area, .. } => area,
    };
    let (r1, c1, r2, c2) = (
        area.first_row,
        area.first_column,
        area.last_row,
        area.last_column,
    );
    match h {
        Highlight::Blank(_) => {
            ws.add_conditional_format(
                r1,
                c1,
                r2,
                c2,
                &ConditionalFormatBlank::new().set_format(&f.to_do),
            )?;
        }
        Highlight::Done { formula, .. } | Highlight::ToDo { formula, .. } => {
            let tint = if matches!(h, Highlight::Done { .. }) {
                &f.done
            } else {
                &f.to_do
            };
            let rule = ConditionalFormatFormula::new()
                .set_rule(formula.as_str())
                .set_format(tint);
            ws.add_conditional_format(r1, c1, r2, c2, &rule)?;
        }
        Highlight::Bar(_) => {
            let bar = ConditionalFormatDataBar::new()
                .set_minimum(ConditionalFormatType::Number, 0)
                .set_maximum(ConditionalFormatType::Number, 1)
                .set_fill_color(Color::RGB(colour::COMPLETE))
                .set_solid_fill(true);
            ws.add_conditional_format(r1, c1, r2, c2, &bar)?;
        }
    }
    Ok(())
}

/// A chart range as `rust_xlsxwriter` takes it.
fn range(area: &Area) -> (&str, u32, u16, u32, u16) {
    (
        area.sheet.as_str(),
        area.first_row,
        area.first_column,
        area.last_row,
        area.last_column,
    )
}

fn fill(colour: u32) -> ChartFormat {
    let mut format = ChartFormat::new();
    format.set_solid_fill(ChartSolidFill::new().set_color(Color::RGB(colour)));
    format
}

/// Figure 3: two overlapping column series (complete, not yet complete),
/// each period's bar in one of them, so the colours follow the scores live,
/// and the threshold as a dashed line.
fn figure3(figure: &Figure3) -> XlsxChart {
    let mut chart = XlsxChart::new_column();
    chart.title().set_name(&figure.title);
    chart
        .add_series()
        .set_name("Complete")
        .set_categories(range(&figure.categories))
        .set_values(range(&figure.complete))
        .set_format(&mut fill(colour::COMPLETE))
        .set_overlap(100)
        .set_gap(50);
    chart
        .add_series()
        .set_name("Not yet complete")
        .set_categories(range(&figure.categories))
        .set_values(range(&figure.incomplete))
        .set_format(&mut fill(colour::INCOMPLETE));
    chart.y_axis().set_min(0).set_max(1).set_num_format("0%");
    let mut threshold = XlsxChart::new_line();
    let mut line = ChartFormat::new();
    line.set_line(
        ChartLine::new()
            .set_color(Color::RGB(colour::THRESHOLD))
            .set_dash_type(ChartLineDashType::Dash)
            .set_width(1.5),
    );
    threshold
        .add_series()
        .set_name("Completion threshold")
        .set_categories(range(&figure.categories))
        .set_values(range(&figure.threshold))
        .set_format(&mut line);
    chart.combine(&threshold);
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.show_hidden_data();
    chart.set_width(720).set_height(360);
    chart
}

/// Stage by programme area as horizontal bars from 0 to the top stage.
fn stages_chart(stages: &StagesChart) -> XlsxChart {
    let mut chart = XlsxChart::new_bar();
    chart.title().set_name(&stages.title);
    chart
        .add_series()
        .set_name("Stage")
        .set_categories(range(&stages.categories))
        .set_values(range(&stages.stages))
        .set_format(&mut fill(colour::HEADER));
    chart
        .x_axis()
        .set_min(0)
        .set_max(f64::from(stages.top))
        .set_major_unit(1);
    chart.y_axis().set_reverse();
    chart.legend().set_hidden();
    chart.show_hidden_data();
    chart.set_width(720).set_height(360);
    chart
}

/// Clustered columns, one series per measure.
fn columns_chart(columns: &Columns) -> XlsxChart {
    let mut chart = XlsxChart::new_column();
    chart.title().set_name(&columns.title);
    for series in &columns.series {
        chart
            .add_series()
            .set_name(&series.name)
            .set_categories(range(&columns.categories))
            .set_values(range(&series.values))
            .set_format(&mut fill(series.colour));
    }
    if columns.percent {
        chart.y_axis().set_min(0).set_max(1).set_num_format("0%");
    }
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(720).set_height(360);
    chart
}

/// One format per [`Style`], built once per workbook.
struct Formats {
    styles: Vec<(Style, Format)>,
    plain: Format,
    to_do: Format,
    done: Format,
}

impl Formats {
    fn new() -> Self {
        let wrap = || Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let input = || {
            wrap()
                .set_unlocked()
                .set_background_color(Color::RGB(colour::INPUT))
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(colour::INCOMPLETE))
        };
        let styles = vec![
            (Style::Title, Format::new().set_bold().set_font_size(16)),
            (Style::Heading, Format::new().set_bold().set_font_size(12)),
            (
                Style::Header,
                wrap()
                    .set_bold()
                    .set_font_color(Color::White)
                    .set_background_color(Color::RGB(colour::HEADER)),
            ),
            (Style::Label, wrap().set_bold()),
            (Style::Text, wrap()),
            (
                Style::Note,
                wrap()
                    .set_italic()
                    .set_font_color(Color::RGB(colour::MUTED)),
            ),
            (Style::Integer, Format::new().set_num_format("0")),
            (Style::Percent, Format::new().set_num_format("0.0%")),
            (Style::Total, Format::new().set_bold().set_num_format("0")),
            (
                Style::TotalPercent,
                Format::new().set_bold().set_num_format("0.0%"),
            ),
            (Style::Input, input()),
            (Style::InputDate, input().set_num_format("yyyy-mm-dd")),
        ];
        Formats {
            styles,
            plain: Format::new(),
            to_do: Format::new().set_background_color(Color::RGB(colour::TO_DO)),
            done: Format::new().set_background_color(Color::RGB(colour::DONE)),
        }
    }

    fn get(&self, style: Style) -> &Format {
        self.styles
            .iter()
            .find(|(s, _)| *s == style)
            .map_or(&self.plain, |(_, f)| f)
    }
}
