//! Tests of the programme report: the summary's four parts, a section per
//! unit, every chart, scoping, escaping, self-containment and determinism.

use super::{ROOT_CLASS, programme_html, programme_html_fragment, programme_markdown};
use crate::chart::check::{Element, parse};
use crate::programme::chart::{disagreement_heatmap, pareto_curve, ranking, unit_trend};
use crate::programme::example::bundled;
use crate::programme::result::ProgrammeReport;
use crate::programme::{Programme, programme_report};
use crate::scoring::ScoreOptions;

fn report_of(programme: &Programme) -> ProgrammeReport {
    programme_report(programme, &ScoreOptions::default()).unwrap()
}

fn elements(fragment: &str) -> Vec<Element> {
    parse(fragment).unwrap_or_else(|e| panic!("HTML not well formed: {e}"))
}

fn texts<'e>(elements: &'e [Element], name: &str) -> Vec<&'e str> {
    elements
        .iter()
        .filter(|e| e.name == name)
        .map(|e| e.text.as_str())
        .collect()
}

#[test]
fn the_summary_comes_first_with_its_four_parts() {
    let report = report_of(&bundled().unwrap());
    let html = programme_html_fragment(&report);
    let elements = elements(&html);
    let sections: Vec<&Element> = elements.iter().filter(|e| e.name == "section").collect();
    assert_eq!(sections[0].attr("class"), Some("kam-summary"));
    assert_eq!(
        texts(&elements, "h3")[..3],
        [
            "What moved since the last round",
            "The next actions that matter most",
            "Where assessors disagree"
        ]
    );
    let h2 = texts(&elements, "h2");
    assert_eq!(
        h2[..8],
        [
            "Executive summary",
            "Units at a glance",
            "Roll-up through the units",
            "Assessor agreement",
            "Maturity and litmus tests",
            "Checklists",
            "Customers",
            "Key account plans"
        ]
    );
    // Then the timescales, and a section per unit in report order.
    let units: Vec<&str> = report.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(h2[h2.len() - units.len()..], units[..]);
    assert!(h2.contains(&"The paper's timescales"));
    let figures = texts(&elements, "dd");
    assert_eq!(figures[0], "696 of 2322 points (30.0%)");
    assert_eq!(figures[1], "A 2 · B 3 · C 1 · D 0");
    assert_eq!(figures[2], "6 of 6 up, 0 down; mean +9.2 pts");
    assert!(figures[3].starts_with("median α 0.79"), "{}", figures[3]);
    // The five actions, each with its units.
    for action in &report.next_actions {
        let cell = format!("{} {}", action.id, action.text);
        assert!(elements.iter().any(|e| e.text == cell), "{cell}");
    }
}

#[test]
fn every_chart_is_inlined() {
    let report = report_of(&bundled().unwrap());
    let html = programme_html_fragment(&report);
    assert!(html.contains(&ranking(&report).unwrap()));
    assert!(html.contains(&disagreement_heatmap(&report).unwrap()));
    assert!(html.contains(&pareto_curve(report.pareto.as_ref().unwrap())));
    assert!(html.contains(&crate::chart::portfolio_matrix(
        report.portfolio.as_ref().unwrap()
    )));
    for unit in &report.units {
        if let Some(svg) = unit_trend(&report, unit) {
            assert!(html.contains(&svg), "{}", unit.id);
        }
    }
    let svgs = elements(&html).iter().filter(|e| e.name == "svg").count();
    // Ranking, heatmap, Pareto, portfolio, and six units' trends.
    assert_eq!(svgs, 4 + 6);
    // Ids are unique, so the charts' titles and descriptions stay theirs.
    let ids: Vec<String> = elements(&html)
        .iter()
        .filter_map(|e| e.attr("id").map(str::to_owned))
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
}

#[test]
fn the_stylesheet_is_scoped_under_the_root_class() {
    let report = report_of(&bundled().unwrap());
    let html = programme_html_fragment(&report);
    assert!(html.starts_with(&format!("<div class=\"{ROOT_CLASS}\">")));
    let css = html
        .split_once("<style>")
        .and_then(|(_, rest)| rest.split_once("</style>"))
        .unwrap()
        .0;
    // Every selector of every rule starts at the root class; at-rules
    // only wrap scoped rules.
    let mut depth = 0;
    let mut selector = String::new();
    let mut in_comment = false;
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        if in_comment {
            in_comment = !(c == '*' && chars.peek() == Some(&'/'));
            if !in_comment {
                chars.next();
            }
            continue;
        }
        match c {
            '/' if chars.peek() == Some(&'*') => in_comment = true,
            '{' => {
                let s = selector.trim();
                if !s.starts_with('@') {
                    for part in s.split(',') {
                        assert!(
                            part.trim().starts_with(&format!(".{ROOT_CLASS}")),
                            "unscoped selector `{}`",
                            part.trim()
                        );
                    }
                    depth += 1;
                }
                selector.clear();
            }
            '}' => {
                if depth > 0 {
                    depth -= 1;
                }
                selector.clear();
            }
            ';' if depth == 0 => selector.clear(),
            _ if depth == 0 => selector.push(c),
            _ => {}
        }
    }
    for banned in ["<script", "<link", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(banned), "{banned}");
    }
}

#[test]
fn the_page_wraps_the_fragment() {
    let report = report_of(&bundled().unwrap());
    let page = programme_html(&report);
    let fragment = programme_html_fragment(&report);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains(&fragment));
    elements(page.strip_prefix("<!DOCTYPE html>\n").unwrap());
    assert_eq!(page, programme_html(&report));
}

#[test]
fn markdown_says_what_the_html_shows() {
    let report = report_of(&bundled().unwrap());
    let md = programme_markdown(&report);
    assert!(md.starts_with("# KAM programme report — Northwind KAM programme\n"));
    for heading in [
        "## Executive summary",
        "### What moved since the last round",
        "### The next actions that matter most",
        "### Where assessors disagree",
        "## Units at a glance",
        "## United Kingdom",
    ] {
        assert!(md.contains(heading), "{heading}");
    }
    let uk = report
        .units
        .iter()
        .find(|u| u.id == "united-kingdom")
        .unwrap();
    // The chart's figures in words: the trend reading, escaped.
    assert!(md.contains(&crate::render::markdown::escape(
        &uk.trend.as_ref().unwrap().reading
    )));
    assert!(!md.contains("<svg"));
}

#[test]
fn a_programme_without_audits_reports_without_charts() {
    let programme: Programme = crate::json::from_json(
        r#"{"name": "New", "units": [{"id": "emea"}, {"id": "uk", "parent": "emea"}]}"#,
    )
    .unwrap();
    let report = report_of(&programme);
    let html = programme_html_fragment(&report);
    let elements = elements(&html);
    assert!(elements.iter().all(|e| e.name != "svg"));
    assert!(texts(&elements, "p").contains(&"No unit has been audited yet."));
    assert!(texts(&elements, "p").contains(&"Not audited yet."));
    assert!(programme_markdown(&report).contains("no audits yet"));
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let mut programme = bundled().unwrap();
    let hostile = "<img src=x onerror=alert(1)> *bold* | pipe & co";
    programme.name = hostile.to_owned();
    programme.units[3].name = Some(hostile.to_owned());
    let report = report_of(&programme);
    let html = programme_html(&report);
    assert!(!html.contains("<img"));
    elements(html.strip_prefix("<!DOCTYPE html>\n").unwrap());
    let md = programme_markdown(&report);
    assert!(md.contains("\\<img src=x onerror=alert(1)\\> \\*bold\\* \\| pipe & co"));
}
