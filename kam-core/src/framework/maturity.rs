//! Maturity models: programme areas, each described at every stage (the KAM
//! Maturity Model is the bundled one).

use serde::{Deserialize, Serialize};

use super::{Source, check_id, check_unique};
use crate::error::FrameworkError;

/// A maturity model: programme areas × stages, with a milestone to level up
/// from each stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MaturityModel {
    /// Stable id, e.g. `kam-maturity-model`.
    pub id: String,
    /// Version of this data file; assessments name it and must match.
    pub version: String,
    /// Human-readable name.
    pub name: String,
    /// Where the model comes from.
    pub source: Source,
    /// One-paragraph summary.
    pub description: String,
    /// The stages, numbered 1, 2, … in order.
    pub stages: Vec<Stage>,
    /// The programme areas, each with one descriptor per stage.
    pub areas: Vec<ProgrammeArea>,
}

/// One stage of maturity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// Its number, from 1.
    pub stage: u8,
    /// Name, e.g. "Repeatable".
    pub name: String,
    /// The key milestone to level up from this stage to the next.
    pub milestone: String,
}

/// A programme area and what it looks like at each stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgrammeArea {
    /// Stable id, e.g. `account-plans`.
    pub id: String,
    /// Name, e.g. "Account plans".
    pub name: String,
    /// One descriptor per stage, stage 1 first.
    pub descriptors: Vec<String>,
}

impl MaturityModel {
    /// The highest stage number.
    pub fn top_stage(&self) -> u8 {
        u8::try_from(self.stages.len()).unwrap_or(u8::MAX)
    }

    /// The stage with this number, if any.
    pub fn stage(&self, stage: u8) -> Option<&Stage> {
        self.stages.iter().find(|s| s.stage == stage)
    }

    /// Checks ids, stage numbering and that every area describes every stage.
    ///
    /// # Errors
    /// A [`FrameworkError`] naming the stage or area at fault.
    pub fn validate(&self) -> Result<(), FrameworkError> {
        check_id("framework", 1, &self.id)?;
        if self.stages.len() < 2 || self.stages.len() > usize::from(u8::MAX) {
            return Err(FrameworkError::Invalid {
                reason: format!(
                    "a maturity model needs from 2 to 255 stages, found {}",
                    self.stages.len()
                ),
            });
        }
        for (index, stage) in self.stages.iter().enumerate() {
            if usize::from(stage.stage) != index + 1 {
                return Err(FrameworkError::Invalid {
                    reason: format!(
                        "stage at position {} is numbered {}; stages are numbered 1, 2, … in order",
                        index + 1,
                        stage.stage
                    ),
                });
            }
        }
        if self.areas.is_empty() {
            return Err(FrameworkError::Invalid {
                reason: "the maturity model has no programme areas".to_owned(),
            });
        }
        for (position, area) in self.areas.iter().enumerate() {
            check_id("programme area", position + 1, &area.id)?;
            if area.descriptors.len() != self.stages.len() {
                return Err(FrameworkError::Invalid {
                    reason: format!(
                        "programme area `{}` has {} descriptors, one per stage ({}) is needed",
                        area.id,
                        area.descriptors.len(),
                        self.stages.len()
                    ),
                });
            }
        }
        check_unique("programme area", self.areas.iter().map(|a| a.id.as_str()))
    }
}
