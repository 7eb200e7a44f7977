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
//! Every public input and output type derives `Serialize`, `Deserialize` and
//! `JsonSchema`; [`api::schema`] returns the schemas, which are also committed
//! under `docs/schema/`. Every error has a stable [`Error::kind`].

#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod analysis;
pub mod api;
pub mod assessment;
pub mod batch;
pub mod chart;
pub mod checklist;
pub mod error;
pub mod framework;
pub mod limits;
pub mod litmus;
pub mod maturity;
pub mod programme;
pub mod report;
pub mod scoring;
#[cfg(feature = "spreadsheet")]
pub mod spreadsheet;
mod unique_map;

/// The README's Rust snippet, compiled and run as a doc test so it cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;

pub use assessment::{AuditAssessment, Context};
pub use checklist::{ChecklistOptions, ChecklistReport};
pub use error::Error;
pub use framework::Framework;
pub use litmus::{LitmusAnswers, LitmusReport};
pub use maturity::{MaturityAssessment, MaturityOptions, MaturityReport};
pub use scoring::{AuditReport, ScoreOptions};
