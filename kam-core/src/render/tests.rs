//! Tests of the reports: structure, escaping, determinism, and the example
//! charts committed under docs/reports/ staying in step with the code.

use super::{audit_html, audit_markdown, comparison_html, comparison_markdown};
use crate::chart::check::{assert_committed, parse};
use crate::chart::fixtures::{comparison, hostile, northwind, portfolio};
use crate::chart::{figure3, figure4, maturity_radar, portfolio_matrix, progress};
use crate::maturity::{MaturityAssessment, MaturityOptions};
use crate::{api, json::from_json};

/// The HTML page parsed as XML (it is written to be both), or why not.
fn html_elements(html: &str) -> Vec<crate::chart::check::Element> {
    let body = html
        .strip_prefix("<!DOCTYPE html>\n")
        .expect("a doctype first");
    parse(body).unwrap_or_else(|e| panic!("HTML not well formed: {e}"))
}

#[test]
fn html_report_has_both_charts_every_table_and_the_next_actions() {
    let report = northwind();
    let html = audit_html(&report);
    let elements = html_elements(&html);
    let svgs: Vec<_> = elements.iter().filter(|e| e.name == "svg").collect();
    assert_eq!(svgs.len(), 2);
    assert!(html.contains(&figure3(&report)) && html.contains(&figure4(&report)));
    assert_eq!(
        elements.iter().filter(|e| e.name == "figcaption").count(),
        2
    );
    let headings: Vec<&str> = elements
        .iter()
        .filter(|e| e.name == "h2")
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "Progress charts",
            "Scores by phase and period",
            "Scores by stream of activity",
            "Gaps",
            "Next actions",
            "Sources and conventions"
        ]
    );
    let h3: Vec<&str> = elements
        .iter()
        .filter(|e| e.name == "h3")
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(h3, ["Missing (0)", "Lagging (8)", "Ahead (1)"]);
    // Phases + periods + milestones, streams + contributory streams, lagging,
    // ahead, next actions, kam's conventions: one row each.
    let rows = elements.iter().filter(|e| e.name == "tr").count();
    let headers = 6;
    assert_eq!(rows, headers + (4 + 12 + 3) + (3 + 9) + 8 + 1 + 10 + 3);
    for action in &report.next_actions {
        assert!(
            elements.iter().any(|e| e.text == action.text),
            "{}",
            action.id
        );
    }
    let cells: Vec<&str> = elements
        .iter()
        .filter(|e| e.name == "dd")
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(cells[0], "126 of 387 points (32.6%)");
    assert_eq!(cells[2], "period 4 Capability building (B1)");
    assert!(html.contains("@media print"));
}

#[test]
fn html_report_is_self_contained() {
    let html = audit_html(&northwind());
    for banned in ["<script", "<link", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(banned), "{banned}");
    }
    // The only address is the SVG namespace, once per chart.
    assert_eq!(html.matches("http").count(), 2);
}

#[test]
fn markdown_report_has_the_same_sections() {
    let report = northwind();
    let md = audit_markdown(&report);
    assert!(md.starts_with("# KAM audit report — Northwind Components, Europe\n"));
    for heading in [
        "## Progress charts",
        "## Scores by phase and period",
        "## Scores by stream of activity",
        "## Gaps",
        "### Lagging (8)",
        "### Ahead (1)",
        "## Next actions",
    ] {
        assert!(md.contains(&format!("\n{heading}\n")), "{heading}");
    }
    assert!(md.contains("| **A Scoping KAM** | **70** | **78** |"));
    // A milestone is a row after the period it follows, at its point on the path.
    assert!(md.contains(
        "| 4 Capability building (B1) | 29 | 39 | 74.4% | no (current) |\n| ◆ Milestone: Launch |  | 117 |  |  |"
    ));
    // kam's conventions are said to be kam's.
    assert!(md.contains("\n## Sources and conventions\n"));
    assert!(
        md.contains("| completion-threshold | a period counts as complete at 80% of its maximum |")
    );
    assert!(md.contains("(kam's threshold)"));
    assert!(md.contains("| 4 Capability building (B1) | 29 | 39 | 74.4% | no (current) |"));
    assert!(md.contains(
        "| 1 | A1.7 | Monitor powerful driver | Other KAM activities | 1 Awareness | 2 |"
    ));
    assert!(md.contains("period 5 Roll-out (phase B), 27% of the way through"));
    assert!(!md.contains("<svg"));
}

