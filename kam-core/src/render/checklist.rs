//! The report of one checklist assessment: key figures, the completion chart,
//! completion by section with every item and its score in the scale's words,
//! completion by group, the stage and balance readings with their rules, the
//! next actions, and what is quoted and what is kam's.

use super::audit::{conventions, subtitle_of};
use super::doc::{Block, Cell, Doc, Table, text};
use super::{html, markdown};
use crate::chart;
use crate::checklist::{ChecklistReport, SectionScore};
use crate::framework::Provenance;
use crate::words::{ChecklistWords, pct, titled, whose};

/// The checklist report as Markdown: the same sections as
/// [`checklist_html`], with the chart given as its caption and words.
///
/// ```
/// let file = std::fs::read_to_string("examples/data/acme-kam-review.json")?;
/// let checklist = kam_core::api::load_framework(&file)?;
/// let mut assessment = kam_core::AuditAssessment::for_checklist(checklist.as_checklist()?);
/// assessment.scores.insert("sla-met".into(), 2);
/// let report = kam_core::api::score_checklist_with(&checklist, &assessment, &Default::default())?;
/// let markdown = kam_core::render::checklist_markdown(&report);
/// assert!(markdown.contains("## Completion by section"));
/// assert!(markdown.contains("| sla-met | Service levels met | 2 Yes |"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn checklist_markdown(report: &ChecklistReport) -> String {
    markdown::render(&checklist_doc(report))
}

/// The checklist report as one self-contained HTML page: key figures, the
/// completion chart inline, completion by section with every item, by group,
/// the stage and balance readings, the next actions, and what is quoted and
/// what is kam's. Nothing is fetched from the network.
///
/// ```
/// let file = std::fs::read_to_string("examples/data/acme-kam-review.json")?;
/// let checklist = kam_core::api::load_framework(&file)?;
/// let assessment = kam_core::AuditAssessment::for_checklist(checklist.as_checklist()?);
/// let report = kam_core::api::score_checklist_with(&checklist, &assessment, &Default::default())?;
/// let html = kam_core::render::checklist_html(&report);
/// assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<svg"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn checklist_html(report: &ChecklistReport) -> String {
    html::render(&checklist_doc(report))
}

/// The checklist report as an HTML fragment to place in another page, its
/// stylesheet scoped to it (see [`super::audit_html_fragment`]).
///
/// ```
/// let framework = kam_core::api::framework("kam-development-model")?.as_checklist()?;
/// let assessment = kam_core::AuditAssessment::for_checklist(framework);
/// let report = kam_core::api::score_checklist(&assessment, &Default::default())?;
/// let fragment = kam_core::render::checklist_html_fragment(&report);
/// assert!(fragment.starts_with(r#"<div class="kam-report">"#));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn checklist_html_fragment(report: &ChecklistReport) -> String {
    html::fragment(&checklist_doc(report))
}

fn checklist_doc(report: &ChecklistReport) -> Doc {
    let mut doc = Doc {
        title: titled("Checklist report", &report.context),
        subtitle: subtitle_of(&report.framework, &report.context),
        blocks: Vec::new(),
    };
    let words = ChecklistWords::of(report);
    doc.blocks.push(Block::Figures(key_figures(&words)));
    doc.heading(2, "Completion");
    doc.blocks.push(Block::Chart {
        svg: chart::checklist(report),
        caption: "Completion of each section, and of each group of every grouping, as a share \
                  of its points possible."
            .to_owned(),
        words: format!(
            "Overall {} of {} points ({}).",
            report.overall.score,
            report.overall.max,
            pct(report.overall.percent)
        ),
    });
    doc.heading(2, "Completion by section");
    doc.table(section_table(report));
    for section in &report.sections {
        doc.heading(3, format!("{} {}", section.number, section.name));
        if let Some(description) = &section.description {
            doc.para(format!("{description}{}", whose(section.provenance)));
        }
        doc.table(item_table(section));
    }
    for grouping in &report.groupings {
        doc.heading(
            2,
            format!("By {}{}", grouping.name, whose(grouping.provenance)),
        );
        let mut table = Table::new(&["Group", "Items#", "Score#", "Max#", "Completion#"]);
        for group in &grouping.groups {
            table.row(
                false,
                vec![
                    text(group.name.clone()),
                    text(group.items.to_string()),
                    text(group.score.to_string()),
                    text(group.max.to_string()),
                    bar(group.percent),
                ],
            );
        }
        doc.table(table);
    }
    for (reading, rule) in [
        (&words.stage, &words.stage_rule),
        (&words.balance, &words.balance_rule),
    ] {
        if let (Some(reading), Some(rule)) = (reading, rule) {
            doc.heading(2, reading.label.clone());
            doc.para(reading.text.clone());
            doc.para(rule.to_string());
        }
    }
    next_actions(&mut doc, report, &words);
    sources(&mut doc, report);
    doc
}

