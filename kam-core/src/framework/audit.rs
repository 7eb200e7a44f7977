//! Action-audit frameworks: phases of periods, streams of activity, and
//! checklist items scored on a scale (the Cranfield KAM development audit is
//! the bundled one).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::litmus::LitmusTest;
use super::{Provenance, Source, check_id, check_unique, id_set};
use crate::error::FrameworkError;

/// The largest weight an item may carry. It keeps every total within `u32`
/// even for the largest framework kam accepts.
pub const MAX_WEIGHT: u32 = 100;

/// The most items a framework may have. With [`MAX_WEIGHT`] and a scale of at
/// most 255 this keeps every total far inside `u32`.
pub const MAX_ITEMS: usize = 10_000;

/// An action-audit framework: a development path of phases and periods, with
/// a checklist of items scored on one scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AuditFramework {
    /// Stable id, e.g. `cranfield-kam-development`.
    pub id: String,
    /// Version of this data file; assessments name it and must match.
    pub version: String,
    /// Human-readable name.
    pub name: String,
    /// Where the framework comes from.
    pub source: Source,
    /// One-paragraph summary.
    pub description: String,
    /// The scale every item is scored on.
    pub scale: Scale,
    /// Whether an item may be answered "not applicable", and why not if not.
    pub not_applicable: NotApplicablePolicy,
    /// Declared overall maximum; must equal the sum of the phase maxima.
    pub max: u32,
    /// The streams of activity, each with its contributory streams.
    pub streams: Vec<Stream>,
    /// The phases in development-path order, each with its periods in order.
    pub phases: Vec<Phase>,
    /// The milestones on the development path, each after a named period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// The checklist items, in order within each period.
    pub items: Vec<Item>,
    /// Quick yes/no tests that go with the audit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub litmus_tests: Vec<LitmusTest>,
}

/// A scoring scale of whole numbers from `min` to `max`, each with a label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// The lowest score, e.g. 0.
    pub min: u8,
    /// The highest score, e.g. 3.
    pub max: u8,
    /// One label per score from `min` to `max`, in order.
    pub labels: Vec<ScaleLabel>,
    /// Whether the scale is quoted from the source or kam's (a checklist
    /// whose source sets no scale gets one of kam's).
    #[serde(default, skip_serializing_if = "Provenance::is_source")]
    pub provenance: Provenance,
}

impl Scale {
    /// Checks `min` is below `max` and every score from `min` to `max` has a
    /// label, in order.
    ///
    /// # Errors
    /// [`FrameworkError::InvalidScale`] saying what is wrong.
    pub fn validate(&self) -> Result<(), FrameworkError> {
        if self.min >= self.max {
            return Err(FrameworkError::InvalidScale {
                reason: format!("`min` {} must be below `max` {}", self.min, self.max),
            });
        }
        let values: Vec<u8> = self.labels.iter().map(|l| l.value).collect();
        let expected: Vec<u8> = (self.min..=self.max).collect();
        if values != expected {
            return Err(FrameworkError::InvalidScale {
                reason: format!("labels must be given for {expected:?} in order, found {values:?}"),
            });
        }
        Ok(())
    }
}

/// The meaning of one score on the scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScaleLabel {
    /// The score.
    pub value: u8,
    /// What it means, e.g. "Started, something done".
    pub label: String,
}

/// Whether items may be answered "not applicable".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NotApplicablePolicy {
    /// `true` if an assessment may mark items not applicable; such items are
    /// left out of every maximum.
    pub allowed: bool,
    /// Why not, when not allowed; shown in the error message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Whether `reason` is quoted from the source or written by kam.
    #[serde(default, skip_serializing_if = "Provenance::is_source")]
    pub provenance: Provenance,
}

