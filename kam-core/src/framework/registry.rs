//! The frameworks bundled with kam: data files embedded in the crate, parsed
//! and validated once on first use, then handed out by reference.

use std::sync::OnceLock;

use super::{AuditFramework, Framework, MaturityModel};
use crate::error::{Error, FrameworkError};

/// The bundled framework files, in listing order. A new framework or version
/// is a new file here, not new code.
const FILES: &[&str] = &[
    include_str!("../../frameworks/cranfield-kam-development.json"),
    include_str!("../../frameworks/kam-maturity-model.json"),
    include_str!("../../frameworks/kam-development-model.json"),
    include_str!("../../frameworks/kam-three-pillars.json"),
    include_str!("../../frameworks/kam-strategy.json"),
];

static BUILTIN: OnceLock<Result<Vec<Framework>, Error>> = OnceLock::new();

/// Every bundled framework, parsed and validated.
///
/// # Errors
/// Only if a bundled file is broken, which the crate's tests rule out; it is
/// returned rather than panicking so that no input path can abort a caller.
pub fn builtin() -> Result<&'static [Framework], Error> {
    BUILTIN
        .get_or_init(|| {
            FILES
                .iter()
                .map(|json| Framework::from_json(json))
                .collect()
        })
        .as_deref()
        .map_err(Clone::clone)
}

/// The bundled framework with this id.
///
/// # Errors
/// [`FrameworkError::UnknownFramework`] listing the bundled ids.
pub fn builtin_framework(id: &str) -> Result<&'static Framework, Error> {
    let all = builtin()?;
    all.iter().find(|f| f.id() == id).ok_or_else(|| {
        let known: Vec<String> = all.iter().map(|f| format!("`{}`", f.id())).collect();
        FrameworkError::UnknownFramework {
            id: id.to_owned(),
            known: known.join(", "),
        }
        .into()
    })
}

/// The bundled action audit with this id.
///
/// # Errors
/// An unknown id, or a framework of another type.
pub fn builtin_audit(id: &str) -> Result<&'static AuditFramework, Error> {
    Ok(builtin_framework(id)?.as_audit()?)
}

/// The bundled maturity model with this id.
///
/// # Errors
/// An unknown id, or a framework of another type.
pub fn builtin_maturity(id: &str) -> Result<&'static MaturityModel, Error> {
    Ok(builtin_framework(id)?.as_maturity()?)
}
