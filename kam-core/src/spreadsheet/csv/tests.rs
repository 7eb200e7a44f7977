use super::*;

fn cranfield() -> &'static AuditFramework {
    crate::framework::builtin_audit("cranfield-kam-development").unwrap()
}

fn sample() -> Vec<AuditAssessment> {
    let mut first = AuditAssessment::new(cranfield());
    first.context.organisation = Some("Søren & Zoë, \"Ltd\"; 株式会社".into());
    first.context.date = Some("2026-03-31".into());
    first.scores.insert("A1.1".into(), 3);
    first.scores.insert("B2.1".into(), 0);
    first.evidence.insert(
        "A1.1".into(),
        " line one\nline two, with \"quotes\"; ".into(),
    );
    let mut second = AuditAssessment::new(cranfield());
    second.context.assessor = Some("Ana".into());
    second.scores.insert("A1.2".into(), 1);
    vec![first, second]
}

#[test]
fn both_layouts_both_separators_round_trip() {
    let assessments = sample();
    for layout in [CsvLayout::Long, CsvLayout::Wide] {
        for delimiter in [CsvDelimiter::Comma, CsvDelimiter::Semicolon] {
            for bom in [false, true] {
                let options = CsvOptions {
                    layout,
                    delimiter,
                    bom,
                };
                let text = to_csv(&assessments, &options).unwrap();
                assert_eq!(text.starts_with('\u{feff}'), bom);
                let back = read_csv(text.as_bytes()).unwrap();
                assert_eq!(back, assessments, "{options:?}");
            }
        }
    }
}

#[test]
fn the_long_layout_lists_every_item() {
    let text = to_csv(&sample()[..1], &CsvOptions::default()).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "assessment,framework,framework_version,organisation,unit,assessor,date,item,score,evidence"
        )
    );
    assert!(text.contains(",A1.1,3,\" line one"));
    assert_eq!(
        text.matches("\n1,cranfield-kam-development,2006.2,")
            .count(),
        129
    );
}

#[test]
fn tolerant_of_what_spreadsheets_write() {
    let text =
        "\u{feff}Item;Score;Framework\r\n A1.1 ;3,0;cranfield-kam-development\r\nA1.2; ;\r\n;;\r\n";
    let read = read_csv(text.as_bytes()).unwrap();
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].scores.get("A1.1"), Some(&3));
    assert_eq!(read[0].scores.len(), 1);
}

#[test]
fn errors_name_the_row_and_column() {
    let framework = crate::framework::builtin_framework("cranfield-kam-development").unwrap();
    let cases = [
        (
            "item,score\nA1.1,abc\n",
            "invalid-score",
            "row 2, column `score` holds `abc`, not a score",
        ),
        (
            "item,score\nA1.1,7\n",
            "score-out-of-range",
            "row 2, column `score` holds 7, outside the scale 0–3",
        ),
        (
            "item,score\nZ9,1\n",
            "unknown-item",
            "row 2, column `item` names unknown item `Z9`",
        ),
        (
            "item,score\nA1.1,1\nA1.1,2\n",
            "duplicate-entry",
            "row 3, column `item` repeats item `A1.1`, first given at row 2, column `item`",
        ),
        (
            "item,score\n,1\n",
            "missing-item-id",
            "row 2, column `item` has no id",
        ),
        (
            "item\nA1.1\n",
            "missing-column",
            "the CSV header has no `score` column",
        ),
        (
            "item,score,Score\n",
            "duplicate-column",
            "column 3 of the CSV header repeats the column `Score`",
        ),
        (
            "item,score\nA1.1,1,extra\n",
            "invalid-csv",
            "row 2 is not valid CSV: it has 3 fields, but the header has 2",
        ),
        (
            "item,score,date\nA1.1,1,31/12/2026\n",
            "invalid-date",
            "row 2, column `date` holds `31/12/2026`",
        ),
        (
            "item,score,organisation\nA1.1,1,A\nA1.2,1,B\n",
            "inconsistent-values",
            "row 3, column `organisation` says `B`, but row 2, column `organisation` says `A` for the same assessment",
        ),
        (
            "item,score,framework\nA1.1,1,kam-maturity-model\n",
            "framework-mismatch",
            "row 2, column `framework` names framework `kam-maturity-model`",
        ),
        (
            "item,score,framework_version\nA1.1,1,1999\n",
            "version-mismatch",
            "row 2, column `framework_version` names `cranfield-kam-development` version `1999`",
        ),
        (
            "framework,A1.1,Z9\ncranfield-kam-development,1,2\n",
            "unknown-item",
            "column 3 of the CSV header names unknown item `Z9`",
        ),
        (
            "framework,A1.1\ncranfield-kam-development,2.5\n",
            "invalid-score",
            "row 2, column `A1.1` holds `2.5`, not a score",
        ),
    ];
    for (text, kind, message) in cases {
        let err = read_csv_with(framework, text.as_bytes()).unwrap_err();
        assert_eq!(err.kind(), kind, "{text}: {err}");
        assert!(err.to_string().starts_with(message), "{text}: {err}");
    }
    let err = read_csv(b"item,score\nA1.1,1\n").unwrap_err();
    assert_eq!(err.to_string(), "the CSV header has no `framework` column");
    let err = read_csv_with(framework, b"item,score\n\xff,1\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "row 2 is not valid CSV: it is not UTF-8 text"
    );
}

#[test]
fn the_wide_layout_needs_one_framework_version() {
    let mut assessments = sample();
    assessments[1].framework_version = "1999".into();
    let err = to_csv_with(
        crate::framework::builtin_framework("cranfield-kam-development").unwrap(),
        &assessments,
        &CsvOptions {
            layout: CsvLayout::Wide,
            ..CsvOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(err.kind(), "version-mismatch");
}
