#![no_main]
//! Scoring options, as text, applied to the bundled example assessment.

use kam_core::{AuditAssessment, ScoreOptions, api, json::from_json};
use libfuzzer_sys::fuzz_target;

const NORTHWIND: &str = include_str!("../../kam-core/examples/data/northwind-audit.json");

fuzz_target!(|data: &[u8]| {
    let Some(text) = kam_fuzz::text(data) else { return };
    let assessment: AuditAssessment = from_json(NORTHWIND).expect("the bundled example parses");
    if let Ok(options) = from_json::<ScoreOptions>(text) {
        if let Ok(report) = api::score(&assessment, &options) {
            kam_fuzz::check_audit_report(&report);
            assert!(report.next_actions.len() <= options.next_actions as usize);
        }
    }
});
