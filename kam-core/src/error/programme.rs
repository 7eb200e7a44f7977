//! Errors of a programme document (see `kam_core::programme`): a unit or
//! version nobody defined, a cycle among the units, an assessor scoring a
//! unit twice on one date, frameworks that cannot be read side by side; or
//! an error of one of its parts, located.

use thiserror::Error as ThisError;

use super::{AnalysisError, Error, ErrorKind};

/// A programme document (see `kam_core::programme`) does not hold together:
/// a unit or version nobody defined, a cycle among the units, an assessor
/// scoring a unit twice on one date, frameworks that cannot be read side by
/// side; or an error of one of its parts, located.
#[derive(Debug, Clone, PartialEq, Eq, ThisError)]
#[non_exhaustive]
pub enum ProgrammeError {
    /// A unit is referred to but not defined in `units`.
    #[error("unknown unit `{unit}` in {at}; the programme's units are {known}")]
    UnknownUnit {
        /// The unit named.
        unit: String,
        /// Where, e.g. "`context.unit` of assessment 12".
        at: String,
        /// The same place as a JSON Pointer into the programme document,
        /// e.g. `/assessments/11/assessment/context/unit`.
        path: String,
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
        /// The second's (its JSON Pointer is `/assessments/{second - 1}`).
        second: usize,
    },
    /// Assessments that are read side by side name different frameworks.
    #[error("assessment {number} is for `{found}`, but {first} is for `{expected}`; {rule}", number = .index + 1)]
    MixedFrameworks {
        /// The first of its kind, e.g. "assessment 1".
        first: String,
        /// The first one's framework (and version).
        expected: String,
        /// This one's.
        found: String,
        /// The rule broken, in words.
        rule: &'static str,
        /// The assessment at fault: its index in `assessments`, from 0 (its
        /// framework's JSON Pointer is `/assessments/{index}/assessment/framework`).
        index: usize,
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
        /// The assessment's index in `assessments`, from 0 (the version's
        /// JSON Pointer is `/assessments/{index}/assessment/framework_version`).
        index: usize,
    },
    /// An assessment's context does not name its unit, assessor or date.
    #[error(
        "`context.{field}` of {what} is missing; every assessment of a programme names its unit, assessor and date"
    )]
    MissingContext {
        /// `unit`, `assessor` or `date`.
        field: &'static str,
        /// The assessment, e.g. "assessment 3".
        what: String,
        /// The assessment's index in `assessments`, from 0 (the field's JSON
        /// Pointer is `/assessments/{index}/assessment/context/{field}`).
        index: usize,
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
        /// The part as a JSON Pointer into the programme document, for an
        /// error that has no place of its own (a framework of the wrong
        /// type, a missing context), e.g. `/assessments/11/assessment`.
        part: Option<String>,
    },
}

impl ProgrammeError {
    /// See [`Error::kind`]; [`ProgrammeError::At`] has its part's kind.
    pub fn kind(&self) -> ErrorKind {
        match self {
            ProgrammeError::UnknownUnit { .. } => ErrorKind::UnknownUnit,
            ProgrammeError::UnitCycle { .. } => ErrorKind::UnitCycle,
            ProgrammeError::DuplicateAssessment { .. } => ErrorKind::DuplicateAssessment,
            ProgrammeError::MixedFrameworks { .. } => ErrorKind::MixedFrameworks,
            ProgrammeError::UnknownVersion { .. } => ErrorKind::UnknownFrameworkVersion,
            ProgrammeError::MissingContext { .. } => ErrorKind::MissingValue,
            ProgrammeError::At { error, .. } => error.kind(),
        }
    }

    /// Where in the programme document, as a JSON Pointer, when known: the
    /// place of an error of one of its parts is that part's own.
    pub(crate) fn path(&self) -> Option<String> {
        match self {
            ProgrammeError::At { error, part, .. } => error.path().or_else(|| part.clone()),
            ProgrammeError::UnknownUnit { path, .. } => Some(path.clone()),
            ProgrammeError::DuplicateAssessment { second, .. } => {
                Some(format!("/assessments/{}", second.saturating_sub(1)))
            }
            ProgrammeError::MixedFrameworks { index, .. } => {
                Some(format!("/assessments/{index}/assessment/framework"))
            }
            ProgrammeError::UnknownVersion { index, .. } => {
                Some(format!("/assessments/{index}/assessment/framework_version"))
            }
            ProgrammeError::MissingContext { index, field, .. } => {
                Some(format!("/assessments/{index}/assessment/context/{field}"))
            }
            ProgrammeError::UnitCycle { .. } => None,
        }
    }

    /// `error`, said to be at `at`.
    pub(crate) fn at(at: impl Into<String>, error: impl Into<Error>) -> Self {
        ProgrammeError::At {
            at: at.into(),
            error: Box::new(error.into()),
            part: None,
        }
    }

    /// `error` of the part at the JSON Pointer `part` (described as `at`):
    /// its own path is placed inside the part, and an error without one is
    /// at the part itself.
    pub(crate) fn in_part(at: impl Into<String>, part: &str, error: impl Into<Error>) -> Self {
        ProgrammeError::At {
            at: at.into(),
            error: Box::new(error.into().within(part)),
            part: Some(part.to_owned()),
        }
    }
}

impl From<ProgrammeError> for Error {
    fn from(error: ProgrammeError) -> Self {
        Error::Analysis(AnalysisError::Programme(error))
    }
}
