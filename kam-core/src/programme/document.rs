//! The programme document: a KAM programme's units and every assessment made
//! of them, in one JSON file.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::analysis::aggregate::DEFAULT_DISAGREEMENT;
use crate::analysis::{AccountPlanInput, ParetoInput, PortfolioInput};
use crate::assessment::{AuditAssessment, Context};
use crate::error::{Error, LimitError};
use crate::framework::Framework;
use crate::limits::{MAX_PROGRAMME_ASSESSMENTS, MAX_PROGRAMME_UNITS, bounded_list};
use crate::litmus::LitmusAnswers;
use crate::maturity::MaturityAssessment;

/// A KAM programme: its units (regions, business units, teams), every
/// assessment made of them by its assessors over the years, and optionally
/// its customers and key account plans. The input of `programme_report`.
///
/// Each assessment is a document in the shared format, as saved by the
/// calculators, whose `context` names the unit (an `id` of `units`), the
/// assessor and the date. Audits of one framework made under different
/// versions are re-scored under one (see [`crate::programme`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// The programme's name, e.g. "Northwind KAM programme".
    pub name: String,
    /// The organisation running it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The units assessed, each optionally inside a parent unit; at least
    /// one, at most 2,000.
    #[serde(deserialize_with = "units")]
    #[schemars(length(max = MAX_PROGRAMME_UNITS))]
    pub units: Vec<Unit>,
    /// Every assessment, in any order; at most 100,000.
    #[serde(default)]
    #[schemars(length(max = MAX_PROGRAMME_ASSESSMENTS))]
    pub assessments: Vec<ProgrammeAssessment>,
    /// Framework files the assessments name that kam does not bundle: a
    /// customised framework, or an earlier version of a bundled one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frameworks: Vec<Framework>,
    /// The spread of assessors' scores (highest minus lowest) at which an
    /// item counts as disputed; at least 1, default 2 (as for `aggregate`).
    #[serde(default = "default_disagreement")]
    pub disagreement: u8,
    /// The programme's customers, for choosing key accounts.
    #[serde(default, skip_serializing_if = "Customers::is_empty")]
    pub customers: Customers,
    /// Key account plans, each with the unit that owns it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub account_plans: Vec<UnitAccountPlan>,
}

fn default_disagreement() -> u8 {
    DEFAULT_DISAGREEMENT
}

fn units<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<Unit>, D::Error> {
    bounded_list(deserializer, MAX_PROGRAMME_UNITS, |count| {
        LimitError::TooManyProgrammeUnits {
            field: "units".to_owned(),
            count,
            max: MAX_PROGRAMME_UNITS,
        }
    })
}

/// A unit of the programme: a region, business unit, country or team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Stable id, unique in the programme; assessments name it in
    /// `context.unit`.
    pub id: String,
    /// Its name in reports; the id when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The id of the unit it belongs to (a team's business unit, a business
    /// unit's region); none for a top-level unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

impl Unit {
    /// The unit's name, or its id when it has none.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }
}

/// One assessment of a programme, of any framework type, as
/// `{"type": "audit", "assessment": {…}}`: the `assessment` is the document
/// the calculator saves. New framework types join as new variants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(
    tag = "type",
    content = "assessment",
    rename_all = "kebab-case",
    deny_unknown_fields
)]
#[non_exhaustive]
pub enum ProgrammeAssessment {
    /// An action audit, e.g. the Cranfield audit.
    Audit(AuditAssessment),
    /// A maturity assessment.
    Maturity(MaturityAssessment),
    /// Answers to litmus tests.
    Litmus(LitmusAnswers),
}

impl ProgrammeAssessment {
    /// Who was assessed, by whom and when.
    pub fn context(&self) -> &Context {
        match self {
            ProgrammeAssessment::Audit(a) => &a.context,
            ProgrammeAssessment::Maturity(m) => &m.context,
            ProgrammeAssessment::Litmus(l) => &l.context,
        }
    }

    /// The framework id and version it names.
    pub fn framework(&self) -> (&str, &str) {
        match self {
            ProgrammeAssessment::Audit(a) => (&a.framework, &a.framework_version),
            ProgrammeAssessment::Maturity(m) => (&m.framework, &m.framework_version),
            ProgrammeAssessment::Litmus(l) => (&l.framework, &l.framework_version),
        }
    }

    /// What it is, in words: `audit`, `maturity assessment`, `litmus test`.
    pub fn what(&self) -> &'static str {
        match self {
            ProgrammeAssessment::Audit(_) => "audit",
            ProgrammeAssessment::Maturity(_) => "maturity assessment",
            ProgrammeAssessment::Litmus(_) => "litmus test",
        }
    }
}

/// The programme's customers: the inputs of a Pareto analysis and of a
/// portfolio matrix, as those analyses take them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Customers {
    /// Customers with one measure each, for the Pareto (Lorenz) curve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pareto: Option<ParetoInput>,
    /// Customers scored on attractiveness and relationship criteria.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portfolio: Option<PortfolioInput>,
}

impl Customers {
    /// `true` when neither analysis is given; such customers are left out of
    /// the JSON.
    pub fn is_empty(&self) -> bool {
        self.pareto.is_none() && self.portfolio.is_none()
    }
}

/// A key account plan and the unit that owns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitAccountPlan {
    /// The unit's id.
    pub unit: String,
    /// The plan, as the account-plan analysis takes it.
    pub plan: AccountPlanInput,
}

/// Reads a programme from JSON text, within the programme's own limits
/// (at most [`crate::limits::MAX_PROGRAMME_BYTES`]; every other general
/// limit as for any document).
///
/// # Errors
/// `input-too-large`, `too-deep`, `text-too-long`, `too-many-entries`,
/// `too-many-units` and `invalid-json`, naming the path at fault.
pub fn from_json(text: &str) -> Result<Programme, Error> {
    crate::error::from_json_within(text, crate::limits::check_programme_text)
}
