//! Errors: one enum per concern, gathered in [`enum@Error`].
//!
//! Every variant has a stable, kebab-case [`Error::kind`] that the Python and
//! JavaScript bindings expose unchanged, so callers can branch on the kind and
//! show the message. Messages are lowercase, carry no final period and quote
//! user input in backticks, naming the field, item or value at fault.

use thiserror::Error;

/// Any error kam can return.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Error {
    /// The input is not well-formed JSON of the expected shape.
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
    /// A workbook or CSV file cannot be read, or breaks a limit.
    #[error(transparent)]
    Spreadsheet(#[from] SpreadsheetError),
}

impl Error {
    /// The stable, machine-readable kind of this error, e.g. `unknown-item`.
    pub fn kind(&self) -> &'static str {
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
        }
    }

    /// Every kind any error can have, for bindings that build one exception
    /// class per kind and for tests that check the catalogue is covered.
    pub const KINDS: &'static [&'static str] = &[
        "invalid-json",
        "unknown-schema",
        "input-too-large",
        "too-deep",
        "text-too-long",
        "too-many-entries",
        "too-many-customers",
        "too-many-criteria",
        "too-many-audits",
        "too-many-units",
        "too-many-elements",
        "too-many-results",
        "unknown-framework",
        "wrong-framework-type",
        "empty-id",
        "duplicate-id",
        "unknown-reference",
        "empty-period",
        "max-mismatch",
        "invalid-scale",
        "invalid-weight",
        "invalid-framework",
        "framework-mismatch",
        "version-mismatch",
        "unknown-item",
        "score-out-of-range",
        "not-applicable-not-allowed",
        "scored-and-not-applicable",
        "incomplete-assessment",
        "invalid-date",
        "unknown-area",
        "stage-out-of-range",
        "incomplete-maturity",
        "unknown-test",
        "unknown-question",
        "missing-answer",
        "answer-set-count",
        "invalid-option",
        "cell-out-of-range",
        "cell-not-whole",
        "cell-not-a-number",
        "unknown-column",
        "duplicate-column",
        "matrix-shape",
        "empty-input",
        "duplicate-entry",
        "invalid-number",
        "invalid-weights",
        "unknown-criterion",
        "missing-value",
        "mixed-frameworks",
        "invalid-target",
        "unknown-entry",
        "invalid-guideline",
        "date-order",
        // Checklist frameworks.
        "empty-section",
        "invalid-rule",
        // Spreadsheets (SpreadsheetError); some reuse a kind above.
        "workbook-too-large",
        "workbook-unpacks-too-large",
        "too-many-parts",
        "too-many-rows",
        "too-many-cells",
        "too-many-shared-strings",
        "xml-too-deep",
        "invalid-workbook",
        "invalid-csv",
        "missing-sheet",
        "missing-column",
        "missing-field",
        "missing-item-id",
        "invalid-score",
        "formula-in-score",
        "invalid-answer",
        "inconsistent-values",
        // Programme (issue 14).
        "unknown-unit",
        "unit-cycle",
        "duplicate-assessment",
        "unknown-framework-version",
    ];
}

/// The input could not be read as JSON of the expected shape.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InputError {
    /// Malformed JSON, a missing or unknown field, or a value of the wrong type.
    #[error("invalid JSON at `{path}`: {message}")]
    InvalidJson {
        /// Where in the document the problem is, e.g. `scores.A1.1`; `.` for the top.
        path: String,
        /// What the parser expected there.
        message: String,
    },
    /// No JSON Schema has this name.
    #[error("unknown schema `{name}`; schemas are {known}")]
    UnknownSchema {
        /// The name asked for.
        name: String,
        /// The known names, comma-separated.
        known: String,
    },
}

impl InputError {
    /// See [`Error::kind`].
    pub fn kind(&self) -> &'static str {
        match self {
            InputError::InvalidJson { .. } => "invalid-json",
            InputError::UnknownSchema { .. } => "unknown-schema",
        }
    }
}

