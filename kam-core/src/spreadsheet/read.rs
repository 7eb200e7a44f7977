//! Reading a workbook's sheets with calamine, within the limits: the
//! workbook is checked ([`super::limits::check_workbook`]) before calamine
//! opens it, and each sheet is streamed cell by cell, counting rows and
//! cells, into a [`Grid`] of the cells that hold something.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx, XlsxError, XlsxFormulaMetadata};

use super::cell::Address;
use super::choices::Raw;
use super::limits::{self, MAX_CELLS, MAX_ROWS};
use crate::error::{Error, LimitError, SpreadsheetError};
use crate::limits::MAX_STRING_CHARS;

/// An open workbook.
pub(crate) struct Workbook<'a> {
    xlsx: Xlsx<Cursor<&'a [u8]>>,
}

impl<'a> Workbook<'a> {
    /// Checks `bytes` against the limits, then opens them with calamine.
    ///
    /// # Errors
    /// The limit errors of [`limits::check_workbook`], and
    /// `invalid-workbook` when calamine cannot read the workbook's parts.
    pub(crate) fn open(bytes: &'a [u8]) -> Result<Self, Error> {
        limits::check_workbook(bytes)?;
        let xlsx = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
        if xlsx.sheet_names().is_empty() {
            return Err(limits::invalid("it has no sheets"));
        }
        Ok(Workbook { xlsx })
    }

    /// The sheet names, in tab order.
    pub(crate) fn sheet_names(&self) -> Vec<String> {
        self.xlsx.sheet_names()
    }

    /// The name of the sheet called `name`, or failing that the one sheet
    /// whose name is `name` up to case and surrounding spaces.
    pub(crate) fn find_sheet(&self, name: &str) -> Option<String> {
        let names = self.sheet_names();
        if names.iter().any(|n| n == name) {
            return Some(name.to_owned());
        }
        let mut close = names
            .into_iter()
            .filter(|n| n.trim().eq_ignore_ascii_case(name));
        match (close.next(), close.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }

    /// Reads sheet `name`, which must exist.
    ///
    /// # Errors
    /// `missing-sheet` listing the sheets there are; `too-many-rows` and
    /// `too-many-cells`; `invalid-workbook` for a sheet calamine cannot read.
    pub(crate) fn grid(&mut self, name: &str) -> Result<Grid, Error> {
        let Some(found) = self.find_sheet(name) else {
            let names: Vec<String> = self
                .sheet_names()
                .iter()
                .map(|n| format!("`{n}`"))
                .collect();
            return Err(SpreadsheetError::MissingSheet {
                sheet: name.to_owned(),
                found: names.join(", "),
            }
            .into());
        };
        let mut reader = self
            .xlsx
            .worksheet_cells_reader(&found)
            .map_err(|e| unreadable(&e))?;
        let mut grid = Grid {
            sheet: found.clone(),
            cells: BTreeMap::new(),
        };
        // Shared formulas: the anchor's text and position, by index, so a
        // copy can be shown as the formula it stands for.
        let mut shared: BTreeMap<usize, (String, (u32, u32))> = BTreeMap::new();
        let mut seen = 0usize;
        while let Some(record) = reader
            .next_cell_with_formula_metadata()
            .map_err(|e| unreadable(&e))?
        {
            seen += 1;
            if seen > MAX_CELLS {
                return Err(SpreadsheetError::TooManyCells {
                    what: format!("sheet `{found}`"),
                    max: MAX_CELLS,
                }
                .into());
            }
            let (row, column) = record.pos;
            if row >= MAX_ROWS {
                return Err(SpreadsheetError::TooManyRows {
                    what: format!("sheet `{found}`"),
                    max: MAX_ROWS,
                }
                .into());
            }
            let formula = record.formula.map(|f| match f {
                XlsxFormulaMetadata::Normal { formula } => formula,
                XlsxFormulaMetadata::Shared {
                    shared_index,
                    formula,
                    ..
                } => {
                    shared.insert(shared_index, (formula.clone(), record.pos));
                    formula
                }
                XlsxFormulaMetadata::SharedDerived { shared_index } => shared
                    .get(&shared_index)
                    .and_then(|(formula, from)| {
                        calamine::expand_shared_formula(formula, *from, record.pos).ok()
                    })
                    .unwrap_or_default(),
                // A kind calamine may add later: still a formula.
                _ => String::new(),
            });
            let raw = raw(&record.value);
            if raw != Raw::Empty || formula.is_some() {
                grid.cells.insert((row, column), Found { raw, formula });
            }
        }
        Ok(grid)
    }
}

/// calamine's complaint as an `invalid-workbook` error.
fn unreadable(e: &XlsxError) -> Error {
    let reason = match e {
        XlsxError::FileNotFound(part) => format!("its part `{part}` is missing"),
        XlsxError::Password => "it is password-protected".to_owned(),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            let first = chars.next().map(|c| c.to_lowercase().collect::<String>());
            format!(
                "its parts do not form a workbook ({}{})",
                first.unwrap_or_default(),
                chars.as_str()
            )
        }
    };
    limits::invalid(&reason)
}

/// A cell value as the readers meet it.
fn raw(value: &DataRef) -> Raw {
    match value {
        DataRef::Empty => Raw::Empty,
        DataRef::String(text) | DataRef::DurationIso(text) => Raw::Text(text.clone()),
        DataRef::SharedString(text) => Raw::Text((*text).to_owned()),
        // Whole numbers beyond 2^53 lose precision as floats; no score or
        // stage comes near.
        #[allow(clippy::cast_precision_loss)]
        DataRef::Int(n) => Raw::Number(*n as f64),
        DataRef::Float(n) => Raw::Number(*n),
        DataRef::Bool(b) => Raw::Bool(*b),
        DataRef::DateTime(date) if date.is_datetime() => {
            let (y, m, d, hh, mm, ss, ms) = date.to_ymd_hms_milli();
            if (hh, mm, ss, ms) == (0, 0, 0, 0) {
                Raw::Date(format!("{y:04}-{m:02}-{d:02}"))
            } else {
                Raw::Date(format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}"))
            }
        }
        DataRef::DateTime(duration) => Raw::Number(duration.as_f64()),
        DataRef::DateTimeIso(text) => Raw::Date(text.clone()),
        DataRef::Error(e) => Raw::Error(e.to_string()),
    }
}

