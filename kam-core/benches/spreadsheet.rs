//! Spreadsheet speed: the Cranfield template (target: under 10 ms), an
//! export with its report and Figure 3, reading a filled workbook (as kam
//! wrote it and as LibreOffice saved it), and CSV both ways.
//!
//! Run: `cargo bench -p kam-engine --bench spreadsheet`

#![allow(missing_docs)] // criterion_group! generates undocumented items

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kam_core::spreadsheet::{self, CsvLayout, CsvOptions, ExportInput};
use kam_core::{AuditAssessment, ScoreOptions, api};

const SAVED_BY_LIBREOFFICE: &[u8] = include_bytes!("../tests/workbooks/libreoffice-audit.xlsx");

/// The Northwind example: a real-looking Cranfield audit with context and
/// evidence.
const NORTHWIND: &str = include_str!("../examples/data/northwind-audit.json");

fn bench(c: &mut Criterion) {
    let cranfield = api::framework("cranfield-kam-development").unwrap();
    let options = ScoreOptions::default();
    let assessment: AuditAssessment = kam_core::json::from_json(NORTHWIND).unwrap();
    let export = ExportInput::Audit {
        assessment: assessment.clone(),
        litmus: None,
    };
    c.bench_function("Cranfield template", |b| {
        b.iter(|| spreadsheet::template(black_box(cranfield)).unwrap());
    });
    c.bench_function("Cranfield export (filled, report, Figure 3)", |b| {
        b.iter(|| spreadsheet::to_xlsx(black_box(&export), &options).unwrap());
    });
    let filled = spreadsheet::to_xlsx(&export, &options).unwrap();
    c.bench_function("read a filled Cranfield workbook", |b| {
        b.iter(|| spreadsheet::read_xlsx(black_box(&filled)).unwrap());
    });
    // Baselines: what the same work costs with the libraries alone, without
    // kam's layout, limits and checks.
    c.bench_function(
        "baseline: rust_xlsxwriter, 130 rows × 9 plain cells",
        |b| {
            b.iter(|| bare_workbook(black_box(&assessment)));
        },
    );
    c.bench_function(
        "baseline: calamine, every sheet of the filled workbook",
        |b| {
            b.iter(|| bare_read(black_box(&filled)));
        },
    );
    c.bench_function("read a Cranfield workbook saved by LibreOffice", |b| {
        b.iter(|| spreadsheet::read_xlsx(black_box(SAVED_BY_LIBREOFFICE)).unwrap());
    });
    let hundred = vec![assessment; 100];
    for layout in [CsvLayout::Long, CsvLayout::Wide] {
        let csv_options = CsvOptions {
            layout,
            ..CsvOptions::default()
        };
        let text = spreadsheet::to_csv(&hundred, &csv_options).unwrap();
        c.bench_function(&format!("write 100 audits as {layout:?} CSV"), |b| {
            b.iter(|| spreadsheet::to_csv(black_box(&hundred), &csv_options).unwrap());
        });
        c.bench_function(&format!("read 100 audits from {layout:?} CSV"), |b| {
            b.iter(|| spreadsheet::read_csv(black_box(text.as_bytes())).unwrap());
        });
    }
}

/// The Audit sheet's cells with nothing else: no styles, dropdowns,
/// protection, formulas, totals or charts.
fn bare_workbook(assessment: &AuditAssessment) -> Vec<u8> {
    let framework = api::framework("cranfield-kam-development")
        .unwrap()
        .as_audit()
        .unwrap();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (column, title) in (0u16..).zip([
        "Id", "Phase", "Period", "Stream", "Item", "Score", "Evidence", "Points", "Max",
    ]) {
        sheet.write_string(0, column, title).unwrap();
    }
    for (row, item) in (1u32..).zip(&framework.items) {
        sheet.write_string(row, 0, &item.id).unwrap();
        sheet.write_string(row, 1, &item.period[..1]).unwrap();
        sheet.write_string(row, 2, &item.period).unwrap();
        sheet.write_string(row, 3, &item.stream).unwrap();
        sheet.write_string(row, 4, &item.text).unwrap();
        if let Some(&score) = assessment.scores.get(&item.id) {
            sheet.write_number(row, 5, f64::from(score)).unwrap();
        }
        sheet.write_number(row, 8, 3.0).unwrap();
    }
    workbook.save_to_buffer().unwrap()
}

/// Every sheet read into calamine's ranges, values only.
fn bare_read(bytes: &[u8]) -> usize {
    use calamine::Reader;
    let mut workbook = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    workbook
        .worksheets()
        .iter()
        .map(|(_, range)| range.used_cells().count())
        .sum()
}

criterion_group!(benches, bench);
criterion_main!(benches);
