//! Errors: one enum per concern, gathered in [`enum@Error`].
//!
//! Every error has a stable [`ErrorKind`] (`unknown-item`, …) that the Python
//! and JavaScript bindings expose unchanged, a [`Category`] saying whose
//! fault it is, and, where it concerns a place in a document, that place as a
//! JSON Pointer (RFC 6901, e.g. `/scores/A1.1`). Messages are lowercase,
//! carry no final period, quote user input in backticks, name the field, item
//! or value at fault in the user's terms (never a Rust type), write every
//! path as a JSON Pointer, and suggest the nearest valid id for a misspelt
//! one. An error serializes as `{"kind", "message", "path"}`: the body a
//! service can answer with.
//!
//! ```
//! use kam_core::error::{Category, ErrorKind};
//!
//! let text = r#"{"framework": "cranfield-kam-development",
//!                "framework_version": "2006.2", "scores": {"A1.l": 3}}"#;
//! let err = kam_core::api::score_json(text, None).unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::UnknownItem);
//! assert_eq!(err.path().as_deref(), Some("/scores/A1.l"));
//! assert_eq!(err.category(), Category::Input);
//! assert_eq!(
//!     err.to_string(),
//!     "unknown item `A1.l` in `/scores`: the framework has no such item; did you mean `A1.1`?"
//! );
//! assert_eq!(
//!     serde_json::to_value(&err).unwrap(),
//!     serde_json::json!({"kind": "unknown-item", "message": err.to_string(), "path": "/scores/A1.l"})
//! );
//! ```

mod kind;
mod programme;
mod spreadsheet;
mod suggest;

use thiserror::Error;

pub use kind::ErrorKind;
pub use programme::ProgrammeError;
pub use spreadsheet::{IdKind, SpreadsheetError};
pub(crate) use suggest::{did_you_mean, nearest};

/// Any error kam can return.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not JSON, or not of the expected shape.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The input exceeds a documented size limit (see [`crate::limits`]).
    #[error(transparent)]
    Limit(#[from] LimitError),
    /// A framework file is invalid, or a framework id is unknown.
    #[error(transparent)]
    Framework(#[from] FrameworkError),
    /// An action-audit assessment does not fit its framework.
    #[error(transparent)]
    Assessment(#[from] AssessmentError),
    /// A maturity assessment does not fit its model.
    #[error(transparent)]
    Maturity(#[from] MaturityError),
    /// Litmus-test answers do not fit the tests.
    #[error(transparent)]
    Litmus(#[from] LitmusError),
    /// Scoring options are out of range.
    #[error(transparent)]
    Options(#[from] OptionsError),
    /// A score matrix for batch scoring does not fit its framework.
    #[error(transparent)]
    Batch(#[from] BatchError),
    /// An analysis input (customers, criteria, audits, guideline) is invalid.
    #[error(transparent)]
    Analysis(#[from] AnalysisError),
    /// A workbook or CSV file cannot be read, or breaks a limit. Its place
    /// is a cell or row, named in the message; it has no JSON Pointer.
    #[error(transparent)]
    Spreadsheet(#[from] SpreadsheetError),
    /// A framework file on the machine running kam is broken: one bundled
    /// with kam, or one read with `Framework::from_path`. Not the
    /// fault of whoever sent the input ([`Category::FrameworkFile`]).
    #[error("framework file `{file}`: {error}")]
    FrameworkFile {
        /// The file: its path, or `bundled <name>` for one bundled with kam.
        file: String,
        /// What is wrong with it.
        error: Box<Error>,
    },
}

/// Whose fault an error is: what a service answers with (a 4xx or a 5xx).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Category {
    /// The input given to kam is at fault: malformed, too large, or not
    /// fitting its framework, including an unknown framework id and a
    /// framework file the caller gave. A service answers 400.
    Input,
    /// A framework file on the machine running kam is broken (see
    /// [`Error::FrameworkFile`]): nothing the caller can fix. A service
    /// answers 500.
    FrameworkFile,
}

impl Category {
    /// The stable name: `input` or `framework-file`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Input => "input",
            Category::FrameworkFile => "framework-file",
        }
    }
}

impl Error {
    /// The stable, machine-readable kind of this error, e.g.
    /// [`ErrorKind::UnknownItem`] (`unknown-item`).
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Input(e) => e.kind(),
            Error::Limit(e) => e.kind(),
            Error::Framework(e) => e.kind(),
            Error::Assessment(e) => e.kind(),
            Error::Maturity(e) => e.kind(),
            Error::Litmus(e) => e.kind(),
            Error::Options(e) => e.kind(),
            Error::Batch(e) => e.kind(),
            Error::Analysis(e) => e.kind(),
            Error::Spreadsheet(e) => e.kind(),
            Error::FrameworkFile { error, .. } => error.kind(),
        }
    }

    /// Every kind any error can have (see [`ErrorKind::NAMES`]), for
    /// bindings and for tests that check the catalogue is covered.
    pub const KINDS: &'static [&'static str] = ErrorKind::NAMES;

    /// Whose fault it is.
    pub fn category(&self) -> Category {
        match self {
            Error::FrameworkFile { .. } => Category::FrameworkFile,
            _ => Category::Input,
        }
    }

    /// Where in the document the problem is, as a JSON Pointer (RFC 6901):
    /// `/scores/A1.1`, `/customers/0/value`, or the empty string for the
    /// whole document; `None` when the error concerns no one place (a framework
    /// rule, a total). For an error in a framework file it is the place in
    /// that file.
    pub fn path(&self) -> Option<String> {
        let path = match self {
            Error::Input(e) => e.path(),
            Error::Limit(e) => Some(e.path()),
            Error::Framework(e) => e.path(),
            Error::Assessment(e) => Some(e.path()),
            Error::Maturity(e) => Some(e.path()),
            Error::Litmus(e) => Some(e.path()),
            Error::Options(OptionsError::Invalid { path, .. }) => Some(path.as_str()),
            Error::Batch(e) => return Some(e.path()),
            Error::Analysis(e) => return e.path(),
            Error::Spreadsheet(_) => None,
            Error::FrameworkFile { error, .. } => return error.path(),
        };
        path.map(str::to_owned)
    }

    /// The error of a part of a larger document, placed in it: `prefix` (a
    /// JSON Pointer such as `/before`) goes in front of its path, in
    /// [`path`](Error::path) and in the message alike.
    #[must_use]
    pub fn within(mut self, prefix: &str) -> Self {
        if let Some(path) = self.path_mut() {
            path.insert_str(0, prefix);
        }
        self
    }

    /// The error placed at `path`, replacing the place it had: for an error
    /// raised while a value was read, which only the reader knows the place of.
    #[must_use]
    pub(crate) fn placed_at(mut self, path: String) -> Self {
        if let Some(place) = self.path_mut() {
            *place = path;
        }
        self
    }

    /// The path field of a located error, to move it into a larger document.
    fn path_mut(&mut self) -> Option<&mut String> {
        match self {
            Error::Input(
                InputError::InvalidJson { path, .. } | InputError::InvalidInput { path, .. },
            )
            | Error::Framework(FrameworkError::UnknownFramework { path, .. })
            | Error::Options(OptionsError::Invalid { path, .. }) => Some(path),
            Error::Limit(e) => e.path_mut(),
            Error::Assessment(e) => Some(e.path_mut()),
            Error::Maturity(e) => Some(e.path_mut()),
            Error::Litmus(e) => Some(e.path_mut()),
            _ => None,
        }
    }

    /// This error, as the fault of a framework file on the machine running
    /// kam (see [`Error::FrameworkFile`]).
    #[must_use]
    pub fn in_framework_file(self, file: &str) -> Self {
        match self {
            Error::FrameworkFile { .. } => self,
            error => Error::FrameworkFile {
                file: file.to_owned(),
                error: Box::new(error),
            },
        }
    }
}

/// The body a service answers with: `{"kind", "message", "path"}` (the
/// `error` schema, [`crate::api::ErrorInfo`]).
impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut body = serializer.serialize_struct("Error", 3)?;
        body.serialize_field("kind", &self.kind())?;
        body.serialize_field("message", &self.to_string())?;
        body.serialize_field("path", &self.path())?;
        body.end()
    }
}

