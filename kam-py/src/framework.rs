//! `kam.Framework`: a validated framework loaded from a file, kept as a Rust
//! value so scoring against it does not parse and validate it again.

use std::sync::Arc;

use kam_core::api;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::to_py;
use crate::errors::IntoPy;

/// A framework loaded with `kam.load_framework`, validated and immutable.
/// Pass it as `framework=` to the scoring functions.
#[pyclass(frozen, module = "kam._kam", name = "Framework")]
pub struct Framework {
    inner: Arc<kam_core::Framework>,
}

impl Framework {
    pub fn new(framework: kam_core::Framework) -> Self {
        Framework {
            inner: Arc::new(framework),
        }
    }
}

#[pymethods]
impl Framework {
    /// Its stable id.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id()
    }

    /// Its data version.
    #[getter]
    fn version(&self) -> &str {
        self.inner.version()
    }

    /// `action-audit` or `maturity-model`.
    #[getter]
    fn r#type(&self) -> &'static str {
        self.inner.kind()
    }

    /// The one-line summary dict (`id`, `version`, `type`, `name`).
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.summary())
    }

    /// The whole framework as plain dicts and lists, as in the file.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, self.inner.as_ref())
    }

    fn __repr__(&self) -> String {
        format!(
            "<kam.Framework {} version {} ({})>",
            self.inner.id(),
            self.inner.version(),
            self.inner.kind()
        )
    }
}

/// A `framework=` argument: a bundled framework's id or a loaded framework.
pub enum FrameworkArg<'py> {
    /// A loaded framework.
    Loaded(Bound<'py, Framework>),
    /// The id of a bundled framework.
    Id(String),
}

impl<'py> FromPyObject<'_, 'py> for FrameworkArg<'py> {
    type Error = PyErr;

    /// A `kam.Framework` or a `str`; anything else is a `TypeError` that
    /// says what is expected (pyo3 names the argument), not an extraction
    /// dump.
    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(framework) = obj.cast::<Framework>() {
            return Ok(FrameworkArg::Loaded(framework.to_owned()));
        }
        if let Ok(id) = obj.cast::<PyString>() {
            return Ok(FrameworkArg::Id(id.to_cow()?.into_owned()));
        }
        let found = obj
            .get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string());
        Err(PyTypeError::new_err(format!(
            "expected a bundled framework's id (a `str`, e.g. \"cranfield-kam-development\") \
             or a `kam.Framework` from `kam.load_framework`, not a `{found}`"
        )))
    }
}

/// A framework held for the duration of one call.
pub enum Held {
    Bundled(&'static kam_core::Framework),
    Loaded(Arc<kam_core::Framework>),
}

impl AsRef<kam_core::Framework> for Held {
    fn as_ref(&self) -> &kam_core::Framework {
        match self {
            Held::Bundled(f) => f,
            Held::Loaded(f) => f,
        }
    }
}

impl FrameworkArg<'_> {
    /// The framework, looking a bundled id up.
    pub fn get(&self, py: Python<'_>) -> PyResult<Held> {
        Ok(match self {
            FrameworkArg::Loaded(f) => Held::Loaded(Arc::clone(&f.get().inner)),
            FrameworkArg::Id(id) => Held::Bundled(api::framework(id).py(py)?),
        })
    }
}
