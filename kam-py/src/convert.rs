//! Python values ⇄ JSON values. Inputs become `serde_json::Value` and go
//! through `kam_core::error::from_value`, strings through `from_json`, so
//! every message is the one Rust gives; results come back as plain dicts,
//! lists, strings, numbers, booleans and `None` with the Rust field names.

use kam_core::Error;
use kam_core::error::{
    InputError, LimitError, PathSegment, json_path, non_finite_number, number_out_of_range,
};
use kam_core::limits::{MAX_DEPTH, MAX_INPUT_BYTES};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

use crate::errors::IntoPy;

/// Reads a Python argument as `T`: a `str` is parsed as JSON text, a path
/// (`pathlib.Path`) or an open file is read and parsed, anything else is
/// taken as a JSON-like value (dict, list, str, int, float, bool, None;
/// numpy scalars are read as numbers).
pub fn from_py<T: DeserializeOwned>(obj: &Bound<'_, PyAny>) -> PyResult<T> {
    let py = obj.py();
    if let Ok(text) = obj.cast::<PyString>() {
        return kam_core::error::from_json(&text.to_cow()?).py(py);
    }
    if let Some(text) = file_text(obj)? {
        return kam_core::error::from_json(&text).py(py);
    }
    let value = json_value(obj).py(py)?;
    kam_core::error::from_value(value).py(py)
}

/// Reads a Python value as JSON, for operations whose input is a JSON string
/// value (a framework id): a `str` is the value itself, not JSON text.
pub fn value_from_py<T: DeserializeOwned>(obj: &Bound<'_, PyAny>) -> PyResult<T> {
    let py = obj.py();
    let value = json_value(obj).py(py)?;
    kam_core::error::from_value(value).py(py)
}

/// Reads a Python argument as JSON text: a `str` is taken as it is, anything
/// else is written out as JSON (as JavaScript's binding does with
/// `JSON.stringify`), so kam-core reads both with the same parser.
pub fn text_from_py(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = obj.py();
    if let Ok(text) = obj.cast::<PyString>() {
        return Ok(text.to_cow()?.into_owned());
    }
    if let Some(text) = file_text(obj)? {
        return Ok(text);
    }
    let value = json_value(obj).py(py)?;
    serde_json::to_string(&value).map_err(|e| serialization_error(py, &e))
}

/// The text of a path (`os.PathLike`) or of an open file (an object with
/// `read()`, text or binary), read with Python's own `open` so its errors
/// (`FileNotFoundError`, …) are the usual ones; `None` for anything else.
/// At most one byte more than kam-core reads is taken, so an oversized
/// file gets kam-core's `input-too-large` without being read whole.
fn file_text(obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    let py = obj.py();
    let limit = MAX_INPUT_BYTES + 1;
    let data = if obj.hasattr("__fspath__")? {
        let io = py.import("io")?;
        let file = io.call_method1("open", (obj, "rb"))?;
        let data = file.call_method1("read", (limit,));
        file.call_method0("close")?;
        data?
    } else if obj.hasattr("read")? && obj.cast::<PyMapping>().is_err() {
        obj.call_method1("read", (limit,))?
    } else {
        return Ok(None);
    };
    if let Ok(text) = data.cast::<PyString>() {
        return Ok(Some(text.to_cow()?.into_owned()));
    }
    let bytes: Vec<u8> = data.extract()?;
    // Invalid UTF-8 is replaced, then refused by the parser with its place.
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

/// A value that cannot be written as JSON, reported like a parse error.
fn serialization_error(py: Python<'_>, e: &serde_json::Error) -> PyErr {
    crate::errors::to_py(
        py,
        &InputError::InvalidJson {
            path: ".".to_owned(),
            message: e.to_string(),
        }
        .into(),
    )
}

/// Writes a result as plain Python values.
pub fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(value).map_err(|e| serialization_error(py, &e))?;
    value_to_py(py, &value)
}

fn value_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(value_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, value_to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// A conversion problem, reported like the parser would, with the path.
fn invalid(path: &[PathSegment], message: String) -> Error {
    InputError::InvalidJson {
        path: json_path(path),
        message,
    }
    .into()
}

/// A value of a Python type JSON has no equivalent for.
fn type_error(path: &[PathSegment], obj: &Bound<'_, PyAny>) -> Error {
    let name = obj
        .get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string());
    invalid(path, format!("a Python `{name}` has no JSON equivalent"))
}

/// The most values (containers, numbers, strings, …) a Python value may hold:
/// as many as the largest text kam-core reads (`MAX_INPUT_BYTES`) can hold,
/// as every value takes a byte and every value in an array or object one
/// more (a comma, or the closing bracket). So nothing JSON text could carry
/// is refused, and the walk ends within some 4 million steps whatever the
/// value: objects shared within one another (`b = [a, a]`, `c = [b, b]`, …)
/// count at every reference, as JSON would write them, and would otherwise
/// take time and memory exponential in their depth. Past it the value is
/// refused with kam-core's `too-many-entries` error for the whole input
/// (measured: 0.8 s and 0.4 GB for shared lists, 1.8 s and 1.8 GB for shared
/// two-key dicts, `serde_json` maps being large).
const MAX_VALUES: usize = MAX_INPUT_BYTES / 2;

/// A Python value as JSON.
fn json_value(obj: &Bound<'_, PyAny>) -> Result<Value, Error> {
    Walk {
        path: Vec::new(),
        within: Vec::new(),
        left: MAX_VALUES,
    }
    .value(obj)
}