/// `kind()`, `path()` and `path_mut()` of a concern whose every variant has
/// a `path`: each variant and its kind, listed once.
macro_rules! located {
    ($enum:ident { $($variant:ident => $kind:ident),+ $(,)? }) => {
        impl $enum {
            /// See [`Error::kind`].
            pub fn kind(&self) -> ErrorKind {
                match self {
                    $($enum::$variant { .. } => ErrorKind::$kind,)+
                }
            }

            fn path(&self) -> &str {
                let ($($enum::$variant { path, .. })|+) = self;
                path
            }

            fn path_mut(&mut self) -> &mut String {
                let ($($enum::$variant { path, .. })|+) = self;
                path
            }
        }
    };
}

located!(AssessmentError {
    FrameworkMismatch => FrameworkMismatch,
    VersionMismatch => VersionMismatch,
    UnknownItem => UnknownItem,
    ScoreOutOfRange => ScoreOutOfRange,
    NotApplicableNotAllowed => NotApplicableNotAllowed,
    ScoredAndNotApplicable => ScoredAndNotApplicable,
    Incomplete => IncompleteAssessment,
    InvalidDate => InvalidDate,
});
located!(MaturityError {
    UnknownArea => UnknownArea,
    StageOutOfRange => StageOutOfRange,
    Incomplete => IncompleteMaturity,
});
located!(LitmusError {
    UnknownTest => UnknownTest,
    UnknownQuestion => UnknownQuestion,
    MissingAnswer => MissingAnswer,
    AnswerSetCount => AnswerSetCount,
});

/// "at \`/x\`" for a place in a document, "at the top level" for the whole.
fn at(path: &str) -> String {
    if path.is_empty() {
        "at the top level".to_owned()
    } else {
        format!("at `{path}`")
    }
}

/// `` `/x` `` for a place in a document, `the input` for the whole.
fn place(path: &str) -> String {
    if path.is_empty() {
        "the input".to_owned()
    } else {
        format!("`{path}`")
    }
}

/// The pointer of the object or array holding `path`'s last step.
fn parent(path: &str) -> &str {
    path.rfind('/')
        .map_or("", |end| path.get(..end).unwrap_or(""))
}

/// The object holding `key` when `path` leads to it, else `path` itself (a
/// list whose entries kam reads as a set, such as `/not_applicable`).
fn container<'a>(path: &'a str, key: &str) -> &'a str {
    if path.ends_with(&format!("/{}", crate::pointer::key(key))) {
        parent(path)
    } else {
        path
    }
}

