// <kam-checklist> (issue 12) in headless Chromium: each bundled checklist
// renders and is scored by kam-core; a company's own checklist file (the
// Acme example of kam-core) is loaded, scored, rendered, kept over a reload
// and edited in two tabs without loss; a bad checklist file shows kam-core's
// error and changes nothing; events, form association, axe-core, reflow at
// 390 px and a dark host page. Screenshots go to tests/artifacts/checklist-*.png
// to be looked at.
//
// One browser with a persistent profile (as a person's) for the whole file.

import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import * as kam from "../pkg/node.js";
import * as analysis from "../pkg/node-analysis.js";
import { serve } from "../scripts/serve.mjs";
import { afresh, axeViolations, collectErrors, inStore, personalBrowser, until } from "./chromium.mjs";

const artifacts = fileURLToPath(new URL("./artifacts/", import.meta.url));
const ACME_TEXT = readFileSync(new URL("../../kam-core/examples/data/acme-kam-review.json", import.meta.url), "utf8");
const ACME = kam.loadFramework(ACME_TEXT);
const BUNDLED = ["kam-development-model", "kam-three-pillars", "kam-strategy"];
const ACME_KEY = "kam:kam-checklist:acme-kam-review";

let server;
let context;
let base;
let close;
let page;
const pageErrors = [];

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  ({ context, page, close } = await personalBrowser("kam-checklist-", { width: 1200, height: 900 }));
  await watch(page);
  await page.goto(`${base}/www/`);
  await ready(page);
});

after(async () => {
  await close?.();
  server?.close();
});

beforeEach(async () => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await afresh(context, page);
  await ready(page);
});

function watch(tab) {
  collectErrors(tab, pageErrors);
  tab.on("dialog", (dialog) => dialog.accept());
}

/** Waits until every calculator of the page has loaded its checklist and saved work. */
async function ready(tab) {
  await tab.evaluate(async () => {
    for (const element of document.querySelectorAll("kam-audit, kam-maturity, kam-checklist")) {
      await customElements.whenDefined(element.localName);
      await element.ready;
    }
  });
}

/** Waits until <kam-checklist> shows the checklist `id` (after a load or an attribute change). */
const showing = (tab, id) => until(tab, "kam-checklist", (e, id) => e.framework?.id === id && e.shadowRoot.querySelector(".summary [data-total]") !== null, `the checklist ${id} shown`, id);
const saved = (tab) => until(tab, "kam-checklist", (e) => e.shadowRoot.querySelector("[data-save]")?.dataset.save === "saved", "the checklist saved");
const radio = (tab, item, value) => tab.locator(`kam-checklist [data-item="${item}"] input[value="${value}"]`);
const assessmentOf = (tab) => tab.evaluate(() => document.querySelector("kam-checklist").assessment);
const reportOf = (tab) => tab.evaluate(() => document.querySelector("kam-checklist").report);
const shownTotal = (tab) => tab.locator('kam-checklist [data-total="overall"]').textContent();
const total = (t) => `${t.score} / ${t.max} (${t.percent.toFixed(1)}%)`;

