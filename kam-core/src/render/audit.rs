//! The report of one audit: key figures, Figures 3 and 4, scores by phase,
//! period and stream, the gaps (missing, lagging, ahead) and next actions.

use std::collections::BTreeMap;

use super::doc::{Block, Cell, Doc, Table, text};
use super::{html, markdown};
use crate::assessment::Context;
use crate::chart;
use crate::framework::Provenance;
use crate::scoring::{AuditReport, Convention, FrameworkRef, ItemStatus};
use crate::words::{self, AuditWords, pct, titled};

/// The audit report as Markdown: the same sections as [`audit_html`], with
/// each chart given as its caption and its numbers in words.
///
/// ```
/// # let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
/// # let assessment = kam_core::AuditAssessment::new(framework);
/// let report = kam_core::api::score(&assessment, &kam_core::ScoreOptions::default())?;
/// let markdown = kam_core::render::audit_markdown(&report);
/// assert!(markdown.contains("## Next actions"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn audit_markdown(report: &AuditReport) -> String {
    markdown::render(&audit_doc(report))
}

/// The audit report as one self-contained HTML page: key figures, the
/// Figure 3 and Figure 4 charts inline, tables of scores by phase, period and
/// stream, the gaps (missing, lagging, ahead) and the next actions, with a
/// print-friendly stylesheet. Nothing is fetched from the network.
///
/// ```
/// # let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
/// # let assessment = kam_core::AuditAssessment::new(framework);
/// let report = kam_core::api::score(&assessment, &kam_core::ScoreOptions::default())?;
/// let html = kam_core::render::audit_html(&report);
/// std::fs::write(std::env::temp_dir().join("kam-report.html"), &html).unwrap();
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn audit_html(report: &AuditReport) -> String {
    html::render(&audit_doc(report))
}

/// The audit report as an HTML fragment to place in another page (a
/// notebook, an app): one `<div class="kam-report">` with the same content
/// as [`audit_html`], whose stylesheet is scoped to it, so it restyles
/// nothing around it. Python's notebook view shows this.
///
/// ```
/// # let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
/// # let assessment = kam_core::AuditAssessment::new(framework);
/// let report = kam_core::api::score(&assessment, &kam_core::ScoreOptions::default())?;
/// let fragment = kam_core::render::audit_html_fragment(&report);
/// assert!(fragment.starts_with(r#"<div class="kam-report">"#));
/// assert!(kam_core::render::audit_html(&report).contains(&fragment));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn audit_html_fragment(report: &AuditReport) -> String {
    html::fragment(&audit_doc(report))
}

/// The audit report as HTML, as [`audit_html`], followed by the
/// assessment's evidence notes: one per item, in framework order, under the
/// item's id and action (the bundled framework's wording, when the report is
/// of a bundled framework and version), each line of a note its own
/// paragraph. The calculators save and print this page, so the notes
/// written there are part of what is shared.
///
/// ```
/// # let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
/// # let mut assessment = kam_core::AuditAssessment::new(framework);
/// assessment.evidence.insert("A1.1".into(), "Lost the Halden contract.".into());
/// let report = kam_core::api::score(&assessment, &kam_core::ScoreOptions::default())?;
/// let html = kam_core::render::audit_html_with_evidence(&report, &assessment.evidence);
/// assert!(html.contains("<h2>Evidence notes</h2>"));
/// assert!(html.contains("<p>Lost the Halden contract.</p>"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn audit_html_with_evidence(
    report: &AuditReport,
    evidence: &BTreeMap<String, String>,
) -> String {
    let mut doc = audit_doc(report);
    evidence_notes(&mut doc, report, evidence);
    html::render(&doc)
}

/// The evidence notes section: nothing when there are none.
fn evidence_notes(doc: &mut Doc, report: &AuditReport, evidence: &BTreeMap<String, String>) {
    let written = |note: &&String| !note.trim().is_empty();
    if !evidence.values().any(|note| written(&note)) {
        return;
    }
    doc.heading(2, "Evidence notes");
    let framework = crate::framework::builtin_audit(&report.framework.id)
        .ok()
        .filter(|f| f.version == report.framework.version);
    let items = framework.map_or(&[][..], |f| f.items.as_slice());
    // Framework order first; ids the framework does not list (a report of
    // another version) after them, in id order.
    let known = items
        .iter()
        .filter_map(|item| Some((&item.id, evidence.get(&item.id)?, Some(&item.text))));
    let others = evidence
        .iter()
        .filter(|(id, _)| !items.iter().any(|item| &item.id == *id))
        .map(|(id, note)| (id, note, None));
    for (id, note, text) in known.chain(others) {
        if !written(&note) {
            continue;
        }
        doc.heading(
            3,
            text.map_or_else(|| id.clone(), |text| format!("{id} {text}")),
        );
        for line in note.lines().filter(|line| !line.trim().is_empty()) {
            doc.para(line);
        }
    }
}

