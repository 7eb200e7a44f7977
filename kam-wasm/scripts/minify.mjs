// Minifies a module's JavaScript glue from wasm-bindgen in place: the glue
// is sent with every page that loads the module, and its JSDoc comments (the
// Rust docs, which the .d.ts files keep for editors) were half its gzipped
// size. Exported names are kept; the minifier is rolldown's (the one Vite
// uses), pinned in package.json.
//
//   node kam-wasm/scripts/minify.mjs kam-wasm/pkg/kam.js

import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { minify } from "rolldown/experimental";

for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, "utf8");
  const { code, errors } = await minify(basename(file), source, { compress: true, mangle: true });
  if (errors?.length) {
    console.error(`${file}: ${errors.map((e) => e.message).join("; ")}`);
    process.exit(1);
  }
  writeFileSync(file, code);
}