impl NotApplicablePolicy {
    /// A policy that forbids "not applicable" must say why.
    ///
    /// # Errors
    /// [`FrameworkError::Invalid`] when the reason is missing.
    pub fn validate(&self) -> Result<(), FrameworkError> {
        if !self.allowed && self.reason.is_none() {
            return Err(FrameworkError::Invalid {
                reason: "`not_applicable.reason` is required when `allowed` is false".to_owned(),
            });
        }
        Ok(())
    }
}

/// A broad stream of activity (Table 6 of the Cranfield paper).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stream {
    /// Stable id, e.g. `strategy-planning`.
    pub id: String,
    /// Name, e.g. "Strategy & planning".
    pub name: String,
    /// Its contributory streams, which items point at.
    pub contributory: Vec<ContributoryStream>,
}

/// A contributory stream of activity within a stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ContributoryStream {
    /// Stable id, e.g. `goals-strategy`.
    pub id: String,
    /// Name, e.g. "Goals & strategy".
    pub name: String,
    /// What activity it covers.
    pub description: String,
}

/// A phase of development, made of periods that follow each other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Stable id, e.g. `A`.
    pub id: String,
    /// Name, e.g. "Scoping KAM".
    pub name: String,
    /// Overview of the phase.
    pub description: String,
    /// Whether the name and description are quoted from the source or written by kam.
    #[serde(default, skip_serializing_if = "Provenance::is_source")]
    pub provenance: Provenance,
    /// Declared maximum; must equal the sum of its periods' maxima.
    pub max: u32,
    /// The periods in chronological order.
    pub periods: Vec<Period>,
}

/// A period within a phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// Stable id, e.g. `A1`.
    pub id: String,
    /// Position on the whole development path, 1-based (Figure 2 numbers them 1–12).
    pub number: u32,
    /// Name, e.g. "Awareness".
    pub name: String,
    /// What happens in the period, one point per entry.
    pub description: Vec<String>,
    /// Whether the name and description are quoted from the source or written by kam.
    #[serde(default, skip_serializing_if = "Provenance::is_source")]
    pub provenance: Provenance,
    /// Declared maximum; must equal its items' weights times the scale maximum.
    pub max: u32,
}

/// A milestone: a point on the development path, reached at the end of the
/// period it follows (the Cranfield paper puts "Launch" between Capability
/// building and Roll-out, so it follows period B1, not phase B).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// Stable id, e.g. `launch`.
    pub id: String,
    /// Name, e.g. "Launch".
    pub name: String,
    /// The id of the period it follows, e.g. `B1`.
    pub after: String,
    /// What it means, one point per entry.
    pub description: Vec<String>,
    /// Whether the name and description are quoted from the source or written by kam.
    #[serde(default, skip_serializing_if = "Provenance::is_source")]
    pub provenance: Provenance,
}

/// One checklist item of the action audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id, e.g. `A1.1`.
    pub id: String,
    /// The period it belongs to, e.g. `A1`.
    pub period: String,
    /// The contributory stream it belongs to, e.g. `goals-strategy`.
    pub stream: String,
    /// The action, in the source's wording.
    pub text: String,
    /// How many times the item counts; 1 unless the file says otherwise.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub weight: u32,
}

fn one() -> u32 {
    1
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_one(weight: &u32) -> bool {
    *weight == 1
}

/// Where a period sits on the development path, found by [`AuditFramework::path`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PathStep<'a> {
    /// Index of the phase in [`AuditFramework::phases`].
    pub phase_index: usize,
    /// The phase.
    pub phase: &'a Phase,
    /// The period.
    pub period: &'a Period,
}

