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
    /// A cell holds a value outside the framework's scale.
    #[error(
        "row {row}, column {column} (`{item}`) has score {value}, outside the scale {min}–{max}"
    )]
    CellOutOfRange {
        /// The row, from 0.
        row: usize,
        /// The column, from 0.
        column: usize,
        /// The item the column holds.
        item: String,
        /// The value found.
        value: i64,
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
            BatchError::UnknownColumn { .. } => "unknown-column",
            BatchError::DuplicateColumn { .. } => "duplicate-column",
            BatchError::RowWidth { .. } | BatchError::Width { .. } | BatchError::Shape { .. } => {
                "matrix-shape"
            }
            BatchError::FrameworkMismatch { .. } => "framework-mismatch",
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
    from_json_within(json, crate::limits::check_text)
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
