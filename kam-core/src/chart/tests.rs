//! Structure tests of every chart: well formed, accessible, the right number
//! of marks in the right places, hostile text escaped, same bytes every time.

use super::check::{Element, checked, num, with_class};
use super::fixtures::{
    CURRENT_STAGES, HOSTILE, TARGET_STAGES, best_practice, comparison, hostile, maturity,
    northwind, portfolio,
};
use super::properties::{assert_score_label_clear, polyline_points};
use super::svg::text_width;
use super::{
    COMPLETE, CURRENT, INCOMPLETE, figure3, figure4, maturity_radar, portfolio_matrix, progress,
};

#[test]
fn figure3_has_twelve_bars_coloured_by_state() {
    let report = northwind();
    let svg = figure3(&report);
    let elements = checked(&svg);
    let bars = with_class(&elements, "kam-bar");
    assert_eq!(bars.len(), 12);
    let periods: Vec<_> = report.phases.iter().flat_map(|p| &p.periods).collect();
    let fills: Vec<&str> = bars.iter().map(|b| b.attr("fill").unwrap()).collect();
    // A1–A3 complete, B1 current, the rest not yet complete.
    assert_eq!(fills[..4], [COMPLETE, COMPLETE, COMPLETE, CURRENT]);
    assert!(fills[4..].iter().all(|f| *f == INCOMPLETE), "{fills:?}");
    // Heights follow the percentages: 100% would be the full 220-unit plot.
    for (bar, period) in bars.iter().zip(&periods) {
        let expected = 220.0 * period.percent / 100.0;
        assert!(
            (num(bar, "height") - expected).abs() < 0.02,
            "{}",
            period.id
        );
    }
    // All bars stand on one baseline, left to right, with a wider gap
    // between phases than within them.
    let bottoms: Vec<f64> = bars
        .iter()
        .map(|b| num(b, "y") + num(b, "height"))
        .collect();
    assert!(bottoms.windows(2).all(|w| (w[0] - w[1]).abs() < 0.02));
    let xs: Vec<f64> = bars.iter().map(|b| num(b, "x")).collect();
    let steps: Vec<f64> = xs.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(
        steps[2] > steps[0] + 10.0 && steps[5] > steps[4] + 10.0,
        "{steps:?}"
    );
    // The threshold line sits at 80% of the plot.
    let base = bottoms[0];
    let threshold = with_class(&elements, "kam-threshold");
    assert_eq!(threshold.len(), 1);
    let threshold = threshold[0];
    assert!((num(threshold, "y1") - (base - 176.0)).abs() < 0.02);
    for label in [
        "95%",
        "74%",
        "A · Scoping KAM",
        "D · Optimising value",
        "Threshold 80% (kam)",
    ] {
        assert!(elements.iter().any(|e| e.text == label), "{label}");
    }
    let desc = &elements.iter().find(|e| e.name == "desc").unwrap().text;
    assert!(
        desc.contains("period 1 Awareness 95.2% (20 of 21, complete)"),
        "{desc}"
    );
    assert!(
        desc.contains("working on period 4 Capability building (B1)"),
        "{desc}"
    );
}

#[test]
fn figure3_with_every_period_complete_highlights_none() {
    let svg = figure3(&best_practice());
    let elements = checked(&svg);
    let bars = with_class(&elements, "kam-bar");
    assert_eq!(bars.len(), 12);
    assert!(bars.iter().all(|b| b.attr("fill") == Some(COMPLETE)));
    assert!(svg.contains("every period complete"));
}

