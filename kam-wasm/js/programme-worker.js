// The programme report, computed off the page's main thread: a report of a
// thousand assessments takes longer than a frame (docs/performance.md), so
// <kam-programme> hands the programme document to this module worker and
// shows what comes back. Nothing here but calls into kam-core and the
// shape of what goes back, chosen so the page has little to do on its
// thread: the report as UTF-8 JSON text in a transferred buffer (nothing is
// copied; the 2 MB report as objects would be a long task to rebuild, and
// the page decodes and parses it only when asked for `report`), its HTML
// already cut into the parts the page inserts one frame at a time (each
// part a transferred buffer too), and for the page's "Rounds compared"
// panel the few fields of each unit's rounds it shows, as JSON text per
// unit.
//
// Message in: `{ id, programme }` (the Programme document). Out:
// `{ id, ...answer }` with `answer` as `answer(programme)` makes it, its
// buffers transferred. A page without module workers imports this file and
// calls `answer` itself.

import init, { programmeHtmlFragment, programmeReport } from "./analysis.js";

const ready = init();

/** What the rounds panel shows of each unit with audit rounds, fields as in kam-core's report. */
export function roundsOf(report) {
  return report.units
    .filter((u) => u.rounds.length)
    .map(({ id, name, rounds, change, trend }) => ({
      id,
      name,
      rounds: rounds.map(({ date, assessors, overall, agreement: { alpha, reading, disputed } }) => ({ date, assessors, overall, agreement: { alpha, reading, disputed } })),
      change: change ? { from: change.from, to: change.to, overall: change.overall, improved: change.improved, regressed: change.regressed } : null,
      trend: trend ? { reading: trend.reading } : null,
    }));
}

/**
 * kam-core's HTML fragment cut where the page can insert it a piece at a
 * time: `shell`, the fragment with its details section empty, and `parts`,
 * that section cut before each `<h2>`, one unit each, every one a
 * top-level block there (kam-core's `programme/report/html.rs`). A fragment
 * of another shape is all shell.
 */
export function cut(html) {
  const open = '<section class="kam-details">\n';
  const close = "</section>\n<footer>";
  const start = html.indexOf(open);
  const end = html.lastIndexOf(close);
  if (start < 0 || end < start) return { shell: html, parts: [] };
  return {
    shell: `${html.slice(0, start + open.length)}</section>${html.slice(end + "</section>\n".length)}`,
    parts: html.slice(start + open.length, end).split(/(?=<h2>)/),
  };
}

const utf8 = new TextEncoder();

/**
 * The report of `programme`: `{ report, html, rounds }` (`report` as UTF-8
 * JSON text in a `Uint8Array`, `html` as `cut` makes it with each part in
 * UTF-8 too, `rounds` as `roundsOf` makes it, each unit's as `{ id, name,
 * text }`), or `{ error: { kind, message, path } }` with kam-core's error.
 */
export async function answer(programme) {
  try {
    await ready;
    const report = programmeReport(programme);
    const text = JSON.stringify(report);
    const rounds = roundsOf(report).map((unit) => ({ id: unit.id, name: unit.name, text: JSON.stringify(unit) }));
    const { shell, parts } = cut(programmeHtmlFragment(text));
    return { report: utf8.encode(text), html: { shell, parts: parts.map((part) => utf8.encode(part)) }, rounds };
  } catch (error) {
    return { error: { kind: error?.kind ?? "engine", message: String(error?.message ?? error), path: error?.path ?? null } };
  }
}

if (typeof WorkerGlobalScope === "function" && self instanceof WorkerGlobalScope) {
  self.addEventListener("message", async ({ data }) => {
    const { id, programme } = data ?? {};
    const reply = await answer(programme);
    const buffers = reply.error ? [] : [reply.report.buffer, ...reply.html.parts.map((part) => part.buffer)];
    self.postMessage({ id, ...reply }, buffers);
  });
}
