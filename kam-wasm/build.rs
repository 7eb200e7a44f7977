//! Stores kam-core's JSON Schemas (`kam_core::api::schema`) as compact text
//! in `$OUT_DIR/schemas.rs`, so the analysis module can return them without
//! carrying schemars. (The TypeScript types are generated from the committed
//! schemas by `scripts/types.mjs` with json-schema-to-typescript.)

use std::fmt::Write as _;

use serde_json::Value;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{out}/schemas.rs"), schemas()).expect("OUT_DIR is writable");
}

/// The JSON Schemas as text, so the module need not carry schemars (a
/// quarter of its size) to generate them at run time.
///
/// Many schemas share definitions (an audit assessment is inside several
/// analysis inputs), so each distinct definition is stored once and every
/// schema is reassembled from its parts by `src/lib.rs`; the reassembly is
/// checked here against kam-core's text.
fn schemas() -> String {
    let mut defs: Vec<(String, String)> = Vec::new();
    let mut roots = Vec::new();
    for &name in kam_core::api::schema_names() {
        let schema = kam_core::api::schema(name).expect("every listed schema exists");
        let text = schema.to_string();
        let mut rest = schema.clone();
        let mut used = Vec::new();
        if let Some(Value::Object(map)) = rest.as_object_mut().and_then(|o| o.remove("$defs")) {
            for (def, body) in map {
                // The name is kept as a JSON string, ready to be written out.
                let entry = (Value::String(def).to_string(), body.to_string());
                let index = defs.iter().position(|d| *d == entry).unwrap_or_else(|| {
                    defs.push(entry);
                    defs.len() - 1
                });
                used.push(index);
            }
        }
        let rest = rest.to_string();
        let rest = rest
            .strip_prefix('{')
            .and_then(|r| r.strip_suffix('}'))
            .expect("a schema is an object");
        let pairs: Vec<(&str, &str)> = defs.iter().map(|(d, b)| (d.as_str(), b.as_str())).collect();
        let rebuilt = assemble(&pairs, &used, rest);
        assert_eq!(
            rebuilt, text,
            "schema `{name}` does not reassemble to kam-core's text"
        );
        roots.push((name, used, rest.to_owned()));
    }
    let mut out = String::from("/// Distinct `$defs` entries: name and JSON text.\n");
    out.push_str("pub const DEFS: &[(&str, &str)] = &[\n");
    for (def, body) in &defs {
        let _ = writeln!(out, "    ({def:?}, {body:?}),");
    }
    out.push_str(
        "];\n/// Each schema: name, indices into `DEFS`, the other members as JSON text.\n",
    );
    out.push_str("pub const SCHEMAS: &[(&str, &[usize], &str)] = &[\n");
    for (name, used, rest) in &roots {
        let _ = writeln!(out, "    ({name:?}, &{used:?}, {rest:?}),");
    }
    out.push_str("];\n");
    out
}

// The reassembly, shared with the crate.
include!("src/assemble.rs");
