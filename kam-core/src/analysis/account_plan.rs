#![doc = include_str!("../../docs/analyses/account-plan.md")]

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::check_range;
use crate::assessment::is_calendar_date;
use crate::error::{AnalysisError, AssessmentError, Error, LimitError, nearest};
use crate::framework::Source;
use crate::limits::MAX_PLAN_ELEMENTS;

/// What a key account plan should hold, how far ahead it should look, and
/// how often it should be reviewed at each maturity stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanTemplate {
    /// Stable id, e.g. `kam-account-plan`.
    pub id: String,
    /// Version of the data.
    pub version: String,
    /// Human-readable name.
    pub name: String,
    /// Where the elements and rules come from.
    pub source: Source,
    /// One-paragraph summary.
    pub description: String,
    /// The elements a complete plan holds, in order; at most 100.
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_PLAN_ELEMENTS)))]
    pub elements: Vec<PlanElement>,
    /// The horizon a strategic plan should cover, in years (Cranfield: 3).
    pub horizon_years: f64,
    /// Most days since the last review for the plan to count as live and up
    /// to date in the litmus sense, whatever the stage (kam: 92, quarterly).
    pub live_max_days: u32,
    /// The review cadence expected at each maturity stage, stage 1 first.
    pub review_cadence: Vec<ReviewCadence>,
}

/// One standard element of a key account plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanElement {
    /// Stable id, e.g. `competitive-analysis`.
    pub id: String,
    /// Name, e.g. "Competitive analysis".
    pub name: String,
}

/// The review cadence expected at one maturity stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewCadence {
    /// The stage, from 1.
    pub stage: u8,
    /// The maturity model's words, e.g. "Quarterly".
    pub label: String,
    /// Most days between reviews; absent when the stage expects no regular
    /// cadence (stages 1 "never" and 2 "inconsistent").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_days: Option<u32>,
}

/// One key account plan, described by what it holds and when it was reviewed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AccountPlanInput {
    /// The key account the plan is for.
    pub account: String,
    /// The day of the check, `YYYY-MM-DD` (kam never reads the clock).
    pub as_of: String,
    /// The ids of the elements the plan holds; at most 100.
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_PLAN_ELEMENTS)))]
    pub elements: Vec<String>,
    /// How many years ahead the plan is written for; 0 or more.
    pub horizon_years: f64,
    /// When the plan was last reviewed, `YYYY-MM-DD`; absent if never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_review: Option<String>,
    /// The programme's maturity stage (e.g. its "Frequency of reviews" stage
    /// from a maturity assessment), which sets the expected cadence.
    pub stage: u8,
    /// The template to check against; the bundled one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<PlanTemplate>,
}

/// How complete, far-sighted and fresh a key account plan is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AccountPlanReport {
    /// The key account.
    pub account: String,
    /// The template's id.
    pub template: String,
    /// The template's version.
    pub template_version: String,
    /// Every element of the template, in order, present or not.
    pub elements: Vec<ElementCheck>,
    /// Ids of the elements missing, in template order.
    pub missing: Vec<String>,
    /// Whether every element is present.
    pub complete: bool,
    /// The plan's horizon against the one required.
    pub horizon: HorizonCheck,
    /// The last review against the cadence of the stage.
    pub review: ReviewCheck,
    /// The Cranfield litmus question "is your strategic account plan written
    /// for at least 3 years, complete, live and up-to-date?": complete, the
    /// horizon met, and reviewed within `live_max_days` and the stage's
    /// cadence.
    pub litmus: bool,
    /// What is missing or late, in plain words.
    pub findings: Vec<String>,
}

/// One element, present or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ElementCheck {
    /// Element id.
    pub id: String,
    /// Element name.
    pub name: String,
    /// Whether the plan holds it.
    pub present: bool,
}

/// The plan's horizon against the one required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct HorizonCheck {
    /// Years the plan is written for.
    pub years: f64,
    /// Years required.
    pub required: f64,
    /// Whether `years ≥ required`.
    pub met: bool,
}

/// The last review against the cadence of the stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ReviewCheck {
    /// The last review, if any.
    pub last_review: Option<String>,
    /// Days from the last review to `as_of`; `null` if never reviewed.
    pub days_since: Option<u32>,
    /// The stage whose cadence applies.
    pub stage: u8,
    /// The cadence in the maturity model's words.
    pub expected: String,
    /// Most days between reviews at this stage; `null` when the stage expects
    /// no regular cadence.
    pub max_days: Option<u32>,
    /// Whether the last review is within `max_days`; `null` when the stage
    /// expects no regular cadence.
    pub on_cadence: Option<bool>,
}

