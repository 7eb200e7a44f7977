// Nothing typed into a calculator is lost (issue 10): each test plays one way
// work used to be lost, in headless Chromium, and ends by
// checking the assessment is intact, in the page, after a reload and in what
// the page exports (which kam-core in Node must read back).
//
// One browser (a persistent profile, as a person's) for the whole file; two
// tabs of it for the tests that need them. The page is tests/pages/calculators.html:
// the demo page's two calculators, without <kam-checklist>.

import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import * as kam from "../pkg/node.js";
import { serve } from "../scripts/serve.mjs";
import { afresh, collectErrors, diskFull, inStore, personalBrowser, until } from "./chromium.mjs";

const FRAMEWORK = kam.framework("cranfield-kam-development");
/** The two calculators without <kam-checklist> (which loads the analyses module for its scoring). */
const PAGE = "/tests/pages/calculators.html";
const KEY = "kam:kam-audit:cranfield-kam-development";
const LIMIT = kam.limits().max_string_chars;
const empty = () => ({ framework: FRAMEWORK.id, framework_version: FRAMEWORK.version, scores: {} });

let server;
let context;
let base;
let close;
let page;
const pageErrors = [];

before(async () => {
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  ({ context, page, close } = await personalBrowser("kam-no-loss-", { width: 1100, height: 900 }));
  await context.addInitScript(diskFull);
  await watch(page);
  await page.goto(`${base}${PAGE}`);
  await ready(page);
});

after(async () => {
  await close?.();
  server?.close();
});

beforeEach(async () => {
  // Every test starts from an empty store, with no other tab open.
  await afresh(context, page);
  await ready(page);
});

const fillDisk = (tab, full) => tab.evaluate((full) => (full ? sessionStorage.setItem("disk-full", "1") : sessionStorage.removeItem("disk-full")), full);

async function watch(tab) {
  collectErrors(tab, pageErrors);
  tab.on("dialog", (dialog) => dialog.accept());
}

/** Waits until both calculators of the page have loaded their saved work. */
async function ready(tab) {
  await tab.evaluate(async () => {
    for (const tag of ["kam-audit", "kam-maturity"]) {
      await customElements.whenDefined(tag);
      await document.querySelector(tag).ready;
    }
  });
}

/** Waits until <kam-audit> has saved everything (its bar says "Saved"); an 8 MB save on a busy machine takes seconds. */
const saved = (tab, timeout = 5000) => until(tab, "kam-audit", (e) => e.shadowRoot.querySelector("[data-save]").dataset.save === "saved", "the audit saved", undefined, timeout);

const audit = (tab) => tab.locator("kam-audit");
const radio = (tab, item, value) => tab.locator(`kam-audit [data-item="${item}"] input[value="${value}"]`);
const note = (tab, item) => tab.locator(`kam-audit textarea[data-evidence="${item}"]`);
const assessmentOf = (tab) => tab.evaluate(() => document.querySelector("kam-audit").assessment);
const storedRecord = (tab) => inStore(tab, (db, key) => db.get("assessments", key), KEY);
const setAside = (tab) => inStore(tab, (db, key) => db.getAllFromIndex("set-aside", "key", key), KEY);

async function openNote(tab, item) {
  const details = tab.locator(`kam-audit [data-item="${item}"] details.evidence`);
  if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
}

/** Exports with the toolbar button and returns the file's text, checked to re-import in kam-core. */
async function exported(tab, button = 'kam-audit button[data-action="export"]') {
  const [download] = await Promise.all([tab.waitForEvent("download"), tab.locator(button).first().click()]);
  const text = readFileSync(await download.path(), "utf8");
  kam.scoreWith(FRAMEWORK, text); // throws if kam-core would not read it back
  return text;
}

