// <kam-programme>: a KAM programme's home in the browser. A library of
// assessments (units, assessors, dates, frameworks) kept in the browser's
// database, many files imported at once, listed, filtered and sorted; new
// assessments started in the calculators; the programme report, its rounds
// compared and its assessors' disagreements, all computed and worded by
// kam-core (`programmeReport` and its renderers in `kam/analysis`, files read
// by `assembleProgramme` in `kam/spreadsheet`). The document it keeps and
// exports is kam-core's `Programme` (docs/programme.md).

import { count, download, fileStem, h, kam, loadEngine, printHtml } from "./common.js";
import { asText, isQuotaError, openStore } from "./store.js";
import { STYLE } from "./style.js";

/** Rows the list shows at first and adds per "Show more": a thousand rows would be a long frame to lay out. */
const PAGE_ROWS = 100;
/** How long the page waits after an edit before asking for a new report, in ms: a burst of edits gives one report. */
const REPORT_DELAY = 150;
/** Characters of the report's HTML parsed per frame: about 10 ms of parsing. */
const REPORT_CHUNK = 64 * 1024;
/** The calculator element of each kind of programme entry a person can edit on this page. */
const EDITORS = { audit: "kam-audit", maturity: "kam-maturity" };
/** The framework types a new assessment can be started in, and their element. */
const STARTABLE = { "action-audit": "kam-audit", "maturity-model": "kam-maturity" };
/** The columns of a unit's rounds compared. */
const ROUND_COLUMNS = ["Date", "Assessors", "Merged overall", "Krippendorff's α", "Disputed items"];
/** The orders the list can be sorted in: label, key, direction. */
const SORTS = [
  ["date-desc", "Date, newest first", "date", -1],
  ["date-asc", "Date, oldest first", "date", 1],
  ["unit", "Unit", "unit", 1],
  ["assessor", "Assessor", "assessor", 1],
  ["framework", "Framework", "framework", 1],
];

const PROGRAMME_STYLE = `
.panel { border: 1px solid var(--_line); border-radius: 6px; padding: .6em 1em; margin: 1em 0; background: var(--_surface); }
.panel > h3:first-child { margin-top: .2em; }
.row { display: flex; flex-wrap: wrap; gap: .6em 1em; align-items: flex-end; }
.row label { display: flex; flex-direction: column; font-size: .85em; flex: 1 1 10em; min-width: 0; }
select { font: inherit; color: inherit; background: var(--_bg); border: 1px solid var(--_border); border-radius: 4px; padding: .25em .4em; max-width: 100%; min-height: 2em; }
.drop { border: 2px dashed var(--_border); border-radius: 6px; padding: 1em; text-align: center; }
.drop[data-over] { border-color: var(--_accent); background: var(--_soft); }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { text-align: left; padding: .3em .5em; border-bottom: 1px solid var(--_line); vertical-align: top; }
th { font-weight: 600; }
tr[data-error] td { background: color-mix(in srgb, var(--_error) 8%, var(--_bg)); }
td .actions { display: flex; flex-wrap: wrap; gap: .3em; }
.files { margin: .4em 0 0; padding-left: 1.2em; }
.files .bad { color: var(--_error); }
.muted { color: var(--_muted); font-size: .9em; }
.report { background: #fff; color: #1d2433; border-radius: 6px; padding: .5em; overflow-x: auto; }
/* Off-screen parts of a long report are neither styled nor laid out until
   scrolled to, nor when the list above it changes: each unit's part of its
   details (a wrapper the page adds, see showReportHtml) and the summary's
   blocks; a part's size is remembered once it has been shown (\`auto\`).
   The last part is always laid out, so the report ends where its content
   does, not at an estimate that a longer part would overflow. */
.report .kam-part { content-visibility: auto; contain-intrinsic-size: auto 60em; }
.report .kam-part:last-child { content-visibility: visible; }
.report .kam-summary > :is(figure, table, div, dl, ul, ol) { content-visibility: auto; contain-intrinsic-size: auto 12em; }
/* On a phone the list and the rounds stack, each row a block of labelled lines. */
@container kam (max-width: 36em) {
  :is(table.library, table.rounds) thead { position: absolute; left: -9999px; }
  :is(table.library, table.rounds) tr { display: block; border-bottom: 1px solid var(--_line); padding: .3em 0; }
  :is(table.library, table.rounds) td { display: block; border: 0; padding: .1em .3em; }
  :is(table.library, table.rounds) td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
}
`;

/**
 * A KAM programme: many assessments across units, assessors and years.
 *
 * @tag kam-programme
 * @summary Keeps a KAM programme's library of assessments in the browser and shows kam-core's programme report.
 *
 * @attr {string} storage-key - Which programme of the browser's database this element shows (default `kam:programme`); two elements with the same key show the same library.
 *
 * @prop {Programme} programme - The library as kam-core's Programme document (a copy); setting it (an object or JSON text) replaces the library once kam-core accepts it, the previous one set aside (a refused one fires `kam-error` and changes nothing).
 * @prop {ProgrammeReport | null} report - kam-core's programme report of the library, updated before every `kam-change` that follows an edit; `null` while the library is empty or cannot be reported.
 * @prop {Promise<KamProgramme>} ready - Resolves once the engine and the saved library are loaded (when `kam-ready` fires).
 *
 * @fires kam-ready - The engine and the saved library are loaded; `detail`: `{ programme }`.
 * @fires kam-change - The library changed (here or in another tab) and the report is current; `detail`: `{ programme, report, remote }`.
 * @fires kam-error - A file, edit or stored record was refused; `detail`: `{ kind, message, file }` with kam-core's error kind and message.
 *
 * @csspart header - The title, the programme's name and the toolbar.
 * @csspart toolbar - The import, export and report buttons.
 * @csspart button - Every button.
 * @csspart message - The messages: what was imported, saving problems.
 * @csspart units - The units: their list and the form adding one.
 * @csspart start - The form starting a new assessment.
 * @csspart import - The drop zone and file picker.
 * @csspart library - The filters and the list of assessments.
 * @csspart editor - The calculator an assessment is opened in.
 * @csspart rounds - A unit's rounds compared, merged across assessors, with the disputed items.
 * @csspart report - kam-core's programme report.
 *
 * @cssprop --kam-background - Page colour of the element (default: the system `Canvas` colour).
 * @cssprop --kam-surface - Colour of panels (default: mixed from background and text).
 * @cssprop --kam-text - Text colour (default: the system `CanvasText` colour).
 * @cssprop --kam-accent - Buttons and links (default: a blue for light or dark schemes).
 * @cssprop --kam-on-accent - Text on the accent colour.
 * @cssprop --kam-focus - The focus ring (default: the accent).
 */
