//! Python bindings for kam: the `kam._kam` extension module behind the `kam`
//! package. It converts Python values to kam-core's types and back and maps
//! errors to exceptions; every rule lives in kam-core.

mod batch;
mod convert;
mod errors;
mod framework;
mod objects;
mod operations;
mod programme;
mod render;
mod spreadsheet;

use kam_core::api;
use pyo3::prelude::*;

use crate::convert::{from_py, to_py};
use crate::errors::IntoPy;
use crate::framework::Framework;

/// Reads an optional options argument: `None` means the defaults.
fn options<T: Default + kam_core::json::Document>(obj: Option<&Bound<'_, PyAny>>) -> PyResult<T> {
    match obj {
        Some(obj) if !obj.is_none() => from_py(obj),
        _ => Ok(T::default()),
    }
}

/// The bundled frameworks, one summary dict each (`id`, `version`, `type`, `name`).
#[pyfunction]
fn frameworks(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &api::frameworks().py(py)?)
}

/// The bundled framework with this id, in full, as plain dicts and lists.
#[pyfunction(name = "framework")]
fn framework_by_id<'py>(py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let id: String = convert::value_from_py(id)?;
    to_py(py, api::framework(&id).py(py)?)
}

/// The id of the bundled framework used for a framework type
/// (``"action-audit"``, ``"maturity-model"``) when none is named.
#[pyfunction]
fn default_framework(py: Python<'_>, r#type: &str) -> PyResult<String> {
    kam_core::framework::default_framework(r#type)
        .map(|f| f.id().to_owned())
        .py(py)
}

/// Parses and validates a framework file (a dict or JSON text).
#[pyfunction]
fn load_framework(data: &Bound<'_, PyAny>) -> PyResult<Framework> {
    let py = data.py();
    let framework: kam_core::Framework = from_py(data)?;
    framework
        .validate()
        .map_err(|e| errors::to_py(py, &e.into()))?;
    Ok(Framework::new(framework))
}

/// Scores an action-audit assessment (a dict or JSON text) and returns the
/// report as compact JSON text, the same bytes in Rust, Python and JavaScript.
#[pyfunction]
#[pyo3(signature = (assessment, options=None))]
fn score_json(
    py: Python<'_>,
    assessment: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let assessment = convert::text_from_py(assessment)?;
    let options = options
        .filter(|o| !o.is_none())
        .map(convert::text_from_py)
        .transpose()?;
    api::score_json(&assessment, options.as_deref()).py(py)
}

/// The JSON Schema of a public input or output type, by name.
#[pyfunction]
fn schema<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &api::schema(name).py(py)?)
}

/// The names `schema()` accepts.
#[pyfunction]
fn schema_names() -> Vec<&'static str> {
    api::schema_names().to_vec()
}

/// Every error kind kam can raise.
#[pyfunction]
fn error_kinds() -> Vec<&'static str> {
    kam_core::Error::KINDS.to_vec()
}

/// The extension module.
#[pymodule]
fn _kam(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add_class::<Framework>()?;
    m.add_function(wrap_pyfunction!(frameworks, m)?)?;
    m.add_function(wrap_pyfunction!(framework_by_id, m)?)?;
    m.add_function(wrap_pyfunction!(default_framework, m)?)?;
    m.add_function(wrap_pyfunction!(load_framework, m)?)?;
    m.add_function(wrap_pyfunction!(score_json, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(schema_names, m)?)?;
    m.add_function(wrap_pyfunction!(error_kinds, m)?)?;
    m.add_function(wrap_pyfunction!(operations::operations, m)?)?;
    operations::register(m)?;
    batch::register(m)?;
    render::register(m)?;
    spreadsheet::register(m)?;
    programme::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
