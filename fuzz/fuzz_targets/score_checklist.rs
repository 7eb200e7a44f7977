#![no_main]
//! A checklist assessment, as text, scored against the bundled checklist it
//! names; the report is checked and drawn.

use kam_core::{AuditAssessment, ChecklistOptions, api, error::from_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = kam_fuzz::text(data) else { return };
    if let Ok(assessment) = from_json::<AuditAssessment>(text) {
        for strict in [false, true] {
            let options = ChecklistOptions { strict, ..ChecklistOptions::default() };
            if let Ok(report) = api::score_checklist(&assessment, &options) {
                kam_fuzz::check_checklist_report(&report);
            }
        }
    }
});
