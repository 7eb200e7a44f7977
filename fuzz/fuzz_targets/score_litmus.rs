#![no_main]
//! Litmus answers, as text, judged against the bundled Cranfield tests.

use kam_core::litmus::Verdict;
use kam_core::{LitmusAnswers, api, error::from_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = kam_fuzz::text(data) else { return };
    if let Ok(answers) = from_json::<LitmusAnswers>(text) {
        if let Ok(report) = api::score_litmus(&answers) {
            for r in &report.results {
                assert!(r.yes >= 0.0 && r.yes <= f64::from(r.questions), "yes count out of range");
                let expected = match r.pass_mark {
                    None => Verdict::NoPassMark,
                    Some(mark) if r.yes >= f64::from(mark) => Verdict::Pass,
                    Some(_) => Verdict::Fail,
                };
                assert_eq!(r.verdict, expected, "verdict disagrees with the rule");
            }
        }
    }
});
