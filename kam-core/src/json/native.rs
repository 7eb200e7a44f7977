//! Values from the bindings' languages that JSON cannot hold.

use super::path::{PathSegment, json_path};
use crate::error::{Error, InputError};

/// The error for a native number that JSON cannot hold: NaN or an infinity
/// in a Python or JavaScript value (JSON text cannot contain them at all).
/// Both bindings report it with this function, so kind, path and message are
/// identical; the value is spelt as JavaScript and JSON5 spell it: `NaN`,
/// `Infinity`, `-Infinity`.
pub fn non_finite_number(path: &[PathSegment], value: f64) -> Error {
    let spelt = if value.is_nan() {
        "NaN"
    } else if value > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    };
    InputError::InvalidJson {
        path: json_path(path),
        message: format!("`{spelt}` is not a JSON number"),
    }
    .into()
}

/// The error for a native integer too large for any JSON number kam reads
/// (beyond ±1.8 × 10³⁰⁸, the range of a 64-bit float, e.g. Python's
/// `10**400`): the parser's own words for such a literal, without the line
/// and column a native value has not got.
pub fn number_out_of_range(path: &[PathSegment]) -> Error {
    InputError::InvalidJson {
        path: json_path(path),
        message: "number out of range".to_owned(),
    }
    .into()
}
