//! Properties over random audits and maturity readings: every chart stays
//! well formed, keeps its labels on the canvas, and never puts the score's
//! label on the development path.

use proptest::prelude::*;

use super::check::{Element, checked, num, with_class};
use super::svg::text_width;
use super::{figure3, figure4, maturity_radar};
use crate::scoring::AuditReport;
use crate::{AuditAssessment, MaturityAssessment, MaturityOptions, ScoreOptions, api};

/// The `(x, y)` points of a `<polyline>`.
pub(crate) fn polyline_points(element: &Element) -> Vec<(f64, f64)> {
    element
        .attr("points")
        .unwrap()
        .split(' ')
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// Asserts the score's label of a Figure 4 lies wholly below or above the
/// path, and above the axis.
pub(crate) fn assert_score_label_clear(report: &AuditReport, elements: &[Element]) {
    let points = polyline_points(with_class(elements, "kam-path")[0]);
    let path_y = |x: f64| {
        let i = points
            .iter()
            .position(|p| p.0 >= x)
            .unwrap_or(points.len() - 1)
            .max(1);
        let (a, b) = (points[i - 1], points[i]);
        a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0)
    };
    let text = format!("{} of {}", report.overall.score, report.overall.max);
    let label = elements.iter().find(|e| e.text == text).unwrap();
    let (x, baseline) = (num(label, "x"), num(label, "y"));
    let width = text_width(&text, 12.0) * 1.1;
    let (left, right) = match label.attr("text-anchor") {
        Some("end") => (x - width, x),
        _ => (x, x + width),
    };
    let (top, bottom) = (baseline - 12.0, baseline + 3.0);
    let below = top > path_y(left.max(points[0].0));
    let above = bottom < path_y(right.min(points[12].0));
    assert!(below || above, "{text} crosses the path");
    assert!(bottom < points[0].1, "{text} runs into the axis");
}

fn audit(scores: &[u8]) -> AuditReport {
    let framework = crate::framework::builtin_audit("cranfield-kam-development").unwrap();
    let mut assessment = AuditAssessment::new(framework);
    for (item, &score) in framework.items.iter().zip(scores) {
        // 4 stands for "unscored", so unscored items are covered too.
        if score <= 3 {
            assessment.scores.insert(item.id.clone(), score);
        }
    }
    api::score(&assessment, &ScoreOptions::default()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn audit_charts_hold_for_any_scores(scores in prop::collection::vec(0u8..=4, 129)) {
        let report = audit(&scores);
        let three = checked(&figure3(&report));
        prop_assert_eq!(with_class(&three, "kam-bar").len(), 12);
        let four = checked(&figure4(&report));
        prop_assert_eq!(with_class(&four, "kam-milestone").len(), 3);
        assert_score_label_clear(&report, &four);
    }

    #[test]
    fn radar_holds_for_any_stages(stages in prop::collection::vec(0u8..=5, 10)) {
        let model = api::framework("kam-maturity-model").unwrap();
        let areas = &model.as_maturity().unwrap().areas;
        let mut assessment = MaturityAssessment {
            framework: model.id().to_owned(),
            framework_version: model.version().to_owned(),
            context: crate::Context::default(),
            stages: std::collections::BTreeMap::new(),
            evidence: std::collections::BTreeMap::new(),
        };
        // 0 leaves the area unassessed.
        for (area, &stage) in areas.iter().zip(&stages) {
            if stage > 0 {
                assessment.stages.insert(area.id.clone(), stage);
            }
        }
        let report = api::score_maturity(&assessment, &MaturityOptions::default()).unwrap();
        let elements = checked(&maturity_radar(&report, Some(&report)));
        prop_assert_eq!(with_class(&elements, "kam-spoke").len(), 10);
    }
}
