//! The checklist report: every figure scoring a checklist derives, shaped so
//! that a page can render any checklist from it alone (ordered sections with
//! their items, the scale's labels, the groupings, the stage and balance
//! readings with their rules in words).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::assessment::Context;
use crate::framework::{Provenance, Scale};
use crate::scoring::{Convention, FrameworkRef, Total};

/// The scored result of one checklist assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ChecklistReport {
    /// Which framework and version scored it.
    pub framework: FrameworkRef,
    /// Who was assessed, by whom, when (echoed from the assessment).
    pub context: Context,
    /// The scale, with its labels, so a score can be shown in words.
    pub scale: Scale,
    /// Total score over every item.
    pub overall: Total,
    /// Items with neither a score nor a "not applicable" mark (they add 0).
    pub unscored: u32,
    /// Items marked "not applicable" (left out of every maximum).
    pub not_applicable: u32,
    /// Each section in checklist order, with its items.
    pub sections: Vec<SectionScore>,
    /// Each grouping, with the completion of each of its groups.
    pub groupings: Vec<GroupingScore>,
    /// The stage reached, when the checklist has a stage rule.
    pub stage: Option<StageReading>,
    /// How evenly completion is spread, when the checklist has a balance rule.
    pub balance: Option<BalanceReading>,
    /// Items still below the top of the scale, in checklist order.
    pub next_actions: Vec<NextAction>,
    /// kam's conventions behind the readings, in words.
    pub conventions: Vec<Convention>,
}

/// One section's score, with its items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SectionScore {
    /// Section id.
    pub id: String,
    /// Position in the checklist, 1-based.
    pub number: u32,
    /// Section name.
    pub name: String,
    /// What the section covers, when the framework says.
    pub description: Option<String>,
    /// Whether the name and description are quoted from the source or kam's.
    pub provenance: Provenance,
    /// Points scored.
    pub score: u32,
    /// Points possible.
    pub max: u32,
    /// `score / max × 100`; 0 when `max` is 0.
    pub percent: f64,
    /// Items of the section not yet scored.
    pub unscored: u32,
    /// The items, in order.
    pub items: Vec<ItemScore>,
}

/// One item as answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ItemScore {
    /// Item id.
    pub id: String,
    /// The item, in the framework's wording.
    pub text: String,
    /// Its description, when the framework gives one.
    pub description: Option<String>,
    /// Whether the text is quoted from the source or kam's.
    pub provenance: Provenance,
    /// Its weight.
    pub weight: u32,
    /// The score given; `null` when unscored or not applicable.
    pub score: Option<u8>,
    /// The scale's label for the score given.
    pub label: Option<String>,
    /// Whether the item was marked not applicable.
    pub not_applicable: bool,
    /// Points scored: score × weight.
    pub points: u32,
    /// Points possible: weight × scale maximum, or 0 when not applicable.
    pub max: u32,
    /// The item's group in each grouping, by grouping id.
    pub groups: BTreeMap<String, String>,
}

/// One grouping's completion, group by group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GroupingScore {
    /// Grouping id.
    pub id: String,
    /// Grouping name.
    pub name: String,
    /// Whether the grouping is the source's or kam's.
    pub provenance: Provenance,
    /// Each group in order.
    pub groups: Vec<GroupScore>,
}

/// One group's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GroupScore {
    /// Group id.
    pub id: String,
    /// Group name.
    pub name: String,
    /// How many items belong to it.
    pub items: u32,
    /// Points scored.
    pub score: u32,
    /// Points possible.
    pub max: u32,
    /// `score / max × 100`; 0 when `max` is 0.
    pub percent: f64,
}

/// A section named in a reading: id, position, name and completion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SectionRef {
    /// Section id.
    pub id: String,
    /// Position in the checklist, 1-based.
    pub number: u32,
    /// Section name.
    pub name: String,
    /// Its completion, in percent.
    pub percent: f64,
}

/// The stage reached under the checklist's stage rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct StageReading {
    /// The completion at which a section counts as reached, in percent.
    pub threshold: f64,
    /// The rule in words, from the framework.
    pub rule: String,
    /// Whether the rule is the source's or kam's.
    pub provenance: Provenance,
    /// The last section of the unbroken run, from the first, of sections
    /// reaching the threshold; `null` when the first does not.
    pub reached: Option<SectionRef>,
    /// The first section below the threshold, where work goes next; `null`
    /// when every section reaches it.
    pub next: Option<SectionRef>,
}

/// How evenly completion is spread, under the checklist's balance rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct BalanceReading {
    /// `sections`, or the grouping whose groups are compared.
    pub across: String,
    /// The largest spread that counts as balanced, in percentage points.
    pub tolerance: f64,
    /// The indicator in words, from the framework.
    pub rule: String,
    /// Whether the indicator is the source's or kam's.
    pub provenance: Provenance,
    /// Percentage points between the most and the least complete.
    pub spread: f64,
    /// Whether `spread` is at most `tolerance`.
    pub balanced: bool,
    /// The least complete (all of them when tied), where effort goes next.
    pub lowest: Vec<String>,
    /// The most complete (all of them when tied).
    pub highest: Vec<String>,
}

/// An item still below the top of the scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct NextAction {
    /// Item id.
    pub id: String,
    /// Its section's id.
    pub section: String,
    /// The item, in the framework's wording.
    pub text: String,
    /// The score given; `null` when unscored.
    pub score: Option<u8>,
}
