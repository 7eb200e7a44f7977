// The entry point of `kam/analysis` for Node: loads the analyses module
// synchronously, like node.js does for the engine.

import { readFileSync } from "node:fs";
import { initSync } from "./analysis.js";

initSync({ module: readFileSync(new URL("./analysis_bg.wasm", import.meta.url)) });

export * from "./analysis.js";
export { default } from "./analysis.js";
