//! Errors reading a workbook or CSV file: a limit of an untrusted file, a
//! file kam cannot read, or a cell, row or column that does not fit the
//! framework, named as the user sees it (`sheet `Audit`, cell C7`). They
//! have no JSON Pointer: the place is a cell.

use thiserror::Error as ThisError;

use super::{Error, ErrorKind};

/// What an [`IdKind`] names in a workbook or CSV file; it picks the error
/// kind, so an unknown item is `unknown-item` whether it comes from JSON, a
/// workbook or a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum IdKind {
    /// An action-audit item (`unknown-item`).
    Item,
    /// A programme area of a maturity model (`unknown-area`).
    Area,
    /// A litmus test (`unknown-test`).
    Test,
    /// A litmus question (`unknown-question`).
    Question,
}

impl std::fmt::Display for IdKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            IdKind::Item => "item",
            IdKind::Area => "programme area",
            IdKind::Test => "litmus test",
            IdKind::Question => "litmus question",
        })
    }
}

/// A workbook or CSV file does not hold an assessment kam can read, or breaks
/// a limit on untrusted files (see `kam_core::spreadsheet`). Each error names
/// the place, `at`: a cell as `` `Audit!F17` ``, or a CSV row and column.
#[derive(Debug, Clone, PartialEq, Eq, ThisError)]
#[non_exhaustive]
pub enum SpreadsheetError {
    /// The workbook file is larger than kam reads.
    #[error("the workbook is {bytes} bytes; at most {max} bytes are read")]
    WorkbookTooLarge {
        /// Its size.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// The workbook's parts unpack to more bytes than kam reads (a zip bomb).
    #[error("the workbook unpacks to more than {max} bytes (reached in `{part}`)")]
    UnpacksTooLarge {
        /// The part being unpacked when the limit was reached.
        part: String,
        /// The limit.
        max: u64,
    },
    /// The workbook's zip archive holds too many files.
    #[error("the workbook holds {count} parts; at most {max} are read")]
    TooManyParts {
        /// How many files the archive lists.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// A sheet or CSV text has rows beyond the limit.
    #[error("{what} has more than {max} rows")]
    TooManyRows {
        /// Where: "sheet `Audit`" or "the CSV text".
        what: String,
        /// The limit.
        max: u32,
    },
    /// A sheet or CSV text has more cells than kam reads.
    #[error("{what} has more than {max} cells")]
    TooManyCells {
        /// Where: "sheet `Audit`" or "the CSV text".
        what: String,
        /// The limit.
        max: usize,
    },
    /// The workbook's shared-strings table is too long.
    #[error("the workbook has more than {max} shared strings")]
    TooManySharedStrings {
        /// The limit.
        max: usize,
    },
    /// A part of the workbook nests XML elements too deeply.
    #[error("`{part}` nests XML deeper than {max} levels")]
    XmlTooDeep {
        /// The part, e.g. `xl/worksheets/sheet1.xml`.
        part: String,
        /// The limit.
        max: usize,
    },
    /// The bytes are not an `.xlsx` workbook, or it is damaged.
    #[error("not a workbook kam can read: {reason}")]
    InvalidWorkbook {
        /// What is wrong, in words.
        reason: String,
    },
    /// The text is not CSV of the expected shape.
    #[error("{at} is not valid CSV: {reason}")]
    InvalidCsv {
        /// The row, e.g. "row 4".
        at: String,
        /// What is wrong, in words.
        reason: String,
    },
    /// A sheet kam reads is not in the workbook.
    #[error("the workbook has no sheet `{sheet}`; its sheets are {found}")]
    MissingSheet {
        /// The sheet needed.
        sheet: String,
        /// The sheets there are, comma-separated.
        found: String,
    },
    /// A header row lacks a column kam reads.
    #[error("{at} has no `{column}` column")]
    MissingColumn {
        /// Where the header was looked for: "sheet `Audit`" or "the CSV header".
        at: String,
        /// The column needed.
        column: String,
    },
    /// A header row has one column twice.
    #[error("{at} repeats the column `{column}`")]
    DuplicateColumn {
        /// The second header cell, e.g. `` `Audit!H1` `` or "column 5 of the CSV header".
        at: String,
        /// The column name.
        column: String,
    },
    /// An entry kam needs (e.g. the framework id) is missing or blank.
    #[error("{at} has no `{field}` entry")]
    MissingField {
        /// Where it was looked for: "sheet `Instructions`" (in column A), or
        /// a CSV row.
        at: String,
        /// The entry, e.g. `Framework id`.
        field: String,
    },
    /// A row has an answer or evidence but no id to file it under.
    #[error("{at} has no id, but its row has an answer or evidence")]
    MissingId {
        /// The empty id cell.
        at: String,
    },
    /// An id names nothing in the framework.
    #[error("{at} names unknown {what} `{id}`: `{framework}` has no such {what}")]
    UnknownId {
        /// The id cell.
        at: String,
        /// What the id names.
        what: IdKind,
        /// The id.
        id: String,
        /// The framework's id.
        framework: String,
    },
    /// An id appears on two rows.
    #[error("{at} repeats {what} `{id}`, first given at {first}")]
    DuplicateId {
        /// The second id cell.
        at: String,
        /// What the id names.
        what: IdKind,
        /// The id.
        id: String,
        /// The first id cell.
        first: String,
    },
    /// A score or stage cell holds something that is not a whole number.
    #[error("{at} holds {value}, not a {what}; {expected}")]
    InvalidScore {
        /// The cell.
        at: String,
        /// What it holds, e.g. `` `abc` `` or 2.5.
        value: String,
        /// `score` or `stage`.
        what: &'static str,
        /// What is allowed, in words.
        expected: String,
    },
    /// A score is a whole number off the framework's scale.
    #[error("{at} holds {value}, outside the scale {min}–{max}")]
    ScoreOutOfRange {
        /// The cell.
        at: String,
        /// The number found.
        value: String,
        /// The scale's lowest score.
        min: u8,
        /// The scale's highest score.
        max: u8,
    },
    /// A maturity stage is a whole number off the model's stages.
    #[error("{at} holds {value}, outside the stages 1–{max}")]
    StageOutOfRange {
        /// The cell.
        at: String,
        /// The number found.
        value: String,
        /// The highest stage.
        max: u8,
    },
    /// A score or stage cell holds a formula rather than a value.
    #[error("{at} holds the formula `{formula}`; enter the {what} itself")]
    FormulaInScore {
        /// The cell.
        at: String,
        /// The formula, as stored (empty for a shared formula's copy).
        formula: String,
        /// `score` or `stage`.
        what: &'static str,
    },
    /// A litmus answer is neither yes nor no.
    #[error("{at} holds {value}; answers are `Yes` or `No`")]
    InvalidAnswer {
        /// The cell.
        at: String,
        /// What it holds.
        value: String,
    },
    /// A litmus answer set answers some questions but not this one.
    #[error("{at} is not answered, but other questions of its answer set are")]
    MissingAnswer {
        /// The empty answer cell.
        at: String,
    },
    /// Two rows of one group (a litmus answer set, an assessment in a long
    /// CSV) disagree on a value they share, e.g. the respondent.
    #[error("{at} says `{value}`, but {first} says `{other}` for the same {group}")]
    Inconsistent {
        /// The later cell.
        at: String,
        /// Its value.
        value: String,
        /// The earlier cell.
        first: String,
        /// Its value.
        other: String,
        /// The group, e.g. "answer set" or "assessment `2`".
        group: String,
    },
    /// The file names another framework than the one it is read with.
    #[error("{at} names framework `{found}`, but it is being read with `{expected}`")]
    FrameworkMismatch {
        /// The cell or column naming the framework.
        at: String,
        /// The framework used for reading.
        expected: String,
        /// The framework the file names.
        found: String,
    },
    /// The file was made for another version of the framework.
    #[error(
        "{at} names `{framework}` version `{found}`, but the framework loaded is version `{expected}`"
    )]
    VersionMismatch {
        /// The cell or column naming the version.
        at: String,
        /// The framework id.
        framework: String,
        /// The version loaded.
        expected: String,
        /// The version the file names.
        found: String,
    },
    /// A context date is not a calendar date.
    #[error("{at} holds {value}, not a calendar date written YYYY-MM-DD")]
    InvalidDate {
        /// The cell.
        at: String,
        /// What it holds.
        value: String,
    },
    /// One of several files failed; the inner error says why.
    #[error("in `{file}`: {error}")]
    InFile {
        /// The file's name as the caller gave it.
        file: String,
        /// What is wrong with it.
        error: Box<Error>,
    },
}

