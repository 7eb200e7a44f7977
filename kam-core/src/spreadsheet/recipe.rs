//! Recipes: a workbook described as "this template or export, then these
//! edits", so the golden vectors for bad workbooks need no binary files and
//! Rust, Python and JavaScript replay exactly the same cases.
//!
//! A recipe starts from a template, an export, or raw text, then applies
//! edits in order: first edits of cells and sheets (as an assessor would
//! make them in a spreadsheet), then edits of the zip archive's parts (as
//! only a hostile file would have them: zip bombs, deep XML, thousands of
//! parts). tests/vectors/README.md documents the format.
//!
//! ```
//! use kam_core::spreadsheet::{self, recipe::Recipe};
//!
//! let recipe: Recipe = serde_json::from_str(r#"{
//!     "start": {"template": "cranfield-kam-development"},
//!     "edits": [{"set": {"cell": "Audit!F17", "text": "abc"}}]
//! }"#).unwrap();
//! let workbook = spreadsheet::recipe::build(&recipe, None)?;
//! let err = spreadsheet::read_xlsx(&workbook).unwrap_err();
//! assert_eq!(err.kind(), "invalid-score");
//! assert!(err.to_string().starts_with("`Audit!F17` holds `abc`, not a score"));
//! # Ok::<(), kam_core::Error>(())
//! ```

use std::io::{Cursor, Write};

use serde::{Deserialize, Serialize};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::book::{Book, Cached, Sheet, Style, Value};
use super::cell::parse_cell;
use super::limits::{MAX_PARTS, MAX_UNPACKED_BYTES, MAX_WORKBOOK_BYTES};
use super::{ExportInput, render};
use crate::error::{Error, InputError};
use crate::framework::Framework;
use crate::scoring::ScoreOptions;

/// A workbook to build: where it starts and the edits made to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Recipe {
    /// The workbook before any edit.
    pub start: Start,
    /// The edits, in order: cell and sheet edits before part edits.
    #[serde(default)]
    pub edits: Vec<Edit>,
}

/// Where a recipe starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Start {
    /// The template of the framework with this id: the one given to
    /// [`build`] if it has this id, else the bundled one.
    Template(String),
    /// The export of an assessment (with default score options).
    Export(Box<ExportInput>),
    /// These bytes (UTF-8 text): a file that is no workbook at all.
    Text(String),
}

/// One edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Edit {
    /// Puts a value in a cell, as typing it would.
    Set(SetCell),
    /// Empties a cell, e.g. `Audit!F17`.
    Clear(String),
    /// Renames a sheet.
    RenameSheet {
        /// The current name.
        from: String,
        /// The new name.
        to: String,
    },
    /// Removes a sheet.
    RemoveSheet(String),
    /// Adds an empty sheet at the end.
    AddSheet(String),
    /// Reverses the order of rows `first` to `last` (numbered from 1, as
    /// spreadsheets number them) of a sheet, cells and all, as sorting
    /// would; formulas are moved as they are.
    ReverseRows {
        /// The sheet.
        sheet: String,
        /// The first row of the block.
        first: u32,
        /// The last row of the block.
        last: u32,
    },
    /// Adds a part to the zip archive, or replaces the part of that name:
    /// its content is `head`, then `unit` repeated `count` times, then
    /// `tail`.
    Part(Part),
    /// Removes a part of the zip archive, e.g. `xl/sharedStrings.xml`.
    RemovePart(String),
    /// Adds `count` empty parts named `prefix1`, `prefix2`, ….
    AddParts {
        /// The start of each part's name.
        prefix: String,
        /// How many parts.
        count: usize,
    },
    /// Appends zero bytes until the file is this long.
    PadToBytes(usize),
}

/// A value to put in a cell: exactly one of the value fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SetCell {
    /// The cell, e.g. `Audit!F17`.
    pub cell: String,
    /// Text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// With `text`: the text is repeated this many times (for long texts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<usize>,
    /// A number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<f64>,
    /// A formula, e.g. `=1+2`, stored with `result` (text) as its value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
    /// The value stored with `formula`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// A date, `YYYY-MM-DD`, as a date cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// A logical value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boolean: Option<bool>,
}

/// A part of the zip archive: `head`, `unit` × `count`, `tail`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Its name in the archive, e.g. `xl/sharedStrings.xml`.
    pub name: String,
    /// Text before the repeats.
    #[serde(default)]
    pub head: String,
    /// Text repeated `count` times.
    #[serde(default)]
    pub unit: String,
    /// How many times `unit` is repeated.
    #[serde(default)]
    pub count: u64,
    /// Text after the repeats.
    #[serde(default)]
    pub tail: String,
}

