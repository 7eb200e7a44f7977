//! Action-audit assessments as CSV, in two layouts:
//!
//! - **long**: one row per item of each assessment, with the columns
//!   `assessment, framework, framework_version, organisation, unit,
//!   assessor, date, item, score, evidence`;
//! - **wide**: one row per assessment, the same first seven columns, then
//!   one column per item (its score) and `<item> evidence` columns.
//!
//! The reader takes UTF-8 with or without a byte-order mark, comma or
//! semicolon separators (and a decimal comma in scores), tells the layouts
//! apart by their header (a long file has an `item` column), and names the
//! row and column of every error, counting the header as row 1 as a
//! spreadsheet does. Scores are read as in a workbook: whole numbers
//! (`3`, `3.0`), blank for unscored, `N/A` where the framework allows it.

mod long;
mod wide;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::limits::{MAX_CELLS, MAX_ROWS};
use crate::assessment::{AuditAssessment, is_calendar_date};
use crate::error::{Error, LimitError, SpreadsheetError};
use crate::framework::{AuditFramework, Framework};
use crate::limits::{MAX_INPUT_BYTES, MAX_STRING_CHARS};

/// How to write CSV.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CsvOptions {
    /// `long` (one row per item; the default) or `wide` (one row per
    /// assessment).
    #[serde(default)]
    pub layout: CsvLayout,
    /// `comma` (the default) or `semicolon`, as spreadsheets in countries
    /// with a decimal comma write CSV.
    #[serde(default)]
    pub delimiter: CsvDelimiter,
    /// Start with a UTF-8 byte-order mark, which Excel needs to read
    /// non-ASCII text right; default `false`.
    #[serde(default)]
    pub bom: bool,
}

/// The shape of a CSV file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CsvLayout {
    /// One row per item of each assessment.
    #[default]
    Long,
    /// One row per assessment, one column per item.
    Wide,
}

/// The field separator.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CsvDelimiter {
    /// `,`
    #[default]
    Comma,
    /// `;`
    Semicolon,
}

impl CsvDelimiter {
    fn byte(self) -> u8 {
        match self {
            CsvDelimiter::Comma => b',',
            CsvDelimiter::Semicolon => b';',
        }
    }
}

/// Column titles shared by both layouts.
mod column {
    pub(super) const ASSESSMENT: &str = "assessment";
    pub(super) const FRAMEWORK: &str = "framework";
    pub(super) const VERSION: &str = "framework_version";
    pub(super) const ORGANISATION: &str = "organisation";
    pub(super) const UNIT: &str = "unit";
    pub(super) const ASSESSOR: &str = "assessor";
    pub(super) const DATE: &str = "date";
    pub(super) const ITEM: &str = "item";
    pub(super) const SCORE: &str = "score";
    pub(super) const EVIDENCE: &str = "evidence";
    /// The suffix of a wide file's evidence columns: `A1.1 evidence`.
    pub(super) const EVIDENCE_SUFFIX: &str = " evidence";
}

/// The columns every row of either layout starts with, in order.
const LEADING: [&str; 7] = [
    column::ASSESSMENT,
    column::FRAMEWORK,
    column::VERSION,
    column::ORGANISATION,
    column::UNIT,
    column::ASSESSOR,
    column::DATE,
];

/// Reads action-audit assessments from CSV (long or wide, told apart by the
/// header), each against the bundled framework it names in its `framework`
/// column.
///
/// # Errors
/// `input-too-large`, `too-many-rows`, `too-many-cells`, `text-too-long`;
/// `invalid-csv` (not UTF-8, a row longer than the header, a broken quote);
/// `missing-column`, `duplicate-column`; `unknown-framework`,
/// `framework-mismatch`, `version-mismatch`; `missing-item-id`,
/// `unknown-item`, `duplicate-entry`, `invalid-score`, `score-out-of-range`,
/// `invalid-date` and `inconsistent-values`: each names the row and column.
pub fn read_csv(data: &[u8]) -> Result<Vec<AuditAssessment>, Error> {
    read(data, None)
}

/// Reads action-audit assessments of `framework` (a user's framework file,
/// or a bundled one) from CSV; a `framework` or `framework_version` column,
/// if there is one, must name it.
///
/// # Errors
/// See [`read_csv`].
pub fn read_csv_with(framework: &Framework, data: &[u8]) -> Result<Vec<AuditAssessment>, Error> {
    read(data, Some(framework))
}

fn read(data: &[u8], framework: Option<&Framework>) -> Result<Vec<AuditAssessment>, Error> {
    let table = Table::parse(data)?;
    if table.column(column::ITEM).is_some() {
        long::read(&table, framework)
    } else {
        wide::read(&table, framework)
    }
}

