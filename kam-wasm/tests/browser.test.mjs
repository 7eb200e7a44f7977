// End-to-end test of the demo page in real headless Chromium (Debian's
// chromium, driven by playwright-core), served on 127.0.0.1: score items with
// the mouse and the keyboard, check the totals shown against kam-core (the
// same package in Node), reload, import and export a file, reject bad files
// and a corrupted localStorage entry, and export the cross-language fixture. Leaves a screenshot in tests/artifacts/.
//
// CHROMIUM=/path/to/chromium overrides the browser (tests/chromium.mjs).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

import * as kam from "../pkg/node.js";
import { serve } from "../scripts/serve.mjs";
import { chromiumOptions, collectErrors, inStore, shown, until, untilOverallShows } from "./chromium.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const artifacts = here("./artifacts/");
const fixture = here("./fixtures/northwind-audit.json");
// The calculator's export that Rust, Python and JavaScript score to the same
// report text (tests/cross-language/README.md). KAM_BLESS=1 rewrites it.
const crossLanguage = here("../../tests/cross-language/calculator-export.json");
const FRAMEWORK = kam.framework("cranfield-kam-development");
const AUDIT_KEY = "kam:kam-audit:cranfield-kam-development";

let server;
let context;
let page;
let base;
let profile;
const pageErrors = [];

