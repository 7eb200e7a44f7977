//! The report of a maturity assessment: the programme's stage and the
//! milestone to level up (in kam-core's words), the radar chart, and each
//! area's stage, descriptor and next stage.

use super::doc::{Block, Doc, Table, text};
use super::{html, markdown};
use crate::chart;
use crate::maturity::MaturityReport;
use crate::words::{MaturityWords, titled};

/// The maturity report as Markdown: the same sections as [`maturity_html`],
/// with the chart given as its caption and its words.
///
/// ```
/// let model = kam_core::framework::builtin_maturity("kam-maturity-model")?;
/// let mut assessment = kam_core::MaturityAssessment::new(model);
/// assessment.stages.insert("process".into(), 3);
/// let report = kam_core::api::score_maturity(&assessment, &Default::default())?;
/// let markdown = kam_core::render::maturity_markdown(&report);
/// assert!(markdown.contains("| Process | 3 Repeatable |"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn maturity_markdown(report: &MaturityReport) -> String {
    markdown::render(&maturity_doc(report))
}

/// The maturity report as one self-contained HTML page: the key figures,
/// the radar chart inline and the table of areas.
///
/// ```
/// let model = kam_core::framework::builtin_maturity("kam-maturity-model")?;
/// let report = kam_core::api::score_maturity(&kam_core::MaturityAssessment::new(model), &Default::default())?;
/// assert!(kam_core::render::maturity_html(&report).starts_with("<!DOCTYPE html>"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn maturity_html(report: &MaturityReport) -> String {
    html::render(&maturity_doc(report))
}

/// The maturity report as an HTML fragment to place in another page, its
/// stylesheet scoped to it (see [`super::audit_html_fragment`]).
///
/// ```
/// let model = kam_core::framework::builtin_maturity("kam-maturity-model")?;
/// let report = kam_core::api::score_maturity(&kam_core::MaturityAssessment::new(model), &Default::default())?;
/// assert!(kam_core::render::maturity_html_fragment(&report).contains("<svg"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn maturity_html_fragment(report: &MaturityReport) -> String {
    html::fragment(&maturity_doc(report))
}

fn maturity_doc(report: &MaturityReport) -> Doc {
    let words = MaturityWords::of(report);
    let mut doc = Doc {
        title: titled("KAM maturity report", &report.context),
        subtitle: vec![format!(
            "{} (version {})",
            report.framework.name, report.framework.version
        )],
        blocks: Vec::new(),
    };
    doc.blocks.push(Block::Figures(
        [
            &words.stage,
            &words.mean,
            &words.milestone,
            &words.unassessed,
        ]
        .into_iter()
        .map(|r| (r.label.clone(), r.text.clone()))
        .collect(),
    ));
    doc.heading(2, "Stage by programme area");
    doc.blocks.push(Block::Chart {
        svg: chart::maturity_radar(report, None),
        caption: "The stage reached in each programme area; the programme is only as mature \
                  as its weakest link."
            .to_owned(),
        words: format!("{}.", words.summary),
    });
    let mut table = Table::new(&[
        "Programme area",
        "Stage",
        "What it looks like",
        "Next stage",
    ]);
    for area in &report.areas {
        let next = area.next.as_ref().map_or_else(
            || "top stage reached".to_owned(),
            |n| format!("{} {}: {}", n.stage, n.name, n.descriptor),
        );
        table.row(
            false,
            vec![
                text(area.name.clone()),
                text(format!("{} {}", area.stage.stage, area.stage.name)),
                text(area.descriptor.clone()),
                text(next),
            ],
        );
    }
    doc.table(table);
    doc
}
