// <kam-audit> inside a React 19 app built with Vite (and its React plugin):
// React renders the element, listens to `kam-ready` and `kam-change` through
// its own custom-element event props, and shows the score of the fresh
// report. The app resolves `kam` as an installed package would
// (node_modules/kam links to kam-wasm/pkg); the build goes to dist/ (ignored).
//
// CHROMIUM=/path/to/chromium overrides the browser (tests/chromium.mjs).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";

import react from "@vitejs/plugin-react";
import { chromium } from "playwright-core";

import * as kam from "../../pkg/node.js";
import { serve } from "../../scripts/serve.mjs";
import { buildApp, chromiumOptions, collectErrors } from "../chromium.mjs";

const DIST = "/tests/react/dist/";

let server;
let browser;
let page;
let output;
const pageErrors = [];

before(async () => {
  output = await buildApp(new URL("./", import.meta.url), [react()]);
  server = await serve(0);
  browser = await chromium.launch(chromiumOptions);
  page = await browser.newPage();
  collectErrors(page, pageErrors);
  await page.goto(`http://127.0.0.1:${server.address().port}${DIST}`);
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("Vite builds the React app with the package", () => {
  const files = output.output.map((chunk) => chunk.fileName);
  assert.ok(files.some((f) => /^assets\/kam_bg-[\w-]+\.wasm$/.test(f)), files.join(", "));
});

test("React mounts <kam-audit> and reads kam-ready and kam-change", async () => {
  await page.waitForFunction(() => document.querySelector("#ready")?.textContent === "yes", null, { timeout: 10000 });
  assert.equal(await page.locator("#overall").textContent(), "0 / 387");
  await page.locator('kam-audit [data-item="A1.1"] input[value="3"]').click();
  await page.locator('kam-audit [data-item="A1.2"] input[value="2"]').click();
  await page.waitForFunction(() => document.querySelector("#changes")?.textContent === "2", null, { timeout: 5000 });
  const expected = kam.score({ framework: "cranfield-kam-development", framework_version: "2006.2", scores: { "A1.1": 3, "A1.2": 2 } }).overall;
  assert.equal(await page.locator("#overall").textContent(), `${expected.score} / ${expected.max}`);
  assert.equal(await page.locator('kam-audit [data-total="overall"]').textContent(), `${expected.score} / ${expected.max} (${expected.percent.toFixed(1)}%)`);
  assert.deepEqual(pageErrors, []);
});
