//! Reading a framework file: from text, from a path, or through serde, it is
//! always validated, so a broken framework (a maximum its items do not give,
//! an unknown reference) never reaches scoring.

use std::path::Path;

use serde::Deserialize;

use super::{AuditFramework, ChecklistFramework, Framework, MaturityModel};
use crate::error::{Error, FrameworkError};

/// A framework file as written, before it is validated: what serde reads
/// before `Framework` checks it (`#[serde(try_from)]`).
// The same shape, name for name and doc for doc, as `Framework`, whose
// JSON Schema is this one's.
/// A framework of any type, as read from a framework file.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum FrameworkFile {
    /// An action audit scored item by item.
    ActionAudit(AuditFramework),
    /// A maturity model assessed by stage per programme area.
    MaturityModel(MaturityModel),
    /// A checklist scored item by item, section by section.
    Checklist(ChecklistFramework),
}

/// A framework that broke a rule, as serde needs it: its message, with the
/// typed error left for [`crate::json`] to report under its own kind.
#[derive(Debug)]
pub struct Invalid(String);

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<FrameworkFile> for Framework {
    type Error = Invalid;

    fn try_from(file: FrameworkFile) -> Result<Self, Invalid> {
        let framework = match file {
            FrameworkFile::ActionAudit(f) => Framework::ActionAudit(f),
            FrameworkFile::MaturityModel(m) => Framework::MaturityModel(m),
            FrameworkFile::Checklist(c) => Framework::Checklist(c),
        };
        match framework.validate() {
            Ok(()) => Ok(framework),
            Err(e) => Err(Invalid(crate::json::pend(e.into()))),
        }
    }
}

impl Framework {
    /// Reads and validates a framework file on this machine, e.g. one a
    /// service loads at start. An error is the file's fault, not the fault
    /// of whoever sends requests (its [`Error::category`] is
    /// `framework-file`).
    ///
    /// ```
    /// let path = std::env::temp_dir().join("kam-doc-framework.json");
    /// let cranfield = kam_core::api::framework("cranfield-kam-development")?;
    /// std::fs::write(&path, serde_json::to_string(cranfield).unwrap()).unwrap();
    /// let framework = kam_core::Framework::from_path(&path)?;
    /// assert_eq!(framework.id(), "cranfield-kam-development");
    ///
    /// let err = kam_core::Framework::from_path("no/such/file.json").unwrap_err();
    /// assert_eq!(err.category(), kam_core::error::Category::FrameworkFile);
    /// # Ok::<(), kam_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::FrameworkFile`] holding `invalid-framework` for a file that
    /// cannot be read, or any error of [`Framework::from_json`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self, Error> {
        let path = path.as_ref();
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::from(FrameworkError::Invalid {
                reason: format!("the file cannot be read: {e}"),
            })
            .in_framework_file(&file)
        })?;
        Framework::from_json(&text).map_err(|e| e.in_framework_file(&file))
    }
}

impl crate::json::Document for Framework {}

impl std::str::FromStr for Framework {
    type Err = Error;

    /// See [`Framework::from_json`].
    fn from_str(json: &str) -> Result<Self, Error> {
        Framework::from_json(json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cranfield() -> serde_json::Value {
        serde_json::to_value(crate::api::framework("cranfield-kam-development").unwrap()).unwrap()
    }

    #[test]
    fn deserializing_through_serde_validates() {
        let mut broken = cranfield();
        broken["max"] = serde_json::json!(999);
        // Through kam's reader: the framework's own error kind.
        let err = crate::json::from_value::<Framework>(broken.clone()).unwrap_err();
        assert_eq!(err.kind(), "max-mismatch");
        assert_eq!(
            err.to_string(),
            "framework `cranfield-kam-development` declares a maximum of 999, but its items give 387"
        );
        // Through plain serde (a web framework's extractor): refused all the same.
        let err = serde_json::from_value::<Framework>(broken).unwrap_err();
        assert!(err.to_string().contains("maximum of 999"), "{err}");
        // A valid one reads.
        let ok: Framework = serde_json::from_value(cranfield()).unwrap();
        assert_eq!(ok.id(), "cranfield-kam-development");
    }

    #[test]
    #[cfg(feature = "analysis")]
    fn a_framework_inside_an_input_is_validated_too() {
        let mut broken = cranfield();
        broken["max"] = serde_json::json!(999);
        let input = serde_json::json!({
            "assessment": {"framework": "cranfield-kam-development", "framework_version": "2006.2"},
            "after": broken,
        });
        let err = crate::json::from_value::<crate::analysis::RescoreInput>(input).unwrap_err();
        assert_eq!(err.kind(), "max-mismatch");
    }

    #[test]
    fn text_parses_with_from_str() {
        let text = cranfield().to_string();
        let framework: Framework = text.parse().unwrap();
        assert_eq!(framework.kind(), "action-audit");
    }
}
