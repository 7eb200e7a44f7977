#![no_main]
//! A framework file, as text; every framework that validates is then used
//! to score an empty and a full assessment, which must not panic.

use kam_core::{AuditAssessment, ChecklistOptions, Framework, ScoreOptions, api};
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
    if let Framework::Checklist(checklist) = &framework {
        let empty = AuditAssessment::for_checklist(checklist);
        let mut full = empty.clone();
        for (_, item) in checklist.items() {
            full.scores.insert(item.id.clone(), checklist.scale.max);
        }
        for assessment in [&empty, &full] {
            let report = api::score_checklist_with(&framework, assessment, &ChecklistOptions::default())
                .expect("a validated checklist scores its own assessments");
            kam_fuzz::check_checklist_report(&report);
        }
    }
});
