#!/usr/bin/env bash
# Rust: formatting, lints, docs, the core's independence from bindings, and tests.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet
# The minimal feature set (what a scoring service builds) stays clean too.
cargo clippy -p kam-engine --no-default-features --all-targets -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc -p kam-engine --no-default-features --no-deps --quiet
# The declared rust-version is true: clippy's incompatible_msrv lint (on by
# default, above) finds no newer standard API in any target, and the library
# with every feature, what a dependent compiles, builds on that toolchain,
# in a target directory of its own.
msrv=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml)
rustup toolchain install "$msrv" --profile minimal >/dev/null 2>&1 || true
CARGO_TARGET_DIR=target/msrv cargo "+$msrv" check -p kam-engine --lib --all-features --quiet
# kam-core must stay pure: no binding crate in its dependency tree.
if cargo tree -p kam-engine -e normal | grep -Eq '(pyo3|wasm-bindgen|js-sys) v'; then
  echo "kam-core depends on a binding crate" >&2
  exit 1
fi
# LibreOffice recalculates kam's workbooks in the formula-parity test
# (kam-core/src/spreadsheet/parity.rs), which must not be skipped here.
if ! command -v soffice >/dev/null; then
  echo "--- installing libreoffice-calc-nogui from apt"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui
fi
KAM_REQUIRE_LIBREOFFICE=1 cargo test -p kam-engine
cargo test -p kam-engine --no-default-features --quiet
# Publishable: the package builds from its own files (verification), and
# the registry would take it (the dry run skips a second, identical
# verification build). The golden vectors stay in the workspace.
cargo package -p kam-engine --allow-dirty --quiet
cargo publish -p kam-engine --dry-run --allow-dirty --no-verify --quiet
# The Cranfield data file against the layout of the paper's tables (docs/methodology.md).
python3 scripts/frameworks/cranfield_placement.py --check
# Every quoted framework text against the seeds, where they are (outside the repository).
if [ -n "${KAM_SEEDS:-}" ]; then
  python3 scripts/frameworks/check_quotes.py --seeds "$KAM_SEEDS"
fi
