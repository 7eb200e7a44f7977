// Times the JavaScript API in Node on the bundled Northwind example: the
// median of several rounds, so a busy machine shows as spread, not as a
// slower median. Run after a release build (kam-wasm/scripts/build.sh):
//
//   node kam-wasm/scripts/bench.mjs

import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

import * as kam from "../pkg/node.js";

const text = readFileSync(new URL("../../kam-core/examples/data/northwind-audit.json", import.meta.url), "utf8");
const object = JSON.parse(text);
const report = kam.score(object);

function bench(name, f, n = 2000, rounds = 9) {
  for (let i = 0; i < n / 10; i++) f();
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < n; i++) f();
    times.push(((performance.now() - start) / n) * 1000);
  }
  times.sort((a, b) => a - b);
  const median = times[rounds >> 1].toFixed(1);
  console.log(`| ${name} | ${median} µs | ${times[0].toFixed(1)}–${times[rounds - 1].toFixed(1)} µs |`);
}

console.log("| operation | median | range of rounds |\n| --- | --- | --- |");
bench("`score(object)`", () => kam.score(object));
bench("`score(text)`", () => kam.score(text));
bench("`figure3(report)`", () => kam.figure3(report), 500);
bench("`auditHtml(report)`", () => kam.auditHtml(report), 200);