#[test]
fn figure4_has_the_path_three_milestones_and_the_score() {
    let report = northwind();
    let elements = checked(&figure4(&report));
    let path = with_class(&elements, "kam-path");
    assert_eq!(path.len(), 1);
    let points = polyline_points(path[0]);
    assert_eq!(points.len(), 13);
    assert!(
        points
            .windows(2)
            .all(|w| w[1].0 > w[0].0 && w[1].1 < w[0].1)
    );
    // The paper's three milestones, each at the corner of the period it
    // follows; it gives phase D none.
    let milestones = with_class(&elements, "kam-milestone");
    assert_eq!(milestones.len(), 3);
    for name in ["Senior management", "Launch", "Recommitment"] {
        assert!(elements.iter().any(|e| e.text.starts_with(name)), "{name}");
    }
    assert!(!elements.iter().any(|e| e.text.contains("Best practice")));
    // Diamonds sit on the corners after periods 3, 4 (Launch, at 117, not at
    // the end of phase B) and 9.
    let diamonds: Vec<(f64, f64)> = elements
        .iter()
        .filter(|e| e.name == "polygon")
        .map(|e| {
            let corners: Vec<f64> = e
                .attr("points")
                .unwrap()
                .split([' ', ','])
                .map(|v| v.parse().unwrap())
                .collect();
            (corners[0], corners[3])
        })
        .collect();
    let on_corner = |k: usize| {
        diamonds
            .iter()
            .any(|&(x, y)| (x - points[k].0).abs() < 0.05 && (y - points[k].1).abs() < 0.05)
    };
    assert!(on_corner(3) && on_corner(4) && on_corner(9), "{diamonds:?}");
    assert!(!on_corner(6) && !on_corner(12), "{diamonds:?}");
    for total in [21, 54, 78, 117, 150, 183, 222, 264, 288, 324, 360, 387] {
        assert!(
            elements.iter().any(|e| e.text == total.to_string()),
            "{total}"
        );
    }
    // The score's dot lies on the path, 27% of the way through period 5.
    let score = elements
        .iter()
        .find(|e| e.name == "circle" && e.attr("r") == Some("6.5"))
        .unwrap();
    let (cx, cy) = (num(score, "cx"), num(score, "cy"));
    let (a, b) = (points[4], points[5]);
    let t = (cx - a.0) / (b.0 - a.0);
    assert!((t - 9.0 / 33.0).abs() < 0.01, "{t}");
    assert!((cy - (a.1 + t * (b.1 - a.1))).abs() < 0.05);
    assert!(elements.iter().any(|e| e.text == "126 of 387"));
    let desc = &elements.iter().find(|e| e.name == "desc").unwrap().text;
    assert!(
        desc.contains("Launch at 117 (after period 4 Capability building)"),
        "{desc}"
    );
    assert!(desc.contains("126 of 387 points (32.6%)"), "{desc}");
    assert!(desc.contains("period 5 Roll-out (phase B), 27% of the way through"));
    // The subtitle says the same in full, over two lines rather than cut.
    let shown = uncut_texts(&elements);
    assert!(
        shown.join(" ").contains("27% of the way through."),
        "{shown:?}"
    );
}

/// The text of every `<text>` element, checking none is cut with an ellipsis.
fn uncut_texts(elements: &[Element]) -> Vec<&str> {
    let shown: Vec<&str> = elements
        .iter()
        .filter(|e| e.name == "text")
        .map(|e| e.text.as_str())
        .collect();
    assert!(shown.iter().all(|t| !t.contains('…')), "{shown:?}");
    shown
}

#[test]
fn a_long_figure4_subtitle_wraps_rather_than_being_cut() {
    let assessment: crate::AuditAssessment = crate::json::from_json(
        r#"{"framework": "cranfield-kam-development", "framework_version": "2006.2",
            "context": {"organisation": "Northwind Components", "unit": "UK"},
            "scores": {"A1.1": 3, "A1.2": 3, "A1.3": 3, "A1.4": 2, "A1.5": 2, "A2.1": 2,
                       "A2.2": 1, "A2.3": 1, "B1.1": 1, "C1.1": 3}}"#,
    )
    .unwrap();
    let report = crate::api::score(&assessment, &crate::ScoreOptions::default()).unwrap();
    let svg = figure4(&report);
    let elements = checked(&svg);
    let shown = uncut_texts(&elements);
    assert!(
        shown
            .join(" ")
            .contains("Understanding the scope (phase A), 0% of the way through."),
        "{shown:?}"
    );
}

#[test]
fn figure4_places_best_practice_at_the_end_of_the_path() {
    let elements = checked(&figure4(&best_practice()));
    let score = elements
        .iter()
        .find(|e| e.name == "circle" && e.attr("r") == Some("6.5"))
        .unwrap();
    assert!((num(score, "cx") - 620.0).abs() < 0.01);
    assert!(elements.iter().any(|e| e.text == "387 of 387"));
}

