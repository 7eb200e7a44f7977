// What the Chromium suites (the demo page, nothing lost, accessibility,
// integration, <kam-checklist>, the package through Vite) share: how the
// browser is started, how page errors are collected, how <kam-audit> totals
// read, and how the calculators' database is read, planted and emptied.
//
// CHROMIUM=/path/to/chromium overrides the browser.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

/** Options for playwright-core's `launch` / `launchPersistentContext`: Debian's chromium, headless, no network of its own. */
export const chromiumOptions = {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
};

/** Collects the page's uncaught errors and console errors into `errors`. */
export function collectErrors(page, errors) {
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
}

/** What <kam-audit> shows for a total: `score / max (percent%)`. */
export const shown = (t) => `${t.score} / ${t.max} (${t.percent.toFixed(1)}%)`;

/**
 * Waits (up to 5 s) until <kam-audit> shows `total` as its overall score:
 * imports and first renders are asynchronous. Returns either way; the caller
 * asserts what is shown.
 */
export async function untilOverallShows(page, total) {
  await page
    .waitForFunction(
      (expected) =>
        document.querySelector("kam-audit")?.shadowRoot?.querySelector('[data-total="overall"]')?.textContent ===
        expected,
      shown(total),
      { timeout: 5000 },
    )
    .catch(() => {});
}

/** The WCAG 2.2 A and AA rule tags of axe-core that the suites run. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

const axeSource = new URL("../node_modules/axe-core/axe.min.js", import.meta.url);

/**
 * Runs axe-core (WCAG 2.2 A and AA rules) on the page, into open shadow
 * roots, and returns its violations as `rule: target …` lines, so a failing
 * assertion says what is wrong where.
 */
export async function axeViolations(page, include = null) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ path: fileURLToPath(axeSource) });
  }
  const violations = await page.evaluate(
    async ([tags, include]) => {
      const result = await window.axe.run(include ? { include: [include] } : document, { runOnly: { type: "tag", values: tags } });
      return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`) }));
    },
    [WCAG_TAGS, include],
  );
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n}`));
}

/**
 * Runs `body(db)` in the page against the calculators' database, opened with
 * the `idb` module the package ships: how the tests read and plant saved
 * records (another writer, a corrupted record, an older version).
 */
export function inStore(page, body, arg) {
  return page.evaluate(
    async ([source, arg]) => {
      const { openDB } = await import("/pkg/idb.js");
      const db = await openDB("kam");
      try {
        return await new Function("db", "arg", `return (${source})(db, arg);`)(db, arg);
      } finally {
        db.close();
      }
    },
    [body.toString(), arg],
  );
}

/**
 * A browser with a persistent profile (as a person's, so IndexedDB and two
 * tabs behave as they do for them) in a new temporary directory, downloads
 * accepted: `{ context, page, close }`; `close()` also removes the profile.
 */
export async function personalBrowser(prefix, viewport) {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, { ...chromiumOptions, acceptDownloads: true, viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}

/**
 * A full disk, switched on per tab by `sessionStorage["disk-full"]`: every
 * write transaction aborts with the QuotaExceededError the browser raises.
 * Chromium's quota override (CDP `Storage.overrideQuotaForOrigin`) refuses
 * only a database's creation, not later writes to it, so the error is
 * raised here, in the page, at the IndexedDB API the store uses.
 */
export function diskFull() {
  for (const method of ["put", "add", "delete"]) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      const request = original.apply(this, args);
      if (sessionStorage.getItem("disk-full") === "1") {
        const tx = this.transaction;
        Object.defineProperty(tx, "error", { value: new DOMException("The quota has been exceeded.", "QuotaExceededError") });
        tx.abort();
      }
      return request;
    };
  }
}

/** Empties the calculators' database, every object store of it. */
export function clearStore(page) {
  return inStore(page, async (db) => {
    for (const store of ["assessments", "set-aside", "frameworks"]) await db.clear(store);
  });
}

/** Starts a test afresh in `page`: no other tab of `context` open, an empty store, the page reloaded. */
export async function afresh(context, page) {
  for (const other of context.pages()) if (other !== page) await other.close();
  await clearStore(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
}

/** Waits until `predicate(element)` holds for the first `selector` element in the page (5 s, or `timeout` ms), or throws with `what`. */
export async function until(page, selector, predicate, what, arg, timeout = 5000) {
  await page
    .waitForFunction(
      ([selector, source, arg]) => {
        const element = document.querySelector(selector);
        return element && new Function("element", "arg", `return (${source})(element, arg);`)(element, arg);
      },
      [selector, predicate.toString(), arg],
      { timeout },
    )
    .catch(() => {
      throw new Error(`timed out waiting: ${what}`);
    });
}

/**
 * Builds the little app in the directory `dir` (a URL) with Vite into its
 * dist/, `kam` resolving as it would after `npm install path/to/kam-wasm/pkg`
 * (its node_modules/kam links to kam-wasm/pkg); returns Vite's output.
 */
export async function buildApp(dir, plugins = []) {
  const { build } = await import("vite");
  const at = (path) => fileURLToPath(new URL(path, dir));
  mkdirSync(at("./node_modules/"), { recursive: true });
  rmSync(at("./node_modules/kam"), { force: true });
  symlinkSync("../../../pkg", at("./node_modules/kam"), "dir");
  return build({
    configFile: false,
    root: at("."),
    base: "./",
    logLevel: "warn",
    plugins,
    build: { outDir: at("./dist/"), emptyOutDir: true },
  });
}