impl AuditFramework {
    /// The periods in development-path order (A1, A2, …, D3), with their phases.
    pub fn path(&self) -> impl Iterator<Item = PathStep<'_>> {
        self.phases
            .iter()
            .enumerate()
            .flat_map(|(phase_index, phase)| {
                phase.periods.iter().map(move |period| PathStep {
                    phase_index,
                    phase,
                    period,
                })
            })
    }

    /// The milestones that follow this period, in file order.
    pub fn milestones_after<'a>(&'a self, period: &'a str) -> impl Iterator<Item = &'a Milestone> {
        self.milestones.iter().filter(move |m| m.after == period)
    }

    /// The item with this id, if any.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }

    /// The contributory stream with this id and its parent stream, if any.
    pub fn contributory_stream(&self, id: &str) -> Option<(&Stream, &ContributoryStream)> {
        self.streams.iter().find_map(|stream| {
            stream
                .contributory
                .iter()
                .find(|c| c.id == id)
                .map(|c| (stream, c))
        })
    }

    /// The label of a score on the scale, if the score is on it.
    pub fn scale_label(&self, score: u8) -> Option<&str> {
        self.scale
            .labels
            .iter()
            .find(|l| l.value == score)
            .map(|l| l.label.as_str())
    }

    /// The highest score an item can reach: its weight times the scale maximum.
    pub fn item_max(&self, item: &Item) -> u32 {
        item.weight * u32::from(self.scale.max)
    }

    /// Checks every structural rule; the first broken one is returned.
    ///
    /// # Errors
    /// A [`FrameworkError`] naming the entry at fault.
    pub fn validate(&self) -> Result<(), FrameworkError> {
        check_id("framework", 1, &self.id)?;
        self.scale.validate()?;
        self.not_applicable.validate()?;
        let streams = self.validate_streams()?;
        let periods = self.validate_phases()?;
        self.validate_milestones(&periods)?;
        self.validate_items(&streams, &periods)?;
        self.validate_maxima()?;
        for (position, test) in self.litmus_tests.iter().enumerate() {
            test.validate(position + 1)?;
        }
        check_unique(
            "litmus test",
            self.litmus_tests.iter().map(|t| t.id.as_str()),
        )?;
        Ok(())
    }

    fn validate_streams(&self) -> Result<BTreeSet<&str>, FrameworkError> {
        for (position, stream) in self.streams.iter().enumerate() {
            check_id("stream", position + 1, &stream.id)?;
            if stream.contributory.is_empty() {
                return Err(FrameworkError::Invalid {
                    reason: format!("stream `{}` has no contributory streams", stream.id),
                });
            }
            for (position, c) in stream.contributory.iter().enumerate() {
                check_id("contributory stream", position + 1, &c.id)?;
            }
        }
        // Streams and contributory streams share one namespace so that a
        // score "by stream" can never be ambiguous.
        let all = self.streams.iter().flat_map(|s| {
            std::iter::once(s.id.as_str()).chain(s.contributory.iter().map(|c| c.id.as_str()))
        });
        check_unique("stream", all)?;
        Ok(id_set(self.streams.iter().flat_map(|s| {
            s.contributory.iter().map(|c| c.id.as_str())
        })))
    }

    fn validate_phases(&self) -> Result<BTreeSet<&str>, FrameworkError> {
        if self.phases.is_empty() {
            return Err(FrameworkError::Invalid {
                reason: "the framework has no phases".to_owned(),
            });
        }
        for (position, phase) in self.phases.iter().enumerate() {
            check_id("phase", position + 1, &phase.id)?;
            if phase.periods.is_empty() {
                return Err(FrameworkError::Invalid {
                    reason: format!("phase `{}` has no periods", phase.id),
                });
            }
            for (position, period) in phase.periods.iter().enumerate() {
                check_id("period", position + 1, &period.id)?;
            }
        }
        check_unique("phase", self.phases.iter().map(|p| p.id.as_str()))?;
        check_unique("period", self.path().map(|s| s.period.id.as_str()))?;
        for (index, step) in self.path().enumerate() {
            let expected = u32::try_from(index + 1).unwrap_or(u32::MAX);
            if step.period.number != expected {
                return Err(FrameworkError::Invalid {
                    reason: format!(
                        "period `{}` has number {}, but it is period {expected} on the path",
                        step.period.id, step.period.number
                    ),
                });
            }
        }
        Ok(id_set(self.path().map(|s| s.period.id.as_str())))
    }

    /// Every milestone follows a known period, and no two follow the same one.
    fn validate_milestones(&self, periods: &BTreeSet<&str>) -> Result<(), FrameworkError> {
        let mut taken: BTreeMap<&str, &str> = BTreeMap::new();
        for (position, milestone) in self.milestones.iter().enumerate() {
            check_id("milestone", position + 1, &milestone.id)?;
            if !periods.contains(milestone.after.as_str()) {
                return Err(FrameworkError::UnknownReference {
                    what: "milestone".to_owned(),
                    id: milestone.id.clone(),
                    field: "period".to_owned(),
                    value: milestone.after.clone(),
                });
            }
            if let Some(other) = taken.insert(&milestone.after, &milestone.id) {
                return Err(FrameworkError::Invalid {
                    reason: format!(
                        "milestones `{other}` and `{}` both follow period `{}`; one milestone per period",
                        milestone.id, milestone.after
                    ),
                });
            }
        }
        check_unique("milestone", self.milestones.iter().map(|m| m.id.as_str()))
    }

    fn validate_items(
        &self,
        streams: &BTreeSet<&str>,
        periods: &BTreeSet<&str>,
    ) -> Result<(), FrameworkError> {
        if self.items.len() > MAX_ITEMS {
            return Err(FrameworkError::Invalid {
                reason: format!(
                    "the framework has {} items; at most {MAX_ITEMS} are allowed",
                    self.items.len()
                ),
            });
        }
        for (position, item) in self.items.iter().enumerate() {
            check_id("item", position + 1, &item.id)?;
            let unknown = |field: &str, value: &str| FrameworkError::UnknownReference {
                what: "item".to_owned(),
                id: item.id.clone(),
                field: field.to_owned(),
                value: value.to_owned(),
            };
            if !periods.contains(item.period.as_str()) {
                return Err(unknown("period", &item.period));
            }
            if !streams.contains(item.stream.as_str()) {
                return Err(unknown("stream", &item.stream));
            }
            if item.weight == 0 || item.weight > MAX_WEIGHT {
                return Err(FrameworkError::InvalidWeight {
                    item: item.id.clone(),
                    weight: item.weight,
                    max: MAX_WEIGHT,
                });
            }
        }
        check_unique("item", self.items.iter().map(|i| i.id.as_str()))?;
        let with_items = id_set(self.items.iter().map(|i| i.period.as_str()));
        if let Some(step) = self
            .path()
            .find(|s| !with_items.contains(s.period.id.as_str()))
        {
            return Err(FrameworkError::EmptyPeriod {
                period: step.period.id.clone(),
            });
        }
        Ok(())
    }

    fn validate_maxima(&self) -> Result<(), FrameworkError> {
        let mut by_period: BTreeMap<&str, u32> = BTreeMap::new();
        for item in &self.items {
            *by_period.entry(item.period.as_str()).or_default() += self.item_max(item);
        }
        let mismatch = |what: &str, id: &str, declared: u32, computed: u32| {
            (declared != computed).then(|| FrameworkError::MaxMismatch {
                what: what.to_owned(),
                id: id.to_owned(),
                declared,
                computed,
            })
        };
        let mut total = 0;
        for phase in &self.phases {
            let mut phase_total = 0;
            for period in &phase.periods {
                let computed = by_period.get(period.id.as_str()).copied().unwrap_or(0);
                if let Some(e) = mismatch("period", &period.id, period.max, computed) {
                    return Err(e);
                }
                phase_total += computed;
            }
            if let Some(e) = mismatch("phase", &phase.id, phase.max, phase_total) {
                return Err(e);
            }
            total += phase_total;
        }
        match mismatch("framework", &self.id, self.max, total) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}