/// The score's label never sits on the path, the axis or outside the plot,
/// whether the score is mid-path, at the very end or at zero.
#[test]
fn figure4_score_label_keeps_clear_of_the_path() {
    let framework = crate::framework::builtin_audit("cranfield-kam-development").unwrap();
    let empty = crate::api::score(
        &crate::AuditAssessment::new(framework),
        &crate::ScoreOptions::default(),
    )
    .unwrap();
    for report in [northwind(), best_practice(), empty] {
        assert_score_label_clear(&report, &checked(&figure4(&report)));
    }
}

#[test]
fn radar_has_ten_spokes_five_rings_and_both_polygons() {
    let current = maturity(CURRENT_STAGES, "Northwind Components");
    let target = maturity(TARGET_STAGES, "Northwind Components");
    let elements = checked(&maturity_radar(&current, Some(&target)));
    assert_eq!(with_class(&elements, "kam-spoke").len(), 10);
    for ring in [
        "1 Ad hoc",
        "2 Awareness",
        "3 Repeatable",
        "4 Predictable",
        "5 Activating",
    ] {
        assert!(elements.iter().any(|e| e.text == ring), "{ring}");
    }
    let rings = elements
        .iter()
        .filter(|e| e.name == "polygon" && e.attr("fill") == Some("none"))
        .filter(|e| e.attr("stroke-dasharray").is_none())
        .count();
    assert_eq!(rings, 5);
    let polygon_in = |class: &str| {
        let start = elements
            .iter()
            .position(|e| e.attr("class") == Some(class))
            .unwrap();
        elements[start + 1]
            .attr("points")
            .unwrap()
            .split(' ')
            .count()
    };
    assert_eq!(polygon_in("kam-current"), 10);
    assert_eq!(polygon_in("kam-target"), 10);
    assert!(elements.iter().any(|e| e.text == "not assessed"));
    assert!(elements.iter().any(|e| e.text == "stage 1 → target 3"));
    let desc = &elements.iter().find(|e| e.name == "desc").unwrap().text;
    assert!(
        desc.contains("Technology: stage 1 Ad hoc (target stage 3 Repeatable)"),
        "{desc}"
    );
    assert!(desc.contains("Customer experience: not assessed"), "{desc}");
}

#[test]
fn radar_without_target_draws_no_target() {
    let current = maturity(CURRENT_STAGES, "Northwind");
    let elements = checked(&maturity_radar(&current, None));
    assert!(with_class(&elements, "kam-target").is_empty());
    assert_eq!(with_class(&elements, "kam-spoke").len(), 10);
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let report = hostile();
    let radar = maturity(CURRENT_STAGES, HOSTILE);
    for svg in [
        figure3(&report),
        figure4(&report),
        maturity_radar(&radar, None),
    ] {
        assert!(!svg.contains("<script"), "raw markup in {svg}");
        let elements = checked(&svg);
        let title = &elements.iter().find(|e| e.name == "title").unwrap().text;
        assert!(title.contains(HOSTILE), "{title}");
    }
}

#[test]
fn output_is_deterministic() {
    let report = northwind();
    let current = maturity(CURRENT_STAGES, "N");
    let target = maturity(TARGET_STAGES, "N");
    assert_eq!(figure3(&report), figure3(&report.clone()));
    assert_eq!(figure4(&report), figure4(&report.clone()));
    assert_eq!(
        maturity_radar(&current, Some(&target)),
        maturity_radar(&current.clone(), Some(&target.clone()))
    );
}

#[test]
fn long_names_are_cut_to_fit() {
    let mut report = northwind();
    report.context.organisation = Some("A".repeat(300));
    for phase in &mut report.phases {
        phase.name = "Very long phase name that cannot possibly fit".into();
    }
    for milestone in &mut report.milestones {
        milestone.name = "An extremely long milestone name that needs wrapping twice".into();
    }
    // `checked` asserts every label stays inside the canvas.
    checked(&figure3(&report));
    checked(&figure4(&report));
}

