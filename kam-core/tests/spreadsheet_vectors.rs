//! Replays the spreadsheet golden vectors in `tests/vectors/spreadsheets/`:
//! workbooks built from recipes and read back, CSV text read and written.
//! The Python and JavaScript suites replay the same files through their
//! bindings; tests/vectors/README.md describes the format.
//!
//! Run with `KAM_BLESS=1` to write the engine's current output into each
//! vector's `expected`/`error` after a deliberate change; review the diff.
#![cfg(feature = "spreadsheet")]

mod common;

use std::path::PathBuf;

use common::Replay;

use kam_core::api;
use kam_core::json::from_value;
use kam_core::spreadsheet::{self, CsvOptions, recipe::Recipe};
use serde_json::{Value, json};

fn vectors_dir() -> Option<PathBuf> {
    common::workspace_path("tests/vectors/spreadsheets")
}

/// Every vector file, sorted by name, with its parsed content.
fn vectors() -> Vec<(PathBuf, Value)> {
    let Some(dir) = vectors_dir() else {
        return Vec::new();
    };
    common::vectors(&dir)
}

/// Runs one vector's operation.
fn run(vector: &Value) -> Result<Value, kam_core::Error> {
    let framework = match vector.get("framework") {
        Some(file) => Some(api::load_framework(&file.to_string())?),
        None => None,
    };
    let framework = framework.as_ref();
    let operation = vector["operation"].as_str().expect("an operation");
    Ok(match operation {
        "read_xlsx" => {
            let recipe: Recipe = from_value(vector["recipe"].clone())?;
            let workbook = spreadsheet::recipe::build(&recipe, framework)?;
            match framework {
                Some(f) => json!(spreadsheet::read_xlsx_with(f, &workbook)?),
                None => json!(spreadsheet::read_xlsx(&workbook)?),
            }
        }
        "read_csv" => {
            let text = vector["input_text"].as_str().expect("`input_text`");
            match framework {
                Some(f) => json!(spreadsheet::read_csv_with(f, text.as_bytes())?),
                None => json!(spreadsheet::read_csv(text.as_bytes())?),
            }
        }
        "to_csv" => {
            let assessments: Vec<kam_core::AuditAssessment> = from_value(vector["input"].clone())?;
            let options: CsvOptions = match vector.get("options") {
                Some(options) => from_value(options.clone())?,
                None => CsvOptions::default(),
            };
            match framework {
                Some(f) => json!(spreadsheet::to_csv_with(f, &assessments, &options)?),
                None => json!(spreadsheet::to_csv(&assessments, &options)?),
            }
        }
        other => panic!("unknown operation `{other}`"),
    })
}

#[test]
fn spreadsheet_vectors() {
    let Some(dir) = vectors_dir() else {
        return;
    };
    let vectors = vectors();
    assert!(
        vectors.len() >= 30,
        "expected the spreadsheet vectors in {}",
        dir.display()
    );
    let mut replay = Replay::new();
    for (path, mut vector) in vectors {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let started = std::time::Instant::now();
        let outcome = run(&vector);
        if std::env::var_os("KAM_TIMING").is_some() {
            eprintln!("{name}: {:?}", started.elapsed());
        }
        replay.check(&path, &mut vector, &outcome);
    }
    replay.finish();
}

/// Every kind a spreadsheet error can have is asserted by some vector here
/// or among the JSON vectors one level up.
#[test]
fn every_spreadsheet_error_kind_has_a_vector() {
    if vectors_dir().is_none() {
        return;
    }
    let here: std::collections::BTreeSet<String> = vectors()
        .iter()
        .filter_map(|(_, v)| v.pointer("/error/kind").and_then(Value::as_str))
        .map(str::to_owned)
        .collect();
    // The kinds added for spreadsheets (a run of the catalogue, from
    // `workbook-too-large` to `inconsistent-values`), and those JSON errors
    // share, here naming a cell.
    let place = |kind: &str| {
        kam_core::Error::KINDS
            .iter()
            .position(|k| *k == kind)
            .expect("the spreadsheet kinds are in the catalogue")
    };
    let (first, last) = (place("workbook-too-large"), place("inconsistent-values"));
    let shared = [
        "unknown-item",
        "unknown-area",
        "unknown-test",
        "unknown-question",
        "duplicate-entry",
        "duplicate-column",
        "score-out-of-range",
        "stage-out-of-range",
        "missing-answer",
        "framework-mismatch",
        "version-mismatch",
        "invalid-date",
        "text-too-long",
    ];
    let new_kinds = kam_core::Error::KINDS[first..=last]
        .iter()
        .copied()
        .chain(shared);
    let missing: Vec<&str> = new_kinds
        .into_iter()
        .filter(|k| !here.contains(*k))
        .collect();
    assert!(
        missing.is_empty(),
        "no spreadsheet vector for: {}",
        missing.join(", ")
    );
}
