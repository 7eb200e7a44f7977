//! Spreadsheets: Excel templates, imports and exports and CSV, each a thin
//! call into `kam_core::spreadsheet`. The only work done here is Python's:
//! taking bytes from a `bytes` object, a path or an open file.

use kam_core::ScoreOptions;
use kam_core::spreadsheet::{self, CsvOptions, ExportInput, recipe::Recipe};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyMapping, PyString, PyTuple};

use crate::convert::{from_py, to_py};
use crate::errors::IntoPy;
use crate::framework::FrameworkArg;

/// A file's bytes and the name an error gives it (its path, or an open
/// file's `name`), or `None` for anything that is not a file.
type Named = (Option<String>, Vec<u8>);

/// The bytes of `obj`: `bytes`, `bytearray` or `memoryview` as they are, a
/// path (`str` only when `str_is_path`, or `os.PathLike`) or an open binary
/// file read with Python's own `open` so its errors are the usual ones. At
/// most one byte more than kam-core accepts is read, so an oversized file
/// gets kam-core's limit error without being read whole.
fn bytes_of(obj: &Bound<'_, PyAny>, limit: usize, str_is_path: bool) -> PyResult<Option<Named>> {
    let py = obj.py();
    if let Ok(bytes) = obj.cast::<PyBytes>() {
        return Ok(Some((None, bytes.as_bytes().to_vec())));
    }
    if let Ok(bytes) = obj.cast::<PyByteArray>() {
        return Ok(Some((None, bytes.to_vec())));
    }
    let name = |o: &Bound<'_, PyAny>| -> PyResult<Option<String>> {
        let name = py.import("os")?.call_method1("fspath", (o,))?;
        Ok(name.extract::<String>().ok())
    };
    let (name, data) =
        if obj.hasattr("__fspath__")? || (str_is_path && obj.is_instance_of::<PyString>()) {
            let file = py.import("io")?.call_method1("open", (obj, "rb"))?;
            let data = file.call_method1("read", (limit + 1,));
            file.call_method0("close")?;
            (name(obj)?, data?)
        } else if obj.hasattr("read")? && obj.cast::<PyMapping>().is_err() {
            let name = obj
                .getattr("name")
                .ok()
                .and_then(|n| n.extract::<String>().ok());
            (name, obj.call_method1("read", (limit + 1,))?)
        } else if obj.hasattr("tobytes")? {
            (None, obj.call_method0("tobytes")?) // a memoryview
        } else {
            return Ok(None);
        };
    if let Ok(text) = data.cast::<PyString>() {
        // A file opened as text: its text is taken as UTF-8 bytes.
        return Ok(Some((name, text.to_cow()?.as_bytes().to_vec())));
    }
    Ok(Some((name, data.extract()?)))
}

/// One workbook or a list (or tuple) of them.
fn workbooks(obj: &Bound<'_, PyAny>) -> PyResult<(bool, Vec<Named>)> {
    let one = |o: &Bound<'_, PyAny>| {
        bytes_of(o, spreadsheet::limits::MAX_WORKBOOK_BYTES, true)?.ok_or_else(|| {
            pyo3::exceptions::PyTypeError::new_err(format!(
                "a workbook is bytes, a path or a binary file, not `{}`",
                o.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        })
    };
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let files = obj.try_iter()?.map(|o| one(&o?)).collect::<PyResult<_>>()?;
        return Ok((true, files));
    }
    Ok((false, vec![one(obj)?]))
}

/// An empty Excel template of a framework (a bundled id or a loaded
/// `kam.Framework`) for an assessor to fill in, as the bytes of an `.xlsx`.
#[pyfunction]
#[expect(
    clippy::needless_pass_by_value,
    reason = "pyo3 hands extracted arguments over by value"
)]
fn xlsx_template<'py>(
    py: Python<'py>,
    framework: FrameworkArg<'py>,
) -> PyResult<Bound<'py, PyBytes>> {
    let framework = framework.get(py)?;
    let bytes = py
        .detach(|| spreadsheet::template(framework.as_ref()))
        .py(py)?;
    Ok(PyBytes::new(py, &bytes))
}