/** Loads a checklist file with the element's "Load checklist file…" input. */
async function loadFile(tab, name, text) {
  await tab.locator('kam-checklist input[data-action="checklist-file-input"]').setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

async function loadAcme(tab) {
  await loadFile(tab, "acme-kam-review.json", ACME_TEXT);
  await showing(tab, "acme-kam-review");
  await ready(tab);
}

async function openNote(tab, item) {
  const details = tab.locator(`kam-checklist [data-item="${item}"] details.evidence`);
  if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
}

test("each bundled checklist renders by section, is scored by kam-core, and shows its stage, balance and chart", async () => {
  for (const id of BUNDLED) {
    const framework = kam.framework(id);
    await page.evaluate((id) => document.querySelector("kam-checklist").setAttribute("framework", id), id);
    await showing(page, id);
    await ready(page);
    const items = framework.sections.flatMap((s) => s.items);
    assert.equal(await page.locator("kam-checklist fieldset.item").count(), items.length, `${id}: every item`);
    assert.equal(await page.locator("kam-checklist details.section").count(), framework.sections.length, `${id}: every section`);
    // The first item at the top of the scale, the second at its bottom, the last not applicable.
    await radio(page, items[0].id, String(framework.scale.max)).click();
    await radio(page, items[1].id, String(framework.scale.min)).click();
    await radio(page, items.at(-1).id, "na").click();
    const assessment = await assessmentOf(page);
    assert.deepEqual(assessment.scores, { [items[0].id]: framework.scale.max, [items[1].id]: framework.scale.min });
    assert.deepEqual(assessment.not_applicable, [items.at(-1).id]);
    const expected = analysis.scoreChecklistWith(framework, assessment);
    assert.deepEqual(await reportOf(page), expected, `${id}: the report is kam-core's`);
    assert.equal(await shownTotal(page), total(expected.overall));
    const first = expected.sections[0];
    assert.equal(await page.locator(`kam-checklist [data-section="${first.id}"]`).textContent(), total(first));
    const label = framework.scale.labels.find((l) => l.value === framework.scale.max).label;
    assert.equal(await page.locator(`kam-checklist [data-meaning="${items[0].id}"]`).textContent(), `${framework.scale.max}: ${label}`);
    assert.equal(await page.locator('kam-checklist [data-chart="checklist"] svg').count(), 1);
    assert.equal(await page.locator("kam-checklist [data-stage]").count(), expected.stage ? 1 : 0, `${id}: the stage shows when the checklist has a stage rule`);
    assert.equal(await page.locator("kam-checklist [data-balanced]").count(), expected.balance ? 1 : 0, `${id}: the balance shows when the checklist has a balance rule`);
    if (expected.stage) assert.equal(await page.locator('kam-checklist [data-rule="stage"]').textContent(), `Stage rule${expected.stage.provenance === "kam" ? " (kam's)" : ""}: ${expected.stage.rule}`);
    if (expected.balance) assert.equal(await page.locator('kam-checklist [data-rule="balance"]').textContent(), `Balance indicator${expected.balance.provenance === "kam" ? " (kam's)" : ""}: ${expected.balance.rule}`);
    assert.deepEqual(
      await page.locator("kam-checklist [data-next]").evaluateAll((nodes) => nodes.map((n) => n.dataset.next)),
      expected.next_actions.map((a) => a.id),
    );
    // kam-core's marks: a grouping of kam's own says so in its caption, one of the source's does not.
    const words = analysis.describeChecklist(expected);
    assert.equal(words.kams_mark, " (kam's)");
    for (const grouping of framework.groupings ?? []) {
      const caption = await page.locator("kam-checklist table caption", { hasText: `By ${grouping.name}` }).first().textContent();
      assert.equal(caption, `By ${grouping.name}${grouping.provenance === "kam" ? words.kams_mark : ""}`, `${id}: grouping ${grouping.id}`);
    }
    if (expected.conventions.length) assert.equal(await page.locator("kam-checklist details.conventions summary").textContent(), words.conventions);
    await saved(page);
    await page.locator("kam-checklist .summary").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, `checklist-${id}.png`) });
  }
  assert.deepEqual(pageErrors, []);
});

