// Accessible and usable on a phone (issue 10), in headless Chromium: axe-core's
// WCAG 2.2 A and AA rules on both calculators (empty, scored, with an error
// shown, on a desktop and at 390 px), reflow at 320 and 390 px, chart text
// as displayed, contrast of the focus ring and control borders, accessible
// names, the one live region, the "next unscored item" control, the skip
// link, the sticky bar and a dark host page. Screenshots go to
// tests/artifacts/ (desktop, phone-390, phone-320, dark) to be looked at.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

import * as kam from "../pkg/node.js";
import { serve } from "../scripts/serve.mjs";
import { axeViolations, chromiumOptions, collectErrors, until } from "./chromium.mjs";

const artifacts = fileURLToPath(new URL("./artifacts/", import.meta.url));
const northwind = readFileSync(new URL("./fixtures/northwind-audit.json", import.meta.url), "utf8");
const FRAMEWORK = kam.framework("cranfield-kam-development");
const MODEL = kam.framework("kam-maturity-model");

let server;
let browser;
let page;
let base;
const pageErrors = [];

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = await serve(0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch(chromiumOptions);
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  collectErrors(page, pageErrors);
  page.on("dialog", (dialog) => dialog.accept());
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(path = "/www/", width = 1200) {
  await page.setViewportSize({ width, height: width < 500 ? 800 : 900 });
  await page.goto(`${base}${path}`);
  await page.evaluate(async () => {
    for (const element of document.querySelectorAll("kam-audit, kam-maturity, kam-checklist")) {
      await customElements.whenDefined(element.localName);
      await element.ready;
    }
  });
}

/** Both calculators scored: the Northwind audit and two maturity areas. */
async function score() {
  await page.evaluate((text) => {
    document.querySelector("kam-audit").assessment = text;
  }, northwind);
  await page.locator(`kam-maturity [data-area="${MODEL.areas[0].id}"] input[value="2"]`).click();
  await page.locator(`kam-maturity [data-area="${MODEL.areas[1].id}"] input[value="3"]`).click();
}

/** A refused file in both calculators: an error message shown in each bar. */
async function showErrors() {
  for (const tag of ["kam-audit", "kam-maturity"]) {
    await page.locator(`${tag} input[data-action="import-file"]`).setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from("{") });
    await page.locator(`${tag} .message.error`).waitFor();
  }
}

async function noViolations(state) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${state}: ${violations.join("\n")}`);
}

test("axe-core finds no WCAG 2.2 A or AA violation: empty, scored, with an error shown, on a desktop and at 390 px", async () => {
  for (const width of [1200, 390]) {
    await open("/www/", width);
    await page.evaluate(() => {
      for (const element of document.querySelectorAll("kam-audit, kam-maturity")) element.assessment = { framework: element.framework.id, framework_version: element.framework.version, ...(element.localName === "kam-audit" ? { scores: {} } : { stages: {} }) };
    });
    await noViolations(`empty at ${width} px`);
    await score();
    await noViolations(`scored at ${width} px`);
    await showErrors();
    await noViolations(`error shown at ${width} px`);
    // An evidence note refused as too long: the refusal next to the field.
    const details = page.locator('kam-audit [data-item="A1.1"] details.evidence');
    if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
    await page.locator('kam-audit textarea[data-evidence="A1.1"]').fill("x".repeat(kam.limits().max_string_chars + 1));
    await page.locator('kam-audit [data-item="A1.1"] .refusal').waitFor();
    await noViolations(`refused note at ${width} px`);
  }
  assert.deepEqual(pageErrors, []);
});

test("no horizontal scrolling at 320 and 390 px; every score button of A2.3 is on screen", async () => {
  for (const width of [320, 390]) {
    await open("/www/", width);
    await score();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${width} px: the page scrolls sideways by ${overflow} px`);
    const row = page.locator('kam-audit [data-item="A2.3"]');
    await row.scrollIntoViewIfNeeded();
    for (const box of await row.locator(".value").evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON()))) {
      assert.ok(box.left >= 0 && box.right <= width, `${width} px: a score button at ${box.left}–${box.right}`);
    }
    await page.screenshot({ path: join(artifacts, `phone-${width}.png`) });
    await page.locator("kam-audit .summary").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, `phone-${width}-summary.png`) });
  }
});