/// The input exceeds a documented limit; see [`crate::limits`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
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
    #[error("input nests deeper than {max} levels at `{path}`")]
    TooDeep {
        /// Where the limit is passed.
        path: String,
        /// The limit.
        max: usize,
    },
    /// A string is too long.
    #[error("text at `{path}` has {chars} characters; at most {max} are allowed")]
    TextTooLong {
        /// Where the string is.
        path: String,
        /// Its length in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// An array or object has too many entries.
    #[error("`{path}` has more than {max} entries")]
    TooManyEntries {
        /// Where the array or object is.
        path: String,
        /// How many entries were counted before stopping.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// An analysis is given more customers than it takes (Pareto analysis,
    /// portfolio matrix).
    #[error("`{field}` has {count} entries; {analysis} takes at most {max} customers")]
    TooManyCustomers {
        /// The list, e.g. `customers`.
        field: String,
        /// How many entries it has.
        count: usize,
        /// The limit, e.g. [`crate::limits::MAX_PARETO_CUSTOMERS`].
        max: usize,
        /// The analysis, e.g. "a Pareto analysis".
        analysis: &'static str,
    },
    /// A group of portfolio criteria has more criteria than a matrix takes.
    #[error(
        "`{field}` has {count} entries; a portfolio matrix takes at most {max} criteria per group"
    )]
    TooManyCriteria {
        /// The group, `attractiveness` or `relationship`.
        field: String,
        /// How many criteria it has.
        count: usize,
        /// The limit, [`crate::limits::MAX_PORTFOLIO_CRITERIA`].
        max: usize,
    },
    /// An aggregation is given more audits than it takes.
    #[error("`{field}` has {count} entries; an aggregation takes at most {max} audits")]
    TooManyAudits {
        /// The list, `audits`.
        field: String,
        /// How many audits it has.
        count: usize,
        /// The limit, [`crate::limits::MAX_AGGREGATE_AUDITS`].
        max: usize,
    },
    /// A unit comparison is given more units than it takes.
    #[error("`{field}` has {count} entries; a unit comparison takes at most {max} units")]
    TooManyUnits {
        /// The list, `audits` (one per unit).
        field: String,
        /// How many audits it has.
        count: usize,
        /// The limit, [`crate::limits::MAX_UNITS`].
        max: usize,
    },
    /// A key account plan, or its template, lists more elements than kam checks.
    #[error("`{field}` has {count} entries; {what} holds at most {max} elements")]
    TooManyElements {
        /// The list, `elements` or `template.elements`.
        field: String,
        /// How many entries it has.
        count: usize,
        /// The limit, [`crate::limits::MAX_PLAN_ELEMENTS`].
        max: usize,
        /// Whose list it is: "a key account plan" or "a plan template".
        what: &'static str,
    },
    // Programme (issue 14): the programme's own limit on its units.
    /// A programme lists more units than kam reports on.
    #[error("`{field}` has {count} entries; a programme takes at most {max} units")]
    TooManyProgrammeUnits {
        /// The list, `units`.
        field: String,
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
        /// The limit, [`crate::limits::MAX_PROGRAMME_ANSWERS`].
        max: usize,
    },
}

impl LimitError {
    /// See [`Error::kind`].
    pub fn kind(&self) -> &'static str {
        match self {
            LimitError::InputTooLarge { .. } => "input-too-large",
            LimitError::TooDeep { .. } => "too-deep",
            LimitError::TextTooLong { .. } => "text-too-long",
            LimitError::TooManyEntries { .. } | LimitError::TooManyAnswers { .. } => {
                "too-many-entries"
            }
            LimitError::TooManyCustomers { .. } => "too-many-customers",
            LimitError::TooManyCriteria { .. } => "too-many-criteria",
            LimitError::TooManyAudits { .. } => "too-many-audits",
            LimitError::TooManyUnits { .. } | LimitError::TooManyProgrammeUnits { .. } => {
                "too-many-units"
            }
            LimitError::TooManyElements { .. } => "too-many-elements",
            LimitError::TooManyResults { .. } => "too-many-results",
        }
    }
}

