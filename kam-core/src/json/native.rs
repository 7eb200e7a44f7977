//! The rules for reading a native value of a binding's language (a Python
//! object, a JavaScript value) as JSON, kept once here so Python and
//! JavaScript refuse the same values with the same errors: how many values
//! a walk may look at, what a container met again inside itself is, how
//! deep a walk goes, and which numbers JSON cannot hold.

use crate::error::{Error, InputError, LimitError};
use crate::limits::{MAX_DEPTH, MAX_INPUT_BYTES};
use crate::pointer::{PathSegment, pointer};

/// The state of a walk over a native value, which the binding drives (it
/// alone knows how to look inside its values) and which decides every rule.
///
/// ```
/// use kam_core::json::NativeReader;
///
/// // A list that holds itself, as Python's `a = []; a.append(a)` would.
/// let mut reader = NativeReader::new();
/// reader.count().unwrap();
/// assert!(reader.enter(7).unwrap()); // the list, identified by its address
/// reader.index(0);
/// reader.count().unwrap();
/// let err = reader.enter(7).unwrap_err(); // met again inside itself
/// assert_eq!(err.kind(), "too-deep");
/// ```
#[derive(Debug)]
pub struct NativeReader<Id> {
    /// Where the value being read is.
    path: Vec<PathSegment>,
    /// The containers being read, outermost first, with the depth of the
    /// path at which each was entered.
    within: Vec<(Id, usize)>,
    /// How many more values may be read (see [`NativeReader::MAX_VALUES`]).
    left: usize,
}

impl<Id: PartialEq> Default for NativeReader<Id> {
    fn default() -> Self {
        Self::new()
    }
}

impl<Id: PartialEq> NativeReader<Id> {
    /// The most values (containers, numbers, strings, …) a walk looks at:
    /// as many as the largest text kam reads (`MAX_INPUT_BYTES`) can hold,
    /// as every value takes a byte and every value in an array or object one
    /// more (a comma, or the closing bracket). So nothing JSON text could
    /// carry is refused, and a walk ends within some 4 million steps
    /// whatever the value: containers shared within one another (`b = [a,
    /// a]`, `c = [b, b]`, …) count at every reference, as JSON would write
    /// them, and would otherwise take time and memory exponential in their
    /// depth.
    pub const MAX_VALUES: usize = MAX_INPUT_BYTES / 2;

    /// A walk starting at the top of the value.
    pub fn new() -> Self {
        NativeReader {
            path: Vec::new(),
            within: Vec::new(),
            left: Self::MAX_VALUES,
        }
    }

    /// Counts one more value.
    ///
    /// # Errors
    /// `too-many-entries` for the whole input past [`Self::MAX_VALUES`].
    pub fn count(&mut self) -> Result<(), Error> {
        if self.left == 0 {
            return Err(LimitError::TooManyEntries {
                path: String::new(),
                count: Self::MAX_VALUES + 1,
                max: Self::MAX_VALUES,
            }
            .into());
        }
        self.left -= 1;
        Ok(())
    }

    /// Enters a container (an array or object) identified by `id` (its
    /// address): `true` to read its entries, then [`leave`](Self::leave) it;
    /// `false` past the nesting limit, where it is read as empty (only its
    /// shape matters there: kam-core's limit check refuses it, with its own
    /// path).
    ///
    /// # Errors
    /// `too-deep` for a container met again inside itself, which would nest
    /// without end, at the path that repeats the cycle down to the limit.
    pub fn enter(&mut self, id: Id) -> Result<bool, Error> {
        if self.path.len() > MAX_DEPTH + 1 {
            return Ok(false);
        }
        if let Some(&(_, start)) = self.within.iter().find(|(seen, _)| *seen == id) {
            let cycle = self.path.get(start..).unwrap_or_default();
            let deep: Vec<PathSegment> = self
                .path
                .iter()
                .chain(cycle.iter().cycle())
                .take(MAX_DEPTH)
                .cloned()
                .collect();
            return Err(LimitError::TooDeep {
                path: pointer(&deep),
                max: MAX_DEPTH,
            }
            .into());
        }
        self.within.push((id, self.path.len()));
        Ok(true)
    }

