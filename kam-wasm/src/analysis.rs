//! The charts and reports of the analyses, in the `kam/analysis` module (the
//! analyses themselves are expanded from kam-core's table in
//! `operations.rs`).

use kam_core::analysis::{AuditComparison, PortfolioReport};
use kam_core::programme::{self, ProgrammeReport};
use kam_core::{ChecklistReport, chart, render};
use wasm_bindgen::prelude::*;

use crate::convert::text_of;

text_of! {
    /// The portfolio matrix as SVG, from a report of `portfolio()`.
    "portfolioMatrix" portfolio_matrix(report: PortfolioReport = "PortfolioReport | string")
        => chart::portfolio_matrix
}

text_of! {
    /// Progress between two audits as SVG, from a result of `compare()`.
    "progress" progress(comparison: AuditComparison = "AuditComparison | string") => chart::progress
}

text_of! {
    /// Two audits compared, as a self-contained HTML page.
    "comparisonHtml" comparison_html(comparison: AuditComparison = "AuditComparison | string")
        => render::comparison_html
}

text_of! {
    /// Two audits compared, as an HTML fragment to place in a page of your
    /// own, its stylesheet scoped to it.
    "comparisonHtmlFragment"
    comparison_html_fragment(comparison: AuditComparison = "AuditComparison | string")
        => render::comparison_html_fragment
}

text_of! {
    /// Two audits compared, as Markdown.
    "comparisonMarkdown" comparison_markdown(comparison: AuditComparison = "AuditComparison | string")
        => render::comparison_markdown
}

// Checklist frameworks (docs/frameworks/): their chart and reports (scoring
// is in the table). They live in this module, loaded on demand, to keep the
// engine module within its size budget (docs/performance.md).

text_of! {
    /// A checklist report's completion chart as SVG: completion by section
    /// and by group, from a report of `scoreChecklist()`.
    "checklistChart" checklist_chart(report: ChecklistReport = "ChecklistReport | string")
        => chart::checklist
}

text_of! {
    /// The checklist report as a self-contained HTML page (chart included).
    "checklistHtml" checklist_html(report: ChecklistReport = "ChecklistReport | string")
        => render::checklist_html
}

text_of! {
    /// The checklist report as Markdown.
    "checklistMarkdown" checklist_markdown(report: ChecklistReport = "ChecklistReport | string")
        => render::checklist_markdown
}

// Programmes (docs/programme.md): the report of `programmeReport()` in words,
// for the `<kam-programme>` page and for pages of your own.

text_of! {
    /// The programme report as an HTML fragment (executive summary, then a
    /// section per unit, charts included), its stylesheet scoped to it, from
    /// a report of `programmeReport()`.
    "programmeHtmlFragment"
    programme_html_fragment(report: ProgrammeReport = "ProgrammeReport | string")
        => programme::report::programme_html_fragment
}

text_of! {
    /// The programme report as a self-contained, printable HTML page.
    "programmeHtml" programme_html(report: ProgrammeReport = "ProgrammeReport | string")
        => programme::report::programme_html
}

text_of! {
    /// The programme report as Markdown.
    "programmeMarkdown" programme_markdown(report: ProgrammeReport = "ProgrammeReport | string")
        => programme::report::programme_markdown
}