/// Builds the audit report once, for both formats.
pub(crate) fn audit_doc(report: &AuditReport) -> Doc {
    let mut doc = Doc {
        title: titled("KAM audit report", &report.context),
        subtitle: subtitle(report),
        blocks: Vec::new(),
    };
    doc.blocks.push(Block::Figures(key_figures(report)));
    doc.heading(2, "Progress charts");
    doc.blocks.push(Block::Chart {
        svg: chart::figure3(report),
        caption: "Figure 3 — the paper's “Using the audit to chart KAM programme progress by \
                  period”, read by kam: completion of each period against kam's completion \
                  threshold; the current period is the earliest one not yet complete."
            .to_owned(),
        words: format!(
            "Complete at {} (kam's threshold); {}.",
            pct(report.progress.completion_threshold),
            words::current(report)
        ),
    });
    doc.blocks.push(Block::Chart {
        svg: chart::figure4(report),
        caption: "Figure 4 — the paper's “Using the overall audit score to chart KAM programme \
                  progress”, drawn by kam: the overall score on the cumulative maximum of the \
                  periods, where work done early compensates for gaps in earlier periods."
            .to_owned(),
        words: format!("{}: {}.", words::overall(report), words::position(report)),
    });
    doc.heading(2, "Scores by phase and period");
    doc.table(phase_table(report));
    doc.heading(2, "Scores by stream of activity");
    doc.table(stream_table(report));
    gaps(&mut doc, report);
    doc.heading(2, "Next actions");
    doc.para(words::AuditWords::of(report).next_actions);
    if !report.next_actions.is_empty() {
        doc.table(item_table(report, &report.next_actions, true));
    }
    sources(&mut doc, report);
    doc
}

/// What the report quotes and what is kam's, so that no convention of kam's
/// reads as the source's words.
fn sources(doc: &mut Doc, report: &AuditReport) {
    doc.heading(2, "Sources and conventions");
    let kam_milestones: Vec<&str> = report
        .milestones
        .iter()
        .filter(|m| m.provenance == Provenance::Kam)
        .map(|m| m.name.as_str())
        .collect();
    let mut quoted = format!(
        "The phases, periods, streams, items, scale and milestones are quoted from the \
         framework's source ({}).",
        report.framework.name
    );
    if !kam_milestones.is_empty() {
        quoted.push_str(" The milestones ");
        quoted.push_str(&kam_milestones.join(", "));
        quoted.push_str(" are kam's, not the source's.");
    }
    doc.para(quoted);
    conventions(doc, &report.conventions);
}

/// kam's conventions as a table, so that a report never presents them as the
/// source's words.
pub(crate) fn conventions(doc: &mut Doc, conventions: &[Convention]) {
    doc.para("kam's conventions, not the source's words:");
    let mut table = Table::new(&["Convention", "Rule"]);
    for convention in conventions {
        table.row(
            false,
            vec![text(convention.id.clone()), text(convention.text.clone())],
        );
    }
    doc.table(table);
}

pub(crate) fn subtitle(report: &AuditReport) -> Vec<String> {
    subtitle_of(&report.framework, &report.context)
}

/// A report's lines under its title: the framework and version, who
/// assessed and when.
pub(crate) fn subtitle_of(framework: &FrameworkRef, context: &Context) -> Vec<String> {
    let mut lines = vec![format!(
        "{} (version {})",
        framework.name, framework.version
    )];
    match (&context.assessor, &context.date) {
        (Some(by), Some(on)) => lines.push(format!("Assessed by {by} on {on}")),
        (Some(by), None) => lines.push(format!("Assessed by {by}")),
        (None, Some(on)) => lines.push(format!("Assessed on {on}")),
        (None, None) => {}
    }
    lines
}

