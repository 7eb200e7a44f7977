//! Tests of the spreadsheet module as a whole: templates and exports written
//! and read back.

use super::*;
use crate::framework::builtin_framework;
use crate::litmus::LitmusAnswers;

fn cranfield() -> &'static Framework {
    builtin_framework("cranfield-kam-development").unwrap()
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

mod round_trip {
    //! An assessment written to a workbook (or CSV) and read back is the
    //! identical assessment, whatever Unicode its context and evidence hold.

    use proptest::prelude::*;

    use super::*;
    use crate::assessment::Context;

    /// Text of any characters, control characters and non-characters
    /// included; never empty, since a spreadsheet cannot tell empty text
    /// from a blank cell (so empty evidence reads back as none).
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(any::<char>(), 1..40).prop_map(String::from_iter)
    }

    /// A calendar date from year 1000: before 1900 a workbook holds it as
    /// text, from 1900-03-01 as an Excel date.
    fn date() -> impl Strategy<Value = String> {
        (1000u32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
    }

    fn assessment() -> impl Strategy<Value = AuditAssessment> {
        let framework = cranfield().as_audit().unwrap();
        let ids: Vec<String> = framework.items.iter().map(|i| i.id.clone()).collect();
        let count = ids.len();
        (
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::option::of(date()),
            proptest::collection::btree_map(0..count, 0u8..=3, 0..count),
            proptest::collection::btree_map(0..count, text(), 0..8),
        )
            .prop_map(
                move |(organisation, unit, assessor, date, scores, evidence)| {
                    let mut assessment = AuditAssessment::new(framework);
                    assessment.context = Context {
                        organisation,
                        unit,
                        assessor,
                        date,
                    };
                    let id = |i: usize| ids.get(i).cloned().unwrap_or_default();
                    assessment.scores = scores.into_iter().map(|(i, s)| (id(i), s)).collect();
                    assessment.evidence = evidence.into_iter().map(|(i, t)| (id(i), t)).collect();
                    assessment
                },
            )
    }

    fn maturity() -> impl Strategy<Value = MaturityAssessment> {
        let model = builtin_framework("kam-maturity-model")
            .unwrap()
            .as_maturity()
            .unwrap();
        let ids: Vec<String> = model.areas.iter().map(|a| a.id.clone()).collect();
        let count = ids.len();
        (
            proptest::option::of(text()),
            proptest::collection::btree_map(0..count, 1u8..=5, 0..count),
            proptest::collection::btree_map(0..count, text(), 0..4),
        )
            .prop_map(move |(assessor, stages, evidence)| {
                let mut assessment = empty_maturity(model);
                assessment.context.assessor = assessor;
                let id = |i: usize| ids.get(i).cloned().unwrap_or_default();
                assessment.stages = stages.into_iter().map(|(i, s)| (id(i), s)).collect();
                assessment.evidence = evidence.into_iter().map(|(i, t)| (id(i), t)).collect();
                assessment
            })
    }

    /// Litmus answers: each test answered by distinct respondents (answer
    /// sets of one test and respondent are one response), every question
    /// of a set answered, as kam accepts them.
    fn litmus() -> impl Strategy<Value = LitmusAnswers> {
        let framework = cranfield().as_audit().unwrap();
        let tests = framework.litmus_tests.clone();
        let set = |questions: Vec<String>| {
            (
                proptest::option::of(text()),
                proptest::collection::vec(any::<bool>(), questions.len()),
            )
                .prop_map(move |(about, answers)| crate::litmus::AnswerSet {
                    about,
                    answers: questions.iter().cloned().zip(answers).collect(),
                })
        };
        let responses = tests.into_iter().map(move |test| {
            let questions: Vec<String> = test.questions.iter().map(|q| q.id.clone()).collect();
            let id = test.id.clone();
            // A test answered once takes exactly one answer set per response.
            let sets = if test.repeat_per.is_some() {
                1..3
            } else {
                1..2
            };
            proptest::collection::vec(
                (
                    proptest::option::of(text()),
                    proptest::collection::vec(set(questions), sets),
                ),
                0..3,
            )
            .prop_map(move |responses| {
                let mut seen = std::collections::BTreeSet::new();
                responses
                    .into_iter()
                    .filter(|(respondent, _)| seen.insert(respondent.clone()))
                    .map(|(respondent, answer_sets)| crate::litmus::LitmusResponse {
                        test: id.clone(),
                        respondent,
                        answer_sets,
                    })
                    .collect::<Vec<_>>()
            })
        });
        responses
            .collect::<Vec<_>>()
            .prop_map(move |per_test| LitmusAnswers {
                framework: framework.id.clone(),
                framework_version: framework.version.clone(),
                context: Context::default(),
                responses: per_test.into_iter().flatten().collect(),
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn maturity_through_a_workbook(assessment in maturity()) {
            let input = ExportInput::Maturity { assessment: assessment.clone() };
            let bytes = to_xlsx(&input, &ScoreOptions::default()).unwrap();
            prop_assert_eq!(read_xlsx(&bytes).unwrap(), Assessment::MaturityModel { assessment });
        }

        #[test]
        fn litmus_through_a_workbook(answers in litmus()) {
            let framework = cranfield().as_audit().unwrap();
            let assessment = AuditAssessment::new(framework);
            let mut answers = answers;
            answers.context = assessment.context.clone();
            let input = ExportInput::Audit { assessment: assessment.clone(), litmus: Some(answers.clone()) };
            let bytes = to_xlsx(&input, &ScoreOptions::default()).unwrap();
            let litmus = (!answers.responses.is_empty()).then_some(answers);
            prop_assert_eq!(read_xlsx(&bytes).unwrap(), Assessment::ActionAudit { assessment, litmus });
        }

        #[test]
        fn through_a_workbook(assessment in assessment()) {
            let read = read_xlsx(&export(&assessment)).unwrap();
            prop_assert_eq!(read, Assessment::ActionAudit { assessment, litmus: None });
        }

        #[test]
        fn through_csv(assessments in proptest::collection::vec(assessment(), 1..4)) {
            for layout in [CsvLayout::Long, CsvLayout::Wide] {
                for delimiter in [CsvDelimiter::Comma, CsvDelimiter::Semicolon] {
                    let options = CsvOptions { layout, delimiter, bom: layout == CsvLayout::Wide };
                    let text = to_csv(&assessments, &options).unwrap();
                    prop_assert_eq!(&read_csv(text.as_bytes()).unwrap(), &assessments);
                }
            }
        }
    }
}

#[test]
fn comparisons_and_aggregations_export() {
    let framework = cranfield().as_audit().unwrap();
    let mut before = AuditAssessment::new(framework);
    before.context.assessor = Some("Ana".into());
    before.scores.insert("A1.1".into(), 1);
    before.scores.insert("A1.2".into(), 3);
    let mut after = before.clone();
    after.context.assessor = Some("Bo".into());
    after.scores.insert("A1.1".into(), 3);
    after.scores.insert("A1.3".into(), 0);
    let text = r#"{"type": "comparison", "before": BEFORE, "after": AFTER}"#
        .replace("BEFORE", &serde_json::to_string(&before).unwrap())
        .replace("AFTER", &serde_json::to_string(&after).unwrap());
    let input: ExportInput = crate::json::from_json(&text).unwrap();
    assert_eq!(
        input,
        ExportInput::Comparison(crate::analysis::ComparisonInput {
            before: before.clone(),
            after: after.clone()
        })
    );
    let bytes = to_xlsx(&input, &ScoreOptions::default()).unwrap();
    limits::check_workbook(&bytes).unwrap();
    let input = ExportInput::Aggregation(crate::analysis::AggregateInput {
        audits: vec![before, after],
        disagreement: 2,
    });
    let bytes = to_xlsx(&input, &ScoreOptions::default()).unwrap();
    // The aggregated audit reads back: the median rounded half down.
    let Assessment::ActionAudit { assessment, .. } = read_xlsx(&bytes).unwrap() else {
        panic!("an audit");
    };
    assert_eq!(assessment.scores["A1.1"], 2);
    assert_eq!(assessment.scores["A1.2"], 3);
    let none = ExportInput::Aggregation(crate::analysis::AggregateInput {
        audits: vec![],
        disagreement: 2,
    });
    let err = to_xlsx(&none, &ScoreOptions::default()).unwrap_err();
    assert_eq!(err.kind(), "empty-input");
}

/// The assessments behind the workbooks LibreOffice saved in
/// `kam-core/tests/workbooks/` (written with `KAM_WRITE_FIXTURES=<dir>`,
/// then opened and saved again by LibreOffice 7.4).
fn fixture_assessments() -> (AuditAssessment, LitmusAnswers, MaturityAssessment) {
    let framework = cranfield().as_audit().unwrap();
    let mut audit = AuditAssessment::new(framework);
    audit.context.organisation = Some("Northwind — 北風 & Søn".into());
    audit.context.date = Some("2026-03-31".into());
    for (i, item) in framework
        .items
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 3 != 1)
    {
        audit
            .scores
            .insert(item.id.clone(), u8::try_from(i % 4).unwrap());
    }
    audit
        .evidence
        .insert("A1.1".into(), "Board minutes\nsecond line  ".into());
    let litmus: LitmusAnswers = serde_json::from_value(serde_json::json!({
        "framework": "cranfield-kam-development", "framework_version": "2006.2",
        "context": {"organisation": "Northwind — 北風 & Søn", "date": "2026-03-31"},
        "responses": [{"test": "key-account-managers", "respondent": "Ana", "answer_sets": [
            {"about": "Acme", "answers": {"key-account-managers-1": true, "key-account-managers-2": true,
              "key-account-managers-3": false, "key-account-managers-4": true, "key-account-managers-5": true}}]}]
    }))
    .unwrap();
    let model = builtin_framework("kam-maturity-model")
        .unwrap()
        .as_maturity()
        .unwrap();
    let mut maturity = empty_maturity(model);
    maturity.context.assessor = Some("Bo".into());
    maturity.stages.insert("process".into(), 3);
    maturity
        .evidence
        .insert("process".into(), "reviewed yearly".into());
    (audit, litmus, maturity)
}

#[test]
fn workbooks_saved_by_libreoffice_read_back() {
    let (audit, litmus, maturity) = fixture_assessments();
    let audit_input = ExportInput::Audit {
        assessment: audit.clone(),
        litmus: Some(litmus.clone()),
    };
    let maturity_input = ExportInput::Maturity {
        assessment: maturity.clone(),
    };
    if let Some(dir) = std::env::var_os("KAM_WRITE_FIXTURES") {
        let dir = std::path::PathBuf::from(dir);
        let options = ScoreOptions::default();
        std::fs::write(
            dir.join("audit.xlsx"),
            to_xlsx(&audit_input, &options).unwrap(),
        )
        .unwrap();
        std::fs::write(
            dir.join("maturity.xlsx"),
            to_xlsx(&maturity_input, &options).unwrap(),
        )
        .unwrap();
    }
    let saved = include_bytes!("../../tests/workbooks/libreoffice-audit.xlsx");
    assert_eq!(
        read_xlsx(saved).unwrap(),
        Assessment::ActionAudit {
            assessment: audit,
            litmus: Some(litmus)
        }
    );
    let saved = include_bytes!("../../tests/workbooks/libreoffice-maturity.xlsx");
    assert_eq!(
        read_xlsx(saved).unwrap(),
        Assessment::MaturityModel {
            assessment: maturity
        }
    );
}

#[test]
fn stored_results_are_kams_values() {
    // A script that reads the file without recalculating sees kam's numbers.
    let framework = cranfield().as_audit().unwrap();
    let mut assessment = AuditAssessment::new(framework);
    assessment.scores.insert("A1.1".into(), 3);
    assessment.scores.insert("B1.1".into(), 2);
    let report =
        crate::scoring::score_audit(framework, &assessment, &ScoreOptions::default()).unwrap();
    let bytes = export(&assessment);
    let mut book = read::Workbook::open(&bytes).unwrap();
    let totals = book.grid("Totals").unwrap();
    let number = |n: u32| choices::Raw::Number(f64::from(n));
    assert_eq!(totals.raw(1, 5), &number(report.overall.score));
    assert_eq!(totals.raw(1, 6), &number(report.overall.max));
    assert_eq!(totals.raw(2, 5), &number(report.phases[0].score));
    // A formula with an empty result stores empty text, not 0.
    let model = builtin_framework("kam-maturity-model").unwrap();
    let input = ExportInput::Maturity {
        assessment: empty_maturity(model.as_maturity().unwrap()),
    };
    let bytes = to_xlsx(&input, &ScoreOptions::default()).unwrap();
    let mut book = read::Workbook::open(&bytes).unwrap();
    let summary = book.grid("Summary").unwrap();
    assert!(summary.formula(2, 1).is_some());
    assert_eq!(summary.raw(2, 1), &choices::Raw::Text(String::new()));
}

#[test]
fn empty_text_reads_back_as_none() {
    // A spreadsheet cannot tell empty text from a blank cell.
    let framework = cranfield().as_audit().unwrap();
    let mut assessment = AuditAssessment::new(framework);
    assessment.evidence.insert("A1.1".into(), String::new());
    assessment.context.unit = Some(String::new());
    let Assessment::ActionAudit {
        assessment: read, ..
    } = read_xlsx(&export(&assessment)).unwrap()
    else {
        panic!("an audit");
    };
    assert!(read.evidence.is_empty());
    assert_eq!(read.context.unit, None);
}

#[test]
fn several_workbooks_and_the_one_that_failed() {
    let framework = cranfield().as_audit().unwrap();
    let good = export(&AuditAssessment::new(framework));
    let read = read_xlsx_files([
        ("north.xlsx", good.as_slice()),
        ("south.xlsx", good.as_slice()),
    ]);
    assert_eq!(read.unwrap().len(), 2);
    let err = read_xlsx_files([
        ("north.xlsx", good.as_slice()),
        ("notes.txt", &b"hello"[..]),
    ])
    .unwrap_err();
    assert_eq!(err.kind(), "invalid-workbook");
    assert_eq!(
        err.to_string(),
        "in `notes.txt`: not a workbook kam can read: it is not a zip archive, as every .xlsx \
         workbook is"
    );
}

/// Checklist workbooks: every bundled checklist's template reads back as a
/// blank assessment, its rows and totals follow the framework, and an
/// assessment (scores, "not applicable" marks, evidence, any Unicode in the
/// context) comes back unchanged through an export.
mod checklists {
    use proptest::prelude::*;

    use super::*;
    use crate::assessment::Context;
    use crate::framework::ChecklistFramework;

    const CHECKLISTS: [&str; 3] = ["kam-development-model", "kam-strategy", "kam-three-pillars"];

    fn checklist(id: &str) -> &'static ChecklistFramework {
        builtin_framework(id).unwrap().as_checklist().unwrap()
    }

    #[test]
    fn every_template_reads_back_blank_with_one_row_per_item() {
        for id in CHECKLISTS {
            let framework = checklist(id);
            let bytes = template(builtin_framework(id).unwrap()).unwrap();
            let Assessment::Checklist { assessment } = read_xlsx(&bytes).unwrap() else {
                panic!("{id}: not read as a checklist");
            };
            assert_eq!(assessment, empty_checklist(framework), "{id}");
            let book = template_book(builtin_framework(id).unwrap()).unwrap();
            let sheet = book.sheet(super::super::checklist::SHEET).unwrap();
            let ids: Vec<String> = sheet
                .cells
                .iter()
                .filter(|((row, column), _)| *column == 0 && *row > 0)
                .filter_map(|(_, c)| match &c.value {
                    super::super::book::Value::Text(t) => Some(t.clone()),
                    _ => None,
                })
                .collect();
            let expected: Vec<String> = framework.items().map(|(_, i)| i.id.clone()).collect();
            assert_eq!(ids, expected, "{id}");
        }
    }

    #[test]
    fn totals_store_kams_section_and_group_scores() {
        use super::super::book::{Cached, Value};
        use super::super::totals::column;
        let framework = checklist("kam-strategy");
        let mut assessment = empty_checklist(framework);
        for (n, (_, item)) in framework.items().enumerate() {
            match n % 4 {
                0 => {}
                1 => {
                    assessment.not_applicable.insert(item.id.clone());
                }
                s => {
                    assessment
                        .scores
                        .insert(item.id.clone(), u8::try_from(s).unwrap());
                }
            }
        }
        let options = crate::checklist::ChecklistOptions::default();
        let report = crate::checklist::score_checklist(framework, &assessment, &options).unwrap();
        let book = workbook::checklist_book(framework, &assessment).unwrap();
        let totals = book.sheet(super::super::totals::SHEET).unwrap();
        // The stored result as text, so whole numbers compare exactly.
        let cached = |row: u32, column: u16| match &totals.cells[&(row, column)].value {
            Value::Formula {
                result: Cached::Number(n),
                ..
            } => n.to_string(),
            other => panic!("not a number formula: {other:?}"),
        };
        assert_eq!(cached(1, column::SCORE), report.overall.score.to_string());
        assert_eq!(cached(1, column::MAX), report.overall.max.to_string());
        for (row, section) in (2..).zip(&report.sections) {
            assert_eq!(
                cached(row, column::SCORE),
                section.score.to_string(),
                "{}",
                section.id
            );
            assert_eq!(
                cached(row, column::MAX),
                section.max.to_string(),
                "{}",
                section.id
            );
        }
        let groups = report.groupings.iter().flat_map(|g| &g.groups);
        let first = 2 + u32::try_from(report.sections.len()).unwrap();
        for (row, group) in (first..).zip(groups) {
            assert_eq!(
                cached(row, column::SCORE),
                group.score.to_string(),
                "{}",
                group.id
            );
            assert_eq!(
                cached(row, column::ITEMS),
                group.items.to_string(),
                "{}",
                group.id
            );
        }
    }

    /// Text of any characters, never empty (a blank cell reads as none).
    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(any::<char>(), 1..30).prop_map(String::from_iter)
    }

    fn assessment() -> impl Strategy<Value = AuditAssessment> {
        (0..CHECKLISTS.len()).prop_flat_map(|which| {
            let framework = checklist(CHECKLISTS.get(which).copied().unwrap_or_default());
            let ids: Vec<String> = framework.items().map(|(_, i)| i.id.clone()).collect();
            let count = ids.len();
            (
                proptest::option::of(text()),
                proptest::option::of(text()),
                // 0–3 a score, 4 "not applicable".
                proptest::collection::btree_map(0..count, 0u8..=4, 0..count),
                proptest::collection::btree_map(0..count, text(), 0..5),
            )
                .prop_map(move |(organisation, assessor, answers, evidence)| {
                    let mut assessment = empty_checklist(framework);
                    assessment.context = Context {
                        organisation,
                        assessor,
                        ..Context::default()
                    };
                    let id = |i: usize| ids.get(i).cloned().unwrap_or_default();
                    for (i, answer) in answers {
                        if answer == 4 {
                            assessment.not_applicable.insert(id(i));
                        } else {
                            assessment.scores.insert(id(i), answer);
                        }
                    }
                    assessment.evidence = evidence.into_iter().map(|(i, t)| (id(i), t)).collect();
                    assessment
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn through_a_workbook(assessment in assessment()) {
            let input = ExportInput::Checklist { assessment: assessment.clone() };
            let bytes = to_xlsx(&input, &ScoreOptions::default()).unwrap();
            prop_assert_eq!(read_xlsx(&bytes).unwrap(), Assessment::Checklist { assessment });
        }
    }
}
