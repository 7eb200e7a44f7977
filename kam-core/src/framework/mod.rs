//! Frameworks as data: the types of a framework file, their validation, and
//! the frameworks bundled with kam.
//!
//! A framework file is JSON with a `type` field: `action-audit` (phases,
//! periods, milestones, streams, items, litmus tests), `maturity-model`
//! (programme areas × stages) or `checklist` (ordered sections of items, with
//! optional groupings, stage rule and balance indicator). Bundled and
//! user-supplied files go through the same parser and validator,
//! [`Framework::from_json`].

mod audit;
mod checklist;
mod litmus;
mod maturity;
mod reading;
mod registry;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

pub use audit::{
    AuditFramework, ContributoryStream, Item, MAX_ITEMS, MAX_WEIGHT, Milestone,
    NotApplicablePolicy, PathStep, Period, Phase, Scale, ScaleLabel, Stream,
};
pub use checklist::{
    ACROSS_SECTIONS, BalanceRule, ChecklistFramework, ChecklistItem, Group, Grouping, Section,
    StageRule,
};
pub use litmus::{LitmusQuestion, LitmusTest};
pub use maturity::{MaturityModel, ProgrammeArea, Stage};
pub use registry::{
    Bundled, DATA_FILES, DataFile, DataKind, builtin, builtin_audit, builtin_framework,
    builtin_maturity, bundled, default_framework,
};

use crate::error::{Error, FrameworkError};

/// A framework of any type, as read from a framework file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(
    tag = "type",
    rename_all = "kebab-case",
    try_from = "reading::FrameworkFile"
)]
#[non_exhaustive]
pub enum Framework {
    /// An action audit scored item by item.
    ActionAudit(AuditFramework),
    /// A maturity model assessed by stage per programme area.
    MaturityModel(MaturityModel),
    /// A checklist scored item by item, section by section.
    Checklist(ChecklistFramework),
}

/// The bibliographic source of a framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title of the source document.
    pub title: String,
    /// Author(s), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Publisher, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Year of publication, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
}

/// Where a piece of framework text comes from: quoted from the framework's
/// source (the default), or constructed by kam (a rule, a threshold, a
/// summary, a label). Reports show kam's constructions as kam's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Provenance {
    /// Quoted from the framework's source, word for word.
    #[default]
    Source,
    /// Constructed by kam; not the source's words.
    Kam,
}

impl Provenance {
    /// Whether the text is quoted from the source (for `skip_serializing_if`).
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
    pub fn is_source(&self) -> bool {
        *self == Provenance::Source
    }
}

/// A one-line description of a framework, for listings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FrameworkSummary {
    /// Stable id.
    pub id: String,
    /// Data version.
    pub version: String,
    /// `action-audit`, `maturity-model` or `checklist`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Human-readable name.
    pub name: String,
}

impl Framework {
    /// Parses and validates a framework file.
    ///
    /// # Errors
    /// [`Error::Input`] for malformed JSON or unknown fields (with their path),
    /// [`Error::Framework`] for a broken structural rule.
    pub fn from_json(json: &str) -> Result<Self, Error> {
        let framework: Framework = crate::json::from_json(json)?;
        framework.validate()?;
        Ok(framework)
    }

    /// Checks every structural rule of the framework.
    ///
    /// # Errors
    /// A [`FrameworkError`] naming the entry at fault.
    pub fn validate(&self) -> Result<(), FrameworkError> {
        match self {
            Framework::ActionAudit(f) => f.validate(),
            Framework::MaturityModel(m) => m.validate(),
            Framework::Checklist(c) => c.validate(),
        }
    }

    /// Its stable id.
    pub fn id(&self) -> &str {
        match self {
            Framework::ActionAudit(f) => &f.id,
            Framework::MaturityModel(m) => &m.id,
            Framework::Checklist(c) => &c.id,
        }
    }

    /// Its data version.
    pub fn version(&self) -> &str {
        match self {
            Framework::ActionAudit(f) => &f.version,
            Framework::MaturityModel(m) => &m.version,
            Framework::Checklist(c) => &c.version,
        }
    }

    /// Its type as written in the file: `action-audit`, `maturity-model` or
    /// `checklist`.
    pub fn kind(&self) -> &'static str {
        match self {
            Framework::ActionAudit(_) => "action-audit",
            Framework::MaturityModel(_) => "maturity-model",
            Framework::Checklist(_) => "checklist",
        }
    }

    /// A one-line description for listings.
    pub fn summary(&self) -> FrameworkSummary {
        let name = match self {
            Framework::ActionAudit(f) => &f.name,
            Framework::MaturityModel(m) => &m.name,
            Framework::Checklist(c) => &c.name,
        };
        FrameworkSummary {
            id: self.id().to_owned(),
            version: self.version().to_owned(),
            kind: self.kind().to_owned(),
            name: name.clone(),
        }
    }

    /// The action audit inside, or an error naming the type needed.
    ///
    /// # Errors
    /// [`FrameworkError::WrongType`] for a framework of another type.
    pub fn as_audit(&self) -> Result<&AuditFramework, FrameworkError> {
        match self {
            Framework::ActionAudit(f) => Ok(f),
            _ => Err(self.wrong_type("action-audit")),
        }
    }

    /// The maturity model inside, or an error naming the type needed.
    ///
    /// # Errors
    /// [`FrameworkError::WrongType`] for a framework of another type.
    pub fn as_maturity(&self) -> Result<&MaturityModel, FrameworkError> {
        match self {
            Framework::MaturityModel(m) => Ok(m),
            _ => Err(self.wrong_type("maturity-model")),
        }
    }

    /// The checklist inside, or an error naming the type needed.
    ///
    /// # Errors
    /// [`FrameworkError::WrongType`] for a framework of another type.
    pub fn as_checklist(&self) -> Result<&ChecklistFramework, FrameworkError> {
        match self {
            Framework::Checklist(c) => Ok(c),
            _ => Err(self.wrong_type("checklist")),
        }
    }

    fn wrong_type(&self, expected: &str) -> FrameworkError {
        FrameworkError::WrongType {
            id: self.id().to_owned(),
            expected: expected.to_owned(),
            found: self.kind().to_owned(),
        }
    }
}

/// Rejects an empty or blank id.
fn check_id(what: &str, position: usize, id: &str) -> Result<(), FrameworkError> {
    if id.trim().is_empty() {
        return Err(FrameworkError::EmptyId {
            what: what.to_owned(),
            position,
        });
    }
    Ok(())
}

/// The set of `ids`, built by inserting them one by one: collecting into a
/// set sorts the ids first, with a sort's code that the WebAssembly engine
/// would carry for this alone (see `crate::merge_sort`).
fn id_set<'a>(ids: impl IntoIterator<Item = &'a str>) -> BTreeSet<&'a str> {
    let mut set = BTreeSet::new();
    for id in ids {
        set.insert(id);
    }
    set
}

/// Rejects the first id that appears twice.
fn check_unique<'a>(
    what: &str,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<(), FrameworkError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(FrameworkError::DuplicateId {
                what: what.to_owned(),
                id: id.to_owned(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
