// Minifies a module's JavaScript glue from wasm-bindgen in place: the glue
// is sent with every page that loads the module, and its JSDoc comments (the
// Rust docs, which the .d.ts files keep for editors) were half its gzipped
// size. Exported names are kept; the minifier is rolldown's (the one Vite
// uses), pinned in package.json. One statement stays on each line (0.2 KB
// gzipped), so an uncaught error in Node prints its own line, not the whole
// file; and wasm-bindgen's `@ts-self-types` comment, which tells Deno where
// the types are, is kept on top.
//
//   node kam-wasm/scripts/minify.mjs kam-wasm/pkg/kam.js

import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { minify } from "rolldown/experimental";

for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, "utf8");
  const { code, errors } = await minify(basename(file), source, {
    compress: true,
    mangle: true,
    codegen: { removeWhitespace: false },
  });
  if (errors?.length) {
    console.error(`${file}: ${errors.map((e) => e.message).join("; ")}`);
    process.exit(1);
  }
  const types = source.match(/^\/\* @ts-self-types="[^"]*" \*\/\n/);
  writeFileSync(file, (types ? types[0] : "") + code);
}
