// <kam-programme> in headless Chromium (issue 14): many files imported at
// once (a bad one named with kam-core's message), the library listed,
// filtered and sorted, the report and the rounds compared, the programme
// exported and opened again unchanged, nothing lost to a reload, a second
// tab, a full disk or a corrupted record, and axe-core (WCAG 2.2 A and AA)
// with no horizontal scrolling at 320 and 390 px. Screenshots go to
// tests/artifacts/ (programme-desktop, programme-phone-390, programme-dark).
//
// The files are the assessments of tests/vectors/programme-report.json, one
// file each, and one of them as the Excel workbook kam writes.

import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";

import * as spreadsheet from "../pkg/node-spreadsheet.js";
import * as analysis from "../pkg/node-analysis.js";
import { serve } from "../scripts/serve.mjs";
import { axeViolations, collectErrors, diskFull, inStore, personalBrowser, until } from "./chromium.mjs";

const PAGE = "/tests/pages/programme.html";
const KEY = "test:programme";
const VECTOR = JSON.parse(readFileSync(new URL("../../tests/vectors/programme-report.json", import.meta.url), "utf8"));
const PROGRAMME = VECTOR.input;
const ARTIFACTS = new URL("./artifacts/", import.meta.url);

/** The vector's assessments as files: JSON as the calculators save them, the `de` audit as a workbook, and two bad files. */
function files() {
  const out = [];
  PROGRAMME.assessments.forEach((entry, i) => {
    const c = entry.assessment.context;
    if (entry.type === "audit" && c.unit === "de") {
      const bytes = spreadsheet.toXlsx({ type: "audit", assessment: entry.assessment });
      out.push({ name: `de-${c.assessor}.xlsx`, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(bytes) });
    } else {
      out.push({ name: `${i}-${c.unit}-${c.assessor}-${c.date}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(entry.type === "litmus" ? entry.assessment : entry.assessment)) });
    }
  });
  // An assessment that names no framework: kam-core cannot tell what it is.
  const { framework, ...bad } = PROGRAMME.assessments[0].assessment;
  out.push({ name: "no-framework.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  out.push({ name: "broken.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("not a workbook") });
  return out;
}

let server;
let base;
let context;
let page;
let close;
const pageErrors = [];

const element = (tab) => tab.locator("kam-programme");
const ready = (tab) => tab.evaluate(async () => { await customElements.whenDefined("kam-programme"); await document.querySelector("kam-programme").ready; });
const programmeOf = (tab) => tab.evaluate(() => document.querySelector("kam-programme").programme);
const countText = (tab) => element(tab).locator("[data-count]").textContent();
const reportShown = (tab, what = "the report shown") =>
  until(tab, "kam-programme", (e) => !e.shadowRoot.querySelector("[data-report]").hidden && /^Report of/.test(e.shadowRoot.querySelector("[data-report-state]").textContent), what, undefined, 15000);

async function importAll(tab, list = files()) {
  await element(tab).locator("#import-files").setInputFiles(list);
  await until(tab, "kam-programme", (e, n) => e.shadowRoot.querySelectorAll("[data-list=files] li[data-file]").length === n, "every file read", list.length, 20000);
}

async function openPage(tab, hash = "") {
  await tab.goto(`${base}${PAGE}${hash}`);
  await ready(tab);
}

async function emptyLibrary(tab) {
  await inStore(tab, async (db) => {
    for (const store of ["library", "set-aside", "assessments"]) await db.clear(store);
  });
}

before(async () => {
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  ({ context, page, close } = await personalBrowser("kam-programme-", { width: 1280, height: 900 }));
  await context.addInitScript(diskFull);
  collectErrors(page, pageErrors);
  await openPage(page);
});

after(async () => {
  await close?.();
  server?.close();
});

beforeEach(async () => {
  for (const other of context.pages()) if (other !== page) await other.close();
  await page.evaluate(() => sessionStorage.clear());
  await emptyLibrary(page);
  await openPage(page);
  pageErrors.length = 0;
});

test("many files at once: each read by kam-core, the bad ones named with kam-core's message, the rest imported", async () => {
  const list = files();
  await importAll(page, list);
  const lines = await element(page).locator("[data-list=files] li").allTextContents();
  const bad = lines.filter((l) => l.includes("not imported"));
  assert.equal(bad.length, 2, lines.join("\n"));
  // The message is kam-core's, with the file's name in front and the field or part at fault in it.
  let expected;
  try {
    spreadsheet.assembleProgramme({ name: "", units: [], assessments: [] }, [{ name: "no-framework.json", bytes: list.at(-2).buffer }]);
  } catch (error) {
    expected = error.message;
  }
  assert.ok(expected?.includes("no-framework.json"), expected);
  assert.ok(bad.some((l) => l === `no-framework.json: not imported: ${expected}`), bad.join("\n"));
  assert.ok(bad.some((l) => l.startsWith("broken.xlsx: not imported: ") && l.includes("broken.xlsx")), bad.join("\n"));
  // Everything else is in, in kam-core's Programme shape, and the units they name were added.
  const programme = await programmeOf(page);
  assert.equal(programme.assessments.length, PROGRAMME.assessments.length);
  assert.deepEqual(programme.units.map((u) => u.id).sort(), ["de", "uk"]);
  assert.match(await countText(page), /^7 of 7 assessments/);
  assert.deepEqual(pageErrors, []);
});

test("files dropped on the drop zone are imported like picked ones", async () => {
  const list = files().slice(0, 2).map((f) => ({ name: f.name, text: f.buffer.toString("utf8") }));
  await element(page).locator("[data-drop]").evaluate((zone, list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([f.text], f.name, { type: "application/json" }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, list);
  await until(page, "kam-programme", (e) => e.shadowRoot.querySelectorAll("[data-list=files] li[data-file]").length === 2, "both dropped files read");
  assert.equal((await programmeOf(page)).assessments.length, 2);
});

test("a unit added, an assessment started for it in <kam-audit>, its scores saved into the library", async () => {
  await element(page).locator("#unit-id").fill("nordics");
  await element(page).locator("#unit-name").fill("Nordics");
  await element(page).getByRole("button", { name: "Add unit" }).click();
  await element(page).locator("#start-unit").selectOption("nordics");
  await element(page).locator("#start-assessor").fill("Ana Ruiz");
  await element(page).locator("#start-date").fill("2026-03-31");
  await element(page).locator("#start-framework").selectOption("cranfield-kam-development");
  await element(page).getByRole("button", { name: "Start" }).click();
  await until(page, "kam-programme", (e) => e.shadowRoot.querySelector("kam-audit")?.report, "the audit opened");
  await element(page).locator('kam-audit [data-item="A1.1"] input[value="2"]').check();
  await until(page, "kam-programme", (e) => e.programme.assessments[0]?.assessment.scores?.["A1.1"] === 2, "the score in the library");
  const [entry] = (await programmeOf(page)).assessments;
  assert.equal(entry.type, "audit");
  assert.deepEqual(entry.assessment.context, { unit: "nordics", assessor: "Ana Ruiz", date: "2026-03-31" });
  await openPage(page);
  assert.equal((await programmeOf(page)).assessments[0].assessment.scores["A1.1"], 2, "after a reload");
});

test("the library is listed, filtered by unit, assessor, framework and date, and sorted", async () => {
  await page.evaluate((p) => (document.querySelector("kam-programme").programme = p), PROGRAMME);
  await until(page, "kam-programme", (e) => e.shadowRoot.querySelectorAll("tbody tr[data-entry]").length === 7, "seven rows");
  const rows = () => element(page).locator("table.library tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].slice(0, 3).map((c) => c.textContent)));
  // Default order: newest first.
  assert.equal((await rows())[0][2], "2025-03-05");
  await element(page).locator("#filter-unit").selectOption("uk");
  assert.match(await countText(page), /^6 of 7/);
  await element(page).locator("#filter-assessor").selectOption("ann");
  assert.deepEqual((await rows()).map((r) => r[2]), ["2025-03-01", "2024-03-01"]);
  await element(page).locator("#filter-from").fill("2025-01-01");
  await element(page).locator("#filter-from").dispatchEvent("change");
  assert.deepEqual((await rows()).map((r) => r[2]), ["2025-03-01"]);
  await element(page).locator("#filter-from").fill("");
  await element(page).locator("#filter-from").dispatchEvent("change");
  await element(page).locator("#filter-assessor").selectOption("");
  await element(page).locator("#filter-framework").selectOption("kam-maturity-model");
  assert.match(await countText(page), /^1 of 7/);
  await element(page).locator("#filter-framework").selectOption("");
  await element(page).locator("#filter-unit").selectOption("");
  await element(page).locator("#sort").selectOption("assessor");
  assert.deepEqual((await rows()).map((r) => r[1]), ["ann", "ann", "ben", "ben", "cai", "office", "office"]);
  await element(page).locator("#sort").selectOption("date-asc");
  assert.equal((await rows())[0][2], "2024-03-01");
});

test("the report is kam-core's, the rounds are compared with the merged result and the disputes, and it saves as kam-core's page", async () => {
  await page.evaluate((p) => (document.querySelector("kam-programme").programme = p), PROGRAMME);
  await reportShown(page);
  const report = analysis.programmeReport(PROGRAMME);
  assert.deepEqual(await page.evaluate(() => document.querySelector("kam-programme").report), report);
  // The fragment in the page is kam-core's, unchanged.
  const html = await element(page).locator("[data-report]").evaluate((d) => d.innerHTML);
  const title = /<h1>([^<]*)<\/h1>/.exec(analysis.programmeHtmlFragment(report))?.[1];
  assert.ok(title && html.includes(`<h1>${title}</h1>`), "kam-core's report title in the page");
  // Rounds of the first unit with rounds, from the report.
  const unit = report.units.find((u) => u.rounds.length);
  await element(page).locator("#rounds-unit").selectOption(unit.id);
  const rounds = await element(page).locator("[data-rounds] tr[data-round]").evaluateAll((trs) => trs.map((tr) => tr.dataset.round));
  assert.deepEqual(rounds, unit.rounds.map((r) => r.date));
  const merged = await element(page).locator("[data-rounds] tr[data-round]").first().locator("td").nth(2).textContent();
  assert.ok(merged.startsWith(`${unit.rounds[0].overall.score} / ${unit.rounds[0].overall.max}`), merged);
  // Saved as HTML: kam-core's self-contained page of the same report.
  const [download] = await Promise.all([page.waitForEvent("download"), element(page).locator('[data-action="save-html"]').click()]);
  assert.equal(readFileSync(await download.path(), "utf8"), analysis.programmeHtml(report));
  // Every section of kam-core's fragment came in, the details a part per unit.
  const fragment = analysis.programmeHtmlFragment(report);
  assert.equal(await element(page).locator("[data-report] h2").count(), [...fragment.matchAll(/<h2>/g)].length);
  const details = fragment.slice(fragment.indexOf('<section class="kam-details">'));
  assert.equal(await element(page).locator("[data-report] .kam-details > .kam-part").count(), [...details.matchAll(/<h2>/g)].length);
  // An edit's kam-change carries the new report, the one `report` gives.
  const changed = await page.evaluate(async () => {
    const e = document.querySelector("kam-programme");
    const detail = new Promise((resolve) => e.addEventListener("kam-change", ({ detail }) => resolve(detail.report), { once: true }));
    const name = e.shadowRoot.querySelector("#programme-name");
    name.value = "Renamed programme";
    name.dispatchEvent(new Event("change"));
    const report = await detail;
    return { report, same: report === e.report };
  });
  assert.deepEqual(changed.report, analysis.programmeReport({ ...PROGRAMME, name: "Renamed programme" }));
  assert.ok(changed.same, "detail.report is the element's report");
});

test("export and open again: the Programme document round-trips unchanged, and the replaced library is set aside", async () => {
  await importAll(page, files().slice(0, 7));
  const before = await programmeOf(page);
  const [download] = await Promise.all([page.waitForEvent("download"), element(page).locator('[data-action="export-json"]').click()]);
  const text = readFileSync(await download.path(), "utf8");
  assert.deepEqual(JSON.parse(text), before);
  // kam-core reads it back and reports it.
  analysis.programmeReport(text);
  await emptyLibrary(page);
  await openPage(page);
  assert.equal((await programmeOf(page)).assessments.length, 0);
  await element(page).locator('input[aria-label="Programme file"]').setInputFiles({ name: "programme.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await until(page, "kam-programme", (e, n) => e.programme.assessments.length === n, "the programme opened", before.assessments.length);
  assert.deepEqual(await programmeOf(page), before);
  await openPage(page);
  assert.deepEqual(await programmeOf(page), before, "after a reload");
  // Opened over a library: the one it replaces is set aside, whole.
  await element(page).locator('input[aria-label="Programme file"]').setInputFiles({ name: "programme.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await until(page, "kam-programme", (e) => /Opened programme\.json/.test(e.shadowRoot.querySelector("[role=status]").textContent), "opened again");
  const kept = await inStore(page, (db, key) => db.getAllFromIndex("set-aside", "key", `library:${key}`), KEY);
  assert.deepEqual(kept.map((k) => [k.reason, JSON.parse(k.text)]), [["replaced", before]]);
  assert.deepEqual(await programmeOf(page), before);
  // A programme kam-core refuses is named, and nothing changes.
  const broken = { ...before, units: [...before.units, { id: "uk", name: "again" }] };
  await element(page).locator('input[aria-label="Programme file"]').setInputFiles({ name: "twice.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
  await until(page, "kam-programme", (e) => /twice\.json: not opened/.test(e.shadowRoot.querySelector("[role=alert]").textContent), "the refusal shown");
  assert.deepEqual(await programmeOf(page), before);
});

test("nothing lost: a reload keeps the library; a second tab sees the first's imports live and its own additions come back", async () => {
  await importAll(page, files().slice(0, 3));
  const second = await context.newPage();
  collectErrors(second, pageErrors);
  await openPage(second);
  assert.equal((await programmeOf(second)).assessments.length, 3);
  // Each tab adds: both survive, in both tabs, without a reload.
  await importAll(second, files().slice(3, 5));
  await element(page).locator("#unit-id").fill("fr");
  await element(page).locator("#unit-name").fill("France");
  await element(page).getByRole("button", { name: "Add unit" }).click();
  await until(page, "kam-programme", (e) => e.programme.assessments.length === 5, "the other tab's imports merged in");
  await until(second, "kam-programme", (e) => e.programme.units.some((u) => u.id === "fr"), "the other tab's unit merged in");
  const one = await programmeOf(page);
  assert.deepEqual(await programmeOf(second), one);
  await openPage(page);
  assert.deepEqual(await programmeOf(page), one, "after a reload");
  assert.deepEqual(pageErrors, []);
});

test("nothing lost to a full disk: the import stays on the page, said so, and exports; what was saved stays", async () => {
  await importAll(page, files().slice(0, 2));
  const saved = await programmeOf(page);
  await page.evaluate(() => sessionStorage.setItem("disk-full", "1"));
  await importAll(page, files().slice(2, 4));
  await until(page, "kam-programme", (e) => /storage is full/.test(e.shadowRoot.querySelector("[role=alert]").textContent), "the full disk said");
  const shown = await programmeOf(page);
  assert.equal(shown.assessments.length, 4);
  const [download] = await Promise.all([page.waitForEvent("download"), element(page).getByRole("button", { name: "Export programme now" }).first().click()]);
  assert.deepEqual(JSON.parse(readFileSync(await download.path(), "utf8")), shown);
  await page.evaluate(() => sessionStorage.removeItem("disk-full"));
  await openPage(page);
  assert.deepEqual(await programmeOf(page), saved, "what was saved before the disk filled is intact");
});

test("a corrupted record is set aside and said so; an assessment kam-core refuses is marked in the list with its message", async () => {
  await importAll(page, files().slice(0, 3));
  await inStore(page, (db, key) => db.put("library", { programme: key, id: "entry:broken", entry: "{not an assessment" }), KEY);
  const bad = structuredClone(PROGRAMME.assessments[4]);
  bad.assessment.scores[Object.keys(bad.assessment.scores)[0]] = 9;
  await inStore(page, (db, [key, entry]) => db.put("library", { programme: key, id: "entry:bad-score", entry, added: "9" }), [KEY, bad]);
  await openPage(page);
  await until(page, "kam-programme", (e) => /unreadable and set aside/.test(e.shadowRoot.querySelector("[role=alert]").textContent), "the unreadable record said");
  const kept = await inStore(page, (db, key) => db.getAllFromIndex("set-aside", "key", `library:${key}`), KEY);
  assert.equal(kept.length, 1);
  assert.match(kept[0].text, /\{not an assessment/);
  await until(page, "kam-programme", (e) => e.shadowRoot.querySelector("[data-entry-error]"), "the refused assessment marked");
  // kam-core's own message for the page's library, whatever it finds first
  // (here the unit the planted assessment names is not in the library).
  let expected;
  try {
    analysis.programmeReport(await programmeOf(page));
  } catch (error) {
    expected = error.message;
  }
  assert.ok(expected, "kam-core refuses the library with the planted assessment");
  assert.equal(await element(page).locator("[data-entry-error]").textContent(), expected);
  assert.equal((await programmeOf(page)).assessments.length, 4, "the refused one is kept, to be fixed or removed");
  await element(page).locator('tr[data-entry="entry:bad-score"] [data-action="remove"]').click();
  await reportShown(page, "the report once the refused assessment is removed");
});

test("axe-core: no WCAG 2.2 A or AA violation, empty, filled and with errors, on a desktop and at 390 px; no sideways scrolling at 320 and 390 px", async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await emptyLibrary(page);
    await openPage(page);
    assert.deepEqual(await axeViolations(page), [], `empty at ${width}`);
    await importAll(page, files());
    await reportShown(page);
    assert.deepEqual(await axeViolations(page), [], `filled, with two files refused, at ${width}`);
    await page.screenshot({ path: new URL(`programme-${width === 390 ? "phone-390" : "desktop"}.png`, ARTIFACTS).pathname, fullPage: true });
  }
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0, `no sideways scroll at ${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await openPage(page, "?dark");
  await reportShown(page);
  assert.deepEqual(await axeViolations(page), [], "on a dark page");
  await page.screenshot({ path: new URL("programme-dark.png", ARTIFACTS).pathname, fullPage: true });
  assert.deepEqual(pageErrors, []);
});
