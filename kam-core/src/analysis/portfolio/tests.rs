use proptest::prelude::*;

use super::*;

fn criterion(id: &str, weight: f64) -> Criterion {
    Criterion {
        id: id.to_owned(),
        weight,
    }
}

fn input(customers: &[(&str, [f64; 3])]) -> PortfolioInput {
    PortfolioInput {
        scale: ScoreScale { min: 0.0, max: 5.0 },
        thresholds: Thresholds::default(),
        attractiveness: vec![criterion("size", 0.7), criterion("growth", 0.3)],
        relationship: vec![criterion("trust", 1.0)],
        customers: customers
            .iter()
            .map(|(id, s)| PortfolioCustomer {
                id: (*id).to_owned(),
                scores: [("size", s[0]), ("growth", s[1]), ("trust", s[2])]
                    .iter()
                    .map(|&(k, v)| (k.to_owned(), v))
                    .collect(),
            })
            .collect(),
    }
}

#[test]
fn an_index_on_the_threshold_is_high() {
    // 0.7 × 2.5/5 + 0.3 × 2.5/5 = 0.5 → 50, exactly the default threshold.
    let report = portfolio(&input(&[("mid", [2.5, 2.5, 2.5])])).unwrap();
    let p = &report.customers[0];
    assert_eq!((p.attractiveness, p.relationship), (50.0, 50.0));
    assert_eq!(p.quadrant, Quadrant::KeyAccount);
}

#[test]
fn quadrant_counts_follow_input_order() {
    let report = portfolio(&input(&[
        ("a", [5.0, 5.0, 0.0]),
        ("b", [0.0, 0.0, 0.0]),
        ("c", [5.0, 0.0, 1.0]),
    ]))
    .unwrap();
    let develop = &report.quadrants[1];
    assert_eq!(develop.quadrant, Quadrant::Develop);
    assert_eq!(develop.customers, ["a", "c"]);
    assert_eq!(report.quadrants[3].count, 1);
}

#[test]
fn errors_name_the_customer_and_criterion() {
    let mut bad = input(&[("acme", [6.0, 1.0, 1.0])]);
    assert_eq!(
        portfolio(&bad).unwrap_err().to_string(),
        "the score of customer `acme` on criterion `size` is `6`; a score on the scale 0–5 is needed"
    );
    bad = input(&[("acme", [1.0, 1.0, 1.0])]);
    bad.attractiveness[0].weight = 0.6;
    assert_eq!(
        portfolio(&bad).unwrap_err().to_string(),
        "the weights of the attractiveness criteria sum to 0.8999999999999999, but they must sum to 1"
    );
    bad = input(&[("acme", [1.0, 1.0, 1.0])]);
    bad.customers[0].scores.remove("trust");
    assert_eq!(portfolio(&bad).unwrap_err().kind(), "missing-value");
    bad = input(&[("acme", [1.0, 1.0, 1.0])]);
    bad.customers[0].scores.insert("size2".to_owned(), 1.0);
    assert_eq!(portfolio(&bad).unwrap_err().kind(), "unknown-criterion");
    bad = input(&[("acme", [1.0, 1.0, 1.0]), ("acme", [1.0, 1.0, 1.0])]);
    assert_eq!(portfolio(&bad).unwrap_err().kind(), "duplicate-entry");
    bad = input(&[("acme", [f64::NAN, 1.0, 1.0])]);
    assert_eq!(portfolio(&bad).unwrap_err().kind(), "invalid-number");
    bad = input(&[]);
    assert_eq!(portfolio(&bad).unwrap_err().kind(), "empty-input");
    bad = input(&[("acme", [1.0, 1.0, 1.0])]);
    bad.thresholds.relationship = 101.0;
    assert_eq!(portfolio(&bad).unwrap_err().kind(), "invalid-number");
}

/// `n` customers, each `c<i>` and scored in the middle of the scale.
fn customers(n: usize) -> PortfolioInput {
    let named: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
    let refs: Vec<(&str, [f64; 3])> = named.iter().map(|k| (k.as_str(), [2.5; 3])).collect();
    input(&refs)
}