/// The input could not be read: not JSON, or not of the expected shape.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum InputError {
    /// Text that is not JSON: a syntax error, an early end, trailing
    /// characters.
    #[error("invalid JSON {}: {message}", at(.path))]
    InvalidJson {
        /// Where the parser stopped, as a JSON Pointer.
        path: String,
        /// The parser's complaint, with the line and column.
        message: String,
    },
    /// JSON (or a Python or JavaScript value) that does not fit: a missing
    /// or unknown field, a value of the wrong type or range.
    #[error("invalid input {}: {message}", at(.path))]
    InvalidInput {
        /// Where, as a JSON Pointer, e.g. `/scores/A1.1`.
        path: String,
        /// What was expected there, and what was found.
        message: String,
    },
    /// No JSON Schema has this name.
    #[error("unknown schema `{name}`; schemas are {known}{}", did_you_mean(.suggestion.as_ref()))]
    UnknownSchema {
        /// The name asked for.
        name: String,
        /// The known names, comma-separated.
        known: String,
        /// The nearest known name, if one is near.
        suggestion: Option<String>,
    },
}

impl InputError {
    /// The error for a schema name that is not one of `known`, suggesting
    /// the nearest.
    pub fn unknown_schema(name: &str, known: &[&str]) -> Self {
        let listed: Vec<String> = known.iter().map(|n| format!("`{n}`")).collect();
        InputError::UnknownSchema {
            name: name.to_owned(),
            known: listed.join(", "),
            suggestion: nearest(name, known.iter().copied()),
        }
    }

    /// See [`Error::kind`].
    pub fn kind(&self) -> ErrorKind {
        match self {
            InputError::InvalidJson { .. } => ErrorKind::InvalidJson,
            InputError::InvalidInput { .. } => ErrorKind::InvalidInput,
            InputError::UnknownSchema { .. } => ErrorKind::UnknownSchema,
        }
    }

    fn path(&self) -> Option<&str> {
        match self {
            InputError::InvalidJson { path, .. } | InputError::InvalidInput { path, .. } => {
                Some(path)
            }
            InputError::UnknownSchema { .. } => None,
        }
    }
}

/// The input exceeds a documented limit; see [`crate::limits`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum LimitError {
    /// The results of a JSON batch would hold too many numbers.
    #[error(
        "the batch would give {results} results ({rows} row(s) × {per_row} periods and phases); at most {max} are computed"
    )]
    TooManyResults {
        /// Rows in the batch.
        rows: usize,
        /// Periods plus phases of the framework.
        per_row: usize,
        /// Rows × `per_row`.
        results: usize,
        /// `limits::MAX_BATCH_RESULTS`.
        max: usize,
    },
    /// The JSON text is larger than kam reads.
    #[error("input is {bytes} bytes; at most {max} bytes are read")]
    InputTooLarge {
        /// Size of the input.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// Arrays and objects nest too deeply.
    #[error("input nests deeper than {max} levels {}", at(.path))]
    TooDeep {
        /// Where the limit is passed, as a JSON Pointer.
        path: String,
        /// The limit.
        max: usize,
    },
    /// A string is too long.
    #[error("text {} has {chars} characters; at most {max} are allowed", at(.path))]
    TextTooLong {
        /// Where the string is, as a JSON Pointer.
        path: String,
        /// Its length in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// An array or object has too many entries.
    #[error("{} has more than {max} entries", place(.path))]
    TooManyEntries {
        /// Where the array or object is, as a JSON Pointer.
        path: String,
        /// How many entries were counted before stopping.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// An analysis is given more customers than it takes (Pareto analysis,
    /// portfolio matrix).
    #[error("{} has {count} entries; {analysis} takes at most {max} customers", place(.path))]
    TooManyCustomers {
        /// The list, e.g. `/customers`.
        path: String,
        /// How many entries it has.
        count: usize,
        /// The limit, e.g. [`crate::limits::MAX_PARETO_CUSTOMERS`].
        max: usize,
        /// The analysis, e.g. "a Pareto analysis".
        analysis: &'static str,
    },
    /// A group of portfolio criteria has more criteria than a matrix takes.
    #[error(
        "{} has {count} entries; a portfolio matrix takes at most {max} criteria per group",
        place(.path)
    )]
    TooManyCriteria {
        /// The group, `/attractiveness` or `/relationship`.
        path: String,
        /// How many criteria it has.
        count: usize,
        /// The limit, [`crate::limits::MAX_PORTFOLIO_CRITERIA`].
        max: usize,
    },
    /// An aggregation is given more audits than it takes.
    #[error("{} has {count} entries; an aggregation takes at most {max} audits", place(.path))]
    TooManyAudits {
        /// The list, `/audits`.
        path: String,
        /// How many audits it has.
        count: usize,
        /// The limit, [`crate::limits::MAX_AGGREGATE_AUDITS`].
        max: usize,
    },
    /// A unit comparison is given more units than it takes.
    #[error("{} has {count} entries; a unit comparison takes at most {max} units", place(.path))]
    TooManyUnits {
        /// The list, `/audits` (one per unit).
        path: String,
        /// How many audits it has.
        count: usize,
        /// The limit, [`crate::limits::MAX_UNITS`].
        max: usize,
    },
    /// A key account plan, or its template, lists more elements than kam checks.
    #[error("{} has {count} entries; {what} holds at most {max} elements", place(.path))]
    TooManyElements {
        /// The list, `/elements` or `/template/elements`.
        path: String,
        /// How many entries it has.
        count: usize,
        /// The limit, [`crate::limits::MAX_PLAN_ELEMENTS`].
        max: usize,
        /// Whose list it is: "a key account plan" or "a plan template".
        what: &'static str,
    },
    /// A programme lists more units than kam reports on.
    #[error("{} has {count} entries; a programme takes at most {max} units", place(.path))]
    TooManyProgrammeUnits {
        /// The list, `/units`.
        path: String,
        /// How many entries it has.
        count: usize,
        /// The limit, [`crate::limits::MAX_PROGRAMME_UNITS`].
        max: usize,
    },
    /// A programme's assessments together hold more answers than kam reads.
    #[error(
        "the programme's assessments hold more than {max} answers (scores, marks, notes, stages and litmus answers) by assessment {assessment}; a programme takes at most {max}"
    )]
    TooManyAnswers {
        /// The assessment, from 1, whose answers pass the limit.
        assessment: usize,
        /// The list of assessments, `/assessments`.
        path: String,
        /// The limit, [`crate::limits::MAX_PROGRAMME_ANSWERS`].
        max: usize,
    },
}

