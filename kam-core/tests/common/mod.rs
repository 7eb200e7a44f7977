//! What the workspace's tests share. The shared test data (`tests/vectors/`,
//! `tests/cross-language/`, the top-level README) lives beside the crate,
//! not in it: these tests run inside the kam workspace and skip in a copy
//! of the published package. The golden-vector runners (`tests/vectors.rs`
//! and `tests/spreadsheet_vectors.rs`) share reading a directory of vectors
//! and checking an outcome against a vector's `expected` or `error`, or
//! writing it there under `KAM_BLESS=1`.

// Each test crate includes this module and uses a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kam_core::api::ErrorInfo;
use serde_json::{Value, json};

/// `relative` (a path from the workspace root), or `None` when the crate
/// was unpacked from its published package, where the workspace is absent.
/// Inside the workspace a missing path is a failure, not a skip, so
/// deleting the data cannot make a test pass.
pub fn workspace_path(relative: &str) -> Option<PathBuf> {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    // `cargo package` keeps the original manifest under this name.
    if crate_dir.join("Cargo.toml.orig").exists() {
        eprintln!("skipped: `{relative}` belongs to the kam workspace, not to this package");
        return None;
    }
    let path = crate_dir.join("..").join(relative);
    assert!(path.exists(), "`{}` is missing", path.display());
    Some(path)
}

/// Every vector file of `dir`, sorted by name, with its parsed content.
pub fn vectors(dir: &Path) -> Vec<(PathBuf, Value)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
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

/// Checks outcomes against their vectors, or writes them in when blessing,
/// and reports every mismatch at the end.
pub struct Replay {
    bless: bool,
    failures: Vec<String>,
}

impl Replay {
    /// A replay that blesses when `KAM_BLESS` is set.
    pub fn new() -> Self {
        Replay {
            bless: std::env::var_os("KAM_BLESS").is_some(),
            failures: Vec::new(),
        }
    }

    /// Compares `outcome` with the vector at `path`. Only a vector whose
    /// outcome changed is rewritten when blessing: a rewrite reformats the
    /// file, and a number no `Value` holds exactly (such as 10²⁰) would
    /// change the input.
    pub fn check(
        &mut self,
        path: &Path,
        vector: &mut Value,
        outcome: &Result<Value, kam_core::Error>,
    ) {
        let matches = match (outcome, vector.get("expected"), vector.get("error")) {
            (Ok(got), Some(expected), None) => got == expected,
            (Err(e), None, Some(expected)) => json!(ErrorInfo::from(e)) == *expected,
            _ => false,
        };
        if matches {
            return;
        }
        if self.bless {
            let (key, value) = match outcome {
                Ok(value) => ("expected", value.clone()),
                Err(e) => ("error", json!(ErrorInfo::from(e))),
            };
            let text = std::fs::read_to_string(path).unwrap();
            let text = replace_member(&text, key, &value).unwrap_or_else(|| {
                let object = vector.as_object_mut().unwrap();
                object.remove("expected");
                object.remove("error");
                object.insert(key.into(), value);
                serde_json::to_string_pretty(&vector).unwrap() + "\n"
            });
            std::fs::write(path, text).unwrap();
            return;
        }
        let name = path.file_name().unwrap().to_string_lossy();
        self.failures.push(format!(
            "{name}: got {}",
            match outcome {
                Ok(v) => v.to_string(),
                Err(e) => format!("error {} `{e}`", e.kind()),
            }
        ));
    }

    /// Fails with every mismatch found.
    pub fn finish(self) {
        assert!(
            self.failures.is_empty(),
            "{} vector(s) failed:\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
    }
}

/// The vector's text with the value of its top-level member `key` replaced,
/// leaving every other byte as it is (a full rewrite would reformat the file,
/// and change a number no `Value` holds exactly, such as 10²⁰); `None` when
/// the file has no such member in the two-space layout vectors are written in.
fn replace_member(text: &str, key: &str, value: &Value) -> Option<String> {
    let start = text.find(&format!("\n  \"{key}\": "))? + key.len() + 7;
    let rest = text.get(start..)?;
    let end = start + rest.find("\n  \"").or_else(|| rest.rfind("\n}"))?;
    let comma = if text.get(..end)?.ends_with(',') {
        ","
    } else {
        ""
    };
    let end = end - comma.len();
    let pretty = serde_json::to_string_pretty(value)
        .ok()?
        .replace('\n', "\n  ");
    Some(format!(
        "{}{pretty}{}",
        text.get(..start)?,
        text.get(end..)?
    ))
}
