//! The programme report for senior management: a one-page executive
//! summary (where the programme stands, what moved since the last round, the
//! next actions that matter most across units, where the assessors
//! disagree), then the units at a glance, the roll-up, assessor agreement,
//! maturity and litmus tests, customers, account plans, and a section per
//! unit.
//!
//! Built once as the report document model of [`crate::render`] and
//! rendered as Markdown, as an HTML fragment whose stylesheet is scoped
//! under one root class ([`ROOT_CLASS`]) so it can sit inside any page, and
//! as a full HTML page wrapping that fragment.

mod html;
mod overview;
mod summary;
mod unit;
mod words;
mod workbook;

pub use html::ROOT_CLASS;
pub use workbook::{SHEETS, programme_xlsx};

use super::result::ProgrammeReport;
use crate::render::doc::Doc;
use crate::render::markdown;

/// The report's title and the lines under it.
fn heading(report: &ProgrammeReport) -> (String, Vec<String>) {
    let title = format!("KAM programme report — {}", report.name);
    let mut subtitle = Vec::new();
    if let Some(organisation) = &report.organisation {
        subtitle.push(organisation.clone());
    }
    if let Some(f) = &report.framework {
        subtitle.push(format!("{} (version {})", f.name, f.version));
    }
    let s = &report.summary;
    if let (Some(first), Some(last)) = (&s.first_date, &s.last_date) {
        subtitle.push(format!(
            "{} unit(s), {} audit(s) by {} assessor(s), {first} to {last}",
            s.units, s.audits, s.assessors
        ));
    }
    (title, subtitle)
}

/// The summary, and everything after it.
fn parts(report: &ProgrammeReport) -> (Doc, Doc) {
    let summary = summary::summary(report);
    let mut details = Doc::default();
    overview::overview(&mut details, report);
    unit::units(&mut details, report);
    (summary, details)
}

/// The programme report as Markdown: the same sections as the HTML, each
/// chart given as its caption and its figures in words.
///
/// ```
/// let programme = kam_core::api::example_programme()?;
/// let report = kam_core::api::programme_report(&programme, &Default::default())?;
/// let markdown = kam_core::programme::report::programme_markdown(&report);
/// assert!(markdown.contains("## Executive summary"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn programme_markdown(report: &ProgrammeReport) -> String {
    let (title, subtitle) = heading(report);
    let (summary, details) = parts(report);
    let mut doc = Doc {
        title,
        subtitle,
        blocks: summary.blocks,
    };
    doc.blocks.extend(details.blocks);
    markdown::render(&doc)
}

/// The executive summary alone, as Markdown: the title and the one page for
/// senior management (a terminal, an e-mail, a notebook cell).
///
/// ```
/// let programme = kam_core::api::example_programme()?;
/// let report = kam_core::api::programme_report(&programme, &Default::default())?;
/// let summary = kam_core::programme::report::summary_markdown(&report);
/// assert!(summary.contains("### Where assessors disagree"));
/// assert!(!summary.contains("## Units at a glance"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn summary_markdown(report: &ProgrammeReport) -> String {
    let (title, subtitle) = heading(report);
    markdown::render(&Doc {
        title,
        subtitle,
        blocks: summary::summary(report).blocks,
    })
}

/// The programme report as an HTML fragment: one
/// `<div class="kam-programme-report">` carrying its own stylesheet, every
/// rule scoped under that class, so a notebook, an app or a web component
/// can show it without it styling anything around it. The charts are inline
/// SVG; nothing is fetched.
///
/// ```
/// let programme = kam_core::api::example_programme()?;
/// let report = kam_core::api::programme_report(&programme, &Default::default())?;
/// let html = kam_core::programme::report::programme_html_fragment(&report);
/// assert!(html.starts_with("<div class=\"kam-programme-report\">"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn programme_html_fragment(report: &ProgrammeReport) -> String {
    let (title, subtitle) = heading(report);
    let (summary, details) = parts(report);
    html::fragment(&title, &subtitle, &summary.blocks, &details.blocks)
}

/// The programme report as one self-contained HTML page: the fragment of
/// [`programme_html_fragment`] in a page that prints, the executive summary
/// on a page of its own.
///
/// ```
/// let programme = kam_core::api::example_programme()?;
/// let report = kam_core::api::programme_report(&programme, &Default::default())?;
/// let html = kam_core::programme::report::programme_html(&report);
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// # Ok::<(), kam_core::Error>(())
/// ```
pub fn programme_html(report: &ProgrammeReport) -> String {
    let (title, _) = heading(report);
    html::page(&title, &programme_html_fragment(report))
}

#[cfg(test)]
mod tests;
