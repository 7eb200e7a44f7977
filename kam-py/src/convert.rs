//! Python values ⇄ JSON values. Inputs become `serde_json::Value` and go
//! through `kam_core::json::from_value`, strings through `from_json`, so
//! every message is the one Rust gives; results come back as plain dicts,
//! lists, strings, numbers, booleans and `None` with the Rust field names.

use kam_core::Error;
use kam_core::error::InputError;
use kam_core::json::{Document, NativeReader, PathSegment, number_out_of_range};
use kam_core::limits::MAX_INPUT_BYTES;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

use crate::errors::IntoPy;

/// Reads a Python argument as `T`: a `str` is parsed as JSON text, a path
/// (`pathlib.Path`) or an open file is read and parsed, anything else is
/// taken as a JSON-like value (dict, list, str, int, float, bool, None;
/// numpy scalars are read as numbers). Text is read as the type reads
/// itself (a programme within its own, larger limits).
pub fn from_py<T: Document>(obj: &Bound<'_, PyAny>) -> PyResult<T> {
    let py = obj.py();
    if let Ok(text) = obj.cast::<PyString>() {
        return T::read_json(&text.to_cow()?).py(py);
    }
    if let Some(text) = file_text(obj)? {
        return T::read_json(&text).py(py);
    }
    let value = json_value(obj).py(py)?;
    kam_core::json::from_value(value).py(py)
}

/// Reads a Python value as JSON, for operations whose input is a JSON string
/// value (a framework id): a `str` is the value itself, not JSON text.
pub fn value_from_py<T: DeserializeOwned>(obj: &Bound<'_, PyAny>) -> PyResult<T> {
    let py = obj.py();
    let value = json_value(obj).py(py)?;
    kam_core::json::from_value(value).py(py)
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
        &InputError::InvalidInput {
            path: String::new(),
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

/// A Python value as JSON, walked by the rules kam-core keeps for every
/// binding (`kam_core::json::NativeReader`: the value-count cap, the cycle
/// rule, the nesting cut-off, the numbers JSON cannot hold).
fn json_value(obj: &Bound<'_, PyAny>) -> Result<Value, Error> {
    Walk(NativeReader::new()).value(obj)
}

/// A walk over a Python value; containers are known by their address.
struct Walk(NativeReader<*mut pyo3::ffi::PyObject>);

impl Walk {
    fn value(&mut self, obj: &Bound<'_, PyAny>) -> Result<Value, Error> {
        self.0.count()?;
        if obj.is_none() {
            return Ok(Value::Null);
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            return Ok(Value::Bool(b.is_true()));
        }
        if let Ok(s) = obj.cast::<PyString>() {
            let s = s.to_cow().map_err(|_| self.type_error(obj))?;
            return Ok(Value::String(s.into_owned()));
        }
        if obj.is_instance_of::<PyInt>() {
            return int_value(obj, self.0.path());
        }
        if let Ok(f) = obj.cast::<PyFloat>() {
            return self.0.number(f.value()).map(Value::Number);
        }
        // Other mappings (`kam.Report`, `OrderedDict` subclasses, …) read as dicts.
        let dict = if let Ok(dict) = obj.cast::<PyDict>() {
            Some(dict.clone())
        } else if let Ok(mapping) = obj.cast::<PyMapping>() {
            let dict = PyDict::new(obj.py());
            dict.update(mapping).map_err(|_| self.type_error(obj))?;
            Some(dict)
        } else {
            None
        };
        if dict.is_none() && !obj.is_instance_of::<PyList>() && !obj.is_instance_of::<PyTuple>() {
            // NumPy and other numeric scalars: integers by `__index__`, reals by `__float__`.
            if let Ok(index) = obj.call_method0("__index__") {
                return int_value(&index, self.0.path());
            }
            if obj.hasattr("__float__").unwrap_or(false)
                && let Ok(f) = obj.extract::<f64>()
            {
                return self.0.number(f).map(Value::Number);
            }
            return Err(self.type_error(obj));
        }
        if !self.0.enter(obj.as_ptr())? {
            return Ok(if dict.is_some() {
                Value::Object(Map::new())
            } else {
                Value::Array(Vec::new())
            });
        }
        let value = match dict {
            Some(dict) => self.object(&dict)?,
            None => self.array(obj)?,
        };
        self.0.leave();
        Ok(value)
    }

    fn object(&mut self, dict: &Bound<'_, PyDict>) -> Result<Value, Error> {
        let mut map = Map::new();
        for (k, v) in dict.iter() {
            let key = k
                .cast::<PyString>()
                .ok()
                .and_then(|k| k.to_cow().ok().map(std::borrow::Cow::into_owned))
                .ok_or_else(|| self.0.key_not_a_string(&k.to_string()))?;
            self.0.key(key.clone());
            let value = self.value(&v)?;
            self.0.pop();
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }

    fn array(&mut self, obj: &Bound<'_, PyAny>) -> Result<Value, Error> {
        let mut items = Vec::new();
        for (i, item) in obj
            .try_iter()
            .map_err(|_| self.type_error(obj))?
            .enumerate()
        {
            let item = item.map_err(|_| self.type_error(obj))?;
            self.0.index(i);
            items.push(self.value(&item)?);
            self.0.pop();
        }
        Ok(Value::Array(items))
    }

    /// A value of a Python type JSON has no equivalent for.
    fn type_error(&self, obj: &Bound<'_, PyAny>) -> Error {
        let name = obj
            .get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string());
        self.0.unsupported(&format!("a Python `{name}`"))
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
