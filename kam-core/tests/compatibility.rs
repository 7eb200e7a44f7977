//! The compatibility promise (docs/CONTRIBUTING.md, "Compatibility"):
//! results keep loading when a later version adds a field, inputs refuse a
//! field they do not know. Every operation's result and input, from its
//! golden vectors, is read back with an added field.

mod common;

use kam_core::{AuditReport, json::from_json};
use serde_json::{Value, json};

/// The golden vectors of an operation with a result: (input, result).
fn vectors(operation: &str) -> Vec<(Value, Value)> {
    let Some(dir) = common::workspace_path("tests/vectors") else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.ok()?.path()).ok()?;
            let vector: Value = serde_json::from_str(&text).ok()?;
            (vector["operation"] == operation && vector.get("framework").is_none()).then(|| {
                (
                    vector.get("input").cloned(),
                    vector.get("expected").cloned(),
                )
            })
        })
        .filter_map(|(input, expected)| Some((input?, expected?)))
        .collect()
}

/// `value` with a field no version of kam has, at the top.
fn with_a_new_field(value: &Value) -> Value {
    let mut value = value.clone();
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "added_in_a_later_version".into(),
            json!({"any": [1, "shape"]}),
        );
    }
    value
}

#[test]
fn every_result_loads_with_a_field_added_and_every_input_refuses_one() {
    macro_rules! check {
        ($( $(#[$doc:meta])* $name:ident { $($row:tt)* } )*) => {$({
            type Input = kam_core::api::ops::$name::Input;
            type Output = kam_core::api::ops::$name::Output;
            for (input, expected) in vectors(stringify!($name)) {
                let later = with_a_new_field(&expected);
                let read: Output = from_json(&later.to_string()).unwrap_or_else(|e| {
                    panic!("{}: a result with a new field: {e}", stringify!($name))
                });
                assert_eq!(
                    serde_json::to_value(&read).unwrap(),
                    expected,
                    "{}: the known fields read as they were",
                    stringify!($name)
                );
                // An input refuses a field it does not know, unless it is
                // itself a result (a report to describe), read as results are.
                let op = kam_core::api::operation(stringify!($name)).unwrap();
                let is_result = kam_core::api::OPERATIONS.iter().any(|o| o.output == op.input);
                let read = from_json::<Input>(&with_a_new_field(&input).to_string());
                if input.is_object() && is_result {
                    assert!(read.is_ok(), "{}: {:?}", stringify!($name), read.err());
                } else if input.is_object() {
                    let err = read.expect_err(stringify!($name));
                    assert_eq!(err.kind(), "invalid-input", "{}", stringify!($name));
                }
            }
        })*};
    }
    kam_core::for_each_operation!(check);
}

#[test]
fn a_stored_report_with_new_fields_inside_still_loads() {
    let text = r#"{"framework": "cranfield-kam-development", "framework_version": "2006.2",
                   "scores": {"A1.1": 3}}"#;
    let report = kam_core::api::score_json(text, None).unwrap();
    let mut stored: Value = serde_json::from_str(&report).unwrap();
    stored["phases"][0]["trend"] = json!("up");
    stored["position"]["confidence"] = json!(0.9);
    stored["next_actions"][0]["owner"] = json!("Ana");
    stored["benchmark"] = json!({"sector": 0.4});
    let read = AuditReport::from_json(&stored.to_string()).unwrap();
    assert_eq!(serde_json::to_string(&read).unwrap(), report);
}
