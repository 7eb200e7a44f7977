//! An assessment exported from the web calculator (`<kam-audit>`) scores to
//! the same report text in Rust as in Python and JavaScript: this test holds
//! the Rust side, `kam-py/tests/test_cross_language.py` and
//! `kam-wasm/tests/package.test.mjs` compare their text with the same file
//! (see `tests/cross-language/README.md`).
//!
//! Run with `KAM_BLESS=1` to write the report file after a deliberate change
//! to the engine or to the export.

mod common;

use std::path::PathBuf;

use kam_core::api;

fn dir() -> Option<PathBuf> {
    common::workspace_path("tests/cross-language")
}

#[test]
fn the_calculator_export_scores_to_the_committed_report_text() {
    let Some(dir) = dir() else {
        return;
    };
    let export = std::fs::read_to_string(dir.join("calculator-export.json")).unwrap();
    let report = api::score_json(&export, None).unwrap();
    let path = dir.join("calculator-export.report.json");
    if std::env::var_os("KAM_BLESS").is_some() {
        std::fs::write(&path, &report).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    assert!(
        report == committed,
        "the report of {} differs from the committed text (rerun with KAM_BLESS=1 and commit):\n{report}",
        path.display()
    );
}

#[test]
fn the_fixture_exercises_text_beyond_ascii() {
    let Some(dir) = dir() else {
        return;
    };
    let export = std::fs::read_to_string(dir.join("calculator-export.json")).unwrap();
    let report = api::score_json(&export, None).unwrap();
    // Evidence and context with non-ASCII characters; the context is echoed
    // in the report, unescaped.
    let assessment: kam_core::AuditAssessment = serde_json::from_str(&export).unwrap();
    assert!(assessment.evidence.values().any(|e| !e.is_ascii()));
    let organisation = assessment.context.organisation.unwrap();
    assert!(!organisation.is_ascii());
    assert!(report.contains(&organisation));
    // Compact: one line, no final newline.
    assert!(!report.contains('\n'));
}