test("a company's own checklist file is loaded, validated, scored and rendered; the report and the reload keep it", async () => {
  const changes = page.evaluate(
    () =>
      new Promise((resolve) => {
        const seen = [];
        document.addEventListener("kam-ready", (e) => seen.push(["ready", e.detail.framework.id]));
        document.addEventListener("kam-change", (e) => {
          seen.push(["change", e.detail.report.overall.score, e.target.report === e.detail.report || JSON.stringify(e.target.report) === JSON.stringify(e.detail.report)]);
          if (seen.length >= 3) resolve(seen);
        });
      }),
  );
  await loadAcme(page);
  assert.equal(await page.locator("kam-checklist h2").textContent(), ACME.name);
  assert.match(await page.locator("kam-checklist [data-source]").textContent(), /acme-kam-review\.json/);
  assert.equal(await page.locator("kam-checklist fieldset.item").count(), 7);
  assert.equal(await page.locator('kam-checklist [data-item="plan-reviewed"]').getAttribute("aria-label"), "plan-reviewed, Account plan reviewed this quarter (×2), Owner: Sales");
  // Scored: the weighted item at the top, a service item in part, one not applicable.
  await radio(page, "plan-reviewed", "2").click();
  await radio(page, "sla-met", "1").click();
  await radio(page, "executive-meeting", "na").click();
  await openNote(page, "sla-met");
  await page.locator('kam-checklist textarea[data-evidence="sla-met"]').fill("Two breaches in October, both credited.");
  await saved(page);
  const assessment = await assessmentOf(page);
  assert.deepEqual(assessment, {
    framework: "acme-kam-review",
    framework_version: "2026.1",
    scores: { "plan-reviewed": 2, "sla-met": 1 },
    evidence: { "sla-met": "Two breaches in October, both credited." },
    not_applicable: ["executive-meeting"],
  });
  const expected = analysis.scoreChecklistWith(ACME_TEXT, assessment);
  assert.deepEqual(await reportOf(page), expected);
  assert.equal(await shownTotal(page), total(expected.overall));
  for (const group of expected.groupings[0].groups) {
    assert.equal(await page.locator(`kam-checklist [data-row="owner/${group.id}"] td`).last().textContent(), `${group.percent.toFixed(1)}%`);
  }
  assert.equal(await page.locator("kam-checklist [data-stage]").getAttribute("data-stage"), expected.stage.reached?.id ?? "");
  assert.equal(await page.locator("kam-checklist [data-balanced]").getAttribute("data-balanced"), String(expected.balance.balanced));
  assert.equal(await page.locator("kam-checklist [data-lowest]").getAttribute("data-lowest"), expected.balance.lowest.join(" "));
  const seen = await changes;
  assert.deepEqual(seen[0], ["ready", "acme-kam-review"]);
  assert.ok(seen.slice(1).every(([kind, , fresh]) => kind === "change" && fresh), "kam-change fires after the report is updated");
  // The saved report is kam-core's HTML report of this assessment.
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('kam-checklist button[data-action="save-report"]').click()]);
  assert.equal(readFileSync(await download.path(), "utf8"), analysis.checklistHtml(expected));
  await page.locator("kam-checklist .summary").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifacts, "checklist-acme-desktop.png") });
  await page.locator('kam-checklist [data-item="plan-reviewed"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifacts, "checklist-acme-items.png") });
  // A reload: the file loaded and the work on it are both still there.
  await page.reload();
  await ready(page);
  await showing(page, "acme-kam-review");
  assert.deepEqual(await assessmentOf(page), assessment);
  assert.equal(await page.locator('kam-checklist textarea[data-evidence="sla-met"]').inputValue(), "Two breaches in October, both credited.");
  // Back to the page's checklist; the Acme work stays saved under its own key.
  await page.locator('kam-checklist button[data-action="page-checklist"]').click();
  await showing(page, "kam-development-model");
  assert.deepEqual((await inStore(page, (db, key) => db.get("assessments", key), ACME_KEY)).assessment, assessment);
  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => document.querySelector("kam-checklist").framework.id), "kam-development-model");
  assert.deepEqual(pageErrors, []);
});