/// A framework file is invalid, or a framework is not known.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FrameworkError {
    /// No framework with this id is bundled with kam.
    #[error("unknown framework `{id}`; bundled frameworks are {known}")]
    UnknownFramework {
        /// The id asked for.
        id: String,
        /// The bundled ids, comma-separated, for the message.
        known: String,
    },
    /// The framework exists but is of another type than the operation needs.
    #[error("framework `{id}` is a {found} framework, but {expected} is needed here")]
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

    // Checklist frameworks (docs/frameworks/README.md).
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
    /// See [`Error::kind`].
    pub fn kind(&self) -> &'static str {
        match self {
            FrameworkError::UnknownFramework { .. } => "unknown-framework",
            FrameworkError::WrongType { .. } => "wrong-framework-type",
            FrameworkError::EmptyId { .. } => "empty-id",
            FrameworkError::DuplicateId { .. } => "duplicate-id",
            FrameworkError::UnknownReference { .. } => "unknown-reference",
            FrameworkError::EmptyPeriod { .. } => "empty-period",
            FrameworkError::MaxMismatch { .. } => "max-mismatch",
            FrameworkError::InvalidScale { .. } => "invalid-scale",
            FrameworkError::InvalidWeight { .. } => "invalid-weight",
            FrameworkError::Invalid { .. } => "invalid-framework",
            FrameworkError::EmptySection { .. } => "empty-section",
            FrameworkError::InvalidRule { .. } => "invalid-rule",
        }
    }
}

/// An action-audit assessment does not fit its framework.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AssessmentError {
    /// The assessment names another framework than the one it is scored with.
    #[error("assessment is for framework `{found}`, but it is being scored with `{expected}`")]
    FrameworkMismatch {
        /// The framework used for scoring.
        expected: String,
        /// The framework the assessment names.
        found: String,
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
    },
    /// A score, note or not-applicable mark names an item the framework lacks.
    #[error("unknown item `{item}` in `{field}`: the framework has no such item")]
    UnknownItem {
        /// The field it appears in: `scores`, `evidence` or `not_applicable`.
        field: String,
        /// The unknown id.
        item: String,
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
    },
    /// The framework does not allow "not applicable".
    #[error("item `{item}` is marked not applicable, but {reason}")]
    NotApplicableNotAllowed {
        /// The item's id.
        item: String,
        /// The framework's reason, in its own words.
        reason: String,
    },
    /// An item is both scored and marked not applicable.
    #[error("item `{item}` is both scored and marked not applicable")]
    ScoredAndNotApplicable {
        /// The item's id.
        item: String,
    },
    /// Strict mode: some items have no score.
    #[error("{count} item(s) not scored, first `{first}`; strict mode needs every item scored")]
    Incomplete {
        /// How many items lack a score.
        count: usize,
        /// The first of them in framework order.
        first: String,
    },
    /// A date is not a valid `YYYY-MM-DD` calendar date.
    #[error("`{field}` is `{value}`, not a calendar date written YYYY-MM-DD")]
    InvalidDate {
        /// The field holding the date.
        field: String,
        /// The value given.
        value: String,
    },
}

impl AssessmentError {
    /// See [`Error::kind`].
    pub fn kind(&self) -> &'static str {
        match self {
            AssessmentError::FrameworkMismatch { .. } => "framework-mismatch",
            AssessmentError::VersionMismatch { .. } => "version-mismatch",
            AssessmentError::UnknownItem { .. } => "unknown-item",
            AssessmentError::ScoreOutOfRange { .. } => "score-out-of-range",
            AssessmentError::NotApplicableNotAllowed { .. } => "not-applicable-not-allowed",
            AssessmentError::ScoredAndNotApplicable { .. } => "scored-and-not-applicable",
            AssessmentError::Incomplete { .. } => "incomplete-assessment",
            AssessmentError::InvalidDate { .. } => "invalid-date",
        }
    }
}

/// A maturity assessment does not fit its model.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MaturityError {
    /// A stage is given for an area the model lacks.
    #[error("unknown programme area `{area}`: the model has no such area")]
    UnknownArea {
        /// The unknown id.
        area: String,
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
    },
}

impl MaturityError {
    /// See [`Error::kind`].
    pub fn kind(&self) -> &'static str {
        match self {
            MaturityError::UnknownArea { .. } => "unknown-area",
            MaturityError::StageOutOfRange { .. } => "stage-out-of-range",
            MaturityError::Incomplete { .. } => "incomplete-maturity",
        }
    }
}

