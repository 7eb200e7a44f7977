#![no_main]
//! A maturity assessment, as text, read against the bundled model.

use kam_core::{MaturityAssessment, MaturityOptions, api, error::from_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = kam_fuzz::text(data) else { return };
    if let Ok(assessment) = from_json::<MaturityAssessment>(text) {
        if let Ok(report) = api::score_maturity(&assessment, &MaturityOptions::default()) {
            if let (Some(weakest), Some(mean)) = (&report.weakest_link, report.mean_stage) {
                assert!(f64::from(weakest.stage) <= mean, "weakest link above the mean");
                assert!(report.areas.iter().all(|a| a.stage.stage >= weakest.stage));
            }
            assert_eq!(report.areas.len() + report.unassessed.len(), 10);
        }
    }
});