impl LimitError {
    /// See [`Error::kind`].
    pub fn kind(&self) -> ErrorKind {
        match self {
            LimitError::InputTooLarge { .. } => ErrorKind::InputTooLarge,
            LimitError::TooDeep { .. } => ErrorKind::TooDeep,
            LimitError::TextTooLong { .. } => ErrorKind::TextTooLong,
            LimitError::TooManyEntries { .. } | LimitError::TooManyAnswers { .. } => {
                ErrorKind::TooManyEntries
            }
            LimitError::TooManyCustomers { .. } => ErrorKind::TooManyCustomers,
            LimitError::TooManyCriteria { .. } => ErrorKind::TooManyCriteria,
            LimitError::TooManyAudits { .. } => ErrorKind::TooManyAudits,
            LimitError::TooManyUnits { .. } | LimitError::TooManyProgrammeUnits { .. } => {
                ErrorKind::TooManyUnits
            }
            LimitError::TooManyElements { .. } => ErrorKind::TooManyElements,
            LimitError::TooManyResults { .. } => ErrorKind::TooManyResults,
        }
    }

    fn path(&self) -> &str {
        match self {
            LimitError::InputTooLarge { .. } => "",
            LimitError::TooManyResults { .. } => "/rows",
            LimitError::TooDeep { path, .. }
            | LimitError::TextTooLong { path, .. }
            | LimitError::TooManyEntries { path, .. }
            | LimitError::TooManyCustomers { path, .. }
            | LimitError::TooManyCriteria { path, .. }
            | LimitError::TooManyAudits { path, .. }
            | LimitError::TooManyUnits { path, .. }
            | LimitError::TooManyElements { path, .. }
            | LimitError::TooManyProgrammeUnits { path, .. }
            | LimitError::TooManyAnswers { path, .. } => path,
        }
    }

    fn path_mut(&mut self) -> Option<&mut String> {
        match self {
            LimitError::InputTooLarge { .. } | LimitError::TooManyResults { .. } => None,
            LimitError::TooDeep { path, .. }
            | LimitError::TextTooLong { path, .. }
            | LimitError::TooManyEntries { path, .. }
            | LimitError::TooManyCustomers { path, .. }
            | LimitError::TooManyCriteria { path, .. }
            | LimitError::TooManyAudits { path, .. }
            | LimitError::TooManyUnits { path, .. }
            | LimitError::TooManyElements { path, .. }
            | LimitError::TooManyProgrammeUnits { path, .. }
            | LimitError::TooManyAnswers { path, .. } => Some(path),
        }
    }
}

/// A framework file is invalid, or a framework is not known.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum FrameworkError {
    /// No framework with this id is bundled with kam.
    #[error(
        "unknown framework `{id}`; bundled frameworks are {known}{}",
        did_you_mean(.suggestion.as_ref())
    )]
    UnknownFramework {
        /// The id asked for.
        id: String,
        /// The bundled ids, comma-separated, for the message.
        known: String,
        /// The bundled id nearest to it, if one is near.
        suggestion: Option<String>,
        /// Where the input names it, e.g. `/framework`.
        path: String,
    },
    /// The framework exists but is of another type than the operation needs.
    #[error(
        "framework `{id}` is of type `{found}`, but this needs a framework of type `{expected}`"
    )]
    WrongType {
        /// The framework's id.
        id: String,
        /// The type the operation needs, e.g. `action-audit`.
        expected: String,
        /// The type the framework has.
        found: String,
    },
    /// An id is empty or only white space.
    #[error("{what} at position {position} has an empty id")]
    EmptyId {
        /// What kind of entry, e.g. `item`.
        what: String,
        /// Its 1-based position in its list.
        position: usize,
    },
    /// Two entries of one kind share an id.
    #[error("duplicate {what} id `{id}`")]
    DuplicateId {
        /// What kind of entry, e.g. `period`.
        what: String,
        /// The repeated id.
        id: String,
    },
    /// An entry refers to something that does not exist.
    #[error("{what} `{id}` refers to unknown {field} `{value}`")]
    UnknownReference {
        /// What kind of entry refers, e.g. `item`.
        what: String,
        /// Its id.
        id: String,
        /// The field holding the reference, e.g. `period`.
        field: String,
        /// The value that matches nothing.
        value: String,
    },
    /// A period has no checklist items.
    #[error("period `{period}` has no items")]
    EmptyPeriod {
        /// The period's id.
        period: String,
    },
    /// A declared maximum is not the sum of item weights times the scale maximum.
    #[error("{what} `{id}` declares a maximum of {declared}, but its items give {computed}")]
    MaxMismatch {
        /// `period`, `phase` or `framework`.
        what: String,
        /// Its id.
        id: String,
        /// The maximum written in the file.
        declared: u32,
        /// Sum of item weights times the scale maximum.
        computed: u32,
    },
    /// The scoring scale is unusable.
    #[error("invalid scale: {reason}")]
    InvalidScale {
        /// What is wrong with it.
        reason: String,
    },
    /// An item weight is zero or too large.
    #[error("item `{item}` has weight {weight}; weights must be whole numbers from 1 to {max}")]
    InvalidWeight {
        /// The item's id.
        item: String,
        /// The weight given.
        weight: u32,
        /// The largest weight allowed.
        max: u32,
    },
    /// Any other structural rule is broken.
    #[error("invalid framework: {reason}")]
    Invalid {
        /// Which rule, naming the entry at fault.
        reason: String,
    },
    /// A checklist section has no items.
    #[error("section `{section}` has no items")]
    EmptySection {
        /// The section's id.
        section: String,
    },
    /// A checklist's stage rule or balance indicator is out of range.
    #[error("invalid {rule}: {reason}")]
    InvalidRule {
        /// `stage_rule` or `balance`.
        rule: String,
        /// What is wrong, naming the field and value.
        reason: String,
    },
}