#[test]
fn hostile_text_is_escaped_in_both_formats() {
    let report = hostile();
    let html = audit_html(&report);
    assert!(!html.contains("<script"));
    let elements = html_elements(&html);
    let title = elements.iter().find(|e| e.name == "title").unwrap();
    assert!(title.text.contains("<script>&\"' Zürich 東京, R&D <EMEA>"));
    let md = audit_markdown(&report);
    assert!(
        md.contains("\\<script\\>&\"' Zürich 東京, R\\&D \\<EMEA\\>"),
        "{md}"
    );
}

#[test]
fn reports_are_deterministic() {
    let report = northwind();
    assert_eq!(audit_html(&report), audit_html(&report.clone()));
    assert_eq!(audit_markdown(&report), audit_markdown(&report.clone()));
}

#[test]
fn an_empty_audit_still_reports() {
    let framework = crate::framework::builtin_audit("cranfield-kam-development").unwrap();
    let assessment = crate::AuditAssessment::new(framework);
    let report = api::score(&assessment, &crate::ScoreOptions::default()).unwrap();
    let html = audit_html(&report);
    html_elements(&html);
    assert!(html.contains("KAM audit report</h1>"));
    assert!(audit_markdown(&report).contains("### Missing (7)"));
}

#[test]
fn comparison_reports_show_the_chart_the_changes_and_next_actions() {
    let comparison = comparison();
    let html = comparison_html(&comparison);
    let elements = html_elements(&html);
    assert!(html.contains(&progress(&comparison)));
    assert_eq!(elements.iter().filter(|e| e.name == "svg").count(), 1);
    let headings: Vec<&str> = elements
        .iter()
        .filter(|e| e.name == "h2")
        .map(|e| e.text.as_str())
        .collect();
    let improved = comparison.improved.len();
    let regressed = comparison.regressed.len();
    assert!(improved > 0 && regressed > 0);
    assert_eq!(
        headings,
        [
            "Progress chart".to_owned(),
            "Change by phase and period".to_owned(),
            format!("Items that improved ({improved})"),
            format!("Items that regressed ({regressed})"),
            format!("Items newly started ({})", comparison.newly_started.len()),
            "Next actions".to_owned(),
        ]
    );
    for id in comparison.improved.iter().chain(&comparison.regressed) {
        assert!(
            elements.iter().any(|e| e.name == "td" && &e.text == id),
            "{id}"
        );
    }
    let md = comparison_markdown(&comparison);
    let overall = &comparison.overall;
    assert!(md.contains(&format!(
        "- **Overall score:** {} → {} of 387 (+{})",
        overall.before.score, overall.after.score, overall.change
    )));
    assert!(
        md.contains("| 9 Evaluation (C3) | 2 / 24 | 0 / 24 | -2 | 8.3% → 0.0% |"),
        "{md}"
    );
    assert!(md.contains("Before: 2025-03-31, by KAM programme office"));
    assert_eq!(html, comparison_html(&comparison.clone()));
}

fn maturity(json: &str) -> crate::MaturityReport {
    let assessment: MaturityAssessment = from_json(json).unwrap();
    api::score_maturity(&assessment, &MaturityOptions::default()).unwrap()
}

/// The example charts shown in docs/reports.md, rendered from the bundled
/// example data. `KAM_BLESS=1` rewrites them after an intended change.
#[test]
fn docs_example_charts_are_up_to_date() {
    let report = northwind();
    let current = maturity(include_str!("../../examples/data/northwind-maturity.json"));
    let target = maturity(include_str!(
        "../../examples/data/northwind-maturity-target.json"
    ));
    let charts = [
        ("figure3.svg", figure3(&report)),
        ("figure4.svg", figure4(&report)),
        (
            "maturity-radar.svg",
            maturity_radar(&current, Some(&target)),
        ),
        ("progress.svg", progress(&comparison())),
        ("portfolio-matrix.svg", portfolio_matrix(&portfolio("Acme"))),
    ];
    assert_committed(
        "reports",
        &charts,
        "KAM_BLESS=1 cargo test -p kam-engine --lib report",
    );
}

