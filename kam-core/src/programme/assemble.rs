//! Assembling a programme from files: assessment documents as the
//! calculators save them (JSON) and filled workbooks (`.xlsx`), each filed
//! as the kind of assessment its framework makes it.
//!
//! A saved assessment does not say whether it is an audit, a maturity
//! assessment, a checklist or litmus answers; its framework does. So each
//! JSON file is read as: a programme entry when it already is one
//! (`{"type": …, "assessment": …}`); litmus answers when it has
//! `responses`; otherwise the kind of the framework it names (an action
//! audit, a maturity model, a checklist), looked up in the programme's own
//! framework files, then the bundled ones. A workbook is read by the
//! spreadsheet module: an audit workbook gives its audit and, when any
//! answer set was filled in, its litmus answers.
//!
//! Units named by the assessments but missing from the programme are added
//! at the top level, in the order the files first name them (kam's rule: a
//! folder of assessments is a programme without a hierarchy).

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::document::{Programme, ProgrammeAssessment, Unit};
use crate::assessment::AuditAssessment;
use crate::error::{Error, InputError, LimitError, ProgrammeError};
use crate::framework::{self, Framework};
use crate::limits::MAX_PROGRAMME_ASSESSMENTS;
use crate::litmus::LitmusAnswers;
use crate::maturity::MaturityAssessment;
use crate::spreadsheet;

/// What is needed to tell a JSON file's kind before reading it fully.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    framework: Option<String>,
    #[serde(default, rename = "type")]
    kind: Option<IgnoredAny>,
    #[serde(default)]
    assessment: Option<IgnoredAny>,
    #[serde(default)]
    responses: Option<IgnoredAny>,
}

/// `programme` with the assessments of `files` (each a name, such as the
/// file name, and its bytes) added after its own, in file order, and the
/// units they name added when missing.
///
/// # Errors
/// `too-many-entries` for more files than a programme holds assessments;
/// for a file, located as "file `name`": `invalid-json` (not UTF-8 text, or
/// malformed), `invalid-input` (without `framework`), `unknown-framework`, every error of
/// reading the document, and every error of reading a workbook
/// (`invalid-workbook`, `unknown-item`, … naming the cell). The assembled
/// programme is checked as a whole by `programme_report`.
pub fn assemble<'a>(
    mut programme: Programme,
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<Programme, Error> {
    for (count, (name, bytes)) in files.into_iter().enumerate() {
        if count >= MAX_PROGRAMME_ASSESSMENTS {
            return Err(LimitError::TooManyEntries {
                path: "files".to_owned(),
                count: count + 1,
                max: MAX_PROGRAMME_ASSESSMENTS,
            }
            .into());
        }
        let read = read_file(&programme.frameworks, name, bytes)
            .map_err(|e| ProgrammeError::at(format!("file `{name}`"), e))?;
        programme.assessments.extend(read);
    }
    add_missing_units(&mut programme);
    Ok(programme)
}

