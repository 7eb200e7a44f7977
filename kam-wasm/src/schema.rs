//! The JSON Schemas of every input and output, in the `kam/analysis`
//! module: tools need them, the calculators do not, and the engine module
//! stays under its size budget without them (they weigh some 19 KB
//! gzipped).

use kam_core::api;
use wasm_bindgen::prelude::*;

use crate::convert::{self, output, string};
use crate::{assemble, error, schemas};

/// The JSON Schema of a public input or output type, by name (see
/// `schemaNames()`).
///
/// Throws `unknown-schema`, listing the names.
#[wasm_bindgen(unchecked_return_type = "object")]
pub fn schema(
    #[wasm_bindgen(unchecked_param_type = "SchemaName")] name: &JsValue,
) -> Result<JsValue, JsValue> {
    let name = string(name)?;
    match schemas::SCHEMAS.iter().find(|(n, _, _)| *n == name) {
        Some((_, used, rest)) => convert::parse(&assemble::assemble(schemas::DEFS, used, rest)),
        None => Err(error::throw(&kam_core::Error::from(
            kam_core::error::InputError::unknown_schema(&name, api::schema_names()),
        ))),
    }
}

/// The names `schema()` accepts.
#[wasm_bindgen(js_name = schemaNames, unchecked_return_type = "SchemaName[]")]
pub fn schema_names() -> Result<JsValue, JsValue> {
    output(api::schema_names())
}
