// The package through a bundler: builds the little app of this directory
// (index.html + main.js, which imports `kam` and `kam/elements` by name) with
// Vite, serves the output on 127.0.0.1 and checks in headless Chromium that
// it scores the Northwind example as kam-core does and shows <kam-audit>.
//
// The app resolves `kam` as a user's app would after
// `npm install path/to/kam-wasm/pkg`: node_modules/kam links to kam-wasm/pkg.
// The build goes to tests/bundler/dist/ (ignored).
//
// CHROMIUM=/path/to/chromium overrides the browser (tests/chromium.mjs).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

import * as kam from "../../pkg/node.js";
import { serve } from "../../scripts/serve.mjs";
import { buildApp, chromiumOptions, collectErrors, untilOverallShows } from "../chromium.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const northwind = readFileSync(here("../../../kam-core/examples/data/northwind-audit.json"), "utf8");
const DIST = "/tests/bundler/dist/";

let server;
let browser;
let page;
let base;
let output;
const requests = [];
const pageErrors = [];

before(async () => {
  output = await buildApp(new URL("./", import.meta.url));
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch(chromiumOptions);
  page = await browser.newPage();
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  collectErrors(page, pageErrors);
  await page.goto(`${base}${DIST}`);
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("Vite bundles the engine's JavaScript and emits its .wasm as an asset", () => {
  const files = output.output.map((chunk) => chunk.fileName);
  assert.ok(files.includes("index.html"), files.join(", "));
  assert.ok(files.some((f) => /^assets\/kam_bg-[\w-]+\.wasm$/.test(f)), files.join(", "));
  assert.ok(files.some((f) => /^assets\/index-[\w-]+\.js$/.test(f)), files.join(", "));
});

test("the bundled page scores Northwind as kam-core does", async () => {
  const overall = page.locator("#overall");
  await page.waitForFunction(() => document.querySelector("#overall")?.textContent !== "…", null, { timeout: 10000 });
  assert.equal(await page.locator("#error").textContent(), "");
  const expected = kam.score(northwind).overall;
  assert.equal(`${expected.score} / ${expected.max}`, "126 / 387");
  assert.equal(await overall.textContent(), "126 / 387");
});

test("the bundled <kam-audit> shows the same totals", async () => {
  const report = kam.score(northwind);
  const total = page.locator('kam-audit [data-total="overall"]');
  await total.waitFor({ timeout: 10000 });
  await untilOverallShows(page, report.overall);
  assert.equal(await total.textContent(), "126 / 387 (32.6%)");
  assert.equal(await page.locator("kam-audit fieldset.item").count(), kam.framework("cranfield-kam-development").items.length);
});

test("everything came from the build output", () => {
  assert.ok(requests.some((p) => p.startsWith(`${DIST}assets/`) && p.endsWith(".wasm")), requests.join(", "));
  const outside = requests.filter((p) => !p.startsWith(DIST));
  assert.deepEqual(outside, []);
  assert.deepEqual(pageErrors, []);
});