/// Litmus-test answers do not fit the framework's tests.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LitmusError {
    /// A response names a test the framework lacks.
    #[error("unknown litmus test `{test}`; this framework has {known}")]
    UnknownTest {
        /// The unknown id.
        test: String,
        /// The framework's test ids, comma-separated.
        known: String,
    },
    /// An answer names a question the test lacks.
    #[error("litmus test `{test}` has no question `{question}`")]
    UnknownQuestion {
        /// The test's id.
        test: String,
        /// The unknown question id.
        question: String,
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
    },
}

impl LitmusError {
    /// See [`Error::kind`].
    pub fn kind(&self) -> &'static str {
        match self {
            LitmusError::UnknownTest { .. } => "unknown-test",
            LitmusError::UnknownQuestion { .. } => "unknown-question",
            LitmusError::MissingAnswer { .. } => "missing-answer",
            LitmusError::AnswerSetCount { .. } => "answer-set-count",
        }
    }
}

/// A scoring option is out of range.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
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
    },
}

impl OptionsError {
    /// See [`Error::kind`].
    pub fn kind(&self) -> &'static str {
        match self {
            OptionsError::Invalid { .. } => "invalid-option",
        }
    }
}

/// A score matrix for batch scoring does not fit its framework. Rows and
/// columns are counted from 0, as in numpy and pandas.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
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
        /// The text found, cut short past [`crate::batch::MAX_CELL_TEXT`] characters.
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
    pub fn kind(&self) -> &'static str {
        match self {
            BatchError::CellOutOfRange { .. } => "cell-out-of-range",
            BatchError::CellNotWhole { .. } => "cell-not-whole",
            BatchError::CellNotNumber { .. } => "cell-not-a-number",
            BatchError::UnknownColumn { .. } => "unknown-column",
            BatchError::DuplicateColumn { .. } => "duplicate-column",
            BatchError::RowWidth { .. }
            | BatchError::Width { .. }
            | BatchError::Shape { .. }
            | BatchError::ColumnLength { .. } => "matrix-shape",
            BatchError::FrameworkMismatch { .. } => "framework-mismatch",
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
    #[error("customer `{customer}` is scored on unknown criterion `{criterion}`")]
    UnknownCriterion {
        /// The customer's id.
        customer: String,
        /// The unknown criterion.
        criterion: String,
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
    #[error("unknown {what} `{id}`; known are {known}")]
    Unknown {
        /// What kind of entry, e.g. `plan element`.
        what: String,
        /// The unknown id.
        id: String,
        /// The known ids, comma-separated.
        known: String,
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
        /// The field that should hold the later date.
        later: String,
        /// Its value.
        later_value: String,
        /// The field that should hold the earlier date.
        earlier: String,
        /// Its value.
        earlier_value: String,
    },
    // Programme (issue 14).
    /// A programme document does not hold together (see [`ProgrammeError`]).
    #[error(transparent)]
    Programme(#[from] ProgrammeError),
}

impl AnalysisError {
    /// See [`Error::kind`].
    pub fn kind(&self) -> &'static str {
        match self {
            AnalysisError::Empty { .. } => "empty-input",
            AnalysisError::Duplicate { .. } => "duplicate-entry",
            AnalysisError::InvalidNumber { .. } => "invalid-number",
            AnalysisError::InvalidWeights { .. } => "invalid-weights",
            AnalysisError::UnknownCriterion { .. } => "unknown-criterion",
            AnalysisError::Missing { .. } => "missing-value",
            AnalysisError::MixedFrameworks { .. } => "mixed-frameworks",
            AnalysisError::InvalidTarget { .. } => "invalid-target",
            AnalysisError::Unknown { .. } => "unknown-entry",
            AnalysisError::InvalidGuideline { .. } => "invalid-guideline",
            AnalysisError::DateOrder { .. } => "date-order",
            AnalysisError::Programme(e) => e.kind(),
        }
    }
}

/// What an [`IdKind`] names in a workbook or CSV file; it picks the error
/// kind, so an unknown item is `unknown-item` whether it comes from JSON, a
/// workbook or a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq, Error)]
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

// Programme (issue 14) ------------------------------------------------------

/// A programme document (see [`crate::programme`]) does not hold together:
/// a unit or version nobody defined, a cycle among the units, an assessor
/// scoring a unit twice on one date, frameworks that cannot be read side by
/// side; or an error of one of its parts, located.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProgrammeError {
    /// A unit is referred to but not defined in `units`.
    #[error("unknown unit `{unit}` in {at}; the programme's units are {known}")]
    UnknownUnit {
        /// The unit named.
        unit: String,
        /// Where, e.g. "`context.unit` of assessment 12".
        at: String,
        /// The units defined, comma-separated (the first few).
        known: String,
    },
    /// Following `parent` from a unit leads back to it.
    #[error("units {cycle} form a cycle; a unit cannot be its own ancestor")]
    UnitCycle {
        /// The cycle, e.g. "`a` → `b` → `a`".
        cycle: String,
    },
    /// One assessor assessed one unit twice on one date with one framework.
    #[error(
        "assessor `{assessor}` made two {what}s of unit `{unit}` on `{date}` (assessments {first} and {second}); an assessor assesses a unit once per date"
    )]
    DuplicateAssessment {
        /// `audit`, `maturity assessment` or `litmus test`.
        what: &'static str,
        /// The assessor.
        assessor: String,
        /// The unit.
        unit: String,
        /// The date.
        date: String,
        /// The first assessment's position in `assessments`, from 1.
        first: usize,
        /// The second's.
        second: usize,
    },
    /// Assessments that are read side by side name different frameworks.
    #[error("{what} is for `{found}`, but {first} is for `{expected}`; {rule}")]
    MixedFrameworks {
        /// The assessment at fault, e.g. "assessment 7".
        what: String,
        /// The first of its kind, e.g. "assessment 1".
        first: String,
        /// The first one's framework (and version).
        expected: String,
        /// This one's.
        found: String,
        /// The rule broken, in words.
        rule: &'static str,
    },
    /// An assessment names a framework version kam has not got.
    #[error(
        "{what} is for `{framework}` version `{version}`, which is neither bundled nor in the programme's `frameworks`; known versions are {known}"
    )]
    UnknownVersion {
        /// The assessment, e.g. "assessment 3".
        what: String,
        /// The framework id.
        framework: String,
        /// The version named.
        version: String,
        /// The versions known for the id, comma-separated.
        known: String,
    },
    /// An error of one part of the programme (an assessment, a framework
    /// file, the customers, an account plan), with where it is. Its kind is
    /// the part's own, e.g. `unknown-item`.
    #[error("{at}: {error}")]
    At {
        /// The part, e.g. "assessment 12 (unit `uk`, assessor `ann`, `2024-03-01`)".
        at: String,
        /// The part's error.
        error: Box<Error>,
    },
}

