//! The report of two audits compared: the overall change, the progress
//! chart, the change by phase and period, the items that moved, and the next
//! actions from the later audit.

use super::audit::{item_table, subtitle};
use super::doc::{Block, Cell, Doc, Table, text};
use super::{html, markdown};
use crate::analysis::{AuditComparison, ItemChange, ScoreChange};
use crate::chart;
use crate::scoring::AuditReport;
use crate::words::{self, pct, period_name, signed, titled};

/// The comparison report as Markdown: the same sections as
/// [`comparison_html`], with the chart given as its caption and words.
///
/// ```
/// # use kam_core::{AuditAssessment, ScoreOptions, analysis::ComparisonInput};
/// # let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
/// # let before = AuditAssessment::new(framework);
/// # let mut after = before.clone();
/// # after.scores.insert("A1.1".into(), 3);
/// let comparison = kam_core::api::compare(&ComparisonInput { before, after }, &ScoreOptions::default())?;
/// let markdown = kam_core::render::comparison_markdown(&comparison);
/// assert!(markdown.contains("## Items that improved (1)"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn comparison_markdown(comparison: &AuditComparison) -> String {
    markdown::render(&comparison_doc(comparison))
}

/// The comparison report as one self-contained HTML page: the overall
/// change, the two-audit progress chart inline, the change by phase and
/// period, the items that improved, regressed or were newly started, and the
/// next actions from the later audit.
///
/// ```
/// # use kam_core::{AuditAssessment, ScoreOptions, analysis::ComparisonInput};
/// # let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
/// # let before = AuditAssessment::new(framework);
/// # let after = before.clone();
/// let comparison = kam_core::api::compare(&ComparisonInput { before, after }, &ScoreOptions::default())?;
/// let html = kam_core::render::comparison_html(&comparison);
/// assert!(html.contains("<svg"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn comparison_html(comparison: &AuditComparison) -> String {
    html::render(&comparison_doc(comparison))
}

/// The comparison report as an HTML fragment to place in another page,
/// its stylesheet scoped to it (see [`super::audit_html_fragment`]).
///
/// ```
/// # use kam_core::{AuditAssessment, ScoreOptions};
/// # let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
/// # let before = AuditAssessment::new(framework);
/// let comparison = kam_core::analysis::compare::compare_audits(
///     framework, &before, &before, &ScoreOptions::default())?;
/// let fragment = kam_core::render::comparison_html_fragment(&comparison);
/// assert!(fragment.starts_with(r#"<div class="kam-report">"#));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn comparison_html_fragment(comparison: &AuditComparison) -> String {
    html::fragment(&comparison_doc(comparison))
}

fn comparison_doc(comparison: &AuditComparison) -> Doc {
    let (before, after) = (&comparison.before, &comparison.after);
    let mut lines = subtitle(after);
    lines.truncate(1);
    lines.push(format!("Before: {}", when(before)));
    lines.push(format!("After: {}", when(after)));
    let mut doc = Doc {
        title: titled("KAM audit comparison", &after.context),
        subtitle: lines,
        blocks: Vec::new(),
    };
    let overall = &comparison.overall;
    doc.blocks.push(Block::Figures(vec![
        (
            "Overall score".to_owned(),
            format!(
                "{} → {} of {} ({})",
                overall.before.score,
                overall.after.score,
                overall.after.max,
                signed(overall.change)
            ),
        ),
        (
            "Position on the path".to_owned(),
            format!(
                "period {} → {}",
                words::position_short(before),
                words::position_short(after)
            ),
        ),
        (
            "Current period".to_owned(),
            format!("period {} → {}", current(before), current(after)),
        ),
        (
            "Items".to_owned(),
            format!(
                "{} improved, {} regressed, {} newly started",
                comparison.improved.len(),
                comparison.regressed.len(),
                comparison.newly_started.len()
            ),
        ),
    ]));
    doc.heading(2, "Progress chart");
    doc.blocks.push(Block::Chart {
        svg: chart::progress(comparison),
        caption: "Completion of each period before and after, grouped by phase; the figure \
                  above each pair is the change in points."
            .to_owned(),
        words: format!(
            "Overall {} → {} ({} points).",
            pct(overall.before.percent),
            pct(overall.after.percent),
            signed(overall.change)
        ),
    });
    doc.heading(2, "Change by phase and period");
    doc.table(change_table(comparison));
    let sections: [(&str, &[String]); 3] = [
        ("Items that improved", &comparison.improved),
        ("Items that regressed", &comparison.regressed),
        ("Items newly started", &comparison.newly_started),
    ];
    for (title, ids) in sections {
        doc.heading(2, format!("{title} ({})", ids.len()));
        let items: Vec<&ItemChange> = comparison
            .items
            .iter()
            .filter(|i| ids.contains(&i.id))
            .collect();
        if items.is_empty() {
            doc.para("None.");
        } else {
            doc.table(items_table(after, &items));
        }
    }
    doc.heading(2, "Next actions");
    if after.next_actions.is_empty() {
        doc.para(crate::words::NO_NEXT_ACTION);
    } else {
        doc.para("From the later audit, in development-path order.");
        doc.table(item_table(after, &after.next_actions, true));
    }
    doc
}

fn when(report: &AuditReport) -> String {
    let c = &report.context;
    match (&c.date, &c.assessor) {
        (Some(date), Some(by)) => format!("{date}, by {by}"),
        (Some(date), None) => date.clone(),
        (None, Some(by)) => format!("by {by}"),
        (None, None) => "undated".to_owned(),
    }
}

fn current(report: &AuditReport) -> String {
    match &report.progress.current_period {
        Some(id) => period_name(report, id),
        None => "all complete".to_owned(),
    }
}

fn change_row(change: &ScoreChange, label: String, strong: bool) -> (bool, Vec<Cell>) {
    (
        strong,
        vec![
            text(label),
            text(format!("{} / {}", change.before.score, change.before.max)),
            text(format!("{} / {}", change.after.score, change.after.max)),
            text(signed(change.change)),
            Cell::Bar {
                percent: change.after.percent,
                text: format!(
                    "{} → {}",
                    pct(change.before.percent),
                    pct(change.after.percent)
                ),
                mark: change.change > 0,
            },
        ],
    )
}

fn change_table(comparison: &AuditComparison) -> Table {
    let mut table = Table::new(&[
        "Phase / period",
        "Before#",
        "After#",
        "Change#",
        "Completion#",
    ]);
    let mut periods = comparison.periods.iter();
    for (phase, scored) in comparison.phases.iter().zip(&comparison.after.phases) {
        let (strong, cells) = change_row(phase, format!("{} {}", phase.id, phase.name), true);
        table.row(strong, cells);
        for (period, change) in scored.periods.iter().zip(periods.by_ref()) {
            let label = format!("{} {} ({})", period.number, change.name, change.id);
            let (strong, cells) = change_row(change, label, false);
            table.row(strong, cells);
        }
    }
    table
}

fn items_table(after: &AuditReport, items: &[&ItemChange]) -> Table {
    let mut table = Table::new(&["Item", "Action", "Period", "Before#", "After#", "Change#"]);
    for item in items {
        let score = |score: Option<u8>, na: bool| {
            if na {
                "n/a".to_owned()
            } else {
                words::score(score)
            }
        };
        table.row(
            false,
            vec![
                text(item.id.clone()),
                text(item.text.clone()),
                text(period_name(after, &item.period)),
                text(score(item.before, item.not_applicable_before)),
                text(score(item.after, item.not_applicable_after)),
                text(signed(item.change)),
            ],
        );
    }
    table
}
