//! Every data file bundled with kam, in one list: the frameworks, and the
//! guidelines the analyses read (the key account plan template, the time
//! guideline). Each is embedded in the crate, parsed and validated once on
//! first use, then handed out by reference; a new framework or version is a
//! new line here, not new code.

use std::any::Any;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;

use super::{AuditFramework, Framework, MaturityModel};
use crate::error::{Error, FrameworkError, InputError, nearest};

/// What a bundled data file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DataKind {
    /// A framework file (any framework type); `default` marks the one used
    /// for its type when a caller names none.
    Framework {
        /// Whether it is the default of its type.
        default: bool,
    },
    /// The key account plan template of the account-plan analysis.
    PlanTemplate,
    /// The guideline of the time-allocation analysis.
    TimeGuideline,
}

/// One bundled data file.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct DataFile {
    /// The file's name in `kam-core/frameworks/`, without `.json`.
    pub name: &'static str,
    /// What it holds.
    pub kind: DataKind,
    /// Its text.
    pub text: &'static str,
}

/// Every bundled data file; frameworks in listing order.
pub const DATA_FILES: &[DataFile] = &[
    FRAMEWORK_FILES[0],
    FRAMEWORK_FILES[1],
    FRAMEWORK_FILES[2],
    FRAMEWORK_FILES[3],
    FRAMEWORK_FILES[4],
    DataFile {
        name: "kam-account-plan",
        kind: DataKind::PlanTemplate,
        text: include_str!("../../frameworks/kam-account-plan.json"),
    },
    DataFile {
        name: "kam-time-guideline",
        kind: DataKind::TimeGuideline,
        text: include_str!("../../frameworks/kam-time-guideline.json"),
    },
];

/// The bundled frameworks, in listing order: the first entries of
/// [`DATA_FILES`]. Scoring and the framework listing read only these, so a
/// build that never reads the analyses' guidelines (the WebAssembly engine
/// module) does not carry their text.
const FRAMEWORK_FILES: [DataFile; 5] = [
    DataFile {
        name: "cranfield-kam-development",
        kind: DataKind::Framework { default: true },
        text: include_str!("../../frameworks/cranfield-kam-development.json"),
    },
    DataFile {
        name: "kam-maturity-model",
        kind: DataKind::Framework { default: true },
        text: include_str!("../../frameworks/kam-maturity-model.json"),
    },
    // The first checklist is the default of its type, for a caller that
    // names none (an assessment always names its own).
    DataFile {
        name: "kam-development-model",
        kind: DataKind::Framework { default: true },
        text: include_str!("../../frameworks/kam-development-model.json"),
    },
    DataFile {
        name: "kam-three-pillars",
        kind: DataKind::Framework { default: false },
        text: include_str!("../../frameworks/kam-three-pillars.json"),
    },
    DataFile {
        name: "kam-strategy",
        kind: DataKind::Framework { default: false },
        text: include_str!("../../frameworks/kam-strategy.json"),
    },
];

/// A type a bundled data file is read as: parsed from JSON, then checked by
/// the same rules as a file a user gives.
pub trait Bundled: DeserializeOwned + Send + Sync + 'static {
    /// Whether a file of this kind holds this type.
    fn holds(kind: DataKind) -> bool;

    /// Checks every rule of the data.
    ///
    /// # Errors
    /// The first rule broken.
    fn check(&self) -> Result<(), Error>;
}

impl Bundled for Framework {
    fn holds(kind: DataKind) -> bool {
        matches!(kind, DataKind::Framework { .. })
    }

    fn check(&self) -> Result<(), Error> {
        Ok(self.validate()?)
    }
}

/// Each data file other than a framework read, by its position in
/// [`DATA_FILES`]; the frameworks are read together by [`builtin`].
static READ: [OnceLock<Result<Box<dyn Any + Send + Sync>, Error>>; DATA_FILES.len()] =
    [const { OnceLock::new() }; DATA_FILES.len()];

/// The bundled data file `name` read as `T`: parsed and checked once, on
/// first use.
///
/// # Errors
/// Only if the file is broken or is not a `T`, which the crate's tests rule
/// out; it is returned rather than panicking so that no input can abort a
/// caller.
pub fn bundled<T: Bundled>(name: &str) -> Result<&'static T, Error> {
    let file_name = format!("bundled {name}");
    let broken = |reason: String| -> Error {
        Error::from(FrameworkError::Invalid { reason }).in_framework_file(&file_name)
    };
    let Some(index) = DATA_FILES.iter().position(|f| f.name == name) else {
        return Err(broken("no such file".to_owned()));
    };
    let (Some(cell), Some(file)) = (READ.get(index), DATA_FILES.get(index)) else {
        return Err(broken("no such file".to_owned()));
    };
    if !T::holds(file.kind) {
        return Err(broken(format!("not a `{}`", std::any::type_name::<T>())));
    }
    let read: &'static (dyn Any + Send + Sync) = if let DataKind::Framework { .. } = file.kind {
        let position = DATA_FILES
            .iter()
            .take(index)
            .filter(|f| matches!(f.kind, DataKind::Framework { .. }))
            .count();
        builtin()?
            .get(position)
            .ok_or_else(|| broken("not read".to_owned()))?
    } else {
        cell.get_or_init(|| {
            let value: T =
                crate::json::from_json(file.text).map_err(|e| e.in_framework_file(&file_name))?;
            value.check().map_err(|e| e.in_framework_file(&file_name))?;
            Ok(Box::new(value))
        })
        .as_ref()
        .map_err(Clone::clone)?
        .as_ref()
    };
    read.downcast_ref::<T>()
        .ok_or_else(|| broken(format!("not a `{}`", std::any::type_name::<T>())))
}

