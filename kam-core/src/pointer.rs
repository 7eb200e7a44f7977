//! JSON Pointers (RFC 6901): the one way kam writes where in a document
//! something is, in [`crate::Error::path`] and in every message, e.g.
//! `/scores/A1.1` or `/customers/0/value`; the empty pointer is the whole
//! document.

use std::borrow::Cow;

/// One step into a JSON document: an object's key or an array's index
/// (from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// A key of an object.
    Key(String),
    /// A position in an array, from 0.
    Index(usize),
}

/// A key as one step of a pointer: `~` written `~0` and `/` written `~1`,
/// so a key holding either stays unambiguous (`A/1` → `A~11`).
pub fn key(key: &str) -> Cow<'_, str> {
    if key.contains(['~', '/']) {
        Cow::Owned(key.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(key)
    }
}

/// The pointer of a path, e.g. `/customers/0/value`; the empty string for
/// the whole document.
pub fn pointer(segments: &[PathSegment]) -> String {
    let mut out = String::new();
    for segment in segments {
        out.push('/');
        match segment {
            PathSegment::Key(k) => out.push_str(&key(k)),
            PathSegment::Index(index) => out.push_str(&index.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_with_slashes_and_tildes_stay_unambiguous() {
        assert_eq!(key("A1.1"), "A1.1");
        assert_eq!(key("A/1"), "A~11");
        assert_eq!(key("a~b"), "a~0b");
        assert_eq!(key("~/"), "~0~1");
    }

    #[test]
    fn paths_become_pointers() {
        use PathSegment::{Index, Key};
        assert_eq!(pointer(&[]), "");
        assert_eq!(
            pointer(&[Key("customers".into()), Index(0), Key("value".into())]),
            "/customers/0/value"
        );
        assert_eq!(
            pointer(&[Key("scores".into()), Key("A.1/2".into())]),
            "/scores/A.1~12"
        );
    }
}
