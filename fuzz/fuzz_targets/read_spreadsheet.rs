#![no_main]
//! A stranger's file read as a workbook and as CSV: an error, or
//! assessments kam accepts that survive being written and read back
//! unchanged; never a panic, a hang or a runaway allocation (the limits of
//! `kam_core::spreadsheet::limits` bound what is read). Seeded with real
//! workbooks: `cargo run -p kam-engine --example spreadsheet_seeds -- <dir>`.

use kam_core::ScoreOptions;
use kam_core::spreadsheet::{self, CsvOptions, ExportInput};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(read) = spreadsheet::read_xlsx(data) {
        let input = ExportInput::from(read.clone());
        // Text beyond a cell's 32,767 UTF-16 units cannot be written back;
        // anything else must come back unchanged.
        if let Ok(bytes) = spreadsheet::to_xlsx(&input, &ScoreOptions::default()) {
            let again = spreadsheet::read_xlsx(&bytes).expect("an export always reads back");
            assert_eq!(again, read, "an assessment changed through a workbook");
        }
    }
    if let Ok(assessments) = spreadsheet::read_csv(data) {
        let text = spreadsheet::to_csv(&assessments, &CsvOptions::default())
            .expect("assessments read from CSV are always written");
        let again = spreadsheet::read_csv(text.as_bytes()).expect("CSV kam wrote reads back");
        assert_eq!(again, assessments, "an assessment changed through CSV");
    }
});
