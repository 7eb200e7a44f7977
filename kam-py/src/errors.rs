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
    "Any error kam raises; `.kind` is the stable kebab-case kind, e.g. `unknown-item`."
);
create_exception!(
    _kam,
    InputError,
    KamError,
    "The input is not JSON of the expected shape, or a schema name is unknown."
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
/// as Rust writes it, and the kind as an attribute.
pub fn to_py(py: Python<'_>, error: &Error) -> PyErr {
    let message = error.to_string();
    let err = match error {
        Error::Input(_) => InputError::new_err(message),
        Error::Limit(_) => LimitError::new_err(message),
        Error::Framework(_) => FrameworkError::new_err(message),
        Error::Assessment(_) => AssessmentError::new_err(message),
        Error::Maturity(_) => MaturityError::new_err(message),
        Error::Litmus(_) => LitmusError::new_err(message),
        Error::Options(_) => OptionsError::new_err(message),
        Error::Analysis(_) => AnalysisError::new_err(message),
        Error::Batch(_) => BatchError::new_err(message),
        Error::Spreadsheet(_) => SpreadsheetError::new_err(message),
    };
    // Setting an attribute on a fresh exception object cannot fail short of
    // memory exhaustion; the exception is still raised without `.kind` then.
    let _ = err.value(py).setattr("kind", error.kind());
    err
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
