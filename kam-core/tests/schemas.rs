//! The committed JSON Schemas in `docs/schema/` must match the types.
//!
//! Run with `KAM_BLESS=1` to regenerate them after a deliberate change.
#![cfg(feature = "schema")]

use std::path::Path;

use kam_core::api;

#[test]
fn committed_schemas_match_the_types() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema");
    let bless = std::env::var_os("KAM_BLESS").is_some();
    if bless {
        std::fs::create_dir_all(&dir).unwrap();
    }
    let mut drifted = Vec::new();
    for name in api::schema_names() {
        let path = dir.join(format!("{name}.json"));
        let fresh = serde_json::to_string_pretty(&api::schema(name).unwrap()).unwrap() + "\n";
        if bless {
            std::fs::write(&path, &fresh).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(fresh.as_str()) {
            drifted.push(path.display().to_string());
        }
    }
    let committed = std::fs::read_dir(&dir).map_or(0, Iterator::count);
    assert!(
        drifted.is_empty(),
        "schemas drifted from the types (rerun with KAM_BLESS=1 and commit): {drifted:?}"
    );
    assert_eq!(
        committed,
        api::schema_names().len(),
        "stale files in {}",
        dir.display()
    );
}

#[test]
fn unknown_schema_is_named() {
    let err = api::schema("nope").unwrap_err();
    assert_eq!(err.kind(), "unknown-schema");
    assert!(
        err.to_string()
            .starts_with("unknown schema `nope`; schemas are `framework`")
    );
}
