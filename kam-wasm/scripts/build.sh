#!/usr/bin/env bash
# Builds the npm package in kam-wasm/pkg/: the release WebAssembly module
# (optimised for size with wasm-opt), its ES-module glue and TypeScript
# declarations from wasm-bindgen, the custom elements, and package.json.
#
# Needs the wasm32-unknown-unknown target, wasm-bindgen-cli of the version in
# Cargo.lock and `npm ci` in kam-wasm/ (scripts/test-wasm.sh sets all up).
#
#   kam-wasm/scripts/build.sh          release build, optimised for size
#                                      (the wasm-release profile of Cargo.toml)
#   kam-wasm/scripts/build.sh --dev    quick unoptimised build for development
set -euo pipefail
cd "$(dirname "$0")/../.."
profile=wasm-release
[[ "${1:-}" == "--dev" ]] && profile=dev

target_dir=$(cargo metadata --format-version 1 --no-deps |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
[[ $profile == dev ]] && dir=debug || dir=$profile

out=kam-wasm/pkg
rm -rf "$out"
mkdir -p "$out"
# Three modules: the engine (`kam`, what the calculators need), the
# analyses (`kam/analysis`) and the spreadsheets (`kam/spreadsheet`), so a
# page loads only what it uses.
for module in engine:kam analysis:analysis spreadsheet:spreadsheet; do
  feature=${module%%:*}
  name=${module##*:}
  cargo build -p kam-wasm --profile "$profile" --target wasm32-unknown-unknown \
    --no-default-features --features "$feature"
  wasm-bindgen --target web --out-dir "$out" --out-name "$name" \
    "$target_dir/wasm32-unknown-unknown/$dir/kam_wasm.wasm"
  # The optimiser of npm's binaryen: Debian's produces broken modules here.
  # The engine, which every calculator page downloads, with `-Os`, then
  # flattened and its control flow rebuilt (`--flatten --rereloop`), then
  # `-Os` to a fixed point: larger than `-Oz` raw but smaller gzipped, which
  # is what is sent (docs/performance.md). A Rust module's first 1 KB of
  # memory is the far end of its 1 MB stack (`__stack_pointer` starts at
  # 1 MB and the stack grows down), never reached, so `--low-memory-unused`
  # lets the optimiser fold offsets into loads and stores. The on-demand
  # modules keep `-Oz`.
  opt=(-Oz)
  [[ $name == kam ]] && opt=(-Os --flatten --rereloop -Os --converge --low-memory-unused)
  if [[ $profile != dev ]]; then
    kam-wasm/node_modules/.bin/wasm-opt "${opt[@]}" --strip-debug --strip-producers \
      "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
    node kam-wasm/scripts/minify.mjs "$out/$name.js"
  fi
done
cp kam-wasm/js/*.js "$out/"
cp kam-wasm/js/*.d.ts "$out/"
# The elements' database wrapper: the `idb` package's one ES module, shipped
# as is with its ISC licence on top, so the elements load in a plain
# <script type="module"> page without a bundler.
idb=kam-wasm/node_modules/idb
{
  echo "/*! idb $(node -p "require('./$idb/package.json').version") (the npm package idb, by Jake Archibald), shipped unchanged under its licence:"
  sed 's/^/ * /' "$idb/LICENSE"
  echo " */"
  cat "$idb/build/index.js"
} >"$out/idb.js"
# The Custom Elements Manifest, generated from the JSDoc of the sources.
(cd kam-wasm && node_modules/.bin/custom-elements-manifest analyze --config scripts/cem.config.mjs --quiet)
node kam-wasm/scripts/package-json.mjs >"$out/package.json"
cp kam-wasm/README.md "$out/README.md"
echo "built $out: $(du -b "$out/kam_bg.wasm" | cut -f1) + $(du -b "$out/analysis_bg.wasm" | cut -f1) + $(du -b "$out/spreadsheet_bg.wasm" | cut -f1) bytes of WebAssembly"
