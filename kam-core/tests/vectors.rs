//! Replays the language-neutral golden vectors in `tests/vectors/` (the same
//! files the Python and JavaScript suites replay).
//!
//! Run with `KAM_BLESS=1` to write the engine's current output into each
//! vector's `expected`/`error` after a deliberate change; review the diff.

mod common;

use std::path::PathBuf;

use common::Replay;

use kam_core::api;
use kam_core::json::from_json;
use serde_json::{Value, json};

/// Whether this build has every feature of the crate, so every operation.
const ALL_FEATURES: bool = cfg!(all(
    feature = "analysis",
    feature = "batch",
    feature = "reports",
    feature = "schema",
    feature = "spreadsheet"
));

fn vectors_dir() -> Option<PathBuf> {
    common::workspace_path("tests/vectors")
}

/// Every vector file of `tests/vectors/`, sorted by name, with its parsed
/// content.
fn vectors() -> Vec<(PathBuf, Value)> {
    let Some(dir) = vectors_dir() else {
        return Vec::new();
    };
    common::vectors(&dir)
}

/// Runs one operation on a vector's input, against the vector's `framework`
/// file when it has one: the operations of the table through the generic
/// dispatcher `api::call_json`, so a new operation needs no case here; the
/// catalogue functions (`framework`, `load_framework`, `schema`) by hand.
fn run(
    operation: &str,
    input: &str,
    options: Option<&Value>,
    framework: Option<&Value>,
) -> Result<Value, kam_core::Error> {
    let framework = framework
        .map(|f| api::load_framework(&f.to_string()))
        .transpose()?;
    let options = options.map(Value::to_string);
    if let Some(result) = api::call_json(operation, input, options.as_deref(), framework.as_ref()) {
        let text = result?;
        return Ok(serde_json::from_str(&text).expect("a result is JSON"));
    }
    assert!(
        framework.is_none() && options.is_none(),
        "`{operation}` takes no options or framework"
    );
    let value = match operation {
        "load_framework" => json!(api::load_framework(input)?.summary()),
        "framework" => json!(api::framework(&from_json::<String>(input)?)?.summary()),
        #[cfg(feature = "schema")]
        "schema" => api::schema(&from_json::<String>(input)?)?,
        other => panic!("unknown operation `{other}`"),
    };
    Ok(value)
}

/// The input as JSON text: `input` written out, or `input_text` padded with
/// trailing spaces to `pad_to_bytes` bytes when the vector asks for it.
fn input_text(vector: &Value) -> String {
    let mut text = match (vector.get("input"), vector.get("input_text")) {
        (Some(input), None) => input.to_string(),
        (None, Some(Value::String(text))) => text.clone(),
        _ => panic!("a vector needs exactly one of `input` and `input_text`"),
    };
    if let Some(pad) = vector.get("pad_to_bytes") {
        assert!(
            vector.get("input_text").is_some(),
            "`pad_to_bytes` pads `input_text`"
        );
        let bytes = pad
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .expect("`pad_to_bytes` is a byte count");
        assert!(
            text.len() <= bytes,
            "`input_text` is longer than `pad_to_bytes`"
        );
        text.extend(std::iter::repeat_n(' ', bytes - text.len()));
    }
    text
}

