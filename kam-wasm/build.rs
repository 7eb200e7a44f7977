//! Generates the TypeScript declarations of every kam input and output type
//! from kam-core's JSON Schemas (`kam_core::api::schema`), so the `.d.ts` of
//! the package follows the Rust types and is never maintained by hand.
//!
//! The output, `$OUT_DIR/kam-types.d.ts`, is included into the wasm-bindgen
//! TypeScript section by `src/lib.rs`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Map, Value};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let text = generate().unwrap_or_else(|e| panic!("generating TypeScript types: {e}"));
    std::fs::write(format!("{out}/kam-types.d.ts"), text).expect("OUT_DIR is writable");
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

/// Every named type, from the roots of the schemas and their `$defs`.
struct Types {
    /// TypeScript name → declaration body, in name order.
    decls: BTreeMap<String, (Option<String>, Value)>,
}

fn generate() -> Result<String, String> {
    let mut types = Types {
        decls: BTreeMap::new(),
    };
    let mut roots = Vec::new();
    for &name in kam_core::api::schema_names() {
        let schema = kam_core::api::schema(name).map_err(|e| e.to_string())?;
        let title = schema
            .get("title")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("schema `{name}` has no title"))?
            .to_owned();
        // A `$defs` name may mean different types in different schemas (two
        // Rust types of one name in different modules): such a definition is
        // renamed after its root type, and the references in that schema too.
        let defs = schema
            .get("$defs")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let mut renames = BTreeMap::new();
        for (def, body) in &defs {
            let clash = types
                .decls
                .get(def)
                .is_some_and(|(_, known)| strip(known) != strip(body));
            let ts_name = if clash {
                format!("{title}{def}")
            } else {
                def.clone()
            };
            renames.insert(def.clone(), ts_name);
        }
        let mut root = schema.clone();
        if let Some(object) = root.as_object_mut() {
            object.remove("$defs");
            object.remove("$schema");
            object.remove("title");
        }
        rename_refs(&mut root, &renames);
        for (def, body) in defs {
            let mut body = body;
            rename_refs(&mut body, &renames);
            let ts_name = renames[&def].clone();
            // A root type that is also a definition elsewhere keeps its schema name.
            let known = types.decls.get(&ts_name).and_then(|(n, _)| n.clone());
            types.decls.insert(ts_name, (known, body));
        }
        types
            .decls
            .insert(title.clone(), (Some(name.to_owned()), root));
        roots.push((name, title));
    }

    let mut out = String::from(
        "// Generated by kam-wasm/build.rs from kam-core's JSON Schemas: do not edit.\n\n",
    );
    for (name, (schema_name, body)) in &types.decls {
        doc(
            &mut out,
            body.get("description").and_then(Value::as_str),
            "",
            schema_name.as_deref(),
        );
        let is_interface = body.get("properties").is_some()
            && body.get("oneOf").is_none()
            && body.get("anyOf").is_none()
            && !body
                .get("additionalProperties")
                .is_some_and(Value::is_object);
        if is_interface {
            let _ = writeln!(out, "export interface {name} {}\n", object(body, ""));
        } else {
            let _ = writeln!(out, "export type {name} = {};\n", ts(body, ""));
        }
    }
    out.push_str("/** The name of a JSON Schema `schema()` returns. */\nexport type SchemaName =");
    for (name, _) in &roots {
        let _ = write!(out, "\n  | \"{name}\"");
    }
    out.push_str(
        ";\n\n/** The TypeScript type each schema describes. */\nexport interface SchemaTypes {\n",
    );
    for (name, title) in &roots {
        let _ = writeln!(out, "  \"{name}\": {title};");
    }
    out.push_str("}\n");
    Ok(out)
}

/// A schema without its descriptions, to compare two definitions by shape.
fn strip(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| k.as_str() != "description")
                .map(|(k, v)| (k.clone(), strip(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(strip).collect()),
        other => other.clone(),
    }
}

fn rename_refs(value: &mut Value, renames: &BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get_mut("$ref")
                && let Some(def) = target.strip_prefix("#/$defs/")
                && let Some(new) = renames.get(def)
            {
                *target = format!("#/$defs/{new}");
            }
            map.values_mut().for_each(|v| rename_refs(v, renames));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rename_refs(v, renames)),
        _ => {}
    }
}

