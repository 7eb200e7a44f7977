//! The catalogue of the engine module: frameworks, the canonical report
//! text, the item ids, the JSON Schemas and the error kinds. The operations
//! themselves (scoring, …) are expanded from kam-core's table in
//! `operations.rs`.

use kam_core::api;
use wasm_bindgen::prelude::*;

use crate::convert::{output, result, string, text};
use crate::{FrameworkArg, ScoreOptionsArg, error};

/// The bundled frameworks, one line each.
#[wasm_bindgen(unchecked_return_type = "FrameworkSummary[]")]
pub fn frameworks() -> Result<JsValue, JsValue> {
    result(api::frameworks())
}

/// The bundled framework with this id, in full.
///
/// Throws `unknown-framework`, listing the bundled ids.
#[wasm_bindgen(unchecked_return_type = "Framework")]
pub fn framework(
    #[wasm_bindgen(unchecked_param_type = "string")] id: &JsValue,
) -> Result<JsValue, JsValue> {
    result(api::framework(&string(id)?))
}

/// Parses and validates a framework file (an object or JSON text), and
/// returns it; pass it to `scoreWith` and friends.
///
/// Throws `invalid-json` with the path at fault, or a framework error naming the entry.
#[wasm_bindgen(js_name = loadFramework, unchecked_return_type = "Framework")]
pub fn load_framework(
    #[wasm_bindgen(unchecked_param_type = "Framework | string")] file: &JsValue,
) -> Result<JsValue, JsValue> {
    result(api::load_framework(&text(file)?))
}

/// Scores an action-audit assessment against the bundled framework it names
/// and returns the report as JSON text: compact, fields in kam-core's order,
/// the same bytes as Rust's `api::score_json` and Python's `kam.score_json`
/// for the same assessment, so reports can be compared with `===`.
/// `JSON.parse` of it equals what `score` returns.
#[wasm_bindgen(js_name = scoreJson)]
pub fn score_json(
    #[wasm_bindgen(unchecked_param_type = "AuditAssessment | string")] assessment: &JsValue,
    options: Option<ScoreOptionsArg>,
) -> Result<String, JsValue> {
    let options = match options.map(JsValue::from) {
        Some(value) if !value.is_undefined() && !value.is_null() => Some(text(&value)?),
        _ => None,
    };
    api::score_json(&text(assessment)?, options.as_deref()).map_err(|e| error::throw(&e))
}

/// The item ids of an action-audit framework in framework order (the column
/// order of Python's `score_batch`). `framework` is a bundled id or a
/// framework file; the default is `cranfield-kam-development`.
#[wasm_bindgen(js_name = itemIds, unchecked_return_type = "string[]")]
pub fn item_ids(framework: Option<FrameworkArg>) -> Result<JsValue, JsValue> {
    let loaded;
    let framework = match framework.map(JsValue::from) {
        Some(value) if !value.is_undefined() && !value.is_null() => {
            if let Some(id) = value.as_string() {
                api::framework(&id)
            } else {
                loaded = api::load_framework(&text(&value)?).map_err(|e| error::throw(&e))?;
                Ok(&loaded)
            }
        }
        _ => kam_core::framework::default_framework("action-audit"),
    }
    .map_err(|e| error::throw(&e))?;
    let audit = framework.as_audit().map_err(|e| error::throw(&e.into()))?;
    output(&kam_core::batch::item_ids(audit))
}

/// The id of the bundled framework used for a framework type
/// (`"action-audit"`, `"maturity-model"`) when none is named, e.g.
/// `cranfield-kam-development`: the default of the calculators.
///
/// Throws `unknown-framework` for a type without a default.
#[wasm_bindgen(js_name = defaultFramework)]
pub fn default_framework(
    #[wasm_bindgen(unchecked_param_type = "\"action-audit\" | \"maturity-model\"")] kind: &JsValue,
) -> Result<String, JsValue> {
    kam_core::framework::default_framework(&string(kind)?)
        .map(|f| f.id().to_owned())
        .map_err(|e| error::throw(&e))
}

/// Every `kind` a thrown error can have.
#[wasm_bindgen(js_name = errorKinds, unchecked_return_type = "string[]")]
pub fn error_kinds() -> Result<JsValue, JsValue> {
    output(kam_core::Error::KINDS)
}

/// kam-core's named input limits, e.g. `limits().max_string_chars` (the
/// longest evidence note or other text, in characters) and
/// `limits().max_input_bytes` (the largest JSON document, in UTF-8 bytes).
#[wasm_bindgen(unchecked_return_type = "{ [name: string]: number }")]
pub fn limits() -> js_sys::Object {
    let named = js_sys::Object::new();
    for &(name, value) in kam_core::limits::NAMED {
        // Setting a property on a fresh object cannot fail.
        #[allow(clippy::cast_precision_loss)] // every limit is far below 2^53
        let _ = js_sys::Reflect::set(&named, &name.into(), &(value as f64).into());
    }
    named
}