impl SpreadsheetError {
    /// See [`Error::kind`]; [`SpreadsheetError::InFile`] has the kind of the
    /// error inside.
    pub fn kind(&self) -> &'static str {
        use SpreadsheetError as E;
        match self {
            E::WorkbookTooLarge { .. } => "workbook-too-large",
            E::UnpacksTooLarge { .. } => "workbook-unpacks-too-large",
            E::TooManyParts { .. } => "too-many-parts",
            E::TooManyRows { .. } => "too-many-rows",
            E::TooManyCells { .. } => "too-many-cells",
            E::TooManySharedStrings { .. } => "too-many-shared-strings",
            E::XmlTooDeep { .. } => "xml-too-deep",
            E::InvalidWorkbook { .. } => "invalid-workbook",
            E::InvalidCsv { .. } => "invalid-csv",
            E::MissingSheet { .. } => "missing-sheet",
            E::MissingColumn { .. } => "missing-column",
            E::DuplicateColumn { .. } => "duplicate-column",
            E::MissingField { .. } => "missing-field",
            E::MissingId { .. } => "missing-item-id",
            E::UnknownId { what, .. } => match what {
                IdKind::Item => "unknown-item",
                IdKind::Area => "unknown-area",
                IdKind::Test => "unknown-test",
                IdKind::Question => "unknown-question",
            },
            E::DuplicateId { .. } => "duplicate-entry",
            E::InvalidScore { .. } => "invalid-score",
            E::ScoreOutOfRange { .. } => "score-out-of-range",
            E::StageOutOfRange { .. } => "stage-out-of-range",
            E::FormulaInScore { .. } => "formula-in-score",
            E::InvalidAnswer { .. } => "invalid-answer",
            E::MissingAnswer { .. } => "missing-answer",
            E::Inconsistent { .. } => "inconsistent-values",
            E::FrameworkMismatch { .. } => "framework-mismatch",
            E::VersionMismatch { .. } => "version-mismatch",
            E::InvalidDate { .. } => "invalid-date",
            E::InFile { error, .. } => error.kind(),
        }
    }
}

