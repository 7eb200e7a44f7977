//! Where in a document a problem is.

/// One step into a JSON document, as a binding walks a native value: an
/// object's key or an array's index (from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// A key of an object.
    Key(String),
    /// A position in an array, from 0.
    Index(usize),
}

/// Writes a path as every kam message does (as `serde_path_to_error` does for
/// [`super::from_json`] and [`super::from_value`]): keys joined by `.`, indices as `[0]`,
/// `.` for the top, e.g. `customers[0].value`.
pub fn json_path(segments: &[PathSegment]) -> String {
    use std::fmt::Write as _;
    if segments.is_empty() {
        return ".".to_owned();
    }
    let mut path = String::new();
    for segment in segments {
        match segment {
            PathSegment::Key(key) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            // Writing to a `String` cannot fail.
            PathSegment::Index(index) => {
                let _ = write!(path, "[{index}]");
            }
        }
    }
    path
}
