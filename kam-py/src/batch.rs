//! Batch scoring: `NumPy` matrices or columns in, `NumPy` arrays out. Arrays are
//! read in place whenever their layout allows (a C-ordered matrix row by
//! row, a Fortran-ordered one or a contiguous column column by column) and
//! scored by `kam_core::batch` on every core with the GIL released. Every
//! rule — what a cell may hold, the messages, the threading — is kam-core's;
//! this module converts.

use kam_core::Error;
use kam_core::batch::{BatchInput, BatchOutput, BatchPlan, Column};
use numpy::{
    Element, PyArray1, PyArray2, PyArrayMethods, PyReadonlyArray1, PyReadonlyArray2,
    PyUntypedArrayMethods,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyMapping, PyString};

use crate::errors::IntoPy;
use crate::framework::{FrameworkArg, Held};

fn audit_plan(
    py: Python<'_>,
    framework: Option<&FrameworkArg<'_>>,
    columns: Option<&[String]>,
    completion_threshold: Option<f64>,
) -> PyResult<BatchPlan> {
    let held = audit_framework(py, framework)?;
    let audit = held
        .as_ref()
        .as_audit()
        .map_err(|e| crate::errors::to_py(py, &e.into()))?;
    let plan = match columns {
        None => BatchPlan::for_framework(audit),
        Some(columns) => BatchPlan::new(audit, columns).py(py)?,
    };
    match completion_threshold {
        Some(threshold) => plan.with_completion_threshold(threshold).py(py),
        None => Ok(plan),
    }
}

/// The framework a batch call names, or the default one.
fn audit_framework(py: Python<'_>, framework: Option<&FrameworkArg<'_>>) -> PyResult<Held> {
    match framework {
        Some(f) => f.get(py),
        None => FrameworkArg::Id(kam_core::batch::DEFAULT_FRAMEWORK.to_owned()).get(py),
    }
}

/// The item ids of an action-audit framework in framework order: the column
/// order `score_batch` expects.
#[pyfunction]
#[pyo3(signature = (framework=None))]
#[allow(clippy::needless_pass_by_value)] // pyo3 extracts arguments by value
fn item_ids(py: Python<'_>, framework: Option<FrameworkArg<'_>>) -> PyResult<Vec<String>> {
    let held = audit_framework(py, framework.as_ref())?;
    let audit = held
        .as_ref()
        .as_audit()
        .map_err(|e| crate::errors::to_py(py, &e.into()))?;
    Ok(kam_core::batch::item_ids(audit)
        .into_iter()
        .map(str::to_owned)
        .collect())
}

/// Scores a 2-D uint8 matrix, one row per assessment and one column per item
/// in framework order (`item_ids()`); or a `BatchInput` given as a dict or
/// JSON text (rows of cells, as JavaScript's `scoreBatch` takes it), which
/// gives the `BatchReport` as a dict.
#[pyfunction]
#[pyo3(signature = (scores, framework=None, *, completion_threshold=None))]
#[allow(clippy::needless_pass_by_value)] // pyo3 hands extracted arguments over by value
fn score_batch<'py>(
    py: Python<'py>,
    scores: &Bound<'py, PyAny>,
    framework: Option<FrameworkArg<'py>>,
    completion_threshold: Option<f64>,
) -> PyResult<Bound<'py, PyAny>> {
    if scores.is_instance_of::<PyString>() || scores.cast::<PyMapping>().is_ok() {
        let mut input: BatchInput = crate::convert::from_py(scores)?;
        if completion_threshold.is_some() {
            input.completion_threshold = completion_threshold;
        }
        let report = match &framework {
            Some(f) => kam_core::api::score_batch_with(f.get(py)?.as_ref(), &input),
            None => kam_core::api::score_batch(&input),
        };
        return crate::convert::to_py(py, &report.py(py)?);
    }
    let plan = audit_plan(py, framework.as_ref(), None, completion_threshold)?;
    let Ok(array) = scores.extract::<PyReadonlyArray2<'py, u8>>() else {
        return Err(PyTypeError::new_err(format!(
            "scores must be a 2-D NumPy array of uint8 (or a batch as a dict or JSON text), not {}",
            describe(scores)
        )));
    };
    Ok(score_matrix(py, &plan, &array)?.into_any())
}

