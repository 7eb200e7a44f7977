//! kam-core errors as JavaScript `Error`s carrying the machine-readable kind.

use wasm_bindgen::{JsCast, JsValue};

/// An `Error` whose `message` is kam-core's message, whose `name` is
/// `KamError` and whose `kind` is [`kam_core::Error::kind`].
pub fn throw(error: &kam_core::Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    js.set_name("KamError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&js, &"kind".into(), &error.kind().into());
    js.unchecked_into()
}
