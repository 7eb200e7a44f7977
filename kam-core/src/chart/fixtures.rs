//! Reports to draw in the tests: the bundled Northwind example, hostile
//! text, extremes, maturity readings, a comparison and a portfolio.

use crate::analysis::{AuditComparison, ComparisonInput, PortfolioInput, PortfolioReport};
use crate::maturity::{MaturityAssessment, MaturityOptions, MaturityReport};
use crate::scoring::{AuditReport, ScoreOptions};
use crate::{AuditAssessment, api, json::from_json};

pub(crate) const HOSTILE: &str = "<script>&\"' Zürich 東京";

pub(crate) fn northwind() -> AuditReport {
    let text = include_str!("../../examples/data/northwind-audit.json");
    let assessment: AuditAssessment = from_json(text).unwrap();
    api::score(&assessment, &ScoreOptions::default()).unwrap()
}

pub(crate) fn hostile() -> AuditReport {
    let mut report = northwind();
    report.context.organisation = Some(HOSTILE.to_owned());
    report.context.unit = Some("R&D <EMEA>".to_owned());
    report
}

pub(crate) fn comparison() -> AuditComparison {
    let before = include_str!("../../examples/data/northwind-audit-2025.json");
    let after = include_str!("../../examples/data/northwind-audit.json");
    let input = ComparisonInput {
        before: from_json(before).unwrap(),
        after: from_json(after).unwrap(),
    };
    api::compare(&input, &ScoreOptions::default()).unwrap()
}

pub(crate) fn portfolio(first_id: &str) -> PortfolioReport {
    let mut input: PortfolioInput = serde_json::from_value(serde_json::json!({
        "attractiveness": [{"id": "potential", "weight": 0.6}, {"id": "margin", "weight": 0.4}],
        "relationship": [{"id": "trust", "weight": 0.5}, {"id": "share", "weight": 0.5}],
        "customers": [
            {"id": "Acme", "scores": {"potential": 9, "margin": 8, "trust": 8, "share": 7}},
            {"id": "Globex", "scores": {"potential": 9, "margin": 7, "trust": 2, "share": 3}},
            {"id": "Initech", "scores": {"potential": 3, "margin": 2, "trust": 9, "share": 8}},
            {"id": "Umbrella", "scores": {"potential": 2, "margin": 3, "trust": 2, "share": 2}},
            {"id": "Hooli", "scores": {"potential": 2, "margin": 3, "trust": 2, "share": 3}},
            {"id": "Vandelay Industries", "scores": {"potential": 10, "margin": 10, "trust": 10, "share": 10}}
        ]
    }))
    .unwrap();
    input.customers[0].id = first_id.to_owned();
    api::portfolio(&input).unwrap()
}

pub(crate) fn best_practice() -> AuditReport {
    let framework = crate::framework::builtin_audit("cranfield-kam-development").unwrap();
    let mut assessment = AuditAssessment::new(framework);
    for item in &framework.items {
        assessment.scores.insert(item.id.clone(), 3);
    }
    api::score(&assessment, &ScoreOptions::default()).unwrap()
}

pub(crate) fn maturity(stages: &[(&str, u8)], organisation: &str) -> MaturityReport {
    let model = api::framework("kam-maturity-model").unwrap();
    let mut assessment = MaturityAssessment {
        framework: model.id().to_owned(),
        framework_version: model.version().to_owned(),
        context: crate::Context {
            organisation: Some(organisation.to_owned()),
            ..crate::Context::default()
        },
        stages: std::collections::BTreeMap::new(),
        evidence: std::collections::BTreeMap::new(),
    };
    for (area, stage) in stages {
        assessment.stages.insert((*area).to_owned(), *stage);
    }
    api::score_maturity(&assessment, &MaturityOptions::default()).unwrap()
}

pub(crate) const CURRENT_STAGES: &[(&str, u8)] = &[
    ("process", 3),
    ("team-behavior", 2),
    ("communication-internal", 3),
    ("communication-external", 2),
    ("account-plans", 4),
    ("frequency-of-reviews", 3),
    ("training", 2),
    ("technology", 1),
    ("leadership-mindset", 3),
];

pub(crate) const TARGET_STAGES: &[(&str, u8)] = &[
    ("process", 4),
    ("team-behavior", 3),
    ("communication-internal", 4),
    ("communication-external", 3),
    ("account-plans", 4),
    ("frequency-of-reviews", 4),
    ("training", 3),
    ("technology", 3),
    ("leadership-mindset", 4),
    ("customer-experience", 3),
];
