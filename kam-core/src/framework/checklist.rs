//! Checklist frameworks: ordered sections of items scored on one scale, with
//! optional groupings of the items (streams, pillars, facets …), an optional
//! stage rule and an optional balance indicator. Three of the frameworks kam
//! bundles are checklists, and a company's own checklist is one more data
//! file of this type.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::audit::{MAX_ITEMS, MAX_WEIGHT, NotApplicablePolicy, Scale};
use super::{Provenance, Source, check_id, check_unique, id_set};
use crate::error::FrameworkError;

/// A checklist: sections of items, each item scored on the scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChecklistFramework {
    /// Stable id, e.g. `kam-three-pillars`.
    pub id: String,
    /// Version of this data file; assessments name it and must match.
    pub version: String,
    /// Human-readable name.
    pub name: String,
    /// Where the checklist comes from.
    pub source: Source,
    /// One-paragraph summary (kam's catalogue entry for a bundled checklist).
    pub description: String,
    /// The scale every item is scored on.
    pub scale: Scale,
    /// Whether an item may be answered "not applicable", and why not if not.
    pub not_applicable: NotApplicablePolicy,
    /// The sections in order, each with its items in order.
    pub sections: Vec<Section>,
    /// Ways of grouping the items across sections, e.g. by pillar or facet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groupings: Vec<Grouping>,
    /// How the stage reached is read from the sections, when the sections are
    /// stages that follow each other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage_rule: Option<StageRule>,
    /// How evenly completion should be spread across the sections or the
    /// groups of one grouping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance: Option<BalanceRule>,
}

/// One section of a checklist, e.g. a stage or a pillar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, e.g. `kam-infrastructure`.
    pub id: String,
    /// Name, e.g. "KAM infrastructure".
    pub name: String,
    /// What the section covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the name and description are quoted from the source or written by kam.
    #[serde(default, skip_serializing_if = "Provenance::is_source")]
    pub provenance: Provenance,
    /// Its items, in order.
    pub items: Vec<ChecklistItem>,
}

/// One item of a checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable id, unique in the checklist, e.g. `identify-key-accounts`.
    pub id: String,
    /// The item, e.g. "Identify key accounts".
    pub text: String,
    /// What it means in more words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the text and description are quoted from the source or written by kam.
    #[serde(default, skip_serializing_if = "Provenance::is_source")]
    pub provenance: Provenance,
    /// How many times the item counts; 1 unless the file says otherwise.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub weight: u32,
    /// The item's group in each grouping, by grouping id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub groups: BTreeMap<String, String>,
}

fn one() -> u32 {
    1
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_one(weight: &u32) -> bool {
    *weight == 1
}

/// A way of grouping items across sections, e.g. the facets of a strategy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Grouping {
    /// Stable id, e.g. `part`; items name it in `groups`.
    pub id: String,
    /// Name, e.g. "Facets and core initiatives".
    pub name: String,
    /// Whether the grouping and its groups are the source's or kam's.
    #[serde(default, skip_serializing_if = "Provenance::is_source")]
    pub provenance: Provenance,
    /// Its groups, in order.
    pub groups: Vec<Group>,
}

/// One group of a grouping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Stable id, unique in its grouping.
    pub id: String,
    /// Name.
    pub name: String,
    /// What it covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The stage reached when the sections are stages in order: the last
/// section of the unbroken run, from the first, of sections whose completion
/// reaches `threshold`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StageRule {
    /// Completion, in percent of a section's maximum, at which the section
    /// counts as reached; above 0 and at most 100.
    pub threshold: f64,
    /// The rule in words, as reports give it.
    pub description: String,
    /// Whether the rule is the source's or kam's.
    #[serde(default, skip_serializing_if = "Provenance::is_source")]
    pub provenance: Provenance,
}

/// How evenly completion is spread: the spread is the gap, in percentage
/// points, between the most and the least complete section (or group); the
/// effort is balanced while the spread is at most `tolerance`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BalanceRule {
    /// `sections`, or the id of a grouping.
    pub across: String,
    /// The largest spread, in percentage points, that counts as balanced;
    /// from 0 to 100.
    pub tolerance: f64,
    /// The indicator in words, as reports give it.
    pub description: String,
    /// Whether the indicator is the source's or kam's.
    #[serde(default, skip_serializing_if = "Provenance::is_source")]
    pub provenance: Provenance,
}

/// The `across` value that balances the sections rather than a grouping's groups.
pub const ACROSS_SECTIONS: &str = "sections";

impl ChecklistFramework {
    /// Every item, section by section, with its section.
    pub fn items(&self) -> impl Iterator<Item = (&Section, &ChecklistItem)> {
        self.sections
            .iter()
            .flat_map(|section| section.items.iter().map(move |item| (section, item)))
    }