/// The assessments of one file.
fn read_file(
    own: &[Framework],
    name: &str,
    bytes: &[u8],
) -> Result<Vec<ProgrammeAssessment>, Error> {
    if name.to_ascii_lowercase().ends_with(".xlsx") {
        return Ok(match spreadsheet::read_xlsx(bytes)? {
            spreadsheet::Assessment::ActionAudit { assessment, litmus } => {
                let mut read = vec![ProgrammeAssessment::Audit(assessment)];
                read.extend(litmus.map(ProgrammeAssessment::Litmus));
                read
            }
            spreadsheet::Assessment::MaturityModel { assessment } => {
                vec![ProgrammeAssessment::Maturity(assessment)]
            }
            spreadsheet::Assessment::Checklist { assessment } => {
                vec![ProgrammeAssessment::Checklist(assessment)]
            }
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| InputError::InvalidJson {
        path: String::new(),
        message: "the file is not UTF-8 text".to_owned(),
    })?;
    let probe: Probe = crate::json::from_json(text)?;
    if probe.kind.is_some() && probe.assessment.is_some() {
        return Ok(vec![crate::json::from_json(text)?]);
    }
    if probe.responses.is_some() {
        return Ok(vec![ProgrammeAssessment::Litmus(crate::json::from_json::<
            LitmusAnswers,
        >(text)?)]);
    }
    let id = probe.framework.ok_or_else(|| InputError::InvalidInput {
        path: String::new(),
        message: "missing field `framework`: an assessment names its framework".to_owned(),
    })?;
    let framework = own
        .iter()
        .find(|f| f.id() == id)
        .map_or_else(|| framework::builtin_framework(&id), Ok)?;
    Ok(vec![match framework {
        Framework::ActionAudit(_) => {
            ProgrammeAssessment::Audit(crate::json::from_json::<AuditAssessment>(text)?)
        }
        Framework::MaturityModel(_) => {
            ProgrammeAssessment::Maturity(crate::json::from_json::<MaturityAssessment>(text)?)
        }
        Framework::Checklist(_) => {
            ProgrammeAssessment::Checklist(crate::json::from_json::<AuditAssessment>(text)?)
        }
    }])
}

/// Adds, at the top level, every unit an assessment names that the
/// programme lacks.
fn add_missing_units(programme: &mut Programme) {
    let mut known: std::collections::BTreeSet<String> =
        programme.units.iter().map(|u| u.id.clone()).collect();
    for assessment in &programme.assessments {
        if let Some(unit) = &assessment.context().unit
            && known.insert(unit.clone())
        {
            programme.units.push(Unit {
                id: unit.clone(),
                name: None,
                parent: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::ScoreOptions;

    fn base() -> Programme {
        super::super::from_json(
            r#"{"name": "Folder", "units": [{"id": "emea"}, {"id": "uk", "parent": "emea"}]}"#,
        )
        .unwrap()
    }

    const AUDIT: &str = r#"{"framework": "cranfield-kam-development", "framework_version": "2006.2",
        "context": {"unit": "uk", "assessor": "ann", "date": "2025-01-01"}, "scores": {"A1.1": 3}}"#;
    const MATURITY: &str = r#"{"framework": "kam-maturity-model", "framework_version": "1.0",
        "context": {"unit": "de", "assessor": "ann", "date": "2025-01-01"}, "stages": {"process": 2}}"#;
    const CHECKLIST: &str = r#"{"framework": "kam-development-model", "framework_version": "1.0",
        "context": {"unit": "de", "assessor": "ann", "date": "2025-01-01"}, "scores": {}}"#;
    const LITMUS: &str = r#"{"framework": "cranfield-kam-development", "framework_version": "2006.2",
        "context": {"unit": "fr", "assessor": "ann", "date": "2025-01-01"},
        "responses": [{"test": "organisation", "answer_sets": [{"answers": {"organisation-1": true,
            "organisation-2": true, "organisation-3": false, "organisation-4": true, "organisation-5": false}}]}]}"#;

    #[test]
    fn each_file_is_filed_as_its_framework_makes_it() {
        let entry = format!(
            r#"{{"type": "audit", "assessment": {}}}"#,
            AUDIT.replace("ann", "ben")
        );
        let files: Vec<(&str, &[u8])> = vec![
            ("a.json", AUDIT.as_bytes()),
            ("m.json", MATURITY.as_bytes()),
            ("c.json", CHECKLIST.as_bytes()),
            ("l.json", LITMUS.as_bytes()),
            ("e.json", entry.as_bytes()),
        ];
        let p = assemble(base(), files).unwrap();
        let kinds: Vec<&str> = p
            .assessments
            .iter()
            .map(ProgrammeAssessment::what)
            .collect();
        assert_eq!(
            kinds,
            [
                "audit",
                "maturity assessment",
                "checklist",
                "litmus test",
                "audit"
            ]
        );
        // Units the files name are added at the top level, in order.
        let units: Vec<(&str, Option<&str>)> = p
            .units
            .iter()
            .map(|u| (u.id.as_str(), u.parent.as_deref()))
            .collect();
        assert_eq!(
            units,
            [
                ("emea", None),
                ("uk", Some("emea")),
                ("de", None),
                ("fr", None)
            ]
        );
        let report = crate::programme::programme_report(&p, &ScoreOptions::default()).unwrap();
        assert_eq!(report.summary.audits, 2);
        assert_eq!(report.summary.checklists, 1);
    }

    #[test]
    fn a_workbook_is_read_by_the_spreadsheet_module() {
        let assessment: AuditAssessment = crate::json::from_json(AUDIT).unwrap();
        let book = spreadsheet::to_xlsx(
            &spreadsheet::ExportInput::Audit {
                assessment: assessment.clone(),
                litmus: None,
            },
            &ScoreOptions::default(),
        )
        .unwrap();
        let p = assemble(base(), [("uk.XLSX", book.as_slice())]).unwrap();
        assert_eq!(p.assessments, [ProgrammeAssessment::Audit(assessment)]);
    }

    #[test]
    fn errors_name_the_file() {
        let error = |name: &str, bytes: &[u8]| {
            let e = assemble(base(), [(name, bytes)]).unwrap_err();
            (e.kind().as_str(), e.to_string())
        };
        assert_eq!(
            error("x.json", b"\xff"),
            (
                "invalid-json",
                "file `x.json`: invalid JSON at the top level: the file is not UTF-8 text"
                    .to_owned()
            )
        );
        assert_eq!(
            error("x.json", br#"{"scores": {}}"#),
            (
                "invalid-input",
                "file `x.json`: invalid input at the top level: missing field `framework`: an assessment names its framework".to_owned()
            )
        );
        let (kind, message) = error("x.json", br#"{"framework": "nope"}"#);
        assert_eq!(kind, "unknown-framework");
        assert!(message.starts_with("file `x.json`: "), "{message}");
        let (kind, message) = error("a.json", AUDIT.replace(": 3}", ": \"three\"}").as_bytes());
        assert_eq!(kind, "invalid-input");
        assert!(message.starts_with("file `a.json`: "), "{message}");
        assert_eq!(error("b.xlsx", b"not a zip").0, "invalid-workbook");
    }
}
