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
    pub fn kind(&self) -> ErrorKind {
        match self {
            ProgrammeError::UnknownUnit { .. } => ErrorKind::UnknownUnit,
            ProgrammeError::UnitCycle { .. } => ErrorKind::UnitCycle,
            ProgrammeError::DuplicateAssessment { .. } => ErrorKind::DuplicateAssessment,
            ProgrammeError::MixedFrameworks { .. } => ErrorKind::MixedFrameworks,
            ProgrammeError::UnknownVersion { .. } => ErrorKind::UnknownFrameworkVersion,
            ProgrammeError::At { error, .. } => error.kind(),
        }
    }

    /// Where in the programme document, as a JSON Pointer, when known: the
    /// place of an error of one of its parts is that part's own.
    pub(crate) fn path(&self) -> Option<String> {
        match self {
            ProgrammeError::At { error, .. } => error.path(),
            ProgrammeError::UnknownUnit { path, .. } => Some(path.clone()),
            _ => None,
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