/// Builds the workbook a recipe describes; `framework` (a user's framework
/// file) stands in for the bundled framework of the same id.
///
/// # Errors
/// `invalid-json` naming the edit at fault (a cell that is not one, a sheet
/// or part that is not there, an edit of cells after an edit of parts, a
/// part or file larger than twice kam's limits); any error of making the
/// template or export.
pub fn build(recipe: &Recipe, framework: Option<&Framework>) -> Result<Vec<u8>, Error> {
    let resolve = |id: &str| match framework {
        Some(f) if f.id() == id => Ok(f),
        _ => crate::framework::builtin_framework(id),
    };
    let mut state = match &recipe.start {
        Start::Template(id) => State::Book(super::template_book(resolve(id)?)?),
        Start::Export(input) => State::Book(super::export_book(
            resolve(input.framework().unwrap_or_default())?,
            input,
            &ScoreOptions::default(),
        )?),
        Start::Text(text) => State::Bytes(text.as_bytes().to_vec()),
    };
    for (index, edit) in recipe.edits.iter().enumerate() {
        let path = format!("edits[{index}]");
        state = apply(state, edit).map_err(|problem| match problem {
            Problem::Recipe(message) => InputError::InvalidJson { path, message }.into(),
            Problem::Kam(error) => error,
        })?;
    }
    match state {
        State::Book(book) => render::render(&book),
        State::Bytes(bytes) => Ok(bytes),
    }
}

/// The most text one `set` makes: far beyond the 32,767 characters a cell
/// holds, so a recipe can test that limit, and no more.
const MAX_SET_TEXT: usize = 1024 * 1024;

/// A workbook being built: laid out, or already written.
enum State {
    Book(Book),
    Bytes(Vec<u8>),
}

/// Why an edit failed: the recipe is wrong, or kam refused the workbook.
enum Problem {
    Recipe(String),
    Kam(Error),
}

impl From<Error> for Problem {
    fn from(error: Error) -> Self {
        Problem::Kam(error)
    }
}

fn recipe(message: impl Into<String>) -> Problem {
    Problem::Recipe(message.into())
}

fn apply(state: State, edit: &Edit) -> Result<State, Problem> {
    match edit {
        Edit::Part(_) | Edit::RemovePart(_) | Edit::AddParts { .. } | Edit::PadToBytes(_) => {
            let bytes = match state {
                State::Book(book) => render::render(&book)?,
                State::Bytes(bytes) => bytes,
            };
            edit_bytes(bytes, edit).map(State::Bytes)
        }
        _ => match state {
            State::Book(mut book) => {
                edit_book(&mut book, edit)?;
                Ok(State::Book(book))
            }
            State::Bytes(_) => Err(recipe(
                "cell and sheet edits must come before part edits, and need a template or export",
            )),
        },
    }
}

fn edit_book(book: &mut Book, edit: &Edit) -> Result<(), Problem> {
    match edit {
        Edit::Set(set) => {
            let (sheet, row, column) = locate(book, &set.cell)?;
            let value = value_of(set)?;
            let style = sheet
                .cells
                .get(&(row, column))
                .map_or(Style::Text, |c| c.style);
            sheet.put(row, column, value, style);
        }
        Edit::Clear(cell) => {
            let (sheet, row, column) = locate(book, cell)?;
            sheet.cells.remove(&(row, column));
        }
        Edit::RenameSheet { from, to } => {
            if book.sheets.iter().any(|s| s.name == *to) {
                return Err(recipe(format!("there is already a sheet `{to}`")));
            }
            sheet(book, from)?.name.clone_from(to);
        }
        Edit::RemoveSheet(name) => {
            sheet(book, name)?;
            book.sheets.retain(|s| s.name != *name);
        }
        Edit::AddSheet(name) => {
            if book.sheets.iter().any(|s| s.name == *name) {
                return Err(recipe(format!("there is already a sheet `{name}`")));
            }
            book.sheets.push(Sheet::new(name));
        }
        Edit::ReverseRows {
            sheet: name,
            first,
            last,
        } => {
            if *first == 0 || first > last {
                return Err(recipe(format!(
                    "rows {first} to {last} are not a block of rows"
                )));
            }
            let sheet = sheet(book, name)?;
            let (top, bottom) = (first - 1, last - 1);
            let moved: Vec<_> = sheet
                .cells
                .range((top, 0)..=(bottom, u16::MAX))
                .map(|(&(row, column), cell)| ((top + bottom - row, column), cell.clone()))
                .collect();
            sheet.cells.retain(|&(row, _), _| row < top || row > bottom);
            sheet.cells.extend(moved);
        }
        _ => {}
    }
    Ok(())
}

fn sheet<'b>(book: &'b mut Book, name: &str) -> Result<&'b mut Sheet, Problem> {
    book.sheet_mut(name)
        .ok_or_else(|| recipe(format!("the workbook has no sheet `{name}`")))
}

