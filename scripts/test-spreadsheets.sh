#!/usr/bin/env bash
# Spreadsheets: the kam-core spreadsheet tests, the spreadsheet golden
# vectors, and the formula parity test, which opens templates and exports in
# headless LibreOffice, recalculates every formula and compares each result
# with kam's. Installs Debian's libreoffice-calc-nogui when LibreOffice is
# missing (needs root and the Debian archive).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v soffice >/dev/null 2>&1; then
  echo "installing libreoffice-calc-nogui (LibreOffice without a display)" >&2
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-calc-nogui
fi
# With KAM_LIBREOFFICE set the parity test runs, or fails; it never skips.
KAM_LIBREOFFICE="$(command -v soffice)" cargo test -p kam-engine --lib spreadsheet -- --nocapture
cargo test -p kam-engine --test spreadsheet_vectors
