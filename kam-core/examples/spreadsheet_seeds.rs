//! Writes seed files for the `read_spreadsheet` fuzz target into a folder:
//! the bundled frameworks' templates, the workbooks LibreOffice saved in
//! `tests/workbooks/`, and the workbook or CSV text of every spreadsheet
//! golden vector (those under 256 KiB, so the fuzzer's inputs stay small).
//!
//! ```text
//! cargo run -p kam-engine --example spreadsheet_seeds -- fuzz/corpus/read_spreadsheet
//! ```

use std::path::{Path, PathBuf};

use kam_core::spreadsheet::{self, recipe::Recipe};

const MAX_SEED: usize = 256 * 1024;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("usage: spreadsheet_seeds <folder>")?,
    );
    std::fs::create_dir_all(&out)?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut written = 0;
    let mut write = |name: &str, bytes: &[u8]| -> std::io::Result<()> {
        if bytes.len() <= MAX_SEED {
            std::fs::write(out.join(name), bytes)?;
            written += 1;
        }
        Ok(())
    };
    for framework in kam_core::framework::builtin()? {
        write(
            &format!("template-{}.xlsx", framework.id()),
            &spreadsheet::template(framework)?,
        )?;
    }
    for entry in std::fs::read_dir(root.join("tests/workbooks"))? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("workbook.xlsx");
        write(name, &std::fs::read(&path)?)?;
    }
    for entry in std::fs::read_dir(root.join("../tests/vectors/spreadsheets"))? {
        let path = entry?.path();
        let stem = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or("vector")
            .to_owned();
        let vector: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        if let Some(text) = vector.get("input_text").and_then(|t| t.as_str()) {
            write(&format!("{stem}.csv"), text.as_bytes())?;
        }
        let Some(recipe) = vector.get("recipe") else {
            continue;
        };
        let recipe: Recipe = serde_json::from_value(recipe.clone())?;
        let framework = match vector.get("framework") {
            Some(file) => Some(kam_core::api::load_framework(&file.to_string())?),
            None => None,
        };
        // A recipe the limits refuse to build (or that builds a huge file)
        // is no seed.
        if let Ok(bytes) = spreadsheet::recipe::build(&recipe, framework.as_ref()) {
            write(&format!("{stem}.xlsx"), &bytes)?;
        }
    }
    println!("{written} seeds in {}", out.display());
    Ok(())
}