static BUILTIN: OnceLock<Result<Vec<Framework>, Error>> = OnceLock::new();

/// Every bundled framework, parsed and validated, in listing order.
///
/// # Errors
/// Only if a bundled file is broken, which the crate's tests rule out; it is
/// returned rather than panicking so that no input path can abort a caller.
pub fn builtin() -> Result<&'static [Framework], Error> {
    match BUILTIN.get_or_init(read_builtin) {
        Ok(all) => Ok(all.as_slice()),
        // A broken file breaks the same way on every read: it is read again
        // for its error rather than the kept one cloned, which keeps the
        // clone of `Error` (6.5 KB) out of the WebAssembly engine module.
        Err(_) => Err(read_builtin().err().unwrap_or_else(|| {
            FrameworkError::Invalid {
                reason: "the bundled frameworks read differently on a second read".to_owned(),
            }
            .into()
        })),
    }
}

/// Reads and validates every bundled framework, in listing order.
fn read_builtin() -> Result<Vec<Framework>, Error> {
    FRAMEWORK_FILES
        .iter()
        .map(|f| {
            let read = || -> Result<Framework, Error> {
                let framework: Framework = crate::json::from_json(f.text)?;
                framework.check()?;
                Ok(framework)
            };
            read().map_err(|e| e.in_framework_file(&format!("bundled {}", f.name)))
        })
        .collect()
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
            suggestion: nearest(id, all.iter().map(Framework::id)),
            path: String::new(),
        }
        .into()
    })
}

/// The bundled framework used for a framework type when a caller names
/// none: `cranfield-kam-development` for `action-audit`,
/// `kam-maturity-model` for `maturity-model`.
///
/// # Errors
/// `invalid-input` for a type that has no bundled default, listing those
/// that have.
pub fn default_framework(kind: &str) -> Result<&'static Framework, Error> {
    let defaults: Vec<&'static Framework> = FRAMEWORK_FILES
        .iter()
        .zip(builtin()?)
        .filter(|(f, _)| f.kind == DataKind::Framework { default: true })
        .map(|(_, framework)| framework)
        .collect();
    if let Some(framework) = defaults.iter().find(|f| f.kind() == kind) {
        return Ok(framework);
    }
    let types: Vec<String> = defaults.iter().map(|f| format!("`{}`", f.kind())).collect();
    Err(InputError::InvalidInput {
        path: String::new(),
        message: format!(
            "`{kind}` is not a framework type with a bundled default; those are {}",
            types.join(", ")
        ),
    }
    .into())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frameworks_listed_are_the_framework_files() {
        // DATA_FILES names each framework file by hand: a framework added to
        // FRAMEWORK_FILES alone would be scored but never listed.
        let listed: Vec<&str> = DATA_FILES
            .iter()
            .filter(|f| matches!(f.kind, DataKind::Framework { .. }))
            .map(|f| f.name)
            .collect();
        let read: Vec<&str> = FRAMEWORK_FILES.iter().map(|f| f.name).collect();
        assert_eq!(listed, read);
    }

    #[test]
    fn every_data_file_reads_as_its_kind() {
        for file in DATA_FILES {
            match file.kind {
                DataKind::Framework { .. } => {
                    let framework = bundled::<Framework>(file.name).unwrap();
                    assert_eq!(
                        framework.id(),
                        file.name,
                        "a framework file is named by its id"
                    );
                }
                #[cfg(feature = "analysis")]
                DataKind::PlanTemplate => {
                    bundled::<crate::analysis::PlanTemplate>(file.name).unwrap();
                }
                #[cfg(feature = "analysis")]
                DataKind::TimeGuideline => {
                    bundled::<crate::analysis::TimeGuideline>(file.name).unwrap();
                }
                // Read by the analyses, which this build lacks.
                #[cfg(not(feature = "analysis"))]
                DataKind::PlanTemplate | DataKind::TimeGuideline => {}
            }
        }
    }

    #[test]
    fn one_default_per_framework_type() {
        let mut seen = std::collections::BTreeSet::new();
        for file in DATA_FILES {
            if file.kind == (DataKind::Framework { default: true }) {
                let framework = bundled::<Framework>(file.name).unwrap();
                assert!(
                    seen.insert(framework.kind()),
                    "two defaults for {}",
                    framework.kind()
                );
            }
        }
        for framework in builtin().unwrap() {
            assert!(
                seen.contains(framework.kind()),
                "no default {}",
                framework.kind()
            );
        }
        assert_eq!(
            default_framework("action-audit").unwrap().id(),
            "cranfield-kam-development"
        );
        assert_eq!(
            default_framework("maturity-model").unwrap().id(),
            "kam-maturity-model"
        );
        assert_eq!(
            default_framework("nope").unwrap_err().kind(),
            "invalid-input"
        );
    }

    #[test]
    fn a_file_read_as_another_type_is_an_error_not_a_panic() {
        let err = bundled::<Framework>("kam-time-guideline").unwrap_err();
        assert!(err.to_string().contains("kam-time-guideline"), "{err}");
        assert_eq!(err.category(), crate::error::Category::FrameworkFile);
        let err = bundled::<Framework>("nope").unwrap_err();
        assert!(err.to_string().contains("no such file"), "{err}");
    }
}
