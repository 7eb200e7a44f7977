#![doc = include_str!("../../docs/analyses/portfolio.md")]

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{check_ids, check_range, count};
use crate::error::{AnalysisError, Error, LimitError, nearest};
use crate::json::bounded_list;
use crate::limits::{MAX_PORTFOLIO_CRITERIA, MAX_PORTFOLIO_CUSTOMERS};

/// How far the weights of a group may stray from 1 (rounding in the user's
/// spreadsheet, e.g. three weights of 0.333…).
pub const WEIGHT_TOLERANCE: f64 = 1e-6;

/// The default threshold on both indices, in points of 0–100: the middle.
pub const DEFAULT_THRESHOLD: f64 = 50.0;

/// Customers to place on the attractiveness × relationship-strength matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PortfolioInput {
    /// The scale every criterion is scored on; default 1 to 10.
    #[serde(default)]
    pub scale: ScoreScale,
    /// Where "high" starts on each index; default 50 on both.
    #[serde(default)]
    pub thresholds: Thresholds,
    /// The criteria of customer attractiveness; weights sum to 1; at most 50.
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_PORTFOLIO_CRITERIA)))]
    pub attractiveness: Vec<Criterion>,
    /// The criteria of relationship strength; weights sum to 1; at most 50.
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_PORTFOLIO_CRITERIA)))]
    pub relationship: Vec<Criterion>,
    /// The customers, each scored on every criterion of both groups; at most
    /// 1,000.
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_PORTFOLIO_CUSTOMERS)))]
    pub customers: Vec<PortfolioCustomer>,
}

/// The scale criteria are scored on, from `min` to `max`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScoreScale {
    /// The lowest score; it maps to index 0.
    pub min: f64,
    /// The highest score; it maps to index 100.
    pub max: f64,
}

impl Default for ScoreScale {
    fn default() -> Self {
        ScoreScale {
            min: 1.0,
            max: 10.0,
        }
    }
}

/// Where "high" starts on each index (0–100): an index at or above its
/// threshold is high.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// Threshold on the attractiveness index; default 50.
    #[serde(default = "default_threshold")]
    pub attractiveness: f64,
    /// Threshold on the relationship-strength index; default 50.
    #[serde(default = "default_threshold")]
    pub relationship: f64,
}

fn default_threshold() -> f64 {
    DEFAULT_THRESHOLD
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            attractiveness: DEFAULT_THRESHOLD,
            relationship: DEFAULT_THRESHOLD,
        }
    }
}

/// One weighted criterion, e.g. "revenue potential" with weight 0.4.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable id, unique across both groups; customers' scores name it.
    pub id: String,
    /// Its weight within its group, above 0 and at most 1.
    pub weight: f64,
}

/// One customer's scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PortfolioCustomer {
    /// Stable id, unique in the list.
    pub id: String,
    /// Score per criterion id, on the stated scale.
    pub scores: BTreeMap<String, f64>,
}

/// The portfolio matrix: each customer's two indices and quadrant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PortfolioReport {
    /// The scale the scores were read on.
    pub scale: ScoreScale,
    /// The thresholds used.
    pub thresholds: Thresholds,
    /// Each customer, in input order; at most 1,000, also in a report read
    /// back to draw its chart (more is `too-many-customers`).
    #[serde(deserialize_with = "report_customers")]
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_PORTFOLIO_CUSTOMERS)))]
    pub customers: Vec<PortfolioPosition>,
    /// How many customers fall in each quadrant, in the order key account,
    /// develop, maintain, opportunistic/tactical.
    pub quadrants: Vec<QuadrantCount>,
}

/// Where one customer sits on the matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PortfolioPosition {
    /// The customer's id.
    pub id: String,
    /// Attractiveness index, 0–100: the weighted mean of its criteria, each
    /// rescaled so the scale's minimum is 0 and its maximum 100.
    pub attractiveness: f64,
    /// Relationship-strength index, 0–100, computed the same way.
    pub relationship: f64,
    /// The quadrant the two indices put it in.
    pub quadrant: Quadrant,
}

/// A quadrant of the matrix, with the seed's guidance. The quadrant names
/// (`key-account`, "Develop", …) are kam's labels; the guidance is quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Quadrant {
    /// Attractive and a strong relationship: manage as a key account.
    KeyAccount,
    /// Attractive but a weak relationship: the focus is on development.
    Develop,
    /// Less attractive but a strong relationship: the focus is on maintenance.
    Maintain,
    /// Neither: the relationship is opportunistic and tactical.
    OpportunisticTactical,
}

impl Quadrant {
    /// Every quadrant, in report order.
    pub const ALL: [Quadrant; 4] = [
        Quadrant::KeyAccount,
        Quadrant::Develop,
        Quadrant::Maintain,
        Quadrant::OpportunisticTactical,
    ];