/// One non-empty cell: its value, and its formula if it has one (the value
/// is then the result the file stored).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) raw: Raw,
    pub(crate) formula: Option<String>,
}

/// The non-empty cells of one sheet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Grid {
    pub(crate) sheet: String,
    pub(crate) cells: BTreeMap<(u32, u32), Found>,
}

/// The columns of a header row, found by title.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Header {
    pub(crate) row: u32,
    /// The column of each title asked for, in the order asked; `None` for
    /// an optional title that is not there.
    pub(crate) columns: Vec<Option<u32>>,
}

impl Grid {
    /// The cell's content, empty when it has none.
    pub(crate) fn raw(&self, row: u32, column: u32) -> &Raw {
        const EMPTY: &Raw = &Raw::Empty;
        self.cells.get(&(row, column)).map_or(EMPTY, |f| &f.raw)
    }

    /// The cell's formula, if it has one.
    pub(crate) fn formula(&self, row: u32, column: u32) -> Option<&str> {
        self.cells
            .get(&(row, column))
            .and_then(|f| f.formula.as_deref())
    }

    /// The address of a cell of this sheet, for messages.
    pub(crate) fn at(&self, row: u32, column: u32) -> String {
        Address::new(&self.sheet, row, column).at()
    }

    /// The cell's content as text (numbers as spreadsheets show them),
    /// `None` when it is empty: evidence and context, kept exactly.
    ///
    /// # Errors
    /// `text-too-long` beyond [`MAX_STRING_CHARS`], the limit on every text
    /// kam reads, so an imported assessment is always one kam accepts as JSON.
    pub(crate) fn text(&self, row: u32, column: u32) -> Result<Option<String>, Error> {
        let text = self.raw(row, column).text();
        if let Some(chars) = text.as_ref().map(|t| t.chars().count())
            && chars > MAX_STRING_CHARS
        {
            return Err(LimitError::TextTooLong {
                path: Address::new(&self.sheet, row, column).to_string(),
                chars,
                max: MAX_STRING_CHARS,
            }
            .into());
        }
        Ok(text)
    }

    /// The cell's text, trimmed; `None` when it is empty or only spaces.
    ///
    /// # Errors
    /// See [`Grid::text`].
    pub(crate) fn trimmed(&self, row: u32, column: u32) -> Result<Option<String>, Error> {
        Ok(self
            .text(row, column)?
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty()))
    }

    /// The rows that hold something, in order.
    pub(crate) fn rows(&self) -> impl Iterator<Item = u32> + '_ {
        let mut last = None;
        self.cells.keys().filter_map(move |&(row, _)| {
            if last == Some(row) {
                None
            } else {
                last = Some(row);
                Some(row)
            }
        })
    }

    /// Finds the header row: the first row holding every `required` title
    /// (compared trimmed and without regard to case). Optional titles are
    /// looked for in that row too.
    ///
    /// # Errors
    /// `missing-column` naming the first required title no row has in full,
    /// `duplicate-column` for a title given twice in the header row.
    pub(crate) fn header(&self, required: &[&str], optional: &[&str]) -> Result<Header, Error> {
        let row = self.rows().find(|&row| {
            required
                .iter()
                .all(|title| self.columns_titled(row, title).next().is_some())
        });
        let Some(row) = row else {
            // Name the first title missing from the row closest to a header.
            let present = |row: u32| {
                required
                    .iter()
                    .filter(|title| self.columns_titled(row, title).next().is_some())
                    .count()
            };
            let best = self.rows().fold(None, |best: Option<(u32, usize)>, row| {
                let count = present(row);
                match best {
                    Some((_, most)) if most >= count => best,
                    _ => Some((row, count)),
                }
            });
            let missing = required
                .iter()
                .find(|title| {
                    best.is_none_or(|(r, _)| self.columns_titled(r, title).next().is_none())
                })
                .copied()
                .unwrap_or_default();
            return Err(SpreadsheetError::MissingColumn {
                at: format!("sheet `{}`", self.sheet),
                column: missing.to_owned(),
            }
            .into());
        };
        let mut columns = Vec::new();
        for title in required.iter().chain(optional) {
            let mut found = self.columns_titled(row, title);
            let first = found.next();
            if let Some(second) = found.next() {
                return Err(SpreadsheetError::DuplicateColumn {
                    at: self.at(row, second),
                    column: (*title).to_owned(),
                }
                .into());
            }
            columns.push(first);
        }
        Ok(Header { row, columns })
    }

    /// The columns of `row` titled `title`.
    fn columns_titled<'g>(&'g self, row: u32, title: &'g str) -> impl Iterator<Item = u32> + 'g {
        self.cells
            .range((row, 0)..=(row, u32::MAX))
            .filter(move |(_, found)| {
                found
                    .raw
                    .text()
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case(title))
            })
            .map(|(&(_, column), _)| column)
    }

    /// The row whose column A holds `label` (trimmed, any case), if any.
    pub(crate) fn labelled(&self, label: &str) -> Option<u32> {
        self.cells.iter().find_map(|(&(row, column), found)| {
            (column == 0
                && found
                    .raw
                    .text()
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case(label)))
            .then_some(row)
        })
    }
}