test("chart text is at least 11 px as displayed, on a desktop and at 390 px", async () => {
  for (const width of [1200, 390]) {
    await open("/www/", width);
    await score();
    const sizes = await page.evaluate(() => {
      const out = [];
      for (const host of document.querySelectorAll("kam-audit, kam-maturity")) {
        for (const chart of host.shadowRoot.querySelectorAll("figure svg")) {
          const scale = chart.getBoundingClientRect().width / chart.viewBox.baseVal.width;
          for (const text of chart.querySelectorAll("text[font-size]")) out.push({ chart: chart.id || chart.getAttribute("aria-labelledby"), px: Number(text.getAttribute("font-size")) * scale });
        }
      }
      return out;
    });
    assert.ok(sizes.length > 50, "the charts have text");
    const smallest = Math.min(...sizes.map((s) => s.px));
    assert.ok(smallest >= 11 - 1e-9, `${width} px: chart text down to ${smallest.toFixed(2)} px`);
  }
  // The page itself still does not scroll sideways at 390 px: a chart scrolls in its own box.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
});

/** The contrast ratio of two CSS colours (any syntax), as WCAG defines it. */
async function contrast(a, b) {
  return page.evaluate(
    ([a, b]) => {
      const rgb = (css) => {
        const canvas = document.createElement("canvas");
        canvas.width = canvas.height = 1;
        const context = canvas.getContext("2d");
        context.fillStyle = css;
        context.fillRect(0, 0, 1, 1);
        return [...context.getImageData(0, 0, 1, 1).data].slice(0, 3);
      };
      const luminance = (css) => {
        const [r, g, b] = rgb(css).map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    },
    [a, b],
  );
}

test("the focus ring and the borders of unselected controls reach 3:1", async () => {
  for (const path of ["/www/", "/tests/pages/dark.html"]) {
    await open(path);
    const audit = page.locator("kam-audit").first();
    const background = await audit.evaluate((n) => getComputedStyle(n).backgroundColor);
    // Keyboard focus on a score button.
    await audit.locator('[data-item="A1.2"] input[value=""]').focus();
    await page.keyboard.press("ArrowRight");
    const ring = await audit.locator('[data-item="A1.2"] input[value="0"] + .value').evaluate((n) => getComputedStyle(n).outlineColor);
    assert.ok((await contrast(ring, background)) >= 3, `${path}: focus ring ${ring} on ${background}`);
    const border = await audit.locator('[data-item="A1.3"] input[value="2"] + .value').evaluate((n) => getComputedStyle(n).borderTopColor);
    assert.ok((await contrast(border, background)) >= 3, `${path}: score button border ${border} on ${background}`);
    const field = await audit.locator('input[data-context="organisation"]').evaluate((n) => getComputedStyle(n).borderTopColor);
    assert.ok((await contrast(field, background)) >= 3, `${path}: text field border ${field} on ${background}`);
  }
});

test("accessible names are separated, and one polite live region speaks the totals", async () => {
  await open();
  const item = FRAMEWORK.items.find((i) => i.id === "A1.3");
  const snapshot = await page.locator('kam-audit [data-item="A1.3"]').ariaSnapshot();
  assert.ok(snapshot.startsWith(`- group "A1.3, ${item.text}, Research"`), snapshot);
  assert.ok(snapshot.includes(`radio "2: ${FRAMEWORK.scale.labels[2].label}"`), snapshot);
  // No <output>s (each an implicit live region); one region changes on a score.
  const regions = () =>
    page.evaluate(() =>
      [...document.querySelectorAll("kam-audit, kam-maturity")].flatMap((host) =>
        [...host.shadowRoot.querySelectorAll("output, [aria-live], [role=status], [role=alert], [role=log]")]
          .filter((n) => !n.hidden)
          .map((n) => `${host.localName} ${n.getAttribute("aria-live") ?? n.getAttribute("role")}: ${n.textContent}`),
      ),
    );
  const start = { framework: FRAMEWORK.id, framework_version: FRAMEWORK.version, scores: {} };
  await page.evaluate((value) => {
    document.querySelector("kam-audit").assessment = value;
  }, start);
  const settled = (words) => until(page, "kam-audit", (e, text) => e.shadowRoot.querySelector("[data-live]").textContent.startsWith(text), "the live region speaks", words.summary);
  await settled(kam.describe(kam.score(start)));
  await page.waitForTimeout(500);
  const before = await regions();
  assert.ok(!before.some((r) => r.includes("output")));
  await page.locator('kam-audit [data-item="A1.1"] input[value="3"]').click();
  const words = kam.describe(kam.score({ ...start, scores: { "A1.1": 3 } }));
  await settled(words);
  const after = await regions();
  const changed = after.filter((r) => !before.includes(r));
  // The region speaks kam-core's one-line summary of the report.
  assert.deepEqual(changed, [`kam-audit polite: ${words.summary}`]);
});

test("the score meanings are written out, not in tooltips", async () => {
  await open("/www/", 390);
  const period = page.locator('kam-audit details.period[open]').first();
  const key = await period.locator("dl.scale").textContent();
  for (const { value, label } of FRAMEWORK.scale.labels) assert.ok(key.includes(`${value}${label}`), key);
  assert.ok(await period.locator("dl.scale").isVisible());
  await page.locator('kam-audit [data-item="A1.2"] input[value="2"]').click();
  assert.equal(await page.locator('kam-audit [data-meaning="A1.2"]').textContent(), `2: ${FRAMEWORK.scale.labels[2].label}`);
  assert.equal(await page.locator("kam-audit [title]").count(), 0);
});

test("'next unscored item', the skip link and the sticky bar", async () => {
  await open();
  await page.evaluate(() => {
    const audit = document.querySelector("kam-audit");
    audit.assessment = { ...audit.assessment, scores: { "A1.1": 3, "A1.2": 2 } };
  });
  const next = page.locator('kam-audit button[data-action="next-unscored"]');
  await next.click();
  const focusedItem = () => page.evaluate(() => document.querySelector("kam-audit").shadowRoot.activeElement?.closest("[data-item]")?.dataset.item);
  assert.equal(await focusedItem(), "A1.3");
  // Keyboard: score it and go on.
  await page.keyboard.press("ArrowRight");
  await next.click();
  assert.equal(await focusedItem(), "A1.4");
  // Far down the checklist, the bar still shows where the person stands.
  await page.locator('kam-audit [data-item="D3.1"]').scrollIntoViewIfNeeded();
  const bar = page.locator("kam-audit .bar");
  const box = await bar.boundingBox();
  assert.ok(box.y >= 0 && box.y < 5, `the bar is at ${box.y}`);
  assert.match(await bar.textContent(), /Overall 5 \/ 387.*Path 1 Awareness \(\d+%\).*Unscored \d+/);
  await page.screenshot({ path: join(artifacts, "sticky-bar.png") });
  // The skip link: first in the element, shown on focus, moves focus to the checklist.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator("kam-audit a.skip").focus();
  assert.ok(await page.locator("kam-audit a.skip").isVisible());
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.querySelector("kam-audit").shadowRoot.activeElement?.id), "checklist");
});

