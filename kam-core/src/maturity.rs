//! Maturity assessments: a stage per programme area, read as each area's
//! descriptor, the weakest link, the mean stage and the milestone to level up.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::assessment::{Context, check_framework};
use crate::error::{Error, MaturityError, nearest};
use crate::framework::{MaturityModel, ProgrammeArea};
use crate::json::unique_map;
use crate::pointer;
use crate::scoring::FrameworkRef;

/// A maturity assessment: the stage reached in each programme area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MaturityAssessment {
    /// The model's id, e.g. `kam-maturity-model`.
    pub framework: String,
    /// The model version the stages were given against.
    pub framework_version: String,
    /// Who, by whom, when.
    #[serde(default, skip_serializing_if = "Context::is_empty")]
    pub context: Context,
    /// Stage (1 = first) per programme area id.
    #[serde(default, deserialize_with = "unique_map::stages")]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, u8>"))]
    pub stages: BTreeMap<String, u8>,
    /// Free-text evidence per programme area id.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_map::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, String>"))]
    pub evidence: BTreeMap<String, String>,
}

/// How to read a maturity assessment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MaturityOptions {
    /// Reject assessments that leave a programme area out.
    #[serde(default)]
    pub strict: bool,
}

/// The reading of one maturity assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MaturityReport {
    /// Which model and version read it.
    pub framework: FrameworkRef,
    /// Who was assessed, by whom, when.
    pub context: Context,
    /// Each assessed programme area, in model order.
    pub areas: Vec<AreaResult>,
    /// Programme areas given no stage, in model order.
    pub unassessed: Vec<String>,
    /// The lowest stage of any assessed area: the programme is only as mature
    /// as its weakest link. `null` when nothing was assessed.
    pub weakest_link: Option<StageRef>,
    /// The areas at the weakest-link stage, in model order.
    pub weakest_areas: Vec<String>,
    /// The mean stage of the assessed areas; `null` when nothing was assessed.
    pub mean_stage: Option<f64>,
}

/// One programme area's stage and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AreaResult {
    /// Programme area id.
    pub id: String,
    /// Programme area name.
    pub name: String,
    /// The stage reached.
    pub stage: StageRef,
    /// What the area looks like at that stage.
    pub descriptor: String,
    /// The next stage and what it looks like; `null` at the top stage.
    pub next: Option<NextStage>,
}

/// A stage named by number and name, with its key milestone to level up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct StageRef {
    /// Stage number, from 1.
    pub stage: u8,
    /// Stage name.
    pub name: String,
    /// The key milestone to level up from this stage.
    pub milestone: String,
}

/// The stage above an area's current one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct NextStage {
    /// Stage number.
    pub stage: u8,
    /// Stage name.
    pub name: String,
    /// What the area looks like there.
    pub descriptor: String,
}

impl MaturityAssessment {
    /// An empty assessment of `model`: no area assessed yet.
    ///
    /// ```
    /// let model = kam_core::framework::builtin_maturity("kam-maturity-model")?;
    /// let mut assessment = kam_core::MaturityAssessment::new(model);
    /// assessment.stages.insert("process".into(), 3);
    /// assert_eq!(assessment.framework_version, model.version);
    /// # Ok::<(), kam_core::Error>(())
    /// ```
    pub fn new(model: &MaturityModel) -> Self {
        MaturityAssessment {
            framework: model.id.clone(),
            framework_version: model.version.clone(),
            context: Context::default(),
            stages: BTreeMap::new(),
            evidence: BTreeMap::new(),
        }
    }

    /// Checks the assessment fits `model`.
    ///
    /// # Errors
    /// [`Error::Assessment`] for another model, version or a bad date;
    /// [`Error::Maturity`] for an unknown area or a stage off the model.
    pub fn validate(&self, model: &MaturityModel) -> Result<(), Error> {
        check_framework(
            (&model.id, &model.version),
            (&self.framework, &self.framework_version),
        )?;
        self.context.validate()?;
        let top = model.top_stage();
        let known = |id: &str| model.areas.iter().any(|a| a.id == id);
        let unknown = |field: &str, area: &str| MaturityError::UnknownArea {
            area: area.to_owned(),
            path: format!("/{field}/{}", pointer::key(area)),
            suggestion: nearest(area, model.areas.iter().map(|a| a.id.as_str())),
        };
        for (area, &stage) in &self.stages {
            if !known(area) {
                return Err(unknown("stages", area).into());
            }
            if stage == 0 || stage > top {
                return Err(MaturityError::StageOutOfRange {
                    area: area.clone(),
                    stage,
                    max: top,
                    path: format!("/stages/{}", pointer::key(area)),
                }
                .into());
            }
        }
        if let Some(area) = self.evidence.keys().find(|a| !known(a)) {
            return Err(unknown("evidence", area).into());
        }
        Ok(())
    }
}

