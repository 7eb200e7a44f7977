//! Spreadsheets: Excel templates, imports and exports and CSV, each a thin
//! call into `kam_core::spreadsheet`: the `kam/spreadsheet` module, loaded
//! only by pages that use it. Workbooks go in and come out as `Uint8Array`s.

use kam_core::programme::{Programme, ProgrammeReport};
use kam_core::spreadsheet::{self, CsvOptions, ExportInput, recipe::Recipe};
use kam_core::{Framework, ScoreOptions, api};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::convert::{input, options, result, text};
use crate::error::throw;

#[wasm_bindgen]
extern "C" {
    /// A bundled framework's id, or a framework file (object or JSON text
    /// starting with `{`).
    #[wasm_bindgen(typescript_type = "string | Framework")]
    pub type FrameworkChoice;
    /// CSV options (TypeScript `CsvOptions`).
    #[wasm_bindgen(typescript_type = "CsvOptions")]
    pub type CsvOptionsArg;
}

/// A framework argument: a string that is not JSON text is a bundled id,
/// anything else a framework file, parsed and validated.
enum Chosen {
    Bundled(&'static Framework),
    File(Box<Framework>),
}

impl Chosen {
    fn get(&self) -> &Framework {
        match self {
            Chosen::Bundled(f) => f,
            Chosen::File(f) => f,
        }
    }
}

fn chosen(value: &JsValue) -> Result<Chosen, JsValue> {
    match value.as_string() {
        Some(id) if !id.trim_start().starts_with('{') => api::framework(&id)
            .map(Chosen::Bundled)
            .map_err(|e| throw(&e)),
        _ => api::load_framework(&text(value)?)
            .map(|f| Chosen::File(Box::new(f)))
            .map_err(|e| throw(&e)),
    }
}

fn optional(value: Option<FrameworkChoice>) -> Result<Option<Chosen>, JsValue> {
    match value.map(JsValue::from) {
        Some(v) if !v.is_undefined() && !v.is_null() => chosen(&v).map(Some),
        _ => Ok(None),
    }
}

/// The bytes of a `Uint8Array` (Node's `Buffer` is one) or an `ArrayBuffer`.
fn bytes(value: &JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(array) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(array.to_vec());
    }
    if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(buffer).to_vec());
    }
    Err(js_sys::TypeError::new("a workbook is a Uint8Array or an ArrayBuffer").into())
}

/// An empty Excel template of a framework (a bundled id or a framework
/// file) for an assessor to fill in: the bytes of an `.xlsx`.
#[wasm_bindgen(js_name = xlsxTemplate)]
pub fn xlsx_template(framework: FrameworkChoice) -> Result<js_sys::Uint8Array, JsValue> {
    let framework = chosen(&framework.into())?;
    let bytes = spreadsheet::template(framework.get()).map_err(|e| throw(&e))?;
    Ok(bytes.as_slice().into())
}

/// Reads one filled workbook or an array of them into assessments, one
/// object each (`type` `action-audit` or `maturity-model`). Throws a
/// `KamError` naming the cell, e.g. `` `Audit!F17` ``, and in an array the
/// workbook (`workbook 2`).
#[wasm_bindgen(js_name = readXlsx, unchecked_return_type = "SpreadsheetAssessment[]")]
pub fn read_xlsx(
    #[wasm_bindgen(
        unchecked_param_type = "Uint8Array | ArrayBuffer | (Uint8Array | ArrayBuffer)[]"
    )]
    data: &JsValue,
    framework: Option<FrameworkChoice>,
) -> Result<JsValue, JsValue> {
    let framework = optional(framework)?;
    let framework = framework.as_ref().map(Chosen::get);
    let Some(array) = data.dyn_ref::<js_sys::Array>() else {
        let bytes = bytes(data)?;
        return result(
            match framework {
                Some(f) => spreadsheet::read_xlsx_with(f, &bytes),
                None => spreadsheet::read_xlsx(&bytes),
            }
            .map(|a| vec![a]),
        );
    };
    let files = array
        .iter()
        .map(|v| bytes(&v))
        .collect::<Result<Vec<_>, _>>()?;
    let names: Vec<String> = (1..=files.len()).map(|i| format!("workbook {i}")).collect();
    let pairs = names
        .iter()
        .map(String::as_str)
        .zip(files.iter().map(Vec::as_slice));
    result(match framework {
        Some(f) => spreadsheet::read_xlsx_files_with(f, pairs),
        None => spreadsheet::read_xlsx_files(pairs),
    })
}

/// Exports as an Excel workbook: `{type: "audit", assessment, litmus}` (with
/// its report and Figure 3 as a chart), `{type: "maturity", assessment}`, a
/// comparison or an aggregation. An audit's export reads back with `readXlsx`.
#[wasm_bindgen(js_name = toXlsx)]
pub fn to_xlsx(
    #[wasm_bindgen(unchecked_param_type = "ExportInput | string")] data: &JsValue,
    options: Option<crate::ScoreOptionsArg>,
    framework: Option<FrameworkChoice>,
) -> Result<js_sys::Uint8Array, JsValue> {
    let export: ExportInput = input(data)?;
    let options: ScoreOptions = self::options(options)?;
    let bytes = match optional(framework)? {
        Some(f) => spreadsheet::to_xlsx_with(f.get(), &export, &options),
        None => spreadsheet::to_xlsx(&export, &options),
    }
    .map_err(|e| throw(&e))?;
    Ok(bytes.as_slice().into())
}

