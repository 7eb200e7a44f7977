//! The SVG charts and the reports of kam-core, as strings.

use kam_core::{AuditReport, MaturityReport, chart, report};
use wasm_bindgen::prelude::*;

use crate::convert::input;

/// Figure 3 of the Cranfield paper as SVG: progress period by period against
/// the completion threshold, from a report of `score()`.
#[wasm_bindgen]
pub fn figure3(
    #[wasm_bindgen(unchecked_param_type = "AuditReport | string")] report: &JsValue,
) -> Result<String, JsValue> {
    Ok(chart::figure3(&input::<AuditReport>(report)?))
}

/// Figure 4 of the Cranfield paper as SVG: where the overall score places the
/// organisation on the development path, from a report of `score()`.
#[wasm_bindgen]
pub fn figure4(
    #[wasm_bindgen(unchecked_param_type = "AuditReport | string")] report: &JsValue,
) -> Result<String, JsValue> {
    Ok(chart::figure4(&input::<AuditReport>(report)?))
}

/// The maturity radar as SVG: the stage per programme area of a report of
/// `scoreMaturity()`, with a target drawn over it when given.
#[wasm_bindgen(js_name = maturityRadar)]
pub fn maturity_radar(
    #[wasm_bindgen(unchecked_param_type = "MaturityReport | string")] current: &JsValue,
    target: Option<crate::MaturityReportArg>,
) -> Result<String, JsValue> {
    let target: Option<MaturityReport> = match target.map(JsValue::from) {
        Some(target) if !target.is_undefined() && !target.is_null() => Some(input(&target)?),
        _ => None,
    };
    Ok(chart::maturity_radar(
        &input::<MaturityReport>(current)?,
        target.as_ref(),
    ))
}

/// The audit report as a self-contained HTML page (charts included), ready to
/// save or print; given the assessment it scores, the page ends with its
/// evidence notes, item by item.
#[wasm_bindgen(js_name = auditHtml)]
pub fn audit_html(
    #[wasm_bindgen(unchecked_param_type = "AuditReport | string")] report: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "AuditAssessment | string")] assessment: Option<
        js_sys::Object,
    >,
) -> Result<String, JsValue> {
    let report = input::<AuditReport>(report)?;
    Ok(match assessment.map(JsValue::from) {
        Some(value) if !value.is_undefined() && !value.is_null() => {
            let assessment: kam_core::AuditAssessment = input(&value)?;
            report::audit_html_with_evidence(&report, &assessment.evidence)
        }
        _ => report::audit_html(&report),
    })
}

/// The readings of an audit report in words (overall score, position,
/// current period, and how Figures 3 and 4 are read): kam-core's sentences,
/// for a page to show beside its figures.
#[wasm_bindgen(js_name = auditWords, unchecked_return_type = "AuditWords")]
pub fn audit_words(
    #[wasm_bindgen(unchecked_param_type = "AuditReport | string")] report: &JsValue,
) -> Result<JsValue, JsValue> {
    crate::convert::output(&report::audit_words(&input::<AuditReport>(report)?))
}

/// The audit report as Markdown.
#[wasm_bindgen(js_name = auditMarkdown)]
pub fn audit_markdown(
    #[wasm_bindgen(unchecked_param_type = "AuditReport | string")] report: &JsValue,
) -> Result<String, JsValue> {
    Ok(report::audit_markdown(&input::<AuditReport>(report)?))
}