#[test]
fn portfolio_matrix_places_every_customer_in_its_quadrant() {
    let report = portfolio("Acme");
    let elements = checked(&portfolio_matrix(&report));
    let customers = with_class(&elements, "kam-customer");
    assert_eq!(customers.len(), 6);
    for name in [
        "Key account",
        "Develop",
        "Maintain",
        "Opportunistic / tactical",
    ] {
        assert_eq!(
            elements.iter().filter(|e| e.text == name).count(),
            2,
            "{name}: once in the legend, once in its quadrant"
        );
    }
    // Dots follow the indices: across = relationship, up = attractiveness.
    let circles: Vec<&Element> = elements
        .iter()
        .filter(|e| e.name == "circle" && e.attr("r") == Some("6"))
        .collect();
    assert_eq!(circles.len(), 6);
    let (acme, globex, initech) = (circles[0], circles[1], circles[2]);
    assert!(num(globex, "cx") < num(acme, "cx") && num(initech, "cx") > num(globex, "cx"));
    assert!(num(initech, "cy") > num(acme, "cy"));
    // Umbrella and Hooli sit almost on top of each other: their labels must
    // cover neither each other nor any dot.
    let ids = [
        "Acme",
        "Globex",
        "Initech",
        "Umbrella",
        "Hooli",
        "Vandelay Industries",
    ];
    let boxes: Vec<(f64, f64, f64, f64)> = ids
        .iter()
        .map(|id| {
            let e = elements
                .iter()
                .find(|e| e.name == "text" && e.text == *id)
                .unwrap();
            let (x, y) = (num(e, "x"), num(e, "y"));
            let w = text_width(&e.text, 11.0);
            let left = match e.attr("text-anchor") {
                Some("end") => x - w,
                Some("middle") => x - w / 2.0,
                _ => x,
            };
            (left, left + w, y - 10.0, y + 2.0)
        })
        .collect();
    let overlap = |a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)| {
        a.0 < b.1 && b.0 < a.1 && a.2 < b.3 && b.2 < a.3
    };
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            assert!(!overlap(*a, *b), "{a:?} {b:?}");
        }
        for c in &circles {
            let (cx, cy) = (num(c, "cx"), num(c, "cy"));
            assert!(
                !overlap(*a, (cx - 6.0, cx + 6.0, cy - 6.0, cy + 6.0)),
                "{a:?}"
            );
        }
    }
    let desc = &elements.iter().find(|e| e.name == "desc").unwrap().text;
    assert!(desc.contains("Globex: attractiveness"), "{desc}");
    assert!(desc.contains("develop"), "{desc}");
}

#[test]
fn progress_pairs_twelve_periods() {
    let comparison = comparison();
    let elements = checked(&progress(&comparison));
    let before = with_class(&elements, "kam-before");
    let after = with_class(&elements, "kam-after");
    assert_eq!((before.len(), after.len()), (12, 12));
    for ((b, a), change) in before.iter().zip(&after).zip(&comparison.periods) {
        assert!((num(b, "height") - 2.2 * change.before.percent).abs() < 0.02);
        assert!((num(a, "height") - 2.2 * change.after.percent).abs() < 0.02);
        assert!(num(a, "x") > num(b, "x"));
    }
    let overall = comparison.overall.change;
    assert!(overall > 0);
    let desc = &elements.iter().find(|e| e.name == "desc").unwrap().text;
    assert!(desc.contains(&format!("(+{overall})")), "{desc}");
    // At least one gain and one loss are labelled with their sign.
    assert!(
        elements
            .iter()
            .any(|e| e.text.starts_with('+') && e.text.ends_with(" pts"))
    );
    assert!(
        elements
            .iter()
            .any(|e| e.text.starts_with('-') && e.text.ends_with(" pts"))
    );
}

#[test]
fn analysis_charts_escape_and_repeat() {
    let report = portfolio(HOSTILE);
    let svg = portfolio_matrix(&report);
    assert!(!svg.contains("<script"));
    let elements = checked(&svg);
    assert!(elements.iter().any(|e| e.text.contains("<script>")));
    assert_eq!(svg, portfolio_matrix(&report.clone()));
    let mut comparison = comparison();
    comparison.after.context.organisation = Some(HOSTILE.to_owned());
    let svg = progress(&comparison);
    assert!(!svg.contains("<script"));
    checked(&svg);
    assert_eq!(svg, progress(&comparison.clone()));
}