    /// The quadrant for a high or low attractiveness and relationship.
    pub fn of(attractive: bool, strong: bool) -> Quadrant {
        match (attractive, strong) {
            (true, true) => Quadrant::KeyAccount,
            (true, false) => Quadrant::Develop,
            (false, true) => Quadrant::Maintain,
            (false, false) => Quadrant::OpportunisticTactical,
        }
    }

    /// Its name, for tables and chart legends: kam's label, not the seed's
    /// words.
    pub fn label(self) -> &'static str {
        match self {
            Quadrant::KeyAccount => "Key account",
            Quadrant::Develop => "Develop",
            Quadrant::Maintain => "Maintain",
            Quadrant::OpportunisticTactical => "Opportunistic / tactical",
        }
    }

    /// The guidance that goes with it, quoted from the seed (the `CedarView` article on
    /// choosing key accounts).
    pub fn guidance(self) -> &'static str {
        match self {
            Quadrant::KeyAccount => "KAM is typically applicable to customers who offer both.",
            Quadrant::Develop => {
                "Where the customer offers an attractive business proposition but the \
                 relationship strength is low, the focus is on development."
            }
            Quadrant::Maintain => {
                "Contrarily, where the attractiveness is less but relationship has been \
                 built over the years, the focus is on maintenance."
            }
            Quadrant::OpportunisticTactical => {
                "And what if the customer is neither? Of course, the relationship then gets \
                 opportunistic and tactical."
            }
        }
    }
}

/// How many customers fall in one quadrant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct QuadrantCount {
    /// The quadrant.
    pub quadrant: Quadrant,
    /// How many customers are in it.
    pub count: u32,
    /// The ids of those customers, in input order.
    pub customers: Vec<String>,
}

/// Reads a report's customers, at most [`MAX_PORTFOLIO_CUSTOMERS`]: drawing
/// the matrix takes time quadratic in the customers (each label avoids every
/// dot and label before it), so a hand-made report cannot hold more than one
/// [`portfolio`] can write.
fn report_customers<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<PortfolioPosition>, D::Error> {
    bounded_list(deserializer, MAX_PORTFOLIO_CUSTOMERS, |count| {
        too_many_customers("/customers", count)
    })
}

fn too_many_customers(path: &str, count: usize) -> LimitError {
    LimitError::TooManyCustomers {
        path: path.to_owned(),
        count,
        max: MAX_PORTFOLIO_CUSTOMERS,
        analysis: "a portfolio matrix",
    }
}

/// Checks the sizes of the input's lists against their maxima; `prefix` is
/// where the input sits in a larger one (`/input` in an explain input).
///
/// # Errors
/// `too-many-customers` for more than [`MAX_PORTFOLIO_CUSTOMERS`] customers,
/// `too-many-criteria` for more than [`MAX_PORTFOLIO_CRITERIA`] criteria in a
/// group.
pub(crate) fn check_limits(input: &PortfolioInput, prefix: &str) -> Result<(), LimitError> {
    if input.customers.len() > MAX_PORTFOLIO_CUSTOMERS {
        return Err(too_many_customers(
            &format!("{prefix}/customers"),
            input.customers.len(),
        ));
    }
    for (group, criteria) in [
        ("attractiveness", &input.attractiveness),
        ("relationship", &input.relationship),
    ] {
        if criteria.len() > MAX_PORTFOLIO_CRITERIA {
            return Err(LimitError::TooManyCriteria {
                path: format!("{prefix}/{group}"),
                count: criteria.len(),
                max: MAX_PORTFOLIO_CRITERIA,
            });
        }
    }
    Ok(())
}

/// Places every customer on the matrix.
///
/// # Errors
/// `too-many-customers` for more than [`MAX_PORTFOLIO_CUSTOMERS`] customers
/// and `too-many-criteria` for more than [`MAX_PORTFOLIO_CRITERIA`] criteria
/// in a group (both checked first), `empty-input` for no customers or an
/// empty group of criteria,
/// `duplicate-entry` for a repeated customer or criterion id,
/// `invalid-number` for a weight, score, scale bound or threshold that is not
/// finite or out of range, `invalid-weights` when a group's weights do not sum
/// to 1, `unknown-criterion` and `missing-value` for a customer scored on an
/// unknown criterion or not on a defined one.
pub fn portfolio(input: &PortfolioInput) -> Result<PortfolioReport, Error> {
    check_limits(input, "")?;
    validate(input)?;
    let PortfolioInput {
        scale,
        thresholds,
        attractiveness,
        relationship,
        customers,
    } = input;
    let customers: Vec<PortfolioPosition> = customers
        .iter()
        .map(|customer| {
            let a = index(scale, attractiveness, customer);
            let r = index(scale, relationship, customer);
            PortfolioPosition {
                id: customer.id.clone(),
                attractiveness: a,
                relationship: r,
                quadrant: Quadrant::of(
                    a >= thresholds.attractiveness,
                    r >= thresholds.relationship,
                ),
            }
        })
        .collect();
    let quadrants = Quadrant::ALL
        .iter()
        .map(|&quadrant| {
            let ids: Vec<String> = customers
                .iter()
                .filter(|c| c.quadrant == quadrant)
                .map(|c| c.id.clone())
                .collect();
            QuadrantCount {
                quadrant,
                count: count(ids.len()),
                customers: ids,
            }
        })
        .collect();
    Ok(PortfolioReport {
        scale: *scale,
        thresholds: *thresholds,
        customers,
        quadrants,
    })
}