/// Writes action-audit assessments as CSV, each against the bundled
/// framework it names.
///
/// # Errors
/// `unknown-framework`, `wrong-framework-type`, any error of validating an
/// assessment against its framework, and for the wide layout
/// `mixed-frameworks` (one header serves one framework version).
pub fn to_csv(assessments: &[AuditAssessment], options: &CsvOptions) -> Result<String, Error> {
    let frameworks = assessments
        .iter()
        .map(|a| Ok(crate::framework::builtin_framework(&a.framework)?.as_audit()?))
        .collect::<Result<Vec<&AuditFramework>, Error>>()?;
    write(assessments, &frameworks, *options)
}

/// Writes action-audit assessments of `framework` as CSV.
///
/// # Errors
/// See [`to_csv`].
pub fn to_csv_with(
    framework: &Framework,
    assessments: &[AuditAssessment],
    options: &CsvOptions,
) -> Result<String, Error> {
    let framework = framework.as_audit()?;
    write(assessments, &vec![framework; assessments.len()], *options)
}

fn write(
    assessments: &[AuditAssessment],
    frameworks: &[&AuditFramework],
    options: CsvOptions,
) -> Result<String, Error> {
    for (assessment, framework) in assessments.iter().zip(frameworks) {
        assessment.validate(framework)?;
    }
    let rows = match options.layout {
        CsvLayout::Long => long::rows(assessments, frameworks),
        CsvLayout::Wide => wide::rows(assessments, frameworks)?,
    };
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(options.delimiter.byte())
        .from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        writer
            .write_record(&row)
            .map_err(|e| csv_error("row", &e))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv_error("row", e.error()))?;
    let text = String::from_utf8(bytes).map_err(|_| csv_error_text("row", "not UTF-8"))?;
    Ok(if options.bom {
        format!("\u{feff}{text}")
    } else {
        text
    })
}

/// The first seven fields of a row: label, framework, version, context.
fn leading(label: &str, assessment: &AuditAssessment) -> Vec<String> {
    let context = &assessment.context;
    [
        Some(label),
        Some(assessment.framework.as_str()),
        Some(assessment.framework_version.as_str()),
        context.organisation.as_deref(),
        context.unit.as_deref(),
        context.assessor.as_deref(),
        context.date.as_deref(),
    ]
    .map(|field| field.unwrap_or("").to_owned())
    .to_vec()
}

fn csv_error(at: &str, e: &dyn std::fmt::Display) -> Error {
    csv_error_text(at, &e.to_string())
}

fn csv_error_text(at: &str, reason: &str) -> Error {
    SpreadsheetError::InvalidCsv {
        at: at.to_owned(),
        reason: reason.to_owned(),
    }
    .into()
}

/// A CSV file read into rows of text, within the limits.
pub(super) struct Table {
    /// The header's titles, trimmed.
    header: Vec<String>,
    /// The data rows, each as long as the header.
    rows: Vec<Vec<String>>,
}

impl Table {
    fn parse(data: &[u8]) -> Result<Table, Error> {
        if data.len() > MAX_INPUT_BYTES {
            return Err(LimitError::InputTooLarge {
                bytes: data.len(),
                max: MAX_INPUT_BYTES,
            }
            .into());
        }
        let data = data.strip_prefix("\u{feff}".as_bytes()).unwrap_or(data);
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(sniff(data))
            .from_reader(data);
        let mut records = Vec::new();
        let mut cells = 0usize;
        for (index, record) in reader.byte_records().enumerate() {
            let row = index + 1;
            if row > usize::try_from(MAX_ROWS).unwrap_or(usize::MAX) {
                return Err(SpreadsheetError::TooManyRows {
                    what: "the CSV text".to_owned(),
                    max: MAX_ROWS,
                }
                .into());
            }
            let record = record.map_err(|e| csv_error(&format!("row {row}"), &e))?;
            cells += record.len();
            if cells > MAX_CELLS {
                return Err(SpreadsheetError::TooManyCells {
                    what: "the CSV text".to_owned(),
                    max: MAX_CELLS,
                }
                .into());
            }
            let fields = record
                .iter()
                .map(|field| {
                    std::str::from_utf8(field)
                        .map(str::to_owned)
                        .map_err(|_| csv_error_text(&format!("row {row}"), "it is not UTF-8 text"))
                })
                .collect::<Result<Vec<String>, Error>>()?;
            records.push(fields);
        }
        let mut records = records.into_iter();
        let header: Vec<String> = records
            .next()
            .unwrap_or_default()
            .iter()
            .map(|t| t.trim().to_owned())
            .collect();
        let mut table = Table {
            header,
            rows: Vec::new(),
        };
        for (index, mut fields) in records.enumerate() {
            table.fit(index + 2, &mut fields)?;
            table.rows.push(fields);
        }
        table.check_text()?;
        Ok(table)
    }

    /// Pads a short row with blanks; a row longer than the header is an
    /// error unless the extra fields are empty (trailing separators).
    fn fit(&self, row: usize, fields: &mut Vec<String>) -> Result<(), Error> {
        let width = self.header.len();
        if fields.iter().skip(width).any(|f| !f.trim().is_empty()) {
            return Err(csv_error_text(
                &format!("row {row}"),
                &format!("it has {} fields, but the header has {width}", fields.len()),
            ));
        }
        fields.resize(width, String::new());
        Ok(())
    }

