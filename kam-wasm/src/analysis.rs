//! The charts and reports of the analyses, in the `kam/analysis` module (the
//! analyses themselves are expanded from kam-core's table in
//! `operations.rs`).

use kam_core::analysis::{AuditComparison, PortfolioReport};
use kam_core::{chart, render};
use wasm_bindgen::prelude::*;

use crate::convert;

/// The portfolio matrix as SVG, from a report of `portfolio()`.
#[wasm_bindgen(js_name = portfolioMatrix)]
pub fn portfolio_matrix(
    #[wasm_bindgen(unchecked_param_type = "PortfolioReport | string")] report: &JsValue,
) -> Result<String, JsValue> {
    Ok(chart::portfolio_matrix(&convert::input::<PortfolioReport>(
        report,
    )?))
}

/// Progress between two audits as SVG, from a result of `compare()`.
#[wasm_bindgen]
pub fn progress(
    #[wasm_bindgen(unchecked_param_type = "AuditComparison | string")] comparison: &JsValue,
) -> Result<String, JsValue> {
    Ok(chart::progress(&convert::input::<AuditComparison>(
        comparison,
    )?))
}

/// Two audits compared, as a self-contained HTML page.
#[wasm_bindgen(js_name = comparisonHtml)]
pub fn comparison_html(
    #[wasm_bindgen(unchecked_param_type = "AuditComparison | string")] comparison: &JsValue,
) -> Result<String, JsValue> {
    Ok(render::comparison_html(&convert::input::<AuditComparison>(
        comparison,
    )?))
}

/// Two audits compared, as Markdown.
#[wasm_bindgen(js_name = comparisonMarkdown)]
pub fn comparison_markdown(
    #[wasm_bindgen(unchecked_param_type = "AuditComparison | string")] comparison: &JsValue,
) -> Result<String, JsValue> {
    Ok(render::comparison_markdown(&convert::input::<
        AuditComparison,
    >(comparison)?))
}
