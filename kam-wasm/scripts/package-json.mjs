// Prints pkg/package.json for the npm package `kam`, with the workspace's
// version, so the JS package and the crates are versioned together.

import { readFileSync } from "node:fs";

const cargo = readFileSync(new URL("../../Cargo.toml", import.meta.url), "utf8");
const workspace = cargo.split("[workspace.package]")[1] ?? "";
const field = (name) => workspace.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, "m"))?.[1];

const manifest = {
  name: "kam",
  version: field("version"),
  description:
    "Key Account Management (KAM) assessment in the browser and Node: the kam engine compiled to WebAssembly, with embeddable audit and maturity calculators",
  license: field("license"),
  repository: field("repository"),
  type: "module",
  main: "./kam.js",
  types: "./kam.d.ts",
  exports: {
    ".": {
      types: "./kam.d.ts",
      node: "./node.js",
      default: "./kam.js",
    },
    "./analysis": {
      types: "./analysis.d.ts",
      node: "./node-analysis.js",
      default: "./analysis.js",
    },
    "./spreadsheet": {
      types: "./spreadsheet.d.ts",
      node: "./node-spreadsheet.js",
      default: "./spreadsheet.js",
    },
    "./elements": {
      types: "./elements.d.ts",
      default: "./elements.js",
    },
    "./custom-elements.json": "./custom-elements.json",
    "./kam_bg.wasm": "./kam_bg.wasm",
    "./analysis_bg.wasm": "./analysis_bg.wasm",
    "./spreadsheet_bg.wasm": "./spreadsheet_bg.wasm",
  },
  files: [
    "kam.js",
    "kam.d.ts",
    "kam_bg.wasm",
    "kam_bg.wasm.d.ts",
    "node.js",
    "analysis.js",
    "analysis.d.ts",
    "analysis_bg.wasm",
    "analysis_bg.wasm.d.ts",
    "node-analysis.js",
    "spreadsheet.js",
    "spreadsheet.d.ts",
    "spreadsheet_bg.wasm",
    "spreadsheet_bg.wasm.d.ts",
    "node-spreadsheet.js",
    "elements.js",
    "elements.d.ts",
    "kam-audit.js",
    "kam-maturity.js",
    "kam-programme.js",
    "programme-worker.js",
    "calculator.js",
    "common.js",
    "store.js",
    "style.js",
    "idb.js",
    "custom-elements.json",
    "README.md",
  ],
  sideEffects: ["./elements.js", "./kam-audit.js", "./kam-maturity.js", "./kam-programme.js"],
  customElements: "custom-elements.json",
  keywords: ["key-account-management", "kam", "assessment", "webassembly", "custom-element"],
};

console.log(JSON.stringify(manifest, null, 2));
