//! Scores a checklist assessment and prints its report as Markdown; writes
//! the HTML page too.
//!
//! ```text
//! cargo run -p kam-engine --example checklist                       # Northwind, the 3 pillars
//! cargo run -p kam-engine --example checklist -- assessment.json    # a bundled checklist
//! cargo run -p kam-engine --example checklist -- assessment.json --framework my-checklist.json --html report.html
//! ```

use std::path::PathBuf;

use kam_core::{AuditAssessment, ChecklistOptions, Framework, api, json::from_json, render};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut args = std::env::args().skip(1);
    let mut assessment_path = data.join("northwind-three-pillars.json");
    let mut framework_path = None;
    let mut html_path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/kam-checklist.html");
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--framework" => framework_path = args.next().map(PathBuf::from),
            "--html" => {
                html_path = args
                    .next()
                    .map(PathBuf::from)
                    .ok_or("--html needs a path")?;
            }
            path => assessment_path = PathBuf::from(path),
        }
    }
    let assessment: AuditAssessment = from_json(&std::fs::read_to_string(&assessment_path)?)?;
    let options = ChecklistOptions::default();
    let result = match framework_path {
        Some(path) => {
            let framework = Framework::from_json(&std::fs::read_to_string(path)?)?;
            api::score_checklist_with(&framework, &assessment, &options)?
        }
        None => api::score_checklist(&assessment, &options)?,
    };
    println!("{}", render::checklist_markdown(&result));
    std::fs::write(&html_path, render::checklist_html(&result))?;
    eprintln!("HTML report written to {}", html_path.display());
    Ok(())
}