impl ProgrammeError {
    /// See [`Error::kind`]; [`ProgrammeError::At`] has its part's kind.
    pub fn kind(&self) -> &'static str {
        match self {
            ProgrammeError::UnknownUnit { .. } => "unknown-unit",
            ProgrammeError::UnitCycle { .. } => "unit-cycle",
            ProgrammeError::DuplicateAssessment { .. } => "duplicate-assessment",
            ProgrammeError::MixedFrameworks { .. } => "mixed-frameworks",
            ProgrammeError::UnknownVersion { .. } => "unknown-framework-version",
            ProgrammeError::At { error, .. } => error.kind(),
        }
    }

    /// `error`, said to be at `at`.
    pub(crate) fn at(at: impl Into<String>, error: impl Into<Error>) -> Self {
        ProgrammeError::At {
            at: at.into(),
            error: Box::new(error.into()),
        }
    }
}

impl From<ProgrammeError> for Error {
    fn from(error: ProgrammeError) -> Self {
        Error::Analysis(AnalysisError::Programme(error))
    }
}

// End of programme (issue 14) ------------------------------------------------

/// Parses JSON into `T`, reporting the path of the first problem.
///
/// # Errors
/// [`InputError::InvalidJson`] naming the path and the parser's complaint.
pub fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Error> {
    from_json_within(json, |text| {
        crate::limits::check_text(text).map_err(|e| match e {
            Error::Input(_) => file_name_given(text).unwrap_or(e),
            e => e,
        })
    })
}

/// [`from_json`] with another limit check than the general one: a
/// programme's text has its own size limit (see [`crate::limits`]).
pub(crate) fn from_json_within<T: serde::de::DeserializeOwned>(
    json: &str,
    check: fn(&str) -> Result<(), Error>,
) -> Result<T, Error> {
    check(json)?;
    crate::limits::take_broken();
    let mut de = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| read_error(&e))?;
    // Trailing characters after the document are an error too, not ignored.
    de.end().map_err(|e| InputError::InvalidJson {
        path: ".".to_owned(),
        message: parser_message(&e),
    })?;
    Ok(value)
}

/// The error for text that is not JSON but a file name (`audit.json`,
/// `data/q1.json`): a caller passed where the file is rather than what it
/// holds, and the parser's own message ("expected value at line 1 column 1")
/// would not say so.
fn file_name_given(text: &str) -> Option<Error> {
    let name = text.trim();
    let first = name.chars().next()?;
    let has_extension = name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && !ext.is_empty() && ext.chars().all(char::is_alphanumeric)
    });
    let looks_like_a_file = name.len() <= 1024
        && !name.contains(['\n', '{', '[', '"'])
        && !(first.is_ascii_digit() || first == '-')
        && (has_extension || name.contains(['/', '\\']));
    looks_like_a_file.then(|| {
        InputError::InvalidJson {
            path: ".".to_owned(),
            message: format!(
                "expected JSON text, not a file name: `{name}` (read the file and pass what it holds)"
            ),
        }
        .into()
    })
}