/// The bundled template: the nine standard elements, a 3-year horizon, and
/// the maturity model's review cadence, parsed and validated once.
///
/// # Errors
/// Only if the bundled file is broken, which the tests rule out.
pub fn bundled_template() -> Result<&'static PlanTemplate, Error> {
    crate::framework::bundled("kam-account-plan")
}

impl crate::framework::Bundled for PlanTemplate {
    fn holds(kind: crate::framework::DataKind) -> bool {
        kind == crate::framework::DataKind::PlanTemplate
    }

    fn check(&self) -> Result<(), Error> {
        Ok(self.validate()?)
    }
}

impl PlanTemplate {
    /// Checks element ids, the horizon and the cadence table.
    ///
    /// # Errors
    /// `invalid-guideline` naming the entry at fault.
    pub fn validate(&self) -> Result<(), AnalysisError> {
        let invalid = |reason: String| AnalysisError::InvalidGuideline { reason };
        if self.elements.is_empty() {
            return Err(invalid("the template has no elements".to_owned()));
        }
        let mut seen = BTreeSet::new();
        for e in &self.elements {
            if e.id.trim().is_empty() || !seen.insert(e.id.as_str()) {
                return Err(invalid(format!(
                    "element id `{}` is empty or repeated",
                    e.id
                )));
            }
        }
        if !(self.horizon_years.is_finite() && self.horizon_years >= 0.0) {
            return Err(invalid(format!(
                "`horizon_years` is `{}`; a finite number of 0 or more is needed",
                self.horizon_years
            )));
        }
        if self.review_cadence.is_empty() {
            return Err(invalid("the template has no review cadence".to_owned()));
        }
        for (index, c) in self.review_cadence.iter().enumerate() {
            if usize::from(c.stage) != index + 1 {
                return Err(invalid(format!(
                    "review cadence at position {} is for stage {}; stages are numbered 1, 2, … in order",
                    index + 1,
                    c.stage
                )));
            }
        }
        Ok(())
    }
}

/// Checks one key account plan against the template.
///
/// # Errors
/// `too-many-elements` for more than [`MAX_PLAN_ELEMENTS`] elements in the
/// plan or its template (checked first), `invalid-date` for a date that is
/// not `YYYY-MM-DD`, `date-order` for a review after `as_of`, `unknown-entry`
/// for an element the template lacks, `duplicate-entry`, `invalid-number` for
/// a negative or non-finite horizon or a stage the cadence table lacks,
/// `invalid-guideline` for a broken template.
pub fn account_plan(input: &AccountPlanInput) -> Result<AccountPlanReport, Error> {
    check_limits(input)?;
    let template = match &input.template {
        Some(t) => {
            t.validate()?;
            t
        }
        None => bundled_template()?,
    };
    let as_of = day_number("/as_of", &input.as_of)?;
    let last = match &input.last_review {
        Some(date) => Some(day_number("/last_review", date)?),
        None => None,
    };
    check_range(
        &|| "`horizon_years`".to_owned(),
        input.horizon_years,
        (0.0, f64::MAX),
        &|| "a finite number of years, 0 or more, is needed".to_owned(),
    )?;
    let cadence = template
        .review_cadence
        .iter()
        .find(|c| c.stage == input.stage && c.stage > 0)
        .ok_or_else(|| AnalysisError::InvalidNumber {
            what: "`stage`".to_owned(),
            value: input.stage.to_string(),
            expected: format!(
                "a stage from 1 to {} is needed",
                template.review_cadence.len()
            ),
        })?;
    let present = present_elements(template, &input.elements)?;
    let days_since = match (last, &input.last_review) {
        (Some(last), Some(date)) if last > as_of => {
            return Err(AnalysisError::DateOrder {
                later: "/as_of".to_owned(),
                later_value: input.as_of.clone(),
                earlier: "/last_review".to_owned(),
                earlier_value: date.clone(),
            }
            .into());
        }
        (Some(last), _) => Some(u32::try_from(as_of - last).unwrap_or(u32::MAX)),
        (None, _) => None,
    };
    let elements: Vec<ElementCheck> = template
        .elements
        .iter()
        .map(|e| ElementCheck {
            id: e.id.clone(),
            name: e.name.clone(),
            present: present.contains(e.id.as_str()),
        })
        .collect();
    let missing: Vec<String> = elements
        .iter()
        .filter(|e| !e.present)
        .map(|e| e.id.clone())
        .collect();
    let horizon = HorizonCheck {
        years: input.horizon_years,
        required: template.horizon_years,
        met: input.horizon_years >= template.horizon_years,
    };
    let within = |max: u32| days_since.is_some_and(|d| d <= max);
    let on_cadence = cadence.max_days.map(within);
    let live = within(template.live_max_days) && on_cadence != Some(false);
    let review = ReviewCheck {
        last_review: input.last_review.clone(),
        days_since,
        stage: cadence.stage,
        expected: cadence.label.clone(),
        max_days: cadence.max_days,
        on_cadence,
    };
    let findings = findings(template, &elements, &horizon, &review, live);
    Ok(AccountPlanReport {
        account: input.account.clone(),
        template: template.id.clone(),
        template_version: template.version.clone(),
        complete: missing.is_empty(),
        litmus: missing.is_empty() && horizon.met && live,
        missing,
        elements,
        horizon,
        review,
        findings,
    })
}