    /// The highest score an item can reach: its weight times the scale maximum.
    pub fn item_max(&self, item: &ChecklistItem) -> u32 {
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
        if self.sections.is_empty() {
            return Err(FrameworkError::Invalid {
                reason: "the checklist has no sections".to_owned(),
            });
        }
        self.validate_sections()?;
        let groupings = self.validate_groupings()?;
        self.validate_items(&groupings)?;
        self.validate_rules(&groupings)
    }

    fn validate_sections(&self) -> Result<(), FrameworkError> {
        for (position, section) in self.sections.iter().enumerate() {
            check_id("section", position + 1, &section.id)?;
            if section.items.is_empty() {
                return Err(FrameworkError::EmptySection {
                    section: section.id.clone(),
                });
            }
        }
        check_unique("section", self.sections.iter().map(|s| s.id.as_str()))
    }

    /// Checks the groupings; returns each grouping's group ids.
    fn validate_groupings(&self) -> Result<BTreeMap<&str, BTreeSet<&str>>, FrameworkError> {
        let mut groupings = BTreeMap::new();
        for (position, grouping) in self.groupings.iter().enumerate() {
            check_id("grouping", position + 1, &grouping.id)?;
            if grouping.id == ACROSS_SECTIONS {
                return Err(FrameworkError::Invalid {
                    reason: format!("a grouping cannot have the id `{ACROSS_SECTIONS}`"),
                });
            }
            if grouping.groups.is_empty() {
                return Err(FrameworkError::Invalid {
                    reason: format!("grouping `{}` has no groups", grouping.id),
                });
            }
            for (position, group) in grouping.groups.iter().enumerate() {
                check_id("group", position + 1, &group.id)?;
            }
            check_unique(
                &format!("group of grouping `{}`", grouping.id),
                grouping.groups.iter().map(|g| g.id.as_str()),
            )?;
            let ids = id_set(grouping.groups.iter().map(|g| g.id.as_str()));
            groupings.insert(grouping.id.as_str(), ids);
        }
        check_unique("grouping", self.groupings.iter().map(|g| g.id.as_str()))?;
        Ok(groupings)
    }

    fn validate_items(
        &self,
        groupings: &BTreeMap<&str, BTreeSet<&str>>,
    ) -> Result<(), FrameworkError> {
        let count = self.items().count();
        if count > MAX_ITEMS {
            return Err(FrameworkError::Invalid {
                reason: format!("the checklist has {count} items; at most {MAX_ITEMS} are allowed"),
            });
        }
        for (position, (_, item)) in self.items().enumerate() {
            check_id("item", position + 1, &item.id)?;
            if item.weight == 0 || item.weight > MAX_WEIGHT {
                return Err(FrameworkError::InvalidWeight {
                    item: item.id.clone(),
                    weight: item.weight,
                    max: MAX_WEIGHT,
                });
            }
            for (grouping, group) in &item.groups {
                let unknown = |field: &str, value: &str| FrameworkError::UnknownReference {
                    what: "item".to_owned(),
                    id: item.id.clone(),
                    field: field.to_owned(),
                    value: value.to_owned(),
                };
                let Some(groups) = groupings.get(grouping.as_str()) else {
                    return Err(unknown("grouping", grouping));
                };
                if !groups.contains(group.as_str()) {
                    return Err(unknown(&format!("`{grouping}` group"), group));
                }
            }
        }
        check_unique("item", self.items().map(|(_, item)| item.id.as_str()))
    }

    fn validate_rules(
        &self,
        groupings: &BTreeMap<&str, BTreeSet<&str>>,
    ) -> Result<(), FrameworkError> {
        if let Some(rule) = &self.stage_rule {
            let t = rule.threshold;
            if !(t.is_finite() && t > 0.0 && t <= 100.0) {
                return Err(FrameworkError::InvalidRule {
                    rule: "stage_rule".to_owned(),
                    reason: format!("`threshold` {t} must be above 0 and at most 100"),
                });
            }
        }
        if let Some(rule) = &self.balance {
            let t = rule.tolerance;
            if !(t.is_finite() && (0.0..=100.0).contains(&t)) {
                return Err(FrameworkError::InvalidRule {
                    rule: "balance".to_owned(),
                    reason: format!("`tolerance` {t} must be from 0 to 100"),
                });
            }
            if rule.across != ACROSS_SECTIONS && !groupings.contains_key(rule.across.as_str()) {
                let known: Vec<String> = std::iter::once(ACROSS_SECTIONS)
                    .chain(groupings.keys().copied())
                    .map(|id| format!("`{id}`"))
                    .collect();
                return Err(FrameworkError::InvalidRule {
                    rule: "balance".to_owned(),
                    reason: format!(
                        "`across` is `{}`, but it must be one of {}",
                        rule.across,
                        known.join(", ")
                    ),
                });
            }
        }
        Ok(())
    }
}
