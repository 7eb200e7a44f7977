//! Rendering results as documents to read, share and print: Markdown and
//! self-contained HTML. (A *report* in kam is always a result type, such as
//! [`crate::AuditReport`]; this module renders them.)
//!
//! Each document is built once as a small document model and rendered to
//! both formats, so the Markdown and the HTML always agree. The guide below
//! (docs/reports.md) shows every chart and report; its examples are tested.
//!
#![doc = include_str!("../../../docs/reports.md")]

mod audit;
mod comparison;
mod doc;
mod html;
mod markdown;

pub use audit::{audit_html, audit_markdown};
pub use comparison::{comparison_html, comparison_markdown};

#[cfg(test)]
mod tests;
