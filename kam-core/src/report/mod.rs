//! Reports to read, share and print: Markdown and self-contained HTML.
//!
//! Each report is built once as a small document model and rendered to both
//! formats, so the Markdown and the HTML always agree. The guide below
//! (docs/reports.md) shows every chart and report; its examples are tested.
//!
#![doc = include_str!("../../../docs/reports.md")]

pub(crate) mod audit;
mod checklist;
mod comparison;
pub(crate) mod doc;
pub(crate) mod html;
pub(crate) mod markdown;
pub(crate) mod words;

pub use audit::{audit_html, audit_html_with_evidence, audit_markdown};
pub use checklist::{checklist_html, checklist_markdown};
pub use comparison::{comparison_html, comparison_markdown};
pub use words::{AuditWords, audit_words};

#[cfg(test)]
mod tests;
