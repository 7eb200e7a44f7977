//! What the golden-vector runners share (`tests/vectors.rs` and
//! `tests/spreadsheet_vectors.rs`): reading a directory of vectors, and
//! checking an outcome against a vector's `expected` or `error`, or writing
//! it there under `KAM_BLESS=1`.

use std::path::{Path, PathBuf};

use kam_core::api::ErrorInfo;
use serde_json::{Value, json};

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