/// Reads filled workbooks into assessments, one dict each (`type`
/// `action-audit` with `assessment` and `litmus`, or `maturity-model` with
/// `assessment`). `data` is one workbook or a list of them, each `bytes`, a
/// path (`str` or `pathlib.Path`) or a binary file object.
#[pyfunction]
#[pyo3(signature = (data, framework=None))]
fn read_xlsx<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    framework: Option<FrameworkArg<'py>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (many, files) = workbooks(data)?;
    let framework = framework.map(|f| f.get(py)).transpose()?;
    let framework = framework.as_ref().map(AsRef::as_ref);
    let read = py.detach(|| {
        if !many && files.iter().all(|(name, _)| name.is_none()) {
            // One workbook without a name: its errors need none.
            let bytes = files.first().map(|(_, b)| b.as_slice()).unwrap_or_default();
            return match framework {
                Some(f) => spreadsheet::read_xlsx_with(f, bytes),
                None => spreadsheet::read_xlsx(bytes),
            }
            .map(|a| vec![a]);
        }
        let names: Vec<String> = files
            .iter()
            .enumerate()
            .map(|(i, (name, _))| {
                name.clone()
                    .unwrap_or_else(|| format!("workbook {}", i + 1))
            })
            .collect();
        let pairs = names
            .iter()
            .map(String::as_str)
            .zip(files.iter().map(|(_, b)| b.as_slice()));
        match framework {
            Some(f) => spreadsheet::read_xlsx_files_with(f, pairs),
            None => spreadsheet::read_xlsx_files(pairs),
        }
    });
    to_py(py, &read.py(py)?)
}

/// Exports an assessment with its report, a comparison or an aggregation
/// as an Excel workbook: a dict with `type` `audit` (`assessment`, optional
/// `litmus`), `maturity` (`assessment`), `comparison` (`before`, `after`)
/// or `aggregation` (`audits`, …), as JSON text, a dict or a file.
#[pyfunction]
#[pyo3(signature = (input, options=None, framework=None))]
fn to_xlsx<'py>(
    py: Python<'py>,
    input: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
    framework: Option<FrameworkArg<'py>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let input: ExportInput = from_py(input)?;
    let options: ScoreOptions = crate::options(options)?;
    let framework = framework.map(|f| f.get(py)).transpose()?;
    let bytes = py
        .detach(|| match &framework {
            Some(f) => spreadsheet::to_xlsx_with(f.as_ref(), &input, &options),
            None => spreadsheet::to_xlsx(&input, &options),
        })
        .py(py)?;
    Ok(PyBytes::new(py, &bytes))
}

/// Reads action-audit assessments from CSV, long or wide (told apart by the
/// header): CSV text as a `str`, `bytes`, a `pathlib.Path` or a file object.
#[pyfunction]
#[pyo3(signature = (data, framework=None))]
fn read_csv<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    framework: Option<FrameworkArg<'py>>,
) -> PyResult<Bound<'py, PyAny>> {
    let bytes = match data.cast::<PyString>() {
        Ok(text) => text.to_cow()?.as_bytes().to_vec(),
        Err(_) => match bytes_of(data, kam_core::limits::MAX_INPUT_BYTES, false)? {
            Some((_, bytes)) => bytes,
            None => {
                return Err(pyo3::exceptions::PyTypeError::new_err(
                    "CSV is text, bytes, a path or a file",
                ));
            }
        },
    };
    let framework = framework.map(|f| f.get(py)).transpose()?;
    let read = py.detach(|| match &framework {
        Some(f) => spreadsheet::read_csv_with(f.as_ref(), &bytes),
        None => spreadsheet::read_csv(&bytes),
    });
    to_py(py, &read.py(py)?)
}

/// Writes action-audit assessments (a list of dicts, or JSON text) as CSV
/// text; `options` is a dict of `layout` (`long` or `wide`), `delimiter`
/// (`comma` or `semicolon`) and `bom`.
#[pyfunction]
#[pyo3(signature = (assessments, options=None, framework=None))]
fn to_csv<'py>(
    py: Python<'py>,
    assessments: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
    framework: Option<FrameworkArg<'py>>,
) -> PyResult<String> {
    let assessments: Vec<kam_core::AuditAssessment> = from_py(assessments)?;
    let options: CsvOptions = crate::options(options)?;
    let framework = framework.map(|f| f.get(py)).transpose()?;
    py.detach(|| match &framework {
        Some(f) => spreadsheet::to_csv_with(f.as_ref(), &assessments, &options),
        None => spreadsheet::to_csv(&assessments, &options),
    })
    .py(py)
}

/// Builds the workbook a golden-vector recipe describes
/// (tests/vectors/README.md), so the Python suite replays the same bad
/// workbooks as Rust's.
#[pyfunction]
#[pyo3(signature = (recipe, framework=None))]
fn xlsx_from_recipe<'py>(
    py: Python<'py>,
    recipe: &Bound<'py, PyAny>,
    framework: Option<FrameworkArg<'py>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let recipe: Recipe = from_py(recipe)?;
    let framework = framework.map(|f| f.get(py)).transpose()?;
    let bytes = py
        .detach(|| spreadsheet::recipe::build(&recipe, framework.as_ref().map(AsRef::as_ref)))
        .py(py)?;
    Ok(PyBytes::new(py, &bytes))
}

/// Registers the spreadsheet functions on the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(xlsx_template, m)?)?;
    m.add_function(wrap_pyfunction!(read_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(to_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(read_csv, m)?)?;
    m.add_function(wrap_pyfunction!(to_csv, m)?)?;
    m.add_function(wrap_pyfunction!(xlsx_from_recipe, m)?)?;
    Ok(())
}