impl SpreadsheetError {
    /// See [`Error::kind`]; [`SpreadsheetError::InFile`] has the kind of the
    /// error inside.
    pub fn kind(&self) -> ErrorKind {
        use SpreadsheetError as E;
        match self {
            E::WorkbookTooLarge { .. } => ErrorKind::WorkbookTooLarge,
            E::UnpacksTooLarge { .. } => ErrorKind::WorkbookUnpacksTooLarge,
            E::TooManyParts { .. } => ErrorKind::TooManyParts,
            E::TooManyRows { .. } => ErrorKind::TooManyRows,
            E::TooManyCells { .. } => ErrorKind::TooManyCells,
            E::TooManySharedStrings { .. } => ErrorKind::TooManySharedStrings,
            E::XmlTooDeep { .. } => ErrorKind::XmlTooDeep,
            E::InvalidWorkbook { .. } => ErrorKind::InvalidWorkbook,
            E::InvalidCsv { .. } => ErrorKind::InvalidCsv,
            E::MissingSheet { .. } => ErrorKind::MissingSheet,
            E::MissingColumn { .. } => ErrorKind::MissingColumn,
            E::DuplicateColumn { .. } => ErrorKind::DuplicateColumn,
            E::MissingField { .. } => ErrorKind::MissingField,
            E::MissingId { .. } => ErrorKind::MissingItemId,
            E::UnknownId { what, .. } => match what {
                IdKind::Item => ErrorKind::UnknownItem,
                IdKind::Area => ErrorKind::UnknownArea,
                IdKind::Test => ErrorKind::UnknownTest,
                IdKind::Question => ErrorKind::UnknownQuestion,
            },
            E::DuplicateId { .. } => ErrorKind::DuplicateEntry,
            E::InvalidScore { .. } => ErrorKind::InvalidScore,
            E::ScoreOutOfRange { .. } => ErrorKind::ScoreOutOfRange,
            E::StageOutOfRange { .. } => ErrorKind::StageOutOfRange,
            E::FormulaInScore { .. } => ErrorKind::FormulaInScore,
            E::InvalidAnswer { .. } => ErrorKind::InvalidAnswer,
            E::MissingAnswer { .. } => ErrorKind::MissingAnswer,
            E::Inconsistent { .. } => ErrorKind::InconsistentValues,
            E::FrameworkMismatch { .. } => ErrorKind::FrameworkMismatch,
            E::VersionMismatch { .. } => ErrorKind::VersionMismatch,
            E::InvalidDate { .. } => ErrorKind::InvalidDate,
            E::InFile { error, .. } => error.kind(),
        }
    }
}