#[test]
fn evidence_notes_follow_the_report_in_framework_order() {
    let framework = crate::framework::builtin_audit("cranfield-kam-development").unwrap();
    let mut assessment = crate::AuditAssessment::new(framework);
    assessment.scores.insert("B1.1".into(), 2);
    for (id, note) in [
        ("C1.1", "Joint plan <signed>\n\nsecond line"),
        ("A1.2", "first"),
        ("A1.3", "  "),
    ] {
        assessment.evidence.insert(id.into(), note.into());
    }
    let report = crate::api::score(&assessment, &crate::ScoreOptions::default()).unwrap();
    let html = super::audit_html_with_evidence(&report, &assessment.evidence);
    let notes = &html[html.find("<h2>Evidence notes</h2>").unwrap()..];
    let a12 = notes.find("<h3>A1.2 ").unwrap();
    let c11 = notes.find("<h3>C1.1 ").unwrap();
    assert!(a12 < c11, "framework order");
    assert!(!notes.contains("A1.3"), "blank notes are left out");
    assert!(notes.contains("<p>Joint plan &lt;signed&gt;</p>\n<p>second line</p>"));
    // Without notes, the page is the plain report.
    let empty = std::collections::BTreeMap::new();
    assert_eq!(
        super::audit_html_with_evidence(&report, &empty),
        super::audit_html(&report)
    );
}

/// Every selector of a stylesheet, its at-rule wrappers (`@media …`)
/// taken off.
fn selectors(css: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = css;
    // Drop comments first.
    let mut text = String::new();
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .split_once("*/")
            .map_or("", |(_, after)| after);
    }
    text.push_str(rest);
    for chunk in text.split('}') {
        let Some((head, _)) = chunk.split_once('{') else {
            continue;
        };
        // `@media (…) { .a { … }` leaves `@media (…) { .a` before the brace.
        let head = head.rsplit('{').next().unwrap_or(head);
        let head = head.trim();
        if head.is_empty() || head.starts_with('@') {
            continue;
        }
        out.extend(head.split(',').map(|s| s.trim().to_owned()));
    }
    out
}

#[test]
fn the_fragment_styles_nothing_outside_its_root() {
    let report = northwind();
    let fragment = super::audit_html_fragment(&report);
    assert!(fragment.starts_with("<div class=\"kam-report\">\n<style>"));
    let css = &fragment[fragment.find("<style>").unwrap() + 7..fragment.find("</style>").unwrap()];
    let found = selectors(css);
    assert!(found.len() > 20, "{found:?}");
    for selector in &found {
        assert!(
            selector.starts_with(".kam-report"),
            "`{selector}` is not scoped to the report"
        );
    }
    assert!(!css.contains("@page"), "a page rule belongs to the page");
    // The page is the fragment in a page of its own.
    let page = audit_html(&report);
    assert!(page.contains(&fragment));
    let head = &page[page.find("<style>").unwrap() + 7..page.find("</style>").unwrap()];
    for selector in selectors(head) {
        assert_eq!(selector, "body", "the page adds only the body's background");
    }
    // Two reports in one page each keep their own root.
    let maturity = super::maturity_html_fragment(
        &api::score_maturity(
            &MaturityAssessment::new(
                crate::framework::builtin_maturity("kam-maturity-model").unwrap(),
            ),
            &MaturityOptions::default(),
        )
        .unwrap(),
    );
    assert!(maturity.starts_with("<div class=\"kam-report\">"));
    assert!(parse(&format!("<div>{fragment}{maturity}</div>")).is_ok());
}

#[test]
fn the_maturity_report_says_kam_cores_words() {
    let model = crate::framework::builtin_maturity("kam-maturity-model").unwrap();
    let mut assessment = MaturityAssessment::new(model);
    assessment.stages.insert("process".into(), 4);
    assessment.stages.insert("training".into(), 2);
    let report = api::score_maturity(&assessment, &MaturityOptions::default()).unwrap();
    let words = crate::words::MaturityWords::of(&report);
    let markdown = super::maturity_markdown(&report);
    assert!(markdown.contains(&words.stage.text), "{markdown}");
    assert!(markdown.contains(&words.milestone.text), "{markdown}");
    let html = super::maturity_html(&report);
    assert!(html.contains(&maturity_radar(&report, None)));
}