/// [`from_json_within`] for a large document (a programme): parsing without
/// tracking the path is a third faster, so that is tried first, and only
/// when it fails is the text parsed again, tracking the path, for exactly
/// the error [`from_json`] gives.
pub(crate) fn from_large_json<T: serde::de::DeserializeOwned>(
    json: &str,
    check: fn(&str) -> Result<(), Error>,
) -> Result<T, Error> {
    check(json)?;
    crate::limits::take_broken();
    if let Ok(value) = serde_json::from_str(json) {
        return Ok(value);
    }
    from_json_within(json, |_| Ok(()))
}

/// Converts an already-parsed JSON value into `T`, reporting the path of the
/// first problem with the same message [`from_json`] gives. The bindings use
/// this for Python dicts and JavaScript objects.
///
/// # Errors
/// [`InputError::InvalidJson`] naming the path and the problem.
pub fn from_value<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, Error> {
    crate::limits::check_value(&value)?;
    crate::limits::take_broken();
    serde_path_to_error::deserialize(value).map_err(|e| read_error(&e))
}

/// A named limit broken while reading (see [`crate::limits::bounded_list`]),
/// else `invalid-json`.
fn read_error(e: &serde_path_to_error::Error<serde_json::Error>) -> Error {
    match crate::limits::take_broken() {
        Some(limit) => limit.into(),
        None => invalid_json(e).into(),
    }
}

fn invalid_json(e: &serde_path_to_error::Error<serde_json::Error>) -> InputError {
    InputError::InvalidJson {
        path: e.path().to_string(),
        message: parser_message(e.inner()),
    }
}

/// The parser's complaint. For a value of the wrong shape the path already
/// says where, and the line and column would depend on how the caller's
/// language wrote the JSON, so they are dropped to keep messages identical
/// across Rust, Python and JavaScript. For malformed text they are kept.
fn parser_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    if e.classify() != serde_json::error::Category::Data {
        return text;
    }
    let position = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&position).unwrap_or(&text).to_owned()
}

/// One step into a JSON document, as a binding walks a native value: an
/// object's key or an array's index (from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// A key of an object.
    Key(String),
    /// A position in an array, from 0.
    Index(usize),
}

/// Writes a path as every kam message does (as `serde_path_to_error` does for
/// [`from_json`] and [`from_value`]): keys joined by `.`, indices as `[0]`,
/// `.` for the top, e.g. `customers[0].value`.
pub fn json_path(segments: &[PathSegment]) -> String {
    use std::fmt::Write as _;
    if segments.is_empty() {
        return ".".to_owned();
    }
    let mut path = String::new();
    for segment in segments {
        match segment {
            PathSegment::Key(key) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            // Writing to a `String` cannot fail.
            PathSegment::Index(index) => {
                let _ = write!(path, "[{index}]");
            }
        }
    }
    path
}

/// The error for a native number that JSON cannot hold: NaN or an infinity
/// in a Python or JavaScript value (JSON text cannot contain them at all).
/// Both bindings report it with this function, so kind, path and message are
/// identical; the value is spelt as JavaScript and JSON5 spell it: `NaN`,
/// `Infinity`, `-Infinity`.
pub fn non_finite_number(path: &[PathSegment], value: f64) -> Error {
    let spelt = if value.is_nan() {
        "NaN"
    } else if value > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    };
    InputError::InvalidJson {
        path: json_path(path),
        message: format!("`{spelt}` is not a JSON number"),
    }
    .into()
}

/// The error for a native integer too large for any JSON number kam reads
/// (beyond ±1.8 × 10³⁰⁸, the range of a 64-bit float, e.g. Python's
/// `10**400`): the parser's own words for such a literal, without the line
/// and column a native value has not got.
pub fn number_out_of_range(path: &[PathSegment]) -> Error {
    InputError::InvalidJson {
        path: json_path(path),
        message: "number out of range".to_owned(),
    }
    .into()
}

#[cfg(test)]
mod file_name_tests {
    use super::*;

