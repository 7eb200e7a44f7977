#![no_main]
//! Batch scoring on arbitrary input text: an error, or a report whose every
//! row adds up (periods to phases to the overall score, within the maximum)
//! and survives a JSON round trip; never a panic.

use kam_core::api;
use kam_core::batch::{BatchInput, DEFAULT_FRAMEWORK};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kam_fuzz::analysis::<BatchInput, _, _>(data, |input| {
        let report = api::score_batch(&input)?;
        let id = input.framework.as_deref().unwrap_or(DEFAULT_FRAMEWORK);
        let max = api::framework(id)?.as_audit()?.max;
        assert_eq!(report.overall.len(), input.rows.len(), "one result per row");
        for (r, overall) in report.overall.iter().enumerate() {
            let periods: u32 = report.period_scores[r].iter().sum();
            let phases: u32 = report.phase_scores[r].iter().sum();
            assert_eq!(periods, *overall, "row {r}: periods add up to the overall score");
            assert_eq!(phases, *overall, "row {r}: phases add up to the overall score");
            assert!(*overall <= max, "row {r}: within the framework's maximum");
            let fraction = report.position_fraction[r];
            assert!((0.0..=1.0).contains(&fraction), "row {r}: fraction {fraction}");
        }
        Ok(report)
    });
});