    /// Leaves the container entered last.
    pub fn leave(&mut self) {
        self.within.pop();
    }

    /// Steps into the entry of an object with this key.
    pub fn key(&mut self, key: impl Into<String>) {
        self.path.push(PathSegment::Key(key.into()));
    }

    /// Steps into the entry of an array at this index.
    pub fn index(&mut self, index: usize) {
        self.path.push(PathSegment::Index(index));
    }

    /// Steps back out of the entry stepped into last.
    pub fn pop(&mut self) {
        self.path.pop();
    }

    /// Where the value being read is.
    pub fn path(&self) -> &[PathSegment] {
        &self.path
    }

    /// A float as a JSON number.
    ///
    /// # Errors
    /// [`non_finite_number`] for NaN and the infinities.
    pub fn number(&self, value: f64) -> Result<serde_json::Number, Error> {
        serde_json::Number::from_f64(value).ok_or_else(|| non_finite_number(&self.path, value))
    }

    /// The error for a value of a type JSON has no form for, described in
    /// the caller's language: e.g. "a Python `set`", "a `BigInt`".
    pub fn unsupported(&self, what: &str) -> Error {
        invalid(&self.path, format!("{what} has no JSON equivalent"))
    }

    /// The error for an object key that is not a string.
    pub fn key_not_a_string(&self, key: &str) -> Error {
        invalid(&self.path, format!("key `{key}` is not a string"))
    }
}

/// A native value that does not fit, at its path.
fn invalid(path: &[PathSegment], message: String) -> Error {
    InputError::InvalidInput {
        path: pointer(path),
        message,
    }
    .into()
}

/// The error for a native number that JSON cannot hold: NaN or an infinity
/// in a Python or JavaScript value (JSON text cannot contain them at all).
/// The value is spelt as JavaScript and JSON5 spell it: `NaN`, `Infinity`,
/// `-Infinity`.
pub fn non_finite_number(path: &[PathSegment], value: f64) -> Error {
    let spelt = if value.is_nan() {
        "NaN"
    } else if value > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    };
    invalid(path, format!("`{spelt}` is not a JSON number"))
}

/// The error for a native integer too large for any JSON number kam reads
/// (beyond ±1.8 × 10³⁰⁸, the range of a 64-bit float, e.g. Python's
/// `10**400`): the parser's own words for such a literal.
pub fn number_out_of_range(path: &[PathSegment]) -> Error {
    invalid(path, "number out of range".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_json_cannot_hold_name_their_place() {
        let path = [
            PathSegment::Key("customers".into()),
            PathSegment::Index(0),
            PathSegment::Key("value".into()),
        ];
        for (value, spelt) in [
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
        ] {
            let err = non_finite_number(&path, value);
            assert_eq!(err.kind(), "invalid-input");
            assert_eq!(
                err.to_string(),
                format!("invalid input at `/customers/0/value`: `{spelt}` is not a JSON number")
            );
        }
        assert_eq!(
            number_out_of_range(&[]).to_string(),
            "invalid input at the top level: number out of range"
        );
    }

    #[test]
    fn a_cycle_is_too_deep_at_the_path_that_repeats_it() {
        let mut reader = NativeReader::new();
        assert!(reader.enter(1).unwrap());
        reader.key("context");
        let err = reader.enter(1).unwrap_err();
        assert_eq!(err.kind(), "too-deep");
        assert_eq!(err.path().unwrap(), "/context".repeat(MAX_DEPTH));
    }

    #[test]
    fn past_the_depth_limit_only_the_shape_is_read() {
        let mut reader = NativeReader::new();
        for depth in 0..=MAX_DEPTH + 1 {
            assert!(reader.enter(depth).unwrap());
            reader.index(0);
        }
        assert!(!reader.enter(usize::MAX).unwrap());
    }

    #[test]
    fn values_are_counted_to_the_cap() {
        let mut reader = NativeReader::<()>::new();
        reader.left = 1;
        reader.count().unwrap();
        let err = reader.count().unwrap_err();
        assert_eq!(err.kind(), "too-many-entries");
        assert_eq!(
            err.to_string(),
            format!(
                "the input has more than {} entries",
                NativeReader::<()>::MAX_VALUES
            )
        );
    }
}