test("a note longer than kam-core's limit is refused while typing; what is kept saves, exports and re-imports", async () => {
  assert.equal(LIMIT, 20_000, "the limit comes from kam-core");
  await radio(page, "A1.1", "2").click();
  await openNote(page, "A1.1");
  const area = note(page, "A1.1");
  // Near the limit, a counter shows.
  await area.fill("x".repeat(LIMIT - 10));
  const counter = page.locator('kam-audit [data-item="A1.1"] .counter');
  assert.equal(await counter.isVisible(), true);
  assert.equal(await counter.textContent(), "19,990 / 20,000 characters");
  // Exactly at the limit, counted as kam-core counts (characters, not UTF-16 units): accepted.
  const atLimit = "é👍".repeat(LIMIT / 2);
  await area.fill(atLimit);
  assert.ok((await area.inputValue()) === atLimit, "the note at the limit is accepted");
  // One more character, as a paste: refused next to the field, the note stays as it was.
  const errors = await page.evaluate(() => {
    window.kamErrors = [];
    document.addEventListener("kam-error", (e) => window.kamErrors.push(e.detail));
  });
  void errors;
  await area.focus();
  await page.keyboard.press("End");
  await page.keyboard.insertText("!");
  assert.ok((await area.inputValue()) === atLimit, "the character past the limit is refused");
  const refusal = page.locator('kam-audit [data-item="A1.1"] .refusal');
  assert.equal(await refusal.isVisible(), true);
  assert.match(await refusal.textContent(), /^Not added: this would make 20,001 characters, and a text holds at most 20,000\./);
  const [event] = await page.evaluate(() => window.kamErrors);
  assert.equal(event.kind, "text-too-long");
  assert.equal(event.field, "evidence/A1.1");
  await saved(page);
  // Saved, exported, re-imported: the same note.
  const text = await exported(page);
  assert.ok(JSON.parse(text).evidence["A1.1"] === atLimit, "the export has the note");
  await page.reload();
  await ready(page);
  assert.ok((await note(page, "A1.1").inputValue()) === atLimit, "the reload has the note");
  assert.equal((await assessmentOf(page)).scores["A1.1"], 2);
  assert.deepEqual(await setAside(page), []);
  assert.deepEqual(pageErrors, []);
});

test("a whole assessment past kam-core's 8 MiB is refused at the note that would cross it", async () => {
  // 104 notes of 20,000 four-byte characters: 8,320,000 bytes, under 8 MiB
  // (8,388,608 bytes); one more crosses it.
  const big = empty();
  big.evidence = {};
  for (const item of FRAMEWORK.items.slice(0, 104)) big.evidence[item.id] = "👍".repeat(LIMIT);
  await page.evaluate((value) => {
    document.querySelector("kam-audit").assessment = value;
  }, big);
  await saved(page, 60_000);
  const item = FRAMEWORK.items[104].id;
  await openNote(page, item);
  await note(page, item).fill("🙂".repeat(LIMIT));
  assert.ok((await note(page, item).inputValue()) === "", "the note is refused");
  assert.match(await page.locator(`kam-audit [data-item="${item}"] .refusal`).textContent(), /larger than 8 MiB/);
  await saved(page, 60_000);
  const text = await exported(page);
  assert.equal(Object.keys(JSON.parse(text).evidence).length, 104);
  await page.reload();
  await ready(page);
  assert.equal(Object.keys((await assessmentOf(page)).evidence).length, 104);
});