impl FrameworkError {
    fn path(&self) -> Option<&str> {
        match self {
            FrameworkError::UnknownFramework { path, .. } => Some(path),
            _ => None,
        }
    }

    /// See [`Error::kind`].
    pub fn kind(&self) -> ErrorKind {
        match self {
            FrameworkError::UnknownFramework { .. } => ErrorKind::UnknownFramework,
            FrameworkError::WrongType { .. } => ErrorKind::WrongFrameworkType,
            FrameworkError::EmptyId { .. } => ErrorKind::EmptyId,
            FrameworkError::DuplicateId { .. } => ErrorKind::DuplicateId,
            FrameworkError::UnknownReference { .. } => ErrorKind::UnknownReference,
            FrameworkError::EmptyPeriod { .. } => ErrorKind::EmptyPeriod,
            FrameworkError::MaxMismatch { .. } => ErrorKind::MaxMismatch,
            FrameworkError::InvalidScale { .. } => ErrorKind::InvalidScale,
            FrameworkError::InvalidWeight { .. } => ErrorKind::InvalidWeight,
            FrameworkError::Invalid { .. } => ErrorKind::InvalidFramework,
            FrameworkError::EmptySection { .. } => ErrorKind::EmptySection,
            FrameworkError::InvalidRule { .. } => ErrorKind::InvalidRule,
        }
    }
}

/// An action-audit assessment does not fit its framework. Each error names
/// its place in the assessment as a JSON Pointer.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum AssessmentError {
    /// The assessment names another framework than the one it is scored with.
    #[error("assessment is for framework `{found}`, but it is being scored with `{expected}`")]
    FrameworkMismatch {
        /// The framework used for scoring.
        expected: String,
        /// The framework the assessment names.
        found: String,
        /// Where it names it: `/framework`.
        path: String,
    },
    /// The assessment was made against another version of the framework.
    #[error(
        "assessment is for `{framework}` version `{found}`, but the framework loaded is version `{expected}`"
    )]
    VersionMismatch {
        /// The framework id.
        framework: String,
        /// The version loaded.
        expected: String,
        /// The version the assessment names.
        found: String,
        /// Where it names it: `/framework_version`.
        path: String,
    },
    /// A score, note or not-applicable mark names an item the framework lacks.
    #[error(
        "unknown item `{item}` in `{}`: the framework has no such item{}",
        container(.path, .item),
        did_you_mean(.suggestion.as_ref())
    )]
    UnknownItem {
        /// The unknown id.
        item: String,
        /// Where: `/scores/<id>`, `/evidence/<id>`, or the list
        /// `/not_applicable`.
        path: String,
        /// The framework's item nearest to it, if one is near.
        suggestion: Option<String>,
    },
    /// A score lies outside the framework's scale.
    #[error("item `{item}` has score {score}, outside the scale {min}–{max}")]
    ScoreOutOfRange {
        /// The item's id.
        item: String,
        /// The score given.
        score: u8,
        /// The scale's lowest score.
        min: u8,
        /// The scale's highest score.
        max: u8,
        /// Where: `/scores/<id>`.
        path: String,
    },
    /// The framework does not allow "not applicable".
    #[error("item `{item}` is marked not applicable, but {reason}")]
    NotApplicableNotAllowed {
        /// The item's id.
        item: String,
        /// The framework's reason, in its own words.
        reason: String,
        /// Where: the list `/not_applicable`.
        path: String,
    },
    /// An item is both scored and marked not applicable.
    #[error("item `{item}` is both scored and marked not applicable")]
    ScoredAndNotApplicable {
        /// The item's id.
        item: String,
        /// Where: the list `/not_applicable`.
        path: String,
    },
    /// Strict mode: some items have no score.
    #[error("{count} item(s) not scored, first `{first}`; strict mode needs every item scored")]
    Incomplete {
        /// How many items lack a score.
        count: usize,
        /// The first of them in framework order.
        first: String,
        /// Where the scores are: `/scores`.
        path: String,
    },
    /// A date is not a valid `YYYY-MM-DD` calendar date.
    #[error("`{path}` is `{value}`, not a calendar date written YYYY-MM-DD")]
    InvalidDate {
        /// Where the date is, e.g. `/context/date`.
        path: String,
        /// The value given.
        value: String,
    },
}