    /// Refuses a field longer than kam reads anywhere.
    fn check_text(&self) -> Result<(), Error> {
        for (index, row) in std::iter::once(&self.header).chain(&self.rows).enumerate() {
            for (column, field) in row.iter().enumerate() {
                let chars = field.chars().count();
                if chars > MAX_STRING_CHARS {
                    return Err(LimitError::TextTooLong {
                        path: self.place(index, column),
                        chars,
                        max: MAX_STRING_CHARS,
                    }
                    .into());
                }
            }
        }
        Ok(())
    }

    /// The column titled `title`, if any (compared without regard to case).
    fn column(&self, title: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|t| t.eq_ignore_ascii_case(title))
    }

    /// Refuses a header that names a column twice.
    fn check_unique_columns(&self) -> Result<(), Error> {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (column, title) in self.header.iter().enumerate() {
            if title.is_empty() {
                continue;
            }
            if seen.insert(title.to_lowercase(), column).is_some() {
                return Err(SpreadsheetError::DuplicateColumn {
                    at: format!("column {} of the CSV header", column + 1),
                    column: title.clone(),
                }
                .into());
            }
        }
        Ok(())
    }

    /// The field of data row `index` (from 0) in `column`; empty when the
    /// row or column is not there.
    fn field(&self, index: usize, column: Option<usize>) -> &str {
        column
            .and_then(|c| self.rows.get(index)?.get(c))
            .map_or("", String::as_str)
    }

    /// The field as text, `None` when empty (evidence and context are kept
    /// exactly as written).
    fn text(&self, index: usize, column: Option<usize>) -> Option<&str> {
        Some(self.field(index, column)).filter(|f| !f.is_empty())
    }

    /// The trimmed field, `None` when blank.
    fn trimmed(&self, index: usize, column: Option<usize>) -> Option<&str> {
        Some(self.field(index, column).trim()).filter(|f| !f.is_empty())
    }

    /// Where data row `index` (from 0) meets `column`, for messages:
    /// `` row 5, column `score` ``, counting the header as row 1.
    fn at(&self, index: usize, column: usize) -> String {
        self.place(index + 1, column)
    }

    /// Like [`Table::at`] with the header as row index 0.
    fn place(&self, row_index: usize, column: usize) -> String {
        let title = self.header.get(column).map_or("", String::as_str);
        format!("row {}, column `{title}`", row_index + 1)
    }
}

/// The separator: a semicolon when the header line has more of them than
/// commas (Excel in countries with a decimal comma), else a comma.
fn sniff(data: &[u8]) -> u8 {
    let line = data.split(|&b| b == b'\n').next().unwrap_or(data);
    #[allow(clippy::naive_bytecount)] // one short line
    let count = |c: u8| line.iter().filter(|&&b| b == c).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

/// A context date field: blank, or a calendar date.
fn date(table: &Table, index: usize, column: Option<usize>) -> Result<Option<String>, Error> {
    let Some(text) = table.trimmed(index, column) else {
        return Ok(None);
    };
    if is_calendar_date(text) {
        Ok(Some(text.to_owned()))
    } else {
        Err(SpreadsheetError::InvalidDate {
            at: table.at(index, column.unwrap_or(0)),
            value: format!("`{text}`"),
        }
        .into())
    }
}

/// The framework a row names, checked against `given` or looked up among
/// the bundled ones.
fn framework_of<'f>(
    table: &Table,
    index: usize,
    given: Option<&'f Framework>,
) -> Result<&'f AuditFramework, Error> {
    let (id_column, version_column) = (
        table.column(column::FRAMEWORK),
        table.column(column::VERSION),
    );
    let id = table.trimmed(index, id_column);
    let framework: &'f Framework = match (given, id) {
        (Some(f), _) => f,
        (None, Some(id)) => crate::framework::builtin_framework(id)?,
        (None, None) => {
            return Err(match id_column {
                Some(_) => SpreadsheetError::MissingField {
                    at: format!("row {}", index + 2),
                    field: column::FRAMEWORK.to_owned(),
                },
                None => SpreadsheetError::MissingColumn {
                    at: "the CSV header".to_owned(),
                    column: column::FRAMEWORK.to_owned(),
                },
            }
            .into());
        }
    };
    if let Some(id) = id.filter(|&id| id != framework.id()) {
        return Err(SpreadsheetError::FrameworkMismatch {
            at: table.at(index, id_column.unwrap_or(0)),
            expected: framework.id().to_owned(),
            found: id.to_owned(),
        }
        .into());
    }
    let version = table.trimmed(index, version_column);
    if let Some(version) = version.filter(|&v| v != framework.version()) {
        return Err(SpreadsheetError::VersionMismatch {
            at: table.at(index, version_column.unwrap_or(0)),
            framework: framework.id().to_owned(),
            expected: framework.version().to_owned(),
            found: version.to_owned(),
        }
        .into());
    }
    Ok(framework.as_audit()?)
}

#[cfg(test)]
mod tests;