/// Reads action-audit assessments from CSV (text or bytes), long or wide,
/// told apart by the header. Errors name the row and column.
#[wasm_bindgen(js_name = readCsv, unchecked_return_type = "AuditAssessment[]")]
pub fn read_csv(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] data: &JsValue,
    framework: Option<FrameworkChoice>,
) -> Result<JsValue, JsValue> {
    let data = match data.as_string() {
        Some(text) => text.into_bytes(),
        None => bytes(data)?,
    };
    result(match optional(framework)? {
        Some(f) => spreadsheet::read_csv_with(f.get(), &data),
        None => spreadsheet::read_csv(&data),
    })
}

/// Writes action-audit assessments as CSV text (`options`: `layout`,
/// `delimiter`, `bom`).
#[wasm_bindgen(js_name = toCsv)]
pub fn to_csv(
    #[wasm_bindgen(unchecked_param_type = "AuditAssessment[] | string")] assessments: &JsValue,
    options: Option<CsvOptionsArg>,
    framework: Option<FrameworkChoice>,
) -> Result<String, JsValue> {
    let assessments: Vec<kam_core::AuditAssessment> = input(assessments)?;
    let options: CsvOptions = self::options(options)?;
    match optional(framework)? {
        Some(f) => spreadsheet::to_csv_with(f.get(), &assessments, &options),
        None => spreadsheet::to_csv(&assessments, &options),
    }
    .map_err(|e| throw(&e))
}

/// Builds the workbook a golden-vector recipe describes
/// (tests/vectors/README.md), for tests that replay kam's bad workbooks.
#[wasm_bindgen(js_name = xlsxFromRecipe)]
pub fn xlsx_from_recipe(
    #[wasm_bindgen(unchecked_param_type = "Recipe | string")] recipe: &JsValue,
    framework: Option<FrameworkChoice>,
) -> Result<js_sys::Uint8Array, JsValue> {
    let recipe: Recipe = input(recipe)?;
    let framework = optional(framework)?;
    let bytes = spreadsheet::recipe::build(&recipe, framework.as_ref().map(Chosen::get))
        .map_err(|e| throw(&e))?;
    Ok(bytes.as_slice().into())
}

#[wasm_bindgen(typescript_custom_section)]
const PROGRAMME_FILE_TYPE: &str = r#"
/** A file for `assembleProgramme`: its name (which errors quote) and its bytes. */
export interface ProgrammeFile {
  name: string;
  bytes: Uint8Array | ArrayBuffer;
}
"#;

/// One `{name, bytes}` of `assembleProgramme`'s files.
fn programme_file(value: &JsValue) -> Result<(String, Vec<u8>), JsValue> {
    let field = |name: &str| js_sys::Reflect::get(value, &name.into());
    let name = field("name")
        .ok()
        .and_then(|n| n.as_string())
        .ok_or_else(|| {
            js_sys::TypeError::new("a programme file is `{name, bytes}` with `name` a string")
        })?;
    Ok((name, bytes(&field("bytes")?)?))
}

/// A programme with the assessments of `files` added after its own: saved
/// assessments (JSON, as the calculators save them) and filled workbooks
/// (`.xlsx`), each `{name, bytes}`, filed as their framework makes them;
/// the units they name added when missing (kam-core's
/// `programme_assemble`). Throws a `KamError` naming the file, e.g.
/// ``file `uk-ann.json`: …``, and the cell, row or field at fault.
#[wasm_bindgen(js_name = assembleProgramme, unchecked_return_type = "Programme")]
pub fn assemble_programme(
    #[wasm_bindgen(unchecked_param_type = "Programme | string")] programme: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "ProgrammeFile[]")] files: &js_sys::Array,
) -> Result<JsValue, JsValue> {
    let programme: Programme = input(programme)?;
    let files = files
        .iter()
        .map(|f| programme_file(&f))
        .collect::<Result<Vec<_>, _>>()?;
    result(api::programme_assemble(
        programme,
        files
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.as_slice())),
    ))
}

/// The programme report as an Excel workbook (Summary, Units and
/// Disagreements sheets), from a report of `programmeReport()`: the bytes
/// of an `.xlsx`.
#[wasm_bindgen(js_name = programmeXlsx)]
pub fn programme_xlsx(
    #[wasm_bindgen(unchecked_param_type = "ProgrammeReport | string")] report: &JsValue,
) -> Result<js_sys::Uint8Array, JsValue> {
    let report: ProgrammeReport = input(report)?;
    let bytes = api::programme_xlsx(&report).map_err(|e| throw(&e))?;
    Ok(bytes.as_slice().into())
}
