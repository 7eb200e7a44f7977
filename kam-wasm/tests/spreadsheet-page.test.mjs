// The calculators' spreadsheet buttons in real headless Chromium: the demo
// page loads no spreadsheet module until a button needs it; the template
// downloads, is filled by a script (kam-core's recipe builder: the
// template with score and evidence cells typed in), imported, and shows the
// scores kam-core gives in Node; the export reads back as the assessment; a
// workbook kam-core refuses changes nothing and its message names the cell.
// Leaves screenshots of the buttons (desktop and a 390 px phone) in
// tests/artifacts/.
//
// CHROMIUM=/path/to/chromium overrides the browser (tests/chromium.mjs).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

import * as kam from "../pkg/node.js";
import * as sheets from "../pkg/node-spreadsheet.js";
import { serve } from "../scripts/serve.mjs";
import { chromiumOptions, collectErrors, shown, until, untilOverallShows } from "./chromium.mjs";

const artifacts = fileURLToPath(new URL("./artifacts/", import.meta.url));
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ID = "cranfield-kam-development";

let server;
let context;
let page;
let profile;
const pageErrors = [];
const requested = [];

before(async () => {
  server = await serve(0);
  profile = mkdtempSync(join(tmpdir(), "kam-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    ...chromiumOptions,
    acceptDownloads: true,
    viewport: { width: 1200, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  collectErrors(page, pageErrors);
  page.on("dialog", (dialog) => dialog.accept());
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`http://127.0.0.1:${server.address().port}/www/`);
  await page.evaluate(async () => {
    for (const tag of ["kam-audit", "kam-maturity"]) {
      await customElements.whenDefined(tag);
      await document.querySelector(tag).ready;
    }
  });
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Clicks a button of an element and returns the bytes of the file it downloads, and the file's name. */
async function downloadFrom(tag, action) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`${tag} button[data-action="${action}"]`).click()]);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(await download.path())) };
}

/** The Audit sheet row of each item of the template: typed as evidence into every row, then read back by kam-core. */
function rowsOf() {
  const count = kam.framework(ID).items.length;
  const edits = Array.from({ length: count }, (_, i) => ({ set: { cell: `Audit!G${i + 2}`, text: `row ${i + 2}` } }));
  const [read] = sheets.readXlsx(sheets.xlsxFromRecipe({ start: { template: ID }, edits }));
  return Object.fromEntries(Object.entries(read.assessment.evidence).map(([id, text]) => [id, Number(text.slice(4))]));
}

const assessmentOf = (tag) => page.evaluate((tag) => document.querySelector(tag).assessment, tag);

test("no spreadsheet module is loaded until a button needs it", () => {
  assert.ok(requested.some((path) => path.endsWith("/kam_bg.wasm")), "the engine was loaded");
  assert.ok(!requested.some((path) => path.includes("spreadsheet")), `loaded early: ${requested.filter((p) => p.includes("spreadsheet"))}`);
});