test("a bad checklist file shows kam-core's error and changes nothing", async () => {
  await loadAcme(page);
  await radio(page, "goals-agreed", "2").click();
  await saved(page);
  const before = await assessmentOf(page);
  const choiceBefore = await inStore(page, (db) => db.get("assessments", "kam:kam-checklist#checklist-file"));
  await page.evaluate(() => {
    window.kamErrors = [];
    document.addEventListener("kam-error", (e) => window.kamErrors.push(e.detail));
  });
  const acme = JSON.parse(ACME_TEXT);
  const unknownGroup = structuredClone(acme);
  unknownGroup.sections[1].items[0].groups.owner = "legal";
  const duplicate = structuredClone(acme);
  duplicate.sections[2].items[0].id = "sla-met";
  const bad = [
    ["broken.json", "{ \"type\": \"checklist\", "],
    ["unknown-group.json", JSON.stringify(unknownGroup)],
    ["duplicate.json", JSON.stringify(duplicate)],
    ["audit.json", JSON.stringify(kam.framework("cranfield-kam-development"))],
  ];
  for (const [name, text] of bad) {
    // What kam-core says of this file, in Node.
    let expected;
    try {
      const framework = kam.loadFramework(text);
      analysis.scoreChecklistWith(framework, { framework: framework.id, framework_version: framework.version, scores: {} });
    } catch (error) {
      expected = error;
    }
    assert.ok(expected, `${name} is refused by kam-core`);
    await page.evaluate(() => (window.kamErrors = []));
    await loadFile(page, name, text);
    await page.locator("kam-checklist .message.error").waitFor();
    assert.equal(await page.locator("kam-checklist .message .text").textContent(), `${name} was not loaded, nothing changed: ${expected.message}`);
    const [event] = await page.evaluate(() => window.kamErrors);
    assert.deepEqual({ kind: event.kind, message: event.message }, { kind: expected.kind, message: expected.message });
    assert.equal(await page.evaluate(() => document.querySelector("kam-checklist").framework.id), "acme-kam-review");
    assert.deepEqual(await assessmentOf(page), before);
    // The property says the same, by throwing kam-core's error.
    const thrown = await page.evaluate((text) => {
      try {
        document.querySelector("kam-checklist").frameworkJson = text;
        return null;
      } catch (error) {
        return { kind: error.kind, message: error.message };
      }
    }, text);
    assert.deepEqual(thrown, { kind: expected.kind, message: expected.message });
  }
  assert.deepEqual(await inStore(page, (db) => db.get("assessments", "kam:kam-checklist#checklist-file")), choiceBefore);
  await page.screenshot({ path: join(artifacts, "checklist-bad-file.png") });
  await page.reload();
  await ready(page);
  await showing(page, "acme-kam-review");
  assert.deepEqual(await assessmentOf(page), before);
  assert.deepEqual(pageErrors, []);
});

test("two tabs on the same checklist file: edits in both survive, live and after a reload", async () => {
  await loadAcme(page);
  const other = await context.newPage();
  watch(other);
  await other.goto(`${base}/www/`);
  await ready(other);
  await showing(other, "acme-kam-review");
  await radio(page, "plan-reviewed", "2").click();
  await openNote(page, "plan-reviewed");
  await page.locator('kam-checklist textarea[data-evidence="plan-reviewed"]').fill("Reviewed with the customer on 12 November.");
  await radio(other, "margin-checked", "1").click();
  await saved(page);
  await saved(other);
  for (const tab of [page, other]) {
    await until(tab, "kam-checklist", (e) => e.assessment.scores["plan-reviewed"] === 2 && e.assessment.scores["margin-checked"] === 1, "both edits merged live");
  }
  for (const tab of [page, other]) {
    await tab.reload();
    await ready(tab);
    await showing(tab, "acme-kam-review");
    const assessment = await assessmentOf(tab);
    assert.deepEqual(assessment.scores, { "plan-reviewed": 2, "margin-checked": 1 });
    assert.deepEqual(assessment.evidence, { "plan-reviewed": "Reviewed with the customer on 12 November." });
  }
  assert.deepEqual(pageErrors, []);
});

test("the framework-file attribute and the frameworkJson property load a checklist; form association", async () => {
  await page.route(`${base}/www/our-checklist.json`, (route) => route.fulfill({ status: 200, contentType: "application/json", body: ACME_TEXT }));
  await page.evaluate((text) => (window.pillars = JSON.parse(text)), JSON.stringify(kam.framework("kam-three-pillars")));
  const again = await page.evaluate(async () => {
    const form = document.createElement("form");
    form.innerHTML = '<kam-checklist name="review" storage-key="attr2" framework-file="our-checklist.json"></kam-checklist>';
    document.body.append(form);
    const element = form.querySelector("kam-checklist");
    await customElements.whenDefined("kam-checklist");
    await element.ready;
    element.assessment = { framework: "acme-kam-review", framework_version: "2026.1", scores: { "new-opportunity": 2 } };
    const data = JSON.parse(new FormData(form).get("review"));
    const id = element.framework.id;
    const waited = new Promise((resolve) => element.addEventListener("kam-ready", () => resolve(element.framework.id), { once: true }));
    element.frameworkJson = window.pillars;
    const next = await waited;
    form.remove();
    return { id, data, next, json: element.frameworkJson !== null };
  });
  assert.equal(again.id, "acme-kam-review");
  assert.deepEqual(again.data.scores, { "new-opportunity": 2 });
  assert.equal(again.next, "kam-three-pillars");
  assert.equal(again.json, true);
  assert.deepEqual(pageErrors, []);
});

