//! A result written straight into Python objects: a `serde` serializer
//! that builds the dicts, lists, strings and numbers `json.loads` would
//! make of the result's JSON text, without writing and re-reading the text.
//! Dict keys come in field order, as in the text; keys and short strings
//! are made once per call and shared, as `json.loads` shares its keys (a
//! programme report repeats the same item ids a million times).

use std::collections::HashMap;
use std::fmt;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString};
use serde::ser::{self, Serialize};

/// Strings up to this many bytes are made once per call and shared.
const SHARED_STRING_BYTES: usize = 32;

/// `value` as the Python objects of its JSON: `null` is `None`, a
/// number that is not finite is `None` (as JSON writes it), maps and
/// structs are dicts, sequences and tuples lists.
///
/// Python's cyclic garbage collector is paused meanwhile: making millions
/// of dicts and lists would start it over and over, each pass walking every
/// object made so far (a third of the time for a programme report), and
/// none of these objects can form a cycle.
pub fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let gc = py.import("gc")?;
    let collecting = gc.call_method0("isenabled")?.is_truthy()?;
    if collecting {
        gc.call_method0("disable")?;
    }
    let mut strings = HashMap::new();
    let built = value
        .serialize(Objects {
            py,
            strings: &mut strings,
        })
        .map_err(|e| e.0);
    if collecting {
        gc.call_method0("enable")?;
    }
    built
}

/// The strings made so far, by their text.
type Strings<'py> = HashMap<Box<str>, Bound<'py, PyString>>;

/// The serializer: one per value written, all sharing the call's strings.
struct Objects<'s, 'py> {
    py: Python<'py>,
    strings: &'s mut Strings<'py>,
}

impl<'py> Objects<'_, 'py> {
    fn string(&mut self, text: &str) -> Bound<'py, PyAny> {
        if text.len() > SHARED_STRING_BYTES {
            return PyString::new(self.py, text).into_any();
        }
        if let Some(s) = self.strings.get(text) {
            return s.clone().into_any();
        }
        let s = PyString::new(self.py, text);
        self.strings.insert(text.into(), s.clone());
        s.into_any()
    }

    fn child(&mut self) -> Objects<'_, 'py> {
        Objects {
            py: self.py,
            strings: self.strings,
        }
    }
}

/// A Python exception met while building, or a value JSON cannot hold.
#[derive(Debug)]
pub struct Failed(PyErr);

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Failed {}

impl ser::Error for Failed {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Failed(PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for Failed {
    fn from(e: PyErr) -> Self {
        Failed(e)
    }
}

type Done<'py> = Result<Bound<'py, PyAny>, Failed>;

/// Integers become Python `int`s, exactly.
macro_rules! integers {
    ($($method:ident: $type:ty),*) => {$(
        fn $method(self, v: $type) -> Done<'py> {
            let Ok(n) = v.into_pyobject(self.py);
            Ok(n.into_any())
        }
    )*};
}

impl<'s, 'py> ser::Serializer for Objects<'s, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Failed;
    type SerializeSeq = List<'s, 'py>;
    type SerializeTuple = List<'s, 'py>;
    type SerializeTupleStruct = List<'s, 'py>;
    type SerializeTupleVariant = List<'s, 'py>;
    type SerializeMap = Dict<'s, 'py>;
    type SerializeStruct = Dict<'s, 'py>;
    type SerializeStructVariant = Dict<'s, 'py>;

