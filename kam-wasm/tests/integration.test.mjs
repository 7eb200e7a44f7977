// Easy to integrate into a web app (issue 10), in headless Chromium: the
// events (`kam-ready`, `kam-change` after `report` is updated, `kam-error`;
// all bubbling and composed), `element.assessment = …` re-rendering, form
// association (FormData, reset, disabled), the `::part` names, the Custom
// Elements Manifest in the package, and bounded, safe export names.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { chromium } from "playwright-core";

import * as kam from "../pkg/node.js";
import { serve } from "../scripts/serve.mjs";
import { chromiumOptions, collectErrors, until } from "./chromium.mjs";

const northwind = readFileSync(new URL("./fixtures/northwind-audit.json", import.meta.url), "utf8");
const FRAMEWORK = kam.framework("cranfield-kam-development");
const empty = { framework: FRAMEWORK.id, framework_version: FRAMEWORK.version, scores: {} };

let server;
let browser;
let page;
let base;
const pageErrors = [];

before(async () => {
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch(chromiumOptions);
  page = await browser.newPage({ acceptDownloads: true });
  collectErrors(page, pageErrors);
  page.on("dialog", (dialog) => dialog.accept());
  // Events are recorded from the very start, at the document: they bubble and are composed.
  await page.addInitScript(() => {
    window.events = [];
    for (const type of ["kam-ready", "kam-change", "kam-error"]) {
      document.addEventListener(type, (event) => {
        const element = event.target;
        window.events.push({
          type,
          tag: element.localName,
          bubbles: event.bubbles,
          composed: event.composed,
          detail: JSON.parse(JSON.stringify({ ...event.detail, framework: event.detail.framework?.id })),
          // What `report` holds when the listener runs.
          reportNow: element.report ? JSON.stringify(element.report) : null,
        });
      });
    }
  });
  await page.goto(`${base}/tests/pages/form.html`);
  await page.evaluate(async () => {
    for (const tag of ["kam-audit", "kam-maturity"]) {
      await customElements.whenDefined(tag);
      await document.querySelector(tag).ready;
    }
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const events = (type) => page.evaluate((type) => window.events.filter((e) => e.type === type), type);
const clearEvents = () => page.evaluate(() => (window.events.length = 0));
const formData = () => page.evaluate(() => Object.fromEntries(new FormData(document.querySelector("#review"))));

test("kam-ready fires once per element, bubbling and composed, with the assessment and report", async () => {
  const ready = await events("kam-ready");
  assert.deepEqual(ready.map((e) => [e.tag, e.bubbles, e.composed]).sort(), [
    ["kam-audit", true, true],
    ["kam-maturity", true, true],
  ]);
  const audit = ready.find((e) => e.tag === "kam-audit");
  assert.deepEqual(audit.detail.assessment, empty);
  assert.deepEqual(audit.detail.report, kam.score(empty));
  assert.equal(audit.detail.framework, FRAMEWORK.id);
});

test("kam-change fires after every edit, once `report` is updated", async () => {
  await clearEvents();
  await page.locator('kam-audit [data-item="A1.1"] input[value="3"]').click();
  await page.locator('kam-audit [data-item="A1.1"] details.evidence summary').click();
  await page.locator('kam-audit textarea[data-evidence="A1.1"]').fill("Lost the Halden contract.");
  await page.locator('kam-audit input[data-context="organisation"]').fill("Contoso");
  const changes = await events("kam-change");
  assert.equal(changes.length, 3);
  for (const change of changes) {
    assert.equal(change.bubbles && change.composed, true);
    // The report the listener reads is the fresh one, the one in `detail`.
    assert.equal(change.reportNow, JSON.stringify(change.detail.report));
    assert.deepEqual(change.detail.report, kam.score(change.detail.assessment));
  }
  assert.deepEqual(changes[0].detail.assessment.scores, { "A1.1": 3 });
  assert.equal(changes[0].detail.report.overall.score, 3);
  assert.deepEqual(changes[1].detail.assessment.evidence, { "A1.1": "Lost the Halden contract." });
  assert.deepEqual(changes.at(-1).detail.assessment.context, { organisation: "Contoso" });
});

test("kam-error fires for refused input, with kam-core's kind and message; nothing changes", async () => {
  await clearEvents();
  const before = await page.evaluate(() => document.querySelector("kam-audit").assessment);
  await page.locator('kam-audit input[data-action="import-file"]').setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from('{"framework": "cranfield-kam-development", "framework_version": "2006.2", "scores": {"A1.1": 7}}') });
  await until(page, "kam-audit", () => window.events.some((e) => e.type === "kam-error"), "kam-error");
  const [error] = await events("kam-error");
  assert.equal(error.bubbles && error.composed, true);
  assert.equal(error.detail.kind, "score-out-of-range");
  assert.equal(error.detail.message, "item `A1.1` has score 7, outside the scale 0–3");
  assert.deepEqual(await page.evaluate(() => document.querySelector("kam-audit").assessment), before);
  assert.deepEqual(await events("kam-change"), []);
});

test("setting `assessment` re-renders; a bad one throws kam-core's error and changes nothing", async () => {
  await page.evaluate((text) => {
    document.querySelector("kam-audit").assessment = JSON.parse(text);
  }, northwind);
  const report = kam.score(northwind);
  assert.equal(await page.locator('kam-audit [data-total="overall"]').textContent(), `${report.overall.score} / ${report.overall.max} (${report.overall.percent.toFixed(1)}%)`);
  assert.equal(await page.locator('kam-audit input[data-context="organisation"]').inputValue(), "Northwind Components");
  assert.equal(await page.locator('kam-audit [data-item="B1.1"] input:checked').getAttribute("value"), String(JSON.parse(northwind).scores["B1.1"]));
  const thrown = await page.evaluate(() => {
    try {
      document.querySelector("kam-audit").assessment = { framework: "cranfield-kam-development", framework_version: "2006.2", scores: { "Z1.1": 1 } };
      return null;
    } catch (error) {
      return { name: error.name, kind: error.kind, message: error.message };
    }
  });
  assert.deepEqual(thrown, { name: "KamError", kind: "unknown-item", message: thrown.message });
  assert.match(thrown.message, /unknown item `Z1\.1`/);
  assert.equal((await page.evaluate(() => document.querySelector("kam-audit").report)).overall.score, report.overall.score);
});

test("form association: the JSON is in FormData under `name`, reset empties (and can be undone), disabled follows the fieldset", async () => {
  const data = await formData();
  assert.equal(data.reviewer, "Ana");
  assert.deepEqual(JSON.parse(data.audit), JSON.parse(northwind));
  assert.equal(data.audit, northwind, "the canonical export text");
  assert.deepEqual(JSON.parse(data.maturity).stages, {});
  // Reset: every field back to its default; the calculators empty, their work set aside.
  await page.locator('kam-maturity [data-area] input[value="2"]').first().click();
  await page.locator("button[type=reset]").click();
  const reset = await formData();
  assert.deepEqual(JSON.parse(reset.audit), empty);
  assert.deepEqual(JSON.parse(reset.maturity).stages, {});
  assert.equal(await page.locator('kam-audit [data-total="overall"]').textContent(), "0 / 387 (0.0%)");
  assert.match(await page.locator("kam-audit .message .text").textContent(), /The form was reset/);
  await page.locator('kam-audit button[data-action="undo-reset"]').click();
  assert.deepEqual(JSON.parse((await formData()).audit), JSON.parse(northwind));
  // Disabled: a disabled fieldset makes every control inert and leaves the value out of FormData.
  await page.evaluate(() => (document.querySelector("#group").disabled = true));
  assert.equal(await page.evaluate(() => document.querySelector("kam-audit").disabled), true);
  assert.equal(await page.locator('kam-audit [data-item="A1.1"] input[value="0"]').isDisabled(), true);
  assert.equal(await page.locator('kam-audit button[data-action="export"]').isDisabled(), true);
  assert.equal((await formData()).audit, undefined);
  await page.evaluate(() => (document.querySelector("#group").disabled = false));
  assert.equal(await page.locator('kam-audit [data-item="A1.1"] input[value="0"]').isDisabled(), false);
  // The `disabled` attribute on the element does the same.
  await page.evaluate(() => (document.querySelector("kam-maturity").disabled = true));
  assert.equal(await page.locator("kam-maturity [data-area] input").first().isDisabled(), true);
  await page.evaluate(() => (document.querySelector("kam-maturity").disabled = false));
  assert.equal(await page.locator("kam-maturity [data-area] input").first().isDisabled(), false);
});

test("::part names and custom properties style the element from the host page", async () => {
  const parts = await page.evaluate(() => {
    const names = new Set();
    for (const tag of ["kam-audit", "kam-maturity"]) for (const n of document.querySelector(tag).shadowRoot.querySelectorAll("[part]")) n.getAttribute("part").split(" ").forEach((p) => names.add(`${tag}::${p}`));
    return [...names].sort();
  });
  for (const part of ["summary", "charts", "chart", "checklist", "item", "score", "toolbar", "status-bar", "button", "evidence"]) {
    assert.ok(parts.includes(`kam-audit::${part}`), `kam-audit::part(${part})`);
  }
  await page.addStyleTag({ content: "kam-audit::part(summary) { outline: 5px solid rgb(255, 0, 0); } kam-audit { --kam-accent: rgb(0, 128, 0); }" });
  assert.equal(await page.locator("kam-audit .summary").evaluate((n) => getComputedStyle(n).outlineColor), "rgb(255, 0, 0)");
  assert.equal(await page.locator('kam-audit button[data-action="export"]').evaluate((n) => getComputedStyle(n).color), "rgb(0, 128, 0)");
});

test("the Custom Elements Manifest in the package lists attributes, properties, events, parts and CSS properties", () => {
  const manifest = JSON.parse(readFileSync(new URL("../pkg/custom-elements.json", import.meta.url), "utf8"));
  const pkg = JSON.parse(readFileSync(new URL("../pkg/package.json", import.meta.url), "utf8"));
  assert.equal(pkg.customElements, "custom-elements.json");
  assert.ok(pkg.files.includes("custom-elements.json"));
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
  for (const tag of ["kam-audit", "kam-maturity"]) {
    const element = declarations.find((d) => d.tagName === tag);
    assert.ok(element?.customElement, tag);
    const names = (list) => (list ?? []).map((x) => x.name).sort();
    assert.deepEqual(names(element.attributes), ["disabled", "framework", "name", "storage-key"]);
    assert.deepEqual(names(element.events), ["kam-change", "kam-error", "kam-ready"]);
    for (const member of ["assessment", "report", "ready", "disabled", "form", "toJson"]) assert.ok(names(element.members).includes(member), `${tag}.${member}`);
    assert.ok(!names(element.members).includes("saveNow"), "internal members are left out");
    for (const part of ["summary", "checklist", "item", "score", "toolbar", "status-bar"]) assert.ok(names(element.cssParts).includes(part), `${tag}::part(${part})`);
    assert.deepEqual(names(element.cssProperties), ["--kam-accent", "--kam-background", "--kam-focus", "--kam-on-accent", "--kam-surface", "--kam-text"]);
  }
  // Every part the manifest lists exists in the element, and every part the element has is listed.
  for (const tag of ["kam-audit"]) {
    const listed = declarations.find((d) => d.tagName === tag).cssParts.map((p) => p.name).sort();
    return page
      .evaluate((tag) => [...new Set([...document.querySelector(tag).shadowRoot.querySelectorAll("[part]")].flatMap((n) => n.getAttribute("part").split(" ")))].sort(), tag)
      .then((present) => {
        assert.deepEqual(present.filter((p) => !listed.includes(p)), []);
        assert.deepEqual(listed.filter((p) => !present.includes(p)), []);
      });
  }
});

test("export file names are bounded and safe whatever the organisation is called", async () => {
  const cases = [
    [{ organisation: "Müller & Søn Maschinenbau GmbH", unit: "Österreich – Wien", date: "2026-04-15" }, "muller-søn-maschinenbau-gmbh-osterreich-wien-2026-04-15.json"],
    [{ organisation: "東京 商事 / 大阪 支店", date: "2026-01-02" }, "東京-商事-大阪-支店-2026-01-02.json"],
    [{ organisation: "../../etc/passwd\u0000<script>" }, "etc-passwd-script.json"],
    [{ organisation: "CON" }, "kam-con.json"],
    [{ organisation: "!!!" }, "cranfield-kam-development.json"],
    [{ organisation: "Very ".repeat(40) + "Long Name Holdings", unit: "Division", date: "2026-03-31" }, null],
  ];
  for (const [context, expected] of cases) {
    await page.evaluate((context) => {
      const audit = document.querySelector("kam-audit");
      audit.assessment = { ...audit.assessment, context };
    }, context);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('kam-audit button[data-action="export"]').click()]);
    const name = download.suggestedFilename();
    assert.ok(/^[\p{L}\p{N}-]+\.json$/u.test(name), name);
    assert.ok([...name].length <= 60 + ".json".length, `${name} is too long`);
    if (expected) assert.equal(name, expected);
    else assert.equal(name, `${"very-".repeat(12).slice(0, -1)}.json`);
  }
  assert.deepEqual(pageErrors, []);
});