before(async () => {
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  profile = mkdtempSync(join(tmpdir(), "kam-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    ...chromiumOptions,
    acceptDownloads: true,
    viewport: { width: 1200, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  collectErrors(page, pageErrors);
  page.on("dialog", (dialog) => dialog.accept());
  await open();
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function open() {
  await page.goto(`${base}/www/`);
  await ready();
}

/** Waits until both calculators have loaded their saved work. */
async function ready() {
  await page.evaluate(async () => {
    for (const tag of ["kam-audit", "kam-maturity"]) {
      await customElements.whenDefined(tag);
      await document.querySelector(tag).ready;
    }
  });
}

/** The assessment <kam-audit> has saved in the browser's database, once its bar says "Saved". */
async function savedAssessment() {
  await until(page, "kam-audit", (e) => e.shadowRoot.querySelector("[data-save]").dataset.save === "saved", "the audit saved");
  return (await inStore(page, (db, key) => db.get("assessments", key), AUDIT_KEY)).assessment;
}

const text = (selector) => page.locator(selector).first().textContent();

/** The text of `selector` once it equals `expected` (or, after 5 s, whatever it is). */
async function settledText(selector, expected) {
  const deadline = Date.now() + 5000;
  let current = await text(selector);
  while (current !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    current = await text(selector);
  }
  return current;
}

/** Checks the overall, phase and period totals on the page against kam-core's report. */
async function expectTotals(assessment) {
  const report = kam.score(assessment);
  // Imports read the file asynchronously: wait until the page has caught up.
  await untilOverallShows(page, report.overall);
  assert.equal(await text('kam-audit [data-total="overall"]'), shown(report.overall));
  for (const phase of report.phases) {
    assert.equal(await text(`kam-audit [data-phase="${phase.id}"]`), shown(phase));
    for (const period of phase.periods) {
      const label = await text(`kam-audit [data-period="${period.id}"]`);
      assert.ok(label.startsWith(shown(period)), `${period.id}: ${label} vs ${shown(period)}`);
    }
  }
  const actions = await page.locator("kam-audit [data-next]").evaluateAll((nodes) => nodes.map((n) => n.dataset.next));
  assert.deepEqual(actions, report.next_actions.map((a) => a.id));
  return report;
}

const radio = (item, value) => page.locator(`kam-audit [data-item="${item}"] input[value="${value}"]`);

test("the page loads the engine and shows an empty audit", async () => {
  assert.equal(await page.locator("kam-audit fieldset.item").count(), FRAMEWORK.items.length);
  await expectTotals({ framework: FRAMEWORK.id, framework_version: FRAMEWORK.version, scores: {} });
});

test("scores given with clicks and keys update the totals as kam-core computes them", async () => {
  await radio("A1.1", "3").click();
  await radio("A1.3", "1").click();
  // Keyboard: focus the item's radio group and move along the scale with the arrow keys.
  await radio("A1.2", "").focus();
  await page.keyboard.press("ArrowRight"); // 0
  await page.keyboard.press("ArrowRight"); // 1
  await page.keyboard.press("ArrowRight"); // 2
  await radio("B1.1", "").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight"); // 3
  await page.keyboard.press("ArrowLeft"); // back to 2
  assert.equal(await radio("A1.2", "2").isChecked(), true);
  assert.equal(await radio("B1.1", "2").isChecked(), true);
  const scores = { "A1.1": 3, "A1.2": 2, "A1.3": 1, "B1.1": 2 };
  const report = await expectTotals({ framework: FRAMEWORK.id, framework_version: FRAMEWORK.version, scores });
  assert.equal(report.overall.score, 8);
  // The accessible name of a choice carries the framework's scale label.
  const label = FRAMEWORK.scale.labels.find((l) => l.value === 2).label;
  assert.ok((await radio("A1.2", "2").locator("..").textContent()).includes(label));
  // Evidence notes are part of the assessment.
  await page.locator('kam-audit [data-item="A1.1"] details.evidence summary').click();
  await page.locator('kam-audit textarea[data-evidence="A1.1"]').fill("Lost the Halden contract.");
  const saved = await savedAssessment();
  assert.deepEqual(saved.scores, scores);
  assert.deepEqual(saved.evidence, { "A1.1": "Lost the Halden contract." });
});

test("a reload loses nothing", async () => {
  await page.locator('kam-audit input[data-context="organisation"]').fill("Contoso");
  await savedAssessment();
  await page.reload();
  await ready();
  assert.equal(await radio("A1.1", "3").isChecked(), true);
  assert.equal(await radio("B1.1", "2").isChecked(), true);
  assert.equal(await page.locator('kam-audit textarea[data-evidence="A1.1"]').inputValue(), "Lost the Halden contract.");
  assert.equal(await page.locator('kam-audit input[data-context="organisation"]').inputValue(), "Contoso");
  await expectTotals({
    framework: FRAMEWORK.id,
    framework_version: FRAMEWORK.version,
    scores: { "A1.1": 3, "A1.2": 2, "A1.3": 1, "B1.1": 2 },
  });
});

test("an imported file is scored as kam-core scores it and exports byte for byte the same", async () => {
  await page.locator('kam-audit input[data-action="import-file"]').setInputFiles(fixture);
  const original = readFileSync(fixture, "utf8");
  await expectTotals(original);
  assert.equal(await page.locator('kam-audit input[data-context="organisation"]').inputValue(), "Northwind Components");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('kam-audit button[data-action="export"]').click(),
  ]);
  assert.equal(download.suggestedFilename(), "northwind-components-europe-2026-03-31.json");
  const exported = readFileSync(await download.path(), "utf8");
  assert.equal(exported, original);
});

test("bad files show kam-core's message and change nothing", async () => {
  const before = await text('kam-audit [data-total="overall"]');
  const cases = [
    ["malformed.json", '{"framework": "cranfield-kam-development", "scores": {"A1.1": 3,}}'],
    ["foreign.json", '{"name": "something else", "items": [1, 2, 3]}'],
    ["maturity.json", '{"framework": "kam-maturity-model", "framework_version": "1.0", "stages": {"process": 2}}'],
    ["old-version.json", '{"framework": "cranfield-kam-development", "framework_version": "1999.1", "scores": {"A1.1": 3}}'],
    ["out-of-range.json", '{"framework": "cranfield-kam-development", "framework_version": "2006.2", "scores": {"A1.1": 7}}'],
  ];
  for (const [name, content] of cases) {
    let expected;
    try {
      kam.scoreWith(FRAMEWORK, content);
    } catch (error) {
      expected = error.message;
    }
    assert.ok(expected, `${name} should be rejected by kam-core`);
    await page.locator('kam-audit input[data-action="import-file"]').setInputFiles({
      name,
      mimeType: "application/json",
      buffer: Buffer.from(content),
    });
    const message = page.locator("kam-audit .message.error");
    const wanted = `${name} was not imported, nothing changed: ${expected}`;
    assert.equal(await settledText("kam-audit .message.error .text", wanted), wanted);
    assert.equal(await message.getAttribute("role"), "alert");
    assert.equal(await text('kam-audit [data-total="overall"]'), before);
  }
  assert.deepEqual(await savedAssessment(), JSON.parse(readFileSync(fixture, "utf8")));
});

test("the maturity calculator reads stages as kam-core does", async () => {
  const model = kam.framework("kam-maturity-model");
  const [first, second] = model.areas;
  await page.locator(`kam-maturity [data-area="${first.id}"] input[value="2"]`).click();
  await page.locator(`kam-maturity [data-area="${second.id}"] input[value=""]`).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight"); // stage 3
  const report = kam.scoreMaturity({
    framework: model.id,
    framework_version: model.version,
    stages: { [first.id]: 2, [second.id]: 3 },
  });
  assert.equal(await text('kam-maturity [data-total="mean"]'), report.mean_stage.toFixed(1));
  assert.equal(await page.locator("kam-maturity [data-weakest]").getAttribute("data-weakest"), String(report.weakest_link.stage));
  if (typeof kam.maturityRadar === "function") {
    assert.equal(await page.locator('kam-maturity [data-chart="radar"] svg').count(), 1);
  }
});

test("the charts come from kam-core and a screenshot is kept", async () => {
  await page.locator('kam-audit input[data-action="import-file"]').setInputFiles(fixture);
  for (const chart of ["figure3", "figure4"]) {
    if (typeof kam[chart] === "function") {
      assert.equal(await page.locator(`kam-audit [data-chart="${chart}"] svg`).count(), 1, chart);
    }
  }
  // The HTML report is kam-core's, for the assessment on the page.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('kam-audit button[data-action="save-report"]').click(),
  ]);
  const html = readFileSync(await download.path(), "utf8");
  const northwind = readFileSync(fixture, "utf8");
  assert.equal(html, kam.auditHtml(kam.score(northwind), northwind));
  // With the evidence notes, item by item.
  const notes = Object.entries(JSON.parse(northwind).evidence ?? {});
  assert.ok(notes.length > 0, "the fixture has notes");
  assert.ok(html.includes("<h2>Evidence notes</h2>"));
  for (const [id] of notes) assert.ok(html.includes(`<h3>${id} `), id);
  // Printing loads the same report into a hidden, script-less frame.
  await page.locator('kam-audit button[data-action="print-report"]').click();
  const frame = page.frameLocator("iframe[data-print]");
  await frame.locator("body").waitFor({ state: "attached" });
  assert.equal(await page.locator("iframe[data-print]").getAttribute("srcdoc"), html);
  mkdirSync(artifacts, { recursive: true });
  await page.locator("kam-audit .summary").scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(artifacts, "demo.png") });
  await page.screenshot({ path: join(artifacts, "demo-full.png"), fullPage: true });
  await page.locator("kam-audit details.period").first().screenshot({ path: join(artifacts, "checklist.png") });
  await page.locator("kam-maturity .summary").screenshot({ path: join(artifacts, "maturity.png") });
  await page.locator("kam-maturity fieldset.area").first().screenshot({ path: join(artifacts, "maturity-area.png") });
  assert.deepEqual(pageErrors, []);
});

