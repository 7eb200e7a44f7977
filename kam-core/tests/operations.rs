//! Every operation of the table (`kam_core::for_each_operation!`) is covered
//! where the workspace needs it: a golden vector with a result, JSON Schemas
//! (`tests/schemas.rs`), and a fuzz target. The Python and JavaScript suites
//! check their functions against the same table (`kam.operations()`,
//! `operations()`).
//!
//! The fuzz targets are generated from the table: run with `KAM_BLESS=1` to
//! write them after adding an operation.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod common;

use kam_core::api::OPERATIONS;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The golden vectors' operations that give a result, and those that give
/// an error.
fn vector_operations() -> (BTreeSet<String>, BTreeSet<String>) {
    let mut results = BTreeSet::new();
    let mut errors = BTreeSet::new();
    for entry in std::fs::read_dir(workspace().join("tests/vectors")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let vector: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let operation = vector["operation"].as_str().unwrap().to_owned();
        if vector.get("expected").is_some() {
            results.insert(operation);
        } else {
            errors.insert(operation);
        }
    }
    (results, errors)
}

#[test]
fn every_operation_has_golden_vectors() {
    if common::workspace_path("tests/vectors").is_none() {
        return;
    }
    let (results, errors) = vector_operations();
    for op in OPERATIONS {
        assert!(
            results.contains(op.name),
            "operation `{}` has no golden vector with a result in tests/vectors/",
            op.name
        );
        assert!(
            errors.contains(op.name),
            "operation `{}` has no golden vector with an error in tests/vectors/",
            op.name
        );
    }
}

#[test]
fn every_schema_of_an_operation_is_committed() {
    for op in OPERATIONS {
        for type_name in [Some(op.input), op.options, Some(op.output)]
            .into_iter()
            .flatten()
        {
            let name = kam_core::api::schema_name(type_name);
            let path =
                Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/schema/{name}.json"));
            assert!(
                path.exists(),
                "`{}` has no schema {} (KAM_BLESS=1 cargo test -p kam-engine --test schemas)",
                op.name,
                path.display()
            );
        }
    }
}

/// The fuzz targets cover the whole table, so a build with every feature.
#[cfg(all(
    feature = "analysis",
    feature = "batch",
    feature = "reports",
    feature = "schema",
    feature = "spreadsheet"
))]
mod fuzz {
    use std::fmt::Write as _;

    use super::*;

    /// The fuzz target of an operation.
    fn fuzz_target(name: &str) -> String {
        format!(
            "#![no_main]\n\
             //! Generated from kam-core's table of operations by\n\
             //! `KAM_BLESS=1 cargo test -p kam-engine --test operations`: do not edit.\n\
             //!\n\
             //! `{name}` on arbitrary input text: an error, or a result that keeps\n\
             //! kam's invariants and survives a JSON round trip; never a panic.\n\
             \n\
             libfuzzer_sys::fuzz_target!(|data: &[u8]| kam_fuzz::operation(\"{name}\", data));\n"
        )
    }

    const BEGIN: &str =
        "# Generated from kam-core's table of operations: one target per operation.\n";
    const END: &str = "# End of the generated targets.\n";

    /// The `[[bin]]` entries of the generated fuzz targets in fuzz/Cargo.toml.
    fn fuzz_bins() -> String {
        let mut out = String::from(BEGIN);
        for op in OPERATIONS {
            writeln!(
                out,
                "\n[[bin]]\nname = \"{0}\"\npath = \"fuzz_targets/{0}.rs\"\ntest = false\ndoc = false\nbench = false",
                op.name
            )
            .unwrap();
        }
        out.push('\n');
        out.push_str(END);
        out
    }

    /// The fuzz targets cover the whole table, so the crate's every feature.
    #[test]
    fn every_operation_has_a_fuzz_target() {
        let Some(fuzz) = common::workspace_path("fuzz") else {
            return;
        };
        let bless = std::env::var_os("KAM_BLESS").is_some();
        let mut stale = Vec::new();
        for op in OPERATIONS {
            let path = fuzz.join(format!("fuzz_targets/{}.rs", op.name));
            let fresh = fuzz_target(op.name);
            if bless {
                std::fs::write(&path, &fresh).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(fresh.as_str()) {
                stale.push(path.display().to_string());
            }
        }
        let manifest_path = fuzz.join("Cargo.toml");
        let manifest = std::fs::read_to_string(&manifest_path).unwrap();
        let start = manifest
            .find(BEGIN)
            .expect("fuzz/Cargo.toml marks its generated targets");
        let end = manifest
            .find(END)
            .expect("fuzz/Cargo.toml marks its generated targets")
            + END.len();
        let fresh = format!("{}{}{}", &manifest[..start], fuzz_bins(), &manifest[end..]);
        if bless {
            std::fs::write(&manifest_path, &fresh).unwrap();
        } else if fresh != manifest {
            stale.push(manifest_path.display().to_string());
        }
        assert!(
            stale.is_empty(),
            "fuzz targets differ from the table of operations (rerun with KAM_BLESS=1 and commit): {stale:?}"
        );
    }
}