/// Scores a 2-D matrix (uint8, int64 or float64 with NaN for unscored) whose
/// columns are the given item ids, in any order; items without a column are
/// unscored.
#[pyfunction]
#[pyo3(signature = (columns, scores, framework=None, *, completion_threshold=None))]
#[allow(clippy::needless_pass_by_value)] // pyo3 hands extracted arguments over by value
fn score_columns<'py>(
    py: Python<'py>,
    columns: Vec<String>,
    scores: &Bound<'py, PyAny>,
    framework: Option<FrameworkArg<'py>>,
    completion_threshold: Option<f64>,
) -> PyResult<Bound<'py, PyDict>> {
    let plan = audit_plan(py, framework.as_ref(), Some(&columns), completion_threshold)?;
    if let Ok(array) = scores.extract::<PyReadonlyArray2<'py, u8>>() {
        return score_matrix(py, &plan, &array);
    }
    if let Ok(array) = scores.extract::<PyReadonlyArray2<'py, i64>>() {
        return score_matrix(py, &plan, &array);
    }
    if let Ok(array) = scores.extract::<PyReadonlyArray2<'py, f64>>() {
        return score_matrix(py, &plan, &array);
    }
    Err(PyTypeError::new_err(format!(
        "scores must be a 2-D NumPy array of uint8, int64 or float64, not {}",
        describe(scores)
    )))
}

/// Scores a matrix given as one 1-D array per column, as a data frame holds
/// it: uint8, int64, float64 (NaN for unscored) or object (`None` for
/// unscored; numbers; anything else is refused). `labels[i]` names row `i`
/// in an error about one of its cells.
#[pyfunction(name = "_score_column_arrays")]
#[pyo3(signature = (columns, arrays, framework=None, *, completion_threshold=None, labels=None))]
#[allow(clippy::needless_pass_by_value)] // pyo3 hands extracted arguments over by value
fn score_column_arrays<'py>(
    py: Python<'py>,
    columns: Vec<String>,
    arrays: Vec<Bound<'py, PyAny>>,
    framework: Option<FrameworkArg<'py>>,
    completion_threshold: Option<f64>,
    labels: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let plan = audit_plan(py, framework.as_ref(), Some(&columns), completion_threshold)?;
    plan.check_width(arrays.len()).py(py)?;
    let label = |e: Error| label_row(e, labels.as_ref());
    let held = arrays
        .iter()
        .enumerate()
        .map(|(c, a)| HeldColumn::new(&plan, a, c).map_err(label))
        .collect::<Result<Vec<_>, _>>()
        .py(py)?;
    let cells: Vec<Column<'_>> = held.iter().map(HeldColumn::column).collect();
    // Without item columns the rows are the labels' (a frame of only
    // pass-through columns still has rows, every item unscored).
    let rows = match (arrays.first(), labels.as_ref()) {
        (Some(first), _) => first.len()?,
        (None, Some(labels)) => labels.len()?,
        (None, None) => 0,
    };
    with_output(py, &plan, rows, |out| {
        plan.score_columns_parallel(&cells, out)
    })
    .map_err(|e| match e {
        Failure::Kam(e) => crate::errors::to_py(py, &label(e)),
        Failure::Python(e) => e,
    })
}

/// Names the row of a cell error by its label, when there are labels.
fn label_row(error: Error, labels: Option<&Bound<'_, PyAny>>) -> Error {
    let (Some(row), Some(labels)) = (error.batch_row(), labels) else {
        return error;
    };
    match labels.get_item(row).and_then(|l| l.str()) {
        Ok(label) => error.with_row_label(label.to_string_lossy()),
        Err(_) => error,
    }
}

/// A column read from Python for the length of one call: a `NumPy` array in
/// place, or a copy (an array with gaps between its cells, or objects read
/// one by one).
enum HeldColumn<'py> {
    U8(PyReadonlyArray1<'py, u8>),
    I64(PyReadonlyArray1<'py, i64>),
    F64(PyReadonlyArray1<'py, f64>),
    CopiedU8(Vec<u8>),
    CopiedI64(Vec<i64>),
    Copied(Vec<f64>),
}

impl<'py> HeldColumn<'py> {
    fn new(plan: &BatchPlan, array: &Bound<'py, PyAny>, column: usize) -> Result<Self, Error> {
        if let Ok(a) = array.extract::<PyReadonlyArray1<'py, u8>>() {
            return Ok(match a.as_slice() {
                Ok(_) => HeldColumn::U8(a),
                Err(_) => HeldColumn::CopiedU8(a.as_array().to_vec()),
            });
        }
        if let Ok(a) = array.extract::<PyReadonlyArray1<'py, i64>>() {
            return Ok(match a.as_slice() {
                Ok(_) => HeldColumn::I64(a),
                Err(_) => HeldColumn::CopiedI64(a.as_array().to_vec()),
            });
        }
        if let Ok(a) = array.extract::<PyReadonlyArray1<'py, f64>>() {
            return Ok(match a.as_slice() {
                Ok(_) => HeldColumn::F64(a),
                Err(_) => HeldColumn::Copied(a.as_array().to_vec()),
            });
        }
        let mut cells = Vec::new();
        for (row, item) in array
            .try_iter()
            .map_err(|_| type_error(plan, array, column))?
            .enumerate()
        {
            let item = item.map_err(|_| type_error(plan, array, column))?;
            cells.push(number(plan, &item, row, column)?);
        }
        Ok(HeldColumn::Copied(cells))
    }

    fn column(&self) -> Column<'_> {
        match self {
            HeldColumn::U8(a) => Column::U8(a.as_slice().unwrap_or_default()),
            HeldColumn::I64(a) => Column::I64(a.as_slice().unwrap_or_default()),
            HeldColumn::F64(a) => Column::F64(a.as_slice().unwrap_or_default()),
            HeldColumn::CopiedU8(c) => Column::U8(c),
            HeldColumn::CopiedI64(c) => Column::I64(c),
            HeldColumn::Copied(c) => Column::F64(c),
        }
    }
}