/// The weighted mean of the rescaled scores, on 0–100.
fn index(scale: &ScoreScale, criteria: &[Criterion], customer: &PortfolioCustomer) -> f64 {
    let span = scale.max - scale.min;
    let sum: f64 = criteria
        .iter()
        .map(|c| {
            let score = customer.scores.get(&c.id).copied().unwrap_or(scale.min);
            c.weight * (score - scale.min) / span
        })
        .sum();
    // Weights may sum to 1 ± tolerance; clamp so an index never leaves 0–100.
    (sum * 100.0).clamp(0.0, 100.0)
}

fn validate(input: &PortfolioInput) -> Result<(), AnalysisError> {
    let scale = input.scale;
    let finite = || "a finite number is needed".to_owned();
    check_range(
        &|| "`/scale/min`".to_owned(),
        scale.min,
        (f64::MIN, f64::MAX),
        &finite,
    )?;
    check_range(
        &|| "`/scale/max`".to_owned(),
        scale.max,
        (f64::MIN, f64::MAX),
        &finite,
    )?;
    // A span too wide for f64 would turn every index into NaN.
    if scale.max <= scale.min || !(scale.max - scale.min).is_finite() {
        return Err(AnalysisError::InvalidNumber {
            what: "`/scale/max`".to_owned(),
            value: scale.max.to_string(),
            expected: format!(
                "it must be above `/scale/min` {} by a finite span",
                scale.min
            ),
        });
    }
    let percent = || "a threshold from 0 to 100 is needed".to_owned();
    let t = input.thresholds;
    check_range(
        &|| "`/thresholds/attractiveness`".to_owned(),
        t.attractiveness,
        (0.0, 100.0),
        &percent,
    )?;
    check_range(
        &|| "`/thresholds/relationship`".to_owned(),
        t.relationship,
        (0.0, 100.0),
        &percent,
    )?;
    validate_criteria(input)?;
    validate_customers(input)
}

/// Each group non-empty, weights in `(0, 1]` summing to 1.
fn validate_criteria(input: &PortfolioInput) -> Result<(), AnalysisError> {
    for (group, criteria) in [
        ("attractiveness", &input.attractiveness),
        ("relationship", &input.relationship),
    ] {
        if criteria.is_empty() {
            return Err(AnalysisError::Empty {
                what: format!("{group} criteria"),
            });
        }
        for c in criteria {
            check_range(
                &|| format!("the weight of criterion `{}`", c.id),
                c.weight,
                (f64::MIN_POSITIVE, 1.0),
                &|| "a weight above 0 and at most 1 is needed".to_owned(),
            )?;
        }
        let sum: f64 = criteria.iter().map(|c| c.weight).sum();
        if (sum - 1.0).abs() > WEIGHT_TOLERANCE {
            return Err(AnalysisError::InvalidWeights {
                group: group.to_owned(),
                sum: sum.to_string(),
            });
        }
    }
    Ok(())
}

/// Unique ids, and every customer scored on the scale on every criterion.
fn validate_customers(input: &PortfolioInput) -> Result<(), AnalysisError> {
    let scale = input.scale;
    let criteria: Vec<&str> = input
        .attractiveness
        .iter()
        .chain(&input.relationship)
        .map(|c| c.id.as_str())
        .collect();
    check_ids("criterion", "criteria", criteria.iter().copied())?;
    check_ids(
        "customer",
        "customers",
        input.customers.iter().map(|c| c.id.as_str()),
    )?;
    let known: BTreeSet<&str> = criteria.iter().copied().collect();
    for customer in &input.customers {
        if let Some(unknown) = customer.scores.keys().find(|k| !known.contains(k.as_str())) {
            return Err(AnalysisError::UnknownCriterion {
                customer: customer.id.clone(),
                criterion: unknown.clone(),
                suggestion: nearest(unknown, criteria.iter().copied()),
            });
        }
        for id in &criteria {
            let Some(&score) = customer.scores.get(*id) else {
                return Err(AnalysisError::Missing {
                    what: format!(
                        "the score of customer `{}` on criterion `{id}`",
                        customer.id
                    ),
                    why: "every customer is scored on every criterion".to_owned(),
                });
            };
            check_range(
                &|| {
                    format!(
                        "the score of customer `{}` on criterion `{id}`",
                        customer.id
                    )
                },
                score,
                (scale.min, scale.max),
                &|| format!("a score on the scale {}–{} is needed", scale.min, scale.max),
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