test("axe-core finds no WCAG 2.2 A or AA violation (empty, scored, error shown; desktop and 390 px); no sideways scrolling at 390 px", async () => {
  for (const width of [1200, 390]) {
    await page.setViewportSize({ width, height: width < 500 ? 800 : 900 });
    await page.reload();
    await ready(page);
    await loadAcme(page);
    const include = ["kam-checklist"];
    const check = async (state) => {
      const violations = await axeViolations(page, include);
      assert.deepEqual(violations, [], `${state} at ${width} px: ${violations.join("\n")}`);
    };
    await check("empty");
    await radio(page, "plan-reviewed", "2").click();
    await radio(page, "sla-met", "na").click();
    await check("scored");
    await loadFile(page, "broken.json", "{");
    await page.locator("kam-checklist .message.error").waitFor();
    await check("error shown");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${width} px: the page scrolls sideways by ${overflow} px`);
    if (width === 390) {
      const row = page.locator('kam-checklist [data-item="escalations-closed"]');
      await row.scrollIntoViewIfNeeded();
      for (const box of await row.locator(".value").evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON()))) {
        assert.ok(box.left >= 0 && box.right <= width, `a score button at ${box.left}–${box.right}`);
      }
      await page.screenshot({ path: join(artifacts, "checklist-phone-390.png") });
      await page.locator("kam-checklist .summary").scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifacts, "checklist-phone-390-summary.png") });
    }
  }
  assert.deepEqual(pageErrors, []);
});

test("a dark host page: the checklist is legible with default and themed colours; screenshots", async () => {
  await page.goto(`${base}/tests/pages/dark.html`);
  await ready(page);
  for (const selector of ["kam-checklist:not(.themed)", "kam-checklist.themed"]) {
    const element = page.locator(selector);
    const first = await element.evaluate((e) => e.framework.sections[0].items[0].id);
    await page.locator(`${selector} [data-item="${first}"] input[value="2"]`).click();
  }
  const violations = await axeViolations(page, ["kam-checklist"]);
  assert.deepEqual(violations, [], violations.join("\n"));
  await page.locator("kam-checklist:not(.themed) .summary").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifacts, "checklist-dark.png") });
  await page.locator("kam-checklist.themed .summary").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifacts, "checklist-dark-themed.png") });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.locator("kam-checklist:not(.themed) fieldset.item").first().scrollIntoViewIfNeeded();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scrolling at 390 px on the dark page");
  await page.screenshot({ path: join(artifacts, "checklist-dark-390.png") });
  await page.goto(`${base}/www/`);
  await ready(page);
  assert.deepEqual(pageErrors, []);
});

test("the manifest lists <kam-checklist> with kam-audit's parts and custom properties, plus framework-file and frameworkJson", () => {
  const manifest = JSON.parse(readFileSync(new URL("../pkg/custom-elements.json", import.meta.url), "utf8"));
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
  const names = (list) => (list ?? []).map((x) => x.name).sort();
  const audit = declarations.find((d) => d.tagName === "kam-audit");
  const checklist = declarations.find((d) => d.tagName === "kam-checklist");
  assert.ok(checklist?.customElement);
  assert.deepEqual(names(checklist.attributes), ["disabled", "framework", "framework-file", "name", "storage-key"]);
  assert.deepEqual(names(checklist.events), ["kam-change", "kam-error", "kam-ready"]);
  assert.deepEqual(names(checklist.cssParts), names(audit.cssParts));
  assert.deepEqual(names(checklist.cssProperties), names(audit.cssProperties));
  for (const member of ["assessment", "report", "ready", "disabled", "form", "toJson", "frameworkJson", "frameworkFile", "loadChecklistFile"]) {
    assert.ok(names(checklist.members).includes(member), `kam-checklist.${member}`);
  }
  assert.ok(!names(checklist.members).includes("checklistOf"), "internal members are left out");
});
