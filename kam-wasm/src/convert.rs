//! Values between JavaScript and kam-core.
//!
//! An input given as an object is written out with `JSON.stringify` and read
//! by kam-core's parser, exactly as text is (and as the Rust vector runner
//! does), so every error message is the one Rust and Python give. One parser
//! path instead of two (text and `serde_json::Value`) keeps the module small:
//! see the WebAssembly section of docs/performance.md. Results are written by
//! `serde_json` and read by `JSON.parse`, so they are plain objects, arrays and
//! `null`, with every number exactly as kam-core computed it.

// The analyses module uses only some of these.
#![cfg_attr(not(feature = "engine"), allow(dead_code))]

use kam_core::Error;
use kam_core::error::InputError;
use kam_core::json::{PathSegment, from_json, json_path, non_finite_number};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::throw;

/// Reads a kam input given as an object or as JSON text.
pub fn input<T: DeserializeOwned>(value: &JsValue) -> Result<T, JsValue> {
    from_json(&text(value)?).map_err(|e| throw(&e))
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
/// (NaN and the infinities come out so) or it throws (on a `BigInt`), which
/// keeps the walk off the common path; other values JSON cannot hold
/// (`undefined`, functions, symbols, cycles) are reported as `invalid-json`
/// at the top.
fn stringify(value: &JsValue) -> Result<String, JsValue> {
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string());
    // A byte scan: `str::contains` would bring a substring searcher into the module.
    let has_null = |text: &str| text.as_bytes().windows(4).any(|w| w == b"null");
    if text.as_deref().is_none_or(has_null) {
        let mut left = MAX_VALUES;
        check_numbers(value, &mut Vec::new(), None, &mut left).map_err(|e| throw(&e))?;
    }
    text.ok_or_else(|| {
        throw(&Error::from(InputError::InvalidJson {
            path: ".".to_owned(),
            message:
                "not a value JSON can hold (undefined, a function, a symbol, a BigInt or a cycle)"
                    .to_owned(),
        }))
    })
}

/// The most values [`check_numbers`] looks at: as many as the largest text
/// kam-core reads (`MAX_INPUT_BYTES`) can hold, as every value takes a byte
/// and every value in an array or object one more (a comma, or the closing
/// bracket). So every number of a text the core would read is checked (bar
/// millions of values `JSON.stringify` leaves out, such as `undefined`
/// properties), and the walk ends within some 4 million steps (about 2 s in
/// Node) whatever the value: objects shared within one another (`b = [a, a]`,
/// `c = [b, b]`, …), written out again at every reference, would otherwise
/// take time exponential in their depth. Their text is too large for the
/// core, which refuses it, if `JSON.stringify` has not given up already.
const MAX_VALUES: usize = kam_core::limits::MAX_INPUT_BYTES / 2;

/// Finds the numbers `JSON.stringify` would write as `null` (NaN, the
/// infinities: an optional field would silently read as absent) or cannot
/// write (a `BigInt`), and reports the first with its path: kam-core's error
/// for NaN and the infinities, the one Python gives. `-0` is left alone:
/// JavaScript has one number type, and `JSON.stringify` writes it `0`.
/// `within` are the objects being walked, `left` how many more values may be
/// looked at (see [`MAX_VALUES`]).
fn check_numbers(
    value: &JsValue,
    path: &mut Vec<PathSegment>,
    within: Option<&Within>,
    left: &mut usize,
) -> Result<(), Error> {
    if *left == 0 {
        return Ok(());
    }
    *left -= 1;
    if let Some(number) = value.as_f64() {
        return if number.is_finite() {
            Ok(())
        } else {
            Err(non_finite_number(path, number))
        };
    }
    if value.is_bigint() {
        return Err(InputError::InvalidJson {
            path: json_path(path),
            message: "a `BigInt` has no JSON equivalent".to_owned(),
        }
        .into());
    }
    // Past the core's nesting limit only the shape matters: the core rejects
    // it. An object met again inside itself (a cycle, which `JSON.stringify`
    // refuses, or a parent link hidden by a `toJSON`) is checked where it
    // was met first.
    if path.len() > kam_core::limits::MAX_DEPTH + 1 || !value.is_object() {
        return Ok(());
    }
    let mut outer = within;
    while let Some(Within(object, up)) = outer {
        if *object == value {
            return Ok(());
        }
        outer = *up;
    }
    let within = Some(&Within(value, within));
    if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        for (index, item) in array.iter().enumerate() {
            path.push(PathSegment::Index(index));
            check_numbers(&item, path, within, left)?;
            path.pop();
        }
    } else {
        for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            path.push(PathSegment::Key(
                entry.get(0).as_string().unwrap_or_default(),
            ));
            check_numbers(&entry.get(1), path, within, left)?;
            path.pop();
        }
    }
    Ok(())
}

/// An object being walked by [`check_numbers`], and the one it is in.
struct Within<'a>(&'a JsValue, Option<&'a Within<'a>>);

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
