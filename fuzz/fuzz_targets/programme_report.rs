#![no_main]
//! The programme report on arbitrary input text, read within the
//! programme's own limits: an error, or a report whose invariants hold
//! (ranks follow the percentages, every roll-up lies within its units,
//! alpha is at most 1), that survives a JSON round trip, and whose HTML and
//! Markdown render. Never a panic.

use kam_core::programme::report::{programme_html_fragment, programme_markdown};
use kam_core::programme::ProgrammeReport;
use kam_core::{ScoreOptions, api};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = kam_fuzz::text(data) else { return };
    let Ok(programme) = api::programme_from_json(text) else { return };
    let Ok(report) = api::programme_report(&programme, &ScoreOptions::default()) else { return };
    for pair in report.positions.windows(2) {
        assert!(pair[0].overall.percent >= pair[1].overall.percent, "ranking out of order");
        assert!(pair[0].rank <= pair[1].rank, "ranks out of order");
    }
    for unit in &report.units {
        if let Some(r) = &unit.rollup {
            assert!(r.lowest_percent <= r.overall.percent + 1e-9, "roll-up below its lowest unit");
            assert!(r.overall.percent <= r.highest_percent + 1e-9, "roll-up above its highest unit");
        }
        for round in &unit.rounds {
            assert!(round.agreement.alpha.is_none_or(|a| a <= 1.0 + 1e-12), "alpha above 1");
            assert!(round.overall.score <= round.overall.max, "score above max");
        }
    }
    let json = serde_json::to_string(&report).expect("a report always serializes");
    let back: ProgrammeReport = serde_json::from_str(&json).expect("a report always parses");
    assert_eq!(back, report, "report changed in a round trip");
    let html = programme_html_fragment(&report);
    assert!(html.starts_with("<div class=\"kam-programme-report\">"));
    let _ = programme_markdown(&report);
});
