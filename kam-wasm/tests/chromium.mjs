// What the two Chromium suites (browser.test.mjs: the demo page;
// bundler/bundler.test.mjs: the package through Vite) share: how the browser
// is started, how page errors are collected, and how <kam-audit> totals read.
//
// CHROMIUM=/path/to/chromium overrides the browser.

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
