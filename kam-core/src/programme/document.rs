//! The programme document: a KAM programme's units and every assessment made
//! of them, in one JSON file.

use std::fmt;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::analysis::aggregate::DEFAULT_DISAGREEMENT;
use crate::analysis::{AccountPlanInput, ParetoInput, PortfolioInput};
use crate::assessment::{AuditAssessment, Context};
use crate::error::{Error, LimitError};
use crate::framework::Framework;
use crate::json::{bounded_list, fail};
use crate::limits::{MAX_PROGRAMME_ANSWERS, MAX_PROGRAMME_ASSESSMENTS, MAX_PROGRAMME_UNITS};
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_PROGRAMME_UNITS)))]
    pub units: Vec<Unit>,
    /// Every assessment, in any order; at most 100,000, holding at most
    /// 8,000,000 answers together.
    #[serde(default, deserialize_with = "assessments")]
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_PROGRAMME_ASSESSMENTS)))]
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
            path: "/units".to_owned(),
            count,
            max: MAX_PROGRAMME_UNITS,
        }
    })
}

fn assessments<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<ProgrammeAssessment>, D::Error> {
    bounded_answers(deserializer, MAX_PROGRAMME_ANSWERS)
}

/// Reads a list of assessments holding at most `max` answers together,
/// refusing it as soon as an assessment passes the limit, before the rest
/// is read.
fn bounded_answers<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    max: usize,
) -> Result<Vec<ProgrammeAssessment>, D::Error> {
    struct List(usize);

    impl<'de> Visitor<'de> for List {
        type Value = Vec<ProgrammeAssessment>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(
                f,
                "a list of assessments holding at most {} answers",
                self.0
            )
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut list = Vec::new();
            let mut answers = 0usize;
            while let Some(assessment) = seq.next_element::<ProgrammeAssessment>()? {
                answers = answers.saturating_add(assessment.answers());
                if answers > self.0 {
                    // The rest is read first, so the error names the list
                    // (crate::json::place).
                    while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                    return Err(fail(
                        LimitError::TooManyAnswers {
                            assessment: list.len() + 1,
                            path: "/assessments".to_owned(),
                            max: self.0,
                        }
                        .into(),
                    ));
                }
                list.push(assessment);
            }
            Ok(list)
        }
    }

    deserializer.deserialize_seq(List(max))
}

impl Programme {
    /// Checks the programme's own limits, for a programme built in code
    /// (one read from JSON was checked as it was read).
    ///
    /// # Errors
    /// `too-many-units` and `too-many-entries` (assessments, or their
    /// answers together).
    pub fn check_limits(&self) -> Result<(), LimitError> {
        self.check_within(
            MAX_PROGRAMME_UNITS,
            MAX_PROGRAMME_ASSESSMENTS,
            MAX_PROGRAMME_ANSWERS,
        )
    }

    fn check_within(
        &self,
        units: usize,
        assessments: usize,
        answers: usize,
    ) -> Result<(), LimitError> {
        if self.units.len() > units {
            return Err(LimitError::TooManyProgrammeUnits {
                path: "/units".to_owned(),
                count: self.units.len(),
                max: units,
            });
        }
        if self.assessments.len() > assessments {
            return Err(LimitError::TooManyEntries {
                path: "/assessments".to_owned(),
                count: self.assessments.len(),
                max: assessments,
            });
        }
        let mut total = 0usize;
        for (i, assessment) in self.assessments.iter().enumerate() {
            total = total.saturating_add(assessment.answers());
            if total > answers {
                return Err(LimitError::TooManyAnswers {
                    assessment: i + 1,
                    path: "/assessments".to_owned(),
                    max: answers,
                });
            }
        }
        Ok(())
    }
}

/// A unit of the programme: a region, business unit, country or team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// A checklist assessment (a framework of type `checklist`), in the
    /// shared format of an audit: a score per item id.
    Checklist(AuditAssessment),
}

impl ProgrammeAssessment {
    /// Who was assessed, by whom and when.
    pub fn context(&self) -> &Context {
        match self {
            ProgrammeAssessment::Audit(a) => &a.context,
            ProgrammeAssessment::Maturity(m) => &m.context,
            ProgrammeAssessment::Litmus(l) => &l.context,
            ProgrammeAssessment::Checklist(c) => &c.context,
        }
    }

    /// The framework id and version it names.
    pub fn framework(&self) -> (&str, &str) {
        match self {
            ProgrammeAssessment::Audit(a) => (&a.framework, &a.framework_version),
            ProgrammeAssessment::Maturity(m) => (&m.framework, &m.framework_version),
            ProgrammeAssessment::Litmus(l) => (&l.framework, &l.framework_version),
            ProgrammeAssessment::Checklist(c) => (&c.framework, &c.framework_version),
        }
    }

