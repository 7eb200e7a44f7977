#![no_main]
//! An action-audit assessment, as text, scored against the bundled framework.

use kam_core::{AuditAssessment, ScoreOptions, api, error::from_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = kam_fuzz::text(data) else { return };
    if let Ok(assessment) = from_json::<AuditAssessment>(text) {
        for strict in [false, true] {
            let options = ScoreOptions { strict, ..ScoreOptions::default() };
            if let Ok(report) = api::score(&assessment, &options) {
                kam_fuzz::check_audit_report(&report);
            }
        }
    }
});