/// The sheet, row and column of a cell written `Audit!F17`.
fn locate<'b>(book: &'b mut Book, cell: &str) -> Result<(&'b mut Sheet, u32, u16), Problem> {
    let not_a_cell = || recipe(format!("`{cell}` is not a cell written like `Audit!F17`"));
    let (name, reference) = cell.rsplit_once('!').ok_or_else(not_a_cell)?;
    let (row, column) = parse_cell(reference).ok_or_else(not_a_cell)?;
    let column = u16::try_from(column).map_err(|_| not_a_cell())?;
    Ok((sheet(book, name)?, row, column))
}

/// The one value a `set` edit gives.
fn value_of(set: &SetCell) -> Result<Value, Problem> {
    let mut values = Vec::new();
    if let Some(text) = &set.text {
        let times = set.repeat.unwrap_or(1);
        if text.len().saturating_mul(times) > MAX_SET_TEXT {
            return Err(recipe("the repeated text is more than a recipe makes"));
        }
        values.push(Value::Text(text.repeat(times)));
    }
    if let Some(number) = set.number {
        values.push(Value::Number(number));
    }
    if let Some(formula) = &set.formula {
        let result = set.result.clone().unwrap_or_default();
        values.push(Value::Formula {
            formula: formula.clone(),
            result: Cached::Text(result),
        });
    }
    if let Some(date) = &set.date {
        values.push(Value::Date(date.clone()));
    }
    if let Some(boolean) = set.boolean {
        values.push(Value::Bool(boolean));
    }
    match (values.pop(), values.is_empty()) {
        (Some(value), true) => Ok(value),
        _ => Err(recipe(
            "a `set` gives exactly one of `text`, `number`, `formula`, `date` and `boolean`",
        )),
    }
}

/// Rewrites the zip archive with one part edit.
fn edit_bytes(mut bytes: Vec<u8>, edit: &Edit) -> Result<Vec<u8>, Problem> {
    if let Edit::PadToBytes(size) = edit {
        if *size > 2 * MAX_WORKBOOK_BYTES {
            return Err(recipe(format!("{size} bytes is more than a recipe makes")));
        }
        if bytes.len() < *size {
            bytes.resize(*size, 0);
        }
        return Ok(bytes);
    }
    let zip_error = |e: zip::result::ZipError| recipe(format!("the workbook's zip archive: {e}"));
    let mut archive = ZipArchive::new(Cursor::new(bytes.as_slice())).map_err(zip_error)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let replaced = match edit {
        Edit::Part(part) => Some(part.name.as_str()),
        Edit::RemovePart(name) => {
            if archive.index_for_name(name).is_none() {
                return Err(recipe(format!("the workbook has no part `{name}`")));
            }
            Some(name.as_str())
        }
        _ => None,
    };
    for index in 0..archive.len() {
        let file = archive.by_index_raw(index).map_err(zip_error)?;
        let name = file.name().map_err(zip_error)?.into_owned();
        if Some(name.as_str()) != replaced {
            out.raw_copy_file(file).map_err(zip_error)?;
        }
    }
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    match edit {
        Edit::Part(part) => {
            let size = part.head.len() as u64
                + part.unit.len() as u64 * part.count
                + part.tail.len() as u64;
            if size > 2 * MAX_UNPACKED_BYTES {
                return Err(recipe(format!(
                    "part `{}` would be {size} bytes, more than a recipe makes",
                    part.name
                )));
            }
            out.start_file(
                part.name.as_str(),
                options.large_file(size > u64::from(u32::MAX)),
            )
            .map_err(zip_error)?;
            let write = |out: &mut ZipWriter<_>, text: &str| {
                out.write_all(text.as_bytes())
                    .map_err(|e| recipe(format!("part `{}`: {e}", part.name)))
            };
            write(&mut out, &part.head)?;
            // Repeats written a block at a time: a million tiny writes are
            // slow in a test build.
            let per_block = (64 * 1024 / part.unit.len().max(1)).max(1) as u64;
            let block = part.unit.repeat(usize::try_from(per_block).unwrap_or(1));
            for _ in 0..part.count / per_block {
                write(&mut out, &block)?;
            }
            for _ in 0..part.count % per_block {
                write(&mut out, &part.unit)?;
            }
            write(&mut out, &part.tail)?;
        }
        Edit::AddParts { prefix, count } => {
            if *count > 2 * MAX_PARTS {
                return Err(recipe(format!("{count} parts is more than a recipe makes")));
            }
            for n in 1..=*count {
                out.start_file(format!("{prefix}{n}"), options)
                    .map_err(zip_error)?;
            }
        }
        _ => {}
    }
    Ok(out.finish().map_err(zip_error)?.into_inner())
}
