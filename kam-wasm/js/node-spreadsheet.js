// The entry point of `kam/spreadsheet` for Node: loads the spreadsheet
// module synchronously, like node.js does for the engine.

import { readFileSync } from "node:fs";
import { initSync } from "./spreadsheet.js";

initSync({ module: readFileSync(new URL("./spreadsheet_bg.wasm", import.meta.url)) });

export * from "./spreadsheet.js";
export { default } from "./spreadsheet.js";