export class KamProgramme extends HTMLElement {
  static get observedAttributes() {
    return ["storage-key"];
  }

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    /** Programme fields but units and assessments. @internal */
    this.meta = { name: "" };
    /** Unit records by unit id. @internal */
    this.units = new Map();
    /** Entry records (`{ id, entry, added, file }`) by record id. @internal */
    this.entries = new Map();
    /** The report as kam-core's JSON text in UTF-8, decoded and parsed only when `report` is read. @internal */
    this.reportBytes = null;
    this.parsedReport = null;
    /** What the rounds panel shows of each unit with rounds (programme-worker.js). @internal */
    this.roundUnits = [];
    this.shown = PAGE_ROWS;
    this.reportRequest = 0;
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    this.start();
  }

  disconnectedCallback() {
    this.unwatch?.();
    this.worker?.terminate();
    this.worker = null;
  }

  /** The database key of the programme shown. */
  get key() {
    return this.getAttribute("storage-key") || "kam:programme";
  }

  /** The library as kam-core's Programme document: units in their order, assessments in the order they were added. */
  get programme() {
    const entries = [...this.entries.values()].sort((a, b) => (a.added < b.added ? -1 : a.added > b.added ? 1 : 0));
    return {
      ...this.meta,
      units: [...this.units.values()].sort((a, b) => a.order - b.order || (a.unit.id < b.unit.id ? -1 : 1)).map((u) => u.unit),
      assessments: entries.map((e) => e.entry),
    };
  }

  set programme(value) {
    this.replacing = (async () => this.replace(typeof value === "string" ? JSON.parse(value) : value, null))().catch((error) => {
      this.say(`Programme not opened: ${error.message}`, "error");
      this.emit("kam-error", { kind: error.kind ?? "invalid-json", message: error.message, file: null });
    });
  }

  get report() {
    if (this.reportBytes === null) return null;
    this.parsedReport ??= JSON.parse(this.reportText());
    return this.parsedReport;
  }

  /** Keeps the report's text (or none), its parsed copy dropped. @internal */
  setReport(bytes, rounds = []) {
    this.reportBytes = bytes;
    this.parsedReport = null;
    this.roundUnits = rounds;
  }

  /** The report as kam-core's JSON text, or `null`. @internal */
  reportText() {
    return this.reportBytes === null ? null : new TextDecoder().decode(this.reportBytes);
  }

  // --- Loading --------------------------------------------------------------

  /** @internal */
  async start() {
    this.shadowRoot.replaceChildren(h("style", {}, STYLE), h("p", { class: "loading" }, "Loading…"));
    try {
      await loadEngine();
      this.frameworks = kam.frameworks();
    } catch (error) {
      this.shadowRoot.replaceChildren(h("style", {}, STYLE), h("p", { role: "alert" }, `The kam engine could not be loaded: ${error.message}`));
      this.emit("kam-error", { kind: error.kind ?? "engine", message: error.message, file: null });
      return;
    }
    this.render();
    try {
      this.store = await openStore();
      await this.load();
      this.unwatch = this.store.watch(`library:${this.key}`, () => this.remoteChange());
    } catch (error) {
      this.store = null;
      this.say(`This browser cannot keep the library (${error.message}): it lives in this page only, so export it to a file before leaving.`, "error");
    }
    this.refresh();
    this.resolveReady(this);
    this.emit("kam-ready", { programme: this.programme });
  }

  /** Reads the library from the database; records the page cannot read are set aside and said so. @internal */
  async load() {
    const records = await this.store.library(this.key);
    const meta = { name: "" };
    const units = new Map();
    const entries = new Map();
    const unreadable = [];
    for (const record of records) {
      if (record.id === "meta" && record.meta && typeof record.meta === "object") Object.assign(meta, record.meta);
      else if (String(record.id).startsWith("unit:") && typeof record.unit?.id === "string") units.set(record.unit.id, record);
      else if (String(record.id).startsWith("entry:") && typeof record.entry?.type === "string" && record.entry.assessment && typeof record.entry.assessment === "object") entries.set(record.id, record);
      else unreadable.push(record);
    }
    this.meta = meta;
    this.units = units;
    this.entries = entries;
    if (unreadable.length) {
      try {
        await this.store.putLibrary(this.key, {
          remove: unreadable.map((r) => r.id),
          setAside: unreadable.map((r) => ({ reason: "unreadable", text: asText(r) })),
        });
        this.say(`${count(unreadable.length)} saved record${unreadable.length === 1 ? " was" : "s were"} unreadable and set aside (kept in this browser's database, not shown): ${unreadable.map((r) => `\`${r.id}\``).join(", ")}.`, "error");
      } catch (error) {
        this.say(`${count(unreadable.length)} saved record${unreadable.length === 1 ? " is" : "s are"} unreadable and could not be set aside (${error.message}); they are left as they are and not shown.`, "error");
      }
      this.emit("kam-error", { kind: "unreadable", message: `unreadable records: ${unreadable.map((r) => r.id).join(", ")}`, file: null });
    }
  }

  /** Another tab saved: read the library again (records are merged by key, so nothing of this tab's saved work is lost). @internal */
  async remoteChange() {
    const unsaved = [...this.entries.values()].filter((e) => e.unsaved);
    await this.load();
    for (const e of unsaved) this.entries.set(e.id, e);
    this.refresh({ remote: true });
  }

  // --- Saving ---------------------------------------------------------------

  /** Saves records and removals; on failure keeps them in the page, marked unsaved, and says so. @internal */
  async save(change) {
    if (!this.store) return false;
    // What a full disk kept from being saved goes with this save.
    const put = change.put ?? [];
    const unsaved = [...this.units.values(), ...this.entries.values()].filter((r) => r.unsaved && !put.includes(r));
    change = { ...change, put: [...put, ...unsaved] };
    try {
      await this.store.putLibrary(this.key, change);
      for (const record of change.put ?? []) delete record.unsaved;
      return true;
    } catch (error) {
      for (const record of change.put ?? []) record.unsaved = true;
      const text = isQuotaError(error)
        ? "Not saved: this browser’s storage is full. The new work is still on this page, and what was saved before is kept. Export the programme to a file now, then free some space."
        : `Not saved in this browser (${error.message}). The new work is still on this page: export the programme to a file to keep it.`;
      this.say(text, "error", [{ label: "Export programme now", run: () => this.exportJson() }]);
      this.emit("kam-error", { kind: isQuotaError(error) ? "storage-full" : "storage", message: error.message, file: null });
      return false;
    }
  }

  /** A new record id. @internal */
  newId(prefix) {
    const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    return `${prefix}:${random}`;
  }

  /** Adds entries (and units not yet in the library) and saves them. @internal */
  async add(entries, units, file = null) {
    const put = [];
    let order = Math.max(0, ...[...this.units.values()].map((u) => u.order ?? 0));
    for (const unit of units) {
      if (this.units.has(unit.id)) continue;
      const record = { id: `unit:${unit.id}`, unit, order: ++order };
      this.units.set(unit.id, record);
      put.push(record);
    }
    put.push(...this.addEntries(entries, file));
    await this.save({ put });
    return put;
  }

  /** Entry records for `entries`, in the library, stamped in their order (the order the programme lists them). @internal */
  addEntries(entries, file) {
    const added = new Date().toISOString();
    return entries.map((entry, i) => {
      const record = { id: this.newId("entry"), entry, added: `${added}:${String(i).padStart(6, "0")}`, file };
      this.entries.set(record.id, record);
      return record;
    });
  }

  /** Replaces the whole library by `programme` (checked by kam-core first); the previous one is set aside. @internal */
  async replace(programme, file) {
    // kam-core reads it as a programme, and its report checks units, dates
    // and assessors: in the worker, as a programme file can be large.
    const checked = await this.inWorker(programme);
    if (checked.error) throw Object.assign(new Error(checked.error.message), checked.error);
    const { units = [], assessments = [], ...meta } = programme;
    const previous = this.programme;
    const remove = [...this.units.keys()].map((id) => `unit:${id}`).concat([...this.entries.keys()]);
    this.meta = { name: "", ...meta };
    this.units = new Map();
    this.entries = new Map();
    const put = [{ id: "meta", meta: this.meta }];
    units.forEach((unit, i) => {
      const record = { id: `unit:${unit.id}`, unit, order: i + 1 };
      this.units.set(unit.id, record);
      put.push(record);
    });
    put.push(...this.addEntries(assessments, file));
    const setAside = previous.units.length || previous.assessments.length ? [{ reason: "replaced", text: asText(previous) }] : [];
    await this.save({ put, remove, setAside });
    this.refresh();
  }

  // --- Modules of kam-core loaded on demand -----------------------------------

  /** `kam/analysis`, loaded on first use. @internal */
  async analysis() {
    this.analysisModule ??= import("./analysis.js").then(async (m) => {
      await m.default();
      return m;
    });
    return this.analysisModule;
  }

  /** `kam/spreadsheet`, loaded on first use (files and Excel). @internal */
  async spreadsheet() {
    this.spreadsheetModule ??= import("./spreadsheet.js").then(async (m) => {
      await m.default();
      return m;
    });
    return this.spreadsheetModule;
  }

  // --- Rendering ------------------------------------------------------------

  /** @internal */
  render() {
    const button = (label, run, attrs = {}) => h("button", { type: "button", part: "button", onclick: run, ...attrs }, label);
    this.messages = h("div", { class: "messages", part: "message", role: "status", "aria-live": "polite" });
    this.alerts = h("div", { class: "messages", part: "message", role: "alert" });
    this.nameInput = h("input", { type: "text", id: "programme-name", onchange: () => this.rename() });

    const header = h(
      "header",
      { part: "header" },
      h("h2", {}, "KAM programme"),
      h("div", { class: "row" }, h("label", { for: "programme-name" }, "Programme name", this.nameInput)),
      h(
        "div",
        { class: "toolbar", part: "toolbar" },
        button("Export programme (JSON)", () => this.exportJson(), { "data-action": "export-json" }),
        button("Open programme file…", () => this.programmeFile.click(), { "data-action": "import-programme" }),
        button("Save report (HTML)", () => this.saveReportHtml(), { "data-action": "save-html" }),
        button("Print report", () => this.printReport(), { "data-action": "print" }),
        button("Save report (Excel)", () => this.saveReportXlsx(), { "data-action": "save-xlsx" }),
      ),
      this.programmeFile = h("input", { type: "file", accept: ".json,application/json", hidden: true, "aria-label": "Programme file", onchange: (e) => this.openProgrammeFile(e.target) }),
      this.alerts,
      this.messages,
    );

    // Units.
    this.unitId = h("input", { type: "text", id: "unit-id", required: true, autocomplete: "off" });
    this.unitName = h("input", { type: "text", id: "unit-name", autocomplete: "off" });
    this.unitParent = h("select", { id: "unit-parent" });
    this.unitList = h("ul", { class: "files", "data-list": "units" });
    const units = h(
      "section",
      { class: "panel", part: "units", "aria-labelledby": "units-title" },
      h("h3", { id: "units-title" }, "Units"),
      this.unitList,
      h(
        "form",
        { class: "row", onsubmit: (e) => (e.preventDefault(), this.addUnit()) },
        h("label", { for: "unit-id" }, "Unit id", this.unitId),
        h("label", { for: "unit-name" }, "Name", this.unitName),
        h("label", { for: "unit-parent" }, "Part of", this.unitParent),
        h("button", { type: "submit", part: "button" }, "Add unit"),
      ),
    );

    // A new assessment.
    this.startUnit = h("select", { id: "start-unit", required: true });
    this.startAssessor = h("input", { type: "text", id: "start-assessor", required: true, autocomplete: "name" });
    this.startDate = h("input", { type: "date", id: "start-date", required: true, value: new Date().toISOString().slice(0, 10) });
    this.startFramework = h(
      "select",
      { id: "start-framework" },
      this.frameworks.filter((f) => f.type in STARTABLE).map((f) => h("option", { value: f.id }, `${f.name} (${f.version})`)),
    );
    const start = h(
      "section",
      { class: "panel", part: "start", "aria-labelledby": "start-title" },
      h("h3", { id: "start-title" }, "Start an assessment"),
      h(
        "form",
        { class: "row", onsubmit: (e) => (e.preventDefault(), this.startAssessment()) },
        h("label", { for: "start-unit" }, "Unit", this.startUnit),
        h("label", { for: "start-assessor" }, "Assessor", this.startAssessor),
        h("label", { for: "start-date" }, "Date", this.startDate),
        h("label", { for: "start-framework" }, "Framework", this.startFramework),
        h("button", { type: "submit", part: "button" }, "Start"),
      ),
    );

    // Import.
    this.fileInput = h("input", { type: "file", id: "import-files", multiple: true, accept: ".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", onchange: ({ target }) => this.importFiles([...target.files]).then(() => (target.value = "")) });
    this.fileReport = h("ul", { class: "files", "data-list": "files" });
    this.drop = h(
      "div",
      { class: "drop", "data-drop": "" },
      h("p", {}, "Drop assessment files here (JSON as the calculators save them, or filled Excel workbooks), or ", h("label", { for: "import-files" }, "choose files: "), this.fileInput),
    );
    for (const type of ["dragenter", "dragover"]) this.drop.addEventListener(type, (e) => (e.preventDefault(), this.drop.setAttribute("data-over", "")));
    this.drop.addEventListener("dragleave", () => this.drop.removeAttribute("data-over"));
    this.drop.addEventListener("drop", (e) => {
      e.preventDefault();
      this.drop.removeAttribute("data-over");
      this.importFiles([...(e.dataTransfer?.files ?? [])]);
    });
    const imports = h(
      "section",
      { class: "panel", part: "import", "aria-labelledby": "import-title" },
      h("h3", { id: "import-title" }, "Import assessments"),
      this.drop,
      this.fileReport,
    );

    // The library: filters, sort, list.
    const filter = (id, label) => h("label", { for: id }, label, h("select", { id, "data-filter": id.replace("filter-", ""), onchange: () => this.showList(true) }));
    this.filters = h(
      "div",
      { class: "row", role: "group", "aria-label": "Filter and sort" },
      filter("filter-unit", "Unit"),
      filter("filter-assessor", "Assessor"),
      filter("filter-framework", "Framework"),
      h("label", { for: "filter-from" }, "From", h("input", { type: "date", id: "filter-from", "data-filter": "from", onchange: () => this.showList(true) })),
      h("label", { for: "filter-to" }, "To", h("input", { type: "date", id: "filter-to", "data-filter": "to", onchange: () => this.showList(true) })),
      h("label", { for: "sort" }, "Sort by", h("select", { id: "sort", "data-sort": "", onchange: () => this.showList(true) }, SORTS.map(([value, label]) => h("option", { value }, label)))),
    );
    this.listCount = h("p", { class: "muted", "data-count": "", "aria-live": "polite" });
    this.listBody = h("tbody");
    this.more = button("Show more", () => this.showMore(), { "data-action": "more", hidden: true });
    const library = h(
      "section",
      { class: "panel", part: "library", "aria-labelledby": "library-title" },
      h("h3", { id: "library-title" }, "Library"),
      this.filters,
      this.listCount,
      h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          { class: "library" },
          h("caption", { class: "muted" }, "Assessments of the programme"),
          h("thead", {}, h("tr", {}, ["Unit", "Assessor", "Date", "Framework", "Kind", "File", "Actions"].map((t) => h("th", { scope: "col" }, t)))),
          this.listBody,
        ),
      ),
      this.more,
    );

    this.editor = h("section", { class: "panel", part: "editor", "aria-labelledby": "editor-title", hidden: true });
    this.roundsUnit = h("select", { id: "rounds-unit", onchange: () => this.showRounds() });
    this.roundsBody = h("div", { "data-rounds": "" });
    const rounds = h(
      "section",
      { class: "panel", part: "rounds", "aria-labelledby": "rounds-title" },
      h("h3", { id: "rounds-title" }, "Rounds compared"),
      h("div", { class: "row" }, h("label", { for: "rounds-unit" }, "Unit", this.roundsUnit)),
      this.roundsBody,
    );
    this.reportState = h("p", { class: "muted", "data-report-state": "", "aria-live": "polite" });
    // Focusable, as it scrolls sideways on a phone when a table is wide.
    this.reportBody = h("div", { class: "report", "data-report": "", tabindex: "0", role: "region", "aria-label": "Programme report", hidden: true });
    const report = h(
      "section",
      { class: "panel", part: "report", "aria-labelledby": "report-title" },
      h("h3", { id: "report-title" }, "Programme report"),
      this.reportState,
      this.reportBody,
    );
    this.root = h("div", { class: "root" }, header, units, start, imports, library, this.editor, rounds, report);
    this.shadowRoot.replaceChildren(h("style", {}, STYLE + PROGRAMME_STYLE), this.root);
  }

  /** Shows everything again from the library; asks for a new report. @internal */
  refresh({ remote = false } = {}) {
    this.nameInput.value = this.meta.name ?? "";
    this.rows = [...this.entries.values()].map((record) => {
      const a = record.entry.assessment ?? {};
      const c = a.context ?? {};
      return { record, unit: String(c.unit ?? ""), assessor: String(c.assessor ?? ""), date: String(c.date ?? ""), framework: String(a.framework ?? ""), version: String(a.framework_version ?? ""), type: String(record.entry.type) };
    });
    this.showUnits();
    this.showFilters();
    this.showList();
    this.requestReport(remote);
  }

  /** @internal */
  showUnits() {
    const units = [...this.units.values()].sort((a, b) => a.order - b.order || (a.unit.id < b.unit.id ? -1 : 1)).map((r) => r.unit);
    const option = (u) => h("option", { value: u.id }, u.name ? `${u.name} (${u.id})` : u.id);
    this.unitList.replaceChildren(
      ...(units.length
        ? units.map((u) => h("li", { "data-unit": u.id }, u.name ? `${u.name} (${u.id})` : u.id, u.parent ? h("span", { class: "muted" }, ` — part of ${u.parent}`) : null))
        : [h("li", { class: "muted" }, "No units yet: add one, or import assessments (the units they name are added).")]),
    );
    const keep = (select) => select.value;
    const parent = keep(this.unitParent);
    this.unitParent.replaceChildren(h("option", { value: "" }, "(top level)"), ...units.map(option));
    this.unitParent.value = parent;
    const started = keep(this.startUnit);
    this.startUnit.replaceChildren(...units.map(option));
    if (started) this.startUnit.value = started;
  }

  /** The filter choices: the values the library holds. @internal */
  showFilters() {
    for (const [name, all] of [["unit", "All units"], ["assessor", "All assessors"], ["framework", "All frameworks"]]) {
      const select = this.filters.querySelector(`[data-filter=${name}]`);
      const value = select.value;
      const values = [...new Set(this.rows.map((r) => r[name]))].sort();
      select.replaceChildren(h("option", { value: "" }, all), ...values.map((v) => h("option", { value: v }, v)));
      select.value = values.includes(value) ? value : "";
    }
  }

  /** The rows the filters keep, in the chosen order. @internal */
  filtered() {
    const value = (name) => this.filters.querySelector(`[data-filter=${name}]`).value;
    const [unit, assessor, framework, from, to] = ["unit", "assessor", "framework", "from", "to"].map(value);
    const [, , key, direction] = SORTS.find(([v]) => v === this.filters.querySelector("[data-sort]").value) ?? SORTS[0];
    const rows = this.rows.filter(
      (r) => (!unit || r.unit === unit) && (!assessor || r.assessor === assessor) && (!framework || r.framework === framework) && (!from || r.date >= from) && (!to || r.date <= to),
    );
    // Ties broken by date, then by when added, so the order is the same in every tab.
    const tie = (a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.record.added < b.record.added ? -1 : 1);
    return rows.sort((a, b) => (a[key] < b[key] ? -direction : a[key] > b[key] ? direction : tie(a, b)));
  }

  /** @internal */
  showList(reset = false) {
    if (reset) this.shown = PAGE_ROWS;
    const rows = this.filtered();
    const total = this.rows.length;
    this.listCount.textContent = total ? this.countLine(rows) : "No assessments yet.";
    this.listed = rows;
    this.listBody.replaceChildren(...rows.slice(0, this.shown).map((row) => this.listRow(row)));
    this.more.hidden = rows.length <= this.shown;
  }

  /** Adds the next rows of the list as it is, below those shown. @internal */
  showMore() {
    const rows = this.listed ?? [];
    this.listBody.append(...rows.slice(this.shown, this.shown + PAGE_ROWS).map((row) => this.listRow(row)));
    this.shown += PAGE_ROWS;
    this.listCount.textContent = this.countLine(rows);
    this.more.hidden = rows.length <= this.shown;
  }

  /** How many rows the filters keep, of how many, and how many are shown. @internal */
  countLine(rows) {
    return `${count(rows.length)} of ${count(this.rows.length)} assessments${rows.length > this.shown ? `, the first ${count(this.shown)} shown` : ""}`;
  }

  /** One row of the list. @internal */
  listRow(row) {
    const { record } = row;
    const cell = (label, ...content) => h("td", { "data-label": label }, ...content);
    const label = `${row.unit}, ${row.assessor}, ${row.date}`;
    return h(
      "tr",
      { "data-entry": record.id, "data-error": record.error ? "" : null },
      cell("Unit", row.unit),
      cell("Assessor", row.assessor),
      cell("Date", row.date),
      cell("Framework", `${row.framework} ${row.version}`),
      cell("Kind", row.type, record.unsaved ? h("span", { class: "muted" }, " (not saved)") : null),
      cell("File", record.file ?? "", record.error ? h("div", { class: "bad", "data-entry-error": "" }, record.error) : null),
      cell(
        "Actions",
        h(
          "div",
          { class: "actions" },
          row.type in EDITORS ? h("button", { type: "button", part: "button", "data-action": "open", "aria-label": `Open ${label}`, onclick: () => this.open(record.id) }, "Open") : null,
          h("button", { type: "button", part: "button", "data-action": "remove", "aria-label": `Remove ${label}`, onclick: () => this.remove(record.id) }, "Remove"),
        ),
      ),
    );
  }

  // --- Messages and events ----------------------------------------------------

  /** Shows a message (with buttons `{ label, run }`) until dismissed; errors as alerts. @internal */
  say(text, kind = "info", actions = []) {
    const box = h(
      "div",
      { class: `message ${kind}`, part: "message" },
      h("span", { class: "text" }, text),
      ...actions.map(({ label, run }) => h("button", { type: "button", part: "button", onclick: run }, label)),
      h("button", { type: "button", class: "dismiss", part: "button", "aria-label": "Dismiss", onclick: () => box.remove() }, "×"),
    );
    (kind === "error" ? this.alerts : this.messages).append(box);
    return box;
  }

  /** @internal */
  emit(type, detail) {
    const event = new CustomEvent(type, { detail, bubbles: true, composed: true });
    this.dispatchEvent(event);
  }

  // --- Actions ----------------------------------------------------------------

  /** @internal */
  async rename() {
    this.meta = { ...this.meta, name: this.nameInput.value };
    await this.save({ put: [{ id: "meta", meta: this.meta }] });
    this.requestReport();
  }

  /** @internal */
  async addUnit() {
    const id = this.unitId.value.trim();
    if (!id) return;
    const unit = { id };
    if (this.unitName.value.trim()) unit.name = this.unitName.value.trim();
    if (this.unitParent.value) unit.parent = this.unitParent.value;
    if (this.units.has(id)) {
      this.say(`Not added: a unit \`${id}\` is in the programme already.`, "error");
      return;
    }
    await this.add([], [unit]);
    this.unitId.value = "";
    this.unitName.value = "";
    // The list shows assessments, which a new unit does not change.
    this.showUnits();
    this.requestReport();
  }

  /**
   * Reads files into the library, each on its own through kam-core's
   * `assembleProgramme`, so one bad file is named with kam-core's message
   * (its cell, row or field) and the others still come in.
   * @param {File[]} files - JSON assessments as the calculators save them, or filled `.xlsx` workbooks.
   */
  async importFiles(files) {
    if (!files.length) return;
    this.fileReport.replaceChildren(h("li", { class: "muted" }, `Reading ${count(files.length)} file${files.length === 1 ? "" : "s"}…`));
    const sheet = await this.spreadsheet();
    const lines = [];
    let imported = 0;
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const base = { ...this.meta, name: this.meta.name ?? "", units: [...this.units.values()].map((r) => r.unit), assessments: [] };
      try {
        const assembled = sheet.assembleProgramme(base, [{ name: file.name, bytes }]);
        const units = assembled.units.filter((u) => !this.units.has(u.id));
        await this.add(assembled.assessments, units, file.name);
        imported += assembled.assessments.length;
        lines.push(h("li", { "data-file": file.name }, `${file.name}: ${count(assembled.assessments.length)} assessment${assembled.assessments.length === 1 ? "" : "s"}`));
      } catch (error) {
        lines.push(h("li", { class: "bad", "data-file": file.name, "data-error": error.kind ?? "error" }, `${file.name}: not imported: ${error.message}`));
        this.emit("kam-error", { kind: error.kind ?? "error", message: error.message, file: file.name });
      }
    }
    this.fileReport.replaceChildren(...lines);
    const failed = lines.filter((l) => l.classList.contains("bad")).length;
    this.say(`Imported ${count(imported)} assessment${imported === 1 ? "" : "s"} from ${count(files.length - failed)} file${files.length - failed === 1 ? "" : "s"}${failed ? `; ${count(failed)} file${failed === 1 ? "" : "s"} refused (see the list)` : ""}.`, failed ? "error" : "info");
    this.refresh();
  }

  /** Starts an assessment in its calculator, filed in the library by kam-core as its framework makes it. @internal */
  async startAssessment() {
    const framework = this.frameworks.find((f) => f.id === this.startFramework.value);
    const unit = this.startUnit.value;
    if (!framework || !unit || !this.startAssessor.value.trim() || !this.startDate.value) return;
    const tag = STARTABLE[framework.type];
    await import(`./${tag}.js`);
    const probe = h(tag, { framework: framework.id, "storage-key": `${this.key}:new`, hidden: true });
    this.root.append(probe);
    await probe.ready;
    const assessment = { ...probe.assessment, context: { unit, assessor: this.startAssessor.value.trim(), date: this.startDate.value } };
    probe.remove();
    const sheet = await this.spreadsheet();
    try {
      const bytes = new TextEncoder().encode(JSON.stringify(assessment));
      const assembled = sheet.assembleProgramme({ name: this.meta.name ?? "", units: [...this.units.values()].map((r) => r.unit), assessments: [] }, [{ name: "new.json", bytes }]);
      const [record] = (await this.add(assembled.assessments, [])).filter((r) => r.entry);
      this.refresh();
      if (record) this.open(record.id);
    } catch (error) {
      this.say(`Not started: ${error.message}`, "error");
      this.emit("kam-error", { kind: error.kind ?? "error", message: error.message, file: null });
    }
  }

  /** Opens an entry in its calculator below the list; its edits are saved into the library. @internal */
  async open(id) {
    const record = this.entries.get(id);
    if (!record || !(record.entry.type in EDITORS)) return;
    const tag = EDITORS[record.entry.type];
    await import(`./${tag}.js`);
    const a = record.entry.assessment;
    const calculator = h(tag, { framework: a.framework, "storage-key": `${this.key}:${id}` });
    const title = `${a.context?.unit ?? ""}, ${a.context?.assessor ?? ""}, ${a.context?.date ?? ""}`;
    this.editor.replaceChildren(
      h("h3", { id: "editor-title", tabindex: "-1" }, `Assessment: ${title}`),
      h("button", { type: "button", part: "button", "data-action": "close", onclick: () => this.closeEditor() }, "Close"),
      calculator,
    );
    this.editor.hidden = false;
    this.editing = id;
    await calculator.ready;
    try {
      calculator.assessment = a;
    } catch (error) {
      this.say(`This assessment cannot be opened in the calculator: ${error.message}`, "error");
    }
    calculator.addEventListener("kam-change", async ({ detail }) => {
      const current = this.entries.get(id);
      if (!current) return;
      current.entry = { ...current.entry, assessment: detail.assessment };
      delete current.error;
      await this.save({ put: [current] });
      this.refresh();
    });
    this.editor.querySelector("h3").focus();
  }

  /** @internal */
  closeEditor() {
    this.editor.hidden = true;
    this.editor.replaceChildren();
    this.editing = null;
  }

  /** Removes an entry; its copy is set aside in the database. @internal */
  async remove(id) {
    const record = this.entries.get(id);
    if (!record) return;
    this.entries.delete(id);
    if (this.editing === id) this.closeEditor();
    await this.save({ remove: [id], setAside: [{ reason: "removed", text: asText(record.entry) }] });
    this.refresh();
  }

  // --- The report -----------------------------------------------------------------

  /** Asks the worker for the report of the library as it is now; the latest request wins. @internal */
  requestReport(remote = false) {
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => this.computeReport(remote), REPORT_DELAY);
  }

  /** @internal */
  async computeReport(remote) {
    const programme = this.programme;
    if (!programme.assessments.length) {
      this.setReport(null);
      this.reportState.textContent = "The report appears once the library holds assessments.";
      this.reportBody.hidden = true;
      this.roundsUnit.replaceChildren();
      this.roundsBody.replaceChildren(h("p", { class: "muted" }, "No rounds yet."));
      this.emit("kam-change", { programme, report: null, remote });
      return;
    }
    const request = ++this.reportRequest;
    this.reportState.textContent = "Computing the report…";
    const answer = await this.inWorker(programme);
    if (request !== this.reportRequest) return;
    // The list is drawn again only when the entry kam-core refuses changes.
    let marked = false;
    for (const record of this.entries.values()) {
      if (!("error" in record)) continue;
      delete record.error;
      marked = true;
    }
    if (answer.error) {
      this.setReport(null);
      const entry = this.entryAt(answer.error.path, programme);
      if (entry) entry.error = answer.error.message;
      this.reportState.textContent = `No report: ${answer.error.message}${entry ? ` (in the assessment of ${entry.entry.assessment?.context?.unit ?? "?"} by ${entry.entry.assessment?.context?.assessor ?? "?"} on ${entry.entry.assessment?.context?.date ?? "?"}, marked in the list)` : ""}`;
      this.reportState.dataset.error = answer.error.kind;
      this.reportBody.hidden = true;
      if (marked || entry) this.showList();
      this.emit("kam-error", { kind: answer.error.kind, message: answer.error.message, file: entry?.file ?? null });
      return;
    }
    delete this.reportState.dataset.error;
    this.setReport(answer.report, answer.rounds);
    if (marked) this.showList();
    this.showRoundUnits();
    this.reportState.textContent = "Showing the report…";
    this.reportBody.hidden = false;
    if (!(await this.showReportHtml(answer.html.shell, answer.html.parts, request))) return;
    this.reportState.textContent = `Report of ${count(programme.assessments.length)} assessments.`;
    // The report is parsed from its text only if a listener reads it.
    const element = this;
    this.emit("kam-change", {
      programme,
      get report() {
        return element.reportBytes === answer.report ? element.report : JSON.parse(new TextDecoder().decode(answer.report));
      },
      remote,
    });
  }

  /**
   * Shows kam-core's fragment (its text escaped by kam-core, no scripts). A
   * programme of a hundred units makes a fragment of megabytes, whose
   * parsing in one go is a long frame, so the worker cuts it (`cut` in
   * programme-worker.js): the `shell` goes in first, then the `parts` of its (UTF-8)
   * details section, a unit each, a few per frame, each wrapped in a
   * `<div class="kam-part">`, which is not laid out while off-screen (the
   * style above). Returns `false` when a newer report took over.
   * @internal
   */
  async showReportHtml(shell, parts, request) {
    this.reportBody.innerHTML = shell;
    const section = this.reportBody.querySelector(".kam-details");
    const utf8 = new TextDecoder();
    let batch = "";
    for (const [i, part] of parts.entries()) {
      batch += `<div class="kam-part">${utf8.decode(part)}</div>`;
      if (batch.length < REPORT_CHUNK && i < parts.length - 1) continue;
      section.insertAdjacentHTML("beforeend", batch);
      batch = "";
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      if (request !== this.reportRequest) return false;
    }
    return true;
  }

  /** The entry a JSON Pointer into the programme's assessments names. @internal */
  entryAt(path, programme) {
    const match = /^\/assessments\/(\d+)(\/|$)/.exec(path ?? "");
    if (!match) return null;
    const entry = programme.assessments[Number(match[1])];
    return [...this.entries.values()].find((r) => r.entry === entry) ?? null;
  }

  /** Runs the report in a module worker (kept off the main thread), or here when workers are not available. @internal */
  async inWorker(programme) {
    try {
      this.worker ??= new Worker(new URL("./programme-worker.js", import.meta.url), { type: "module" });
    } catch {
      this.worker = null;
    }
    if (!this.worker) return (await import("./programme-worker.js")).answer(programme);
    const id = (this.workerCalls = (this.workerCalls ?? 0) + 1);
    return new Promise((resolve) => {
      const listener = ({ data }) => {
        if (data?.id !== id) return;
        this.worker?.removeEventListener("message", listener);
        resolve(data);
      };
      this.worker.addEventListener("message", listener);
      this.worker.postMessage({ id, programme });
    });
  }

  /** @internal */
  showRoundUnits() {
    const units = this.roundUnits;
    const value = this.roundsUnit.value;
    this.roundsUnit.replaceChildren(...units.map((u) => h("option", { value: u.id }, u.name)));
    if (units.some((u) => u.id === value)) this.roundsUnit.value = value;
    this.showRounds();
  }

  /** A unit's rounds from the report: each merged across its assessors, the agreement and the disputed items. @internal */
  showRounds() {
    const found = this.roundUnits.find((u) => u.id === this.roundsUnit.value);
    const unit = found ? JSON.parse(found.text) : null;
    if (!unit) {
      this.roundsBody.replaceChildren(h("p", { class: "muted" }, "No audit rounds yet."));
      return;
    }
    const fixed = (v, digits) => (v === null || v === undefined ? "—" : v.toFixed(digits));
    const cell = (column, text) => h("td", { "data-label": ROUND_COLUMNS[column] }, text);
    const table = h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "rounds" },
        h("caption", { class: "muted" }, `${unit.name}: each round's audits merged across its assessors`),
        h("thead", {}, h("tr", {}, ROUND_COLUMNS.map((t) => h("th", { scope: "col" }, t)))),
        h(
          "tbody",
          {},
          unit.rounds.map((r) =>
            h(
              "tr",
              { "data-round": r.date },
              cell(0, r.date),
              cell(1, r.assessors.join(", ")),
              cell(2, `${r.overall.score} / ${r.overall.max} (${fixed(r.overall.percent, 1)}%)`),
              cell(3, `${fixed(r.agreement.alpha, 3)} (${r.agreement.reading})`),
              cell(4, r.agreement.disputed.length ? r.agreement.disputed.map((d) => `${d.id} (${d.scores.map((s) => s ?? "—").join(", ")}; merged ${d.merged})`).join("; ") : "none"),
            ),
          ),
        ),
      ),
    );
    const change = unit.change;
    this.roundsBody.replaceChildren(
      table,
      change
        ? h(
            "p",
            { "data-change": "" },
            `From ${change.from} to ${change.to}: ${change.overall.before.score} / ${change.overall.before.max} → ${change.overall.after.score} / ${change.overall.after.max} ` +
              `(improved: ${change.improved.join(", ") || "none"}; lower: ${change.regressed.join(", ") || "none"}).`,
          )
        : null,
      unit.trend ? h("p", {}, unit.trend.reading) : null,
    );
  }

  /** @internal */
  fileStem() {
    return fileStem({ organisation: this.meta.organisation, unit: this.meta.name }, "kam-programme");
  }

  /** Exports the library as kam-core's Programme document. @internal */
  exportJson() {
    download(`${this.fileStem()}.json`, `${JSON.stringify(this.programme, null, 2)}\n`, "application/json");
  }

  /** @internal */
  async openProgrammeFile(input) {
    const [file] = input.files;
    input.value = "";
    if (!file) return;
    try {
      await this.replace(JSON.parse(await file.text()), file.name);
      this.say(`Opened ${file.name}: ${count(this.units.size)} units, ${count(this.entries.size)} assessments. The library shown before is set aside in this browser's database.`);
    } catch (error) {
      this.say(`${file.name}: not opened: ${error.message}`, "error");
      this.emit("kam-error", { kind: error.kind ?? "invalid-json", message: error.message, file: file.name });
    }
  }

  /** The report as a self-contained page, from kam-core. @internal */
  async reportPage() {
    if (this.reportBytes === null) {
      this.say("There is no report yet: the library holds no assessments, or kam-core refused it (see the report section).", "error");
      return null;
    }
    return (await this.analysis()).programmeHtml(this.reportText());
  }

  /** @internal */
  async saveReportHtml() {
    const page = await this.reportPage();
    if (page) download(`${this.fileStem()}-report.html`, page, "text/html");
  }

  /** @internal */
  async printReport() {
    const page = await this.reportPage();
    if (page) printHtml(page);
  }

  /** @internal */
  async saveReportXlsx() {
    if (this.reportBytes === null) return void (await this.reportPage());
    const sheet = await this.spreadsheet();
    const bytes = sheet.programmeXlsx(this.reportText());
    const url = URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const link = h("a", { href: url, download: `${this.fileStem()}-report.xlsx`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

if (!customElements.get("kam-programme")) customElements.define("kam-programme", KamProgramme);