fn key_figures(report: &AuditReport) -> Vec<(String, String)> {
    let words = AuditWords::of(report);
    [
        &words.overall,
        &words.position,
        &words.current_period,
        &words.milestone,
        &words.next_action,
        &words.items,
    ]
    .into_iter()
    .map(|r| (r.label.clone(), r.text.clone()))
    .collect()
}

pub(crate) fn bar(percent: f64, mark: bool) -> Cell {
    Cell::Bar {
        percent,
        text: pct(percent),
        mark,
    }
}

fn phase_table(report: &AuditReport) -> Table {
    let mut table = Table::new(&[
        "Phase / period",
        "Score#",
        "Max#",
        "Completion#",
        "Complete",
    ]);
    let threshold = report.progress.completion_threshold;
    for phase in &report.phases {
        table.row(
            true,
            vec![
                text(format!("{} {}", phase.id, phase.name)),
                text(phase.score.to_string()),
                text(phase.max.to_string()),
                bar(phase.percent, phase.percent >= threshold),
                text(""),
            ],
        );
        for period in &phase.periods {
            let current = report.progress.current_period.as_deref() == Some(period.id.as_str());
            let state = match (period.complete, current) {
                (true, _) => "yes",
                (false, true) => "no (current)",
                (false, false) => "no",
            };
            table.row(
                false,
                vec![
                    text(format!("{} {} ({})", period.number, period.name, period.id)),
                    text(period.score.to_string()),
                    text(period.max.to_string()),
                    bar(period.percent, period.complete),
                    text(state),
                ],
            );
            for milestone in report.milestones.iter().filter(|m| m.after == period.id) {
                table.row(
                    false,
                    vec![
                        text(words::milestone(milestone)),
                        text(""),
                        text(milestone.at.to_string()),
                        text(""),
                        text(""),
                    ],
                );
            }
        }
    }
    table
}

fn stream_table(report: &AuditReport) -> Table {
    let mut table = Table::new(&[
        "Stream / contributory stream",
        "Score#",
        "Max#",
        "Completion#",
    ]);
    let threshold = report.progress.completion_threshold;
    for stream in &report.streams {
        table.row(
            true,
            vec![
                text(stream.name.clone()),
                text(stream.score.to_string()),
                text(stream.max.to_string()),
                bar(stream.percent, stream.percent >= threshold),
            ],
        );
        for c in &stream.contributory {
            table.row(
                false,
                vec![
                    text(c.name.clone()),
                    text(c.score.to_string()),
                    text(c.max.to_string()),
                    bar(c.percent, c.percent >= threshold),
                ],
            );
        }
    }
    table
}

fn gaps(doc: &mut Doc, report: &AuditReport) {
    let progress = &report.progress;
    doc.heading(2, "Gaps");
    doc.para(format!(
        "Read against the current position ({}).",
        words::current(report)
    ));
    let sections: [(&str, &str, &[ItemStatus]); 3] = [
        (
            "Missing",
            "Not done (0 or unscored) in periods up to and including the current one.",
            &progress.missing,
        ),
        (
            "Lagging",
            "Started but not complete in periods before the current one.",
            &progress.lagging,
        ),
        (
            "Ahead",
            "Already complete in periods after the current one: work done early.",
            &progress.ahead,
        ),
    ];
    for (title, meaning, items) in sections {
        doc.heading(3, format!("{title} ({})", items.len()));
        doc.para(meaning);
        if items.is_empty() {
            doc.para("None.");
        } else {
            doc.table(item_table(report, items, false));
        }
    }
}

pub(crate) fn item_table(report: &AuditReport, items: &[ItemStatus], numbered: bool) -> Table {
    let mut table = if numbered {
        Table::new(&["No.#", "Item", "Action", "Stream", "Period", "Score#"])
    } else {
        Table::new(&["Item", "Action", "Stream", "Period", "Score#"])
    };
    for (index, item) in items.iter().enumerate() {
        let mut cells = Vec::with_capacity(6);
        if numbered {
            cells.push(text((index + 1).to_string()));
        }
        cells.extend([
            text(item.id.clone()),
            text(item.text.clone()),
            text(words::stream(report, &item.stream)),
            text(words::period_name(report, &item.period)),
            text(words::score(item.score)),
        ]);
        table.row(false, cells);
    }
    table
}
