//! Rendering results as documents to read, share and print: Markdown,
//! self-contained HTML pages, and HTML fragments to place in another page (a
//! notebook, an app) whose stylesheet is scoped to their root. (A *report*
//! in kam is always a result type, such as [`crate::AuditReport`]; this
//! module renders them.)
//!
//! Each document is built once as a small document model and rendered to
//! both formats, so the Markdown and the HTML always agree. The guide below
//! (docs/reports.md) shows every chart and report; its examples are tested.
//!
#![doc = include_str!("../../docs/reports.md")]

pub(crate) mod audit;
mod checklist;
mod comparison;
pub(crate) mod doc;
pub(crate) mod html;
pub(crate) mod markdown;
mod maturity;

pub use audit::{audit_html, audit_html_fragment, audit_html_with_evidence, audit_markdown};
pub use checklist::{checklist_html, checklist_html_fragment, checklist_markdown};
pub use comparison::{comparison_html, comparison_html_fragment, comparison_markdown};
pub use maturity::{maturity_html, maturity_html_fragment, maturity_markdown};

#[cfg(test)]
mod tests;