/// A Python object in a cell as a number: `None` is a blank (NaN), numbers
/// are read as floats (kam-core then decides whether they are scores), and
/// anything else — text, a boolean, a date — is kam-core's text error.
fn number(
    plan: &BatchPlan,
    item: &Bound<'_, PyAny>,
    row: usize,
    column: usize,
) -> Result<f64, Error> {
    if item.is_none() {
        return Ok(f64::NAN);
    }
    if let Ok(f) = item.cast::<PyFloat>() {
        return Ok(f.value());
    }
    let is_bool = item.is_instance_of::<PyBool>();
    if !is_bool
        && (item.is_instance_of::<PyInt>() || item.hasattr("__float__").unwrap_or(false))
        && let Ok(f) = item.extract::<f64>()
    {
        return Ok(f);
    }
    let text = item
        .str()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Err(plan.text_error(row, column, &text))
}

/// A column that is not a sequence at all: reported as text, with its type.
fn type_error(plan: &BatchPlan, array: &Bound<'_, PyAny>, column: usize) -> Error {
    plan.text_error(0, column, &describe(array))
}

fn describe(obj: &Bound<'_, PyAny>) -> String {
    let dtype = obj
        .getattr("dtype")
        .map(|d| d.to_string())
        .unwrap_or_default();
    let ndim = obj
        .getattr("ndim")
        .map(|d| d.to_string())
        .unwrap_or_default();
    match (dtype.is_empty(), ndim.is_empty()) {
        (false, false) => format!("a {ndim}-D array of {dtype}"),
        _ => obj
            .get_type()
            .name()
            .map_or_else(|_| "this value".to_owned(), |n| format!("a `{n}`")),
    }
}

/// A cell type `NumPy` and kam-core share.
trait Cells: Element + Copy + kam_core::batch::Cell {
    fn column(cells: &[Self]) -> Column<'_>;
}

impl Cells for u8 {
    fn column(cells: &[Self]) -> Column<'_> {
        Column::U8(cells)
    }
}

impl Cells for i64 {
    fn column(cells: &[Self]) -> Column<'_> {
        Column::I64(cells)
    }
}

impl Cells for f64 {
    fn column(cells: &[Self]) -> Column<'_> {
        Column::F64(cells)
    }
}

/// Scores a 2-D matrix in whatever layout it has: C order row by row,
/// Fortran order (as pandas hands a block out) column by column, both in
/// place; any other layout after one copy in row order.
fn score_matrix<'py, C: Cells>(
    py: Python<'py>,
    plan: &BatchPlan,
    array: &PyReadonlyArray2<'py, C>,
) -> PyResult<Bound<'py, PyDict>> {
    let (rows, width) = array.as_array().dim();
    plan.check_width(width).py(py)?;
    let copy: Vec<C>;
    let by_rows: &[C] = match array.as_slice() {
        Ok(cells) if array.is_c_contiguous() => cells,
        Ok(cells) => {
            let columns: Vec<Column<'_>> = if rows == 0 {
                vec![C::column(&[]); width]
            } else {
                cells.chunks(rows).map(C::column).collect()
            };
            return with_output(py, plan, rows, |out| {
                plan.score_columns_parallel(&columns, out)
            })
            .map_err(|f| raise(py, f));
        }
        Err(_) => {
            copy = array.as_array().iter().copied().collect();
            &copy
        }
    };
    with_output(py, plan, rows, |out| plan.score_parallel(by_rows, out)).map_err(|f| raise(py, f))
}