fn key_figures(words: &ChecklistWords) -> Vec<(String, String)> {
    words
        .readings()
        .into_iter()
        .map(|r| (r.label.clone(), r.text.clone()))
        .collect()
}

fn bar(percent: f64) -> Cell {
    Cell::Bar {
        percent,
        text: pct(percent),
        mark: false,
    }
}

fn section_table(report: &ChecklistReport) -> Table {
    let mut table = Table::new(&["Section", "Score#", "Max#", "Completion#", "Unscored#"]);
    for section in &report.sections {
        table.row(
            false,
            vec![
                text(format!("{} {}", section.number, section.name)),
                text(section.score.to_string()),
                text(section.max.to_string()),
                bar(section.percent),
                text(section.unscored.to_string()),
            ],
        );
    }
    table
}

fn item_table(section: &SectionScore) -> Table {
    let mut table = Table::new(&["Item", "Action", "Score"]);
    for item in &section.items {
        let score = if item.not_applicable {
            "not applicable".to_owned()
        } else {
            match (item.score, &item.label) {
                (Some(s), Some(label)) => format!("{s} {label}"),
                (Some(s), None) => s.to_string(),
                (None, _) => "–".to_owned(),
            }
        };
        table.row(
            false,
            vec![
                text(item.id.clone()),
                text(format!("{}{}", item.text, whose(item.provenance))),
                text(score),
            ],
        );
    }
    table
}

fn next_actions(doc: &mut Doc, report: &ChecklistReport, words: &ChecklistWords) {
    doc.heading(2, "Next actions");
    doc.para(words.next_actions.clone());
    if report.next_actions.is_empty() {
        return;
    }
    let mut table = Table::new(&["No.#", "Item", "Action", "Section", "Score#"]);
    for (index, action) in report.next_actions.iter().enumerate() {
        let section = report
            .sections
            .iter()
            .find(|s| s.id == action.section)
            .map_or_else(
                || action.section.clone(),
                |s| format!("{} {}", s.number, s.name),
            );
        table.row(
            false,
            vec![
                text((index + 1).to_string()),
                text(action.id.clone()),
                text(action.text.clone()),
                text(section),
                text(
                    action
                        .score
                        .map_or_else(|| "–".to_owned(), |s| s.to_string()),
                ),
            ],
        );
    }
    doc.table(table);
}

/// What the report quotes and what is kam's.
fn sources(doc: &mut Doc, report: &ChecklistReport) {
    doc.heading(2, "Sources and conventions");
    let mut kam: Vec<String> = Vec::new();
    if report.scale.provenance == Provenance::Kam {
        kam.push("the scale".to_owned());
    }
    kam.extend(
        report
            .sections
            .iter()
            .filter(|s| s.provenance == Provenance::Kam)
            .map(|s| format!("section {}", s.name)),
    );
    kam.extend(
        report
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .filter(|i| i.provenance == Provenance::Kam)
            .map(|i| format!("item {}", i.id)),
    );
    kam.extend(
        report
            .groupings
            .iter()
            .filter(|g| g.provenance == Provenance::Kam)
            .map(|g| format!("grouping {}", g.name)),
    );
    let mut quoted = format!(
        "Sections, items and groups are quoted from the framework's source ({}), except \
         where marked kam's.",
        report.framework.name
    );
    if !kam.is_empty() {
        quoted.push_str(" kam's: ");
        quoted.push_str(&kam.join(", "));
        quoted.push('.');
    }
    doc.para(quoted);
    conventions(doc, &report.conventions);
}