/// A maturity assessment does not fit its model. Each error names its place
/// in the assessment as a JSON Pointer.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum MaturityError {
    /// A stage is given for an area the model lacks.
    #[error(
        "unknown programme area `{area}`: the model has no such area{}",
        did_you_mean(.suggestion.as_ref())
    )]
    UnknownArea {
        /// The unknown id.
        area: String,
        /// Where: `/stages/<id>` or `/evidence/<id>`.
        path: String,
        /// The model's area nearest to it, if one is near.
        suggestion: Option<String>,
    },
    /// A stage lies outside the model's stages.
    #[error("programme area `{area}` has stage {stage}, outside the stages 1–{max}")]
    StageOutOfRange {
        /// The area's id.
        area: String,
        /// The stage given.
        stage: u8,
        /// The highest stage.
        max: u8,
        /// Where: `/stages/<id>`.
        path: String,
    },
    /// Strict mode: some areas have no stage.
    #[error(
        "{count} programme area(s) not assessed, first `{first}`; strict mode needs every area assessed"
    )]
    Incomplete {
        /// How many areas lack a stage.
        count: usize,
        /// The first of them in model order.
        first: String,
        /// Where the stages are: `/stages`.
        path: String,
    },
}

/// Litmus-test answers do not fit the framework's tests. Each error names
/// its place in the answers as a JSON Pointer.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum LitmusError {
    /// A response names a test the framework lacks.
    #[error(
        "unknown litmus test `{test}`; this framework has {known}{}",
        did_you_mean(.suggestion.as_ref())
    )]
    UnknownTest {
        /// The unknown id.
        test: String,
        /// The framework's test ids, comma-separated.
        known: String,
        /// The framework's test nearest to it, if one is near.
        suggestion: Option<String>,
        /// Where: `/responses/<n>/test`.
        path: String,
    },
    /// An answer names a question the test lacks.
    #[error(
        "litmus test `{test}` has no question `{question}`{}",
        did_you_mean(.suggestion.as_ref())
    )]
    UnknownQuestion {
        /// The test's id.
        test: String,
        /// The unknown question id.
        question: String,
        /// The test's question nearest to it, if one is near.
        suggestion: Option<String>,
        /// Where: `/responses/<n>/answer_sets/<m>/answers/<id>`.
        path: String,
    },
    /// A question of the test was not answered.
    #[error("litmus test `{test}`: question `{question}` is not answered{context}")]
    MissingAnswer {
        /// The test's id.
        test: String,
        /// The question left out.
        question: String,
        /// Which answer set (its `about`), or empty.
        context: String,
        /// Where the answers are: `/responses/<n>/answer_sets/<m>/answers`.
        path: String,
    },
    /// A test answered once was answered several times, or none.
    #[error("litmus test `{test}` needs {expected}, got {count} answer set(s)")]
    AnswerSetCount {
        /// The test's id.
        test: String,
        /// What the test needs, in words.
        expected: String,
        /// How many answer sets were given.
        count: usize,
        /// Where: `/responses/<n>/answer_sets`.
        path: String,
    },
}

/// A scoring option is out of range.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum OptionsError {
    /// The option's value is not allowed.
    #[error("option `{option}` is `{value}`; {expected}")]
    Invalid {
        /// The option's name.
        option: String,
        /// The value given.
        value: String,
        /// What is allowed.
        expected: String,
        /// Where, in the options: `/<option>`.
        path: String,
    },
}

impl OptionsError {
    /// See [`Error::kind`].
    pub fn kind(&self) -> ErrorKind {
        match self {
            OptionsError::Invalid { .. } => ErrorKind::InvalidOption,
        }
    }
}

/// A score matrix for batch scoring does not fit its framework. Rows and
/// columns are counted from 0, as in numpy and pandas.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum BatchError {
    /// A cell holds a whole number outside the framework's scale.
    #[error("{cell} has score {value}, outside the scale {min}–{max}")]
    CellOutOfRange {
        /// Where the cell is.
        cell: CellRef,
        /// The value found.
        value: CellValue,
        /// The scale's lowest score.
        min: u8,
        /// The scale's highest score.
        max: u8,
    },
    /// A cell holds a number that is not whole (`2.5`, an infinity).
    #[error("{cell} has `{value}`, not a whole number on the scale {min}–{max}")]
    CellNotWhole {
        /// Where the cell is.
        cell: CellRef,
        /// The value found.
        value: CellValue,
        /// The scale's lowest score.
        min: u8,
        /// The scale's highest score.
        max: u8,
    },
    /// A cell holds text rather than a number.
    #[error("{cell} holds the text `{text}`, not a score on the scale {min}–{max}")]
    CellNotNumber {
        /// Where the cell is.
        cell: CellRef,
        /// The text found, cut short past `batch::MAX_CELL_TEXT` characters.
        text: String,
        /// The scale's lowest score.
        min: u8,
        /// The scale's highest score.
        max: u8,
    },
    /// A column name is not an item of the framework.
    #[error("unknown column `{column}`: framework `{framework}` has no such item")]
    UnknownColumn {
        /// The column name.
        column: String,
        /// The framework's id.
        framework: String,
    },
    /// Two columns name the same item.
    #[error("column `{column}` appears twice")]
    DuplicateColumn {
        /// The repeated column name.
        column: String,
    },
    /// A row of the matrix has more or fewer cells than there are columns.
    #[error("row {row} has {found} cell(s), but the batch has {expected} column(s)")]
    RowWidth {
        /// The row, from 0.
        row: usize,
        /// How many cells it has.
        found: usize,
        /// How many columns were named.
        expected: usize,
    },
    /// A matrix is not as wide as the batch has columns (one per named item,
    /// or one per framework item when none are named).
    #[error("the score matrix has {found} column(s), but the batch has {expected}")]
    Width {
        /// The matrix's width.
        found: usize,
        /// How many columns the batch has.
        expected: usize,
    },
    /// A column of a matrix given column by column holds fewer cells than
    /// the matrix has rows.
    #[error("column {column} (`{item}`) has {found} cell(s), but the batch has {expected} row(s)")]
    ColumnLength {
        /// The column, from 0.
        column: usize,
        /// The item the column holds.
        item: String,
        /// How many cells it has.
        found: usize,
        /// How many rows the batch has.
        expected: usize,
    },
    /// A batch names another framework than the one it is scored with.
    #[error("the batch is for framework `{found}`, but it is being scored with `{expected}`")]
    FrameworkMismatch {
        /// The framework used for scoring.
        expected: String,
        /// The framework the batch names.
        found: String,
    },
    /// The cells do not form whole rows of the named columns.
    #[error("the score matrix has {cells} cell(s), not whole rows of {columns} column(s)")]
    Shape {
        /// How many cells were given.
        cells: usize,
        /// How many columns were named.
        columns: usize,
    },
}