#[test]
fn customers_are_limited() {
    let report = portfolio(&customers(MAX_PORTFOLIO_CUSTOMERS)).unwrap();
    assert_eq!(report.customers.len(), MAX_PORTFOLIO_CUSTOMERS);
    let err = portfolio(&customers(MAX_PORTFOLIO_CUSTOMERS + 1)).unwrap_err();
    assert_eq!(err.kind(), "too-many-customers");
    assert_eq!(
        err.to_string(),
        "`/customers` has 1001 entries; a portfolio matrix takes at most 1000 customers"
    );
    // Checked before anything else: these customers are not even scored.
    let mut bad = customers(MAX_PORTFOLIO_CUSTOMERS + 1);
    bad.customers.iter_mut().for_each(|c| c.scores.clear());
    assert_eq!(portfolio(&bad).unwrap_err().kind(), "too-many-customers");
}

#[test]
fn criteria_are_limited_per_group() {
    let with = |n: usize| {
        let mut i = customers(1);
        i.relationship = (0..n)
            .map(|k| criterion(&format!("r{k}"), 1.0 / f64::from(u32::try_from(n).unwrap())))
            .collect();
        let scores: BTreeMap<String, f64> = i
            .attractiveness
            .iter()
            .chain(&i.relationship)
            .map(|c| (c.id.clone(), 1.0))
            .collect();
        i.customers[0].scores = scores;
        i
    };
    let report = portfolio(&with(MAX_PORTFOLIO_CRITERIA)).unwrap();
    assert_eq!(report.customers.len(), 1);
    let err = portfolio(&with(MAX_PORTFOLIO_CRITERIA + 1)).unwrap_err();
    assert_eq!(err.kind(), "too-many-criteria");
    assert_eq!(
        err.to_string(),
        "`/relationship` has 51 entries; a portfolio matrix takes at most 50 criteria per group"
    );
}

#[test]
fn a_report_read_back_holds_at_most_the_maximum() {
    // The chart draws a report read from the user; its label placement is
    // quadratic, so a report longer than `portfolio` can write is refused.
    let report = portfolio(&customers(MAX_PORTFOLIO_CUSTOMERS)).unwrap();
    let mut value = serde_json::to_value(&report).unwrap();
    let back: PortfolioReport = crate::json::from_value(value.clone()).unwrap();
    assert_eq!(back, report);
    let text = serde_json::to_string(&report).unwrap();
    assert_eq!(
        crate::json::from_json::<PortfolioReport>(&text).unwrap(),
        report
    );
    let extra = value["customers"][0].clone();
    value["customers"]
        .as_array_mut()
        .unwrap()
        .extend([extra.clone(), extra]);
    let expected = "`/customers` has 1002 entries; a portfolio matrix takes at most 1000 customers";
    let err = crate::json::from_value::<PortfolioReport>(value.clone()).unwrap_err();
    assert_eq!(
        (err.kind().as_str(), err.to_string().as_str()),
        ("too-many-customers", expected)
    );
    let err = crate::json::from_json::<PortfolioReport>(&value.to_string()).unwrap_err();
    assert_eq!(
        (err.kind().as_str(), err.to_string().as_str()),
        ("too-many-customers", expected)
    );
    // A later, unrelated error is not taken for the limit.
    let err = crate::json::from_json::<PortfolioReport>("{}").unwrap_err();
    assert_eq!(err.kind(), "invalid-input");
    // Read with plain serde, the message is the same.
    let err = serde_json::from_value::<PortfolioReport>(value).unwrap_err();
    assert_eq!(err.to_string(), expected);
}

proptest! {
    /// Indices stay within 0–100 and the quadrant agrees with the thresholds.
    #[test]
    fn indices_are_percentages(
        scores in prop::collection::vec((0.0f64..=5.0, 0.0f64..=5.0, 0.0f64..=5.0), 1..20),
        ta in 0.0f64..=100.0,
        tr in 0.0f64..=100.0,
    ) {
        let named: Vec<(String, [f64; 3])> = scores
            .iter()
            .enumerate()
            .map(|(i, &(a, b, c))| (format!("c{i}"), [a, b, c]))
            .collect();
        let refs: Vec<(&str, [f64; 3])> = named.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        let mut i = input(&refs);
        i.thresholds = Thresholds { attractiveness: ta, relationship: tr };
        let report = portfolio(&i).unwrap();
        for p in &report.customers {
            prop_assert!((0.0..=100.0).contains(&p.attractiveness));
            prop_assert!((0.0..=100.0).contains(&p.relationship));
            prop_assert_eq!(p.quadrant, Quadrant::of(p.attractiveness >= ta, p.relationship >= tr));
        }
        let total: u32 = report.quadrants.iter().map(|q| q.count).sum();
        prop_assert_eq!(total as usize, report.customers.len());
    }
}
