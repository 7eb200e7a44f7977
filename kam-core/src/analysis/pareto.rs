#![doc = include_str!("../../docs/analyses/pareto.md")]

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::{check_ids, check_range, count};
use crate::error::{AnalysisError, Error, LimitError};
use crate::limits::MAX_PARETO_CUSTOMERS;

/// The default share of the total to reach, in percent.
pub const DEFAULT_SHARE: f64 = 80.0;

/// Customers with one measure each, and the share of the total to reach.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ParetoInput {
    /// The measure's name, e.g. `revenue`, `profit` or `market share` (the
    /// seed's examples; any other measure is the user's choice); default
    /// `revenue`. It only labels the report and error messages.
    #[serde(default = "default_measure")]
    pub measure: String,
    /// The share of the total to reach, in percent, above 0 and at most 100;
    /// default 80.
    #[serde(default = "default_share")]
    pub share: f64,
    /// The customers, each with a value of 0 or more; at most 10,000.
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_PARETO_CUSTOMERS)))]
    pub customers: Vec<ParetoCustomer>,
}

fn default_measure() -> String {
    "revenue".to_owned()
}

fn default_share() -> f64 {
    DEFAULT_SHARE
}

/// One customer's value of the measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ParetoCustomer {
    /// Stable id, unique in the list.
    pub id: String,
    /// Its value of the measure, finite and 0 or more.
    pub value: f64,
}

/// The customers ranked, and the smallest set making up the share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ParetoReport {
    /// The measure's name.
    pub measure: String,
    /// The share asked for, in percent.
    pub share: f64,
    /// The total of the measure over all customers.
    pub total: f64,
    /// Every customer, largest value first; ties by id in byte order.
    pub ranking: Vec<ParetoRow>,
    /// The smallest set of customers reaching the share: the top of the
    /// ranking, in ranking order.
    pub selected: Vec<String>,
    /// The share of the total those customers make up, in percent.
    pub selected_share: f64,
    /// The share of all customers they are, in percent (the "20%" of 80/20).
    pub customer_share: f64,
}

/// One customer's line in the ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ParetoRow {
    /// Rank, from 1.
    pub rank: u32,
    /// The customer's id.
    pub id: String,
    /// Its value.
    pub value: f64,
    /// Its share of the total, in percent.
    pub share: f64,
    /// The share of the total of it and everyone ranked above, in percent.
    pub cumulative: f64,
    /// Whether it is in the selected set.
    pub selected: bool,
}

/// Ranks the customers and finds the smallest set making up the share.
///
/// Taking customers largest first is what makes the set smallest: any `k`
/// customers add up to at most the `k` largest values. Ties are ranked by id
/// in byte order, so the same input always gives the same set. The share is
/// reached when the running sum is at least `share / 100 × total`.
///
/// # Errors
/// `too-many-customers` for more than [`MAX_PARETO_CUSTOMERS`] customers
/// (checked first), `empty-input` for no customers, `duplicate-entry` for a
/// repeated id, `invalid-number` for a negative, NaN or infinite value or a
/// share outside `(0, 100]`, and `invalid-number` when every value is 0
/// (there is no total to share out).
pub fn pareto(input: &ParetoInput) -> Result<ParetoReport, Error> {
    if input.customers.len() > MAX_PARETO_CUSTOMERS {
        return Err(LimitError::TooManyCustomers {
            path: "/customers".to_owned(),
            count: input.customers.len(),
            max: MAX_PARETO_CUSTOMERS,
            analysis: "a Pareto analysis",
        }
        .into());
    }
    Ok(rank(input)?)
}

