// What <kam-audit> and <kam-maturity> share: loading the engine, the toolbar
// (import, export, report), autosave to localStorage, context fields and
// messages. Plain DOM, no framework. Every rule (validation, scoring) is
// kam-core's, reached through the functions of ./kam.js.

import init, * as kam from "./kam.js";

export { kam };

let ready;
/** Loads the WebAssembly module once, however many elements a page has. */
export function loadEngine() {
  ready ??= init();
  return ready;
}

/** Builds an element: `h("p", { class: "x", onclick }, "text", child)`. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return element;
}

/** An SVG document from kam-core, parsed rather than assigned as HTML. */
export function svg(text) {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  return document.importNode(doc.documentElement, true);
}

/** Formats a percentage as kam's reports do: one decimal. */
export const percent = (value) => `${value.toFixed(1)}%`;

const CONTEXT_FIELDS = [
  ["organisation", "Organisation", "text"],
  ["unit", "Unit", "text"],
  ["assessor", "Assessor", "text"],
  ["date", "Date", "date"],
];

/** Orders an object's keys as `order` lists them, then the rest sorted. */
function ordered(object, order) {
  const out = {};
  for (const key of order) if (key in object) out[key] = object[key];
  for (const key of Object.keys(object).sort()) if (!(key in out)) out[key] = object[key];
  return out;
}

/**
 * The shared JSON format as written by the elements: top-level fields in the
 * order of the Rust type, context fields in theirs, per-item maps in
 * framework order, empty optional parts left out, two-space indentation and
 * a final newline. A file written this way and imported again exports byte
 * for byte the same.
 */
export function canonicalJson(assessment, fields, ids) {
  const out = {};
  for (const { name, type = "value", always = false } of fields) {
    const value = assessment[name];
    if (value === undefined || value === null) continue;
    if (type === "context") {
      const context = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== ""));
      if (Object.keys(context).length) out.context = ordered(context, CONTEXT_FIELDS.map(([key]) => key));
    } else if (type === "set") {
      if (value.length) out[name] = [...value].sort((a, b) => ids.indexOf(a) - ids.indexOf(b));
    } else if (type === "map") {
      if (always || Object.keys(value).length) out[name] = ordered(value, ids);
    } else {
      out[name] = value;
    }
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Offers `text` as a file download. */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Prints an HTML document from a hidden frame, leaving the page as it is. */
export function printHtml(html) {
  // No scripts run in the frame (the report has none); same origin so that
  // this page may call print() on it.
  const frame = h("iframe", {
    title: "report",
    sandbox: "allow-same-origin allow-modals",
    "data-print": "",
    style: "position:fixed;width:0;height:0;border:0",
  });
  frame.srcdoc = html;
  frame.addEventListener("load", () => {
    frame.contentWindow.focus();
    frame.contentWindow.print();
    setTimeout(() => frame.remove(), 60_000);
  });
  document.body.append(frame);
}

/** A file name from the assessment's context, e.g. `northwind-components-2026-03-31`. */
export function fileStem(context, fallback) {
  const parts = [context?.organisation, context?.unit, context?.date].filter(Boolean).join(" ");
  const stem = parts
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return stem || fallback;
}

/**
 * The base of both elements. A subclass sets `static kind`, and implements
 * `loadFramework(id)`, `empty()`, `validate(text)` (throws kam-core's error),
 * `fields`, `ids`, `renderBody()` and `update()`.
 */
