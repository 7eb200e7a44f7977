//! Structure tests of the programme charts: well formed and accessible (the
//! checks every kam chart passes), the right marks in the right places,
//! hostile text escaped, the same bytes every time.

use super::{disagreement_heatmap, pareto_curve, ranking, unit_trend};
use crate::chart::check::{checked, num, with_class};
use crate::chart::properties::polyline_points;
use crate::programme::example::{ExampleSpec, bundled, generate};
use crate::programme::programme_report;
use crate::programme::result::ProgrammeReport;
use crate::scoring::ScoreOptions;

fn example() -> ProgrammeReport {
    programme_report(&bundled().unwrap(), &ScoreOptions::default()).unwrap()
}

#[test]
fn a_trend_has_a_dot_per_round_rising_with_the_score() {
    let report = example();
    let uk = report
        .units
        .iter()
        .find(|u| u.id == "united-kingdom")
        .unwrap();
    let svg = unit_trend(&report, uk).unwrap();
    let elements = checked(&svg);
    let dots: Vec<_> = elements
        .iter()
        .filter(|e| e.name == "circle" && e.attr("r") == Some("5"))
        .collect();
    assert_eq!(dots.len(), uk.rounds.len());
    // Later rounds further right; a higher score higher up (smaller y).
    for (pair, rounds) in dots.windows(2).zip(uk.rounds.windows(2)) {
        assert!(num(pair[1], "cx") > num(pair[0], "cx"));
        assert_eq!(
            num(pair[1], "cy") < num(pair[0], "cy"),
            rounds[1].overall.score > rounds[0].overall.score
        );
    }
    assert_eq!(
        with_class(&elements, "kam-milestone").len(),
        report.milestones.len()
    );
    assert_eq!(report.milestones.len(), 3);
    assert_eq!(with_class(&elements, "kam-trend").len(), 1);
    for label in ["after A3 · Senior management approval (78)", "2024", "2025"] {
        assert!(elements.iter().any(|e| e.text == label), "{label}");
    }
    let desc = &elements.iter().find(|e| e.name == "desc").unwrap().text;
    assert!(desc.contains("2023-03-02 59 points (15.2%)"), "{desc}");
    assert!(desc.contains(&uk.trend.as_ref().unwrap().reading), "{desc}");
    // Regions have no rounds of their own, so no trend.
    let europe = report.units.iter().find(|u| u.id == "europe").unwrap();
    assert!(unit_trend(&report, europe).is_none());
}

#[test]
fn the_ranking_has_a_bar_per_unit_best_first() {
    let report = example();
    let svg = ranking(&report).unwrap();
    let elements = checked(&svg);
    let bars = with_class(&elements, "kam-rank");
    assert_eq!(bars.len(), report.positions.len());
    let widths: Vec<f64> = elements
        .iter()
        .filter(|e| e.name == "rect" && e.attr("height") == Some("14"))
        .map(|e| num(e, "width"))
        .collect();
    assert_eq!(widths.len(), 6);
    assert!(widths.windows(2).all(|w| w[0] >= w[1]), "{widths:?}");
    assert!(elements.iter().any(|e| e.text == "1  United States"));
}

#[test]
fn a_long_ranking_shows_its_top_and_bottom() {
    let programme = generate(&ExampleSpec::audits_only(60, 1, 1)).unwrap();
    let report = programme_report(&programme, &ScoreOptions::default()).unwrap();
    let elements = checked(&ranking(&report).unwrap());
    assert_eq!(with_class(&elements, "kam-rank").len(), 40);
    assert!(elements.iter().any(|e| e.text == "… 20 more unit(s) …"));
    let desc = &elements.iter().find(|e| e.name == "desc").unwrap().text;
    assert!(desc.contains("20 more unit(s) left out"), "{desc}");
}

#[test]
fn the_heatmap_has_a_cell_per_item_and_assessor() {
    let report = example();
    let map = &report.agreement.heatmap;
    let svg = disagreement_heatmap(&report).unwrap();
    let elements = checked(&svg);
    assert_eq!(
        with_class(&elements, "kam-cell").len(),
        map.items.len() * map.assessors.len()
    );
    for name in &map.assessors {
        assert!(elements.iter().any(|e| &e.text == name), "{name}");
    }
    let desc = &elements.iter().find(|e| e.name == "desc").unwrap().text;
    assert!(desc.starts_with("Heatmap of "), "{desc}");
}

#[test]
fn no_disputes_no_heatmap() {
    let mut report = example();
    report.agreement.heatmap.items.clear();
    assert!(disagreement_heatmap(&report).is_none());
}

#[test]
fn the_pareto_curve_climbs_to_the_whole() {
    let report = example();
    let pareto = report.pareto.as_ref().unwrap();
    let elements = checked(&pareto_curve(pareto));
    let curve = with_class(&elements, "kam-lorenz");
    assert_eq!(curve.len(), 1);
    let points = polyline_points(curve[0]);
    assert_eq!(points.len(), pareto.ranking.len() + 1);
    // Rightwards and never down (y grows downwards in SVG).
    assert!(
        points
            .windows(2)
            .all(|w| w[1].0 > w[0].0 && w[1].1 <= w[0].1)
    );
    assert_eq!(with_class(&elements, "kam-selected").len(), 1);
}

#[test]
fn hostile_names_are_escaped_and_charts_repeat_exactly() {
    let mut programme = bundled().unwrap();
    programme.units[3].name = Some("<script>alert('x')</script> & \"co\"".to_owned());
    let report = programme_report(&programme, &ScoreOptions::default()).unwrap();
    let unit = &report.units[1];
    let svg = unit_trend(&report, unit).unwrap();
    assert!(!svg.contains("<script>"), "{svg}");
    checked(&svg);
    assert_eq!(svg, unit_trend(&report, unit).unwrap());
    let svg = ranking(&report).unwrap();
    assert!(svg.contains("&lt;script&gt;"));
    assert_eq!(svg, ranking(&report).unwrap());
}

#[test]
fn no_chart_text_of_the_example_is_cut() {
    let programme = crate::api::example_programme().unwrap();
    let report = crate::api::programme_report(&programme, &crate::ScoreOptions::default()).unwrap();
    let html = crate::programme::report::programme_html_fragment(&report);
    let cut: Vec<&str> = html
        .split("<text")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</text>"))
        })
        .map(|(text, _)| text)
        .filter(|t| t.contains('…'))
        .collect();
    assert!(cut.is_empty(), "{cut:?}");
}
