//! The engine: frameworks, scoring of audits, maturity and litmus answers,
//! and the JSON Schemas.

use kam_core::api;
use wasm_bindgen::prelude::*;

use crate::convert::{self, input, options, output, result, string, text};
use crate::{FrameworkArg, MaturityOptionsArg, ScoreOptionsArg, assemble, error, schemas};

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

/// Scores an action-audit assessment against the bundled framework it names.
///
/// `options` may be left out: every option has a default.
#[wasm_bindgen(unchecked_return_type = "AuditReport")]
pub fn score(
    #[wasm_bindgen(unchecked_param_type = "AuditAssessment | string")] assessment: &JsValue,
    options: Option<ScoreOptionsArg>,
) -> Result<JsValue, JsValue> {
    result(api::score(&input(assessment)?, &self::options(options)?))
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

/// Scores an action-audit assessment against a framework file (see
/// `loadFramework`).
#[wasm_bindgen(js_name = scoreWith, unchecked_return_type = "AuditReport")]
pub fn score_with(
    #[wasm_bindgen(unchecked_param_type = "Framework | string")] framework: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "AuditAssessment | string")] assessment: &JsValue,
    options: Option<ScoreOptionsArg>,
) -> Result<JsValue, JsValue> {
    let framework = api::load_framework(&text(framework)?).map_err(|e| error::throw(&e))?;
    result(api::score_with(
        &framework,
        &input(assessment)?,
        &self::options(options)?,
    ))
}

/// Reads a maturity assessment against the bundled model it names.
#[wasm_bindgen(js_name = scoreMaturity, unchecked_return_type = "MaturityReport")]
pub fn score_maturity(
    #[wasm_bindgen(unchecked_param_type = "MaturityAssessment | string")] assessment: &JsValue,
    options: Option<MaturityOptionsArg>,
) -> Result<JsValue, JsValue> {
    result(api::score_maturity(
        &input(assessment)?,
        &self::options(options)?,
    ))
}

/// Reads a maturity assessment against a framework file (see `loadFramework`).
#[wasm_bindgen(js_name = scoreMaturityWith, unchecked_return_type = "MaturityReport")]
pub fn score_maturity_with(
    #[wasm_bindgen(unchecked_param_type = "Framework | string")] framework: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "MaturityAssessment | string")] assessment: &JsValue,
    options: Option<MaturityOptionsArg>,
) -> Result<JsValue, JsValue> {
    let framework = api::load_framework(&text(framework)?).map_err(|e| error::throw(&e))?;
    result(api::score_maturity_with(
        &framework,
        &input(assessment)?,
        &self::options(options)?,
    ))
}

/// Judges litmus answers against the bundled framework they name.
#[wasm_bindgen(js_name = scoreLitmus, unchecked_return_type = "LitmusReport")]
pub fn score_litmus(
    #[wasm_bindgen(unchecked_param_type = "LitmusAnswers | string")] answers: &JsValue,
) -> Result<JsValue, JsValue> {
    result(api::score_litmus(&input(answers)?))
}

/// Judges litmus answers against a framework file (see `loadFramework`).
#[wasm_bindgen(js_name = scoreLitmusWith, unchecked_return_type = "LitmusReport")]
pub fn score_litmus_with(
    #[wasm_bindgen(unchecked_param_type = "Framework | string")] framework: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "LitmusAnswers | string")] answers: &JsValue,
) -> Result<JsValue, JsValue> {
    let framework = api::load_framework(&text(framework)?).map_err(|e| error::throw(&e))?;
    result(api::score_litmus_with(&framework, &input(answers)?))
}

/// The framework `itemIds()` and Python's `item_ids()` use when none is given.
const DEFAULT_FRAMEWORK: &str = "cranfield-kam-development";

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
        _ => api::framework(DEFAULT_FRAMEWORK),
    }
    .map_err(|e| error::throw(&e))?;
    let audit = framework.as_audit().map_err(|e| error::throw(&e.into()))?;
    output(&kam_core::batch::item_ids(audit))
}

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
            kam_core::error::InputError::UnknownSchema {
                name,
                known: schemas::KNOWN.to_owned(),
            },
        ))),
    }
}

/// The names `schema()` accepts.
#[wasm_bindgen(js_name = schemaNames, unchecked_return_type = "SchemaName[]")]
pub fn schema_names() -> Result<JsValue, JsValue> {
    output(api::SCHEMA_NAMES)
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