/// A vector with `native` sets a number JSON cannot hold (NaN, ±Infinity) in
/// its `input` or `options`; the Python and JavaScript runners set it and
/// call the binding. A `serde_json::Value` cannot hold it, so here the
/// expected error must be exactly what kam-core's
/// [`non_finite_number`](kam_core::error::non_finite_number), which both
/// bindings call, gives for that place and value.
fn native_error(vector: &Value) -> kam_core::Error {
    use kam_core::json::{PathSegment, non_finite_number};
    let native = vector["native"].as_object().expect("`native` is an object");
    assert!(vector.get("input").is_some(), "`native` needs `input`");
    assert_eq!(native.len(), 1, "`native` sets one value");
    let (pointer, spelt) = native.iter().next().unwrap();
    let value = match spelt.as_str() {
        Some("NaN") => f64::NAN,
        Some("Infinity") => f64::INFINITY,
        Some("-Infinity") => f64::NEG_INFINITY,
        _ => panic!("`native` values are \"NaN\", \"Infinity\" or \"-Infinity\""),
    };
    let mut steps = pointer
        .split('/')
        .skip(1)
        .map(|step| step.replace("~1", "/").replace("~0", "~"));
    let argument = steps.next().unwrap_or_default();
    assert!(
        pointer.starts_with('/') && (argument == "input" || argument == "options"),
        "`{pointer}` does not point into `input` or `options`"
    );
    // The steps into the argument, an index where the value is an array.
    let mut at = vector.get(&argument);
    let mut path = Vec::new();
    for step in steps {
        match at {
            Some(Value::Array(items)) => {
                let index: usize = step.parse().expect("an array index");
                at = items.get(index);
                path.push(PathSegment::Index(index));
            }
            Some(Value::Object(map)) => {
                at = map.get(&step);
                path.push(PathSegment::Key(step));
            }
            _ => panic!("`{pointer}` does not lead into the vector's `{argument}`"),
        }
    }
    non_finite_number(&path, value)
}

#[test]
fn golden_vectors() {
    let Some(dir) = vectors_dir() else {
        return;
    };
    let vectors = vectors();
    assert!(
        vectors.len() >= 10,
        "expected the golden vectors in {}",
        dir.display()
    );
    let mut replay = Replay::new();
    for (path, mut vector) in vectors {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let operation = vector["operation"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: no operation"));
        if operation == "schema" && !cfg!(feature = "schema") {
            continue; // `api::schema` is in the `schema` feature
        }
        // In a build without every feature, the operations of the others
        // are not in the table; in the full build every vector runs.
        let catalogue = ["framework", "load_framework", "schema"];
        if !ALL_FEATURES && api::operation(operation).is_none() && !catalogue.contains(&operation) {
            continue;
        }
        let outcome = if vector.get("native").is_some() {
            // Rust values cannot hold NaN: run the operation on the input as
            // written (which panics for an unknown operation), then expect the
            // message kam-core gives both bindings for the native value.
            let _ = run(
                operation,
                &input_text(&vector),
                vector.get("options"),
                vector.get("framework"),
            );
            Err(native_error(&vector))
        } else {
            run(
                operation,
                &input_text(&vector),
                vector.get("options"),
                vector.get("framework"),
            )
        };
        replay.check(&path, &mut vector, &outcome);
    }
    replay.finish();
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

/// Every kind in the catalogue has at least one vector asserting its message,
/// so each is replayed from Rust, Python and JavaScript.
#[test]
fn every_error_kind_has_a_vector() {
    let Some(dir) = vectors_dir() else {
        return;
    };
    let mut covered: std::collections::BTreeSet<String> = vectors()
        .iter()
        .filter_map(|(_, vector)| vector.pointer("/error/kind").and_then(Value::as_str))
        .map(str::to_owned)
        .collect();
    // Workbook and CSV errors are asserted by the spreadsheet vectors
    // (tests/vectors/spreadsheets/, replayed by tests/spreadsheet_vectors.rs).
    for entry in std::fs::read_dir(dir.join("spreadsheets"))
        .into_iter()
        .flatten()
    {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let vector: Value = serde_json::from_str(&text).unwrap();
        if let Some(kind) = vector.pointer("/error/kind").and_then(Value::as_str) {
            covered.insert(kind.to_owned());
        }
    }
    let missing: Vec<&str> = kam_core::Error::KINDS
        .iter()
        .copied()
        .filter(|kind| !covered.contains(*kind))
        .collect();
    assert!(
        missing.is_empty(),
        "{} error kind(s) have no vector in tests/vectors/: {}",
        missing.len(),
        missing.join(", ")
    );
}
