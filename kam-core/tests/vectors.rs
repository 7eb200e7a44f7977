//! Replays the language-neutral golden vectors in `tests/vectors/` (the same
//! files the Python and JavaScript suites replay).
//!
//! Run with `KAM_BLESS=1` to write the engine's current output into each
//! vector's `expected`/`error` after a deliberate change; review the diff.

use std::path::{Path, PathBuf};

use kam_core::api::{self, ErrorInfo};
use kam_core::error::from_json;
use serde_json::{Value, json};

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

/// Every vector file, sorted by name, with its parsed content.
fn vectors() -> Vec<(PathBuf, Value)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(vectors_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, value)
        })
        .collect()
}

/// Runs one operation of the facade on a vector's input.
fn run(operation: &str, input: &str, options: Option<&Value>) -> Result<Value, kam_core::Error> {
    let options = options.map_or_else(|| "{}".to_owned(), Value::to_string);
    let value = match operation {
        "score" => json!(api::score(&from_json(input)?, &from_json(&options)?)?),
        "score_maturity" => json!(api::score_maturity(
            &from_json(input)?,
            &from_json(&options)?
        )?),
        "score_litmus" => json!(api::score_litmus(&from_json(input)?)?),
        "load_framework" => json!(api::load_framework(input)?.summary()),
        "framework" => json!(api::framework(&from_json::<String>(input)?)?.summary()),
        "pareto" => json!(api::pareto(&from_json(input)?)?),
        "portfolio" => json!(api::portfolio(&from_json(input)?)?),
        "compare" => json!(api::compare(&from_json(input)?, &from_json(&options)?)?),
        "aggregate" => json!(api::aggregate(&from_json(input)?, &from_json(&options)?)?),
        "units" => json!(api::units(&from_json(input)?, &from_json(&options)?)?),
        "account_plan" => json!(api::account_plan(&from_json(input)?)?),
        "time_allocation" => json!(api::time_allocation(&from_json(input)?)?),
        "shortest_path" => json!(api::shortest_path(
            &from_json(input)?,
            &from_json(&options)?
        )?),
        "explain" => json!(api::explain(&from_json(input)?, &from_json(&options)?)?),
        "rescore" => json!(api::rescore(&from_json(input)?, &from_json(&options)?)?),
        other => panic!("unknown operation `{other}`"),
    };
    Ok(value)
}

fn input_text(vector: &Value) -> String {
    match (vector.get("input"), vector.get("input_text")) {
        (Some(input), None) => input.to_string(),
        (None, Some(Value::String(text))) => text.clone(),
        _ => panic!("a vector needs exactly one of `input` and `input_text`"),
    }
}

#[test]
fn golden_vectors() {
    let bless = std::env::var_os("KAM_BLESS").is_some();
    let vectors = vectors();
    assert!(
        vectors.len() >= 10,
        "expected the golden vectors in {:?}",
        vectors_dir()
    );
    let mut failures = Vec::new();
    for (path, mut vector) in vectors {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let operation = vector["operation"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: no operation"));
        let outcome = run(operation, &input_text(&vector), vector.get("options"));
        if bless {
            let object = vector.as_object_mut().unwrap();
            object.remove("expected");
            object.remove("error");
            match &outcome {
                Ok(value) => object.insert("expected".into(), value.clone()),
                Err(e) => object.insert("error".into(), json!(ErrorInfo::from(e))),
            };
            let text = serde_json::to_string_pretty(&vector).unwrap() + "\n";
            std::fs::write(&path, text).unwrap();
            continue;
        }
        match (&outcome, vector.get("expected"), vector.get("error")) {
            (Ok(got), Some(expected), None) if got == expected => {}
            (Err(e), None, Some(expected)) if json!(ErrorInfo::from(e)) == *expected => {}
            _ => failures.push(format!(
                "{name}: got {}",
                match &outcome {
                    Ok(v) => v.to_string(),
                    Err(e) => format!("error {} `{e}`", e.kind()),
                }
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} vector(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_error_vector_names_a_known_kind() {
    for (path, vector) in vectors() {
        if let Some(kind) = vector.pointer("/error/kind").and_then(Value::as_str) {
            assert!(
                kam_core::Error::KINDS.contains(&kind),
                "{}: {kind}",
                path.display()
            );
        }
    }
}
