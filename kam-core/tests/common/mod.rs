//! The workspace's shared test data (`tests/vectors/`, `tests/cross-language/`,
//! the top-level README) lives beside the crate, not in it: these tests run
//! inside the kam workspace and skip in a copy of the published package.

use std::path::{Path, PathBuf};

/// `relative` (a path from the workspace root), or `None` when the crate
/// was unpacked from its published package, where the workspace is absent.
/// Inside the workspace a missing path is a failure, not a skip, so
/// deleting the data cannot make a test pass.
pub fn workspace_path(relative: &str) -> Option<PathBuf> {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    // `cargo package` keeps the original manifest under this name.
    if crate_dir.join("Cargo.toml.orig").exists() {
        eprintln!("skipped: `{relative}` belongs to the kam workspace, not to this package");
        return None;
    }
    let path = crate_dir.join("..").join(relative);
    assert!(path.exists(), "`{}` is missing", path.display());
    Some(path)
}
