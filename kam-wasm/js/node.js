// The entry point for Node: loads the WebAssembly module from the package
// directory synchronously, so `import { score } from "kam"` works at once.
// `await init()` is still accepted (and does nothing), so code written for the
// browser runs unchanged.

import { readFileSync } from "node:fs";
import { initSync } from "./kam.js";

initSync({ module: readFileSync(new URL("./kam_bg.wasm", import.meta.url)) });

export * from "./kam.js";
export { default } from "./kam.js";
