//! Values between JavaScript and kam-core.
//!
//! An input given as an object is written out with `JSON.stringify` and read
//! by kam-core's parser, exactly as text is (and as the Rust vector runner
//! does), so every error message is the one Rust and Python give. One parser
//! path instead of two (text and `serde_json::Value`) keeps the module small:
//! see the WebAssembly section of docs/performance.md. Results are written by
//! `serde_json` and read by `JSON.parse`, so they are plain objects, arrays and
//! `null`, with every number exactly as kam-core computed it.

// Each module (engine, analysis, spreadsheet) uses only some of these.
#![allow(dead_code)]

use kam_core::Error;
use kam_core::json::{Document, NativeReader, PathSegment, from_json};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::throw;

/// Reads a kam input given as an object or as JSON text, as the type reads
/// itself (a programme within its own, larger limits).
pub fn input<T: Document>(value: &JsValue) -> Result<T, JsValue> {
    T::read_json(&text(value)?).map_err(|e| throw(&e))
}

/// Reads an optional options argument by kam-core's rule
/// (`kam_core::json::read_options`): `undefined` or `null` is none given.
pub fn options<T: Document + Default>(value: Option<impl Into<JsValue>>) -> Result<T, JsValue> {
    let text = optional_text(value.map(Into::into).as_ref())?;
    kam_core::json::read_options(text.as_deref()).map_err(|e| throw(&e))
}

/// The text of an optional argument: `None` for `undefined` or `null`.
pub fn optional_text(value: Option<&JsValue>) -> Result<Option<String>, JsValue> {
    value
        .filter(|value| !value.is_undefined() && !value.is_null())
        .map(text)
        .transpose()
}

/// Reads a plain string argument, such as an id; anything else gets
/// kam-core's message for a value of the wrong type.
pub fn string(value: &JsValue) -> Result<String, JsValue> {
    match value.as_string() {
        Some(text) => Ok(text),
        None => from_json(&stringify(value)?).map_err(|e| throw(&e)),
    }
}

/// JSON text as it is, or an object written out as JSON.
pub fn text(value: &JsValue) -> Result<String, JsValue> {
    match value.as_string() {
        Some(text) => Ok(text),
        None => stringify(value),
    }
}

/// `JSON.stringify`, checked by [`check_numbers`] when its text has a `null`
/// (NaN and the infinities come out so) or it gives none (it throws on a
/// `BigInt` or a cycle), which keeps the walk off the common path. A value
/// it writes nothing for (`undefined`, a function, a symbol) is invalid
/// input at the top.
fn stringify(value: &JsValue) -> Result<String, JsValue> {
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string());
    // A byte scan: `str::contains` would bring a substring searcher into the module.
    let has_null = |text: &str| text.as_bytes().windows(4).any(|w| w == b"null");
    if text.as_deref().is_none_or(has_null) {
        check_numbers(value, &mut NativeReader::new()).map_err(|e| throw(&e))?;
    }
    text.ok_or_else(|| {
        throw(&NativeReader::<JsValue>::new().unsupported("`undefined`, a function or a symbol"))
    })
}

/// Finds the numbers `JSON.stringify` would write as `null` (NaN, the
/// infinities: an optional field would silently read as absent) or cannot
/// write (a `BigInt`), and the cycles it refuses, by the rules kam-core
/// keeps for every binding (`kam_core::json::NativeReader`), so the errors
/// are the ones Python gives. `-0` is left alone: JavaScript has one number
/// type, and `JSON.stringify` writes it `0`.
fn check_numbers(value: &JsValue, reader: &mut NativeReader<JsValue>) -> Result<(), Error> {
    reader.count()?;
    // What `JSON.stringify` writes for an object with a `toJSON` (a `Date`,
    // a class hiding its parent links) is what it returns.
    let written;
    let value = match json_form(value, reader) {
        Some(form) => {
            written = form;
            &written
        }
        None => value,
    };
    if let Some(number) = value.as_f64() {
        return reader.number(number).map(|_| ());
    }
    if value.is_bigint() {
        return Err(reader.unsupported("a `BigInt`"));
    }
    if !value.is_object() || !reader.enter(value.clone())? {
        return Ok(());
    }
    if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        for (index, item) in array.iter().enumerate() {
            reader.index(index);
            check_numbers(&item, reader)?;
            reader.pop();
        }
    } else {
        for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            reader.key(entry.get(0).as_string().unwrap_or_default());
            check_numbers(&entry.get(1), reader)?;
            reader.pop();
        }
    }
    reader.leave();
    Ok(())
}

/// The value an object's `toJSON` returns, called as `JSON.stringify` calls
/// it (with the key or index it is at); `None` without one. One that throws
/// leaves the object as it is (`JSON.stringify` has thrown already).
fn json_form(value: &JsValue, reader: &NativeReader<JsValue>) -> Option<JsValue> {
    if !value.is_object() {
        return None;
    }
    let to_json = js_sys::Reflect::get(value, &"toJSON".into()).ok()?;
    let to_json = to_json.dyn_ref::<js_sys::Function>()?;
    let key = match reader.path().last() {
        Some(PathSegment::Key(key)) => JsValue::from(key.as_str()),
        Some(PathSegment::Index(index)) => JsValue::from(index.to_string()),
        None => JsValue::from(""),
    };
    to_json.call1(value, &key).ok()
}

/// Converts a result to a plain JS value.
pub fn output<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    parse(
        &serde_json::to_string(value)
            .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?,
    )
}

/// `JSON.parse` of text kam-core wrote.
pub fn parse(text: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(text)
}

/// Converts a kam-core result, throwing its error.
pub fn result<T: Serialize>(value: Result<T, Error>) -> Result<JsValue, JsValue> {
    output(&value.map_err(|e| throw(&e))?)
}

/// A JavaScript function writing a result (an object or JSON text) out as
/// text with a kam-core function: a chart as SVG, a report as HTML or
/// Markdown. (Only the engine's and the analyses' modules write text.)
#[cfg(any(feature = "engine", feature = "analysis"))]
macro_rules! text_of {
    ($(#[$doc:meta])* $js:literal $name:ident($arg:ident: $type:ty = $ts:literal) => $write:path) => {
        $(#[$doc])*
        #[wasm_bindgen(js_name = $js)]
        pub fn $name(
            #[wasm_bindgen(unchecked_param_type = $ts)] $arg: &JsValue,
        ) -> Result<String, JsValue> {
            Ok($write(&$crate::convert::input::<$type>($arg)?))
        }
    };
}

#[cfg(any(feature = "engine", feature = "analysis"))]
pub(crate) use text_of;
