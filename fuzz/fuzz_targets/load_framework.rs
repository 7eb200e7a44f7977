#![no_main]
//! A framework file, as text; every framework that validates is then used
//! to score an empty and a full assessment, which must not panic.

use kam_core::{AuditAssessment, Framework, ScoreOptions, api};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = kam_fuzz::text(data) else { return };
    let Ok(framework) = api::load_framework(text) else { return };
    if let Framework::ActionAudit(audit) = &framework {
        let empty = AuditAssessment::new(audit);
        let mut full = empty.clone();
        for item in &audit.items {
            full.scores.insert(item.id.clone(), audit.scale.max);
        }
        for assessment in [&empty, &full] {
            let report = api::score_with(&framework, assessment, &ScoreOptions::default())
                .expect("a validated framework scores its own assessments");
            kam_fuzz::check_audit_report(&report);
        }
    }
});
