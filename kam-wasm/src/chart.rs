//! The SVG charts and the reports of kam-core, as strings.

use kam_core::{AuditReport, MaturityReport, chart, render};
use wasm_bindgen::prelude::*;

use crate::convert::{input, text_of};

text_of! {
    /// Figure 3 of the Cranfield paper as SVG: progress period by period
    /// against the completion threshold, from a report of `score()`.
    "figure3" figure3(report: AuditReport = "AuditReport | string") => chart::figure3
}

text_of! {
    /// Figure 4 of the Cranfield paper as SVG: where the overall score places
    /// the organisation on the development path, from a report of `score()`.
    "figure4" figure4(report: AuditReport = "AuditReport | string") => chart::figure4
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
            render::audit_html_with_evidence(&report, &assessment.evidence)
        }
        _ => render::audit_html(&report),
    })
}

text_of! {
    /// The audit report as an HTML fragment to place in a page of your own:
    /// one `<div class="kam-report">` whose stylesheet is scoped to it, so it
    /// restyles nothing around it.
    "auditHtmlFragment" audit_html_fragment(report: AuditReport = "AuditReport | string")
        => render::audit_html_fragment
}

text_of! {
    /// The audit report as Markdown.
    "auditMarkdown" audit_markdown(report: AuditReport = "AuditReport | string") => render::audit_markdown
}

text_of! {
    /// The maturity report as a self-contained HTML page (the radar included).
    "maturityHtml" maturity_html(report: MaturityReport = "MaturityReport | string")
        => render::maturity_html
}

text_of! {
    /// The maturity report as an HTML fragment to place in a page of your
    /// own, its stylesheet scoped to it.
    "maturityHtmlFragment" maturity_html_fragment(report: MaturityReport = "MaturityReport | string")
        => render::maturity_html_fragment
}

text_of! {
    /// The maturity report as Markdown.
    "maturityMarkdown" maturity_markdown(report: MaturityReport = "MaturityReport | string")
        => render::maturity_markdown
}
