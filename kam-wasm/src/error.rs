//! kam-core errors as JavaScript `Error`s carrying the machine-readable kind.

use wasm_bindgen::{JsCast, JsValue};

/// An `Error` whose `message` is kam-core's message, whose `name` is
/// `KamError`, whose `kind` is [`kam_core::Error::kind`], whose `path` is
/// where in the input (a JSON Pointer, or `null`) and whose `category` is
/// whose fault it is (`input`, or `framework-file`).
pub fn throw(error: &kam_core::Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    js.set_name("KamError");
    let path = error.path().map_or(JsValue::NULL, JsValue::from);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&js, &"kind".into(), &error.kind().as_str().into());
    let _ = js_sys::Reflect::set(&js, &"path".into(), &path);
    let _ = js_sys::Reflect::set(&js, &"category".into(), &error.category().as_str().into());
    js.unchecked_into()
}