test("a dark host page: legible defaults and themed properties, no axe violation; screenshots", async () => {
  await open("/tests/pages/dark.html");
  await page.evaluate((text) => {
    for (const audit of document.querySelectorAll("kam-audit")) audit.assessment = text;
  }, northwind);
  await page.locator(`kam-maturity [data-area="${MODEL.areas[0].id}"] input[value="2"]`).click();
  await noViolations("dark page");
  for (const selector of ["kam-audit", "kam-audit.themed"]) {
    const [text, surface] = await page.locator(`${selector} >> .summary`).first().evaluate((n) => [getComputedStyle(n).color, getComputedStyle(n).backgroundColor]);
    assert.ok((await contrast(text, surface)) >= 4.5, `${selector}: summary text ${text} on ${surface}`);
    const chart = page.locator(`${selector} >> [data-chart="figure3"] svg`).first();
    const canvas = await chart.evaluate((svg) => getComputedStyle(svg.querySelector(":scope > rect")).fill);
    const ink = await chart.evaluate((svg) => getComputedStyle(svg.querySelector("text")).fill);
    assert.ok((await contrast(ink, canvas)) >= 4.5, `${selector}: chart text ${ink} on ${canvas}`);
  }
  await page.locator("kam-audit .summary").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifacts, "dark.png") });
  await page.locator("kam-audit.themed .summary").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifacts, "dark-themed.png") });
  await open("/tests/pages/dark.html", 390);
  await page.screenshot({ path: join(artifacts, "dark-390.png") });
  assert.deepEqual(pageErrors, []);
});

test("desktop screenshots", async () => {
  await open();
  await score();
  await page.locator("kam-audit .summary").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifacts, "desktop.png") });
  await page.locator('kam-audit [data-item="A2.3"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifacts, "desktop-checklist.png") });
});
