//! Tests of the spreadsheet module as a whole: templates and exports written
//! and read back.

use super::*;
use crate::api;

fn cranfield() -> &'static Framework {
    api::framework("cranfield-kam-development").unwrap()
}

#[test]
fn cranfield_template_is_a_zip() {
    let bytes = template(cranfield()).unwrap();
    assert!(bytes.starts_with(b"PK"));
    limits::check_workbook(&bytes).unwrap();
}

#[test]
fn the_template_lays_out_every_item_under_a_header_row() {
    let book = template_book(cranfield()).unwrap();
    let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Instructions", "Audit", "Totals", "Litmus"]);
    let audit = book.sheet("Audit").unwrap();
    let text = |row: u32, column: u16| match &audit.cells[&(row, column)].value {
        book::Value::Text(t) => t.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(text(0, 0), "Id");
    assert_eq!(text(0, 5), "Score");
    assert_eq!(text(0, 6), "Evidence");
    assert_eq!(text(1, 0), "A1.1");
    assert_eq!(text(129, 0), "D3.9");
    // Scores and evidence are the only cells to fill in.
    let inputs: Vec<u16> = audit
        .cells
        .iter()
        .filter(|(_, c)| c.style == book::Style::Input)
        .map(|(&(_, column), _)| column)
        .collect();
    assert_eq!(inputs.len(), 2 * 129);
    assert!(inputs.iter().all(|&c| c == 5 || c == 6));
    assert!(audit.protected);
    assert_eq!(audit.validations.len(), 1);
}

#[test]
fn scratch_write() {
    if let Some(dir) = std::env::var_os("KAM_SCRATCH") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::write(dir.join("cranfield.xlsx"), template(cranfield()).unwrap()).unwrap();
        std::fs::write(
            dir.join("maturity.xlsx"),
            template(api::framework("kam-maturity-model").unwrap()).unwrap(),
        )
        .unwrap();
    }
}

fn export(assessment: &AuditAssessment) -> Vec<u8> {
    to_xlsx(
        &ExportInput::Audit {
            assessment: assessment.clone(),
            litmus: None,
        },
        &ScoreOptions::default(),
    )
    .unwrap()
}

#[test]
fn an_export_reads_back_as_its_assessment() {
    let framework = cranfield().as_audit().unwrap();
    let mut assessment = AuditAssessment::new(framework);
    assessment.context.organisation = Some("Søren & Zoë — 株式会社 _x0041_".into());
    assessment.context.date = Some("2026-03-31".into());
    assessment.scores.insert("A1.1".into(), 3);
    assessment.scores.insert("D3.1".into(), 0);
    assessment
        .evidence
        .insert("A1.1".into(), "  Vertrag\nüber 2 Mio. € 😬 ".into());
    let read = read_xlsx(&export(&assessment)).unwrap();
    assert_eq!(
        read,
        Assessment::ActionAudit {
            assessment,
            litmus: None
        }
    );
}

#[test]
fn scratch_export() {
    if let Some(dir) = std::env::var_os("KAM_SCRATCH") {
        let framework = cranfield().as_audit().unwrap();
        let mut assessment = AuditAssessment::new(framework);
        for (i, item) in framework.items.iter().enumerate() {
            if i % 5 != 0 {
                assessment
                    .scores
                    .insert(item.id.clone(), u8::try_from(i % 4).unwrap());
            }
        }
        std::fs::write(
            std::path::PathBuf::from(dir).join("export.xlsx"),
            export(&assessment),
        )
        .unwrap();
    }
}