    fn serialize_bool(self, v: bool) -> Done<'py> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    integers!(
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64
    );
    fn serialize_f32(self, v: f32) -> Done<'py> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Done<'py> {
        if v.is_finite() {
            Ok(PyFloat::new(self.py, v).into_any())
        } else {
            self.serialize_unit()
        }
    }
    fn serialize_char(mut self, v: char) -> Done<'py> {
        Ok(self.string(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(mut self, v: &str) -> Done<'py> {
        Ok(self.string(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Done<'py> {
        Ok(PyList::new(self.py, v)?.into_any())
    }
    fn serialize_none(self) -> Done<'py> {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Done<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done<'py> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Done<'py> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Done<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Done<'py> {
        let dict = PyDict::new(self.py);
        let key = self.string(variant);
        dict.set_item(key, value.serialize(self.child())?)?;
        Ok(dict.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<List<'s, 'py>, Failed> {
        Ok(List {
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
            to: self,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<List<'s, 'py>, Failed> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<List<'s, 'py>, Failed> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<List<'s, 'py>, Failed> {
        let mut list = self.serialize_seq(Some(len))?;
        list.variant = Some(variant);
        Ok(list)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Dict<'s, 'py>, Failed> {
        Ok(Dict {
            entries: PyDict::new(self.py),
            key: None,
            variant: None,
            to: self,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Dict<'s, 'py>, Failed> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Dict<'s, 'py>, Failed> {
        let mut dict = self.serialize_map(Some(len))?;
        dict.variant = Some(variant);
        Ok(dict)
    }
}

/// A list being filled; a variant's name when it is a tuple variant's.
pub struct List<'s, 'py> {
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
    to: Objects<'s, 'py>,
}

impl<'py> List<'_, 'py> {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Failed> {
        let item = value.serialize(self.to.child())?;
        self.items.push(item);
        Ok(())
    }

    fn finish(self) -> Done<'py> {
        let list = PyList::new(self.to.py, self.items)?.into_any();
        variant(self.to.py, self.variant, list)
    }
}

/// The three ways serde fills a list, all the same here.
macro_rules! list_impl {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<'py> ser::$trait for List<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = Failed;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Failed> {
                self.push(value)
            }
            fn end(self) -> Done<'py> {
                self.finish()
            }
        }
    )*};
}

list_impl!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// A dict being filled; `key` is the key whose value comes next; a
/// variant's name when it is a struct variant's.
pub struct Dict<'s, 'py> {
    entries: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
    to: Objects<'s, 'py>,
}

/// A variant's data as JSON writes it, `{"variant": data}`; plain data
/// without a variant.
fn variant<'py>(
    py: Python<'py>,
    variant: Option<&'static str>,
    data: Bound<'py, PyAny>,
) -> Done<'py> {
    let Some(name) = variant else {
        return Ok(data);
    };
    let dict = PyDict::new(py);
    dict.set_item(name, data)?;
    Ok(dict.into_any())
}

impl<'py> Dict<'_, 'py> {
    fn finish(self) -> Done<'py> {
        variant(self.to.py, self.variant, self.entries.into_any())
    }

    fn field<T: ?Sized + Serialize>(&mut self, key: &str, value: &T) -> Result<(), Failed> {
        let key = self.to.string(key);
        let value = value.serialize(self.to.child())?;
        self.entries.set_item(key, value)?;
        Ok(())
    }
}

impl<'py> ser::SerializeMap for Dict<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Failed;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Failed> {
        // JSON keys are strings: numbers and booleans are written as text.
        let key = key.serialize(self.to.child())?;
        let key = if key.is_instance_of::<PyString>() {
            key
        } else if key.is_instance_of::<PyBool>() {
            let text = if key.is_truthy()? { "true" } else { "false" };
            self.to.string(text)
        } else if key.is_instance_of::<pyo3::types::PyInt>() {
            key.str()?.into_any()
        } else {
            return Err(ser::Error::custom("a key that is not a string"));
        };
        self.key = Some(key);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Failed> {
        let value = value.serialize(self.to.child())?;
        match self.key.take() {
            Some(key) => self.entries.set_item(key, value)?,
            None => return Err(ser::Error::custom("a value without a key")),
        }
        Ok(())
    }
    fn end(self) -> Done<'py> {
        self.finish()
    }
}

/// A struct and a struct variant fill a dict alike.
macro_rules! struct_impl {
    ($($trait:ident),*) => {$(
        impl<'py> ser::$trait for Dict<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = Failed;
            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Failed> {
                self.field(key, value)
            }
            fn end(self) -> Done<'py> {
                self.finish()
            }
        }
    )*};
}

struct_impl!(SerializeStruct, SerializeStructVariant);