/// [`pareto`] once the input is known to be within its limit.
fn rank(input: &ParetoInput) -> Result<ParetoReport, AnalysisError> {
    check_range(
        &|| "`share`".to_owned(),
        input.share,
        (f64::MIN_POSITIVE, 100.0),
        &|| "a percentage above 0 and at most 100 is needed".to_owned(),
    )?;
    check_ids(
        "customer",
        "customers",
        input.customers.iter().map(|c| c.id.as_str()),
    )?;
    for c in &input.customers {
        check_range(
            &|| format!("`{}` of customer `{}`", input.measure, c.id),
            c.value,
            (0.0, f64::MAX),
            &|| "a finite number of 0 or more is needed".to_owned(),
        )?;
    }
    let mut ranked: Vec<&ParetoCustomer> = input.customers.iter().collect();
    ranked.sort_by(|a, b| {
        b.value
            .partial_cmp(&a.value)
            .unwrap_or(Ordering::Equal)
            .then_with(|| a.id.cmp(&b.id))
    });
    let total: f64 = ranked.iter().map(|c| c.value).sum();
    if total <= 0.0 || !total.is_finite() {
        return Err(AnalysisError::InvalidNumber {
            what: format!("the total `{}` of all customers", input.measure),
            value: total.to_string(),
            expected: "a positive finite total is needed to share out".to_owned(),
        });
    }
    let target = input.share / 100.0 * total;
    let mut running = 0.0;
    let mut reached = false;
    let mut selected = Vec::new();
    let ranking: Vec<ParetoRow> = ranked
        .iter()
        .enumerate()
        .map(|(i, c)| {
            running += c.value;
            let take = !reached;
            if take {
                selected.push(c.id.clone());
                reached = running >= target;
            }
            ParetoRow {
                rank: count(i + 1),
                id: c.id.clone(),
                value: c.value,
                share: c.value / total * 100.0,
                cumulative: running / total * 100.0,
                selected: take,
            }
        })
        .collect();
    let selected_share = ranking
        .iter()
        .filter(|r| r.selected)
        .map(|r| r.value)
        .sum::<f64>()
        / total
        * 100.0;
    Ok(ParetoReport {
        measure: input.measure.clone(),
        share: input.share,
        total,
        customer_share: f64::from(count(selected.len())) / f64::from(count(ranking.len())) * 100.0,
        ranking,
        selected,
        selected_share,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn input(values: &[f64], share: f64) -> ParetoInput {
        ParetoInput {
            measure: "revenue".to_owned(),
            share,
            customers: values
                .iter()
                .enumerate()
                .map(|(i, &value)| ParetoCustomer {
                    id: format!("c{i:02}"),
                    value,
                })
                .collect(),
        }
    }

    #[test]
    fn customers_are_limited() {
        let at_most = input(&vec![1.0; MAX_PARETO_CUSTOMERS], 80.0);
        assert_eq!(
            pareto(&at_most).unwrap().ranking.len(),
            MAX_PARETO_CUSTOMERS
        );
        let over = input(&vec![1.0; MAX_PARETO_CUSTOMERS + 1], 80.0);
        let err = pareto(&over).unwrap_err();
        assert_eq!(err.kind(), "too-many-customers");
        assert_eq!(
            err.to_string(),
            "`/customers` has 10001 entries; a Pareto analysis takes at most 10000 customers"
        );
        // The limit is checked before anything else reads the list.
        let mut bad = over;
        bad.share = f64::NAN;
        assert_eq!(pareto(&bad).unwrap_err().kind(), "too-many-customers");
    }

    #[test]
    fn ties_are_broken_by_id() {
        let report = pareto(&input(&[5.0, 5.0, 5.0, 5.0], 50.0)).unwrap();
        assert_eq!(report.selected, ["c00", "c01"]);
    }

    #[test]
    fn exact_share_stops_at_the_boundary() {
        let report = pareto(&input(&[60.0, 20.0, 20.0], 80.0)).unwrap();
        assert_eq!(report.selected, ["c00", "c01"]);
        assert!((report.selected_share - 80.0).abs() < 1e-12);
    }

    #[test]
    fn bad_values_are_named() {
        let err = pareto(&input(&[1.0, -2.0], 80.0)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "`revenue` of customer `c01` is `-2`; a finite number of 0 or more is needed"
        );
        for bad in [f64::NAN, f64::INFINITY] {
            assert_eq!(
                pareto(&input(&[bad], 80.0)).unwrap_err().kind(),
                "invalid-number"
            );
        }
        assert_eq!(pareto(&input(&[], 80.0)).unwrap_err().kind(), "empty-input");
        assert_eq!(
            pareto(&input(&[0.0, 0.0], 80.0)).unwrap_err().kind(),
            "invalid-number"
        );
        assert_eq!(
            pareto(&input(&[1.0], 0.0)).unwrap_err().kind(),
            "invalid-number"
        );
    }

    proptest! {
        /// The selected set reaches the share, and no set with one customer
        /// fewer can: the largest such set is the top of the ranking minus one.
        #[test]
        fn selection_is_minimal_and_reaches_the_share(
            values in prop::collection::vec(0u32..1000, 1..40),
            share in 1u32..=100,
        ) {
            prop_assume!(values.iter().any(|&v| v > 0));
            let values: Vec<f64> = values.into_iter().map(f64::from).collect();
            let share = f64::from(share);
            let report = pareto(&input(&values, share)).unwrap();
            let total: f64 = values.iter().sum();
            let target = share / 100.0 * total;
            let value_of = |id: &str| report.ranking.iter().find(|r| r.id == id).unwrap().value;
            let chosen: f64 = report.selected.iter().map(|id| value_of(id)).sum();
            prop_assert!(chosen >= target);
            let mut sorted = values.clone();
            sorted.sort_by(|a, b| b.partial_cmp(a).unwrap());
            let best_smaller: f64 = sorted.iter().take(report.selected.len() - 1).sum();
            prop_assert!(best_smaller < target);
            prop_assert_eq!(report.ranking.len(), values.len());
            prop_assert!(report.ranking.windows(2).all(|w| w[0].value >= w[1].value));
        }
    }
}
