//! # kam-core
//!
//! The engine behind kam: Key Account Management (KAM) assessment frameworks
//! as versioned data, assessments in one shared JSON format, and the scoring
//! that turns them into reports. The Python (`kam-py`) and browser
//! (`kam-wasm`) packages wrap this crate and add no rules of their own.
//!
//! Bundled frameworks:
//! - `cranfield-kam-development`: the Cranfield KAM development action audit
//!   (Woodburn, 2006): four phases of three periods, 129 items scored 0–3,
//!   three litmus tests.
//! - `kam-maturity-model`: ten programme areas × five stages.
//! - `kam-development-model`, `kam-three-pillars`, `kam-strategy`: checklists
//!   (five stages × three activities; three pillars; three facets and five
//!   core initiatives), scored item by item. A company's own checklist is a
//!   data file of the same type.
//!
//! ```
//! use kam_core::{api, AuditAssessment, ScoreOptions};
//!
//! let framework = kam_core::framework::builtin_audit("cranfield-kam-development")?;
//! let mut assessment = AuditAssessment::new(framework);
//! assessment.scores.insert("A1.1".into(), 3); // "Find powerful driver": done
//! assessment.scores.insert("A1.2".into(), 2); // "Acknowledge problem/need": substantial
//! let report = api::score(&assessment, &ScoreOptions::default())?;
//! assert_eq!((report.overall.score, report.overall.max), (5, 387));
//! assert_eq!(report.phases[0].periods[0].score, 5);
//! println!("{}: {:.1}%", report.phases[0].name, report.phases[0].percent);
//! # Ok::<(), kam_core::Error>(())
//! ```
//!
//! ## Reading JSON
//!
//! Every input and result type reads from JSON text with `from_json` (or
//! `str::parse`), checked against kam's limits ([`limits`]) and with the
//! place of any problem as a JSON Pointer. A framework is validated as it is
//! read, however it is read; [`Framework::from_path`] reads one from a file.
//!
//! ```
//! use kam_core::{AuditAssessment, ScoreOptions, api};
//!
//! let body = r#"{"framework": "cranfield-kam-development",
//!                "framework_version": "2006.2", "scores": {"A1.1": 3, "A1.2": 9}}"#;
//! let assessment: AuditAssessment = body.parse()?;
//! let err = api::score(&assessment, &ScoreOptions::default()).unwrap_err();
//! assert_eq!(err.path().as_deref(), Some("/scores/A1.2"));
//! // A service answers with the error as JSON: {"kind", "message", "path"}.
//! assert_eq!(serde_json::to_value(&err).unwrap()["kind"], "score-out-of-range");
//! # Ok::<(), kam_core::Error>(())
//! ```
//!
//! Parse with these rather than with a web framework's `Json<T>` extractor
//! (Axum's, for example), which calls serde directly: it skips kam's size,
//! depth and length limits, and its errors have no JSON Pointer.
//!
//! ## Types and compatibility
//!
//! Every public input and output type derives `Serialize` and `Deserialize`,
//! and with the `schema` feature (on by default) `JsonSchema`: `api::schema`
//! returns the schemas, which are also committed under `docs/schema/`. Every error has a stable [`Error::kind`], a
//! [`Error::path`] and a [`Error::category`].
//!
//! Inputs are strict: a field kam does not know is an error, so a misspelt
//! option never passes silently. Results are tolerant: a result stored by
//! one version of kam (a report, an analysis) reads back in another, whose
//! fields it does not know are ignored; within a major version, fields of a
//! result are only ever added (with a default when read back), never removed
//! or renamed. Public enums and result structs are `#[non_exhaustive]`, so
//! adding a kind, a variant or a field is not a breaking change.

//!
//! ## Features
//!
//! Every feature is on by default; a service that only scores turns them
//! off (`default-features = false`) and keeps the frameworks, scoring
//! (audits, maturity, litmus tests, checklists), the words, the limits and
//! the errors.
//!
//! - `schema`: `JsonSchema` for every public type, and `api::schema`.
//! - `analysis`: the analyses (`kam_core::analysis`, docs/analyses/).
//! - `batch`: many audits scored at once from rows of cells
//!   (`kam_core::batch`).
//! - `charts` (with `analysis`): the SVG charts (`kam_core::chart`).
//! - `reports` (with `charts`): HTML and Markdown reports
//!   (`kam_core::render`) and the programme report (`kam_core::programme`).
//! - `spreadsheet` (with `analysis`): Excel and CSV templates, imports and
//!   exports (`kam_core::spreadsheet`).

#![deny(missing_docs)]
// The helpers the optional features share (words, JSON readers, scoring
// figures) are unused in a build without some of them; the full build, which
// CI lints, still finds dead code.
#![cfg_attr(
    not(all(
        feature = "analysis",
        feature = "batch",
        feature = "reports",
        feature = "spreadsheet"
    )),
    allow(dead_code, unused_imports)
)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

#[cfg(feature = "analysis")]
pub mod analysis;
pub mod api;
pub mod assessment;
#[cfg(feature = "batch")]
pub mod batch;
#[cfg(feature = "charts")]
pub mod chart;
pub mod checklist;
pub mod error;
pub mod framework;
pub mod json;
pub mod limits;
pub mod litmus;
pub mod maturity;
mod merge_sort;
#[cfg(any(feature = "reports", feature = "spreadsheet"))]
mod parallel;
pub mod pointer;
#[cfg(feature = "reports")]
pub mod programme;
#[cfg(feature = "reports")]
pub mod render;
pub mod scoring;
#[cfg(feature = "spreadsheet")]
pub mod spreadsheet;
pub mod text;
pub mod words;

/// The crate README's Rust snippets (which the top-level README repeats,
/// tests/docs.rs) compiled and run as doc tests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The examples of docs/rust.md, the guide for Rust programs, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../docs/rust.md")]
struct RustGuideDoctests;

pub use assessment::{AuditAssessment, Context};
pub use checklist::{ChecklistOptions, ChecklistReport};
pub use error::Error;
pub use framework::Framework;
pub use litmus::{LitmusAnswers, LitmusReport};
pub use maturity::{MaturityAssessment, MaturityOptions, MaturityReport};
pub use scoring::{AuditReport, ScoreOptions};
pub use text::Text;