export class KamElement extends HTMLElement {
  static observedAttributes = ["framework"];

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
  }

  connectedCallback() {
    if (!this.started) {
      this.started = true;
      this.start();
    }
  }

  attributeChangedCallback(name, before, after) {
    if (this.started && this.isConnected && before !== after) this.start();
  }

  /** The localStorage key: the `storage-key` attribute, or one per element type and framework. */
  get storageKey() {
    return this.getAttribute("storage-key") ?? `kam:${this.localName}:${this.frameworkId}`;
  }

  get frameworkId() {
    return this.getAttribute("framework") ?? this.constructor.defaultFramework;
  }

  async start() {
    this.shadowRoot.replaceChildren(h("style", {}, STYLE), h("p", { class: "loading" }, "Loading…"));
    try {
      await loadEngine();
      this.framework = this.loadFramework(this.frameworkId);
    } catch (error) {
      this.shadowRoot.replaceChildren(
        h("style", {}, STYLE),
        h("p", { class: "message error", role: "alert" }, `Cannot show this calculator: ${error.message}`),
      );
      return;
    }
    this.message = h("div", { class: "message", role: "status", "aria-live": "polite", hidden: true });
    this.fileInput = h("input", {
      type: "file",
      accept: ".json,application/json",
      hidden: true,
      "data-action": "import-file",
      onchange: () => this.importFile(this.fileInput.files[0]),
    });
    this.assessment = this.restore();
    this.shadowRoot.replaceChildren(
      h("style", {}, STYLE),
      h(
        "header",
        {},
        h("h2", {}, this.framework.name),
        this.contextForm(),
        h(
          "div",
          { class: "toolbar", role: "toolbar", "aria-label": "Assessment file" },
          h("button", { type: "button", "data-action": "import", onclick: () => this.fileInput.click() }, "Import JSON…"),
          this.fileInput,
          h("button", { type: "button", "data-action": "export", onclick: () => this.exportFile() }, "Export JSON"),
          ...this.reportButtons(),
          h("button", { type: "button", "data-action": "clear", onclick: () => this.clearAll() }, "Clear all"),
        ),
        this.message,
        this.notice ? this.notice : null,
      ),
      ...this.renderBody(),
    );
    this.fillForm();
    if (this.restoreProblem) this.show(this.restoreProblem, "error");
    this.refresh();
  }

  /** Reads the saved assessment, or starts an empty one; never throws. */
  restore() {
    let text = null;
    try {
      text = localStorage.getItem(this.storageKey);
    } catch {
      // Storage is unavailable (e.g. disabled cookies): work without it.
    }
    this.restoreProblem = null;
    if (text === null) return this.empty();
    try {
      this.validate(text);
      return JSON.parse(text);
    } catch (error) {
      // Keep the unreadable entry beside the new one, so nothing is lost.
      try {
        localStorage.setItem(`${this.storageKey}:unreadable`, text);
      } catch {
        // Nothing more can be done without storage.
      }
      this.restoreProblem =
        `The work saved in this browser could not be read (${error.message}). ` +
        `Starting with an empty assessment; the unreadable copy is kept under “${this.storageKey}:unreadable”.`;
      return this.empty();
    }
  }

  /** The assessment in the shared JSON format. */
  toJson() {
    return canonicalJson(this.assessment, this.fields, this.ids);
  }

  save() {
    try {
      localStorage.setItem(this.storageKey, this.toJson());
    } catch (error) {
      this.show(`Your work could not be saved in this browser: ${error.message}`, "error");
    }
  }

  /** Called after every change: re-scores, redraws the results, saves. */
  changed() {
    this.refresh();
    this.save();
  }

  refresh() {
    try {
      this.update();
    } catch (error) {
      this.show(error.message, "error");
    }
  }

  show(text, kind = "info") {
    this.message.textContent = text;
    this.message.className = `message ${kind}`;
    this.message.setAttribute("role", kind === "error" ? "alert" : "status");
    this.message.hidden = false;
  }

  contextForm() {
    const context = () => (this.assessment.context ??= {});
    return h(
      "fieldset",
      { class: "context" },
      h("legend", {}, "Assessment"),
      CONTEXT_FIELDS.map(([key, label, type]) =>
        h(
          "label",
          {},
          h("span", {}, label),
          h("input", {
            type,
            name: key,
            "data-context": key,
            oninput: (event) => {
              const value = event.target.value.trim();
              if (value) context()[key] = value;
              else delete context()[key];
              this.changed();
            },
          }),
        ),
      ),
    );
  }

  /** Puts the assessment's context and answers into the form. */
  fillForm() {
    for (const input of this.shadowRoot.querySelectorAll("[data-context]")) {
      input.value = this.assessment.context?.[input.dataset.context] ?? "";
    }
  }

  async importFile(file) {
    if (!file) return;
    const text = await file.text();
    this.fileInput.value = "";
    try {
      this.validate(text);
    } catch (error) {
      this.show(`${file.name} was not imported, nothing changed: ${error.message}`, "error");
      return;
    }
    this.assessment = JSON.parse(text);
    this.fillForm();
    this.changed();
    this.show(`Imported ${file.name}.`);
  }

  exportFile() {
    download(`${fileStem(this.assessment.context, this.frameworkId)}.json`, this.toJson(), "application/json");
  }

  clearAll() {
    if (!window.confirm("Clear every answer and note of this assessment?")) return;
    this.assessment = this.empty();
    this.fillForm();
    this.changed();
    this.show("Cleared.");
  }

  reportButtons() {
    return [];
  }
}

