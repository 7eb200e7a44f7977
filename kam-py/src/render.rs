//! The core's renderers: SVG charts (`kam_core::chart`) and Markdown/HTML
//! reports (`kam_core::render`), each taking a result dict as the scoring
//! and analysis functions return it.

use kam_core::analysis::{AuditComparison, PortfolioReport};
use kam_core::programme::{ProgrammeReport, report as programme};
use kam_core::{AuditReport, ChecklistReport, MaturityReport, chart, render};
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
    "report_audit_markdown", report_audit_markdown, AuditReport, render::audit_markdown
);
render!(
    /// An audit report as a standalone HTML page.
    "report_audit_html", report_audit_html, AuditReport, render::audit_html
);
render!(
    /// An audit report as an HTML fragment to place in another page: one
    /// `<div class="kam-report">` whose stylesheet is scoped to it.
    "report_audit_html_fragment", report_audit_html_fragment, AuditReport,
    render::audit_html_fragment
);
render!(
    /// A maturity report as Markdown.
    "report_maturity_markdown", report_maturity_markdown, MaturityReport,
    render::maturity_markdown
);
render!(
    /// A maturity report as a standalone HTML page.
    "report_maturity_html", report_maturity_html, MaturityReport, render::maturity_html
);
render!(
    /// A maturity report as an HTML fragment to place in another page.
    "report_maturity_html_fragment", report_maturity_html_fragment, MaturityReport,
    render::maturity_html_fragment
);
render!(
    /// A comparison as an HTML fragment to place in another page.
    "report_comparison_html_fragment", report_comparison_html_fragment, AuditComparison,
    render::comparison_html_fragment
);
render!(
    /// A comparison as Markdown.
    "report_comparison_markdown", report_comparison_markdown, AuditComparison,
    render::comparison_markdown
);
render!(
    /// A comparison as a standalone HTML page.
    "report_comparison_html", report_comparison_html, AuditComparison, render::comparison_html
);

render!(
    /// A checklist report's completion chart as SVG.
    "chart_checklist", chart_checklist, ChecklistReport, chart::checklist
);
render!(
    /// A checklist report as Markdown.
    "report_checklist_markdown", report_checklist_markdown, ChecklistReport,
    render::checklist_markdown
);
render!(
    /// A checklist report as a standalone HTML page.
    "report_checklist_html", report_checklist_html, ChecklistReport, render::checklist_html
);

render!(
    /// A checklist report as an HTML fragment to place in another page.
    "report_checklist_html_fragment", report_checklist_html_fragment, ChecklistReport,
    render::checklist_html_fragment
);

render!(
    /// The programme report as an HTML fragment, its styles scoped under
    /// `.kam-programme-report` (for notebooks and pages).
    "report_programme_html_fragment", report_programme_html_fragment, ProgrammeReport,
    programme::programme_html_fragment
);
render!(
    /// The programme report as a self-contained HTML page.
    "report_programme_html", report_programme_html, ProgrammeReport, programme::programme_html
);
render!(
    /// The programme report as Markdown.
    "report_programme_markdown", report_programme_markdown, ProgrammeReport,
    programme::programme_markdown
);
render!(
    /// The programme report's executive summary alone, as Markdown.
    "report_programme_summary_markdown", report_programme_summary_markdown, ProgrammeReport,
    programme::summary_markdown
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
    m.add_function(wrap_pyfunction!(report_audit_html_fragment, m)?)?;
    m.add_function(wrap_pyfunction!(report_comparison_html_fragment, m)?)?;
    m.add_function(wrap_pyfunction!(report_maturity_markdown, m)?)?;
    m.add_function(wrap_pyfunction!(report_maturity_html, m)?)?;
    m.add_function(wrap_pyfunction!(report_maturity_html_fragment, m)?)?;
    m.add_function(wrap_pyfunction!(chart_checklist, m)?)?;
    m.add_function(wrap_pyfunction!(report_checklist_markdown, m)?)?;
    m.add_function(wrap_pyfunction!(report_checklist_html, m)?)?;
    m.add_function(wrap_pyfunction!(report_checklist_html_fragment, m)?)?;
    m.add_function(wrap_pyfunction!(report_programme_html_fragment, m)?)?;
    m.add_function(wrap_pyfunction!(report_programme_html, m)?)?;
    m.add_function(wrap_pyfunction!(report_programme_markdown, m)?)?;
    m.add_function(wrap_pyfunction!(report_programme_summary_markdown, m)?)?;
    Ok(())
}