test("two tabs on the same assessment: edits in both survive, live and after a reload", async () => {
  const other = await context.newPage();
  await watch(other);
  await other.goto(`${base}${PAGE}`);
  await ready(other);
  // Tab A: a score and a note; tab B, at the same time, another item.
  await radio(page, "A1.1", "3").click();
  await openNote(page, "A1.1");
  await note(page, "A1.1").fill("Tab A's note");
  await radio(other, "B1.1", "2").click();
  await saved(page);
  await saved(other);
  // Live: each tab shows the other's edit without a reload.
  await until(page, "kam-audit", (e) => e.assessment.scores["B1.1"] === 2, "tab A shows tab B's score");
  await until(other, "kam-audit", (e) => e.assessment.scores["A1.1"] === 3 && e.assessment.evidence?.["A1.1"] === "Tab A's note", "tab B shows tab A's edits");
  // Another writer that tells no one (no broadcast): a save merges with it, item by item.
  await inStore(
    other,
    async (db, key) => {
      const record = await db.get("assessments", key);
      record.assessment.scores["C1.1"] = 1;
      record.stamps["item/C1.1"] = `${Date.now().toString(36).padStart(11, "0")}:other`;
      await db.put("assessments", record);
    },
    KEY,
  );
  await radio(other, "D1.1", "1").click();
  await saved(other);
  const expected = { "A1.1": 3, "B1.1": 2, "C1.1": 1, "D1.1": 1 };
  assert.deepEqual((await storedRecord(other)).assessment.scores, expected);
  for (const tab of [page, other]) {
    await tab.reload();
    await ready(tab);
    const assessment = await assessmentOf(tab);
    assert.deepEqual(assessment.scores, expected);
    assert.deepEqual(assessment.evidence, { "A1.1": "Tab A's note" });
    assert.equal(await radio(tab, "B1.1", "2").isChecked(), true);
  }
  // A note typed in one tab while the other tab changes it: the later edit
  // shows in both, and the text it replaced is set aside and can be put back.
  await openNote(page, "A2.1");
  await note(page, "A2.1").fill("typed here");
  await saved(page);
  await until(other, "kam-audit", (e) => e.assessment.evidence?.["A2.1"] === "typed here", "tab B has the note");
  await note(page, "A2.1").focus();
  await openNote(other, "A2.1");
  await note(other, "A2.1").fill("changed in the other tab");
  await until(page, "kam-audit", (e) => e.shadowRoot.querySelector(".message")?.textContent.includes("changed in another tab while you typed here"), "tab A is told");
  assert.equal(await note(page, "A2.1").inputValue(), "changed in the other tab");
  await saved(page);
  const kept = (await setAside(page)).filter((c) => c.reason === "conflict");
  assert.deepEqual(kept.map((c) => c.text), ["typed here"]);
  await page.locator('kam-audit button[data-action="put-mine-back"]').click();
  await saved(page);
  await until(other, "kam-audit", (e) => e.assessment.evidence?.["A2.1"] === "typed here", "both tabs end with the text put back");
  // Tab B was typing in the same note: its text, replaced in turn, is kept too.
  const conflicts = (await setAside(page)).filter((c) => c.reason === "conflict");
  assert.deepEqual(conflicts.map((c) => c.text), ["typed here", "changed in the other tab"]);
  assert.deepEqual(pageErrors, []);
});

test("storage full: said in the sticky bar with a one-click export; what was saved before is intact", async () => {
  await radio(page, "A1.1", "3").click();
  await openNote(page, "A1.1");
  await note(page, "A1.1").fill("saved before the disk filled up");
  await saved(page);
  await fillDisk(page, true);
  try {
    // Far down the checklist, where the person is scoring.
    await radio(page, "C3.1", "2").click();
    await openNote(page, "C3.1");
    await note(page, "C3.1").fill("long evidence ".repeat(1000));
    const message = page.locator("kam-audit .message.error");
    await message.waitFor({ timeout: 5000 });
    assert.match(await message.textContent(), /Not saved: this browser’s storage is full\. Your work is still on this page, and what was saved before is kept\. Export it/);
    assert.equal(await message.getAttribute("role"), "alert");
    assert.equal(await page.locator("kam-audit [data-save]").textContent(), "Not saved");
    // The message is where the person is: inside the sticky bar, on screen.
    const box = await message.boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 300, `message at ${JSON.stringify(box)}`);
    const text = await exported(page, 'kam-audit button[data-action="export-now"]');
    const file = JSON.parse(text);
    assert.equal(file.scores["C3.1"], 2);
    assert.equal(file.evidence["C3.1"], "long evidence ".repeat(1000));
    // What was saved before the disk filled up is untouched.
    const record = await storedRecord(page);
    assert.deepEqual(record.assessment.scores, { "A1.1": 3 });
    assert.equal(record.assessment.evidence["A1.1"], "saved before the disk filled up");
    await page.reload();
    await ready(page);
    assert.equal(await note(page, "A1.1").inputValue(), "saved before the disk filled up");
    // The export brings the rest back once there is room again.
    await fillDisk(page, false);
    await page.locator('kam-audit input[data-action="import-file"]').setInputFiles({ name: "export.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await until(page, "kam-audit", (e) => e.assessment.scores["C3.1"] === 2, "the export re-imported");
    await saved(page);
    assert.deepEqual((await storedRecord(page)).assessment, file);
  } finally {
    await fillDisk(page, false);
  }
  assert.deepEqual(pageErrors, []);
});

/** Plants a record the page cannot read, as an older page or a hand edit might leave. */
const plantCorrupt = (tab, assessment) =>
  inStore(
    tab,
    async (db, [key, assessment]) => {
      await db.put("assessments", { key, format: 1, element: "kam-audit", framework: "cranfield-kam-development", framework_version: "2006.2", assessment, stamps: {}, saved: "0" });
    },
    [KEY, assessment],
  );

test("corrupted saved entries: each one is set aside, never overwritten, and said exactly", async () => {
  const first = { ...empty(), scores: { "A1.1": 7 } };
  const second = { ...empty(), scores: { "Z9.9": 1 } };
  await plantCorrupt(page, first);
  await page.reload();
  await ready(page);
  const message = page.locator("kam-audit .message.error");
  assert.match(
    await message.textContent(),
    /^The work saved in this browser could not be read \(item `A1\.1` has score 7, outside the scale 0–3\)\. Starting with an empty assessment\. It is set aside in this browser, never overwritten, and you can download it\./,
  );
  await radio(page, "A1.2", "1").click();
  await saved(page);
  // A second corruption does not overwrite the first kept copy.
  await plantCorrupt(page, second);
  await page.reload();
  await ready(page);
  assert.match(await message.textContent(), /unknown item `Z9\.9`/);
  const kept = await setAside(page);
  assert.deepEqual(kept.map((c) => [c.reason, JSON.parse(c.text)]), [
    ["unreadable", first],
    ["unreadable", second],
  ]);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('kam-audit button[data-action="download-kept"]').click()]);
  assert.deepEqual(JSON.parse(readFileSync(await download.path(), "utf8")), second);
  assert.deepEqual(pageErrors, []);
});

