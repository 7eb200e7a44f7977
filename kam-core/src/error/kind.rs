//! The kinds of error, each with its stable kebab-case name: the one list
//! every binding, schema and test derives its catalogue from.

use std::fmt;

/// Defines [`ErrorKind`] from one list of variants and names.
macro_rules! error_kinds {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, )*) => {
        /// The kind of an error: what went wrong, for a program to branch on.
        /// Its [`as_str`](ErrorKind::as_str) form (`unknown-item`, …) is
        /// stable and is what Python's `KamError.kind` and JavaScript's
        /// `error.kind` hold. New kinds may be added.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum ErrorKind {
            $( $(#[$doc])* $variant, )*
        }

        impl ErrorKind {
            /// Every kind, in catalogue order.
            pub const ALL: &'static [ErrorKind] = &[$(ErrorKind::$variant),*];

            /// Every kind's stable name, in catalogue order.
            pub const NAMES: &'static [&'static str] = &[$($name),*];

            /// The stable, kebab-case name, e.g. `unknown-item`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(ErrorKind::$variant => $name,)*
                }
            }

            /// The kind with this stable name.
            pub fn from_name(name: &str) -> Option<ErrorKind> {
                match name {
                    $($name => Some(ErrorKind::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

error_kinds! {
    /// Text that is not JSON (a syntax error, trailing characters).
    InvalidJson = "invalid-json",
    /// A document that does not fit the expected shape: a missing or
    /// unknown field, a value of the wrong type.
    InvalidInput = "invalid-input",
    /// No JSON Schema has this name.
    UnknownSchema = "unknown-schema",
    /// The text is larger than kam reads.
    InputTooLarge = "input-too-large",
    /// Arrays and objects nest too deeply.
    TooDeep = "too-deep",
    /// A string is too long.
    TextTooLong = "text-too-long",
    /// An array or object has too many entries.
    TooManyEntries = "too-many-entries",
    /// An analysis is given more customers than it takes.
    TooManyCustomers = "too-many-customers",
    /// A portfolio matrix is given more criteria than it takes.
    TooManyCriteria = "too-many-criteria",
    /// An aggregation is given more audits than it takes.
    TooManyAudits = "too-many-audits",
    /// A unit comparison is given more units than it takes.
    TooManyUnits = "too-many-units",
    /// A key account plan or template lists more elements than kam checks.
    TooManyElements = "too-many-elements",
    /// A batch would give more results than kam computes.
    TooManyResults = "too-many-results",
    /// No bundled framework has this id.
    UnknownFramework = "unknown-framework",
    /// The framework is of another type than the operation needs.
    WrongFrameworkType = "wrong-framework-type",
    /// A framework entry has an empty id.
    EmptyId = "empty-id",
    /// Two framework entries of one kind share an id.
    DuplicateId = "duplicate-id",
    /// A framework entry refers to something that does not exist.
    UnknownReference = "unknown-reference",
    /// A framework period has no items.
    EmptyPeriod = "empty-period",
    /// A framework's declared maximum is not the one its items give.
    MaxMismatch = "max-mismatch",
    /// A framework's scoring scale is unusable.
    InvalidScale = "invalid-scale",
    /// A framework item's weight is zero or too large.
    InvalidWeight = "invalid-weight",
    /// A framework breaks another structural rule.
    InvalidFramework = "invalid-framework",
    /// An input names another framework than the one it is scored with.
    FrameworkMismatch = "framework-mismatch",
    /// An input names another version of the framework.
    VersionMismatch = "version-mismatch",
    /// An assessment names an item the framework lacks.
    UnknownItem = "unknown-item",
    /// A score lies outside the framework's scale.
    ScoreOutOfRange = "score-out-of-range",
    /// The framework does not allow "not applicable".
    NotApplicableNotAllowed = "not-applicable-not-allowed",
    /// An item is both scored and marked not applicable.
    ScoredAndNotApplicable = "scored-and-not-applicable",
    /// Strict mode: an item has no score.
    IncompleteAssessment = "incomplete-assessment",
    /// A date is not a calendar date written `YYYY-MM-DD`.
    InvalidDate = "invalid-date",
    /// A maturity assessment names a programme area the model lacks.
    UnknownArea = "unknown-area",
    /// A stage lies outside the model's stages.
    StageOutOfRange = "stage-out-of-range",
    /// Strict mode: a programme area has no stage.
    IncompleteMaturity = "incomplete-maturity",
    /// A response names a litmus test the framework lacks.
    UnknownTest = "unknown-test",
    /// An answer names a question the test lacks.
    UnknownQuestion = "unknown-question",
    /// A question of a litmus test is not answered.
    MissingAnswer = "missing-answer",
    /// A litmus test is answered the wrong number of times.
    AnswerSetCount = "answer-set-count",
    /// An option is out of range.
    InvalidOption = "invalid-option",
    /// A batch cell holds a value outside the scale.
    CellOutOfRange = "cell-out-of-range",
    /// A batch cell holds a number that is not whole.
    CellNotWhole = "cell-not-whole",
    /// A batch cell holds text rather than a number.
    CellNotANumber = "cell-not-a-number",
    /// A batch column names no item of the framework.
    UnknownColumn = "unknown-column",
    /// Two batch columns name the same item.
    DuplicateColumn = "duplicate-column",
    /// A batch matrix does not have the shape of its columns.
    MatrixShape = "matrix-shape",
    /// A list that needs entries is empty.
    EmptyInput = "empty-input",
    /// Two entries of a list share an id.
    DuplicateEntry = "duplicate-entry",
    /// A number is not finite, negative or off its scale.
    InvalidNumber = "invalid-number",
    /// The weights of a group of criteria do not sum to 1.
    InvalidWeights = "invalid-weights",
    /// A customer is scored on an unknown criterion.
    UnknownCriterion = "unknown-criterion",
    /// A required value is absent.
    MissingValue = "missing-value",
    /// Inputs that must share one framework do not.
    MixedFrameworks = "mixed-frameworks",
    /// A target cannot be aimed at.
    InvalidTarget = "invalid-target",
    /// An id names nothing known.
    UnknownEntry = "unknown-entry",
    /// A guideline or template breaks a rule.
    InvalidGuideline = "invalid-guideline",
    /// Two dates are in the wrong order.
    DateOrder = "date-order",
    /// A checklist section has no items.
    EmptySection = "empty-section",
    /// A checklist's stage rule or balance indicator is out of range.
    InvalidRule = "invalid-rule",
    /// A workbook file is larger than kam reads.
    WorkbookTooLarge = "workbook-too-large",
    /// A workbook unpacks to more than kam reads.
    WorkbookUnpacksTooLarge = "workbook-unpacks-too-large",
    /// A workbook holds more parts than kam reads.
    TooManyParts = "too-many-parts",
    /// A sheet or CSV file has more rows than kam reads.
    TooManyRows = "too-many-rows",
    /// A sheet has more cells than kam reads.
    TooManyCells = "too-many-cells",
    /// A workbook has more shared strings than kam reads.
    TooManySharedStrings = "too-many-shared-strings",
    /// A workbook part nests its XML too deeply.
    XmlTooDeep = "xml-too-deep",
    /// A file that is not a workbook kam can read.
    InvalidWorkbook = "invalid-workbook",
    /// Text that is not valid CSV.
    InvalidCsv = "invalid-csv",
    /// A workbook lacks a sheet kam needs.
    MissingSheet = "missing-sheet",
    /// A sheet or CSV file lacks a column kam needs.
    MissingColumn = "missing-column",
    /// A sheet lacks an entry kam needs (the framework, its version).
    MissingField = "missing-field",
    /// A row with an answer or evidence but no item id.
    MissingItemId = "missing-item-id",
    /// A cell that is not a score (or a stage).
    InvalidScore = "invalid-score",
    /// A score cell holding a formula rather than a value.
    FormulaInScore = "formula-in-score",
    /// A litmus answer that is not `Yes` or `No`.
    InvalidAnswer = "invalid-answer",
    /// Rows that must agree (one assessment's framework, assessor, date) do not.
    InconsistentValues = "inconsistent-values",
    /// A programme refers to a unit it does not define.
    UnknownUnit = "unknown-unit",
    /// A programme's units form a cycle.
    UnitCycle = "unit-cycle",
    /// One assessor assessed one unit twice on one date.
    DuplicateAssessment = "duplicate-assessment",
    /// A framework version that is neither bundled nor given.
    UnknownFrameworkVersion = "unknown-framework-version",
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for ErrorKind {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ErrorKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl serde::Serialize for ErrorKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for ErrorKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        ErrorKind::from_name(&name)
            .ok_or_else(|| serde::de::Error::unknown_variant(&name, ErrorKind::NAMES))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for ErrorKind {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ErrorKind".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The stable kind of an error, e.g. `unknown-item`.",
            "type": "string",
            "enum": ErrorKind::NAMES,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_read_back() {
        let mut seen = std::collections::BTreeSet::new();
        for kind in ErrorKind::ALL {
            let name = kind.as_str();
            assert!(seen.insert(name), "duplicate kind {name}");
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{name} is not kebab-case"
            );
            assert_eq!(ErrorKind::from_name(name), Some(*kind));
            assert_eq!(serde_json::to_value(kind).unwrap(), name);
        }
        assert_eq!(ErrorKind::NAMES.len(), ErrorKind::ALL.len());
        assert_eq!(ErrorKind::from_name("nope"), None);
    }
}
