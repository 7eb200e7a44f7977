//! Python exceptions: `KamError(ValueError)` and one subclass per concern of
//! `kam_core::Error`, each carrying the core's `kind` and message unchanged.

use kam_core::Error;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::{PyErr, create_exception};

create_exception!(
    _kam,
    KamError,
    PyValueError,
    "Any error kam raises: `.kind` is the stable kebab-case kind (e.g. `unknown-item`), `.path` where in the input (a JSON Pointer such as `/scores/A1.1`, or `None`), `.category` whose fault it is (`input`, or `framework-file` for a broken framework file on this machine)."
);
create_exception!(
    _kam,
    InputError,
    KamError,
    "The input is not JSON (`invalid-json`), does not fit the expected shape (`invalid-input`: a missing or unknown field, a value of the wrong type), or a schema name is unknown."
);
create_exception!(
    _kam,
    LimitError,
    KamError,
    "The input exceeds a documented size limit (bytes, nesting depth, text length, entries, or the size of an analysis)."
);
create_exception!(
    _kam,
    FrameworkError,
    KamError,
    "A framework file is invalid, or a framework id is unknown."
);
create_exception!(
    _kam,
    AssessmentError,
    KamError,
    "An action-audit assessment does not fit its framework."
);
create_exception!(
    _kam,
    MaturityError,
    KamError,
    "A maturity assessment does not fit its model."
);
create_exception!(
    _kam,
    LitmusError,
    KamError,
    "Litmus-test answers do not fit the framework's tests."
);
create_exception!(
    _kam,
    OptionsError,
    KamError,
    "A scoring option is out of range."
);
create_exception!(
    _kam,
    AnalysisError,
    KamError,
    "An analysis input (customers, criteria, audits) is invalid."
);
create_exception!(
    _kam,
    BatchError,
    KamError,
    "A score matrix for batch scoring does not fit its framework."
);

create_exception!(
    _kam,
    SpreadsheetError,
    KamError,
    "A workbook or CSV file cannot be read (naming the cell, or the row and column), or breaks a limit."
);

/// The Python exception for a core error: the class by concern, the message
/// as Rust writes it, and its `kind`, `path` (a JSON Pointer, or `None`) and
/// `category` (`input` or `framework-file`) as attributes.
pub fn to_py(py: Python<'_>, error: &Error) -> PyErr {
    let err = class_of(error)(error.to_string());
    let value = err.value(py);
    // Setting an attribute on a fresh exception object cannot fail short of
    // memory exhaustion; the exception is still raised without it then.
    let _ = value.setattr("kind", error.kind().as_str());
    let _ = value.setattr("path", error.path());
    let _ = value.setattr("category", error.category().as_str());
    err
}

/// The exception class of an error's concern.
fn class_of(error: &Error) -> fn(String) -> PyErr {
    match error {
        Error::Input(_) => InputError::new_err,
        Error::Limit(_) => LimitError::new_err,
        Error::Framework(_) => FrameworkError::new_err,
        Error::Assessment(_) => AssessmentError::new_err,
        Error::Maturity(_) => MaturityError::new_err,
        Error::Litmus(_) => LitmusError::new_err,
        Error::Options(_) => OptionsError::new_err,
        Error::Analysis(_) => AnalysisError::new_err,
        Error::Batch(_) => BatchError::new_err,
        Error::Spreadsheet(_) => SpreadsheetError::new_err,
        // A broken framework file on this machine: the class of what is wrong with it.
        Error::FrameworkFile { error, .. } => class_of(error),
        // A concern added to kam-core later is still a `KamError`.
        _ => KamError::new_err,
    }
}

/// Converts core results into Python results.
pub trait IntoPy<T> {
    /// Maps a core error to its Python exception.
    fn py(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPy<T> for Result<T, Error> {
    fn py(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py(py, &e))
    }
}

/// Registers the exception classes on the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("KamError", py.get_type::<KamError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("LimitError", py.get_type::<LimitError>())?;
    m.add("FrameworkError", py.get_type::<FrameworkError>())?;
    m.add("AssessmentError", py.get_type::<AssessmentError>())?;
    m.add("MaturityError", py.get_type::<MaturityError>())?;
    m.add("LitmusError", py.get_type::<LitmusError>())?;
    m.add("OptionsError", py.get_type::<OptionsError>())?;
    m.add("AnalysisError", py.get_type::<AnalysisError>())?;
    m.add("BatchError", py.get_type::<BatchError>())?;
    m.add("SpreadsheetError", py.get_type::<SpreadsheetError>())?;
    Ok(())
}