    #[test]
    fn a_file_name_given_as_json_text_is_named() {
        for name in [
            "audit.json",
            " data/q1 audit.json ",
            "C:\\audits\\uk.json",
            "./audit",
        ] {
            let err = from_json::<serde_json::Value>(name).unwrap_err();
            assert_eq!(err.kind(), "invalid-json");
            assert!(
                err.to_string().contains("not a file name: `"),
                "{name}: {err}"
            );
        }
        for text in ["{\"a\": 1,}", "3.5x", "-1.x", "[1 2]", "tru"] {
            let err = from_json::<serde_json::Value>(text).unwrap_err();
            assert!(!err.to_string().contains("file name"), "{text}: {err}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_unique_and_kebab_case() {
        let mut seen = std::collections::BTreeSet::new();
        for kind in Error::KINDS {
            assert!(seen.insert(kind), "duplicate kind {kind}");
            assert!(
                kind.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{kind} is not kebab-case"
            );
        }
    }

    #[test]
    fn json_errors_name_the_path() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Doc {
            scores: std::collections::BTreeMap<String, u8>,
        }
        let err = from_json::<Doc>(r#"{"scores": {"A1.1": 7000}}"#).unwrap_err();
        assert_eq!(err.kind(), "invalid-json");
        assert!(err.to_string().contains("`scores.A1.1`"), "{err}");
    }

    #[test]
    fn values_and_text_give_the_same_message() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Doc {
            scores: std::collections::BTreeMap<String, u8>,
        }
        let text = r#"{"scores": {"A1.1": 2.5}}"#;
        let from_text = from_json::<Doc>(text).unwrap_err();
        let from_value = from_value::<Doc>(serde_json::from_str(text).unwrap()).unwrap_err();
        assert_eq!(from_text, from_value);
        assert_eq!(
            from_text.to_string(),
            "invalid JSON at `scores.A1.1`: invalid type: floating point `2.5`, expected u8"
        );
    }

    #[test]
    fn whole_numbers_only_where_whole_numbers_are_expected() {
        // A float spelling of a whole number is rejected rather than silently
        // truncated; the parser reads `-0` as the float negative zero, so it
        // is rejected too, the same way in every language.
        assert_eq!(from_json::<u8>("0").unwrap(), 0);
        for not_whole in [
            "3.0", "1e0", "-0", "-0.0", "2.5", "256", "-1", "NaN", "Infinity",
        ] {
            let err = from_json::<u8>(not_whole).unwrap_err();
            assert_eq!(err.kind(), "invalid-json", "{not_whole}");
        }
    }

    #[test]
    fn trailing_text_is_rejected() {
        let err = from_json::<u8>("1 2").unwrap_err();
        assert_eq!(err.kind(), "invalid-json");
    }

    #[test]
    fn native_paths_are_written_as_the_parser_writes_them() {
        use PathSegment::{Index, Key};
        use std::collections::BTreeMap;
        type Doc = BTreeMap<String, Vec<BTreeMap<String, Vec<u8>>>>;
        let cases: [(&str, Vec<PathSegment>); 3] = [
            (
                r#"{"a": [{"b": [1, 2.5]}]}"#,
                vec![Key("a".into()), Index(0), Key("b".into()), Index(1)],
            ),
            (r#"{"a": 2.5}"#, vec![Key("a".into())]),
            ("2.5", vec![]),
        ];
        for (text, segments) in cases {
            let Err(Error::Input(InputError::InvalidJson { path, .. })) = from_json::<Doc>(text)
            else {
                panic!("{text} should not read");
            };
            assert_eq!(path, json_path(&segments), "{text}");
        }
        assert_eq!(json_path(&[Index(0), Index(1)]), "[0][1]");
    }

    #[test]
    fn native_numbers_json_cannot_hold() {
        let path = [
            PathSegment::Key("customers".into()),
            PathSegment::Index(0),
            PathSegment::Key("value".into()),
        ];
        for (value, spelt) in [
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
        ] {
            let err = non_finite_number(&path, value);
            assert_eq!(err.kind(), "invalid-json");
            assert_eq!(
                err.to_string(),
                format!("invalid JSON at `customers[0].value`: `{spelt}` is not a JSON number")
            );
        }
        // The parser's words for a literal beyond the range of a float.
        let text = from_json::<f64>("1e400").unwrap_err().to_string();
        let native = number_out_of_range(&[]).to_string();
        assert!(text.starts_with(&native), "{text} / {native}");
    }
}
