//! The numbers written in docs/methodology.md must be the engine's.

mod common;

use std::path::Path;

use kam_core::framework::builtin_audit;
use kam_core::scoring::Position;
use kam_core::{AuditAssessment, ScoreOptions, api, json::from_json};

fn methodology() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/methodology.md");
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn cumulative_maxima_table_matches_the_framework() {
    let framework = builtin_audit("cranfield-kam-development").unwrap();
    let mut total = 0;
    let cumulative: Vec<String> = framework
        .path()
        .map(|step| {
            total += step.period.max;
            total.to_string()
        })
        .collect();
    let row = format!("| C(k) | {} |", cumulative.join(" | "));
    assert!(methodology().contains(&row), "missing row: {row}");
}

#[test]
fn worked_example_matches_the_engine() {
    let text = include_str!("../examples/data/northwind-audit.json");
    let assessment: AuditAssessment = from_json(text).unwrap();
    let report = api::score(&assessment, &ScoreOptions::default()).unwrap();
    let doc = methodology();
    let mut expected = vec![format!(
        "Overall {} / {} = {:.2}%",
        report.overall.score, report.overall.max, report.overall.percent
    )];
    for phase in &report.phases {
        expected.push(format!(
            "| {} | {} / {} |",
            phase.id, phase.score, phase.max
        ));
        for period in &phase.periods {
            expected.push(format!("{} {}/{}", period.id, period.score, period.max));
        }
    }
    if let Position::Period {
        from,
        to,
        name,
        number,
        ..
    } = &report.position
    {
        let score = report.overall.score;
        let before = number - 1;
        expected.push(format!(
            "C({before}) = {from} ≤ {score} < {to} = C({number})"
        ));
        expected.push(format!("**{name}**"));
    }
    let current = report.progress.current_period.clone().unwrap();
    expected.push(format!("**{current} Capability building**"));
    for needle in expected {
        assert!(
            doc.contains(&needle),
            "docs/methodology.md lacks `{needle}`"
        );
    }
}

#[test]
fn readme_assessment_example_scores() {
    let Some(path) = common::workspace_path("README.md") else {
        return;
    };
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme.find("```json\n").unwrap() + "```json\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let assessment: AuditAssessment = from_json(&readme[start..end]).unwrap();
    let report = api::score(&assessment, &ScoreOptions::default()).unwrap();
    assert_eq!(report.overall.score, 5);
}

/// The top-level README's Rust snippets are the crate README's, which runs
/// them as doc tests (`ReadmeDoctests` in lib.rs) and ships in the package.
#[test]
fn the_readme_rust_snippets_are_the_crate_readme_s() {
    let Some(path) = common::workspace_path("README.md") else {
        return;
    };
    let workspace = std::fs::read_to_string(path).unwrap();
    let crate_readme = include_str!("../README.md");
    let snippets: Vec<&str> = workspace
        .split("```rust\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .collect();
    assert!(!snippets.is_empty(), "the README shows no Rust");
    for snippet in snippets {
        assert!(
            crate_readme.contains(snippet),
            "kam-core/README.md lacks this snippet of README.md:\n{snippet}"
        );
    }
}