test("the template downloads, is filled by a script, imports, and shows kam-core's scores", async () => {
  const template = await downloadFrom("kam-audit", "xlsx-template");
  assert.equal(template.name, `${ID}-template.xlsx`);
  assert.ok(requested.some((path) => path.endsWith("/spreadsheet_bg.wasm")), "the spreadsheet module loaded on the click");
  const [blank] = sheets.readXlsx(template.bytes);
  assert.equal(blank.type, "action-audit");
  assert.deepEqual(blank.assessment.scores, {});

  // An assessor types a score into every other item and evidence into a few.
  const rows = rowsOf();
  const edits = [];
  const scores = {};
  const evidence = {};
  Object.entries(rows).forEach(([id, row], i) => {
    if (i % 2 === 0) {
      scores[id] = i % 4;
      edits.push({ set: { cell: `Audit!F${row}`, number: i % 4 } });
    }
    if (i % 9 === 0) {
      evidence[id] = `minutes ${i} — 北風`;
      edits.push({ set: { cell: `Audit!G${row}`, text: evidence[id] } });
    }
  });
  const filled = sheets.xlsxFromRecipe({ start: { template: ID }, edits });
  await page.locator('kam-audit input[data-action="import-sheet-file"]').setInputFiles({ name: "filled.xlsx", mimeType: XLSX, buffer: Buffer.from(filled) });

  const expected = kam.score({ framework: ID, framework_version: blank.assessment.framework_version, scores });
  await untilOverallShows(page, expected.overall);
  const overall = await page.locator('kam-audit [data-total="overall"]').first().textContent();
  assert.equal(overall, shown(expected.overall));
  const assessment = await assessmentOf("kam-audit");
  assert.deepEqual(assessment.scores, scores);
  assert.deepEqual(assessment.evidence, evidence);
  assert.deepEqual(await page.evaluate(() => document.querySelector("kam-audit").report.periods), expected.periods);

  // Its export reads back as the same assessment.
  const exported = await downloadFrom("kam-audit", "export-xlsx");
  assert.match(exported.name, /\.xlsx$/);
  const [back] = sheets.readXlsx(exported.bytes);
  assert.deepEqual(back.assessment.scores, scores);
  assert.deepEqual(back.assessment.evidence, evidence);
});

test("a workbook kam-core refuses changes nothing and shows its message with the cell", async () => {
  const before = await assessmentOf("kam-audit");
  const bad = sheets.xlsxFromRecipe({ start: { template: ID }, edits: [{ set: { cell: "Audit!F17", text: "abc" } }] });
  await page.locator('kam-audit input[data-action="import-sheet-file"]').setInputFiles({ name: "bad.xlsx", mimeType: XLSX, buffer: Buffer.from(bad) });
  await until(page, "kam-audit", (e) => !e.shadowRoot.querySelector(".message").hidden, "the refusal shown");
  const message = await page.locator("kam-audit .message").first().textContent();
  assert.match(message, /^bad\.xlsx was not imported, nothing changed: `Audit!F17` holds `abc`, not a score/);
  assert.deepEqual(await assessmentOf("kam-audit"), before);

  // A CSV file with a bad score names the row and column, and changes nothing too.
  const csv = "assessment,framework,framework_version,item,score\n1,cranfield-kam-development,2006.2,A1.1,7\n";
  await page.locator('kam-audit input[data-action="import-sheet-file"]').setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await until(page, "kam-audit", (e) => e.shadowRoot.querySelector(".message").textContent.startsWith("bad.csv"), "the CSV refusal shown");
  const csvMessage = await page.locator("kam-audit .message").first().textContent();
  let coreMessage;
  try {
    sheets.readCsv(csv);
  } catch (error) {
    coreMessage = error.message;
  }
  assert.ok(csvMessage.includes(coreMessage), `${csvMessage} does not show kam-core's \`${coreMessage}\``);
  assert.deepEqual(await assessmentOf("kam-audit"), before);
});

test("the maturity calculator downloads its template and exports what it holds", async () => {
  const template = await downloadFrom("kam-maturity", "xlsx-template");
  const [blank] = sheets.readXlsx(template.bytes);
  assert.equal(blank.type, "maturity-model");
  const exported = await downloadFrom("kam-maturity", "export-xlsx");
  const [back] = sheets.readXlsx(exported.bytes);
  const held = await assessmentOf("kam-maturity");
  assert.deepEqual(back.assessment.stages, held.stages);
});

test("screenshots of the buttons, desktop and phone", async () => {
  mkdirSync(artifacts, { recursive: true });
  await page.locator("kam-audit .toolbar").screenshot({ path: join(artifacts, "spreadsheet-buttons.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator("kam-audit .toolbar").scrollIntoViewIfNeeded();
  await page.locator("kam-audit .toolbar").screenshot({ path: join(artifacts, "spreadsheet-buttons-phone.png") });
  await page.setViewportSize({ width: 1200, height: 900 });
  assert.deepEqual(pageErrors, []);
});