/// Allocates the result arrays for `rows` rows, runs `score` into them with
/// the GIL released, and returns them in a dict with the period and phase
/// ids. The arrays are `NumPy`'s from the start, written in place: `NumPy` asks
/// the kernel for huge pages for large arrays, which makes first writes to
/// fresh memory several times cheaper than a plain allocation. They are
/// `numpy.empty`, not zeroed: the kernel writes every cell of every row, and
/// zeroing 9 MB for 100,000 rows cost a fifth of `score_frame`'s time on
/// uint8 columns (a `memset` in the profile).
fn with_output<'py, F>(
    py: Python<'py>,
    plan: &BatchPlan,
    rows: usize,
    score: F,
) -> Result<Bound<'py, PyDict>, Failure>
where
    F: FnOnce(BatchOutput<'_>) -> Result<(), Error> + Send,
{
    let (periods, phases) = (plan.period_ids().len(), plan.phase_ids().len());
    let period_scores = empty::<PyArray2<u32>>(py, (rows, periods), "uint32")?;
    let phase_scores = empty::<PyArray2<u32>>(py, (rows, phases), "uint32")?;
    let overall = empty::<PyArray1<u32>>(py, (rows,), "uint32")?;
    let percent = empty::<PyArray1<f64>>(py, (rows,), "float64")?;
    let position_number = empty::<PyArray1<u32>>(py, (rows,), "uint32")?;
    let position_fraction = empty::<PyArray1<f64>>(py, (rows,), "float64")?;
    let current_period = empty::<PyArray1<i32>>(py, (rows,), "int32")?;
    let unscored = empty::<PyArray1<u32>>(py, (rows,), "uint32")?;
    {
        let mut periods = period_scores.try_readwrite()?;
        let mut phases = phase_scores.try_readwrite()?;
        let mut totals = overall.try_readwrite()?;
        let mut percents = percent.try_readwrite()?;
        let mut numbers = position_number.try_readwrite()?;
        let mut fractions = position_fraction.try_readwrite()?;
        let mut currents = current_period.try_readwrite()?;
        let mut unscoreds = unscored.try_readwrite()?;
        let out = BatchOutput {
            period_scores: periods.as_slice_mut()?,
            phase_scores: phases.as_slice_mut()?,
            overall: totals.as_slice_mut()?,
            percent: percents.as_slice_mut()?,
            position_number: numbers.as_slice_mut()?,
            position_fraction: fractions.as_slice_mut()?,
            current_period: currents.as_slice_mut()?,
            unscored: unscoreds.as_slice_mut()?,
        };
        py.detach(|| score(out)).map_err(Failure::Kam)?;
    }
    let dict = PyDict::new(py);
    dict.set_item("period_ids", plan.period_ids().to_vec())?;
    dict.set_item("phase_ids", plan.phase_ids().to_vec())?;
    dict.set_item("period_scores", period_scores)?;
    dict.set_item("phase_scores", phase_scores)?;
    dict.set_item("overall", overall)?;
    dict.set_item("percent", percent)?;
    dict.set_item("position_number", position_number)?;
    dict.set_item("position_fraction", position_fraction)?;
    dict.set_item("current_period", current_period)?;
    dict.set_item("unscored", unscored)?;
    Ok(dict)
}

/// A new `NumPy` array of `shape` and `dtype` whose cells are not yet set:
/// `numpy.empty`, called through Python because its Rust twin is `unsafe`.
fn empty<'py, A: pyo3::PyTypeCheck>(
    py: Python<'py>,
    shape: impl IntoPyObject<'py>,
    dtype: &str,
) -> PyResult<Bound<'py, A>> {
    let numpy = py.import("numpy")?;
    Ok(numpy
        .call_method1("empty", (shape, dtype))?
        .cast_into::<A>()?)
}

/// Why scoring into `NumPy` arrays failed: kam-core's error (which the caller
/// may label before raising it) or Python's.
enum Failure {
    Kam(Error),
    Python(PyErr),
}

impl From<PyErr> for Failure {
    fn from(e: PyErr) -> Self {
        Failure::Python(e)
    }
}

impl From<numpy::BorrowError> for Failure {
    fn from(e: numpy::BorrowError) -> Self {
        Failure::Python(e.into())
    }
}

impl From<numpy::AsSliceError> for Failure {
    fn from(e: numpy::AsSliceError) -> Self {
        Failure::Python(e.into())
    }
}

/// Raises a failure as is.
fn raise(py: Python<'_>, failure: Failure) -> PyErr {
    match failure {
        Failure::Kam(e) => crate::errors::to_py(py, &e),
        Failure::Python(e) => e,
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(item_ids, m)?)?;
    m.add_function(wrap_pyfunction!(score_batch, m)?)?;
    m.add_function(wrap_pyfunction!(score_columns, m)?)?;
    m.add_function(wrap_pyfunction!(score_column_arrays, m)?)?;
    Ok(())
}
