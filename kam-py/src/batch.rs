//! Batch scoring: numpy matrices in, numpy arrays out. The matrix is read in
//! place (no copy when it is C-contiguous), scored by `kam_core::batch` with
//! the GIL released, on as many threads as there are cores.

use std::num::NonZeroUsize;
use std::thread;

use kam_core::Error;
use kam_core::batch::{BatchInput, BatchOutput, BatchPlan, Cell};
use numpy::{PyArray1, PyArray2, PyArrayMethods, PyReadonlyArray2};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyMapping, PyString};

use crate::errors::IntoPy;
use crate::framework::{FrameworkArg, Held};

/// Rows per thread below which one thread is quicker than several.
const MIN_ROWS_PER_THREAD: usize = 16_384;

fn audit_plan(
    py: Python<'_>,
    framework: Option<&FrameworkArg<'_>>,
    columns: Option<&[String]>,
) -> PyResult<BatchPlan> {
    let held = audit_framework(py, framework)?;
    let audit = held
        .as_ref()
        .as_audit()
        .map_err(|e| crate::errors::to_py(py, &e.into()))?;
    match columns {
        None => Ok(BatchPlan::for_framework(audit)),
        Some(columns) => BatchPlan::new(audit, columns).py(py),
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
#[pyo3(signature = (scores, framework=None))]
#[allow(clippy::needless_pass_by_value)] // pyo3 hands extracted arguments over by value
fn score_batch<'py>(
    py: Python<'py>,
    scores: &Bound<'py, PyAny>,
    framework: Option<FrameworkArg<'py>>,
) -> PyResult<Bound<'py, PyAny>> {
    if scores.is_instance_of::<PyString>() || scores.cast::<PyMapping>().is_ok() {
        let input: BatchInput = crate::convert::from_py(scores)?;
        let report = match &framework {
            Some(f) => kam_core::api::score_batch_with(f.get(py)?.as_ref(), &input),
            None => kam_core::api::score_batch(&input),
        };
        return crate::convert::to_py(py, &report.py(py)?);
    }
    let plan = audit_plan(py, framework.as_ref(), None)?;
    let Ok(array) = scores.extract::<PyReadonlyArray2<'py, u8>>() else {
        return Err(PyTypeError::new_err(format!(
            "scores must be a 2-D NumPy array of uint8 (or a batch as a dict or JSON text), not {}",
            describe(scores)
        )));
    };
    Ok(score_array(py, &plan, &array)?.into_any())
}

/// Scores a 2-D integer matrix (uint8 or int64) whose columns are the given
/// item ids, in any order; items without a column are unscored.
#[pyfunction]
#[pyo3(signature = (columns, scores, framework=None))]
#[allow(clippy::needless_pass_by_value)] // pyo3 hands extracted arguments over by value
fn score_columns<'py>(
    py: Python<'py>,
    columns: Vec<String>,
    scores: &Bound<'py, PyAny>,
    framework: Option<FrameworkArg<'py>>,
) -> PyResult<Bound<'py, PyDict>> {
    let plan = audit_plan(py, framework.as_ref(), Some(&columns))?;
    if let Ok(array) = scores.extract::<PyReadonlyArray2<'py, u8>>() {
        return score_array(py, &plan, &array);
    }
    if let Ok(array) = scores.extract::<PyReadonlyArray2<'py, i64>>() {
        return score_array(py, &plan, &array);
    }
    Err(PyTypeError::new_err(format!(
        "scores must be a 2-D NumPy array of uint8 or int64, not {}",
        describe(scores)
    )))
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

fn score_array<'py, C: Cell + numpy::Element>(
    py: Python<'py>,
    plan: &BatchPlan,
    array: &PyReadonlyArray2<'py, C>,
) -> PyResult<Bound<'py, PyDict>> {
    let (rows, columns) = array.as_array().dim();
    plan.check_width(columns).py(py)?;
    let copy: Vec<C>;
    let cells: &[C] = match array.as_slice() {
        Ok(cells) if array.as_array().is_standard_layout() => cells,
        // Fortran-ordered (as pandas often hands out) or strided: one copy in row order.
        _ => {
            copy = array.as_array().iter().copied().collect();
            &copy
        }
    };
    // The results are NumPy arrays from the start, written in place: NumPy
    // asks the kernel for huge pages for large arrays, which makes first
    // writes to fresh memory several times cheaper than a plain allocation.
    let (periods, phases) = (plan.period_ids().len(), plan.phase_ids().len());
    let period_scores = PyArray2::<u32>::zeros(py, [rows, periods], false);
    let phase_scores = PyArray2::<u32>::zeros(py, [rows, phases], false);
    let overall = PyArray1::<u32>::zeros(py, rows, false);
    let percent = PyArray1::<f64>::zeros(py, rows, false);
    let position_number = PyArray1::<u32>::zeros(py, rows, false);
    let position_fraction = PyArray1::<f64>::zeros(py, rows, false);
    {
        let mut periods = period_scores.try_readwrite()?;
        let mut phases = phase_scores.try_readwrite()?;
        let mut totals = overall.try_readwrite()?;
        let mut percents = percent.try_readwrite()?;
        let mut numbers = position_number.try_readwrite()?;
        let mut fractions = position_fraction.try_readwrite()?;
        let out = BatchOutput {
            period_scores: periods.as_slice_mut()?,
            phase_scores: phases.as_slice_mut()?,
            overall: totals.as_slice_mut()?,
            percent: percents.as_slice_mut()?,
            position_number: numbers.as_slice_mut()?,
            position_fraction: fractions.as_slice_mut()?,
        };
        py.detach(|| score_parallel(plan, cells, rows, out))
            .py(py)?;
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
    Ok(dict)
}

/// Scores on every core, each thread a contiguous block of rows.
fn score_parallel<C: Cell>(
    plan: &BatchPlan,
    cells: &[C],
    rows: usize,
    out: BatchOutput<'_>,
) -> Result<(), Error> {
    let (periods, phases) = (plan.period_ids().len(), plan.phase_ids().len());
    let threads = thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(rows / MIN_ROWS_PER_THREAD)
        .max(1);
    let per_thread = rows.div_ceil(threads);
    let width = plan.columns();
    let mut rest = out;
    thread::scope(|scope| {
        let mut handles = Vec::new();
        let mut first = 0;
        while first < rows {
            let take = per_thread.min(rows - first);
            let (mut part, tail) = rest.split_at_row(take, periods, phases);
            rest = tail;
            let block = cells
                .get(first * width..(first + take) * width)
                .unwrap_or_default();
            handles.push(scope.spawn(move || plan.score_into(block, first, &mut part)));
            first += take;
        }
        // Blocks are joined in row order, so the first error is the first row's.
        for handle in handles {
            match handle.join() {
                Ok(result) => result?,
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        Ok(())
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(item_ids, m)?)?;
    m.add_function(wrap_pyfunction!(score_batch, m)?)?;
    m.add_function(wrap_pyfunction!(score_columns, m)?)?;
    Ok(())
}