/// The state of [`json_value`]'s walk.
struct Walk {
    /// Where the value being read is.
    path: Vec<PathSegment>,
    /// The containers being read, outermost first: `within[i]` is the one at
    /// `path[..i]`.
    within: Vec<*mut pyo3::ffi::PyObject>,
    /// How many more values may be read (see [`MAX_VALUES`]).
    left: usize,
}

impl Walk {
    fn value(&mut self, obj: &Bound<'_, PyAny>) -> Result<Value, Error> {
        let path = &self.path;
        if self.left == 0 {
            return Err(LimitError::TooManyEntries {
                path: ".".to_owned(),
                count: MAX_VALUES + 1,
                max: MAX_VALUES,
            }
            .into());
        }
        self.left -= 1;
        if obj.is_none() {
            return Ok(Value::Null);
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            return Ok(Value::Bool(b.is_true()));
        }
        if let Ok(s) = obj.cast::<PyString>() {
            let s = s.to_cow().map_err(|_| type_error(path, obj))?;
            return Ok(Value::String(s.into_owned()));
        }
        if obj.is_instance_of::<PyInt>() {
            return int_value(obj, path);
        }
        if let Ok(f) = obj.cast::<PyFloat>() {
            return float_value(f.value(), path);
        }
        // Other mappings (`kam.Report`, `OrderedDict` subclasses, …) read as dicts.
        let dict = if let Ok(dict) = obj.cast::<PyDict>() {
            Some(dict.clone())
        } else if let Ok(mapping) = obj.cast::<PyMapping>() {
            let dict = PyDict::new(obj.py());
            dict.update(mapping).map_err(|_| type_error(path, obj))?;
            Some(dict)
        } else {
            None
        };
        if dict.is_none() && !obj.is_instance_of::<PyList>() && !obj.is_instance_of::<PyTuple>() {
            // NumPy and other numeric scalars: integers by `__index__`, reals by `__float__`.
            if let Ok(index) = obj.call_method0("__index__") {
                return int_value(&index, path);
            }
            if obj.hasattr("__float__").unwrap_or(false)
                && let Ok(f) = obj.extract::<f64>()
            {
                return float_value(f, path);
            }
            return Err(type_error(path, obj));
        }
        // Past the core's nesting limit only the shape matters: the core
        // rejects it with its own message and path.
        if path.len() > MAX_DEPTH + 1 {
            return Ok(if dict.is_some() {
                Value::Object(Map::new())
            } else {
                Value::Array(Vec::new())
            });
        }
        // A container met again inside itself nests without end: the core's
        // error for too deep a value, at the path that repeats the cycle.
        if let Some(start) = self.within.iter().position(|&p| p == obj.as_ptr()) {
            let cycle = path.get(start..).unwrap_or_default();
            let deep: Vec<_> = path
                .iter()
                .chain(cycle.iter().cycle())
                .take(MAX_DEPTH)
                .cloned()
                .collect();
            return Err(LimitError::TooDeep {
                path: json_path(&deep),
                max: MAX_DEPTH,
            }
            .into());
        }
        self.within.push(obj.as_ptr());
        let value = match dict {
            Some(dict) => self.object(&dict)?,
            None => self.array(obj)?,
        };
        self.within.pop();
        Ok(value)
    }

    fn object(&mut self, dict: &Bound<'_, PyDict>) -> Result<Value, Error> {
        let mut map = Map::new();
        for (k, v) in dict.iter() {
            let key = k
                .cast::<PyString>()
                .ok()
                .and_then(|k| k.to_cow().ok().map(std::borrow::Cow::into_owned))
                .ok_or_else(|| invalid(&self.path, format!("key `{k}` is not a string")))?;
            self.path.push(PathSegment::Key(key.clone()));
            let value = self.value(&v)?;
            self.path.pop();
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }

    fn array(&mut self, obj: &Bound<'_, PyAny>) -> Result<Value, Error> {
        let mut items = Vec::new();
        for (i, item) in obj
            .try_iter()
            .map_err(|_| type_error(&self.path, obj))?
            .enumerate()
        {
            let item = item.map_err(|_| type_error(&self.path, obj))?;
            self.path.push(PathSegment::Index(i));
            items.push(self.value(&item)?);
            self.path.pop();
        }
        Ok(Value::Array(items))
    }
}

/// An `int` as JSON: exact when it fits 64 bits; larger ones become floats,
/// as `serde_json` reads a long integer literal; one beyond a float's range
/// (`10**400`) is an error, as that literal is.
fn int_value(obj: &Bound<'_, PyAny>, path: &[PathSegment]) -> Result<Value, Error> {
    if let Ok(u) = obj.extract::<u64>() {
        Ok(Value::from(u))
    } else if let Ok(i) = obj.extract::<i64>() {
        Ok(Value::from(i))
    } else {
        obj.extract::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| number_out_of_range(path))
    }
}

/// A `float` as JSON; NaN and the infinities are errors (kam-core's, as in
/// JavaScript). `-0.0` stays a float, so it reads as zero where a real number
/// is expected and is refused, like `3.0`, where a whole number is.
fn float_value(f: f64, path: &[PathSegment]) -> Result<Value, Error> {
    Number::from_f64(f)
        .map(Value::Number)
        .ok_or_else(|| non_finite_number(path, f))
}
