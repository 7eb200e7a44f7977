//! The core's renderers: SVG charts (`kam_core::chart`) and Markdown/HTML
//! reports (`kam_core::report`), each taking a result dict as the scoring
//! and analysis functions return it.

use kam_core::analysis::{AuditComparison, PortfolioReport};
use kam_core::{AuditReport, ChecklistReport, MaturityReport, chart, report};
use pyo3::prelude::*;

use crate::convert::from_py;

/// A renderer of one result type to text.
macro_rules! render {
    ($(#[$doc:meta])* $py_name:literal, $fn_name:ident, $input:ty, $render:path) => {
        $(#[$doc])*
        #[pyfunction(name = $py_name)]
        fn $fn_name(result: &Bound<'_, PyAny>) -> PyResult<String> {
            let result: $input = from_py(result)?;
            Ok($render(&result))
        }
    };
}

render!(
    /// Figure 3 of an audit report as SVG: progress period by period.
    "chart_figure3", chart_figure3, AuditReport, chart::figure3
);
render!(
    /// Figure 4 of an audit report as SVG: the position on the development path.
    "chart_figure4", chart_figure4, AuditReport, chart::figure4
);
render!(
    /// A portfolio report's matrix as SVG.
    "chart_portfolio_matrix", chart_portfolio_matrix, PortfolioReport, chart::portfolio_matrix
);
render!(
    /// A comparison's progress chart as SVG.
    "chart_progress", chart_progress, AuditComparison, chart::progress
);
render!(
    /// An audit report as Markdown.
    "report_audit_markdown", report_audit_markdown, AuditReport, report::audit_markdown
);
render!(
    /// An audit report as a standalone HTML fragment.
    "report_audit_html", report_audit_html, AuditReport, report::audit_html
);
render!(
    /// A comparison as Markdown.
    "report_comparison_markdown", report_comparison_markdown, AuditComparison,
    report::comparison_markdown
);
render!(
    /// A comparison as a standalone HTML fragment.
    "report_comparison_html", report_comparison_html, AuditComparison, report::comparison_html
);

render!(
    /// A checklist report's completion chart as SVG.
    "chart_checklist", chart_checklist, ChecklistReport, chart::checklist
);
render!(
    /// A checklist report as Markdown.
    "report_checklist_markdown", report_checklist_markdown, ChecklistReport,
    report::checklist_markdown
);
render!(
    /// A checklist report as a standalone HTML page.
    "report_checklist_html", report_checklist_html, ChecklistReport, report::checklist_html
);

/// A maturity report's radar chart as SVG, with an optional target report
/// drawn over it.
#[pyfunction]
#[pyo3(signature = (current, target=None))]
fn chart_maturity_radar(
    current: &Bound<'_, PyAny>,
    target: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let current: MaturityReport = from_py(current)?;
    let target: Option<MaturityReport> =
        target.filter(|t| !t.is_none()).map(from_py).transpose()?;
    Ok(chart::maturity_radar(&current, target.as_ref()))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(chart_figure3, m)?)?;
    m.add_function(wrap_pyfunction!(chart_figure4, m)?)?;
    m.add_function(wrap_pyfunction!(chart_portfolio_matrix, m)?)?;
    m.add_function(wrap_pyfunction!(chart_progress, m)?)?;
    m.add_function(wrap_pyfunction!(chart_maturity_radar, m)?)?;
    m.add_function(wrap_pyfunction!(report_audit_markdown, m)?)?;
    m.add_function(wrap_pyfunction!(report_audit_html, m)?)?;
    m.add_function(wrap_pyfunction!(report_comparison_markdown, m)?)?;
    m.add_function(wrap_pyfunction!(report_comparison_html, m)?)?;
    m.add_function(wrap_pyfunction!(chart_checklist, m)?)?;
    m.add_function(wrap_pyfunction!(report_checklist_markdown, m)?)?;
    m.add_function(wrap_pyfunction!(report_checklist_html, m)?)?;
    Ok(())
}