/// Reads `assessment` against `model`.
///
/// # Errors
/// See [`MaturityAssessment::validate`]; in strict mode also
/// [`MaturityError::Incomplete`] when an area has no stage.
pub fn score_maturity(
    model: &MaturityModel,
    assessment: &MaturityAssessment,
    options: &MaturityOptions,
) -> Result<MaturityReport, Error> {
    assessment.validate(model)?;
    let (assessed, unassessed): (Vec<&ProgrammeArea>, Vec<&ProgrammeArea>) = model
        .areas
        .iter()
        .partition(|a| assessment.stages.contains_key(&a.id));
    if options.strict
        && let Some(first) = unassessed.first()
    {
        return Err(MaturityError::Incomplete {
            count: unassessed.len(),
            first: first.id.clone(),
            path: "/stages".to_owned(),
        }
        .into());
    }
    let areas: Vec<AreaResult> = assessed
        .iter()
        .filter_map(|area| {
            let stage = *assessment.stages.get(&area.id)?;
            area_result(model, area, stage)
        })
        .collect();
    let weakest = areas.iter().map(|a| a.stage.stage).min();
    let sum: u32 = areas.iter().map(|a| u32::from(a.stage.stage)).sum();
    let mean_stage = (!areas.is_empty())
        .then(|| f64::from(sum) / f64::from(u32::try_from(areas.len()).unwrap_or(u32::MAX)));
    Ok(MaturityReport {
        framework: FrameworkRef {
            id: model.id.clone(),
            version: model.version.clone(),
            name: model.name.clone(),
        },
        context: assessment.context.clone(),
        weakest_link: weakest.and_then(|s| stage_ref(model, s)),
        weakest_areas: areas
            .iter()
            .filter(|a| Some(a.stage.stage) == weakest)
            .map(|a| a.id.clone())
            .collect(),
        mean_stage,
        unassessed: unassessed.iter().map(|a| a.id.clone()).collect(),
        areas,
    })
}

fn stage_ref(model: &MaturityModel, stage: u8) -> Option<StageRef> {
    model.stage(stage).map(|s| StageRef {
        stage: s.stage,
        name: s.name.clone(),
        milestone: s.milestone.clone(),
    })
}

fn descriptor(area: &ProgrammeArea, stage: u8) -> Option<&String> {
    area.descriptors.get(usize::from(stage).checked_sub(1)?)
}

fn area_result(model: &MaturityModel, area: &ProgrammeArea, stage: u8) -> Option<AreaResult> {
    let next = stage.checked_add(1).and_then(|n| {
        let s = model.stage(n)?;
        Some(NextStage {
            stage: n,
            name: s.name.clone(),
            descriptor: descriptor(area, n)?.clone(),
        })
    });
    Some(AreaResult {
        id: area.id.clone(),
        name: area.name.clone(),
        stage: stage_ref(model, stage)?,
        descriptor: descriptor(area, stage)?.clone(),
        next,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::builtin_maturity;

    fn model() -> &'static MaturityModel {
        builtin_maturity("kam-maturity-model").unwrap()
    }

    fn assess(stages: &[(&str, u8)]) -> MaturityAssessment {
        MaturityAssessment {
            framework: model().id.clone(),
            framework_version: model().version.clone(),
            context: Context::default(),
            stages: stages.iter().map(|(a, s)| ((*a).to_owned(), *s)).collect(),
            evidence: BTreeMap::new(),
        }
    }

    #[test]
    fn weakest_link_mean_and_next_stage() {
        let report = score_maturity(
            model(),
            &assess(&[
                ("process", 4),
                ("training", 2),
                ("technology", 2),
                ("account-plans", 5),
            ]),
            &MaturityOptions::default(),
        )
        .unwrap();
        let weakest = report.weakest_link.unwrap();
        assert_eq!((weakest.stage, weakest.name.as_str()), (2, "Awareness"));
        assert_eq!(
            weakest.milestone,
            "Investment in a dedicated infrastructure for post-sales team"
        );
        assert_eq!(report.weakest_areas, ["training", "technology"]);
        assert!((report.mean_stage.unwrap() - 3.25).abs() < 1e-12);
        assert_eq!(report.unassessed.len(), 6);
        let plans = report
            .areas
            .iter()
            .find(|a| a.id == "account-plans")
            .unwrap();
        assert!(plans.next.is_none(), "stage 5 is the top");
        let tech = report.areas.iter().find(|a| a.id == "technology").unwrap();
        assert_eq!(tech.descriptor, "CRM");
        let next = tech.next.as_ref().unwrap();
        assert_eq!(
            (next.stage, next.descriptor.as_str()),
            (
                3,
                "A KAM platform with limited technical capacity for in-depth analysis"
            )
        );
    }

    #[test]
    fn nothing_assessed_has_no_overall_figures() {
        let report = score_maturity(model(), &assess(&[]), &MaturityOptions::default()).unwrap();
        assert!(report.weakest_link.is_none() && report.mean_stage.is_none());
        assert_eq!(report.unassessed.len(), 10);
    }

    #[test]
    fn errors_name_area_and_stage() {
        let options = MaturityOptions::default();
        let err = score_maturity(model(), &assess(&[("culture", 2)]), &options).unwrap_err();
        assert_eq!(err.kind(), "unknown-area");
        let err = score_maturity(model(), &assess(&[("training", 6)]), &options).unwrap_err();
        assert_eq!(
            err.to_string(),
            "programme area `training` has stage 6, outside the stages 1–5"
        );
        let strict = MaturityOptions { strict: true };
        let err = score_maturity(model(), &assess(&[("process", 1)]), &strict).unwrap_err();
        assert_eq!(err.kind(), "incomplete-maturity");
    }
}
