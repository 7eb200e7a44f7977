// The programme report, computed off the page's main thread: a report of a
// thousand assessments takes longer than a frame (docs/performance.md), so
// <kam-programme> hands the programme document to this module worker and
// shows what comes back. Nothing here but calls into kam-core.
//
// Message in: `{ id, programme }` (the Programme document). Out:
// `{ id, report, html }` or `{ id, error: { kind, message, path } }`.

import init, { programmeHtmlFragment, programmeReport } from "./analysis.js";

const ready = init();

self.addEventListener("message", async ({ data }) => {
  const { id, programme } = data ?? {};
  try {
    await ready;
    const report = programmeReport(programme);
    self.postMessage({ id, report, html: programmeHtmlFragment(report) });
  } catch (error) {
    self.postMessage({ id, error: { kind: error?.kind ?? "engine", message: String(error?.message ?? error), path: error?.path ?? null } });
  }
});