impl BatchError {
    /// See [`Error::kind`].
    pub fn kind(&self) -> ErrorKind {
        match self {
            BatchError::CellOutOfRange { .. } => ErrorKind::CellOutOfRange,
            BatchError::CellNotWhole { .. } => ErrorKind::CellNotWhole,
            BatchError::CellNotNumber { .. } => ErrorKind::CellNotANumber,
            BatchError::UnknownColumn { .. } => ErrorKind::UnknownColumn,
            BatchError::DuplicateColumn { .. } => ErrorKind::DuplicateColumn,
            BatchError::RowWidth { .. }
            | BatchError::Width { .. }
            | BatchError::Shape { .. }
            | BatchError::ColumnLength { .. } => ErrorKind::MatrixShape,
            BatchError::FrameworkMismatch { .. } => ErrorKind::FrameworkMismatch,
        }
    }

    /// Where, in a batch given as JSON (`BatchInput`), as a JSON Pointer.
    fn path(&self) -> String {
        match self {
            BatchError::CellOutOfRange { cell, .. }
            | BatchError::CellNotWhole { cell, .. }
            | BatchError::CellNotNumber { cell, .. } => {
                format!("/rows/{}/{}", cell.row, cell.column)
            }
            BatchError::UnknownColumn { .. } | BatchError::DuplicateColumn { .. } => {
                "/columns".to_owned()
            }
            BatchError::RowWidth { row, .. } => format!("/rows/{row}"),
            BatchError::Width { .. }
            | BatchError::Shape { .. }
            | BatchError::ColumnLength { .. } => "/rows".to_owned(),
            BatchError::FrameworkMismatch { .. } => "/framework".to_owned(),
        }
    }
}

/// Where a cell of a score matrix lies: its row and column, counted from 0,
/// and the row's label when the rows have one (a data frame's index).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellRef {
    /// The row, from 0.
    pub row: usize,
    /// The row's label, e.g. an account id from a data frame's index.
    pub label: Option<String>,
    /// The column, from 0.
    pub column: usize,
    /// The item the column holds.
    pub item: String,
}

impl std::fmt::Display for CellRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.label {
            // A labelled row is named as the user knows it, and its column by
            // name: a data frame's other columns make the position meaningless.
            Some(label) => write!(f, "row `{label}`, column `{}`", self.item),
            None => write!(
                f,
                "row {}, column {} (`{}`)",
                self.row, self.column, self.item
            ),
        }
    }
}

/// A number found in a cell, as written: whole, or with a fraction.
#[derive(Debug, Clone, Copy)]
pub enum CellValue {
    /// A whole number.
    Whole(i64),
    /// Any other number (`2.5`, `1e300`, an infinity).
    Real(f64),
}

impl PartialEq for CellValue {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (CellValue::Whole(a), CellValue::Whole(b)) => a == b,
            (CellValue::Real(a), CellValue::Real(b)) => a.to_bits() == b.to_bits(),
            _ => false,
        }
    }
}

impl Eq for CellValue {}

impl std::fmt::Display for CellValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CellValue::Whole(v) => write!(f, "{v}"),
            // `{:?}` writes `2.5`, `1e300` and `inf` rather than 301 digits.
            CellValue::Real(v) => write!(f, "{v:?}"),
        }
    }
}