/// A `JSDoc` comment, indented.
fn doc(out: &mut String, description: Option<&str>, indent: &str, schema: Option<&str>) {
    let mut lines: Vec<String> = description
        .unwrap_or_default()
        .replace("*/", "*\\/")
        .lines()
        .map(str::to_owned)
        .collect();
    if let Some(schema) = schema {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(format!("JSON Schema: `schema(\"{schema}\")`."));
    }
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "{indent}/**");
    for line in lines {
        let _ = writeln!(out, "{indent} * {line}").map(|()| ());
    }
    let _ = writeln!(out, "{indent} */");
}

/// The TypeScript type of a schema.
fn ts(schema: &Value, indent: &str) -> String {
    let Some(map) = schema.as_object() else {
        // `true` accepts anything, `false` nothing.
        return if schema == &Value::Bool(false) {
            "never"
        } else {
            "unknown"
        }
        .to_owned();
    };
    if let Some(Value::String(target)) = map.get("$ref") {
        return target.trim_start_matches("#/$defs/").to_owned();
    }
    if let Some(value) = map.get("const") {
        return value.to_string();
    }
    if let Some(Value::Array(values)) = map.get("enum") {
        return values
            .iter()
            .map(Value::to_string)
            .collect::<Vec<_>>()
            .join(" | ");
    }
    for (key, joiner) in [("oneOf", " | "), ("anyOf", " | "), ("allOf", " & ")] {
        if let Some(Value::Array(variants)) = map.get(key) {
            let inner = format!("{indent}  ");
            let parts: Vec<String> = variants
                .iter()
                .map(|v| {
                    let t = ts(v, &inner);
                    if variants.len() > 1 && v.get("properties").is_some() {
                        let mut commented = String::new();
                        doc(
                            &mut commented,
                            v.get("description").and_then(Value::as_str),
                            &inner,
                            None,
                        );
                        format!("\n{commented}{inner}{t}")
                    } else {
                        t
                    }
                })
                .collect();
            return parts.join(joiner);
        }
    }
    let kinds: Vec<&str> = match map.get("type") {
        Some(Value::String(kind)) => vec![kind.as_str()],
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect(),
        _ => return "unknown".to_owned(),
    };
    let parts: Vec<String> = kinds
        .iter()
        .map(|&kind| match kind {
            "string" => "string".to_owned(),
            "integer" | "number" => "number".to_owned(),
            "boolean" => "boolean".to_owned(),
            "null" => "null".to_owned(),
            "array" => {
                let item = map
                    .get("items")
                    .map_or_else(|| "unknown".to_owned(), |i| ts(i, indent));
                if item.contains(' ') {
                    format!("({item})[]")
                } else {
                    format!("{item}[]")
                }
            }
            "object" => object(schema, indent),
            _ => "unknown".to_owned(),
        })
        .collect();
    parts.join(" | ")
}

/// An object type: its properties, or a record of its additional properties.
fn object(schema: &Value, indent: &str) -> String {
    let empty = Map::new();
    let properties = schema
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let extra = schema.get("additionalProperties");
    if properties.is_empty() {
        return match extra {
            Some(Value::Bool(false)) => "Record<string, never>".to_owned(),
            Some(value @ Value::Object(_)) => format!("{{ [key: string]: {} }}", ts(value, indent)),
            _ => "{ [key: string]: unknown }".to_owned(),
        };
    }
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let inner = format!("{indent}  ");
    let mut out = String::from("{\n");
    for (key, value) in properties {
        doc(
            &mut out,
            value.get("description").and_then(Value::as_str),
            &inner,
            None,
        );
        let optional = if required.contains(&key.as_str()) {
            ""
        } else {
            "?"
        };
        let key = if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !key.starts_with(|c: char| c.is_ascii_digit())
        {
            key.clone()
        } else {
            Value::String(key.clone()).to_string()
        };
        let _ = writeln!(out, "{inner}{key}{optional}: {};", ts(value, &inner));
    }
    if let Some(value @ Value::Object(_)) = extra {
        let _ = writeln!(out, "{inner}[key: string]: {};", ts(value, &inner));
    }
    out.push_str(indent);
    out.push('}');
    out
}
