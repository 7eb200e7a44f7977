//! The operations of kam-core's table (`kam_core::for_each_operation!`), one
//! Python function each: the input (a dict or JSON text), the options when
//! the operation takes them, and `framework=` when it has a variant scoring
//! against a given framework. Adding an operation to the table adds its
//! function here.

use kam_core::api::ops;
use kam_core::json::Document;
use kam_core::{Error, Framework};
use pyo3::prelude::*;
use serde::Serialize;

use crate::convert::{from_py, to_py};
use crate::errors::IntoPy;
use crate::framework::FrameworkArg;

/// Reads the arguments, runs the operation and converts its result.
fn call<'py, I, O, R>(
    py: Python<'py>,
    input: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
    framework: Option<&FrameworkArg<'py>>,
    run: fn(&I, &O, Option<&Framework>) -> Result<R, Error>,
) -> PyResult<Bound<'py, PyAny>>
where
    I: Document,
    O: Document + Default,
    R: Serialize,
{
    let input: I = from_py(input)?;
    let options: O = crate::options(options)?;
    let held = framework.map(|f| f.get(py)).transpose()?;
    let result = run(&input, &options, held.as_ref().map(AsRef::as_ref));
    to_py(py, &result.py(py)?)
}

/// One Python function, by whether the operation takes options and a
/// framework.
macro_rules! function {
    ($(#[$doc:meta])* $name:ident $arg:ident [$($options:tt)+] [$($with:tt)+]) => {
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = ($arg, options=None, framework=None))]
        fn $name<'py>(
            py: Python<'py>,
            $arg: &Bound<'py, PyAny>,
            options: Option<&Bound<'py, PyAny>>,
            framework: Option<FrameworkArg<'py>>,
        ) -> PyResult<Bound<'py, PyAny>> {
            call(py, $arg, options, framework.as_ref(), ops::$name::run)
        }
    };
    ($(#[$doc:meta])* $name:ident $arg:ident [$($options:tt)+] []) => {
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = ($arg, options=None))]
        fn $name<'py>(
            py: Python<'py>,
            $arg: &Bound<'py, PyAny>,
            options: Option<&Bound<'py, PyAny>>,
        ) -> PyResult<Bound<'py, PyAny>> {
            call(py, $arg, options, None, ops::$name::run)
        }
    };
    ($(#[$doc:meta])* $name:ident $arg:ident [] [$($with:tt)+]) => {
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = ($arg, framework=None))]
        fn $name<'py>(
            py: Python<'py>,
            $arg: &Bound<'py, PyAny>,
            framework: Option<FrameworkArg<'py>>,
        ) -> PyResult<Bound<'py, PyAny>> {
            call(py, $arg, None, framework.as_ref(), ops::$name::run)
        }
    };
    ($(#[$doc:meta])* $name:ident $arg:ident [] []) => {
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = ($arg))]
        fn $name<'py>(py: Python<'py>, $arg: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
            call(py, $arg, None, None, ops::$name::run)
        }
    };
}

/// Every operation's function, and `register` adding them to the module.
///
/// `score_batch` is the exception: its Python function also takes a matrix
/// of scores as an array, so it is written by hand in `batch.rs` (and scores
/// a `BatchInput` dict through the same core function).
macro_rules! functions {
    ($(
        $(#[$doc:meta])*
        $name:ident {
            js: $js:tt,
            module: $module:ident,
            input: $arg:ident: $input:ty = $input_ts:tt $([$result:ident])?,
            options: [$($options:ty = $options_ts:tt)?],
            output: $output:ty = $output_ts:tt,
            framework: [$($with:ident = $with_js:tt)?],
        }
    )*) => {
        $(functions!(@one $(#[$doc])* $name $arg [$($options)?] [$($with)?]);)*

        /// Adds every operation's function to the module.
        pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $(functions!(@register m $name);)*
            Ok(())
        }
    };
    (@one $(#[$doc:meta])* score_batch $($rest:tt)*) => {};
    (@one $($rest:tt)*) => {
        function!($($rest)*);
    };
    (@register $m:ident score_batch) => {};
    (@register $m:ident $name:ident) => {
        $m.add_function(wrap_pyfunction!($name, $m)?)?;
    };
}

kam_core::for_each_operation!(functions);

/// The operations of kam's table, one dict each: `name`, `js_name`,
/// `js_with_name`, `module`, `argument`, `input`, `options`, `output` (type
/// names; `kam.schema()` takes them in kebab case) and `doc`.
#[pyfunction]
pub fn operations(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &kam_core::api::OPERATIONS)
}
