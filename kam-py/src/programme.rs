//! The programme operations outside the operation table (issue 14): the
//! report's JSON-text fast path, the document assembled from files, the
//! report as a workbook and the bundled example. `programme_report` itself
//! is a table row and its renderers live in `render.rs`. Conversion only;
//! every rule is kam-core's.
//! The helpers `kam.Programme` calls are private (`_`-named): the package
//! exposes them through `kam.Programme` and `kam.programme_report`.

use kam_core::api;
use kam_core::programme::{Programme, ProgrammeReport};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::convert::{from_py, to_py};
use crate::errors::IntoPy;

/// Reads a programme: JSON text (`str`) within the programme's own limits,
/// or a JSON-like value (a dict).
fn programme_arg(obj: &Bound<'_, PyAny>) -> PyResult<Programme> {
    let py = obj.py();
    if let Ok(text) = obj.cast::<PyString>() {
        let text = text.to_cow()?.into_owned();
        return py.detach(|| api::programme_from_json(&text)).py(py);
    }
    from_py(obj)
}

/// The programme report of a programme's JSON text, as compact JSON text:
/// the whole operation without building Python objects.
#[pyfunction(name = "_programme_report_json")]
// pyo3 hands over owned values; they are read without the GIL.
#[allow(clippy::needless_pass_by_value)]
#[pyo3(signature = (programme, options=None))]
fn programme_report_json(
    py: Python<'_>,
    programme: String,
    options: Option<String>,
) -> PyResult<String> {
    py.detach(|| api::programme_report_json(&programme, options.as_deref()))
        .py(py)
}

/// The programme report of a programme's JSON text, as a dict: read and
/// reported without the GIL, then written straight into Python objects.
/// The parsed programme and the report are freed on threads of their own.
#[pyfunction(name = "_programme_report")]
// pyo3 hands over owned values; they are read without the GIL.
#[allow(clippy::needless_pass_by_value)]
#[pyo3(signature = (programme, options=None))]
fn programme_report_dict(
    py: Python<'_>,
    programme: String,
    options: Option<String>,
) -> PyResult<Bound<'_, PyAny>> {
    let report = py
        .detach(|| api::programme_report_text(&programme, options.as_deref()))
        .py(py)?;
    let dict = crate::objects::to_py(py, &report);
    api::drop_later(report);
    dict
}

/// A programme document (a dict or JSON text) with the assessments of
/// `files` added: `(name, bytes)` pairs of saved assessments (JSON) and
/// filled workbooks (`.xlsx`). Units the files name are added when missing.
#[pyfunction(name = "_programme_assemble")]
// pyo3 hands over owned values; they are read without the GIL.
#[allow(clippy::needless_pass_by_value)]
fn programme_assemble<'py>(
    py: Python<'py>,
    programme: &Bound<'py, PyAny>,
    files: Vec<(String, Vec<u8>)>,
) -> PyResult<Bound<'py, PyAny>> {
    let programme = programme_arg(programme)?;
    let assembled = py
        .detach(|| {
            api::programme_assemble(
                programme,
                files.iter().map(|(n, b)| (n.as_str(), b.as_slice())),
            )
        })
        .py(py)?;
    to_py(py, &assembled)
}

/// The programme report as the bytes of an Excel workbook (Summary, Units
/// and Disagreements sheets).
#[pyfunction]
fn report_programme_xlsx<'py>(
    py: Python<'py>,
    report: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let report: ProgrammeReport = from_py(report)?;
    let bytes = api::programme_xlsx(&report).py(py)?;
    Ok(PyBytes::new(py, &bytes))
}

/// The bundled example programme (fictional) as a dict.
#[pyfunction(name = "_example_programme")]
fn example_programme(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &api::example_programme().py(py)?)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(programme_report_json, m)?)?;
    m.add_function(wrap_pyfunction!(programme_report_dict, m)?)?;
    m.add_function(wrap_pyfunction!(programme_assemble, m)?)?;
    m.add_function(wrap_pyfunction!(example_programme, m)?)?;
    m.add_function(wrap_pyfunction!(report_programme_xlsx, m)?)?;
    Ok(())
}