test("a corrupted entry that cannot be set aside (storage full) is left untouched and offered as a download", async () => {
  const corrupt = { ...empty(), scores: { "A1.1": 9 } };
  await plantCorrupt(page, corrupt);
  await fillDisk(page, true);
  try {
    await page.reload();
    await ready(page);
    const message = page.locator("kam-audit .message.error");
    assert.match(await message.textContent(), /could not be set aside in this browser \(its storage is full\), so it is left untouched and nothing will be saved over it; download it/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('kam-audit button[data-action="download-kept"]').click()]);
    assert.deepEqual(JSON.parse(readFileSync(await download.path(), "utf8")), corrupt);
    // A click does not save over it.
    await radio(page, "A1.2", "2").click();
    await until(page, "kam-audit", (e) => e.shadowRoot.querySelector("[data-save]").dataset.save === "failed", "the save failed");
    assert.deepEqual((await storedRecord(page)).assessment, corrupt);
  } finally {
    await fillDisk(page, false);
  }
  // With room again, the next save sets it aside first.
  await radio(page, "A1.3", "1").click();
  await saved(page);
  assert.deepEqual((await setAside(page)).map((c) => JSON.parse(c.text)), [corrupt]);
  assert.deepEqual((await storedRecord(page)).assessment.scores, { "A1.2": 2, "A1.3": 1 });
});

