#!/usr/bin/env bash
# The JavaScript part of scripts/test: builds the npm package (kam-wasm/pkg),
# checks its size budget and its TypeScript types, replays the golden vectors
# in Node, and runs the calculators (demo page, no-loss scenarios, axe-core,
# integration) and the package in a Vite app and a React app in headless
# Chromium.
#
# Installs what is missing (the wasm32 target, wasm-bindgen-cli of the version
# in Cargo.lock, npm packages, Debian's chromium) and skips what is there, so
# it works on a fresh machine with CI=true and no stdin, and is quick the
# second time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { echo "--- $*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate.
version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $version" ]]; then
  step "installing wasm-bindgen-cli $version"
  cargo install wasm-bindgen-cli --version "$version"
fi

# npm ci only when node_modules is missing or older than package-lock.json.
lock_hash=$(sha256sum kam-wasm/package-lock.json | cut -d' ' -f1)
stamp=kam-wasm/node_modules/.kam-lock-hash
if [[ ! -f $stamp || "$(cat "$stamp")" != "$lock_hash" ]]; then
  step "npm ci"
  (cd kam-wasm && npm ci --no-audit --no-fund)
  echo "$lock_hash" >"$stamp"
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  step "installing chromium from apt"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver
fi

step "TypeScript types are current with docs/schema (json-schema-to-typescript)"
node kam-wasm/scripts/types.mjs --check

step "building kam-wasm/pkg"
bash kam-wasm/scripts/build.sh

step "size budget"
node kam-wasm/scripts/size.mjs --check

step "TypeScript types (tsc --noEmit)"
(cd kam-wasm && node_modules/.bin/tsc --noEmit -p tsconfig.json)

step "golden vectors in Node"
(cd kam-wasm && node --test --test-reporter=spec tests/vectors.test.mjs tests/spreadsheet.test.mjs tests/package.test.mjs)

# One browser per file, one file at a time (CI has two cores).
step "the calculators in headless Chromium: demo page, nothing lost, accessibility, integration, checklists, spreadsheets, the programme page"
(cd kam-wasm && CHROMIUM="$(command -v chromium)" node --test --test-concurrency=1 --test-reporter=spec \
  tests/browser.test.mjs tests/no-loss.test.mjs tests/a11y.test.mjs tests/integration.test.mjs tests/checklist.test.mjs \
  tests/spreadsheet-page.test.mjs tests/programme.test.mjs)

step "the package through bundlers in headless Chromium: a Vite app and a React 19 app"
(cd kam-wasm && CHROMIUM="$(command -v chromium)" node --test --test-concurrency=1 --test-reporter=spec \
  tests/bundler/bundler.test.mjs tests/react/react.test.mjs)