const STYLE = `
:host { display: block; font: 15px/1.45 system-ui, sans-serif; color: #1d2433; --accent: #1f5fa8; --soft: #eef3fa; --line: #d5dbe5; }
h2 { font-size: 1.35em; margin: 0 0 .4em; }
h3 { font-size: 1.15em; margin: 1.2em 0 .4em; }
button { font: inherit; padding: .35em .8em; border: 1px solid var(--accent); border-radius: 4px; background: #fff; color: var(--accent); cursor: pointer; }
button:hover { background: var(--soft); }
button:focus-visible, input:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid #f0a500; outline-offset: 1px; }
.toolbar { display: flex; flex-wrap: wrap; gap: .5em; margin: .6em 0; }
.context { display: flex; flex-wrap: wrap; gap: .6em 1.2em; border: 1px solid var(--line); border-radius: 6px; padding: .5em .8em; }
.context label { display: flex; flex-direction: column; font-size: .85em; }
.context input { font: inherit; padding: .2em .4em; min-width: 12em; }
.message { padding: .5em .8em; border-radius: 4px; margin: .5em 0; }
.message.error { background: #fdecea; border: 1px solid #d93025; color: #8a1c12; }
.message.info { background: #e8f4ea; border: 1px solid #3a8a4a; color: #1e5129; }
.summary { border: 1px solid var(--line); border-radius: 6px; padding: .6em 1em; margin: 1em 0; background: #fbfcfe; }
.overall { font-size: 1.2em; }
.overall strong { font-size: 1.3em; color: var(--accent); }
table { border-collapse: collapse; margin: .5em 0; font-size: .92em; }
th, td { text-align: left; padding: .2em .7em; border-bottom: 1px solid var(--line); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.phase th, tr.phase td { background: var(--soft); font-weight: 600; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 400px), 1fr)); gap: 1em; align-items: start; }
.charts figure { margin: 0; }
.charts svg { display: block; width: 100%; max-width: 640px; height: auto; }
fieldset.item { border: 0; border-bottom: 1px solid var(--line); margin: 0; padding: .45em 0; display: grid; grid-template-columns: 1fr auto; gap: .2em 1em; }
fieldset.item legend { float: left; padding: 0; }
.item .id { font-weight: 600; margin-right: .4em; }
.item .stream { display: inline-block; font-size: .78em; color: #5b6577; margin-left: .4em; }
.choices { display: flex; gap: 2px; }
.choices label { position: relative; }
.choices input { position: absolute; opacity: 0; width: 100%; height: 100%; margin: 0; cursor: pointer; }
.choices span.value { display: inline-block; min-width: 1.9em; text-align: center; padding: .2em .3em; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
.choices input:checked + span.value { background: var(--accent); border-color: var(--accent); color: #fff; }
.choices input:focus-visible + span.value { outline: 3px solid #f0a500; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
details.evidence { grid-column: 1 / -1; font-size: .88em; }
details.evidence textarea { width: 100%; box-sizing: border-box; font: inherit; min-height: 3em; }
details.period { border: 1px solid var(--line); border-radius: 6px; margin: .5em 0; padding: 0 .8em .4em; }
details.period > summary { cursor: pointer; padding: .5em 0; font-weight: 600; }
.streamname { font-size: .85em; text-transform: uppercase; letter-spacing: .04em; color: #5b6577; margin: .8em 0 .1em; }
.scale { font-size: .85em; color: #3b4556; }
.scale dt { font-weight: 700; float: left; width: 1.5em; }
output { font-variant-numeric: tabular-nums; }
.complete { color: #1e7b34; }
.loading { color: #5b6577; }
@media print { .toolbar, details.evidence:not([open]), .context input { border: 0; } .toolbar { display: none; } }
`;