test("work saved under an older framework version is re-scored under both and carried over", async () => {
  // An older version of the framework: one item more, one item elsewhere.
  const old = structuredClone(FRAMEWORK);
  old.version = "2005.1";
  const moved = old.items.find((i) => i.id === "A2.3");
  moved.period = "A1";
  old.items.push({ ...old.items.find((i) => i.id === "A1.1"), id: "A1.99", text: "An item the newer version dropped" });
  // Its declared maxima follow (3 points per item).
  const [a1, a2] = old.phases[0].periods;
  a1.max += 6;
  a2.max -= 3;
  old.phases[0].max += 3;
  old.max += 3;
  const saved2005 = {
    framework: FRAMEWORK.id,
    framework_version: "2005.1",
    scores: { "A1.1": 3, "A2.3": 2, "A1.99": 1 },
    evidence: { "A1.1": "kept across versions" },
  };
  const requests = [];
  const record = (r) => requests.push(new URL(r.url()).pathname);
  await inStore(
    page,
    async (db, [key, old, assessment]) => {
      await db.put("frameworks", { id: old.id, version: old.version, type: old.type, text: JSON.stringify(old) });
      await db.put("assessments", { key, format: 1, element: "kam-audit", framework: old.id, framework_version: old.version, assessment, stamps: {}, saved: "1" });
    },
    [KEY, old, saved2005],
  );
  page.on("request", record);
  await page.reload();
  await ready(page);
  page.off("request", record);
  assert.ok(requests.includes("/pkg/analysis.js"), "the analyses module is loaded for the migration");
  const message = await page.locator("kam-audit .message").textContent();
  const now = FRAMEWORK.version.replace(".", "\\.");
  assert.match(
    message,
    new RegExp(
      `made with version 2005\\.1 of .*; this page uses version ${now}\\. kam re-scored it under both versions and carried it over: overall 6 / 390 under version 2005\\.1, 5 / 387 under ${now}; moved to another period or stream: A2\\.3 \\(A1 → A2\\); no longer in the framework \\(their answers are in the old copy\\): A1\\.99`,
    ),
  );
  const carried = await assessmentOf(page);
  assert.deepEqual(carried.scores, { "A1.1": 3, "A2.3": 2 });
  assert.deepEqual(carried.evidence, { "A1.1": "kept across versions" });
  const kept = await setAside(page);
  assert.equal(kept.length, 1);
  assert.equal(kept[0].reason, "old-version");
  assert.deepEqual(JSON.parse(kept[0].text), saved2005);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('kam-audit button[data-action="download-kept"]').click()]);
  assert.equal(download.suggestedFilename(), "cranfield-kam-development-version-2005.1.json");
  assert.deepEqual(JSON.parse(readFileSync(await download.path(), "utf8")), saved2005);
  await page.reload();
  await ready(page);
  assert.deepEqual((await assessmentOf(page)).scores, { "A1.1": 3, "A2.3": 2 });
});

test("a normal page load does not fetch the analyses module", async () => {
  const requests = [];
  const record = (r) => requests.push(new URL(r.url()).pathname);
  page.on("request", record);
  await page.reload();
  await ready(page);
  page.off("request", record);
  assert.ok(requests.includes("/pkg/kam_bg.wasm"));
  assert.ok(!requests.some((p) => p.startsWith("/pkg/analysis")), requests.join(", "));
});

test("an older version the page does not know is set aside and offered, not dropped", async () => {
  const unknown = { framework: FRAMEWORK.id, framework_version: "1999.1", scores: { "A1.1": 1 } };
  await inStore(
    page,
    (db, [key, assessment]) => db.put("assessments", { key, format: 1, element: "kam-audit", framework: assessment.framework, framework_version: "1999.1", assessment, stamps: {}, saved: "1" }),
    [KEY, unknown],
  );
  await page.reload();
  await ready(page);
  assert.match(await page.locator("kam-audit .message").textContent(), /made with version 1999\.1 .* the older version is not known to it, so the work could not be carried over\. Starting with an empty assessment\. It is set aside/);
  assert.deepEqual((await setAside(page)).map((c) => [c.reason, JSON.parse(c.text)]), [["old-version", unknown]]);
});

test("work saved by earlier versions of the page in localStorage moves into the store once", async () => {
  const northwind = readFileSync(new URL("./fixtures/northwind-audit.json", import.meta.url), "utf8");
  await page.evaluate(
    ([key, text]) => {
      localStorage.setItem(key, text);
      localStorage.setItem(`${key}:unreadable`, '{"framework": "cranfield-kam-development", "scores": {"A1.1": ');
    },
    [KEY, northwind],
  );
  await page.reload();
  await ready(page);
  assert.deepEqual(await assessmentOf(page), JSON.parse(northwind));
  assert.deepEqual((await storedRecord(page)).assessment, JSON.parse(northwind));
  assert.deepEqual((await setAside(page)).map((c) => [c.reason, c.source, c.text]), [
    ["unreadable", "localStorage", '{"framework": "cranfield-kam-development", "scores": {"A1.1": '],
  ]);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  // Once: a reload reads the store and finds nothing more to move.
  await page.reload();
  await ready(page);
  assert.deepEqual(await assessmentOf(page), JSON.parse(northwind));
  assert.equal((await setAside(page)).length, 1);
});
