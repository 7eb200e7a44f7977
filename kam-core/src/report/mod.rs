//! Reports to read, share and print: Markdown and self-contained HTML.
//!
//! Each report is built once as a small document model and rendered to both
//! formats, so the Markdown and the HTML always agree. The guide below
//! (docs/reports.md) shows every chart and report; its examples are tested.
//!
#![doc = include_str!("../../../docs/reports.md")]

pub(crate) mod audit;
mod comparison;
pub(crate) mod doc;
pub(crate) mod html;
pub(crate) mod markdown;
pub(crate) mod words;

pub use audit::{audit_html, audit_markdown};
pub use comparison::{comparison_html, comparison_markdown};

#[cfg(test)]
mod tests;