test("an assessment made on the page exports as tests/cross-language/calculator-export.json", async () => {
  await page.locator('kam-audit button[data-action="clear"]').click();
  await expectTotals({ framework: FRAMEWORK.id, framework_version: FRAMEWORK.version, scores: {} });
  const context = {
    organisation: "Müller & Søn Maschinenbau GmbH",
    unit: "Österreich – Wien",
    assessor: "Zoë Ångström (KAM-Büro)",
    date: "2026-04-15",
  };
  for (const [field, value] of Object.entries(context)) {
    await page.locator(`kam-audit input[data-context="${field}"]`).fill(value);
  }
  const scores = { "A1.1": 3, "A1.2": 2, "A2.1": 1, "B1.1": 0, "C1.1": 3, "D1.1": 1 };
  for (const [item, value] of Object.entries(scores)) await radio(item, String(value)).click();
  const evidence = {
    "A1.1": "Rahmenvertrag über 2 Mio. € verloren — „Kündigung zum 31.12.“\nÉquipe à Zürich, 東京の窓口 👍",
    "C1.1": 'Joint plan "KAM-2026" signed; see \\\\share\\kam\tv2 — ½ done ✓',
  };
  for (const [item, note] of Object.entries(evidence)) {
    await page.locator(`kam-audit [data-item="${item}"] details.evidence summary`).click();
    await page.locator(`kam-audit textarea[data-evidence="${item}"]`).fill(note);
  }
  await expectTotals({ framework: FRAMEWORK.id, framework_version: FRAMEWORK.version, context, scores, evidence });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('kam-audit button[data-action="export"]').click(),
  ]);
  const exported = readFileSync(await download.path(), "utf8");
  assert.deepEqual(JSON.parse(exported), {
    framework: FRAMEWORK.id,
    framework_version: FRAMEWORK.version,
    context,
    scores,
    evidence,
  });
  if (process.env.KAM_BLESS) writeFileSync(crossLanguage, exported);
  assert.equal(exported, readFileSync(crossLanguage, "utf8"), "rerun with KAM_BLESS=1 and commit the export");
  assert.deepEqual(pageErrors, []);
});