/// An analysis input does not make sense: no customers, a repeated id, a
/// number that is negative, not finite or off its scale, weights that do not
/// sum to 1, audits of different frameworks.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum AnalysisError {
    /// A list that needs at least one entry is empty.
    #[error("no {what} given; at least one is needed")]
    Empty {
        /// What is missing, e.g. `customers`.
        what: String,
    },
    /// Two entries of one list share an id.
    #[error("{what} `{id}` appears twice")]
    Duplicate {
        /// What kind of entry, e.g. `customer`.
        what: String,
        /// The repeated id.
        id: String,
    },
    /// A number is NaN, infinite, negative or off its scale.
    #[error("{what} is `{value}`; {expected}")]
    InvalidNumber {
        /// Where the number is, naming the entry, e.g. "`revenue` of customer `acme`".
        what: String,
        /// The value given.
        value: String,
        /// What is allowed.
        expected: String,
    },
    /// The weights of a group of criteria do not sum to 1.
    #[error("the weights of the {group} criteria sum to {sum}, but they must sum to 1")]
    InvalidWeights {
        /// `attractiveness` or `relationship`.
        group: String,
        /// Their sum.
        sum: String,
    },
    /// A customer is scored on a criterion that is not defined.
    #[error(
        "customer `{customer}` is scored on unknown criterion `{criterion}`{}",
        did_you_mean(.suggestion.as_ref())
    )]
    UnknownCriterion {
        /// The customer's id.
        customer: String,
        /// The unknown criterion.
        criterion: String,
        /// The criterion nearest to it, if one is near.
        suggestion: Option<String>,
    },
    /// A required value is absent.
    #[error("{what} is missing; {why}")]
    Missing {
        /// What is missing, naming the entry.
        what: String,
        /// Why it is needed.
        why: String,
    },
    /// Inputs that must share one framework do not.
    #[error(
        "{what} is for `{found}`, but {first} is for `{expected}`; all must use one framework version"
    )]
    MixedFrameworks {
        /// The input at fault, e.g. "audit 2".
        what: String,
        /// The first input, e.g. "audit 1".
        first: String,
        /// The first input's framework and version.
        expected: String,
        /// This input's framework and version.
        found: String,
    },
    /// A target cannot be aimed at.
    #[error("invalid target: {reason}")]
    InvalidTarget {
        /// Why, naming the value at fault.
        reason: String,
    },
    /// An id names nothing known.
    #[error("unknown {what} `{id}`; known are {known}{}", did_you_mean(.suggestion.as_ref()))]
    Unknown {
        /// What kind of entry, e.g. `plan element`.
        what: String,
        /// The unknown id.
        id: String,
        /// The known ids, comma-separated.
        known: String,
        /// The known id nearest to it, if one is near.
        suggestion: Option<String>,
    },
    /// A guideline or element list (bundled or the user's) breaks a rule.
    #[error("invalid guideline: {reason}")]
    InvalidGuideline {
        /// Which rule, naming the entry at fault.
        reason: String,
    },
    /// Two dates are in the wrong order.
    #[error("`{later}` is `{later_value}`, before `{earlier}` `{earlier_value}`")]
    DateOrder {
        /// Where the later date should be, e.g. `/as_of`.
        later: String,
        /// Its value.
        later_value: String,
        /// Where the earlier date should be, e.g. `/last_review`.
        earlier: String,
        /// Its value.
        earlier_value: String,
    },
    /// A programme document does not hold together (see [`ProgrammeError`]).
    #[error(transparent)]
    Programme(#[from] ProgrammeError),
}

impl AnalysisError {
    /// See [`Error::kind`].
    pub fn kind(&self) -> ErrorKind {
        match self {
            AnalysisError::Empty { .. } => ErrorKind::EmptyInput,
            AnalysisError::Duplicate { .. } => ErrorKind::DuplicateEntry,
            AnalysisError::InvalidNumber { .. } => ErrorKind::InvalidNumber,
            AnalysisError::InvalidWeights { .. } => ErrorKind::InvalidWeights,
            AnalysisError::UnknownCriterion { .. } => ErrorKind::UnknownCriterion,
            AnalysisError::Missing { .. } => ErrorKind::MissingValue,
            AnalysisError::MixedFrameworks { .. } => ErrorKind::MixedFrameworks,
            AnalysisError::InvalidTarget { .. } => ErrorKind::InvalidTarget,
            AnalysisError::Unknown { .. } => ErrorKind::UnknownEntry,
            AnalysisError::InvalidGuideline { .. } => ErrorKind::InvalidGuideline,
            AnalysisError::DateOrder { .. } => ErrorKind::DateOrder,
            AnalysisError::Programme(e) => e.kind(),
        }
    }

    fn path(&self) -> Option<String> {
        match self {
            AnalysisError::DateOrder { later, .. } => Some(later.clone()),
            AnalysisError::Programme(e) => e.path(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_placed_in_larger_documents() {
        let err: Error = AssessmentError::UnknownItem {
            item: "A1.l".to_owned(),
            path: "/scores/A1.l".to_owned(),
            suggestion: Some("A1.1".to_owned()),
        }
        .into();
        let err = err.within("/after");
        assert_eq!(err.path().as_deref(), Some("/after/scores/A1.l"));
        assert_eq!(
            err.to_string(),
            "unknown item `A1.l` in `/after/scores`: the framework has no such item; did you mean `A1.1`?"
        );
        let top: Error = InputError::InvalidInput {
            path: String::new(),
            message: "missing field `scores`".to_owned(),
        }
        .into();
        assert_eq!(
            top.to_string(),
            "invalid input at the top level: missing field `scores`"
        );
        assert_eq!(
            top.within("/before").to_string(),
            "invalid input at `/before`: missing field `scores`"
        );
    }

    #[test]
    fn a_broken_framework_file_is_not_the_callers_fault() {
        let err: Error = FrameworkError::EmptyPeriod {
            period: "A1".to_owned(),
        }
        .into();
        assert_eq!(err.category(), Category::Input);
        let err = err.in_framework_file("frameworks/mine.json");
        assert_eq!(err.category(), Category::FrameworkFile);
        assert_eq!(err.kind(), ErrorKind::EmptyPeriod);
        assert_eq!(
            err.to_string(),
            "framework file `frameworks/mine.json`: period `A1` has no items"
        );
        assert_eq!(Category::FrameworkFile.as_str(), "framework-file");
    }

    #[test]
    fn containers_of_paths() {
        assert_eq!(parent("/scores/A1.1"), "/scores");
        assert_eq!(parent("/scores"), "");
        assert_eq!(parent(""), "");
        assert_eq!(at(""), "at the top level");
        assert_eq!(place("/customers"), "`/customers`");
    }
}