/// Both element lists within [`MAX_PLAN_ELEMENTS`]: each element of the plan
/// is looked up among the template's, so bounding both keeps that small.
fn check_limits(input: &AccountPlanInput) -> Result<(), LimitError> {
    let lists = [
        (
            "/template/elements",
            "a plan template",
            input.template.as_ref().map_or(0, |t| t.elements.len()),
        ),
        ("/elements", "a key account plan", input.elements.len()),
    ];
    for (path, what, count) in lists {
        if count > MAX_PLAN_ELEMENTS {
            return Err(LimitError::TooManyElements {
                path: path.to_owned(),
                count,
                max: MAX_PLAN_ELEMENTS,
                what,
            });
        }
    }
    Ok(())
}

/// The element ids the plan holds, each known to the template and given once.
fn present_elements<'a>(
    template: &PlanTemplate,
    elements: &'a [String],
) -> Result<BTreeSet<&'a str>, AnalysisError> {
    let mut present = BTreeSet::new();
    for id in elements {
        if !template.elements.iter().any(|e| &e.id == id) {
            let known: Vec<String> = template
                .elements
                .iter()
                .map(|e| format!("`{}`", e.id))
                .collect();
            return Err(AnalysisError::Unknown {
                what: "plan element".to_owned(),
                id: id.clone(),
                known: known.join(", "),
                suggestion: nearest(id, template.elements.iter().map(|e| e.id.as_str())),
            });
        }
        if !present.insert(id.as_str()) {
            return Err(AnalysisError::Duplicate {
                what: "plan element".to_owned(),
                id: id.clone(),
            });
        }
    }
    Ok(present)
}

fn findings(
    template: &PlanTemplate,
    elements: &[ElementCheck],
    horizon: &HorizonCheck,
    review: &ReviewCheck,
    live: bool,
) -> Vec<String> {
    let mut out = Vec::new();
    let missing: Vec<&str> = elements
        .iter()
        .filter(|e| !e.present)
        .map(|e| e.name.as_str())
        .collect();
    if !missing.is_empty() {
        out.push(format!("missing elements: {}", missing.join(", ")));
    }
    if !horizon.met {
        out.push(format!(
            "the plan looks {} year(s) ahead; at least {} are needed",
            horizon.years, horizon.required
        ));
    }
    match (review.days_since, review.max_days) {
        (None, _) => out.push("the plan has never been reviewed".to_owned()),
        (Some(days), Some(max)) if days > max => out.push(format!(
            "last reviewed {days} days ago; at stage {} reviews are expected {} (every {max} days at most)",
            review.stage,
            review.expected.to_lowercase()
        )),
        (Some(days), None) if days > template.live_max_days => out.push(format!(
            "last reviewed {days} days ago; a live plan is reviewed at least every {} days",
            template.live_max_days
        )),
        _ => {}
    }
    if review.max_days.is_none() {
        out.push(format!(
            "at stage {} (\"{}\") no regular review cadence is expected yet; reaching stage 3 means quarterly reviews",
            review.stage, review.expected
        ));
    }
    if live && out.is_empty() {
        out.push("complete, far-sighted enough, live and up to date".to_owned());
    }
    out
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
pub(crate) fn day_number(path: &str, date: &str) -> Result<i64, AssessmentError> {
    let invalid = || AssessmentError::InvalidDate {
        path: path.to_owned(),
        value: date.to_owned(),
    };
    if !is_calendar_date(date) {
        return Err(invalid());
    }
    let part = |r: std::ops::Range<usize>| date.get(r).and_then(|s| s.parse::<i64>().ok());
    let (Some(y), Some(m), Some(d)) = (part(0..4), part(5..7), part(8..10)) else {
        return Err(invalid());
    };
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Ok(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests;