    /// How many answers it holds: scores, not-applicable marks and notes of
    /// an audit; stages and notes of a maturity assessment; yes/no answers
    /// of litmus tests; scores, marks and notes of a checklist.
    pub fn answers(&self) -> usize {
        match self {
            ProgrammeAssessment::Audit(a) | ProgrammeAssessment::Checklist(a) => {
                a.scores.len() + a.not_applicable.len() + a.evidence.len()
            }
            ProgrammeAssessment::Maturity(m) => m.stages.len() + m.evidence.len(),
            ProgrammeAssessment::Litmus(l) => l
                .responses
                .iter()
                .flat_map(|r| &r.answer_sets)
                .map(|set| set.answers.len())
                .sum(),
        }
    }

    /// What it is, in words: `audit`, `maturity assessment`, `litmus test`,
    /// `checklist`.
    pub fn what(&self) -> &'static str {
        match self {
            ProgrammeAssessment::Audit(_) => "audit",
            ProgrammeAssessment::Maturity(_) => "maturity assessment",
            ProgrammeAssessment::Litmus(_) => "litmus test",
            ProgrammeAssessment::Checklist(_) => "checklist",
        }
    }
}

/// The programme's customers: the inputs of a Pareto analysis and of a
/// portfolio matrix, as those analyses take them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    crate::json::from_json_within(
        text,
        crate::limits::MAX_PROGRAMME_BYTES,
        crate::json::check_programme_text,
    )
}

impl Programme {
    /// Reads a programme from JSON text, within the programme's own limits
    /// (see [`from_json`]).
    ///
    /// # Errors
    /// Those of [`from_json`].
    pub fn from_json(text: &str) -> Result<Programme, Error> {
        from_json(text)
    }
}

impl crate::json::Document for Programme {
    fn read_json(text: &str) -> Result<Self, Error> {
        from_json(text)
    }
}

impl std::str::FromStr for Programme {
    type Err = Error;

    /// See [`Programme::from_json`].
    fn from_str(text: &str) -> Result<Self, Error> {
        from_json(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list read with a small answers limit.
    #[derive(Debug, Deserialize)]
    struct Small {
        #[serde(deserialize_with = "three")]
        assessments: Vec<ProgrammeAssessment>,
    }

    fn three<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<ProgrammeAssessment>, D::Error> {
        bounded_answers(d, 3)
    }

    const AUDIT: &str = r#"{"type": "audit", "assessment": {"framework": "f", "framework_version": "1", "scores": {"a": 1, "b": 2}}}"#;

    #[test]
    fn answers_are_counted_as_they_are_read() {
        let two = format!(r#"{{"assessments": [{AUDIT}]}}"#);
        let read: Small = crate::json::from_json(&two).unwrap();
        assert_eq!(read.assessments[0].answers(), 2);
        // The second audit passes the limit; the third is never read.
        let many = format!(r#"{{"assessments": [{AUDIT}, {AUDIT}, "not even an assessment"]}}"#);
        let err = crate::json::from_json::<Small>(&many).unwrap_err();
        assert_eq!(err.kind(), "too-many-entries");
        assert_eq!(
            err.to_string(),
            "the programme's assessments hold more than 3 answers (scores, marks, notes, stages and litmus answers) by assessment 2; a programme takes at most 3"
        );
    }

    #[test]
    fn programmes_built_in_code_are_checked_too() {
        let audit: ProgrammeAssessment = crate::json::from_json(AUDIT).unwrap();
        let programme = Programme {
            name: "x".to_owned(),
            organisation: None,
            units: vec![
                Unit {
                    id: "u".to_owned(),
                    name: None,
                    parent: None
                };
                3
            ],
            assessments: vec![audit; 3],
            frameworks: Vec::new(),
            disagreement: 2,
            customers: Customers::default(),
            account_plans: Vec::new(),
        };
        programme.check_limits().unwrap();
        let kind = |e: LimitError| crate::Error::from(e).kind();
        assert_eq!(
            kind(programme.check_within(2, 10, 10).unwrap_err()),
            "too-many-units"
        );
        assert_eq!(
            programme.check_within(5, 2, 10).unwrap_err().to_string(),
            "`/assessments` has more than 2 entries"
        );
        assert_eq!(
            programme.check_within(5, 5, 5).unwrap_err(),
            LimitError::TooManyAnswers {
                assessment: 3,
                path: "/assessments".to_owned(),
                max: 5
            }
        );
    }
}
