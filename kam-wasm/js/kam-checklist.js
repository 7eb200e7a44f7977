// <kam-checklist framework="kam-development-model">: any checklist framework
// as an embeddable calculator: the three bundled ones (kam-development-model,
// kam-three-pillars, kam-strategy) or a company's own checklist file, loaded
// by the person or given by the page. Sections with their items, a score per
// item on the checklist's scale with its meaning written out; completion by
// section and group, the stage and balance readings, the chart, the next
// actions and the report, all computed and worded by kam-core (the checklist
// functions of `kam/analysis`, loaded with the element).

import { KamElement } from "./calculator.js";
import { count, download, h, kam, percent, svg } from "./common.js";
import { ItemCalculator } from "./item-calculator.js";
import { sizeChart } from "./kam-audit.js";
import { isQuotaError, stamp } from "./store.js";

let analysis;
/** The analyses module, where kam-core's checklist functions live (kept out of the engine's size budget). */
function loadAnalysis() {
  analysis ??= import("./analysis.js").then(async (module) => {
    await module.default();
    return module;
  });
  return analysis;
}

/** A record's format in the store, as calculator.js writes assessments. */
const FORMAT = 1;

/**
 * The checklist calculator: any framework of the checklist type.
 *
 * @tag kam-checklist
 * @summary Scores a checklist framework (a bundled one or the person's own checklist file) item by item.
 *
 * @attr {string} framework - The bundled checklist's id: `kam-development-model` (default), `kam-three-pillars` or `kam-strategy`.
 * @attr {string} framework-file - The address of a checklist file (JSON) to use instead, fetched and validated by kam-core.
 * @attr {string} storage-key - Prefix of where the work is saved in the browser's database (default `kam:kam-checklist`); the work on each checklist is saved under `<prefix>:<checklist id>`, and the checklist file the person loaded under `<prefix>#checklist-file`.
 * @attr {string} name - With a host form, the assessment's JSON is in its FormData under this name.
 * @attr {boolean} disabled - Makes every control inert, as for a native field; a disabled fieldset or form does the same.
 *
 * @prop {AuditAssessment} assessment - The assessment in the shared JSON format (a copy); setting it (an object or JSON text) re-renders and saves, and throws kam-core's error for one that does not fit.
 * @prop {ChecklistReport} report - kam-core's report on the assessment, updated before every `kam-change`.
 * @prop {Framework} framework - The checklist in use, as kam-core validated it.
 * @prop {string | null} frameworkJson - The person's or page's checklist file in use (JSON text), or `null` for a bundled checklist. Setting it (JSON text or an object) validates it with kam-core, throws kam-core's error for a file that is not a valid checklist (nothing changes), and otherwise switches to it; it is remembered in the browser.
 * @prop {File | null} frameworkFile - The checklist file last loaded; setting a `File` loads it as the "Load checklist file…" button does (a refused file fires `kam-error`, nothing changes).
 * @prop {Promise<KamChecklist>} ready - Resolves once the engine, the checklist and the saved work are loaded (when `kam-ready` fires).
 * @prop {boolean} disabled - Reflects the `disabled` attribute.
 * @prop {HTMLFormElement | null} form - The host form.
 *
 * @fires kam-ready - The engine, the checklist and the saved work are loaded (again after another checklist is loaded); `detail`: `{ assessment, report, framework }`.
 * @fires kam-change - After every accepted edit, import, clear or reset, once `report` is updated; `detail`: `{ assessment, report }` (and `remote: true` when another tab's edit was merged in).
 * @fires kam-error - An edit, assessment file or checklist file was refused, nothing changed; `detail`: `{ kind, message, field }` with kam-core's error kind and message.
 *
 * @csspart status-bar - The sticky bar: overall score, stage, save state, "next unscored item", messages.
 * @csspart message - A message in the bar, with its buttons.
 * @csspart header - The title, context fields and toolbar.
 * @csspart context - The context fields (organisation, unit, assessor, date).
 * @csspart toolbar - The checklist file, import, export, report and clear buttons.
 * @csspart button - Every button.
 * @csspart summary - The results: key figures, rules, tables, chart, next actions.
 * @csspart charts - The box holding the completion chart.
 * @csspart chart - The completion chart.
 * @csspart checklist - The checklist of items.
 * @csspart item - One item: its text, score buttons, meaning and evidence note.
 * @csspart score - One score button.
 * @csspart evidence - An item's evidence note.
 * @csspart skip-link - The "skip to the checklist" link, shown on focus.
 *
 * @cssprop --kam-background - Page colour of the element (default: the system `Canvas` colour).
 * @cssprop --kam-surface - Colour of panels and charts (default: mixed from background and text).
 * @cssprop --kam-text - Text colour (default: the system `CanvasText` colour).
 * @cssprop --kam-accent - Buttons, selected scores, the chart's bars (default: a blue for light or dark schemes).
 * @cssprop --kam-on-accent - Text on the accent colour.
 * @cssprop --kam-focus - The focus ring (default: the accent).
 */
export class KamChecklist extends ItemCalculator {
  /** @internal */
  static defaultFramework = "kam-development-model";

  /** @internal */
  static observedAttributes = [...KamElement.observedAttributes, "framework-file"];

  /** The prefix of the element's keys in the store. @internal */
  get slot() {
    return this.getAttribute("storage-key") ?? `kam:${this.localName}`;
  }

  /** Where the work on the checklist in use is saved: `<prefix>:<checklist id>`. */
  get storageKey() {
    return `${this.slot}:${this.framework?.id ?? this.frameworkId}`;
  }

  /** Where the checklist file the person loaded is remembered. @internal */
  get choiceKey() {
    return `${this.slot}#checklist-file`;
  }

  /** The checklist file in use (JSON text), or `null` for a bundled checklist. */
  get frameworkJson() {
    return this.chosen?.text ?? null;
  }

  /**
   * Switches to a checklist file (JSON text or an object) once kam-core has
   * validated it; throws kam-core's error, changing nothing, for one that is
   * not a valid checklist. Set before the engine is ready, it is checked
   * then, and a refused file fires `kam-error`.
   */
  set frameworkJson(value) {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    if (!this.analysis) {
      this.given = { text, name: null };
      return;
    }
    this.checklistOf(text);
    this.useChecklist({ text, name: null });
  }

  /** The checklist file last loaded, or `null`. */
  get frameworkFile() {
    return this.lastFile ?? null;
  }

  /** Loads a checklist `File` as the "Load checklist file…" button does. */
  set frameworkFile(file) {
    this.loadChecklistFile(file);
  }

  /** @internal */
  attributeChangedCallback(name, before, after) {
    // The page naming another checklist outranks the file loaded before.
    if (before !== after && (name === "framework" || name === "framework-file") && this.framework) this.forget = true;
    super.attributeChangedCallback(name, before, after);
  }

  /**
   * kam-core's checklist from `text`: validated by `loadFramework`, and a
   * framework of another type refused with kam-core's own message.
   * @internal
   */
  checklistOf(text) {
    const framework = kam.loadFramework(text);
    if (framework.type !== "checklist") {
      this.analysis.scoreChecklistWith(framework, { framework: framework.id, framework_version: framework.version, scores: {} });
    }
    return framework;
  }

  /**
   * The checklist to show: a file given by the page's script, else the one
   * the person loaded here before, else the page's `framework-file`, else
   * the bundled `framework`.
   * @internal
   */
  async loadFramework(id) {
    this.analysis = await loadAnalysis();
    this.startMessage = null;
    if (this.forget) {
      this.forget = false;
      this.given = null;
      await this.remember(null);
    }
    const sources = [() => this.given, () => this.rememberedFile(), () => this.fileAttribute()];
    this.chosen = null;
    for (const source of sources) {
      let file;
      try {
        file = await source();
      } catch (error) {
        this.startMessage = { error, text: `The checklist file could not be read (${error.message}); showing ${this.bundledName(id)} instead.` };
        continue;
      }
      if (!file) continue;
      try {
        const framework = this.checklistOf(file.text);
        this.chosen = file;
        return this.fieldsFor(framework);
      } catch (error) {
        if (source === sources[0]) this.given = null;
        const what = file.name ? `The checklist file ${file.name}` : "The checklist file";
        this.startMessage = {
          error,
          text: `${what} was not used: ${error.message}. Showing ${this.bundledName(id)} instead.`,
          offer: { name: file.name ?? "checklist.json", text: file.text },
        };
      }
    }
    const framework = kam.framework(id);
    if (framework.type !== "checklist") this.checklistOf(JSON.stringify(framework));
    return this.fieldsFor(framework);
  }

  /** @internal */
  bundledName(id) {
    try {
      return kam.framework(id).name;
    } catch {
      return id;
    }
  }

  /** @internal */
  fieldsFor(framework) {
    this.ids = framework.sections.flatMap((section) => section.items.map((item) => item.id));
    this.fields = this.itemFields();
    return framework;
  }

  /** The checklist file the person loaded in this browser before, if any. @internal */
  async rememberedFile() {
    const store = await this.openStoreQuietly();
    const record = await store?.read(this.choiceKey);
    const file = record?.checklist;
    return file && typeof file.text === "string" ? { text: file.text, name: file.name ?? null } : null;
  }

  /** The file at the page's `framework-file` address, if it gives one. @internal */
  async fileAttribute() {
    const address = this.getAttribute("framework-file");
    if (!address) return null;
    const url = new URL(address, document.baseURI);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.pathname.split("/").pop()}: HTTP ${response.status}`);
    return { text: await response.text(), name: url.pathname.split("/").pop() || null };
  }

  /** @internal */
  async openStoreQuietly() {
    const { openStore } = await import("./store.js");
    return openStore().catch(() => null);
  }

  /** Remembers (or, with `null`, forgets) the checklist file in use, in the store. @internal */
  async remember(file) {
    const store = await this.openStoreQuietly();
    if (!store) return false;
    const checklist = file ? { name: file.name, text: file.text } : null;
    try {
      await store.save(this.choiceKey, () => ({ record: { format: FORMAT, element: this.localName, checklist, saved: stamp() } }), null);
      return true;
    } catch (error) {
      this.choiceProblem = error;
      return false;
    }
  }

  /** Loads a checklist file the person chose (or a page's script gave), validated by kam-core; a refused one changes nothing. */
  async loadChecklistFile(file) {
    if (!file) return false;
    if (this.checklistInput) this.checklistInput.value = "";
    await this.ready;
    if (file.size > this.limits.max_input_bytes) {
      this.refuse(
        { kind: "input-too-large", message: `${file.name} has ${file.size} bytes` },
        `${file.name} was not loaded, nothing changed: it is larger than ${count(this.limits.max_input_bytes / 1024 / 1024)} MiB, the most kam reads.`,
      );
      return false;
    }
    const text = await file.text();
    try {
      this.checklistOf(text);
    } catch (error) {
      this.refuse(error, `${file.name} was not loaded, nothing changed: ${error.message}`);
      return false;
    }
    this.lastFile = file;
    await this.useChecklist({ text, name: file.name });
    return true;
  }

  /** Switches to a validated checklist file: the work on the one shown is saved first, and the choice remembered. @internal */
  async useChecklist(file) {
    await this.saving;
    this.given = file;
    this.choiceProblem = null;
    await this.remember(file);
    this.restarted = this.ready.then(() => this.restart(file));
    return this.restarted;
  }

  /** Shows the page's own checklist again; the file loaded and the work on it stay saved. @internal */
  async backToPage() {
    await this.saving;
    this.given = null;
    await this.remember(null);
    return this.restart(null);
  }

  /** Starts again on another checklist, saying what happened once it shows. @internal */
  async restart(file) {
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    await this.start();
    if (!file || this.chosen !== file) return;
    const where = this.choiceProblem
      ? ` It is not remembered in this browser (${isQuotaError(this.choiceProblem) ? "its storage is full" : this.choiceProblem.message}): load it again after a reload.`
      : "";
    this.say(`Using the checklist ${this.framework.name} (version ${this.framework.version})${file.name ? ` from ${file.name}` : ""}.${where}`, this.choiceProblem ? "error" : "info");
  }

  /** @internal */
  async start() {
    await super.start();
    const message = this.startMessage;
    if (!message || !this.framework) return;
    this.startMessage = null;
    const offer = message.offer
      ? [{ label: "Download the checklist file", action: "download-checklist", run: () => download(message.offer.name, message.offer.text, "application/json") }]
      : [];
    this.say(message.text, "error", offer);
    this.emit("kam-error", { kind: message.error.kind ?? "error", message: message.error.message, field: null });
  }

  /** kam-core's report on `text`, or its error when `text` is not an assessment of this checklist and version. @internal */
  score(text) {
    return this.analysis.scoreChecklistWith(this.frameworkText, text);
  }

  /** @internal */
  fileName() {
    return super.fileName() === this.frameworkId ? this.framework.id : super.fileName();
  }

  /** @internal */
  reportButtons() {
    this.checklistInput = h("input", {
      type: "file",
      accept: ".json,application/json",
      hidden: true,
      "data-action": "checklist-file-input",
      onchange: () => this.loadChecklistFile(this.checklistInput.files[0]),
    });
    const page = this.bundledName(this.frameworkId);
    return [
      ...super.reportButtons(),
      h("button", { type: "button", part: "button", "data-action": "load-checklist", onclick: () => this.checklistInput.click() }, "Load checklist file…"),
      this.checklistInput,
      this.chosen
        ? h("button", { type: "button", part: "button", "data-action": "page-checklist", onclick: () => this.backToPage() }, `Back to ${page}`)
        : null,
    ];
  }

  /** kam-core's HTML report. @internal */
  reportHtml() {
    return this.analysis.checklistHtml(this.report);
  }

  /** @internal */
  renderBody() {
    const framework = this.framework;
    // kam-core's words for the marks, read once from an empty checklist's report.
    this.marks = this.analysis.describeChecklist(this.score(JSON.stringify({ framework: framework.id, framework_version: framework.version })));
    this.scale = this.scaleOf(framework);
    this.groupNames = new Map((framework.groupings ?? []).map((g) => [g.id, { name: g.name, groups: new Map(g.groups.map((x) => [x.id, x.name])) }]));
    this.summary = h("section", { class: "summary", part: "summary", "aria-label": "Scores" });
    const source = framework.source;
    const checklist = h(
      "section",
      { class: "checklist", part: "checklist", id: "checklist", tabindex: "-1", "aria-labelledby": "checklist-title" },
      h("h3", { id: "checklist-title" }, "Checklist"),
      h(
        "p",
        { class: "source", "data-source": "" },
        "Source: ",
        [source.title, source.author, source.publisher, source.year].filter(Boolean).join(", "),
        this.chosen ? ` (checklist file${this.chosen.name ? ` ${this.chosen.name}` : ""})` : null,
      ),
      this.scaleKey(),
    );
    framework.sections.forEach((section, index) => {
      const details = h(
        "details",
        { class: "period section", open: true, "data-section-id": section.id },
        h("summary", {}, `${index + 1} ${section.name}`, this.whose(section.provenance), " ", h("span", { class: "total", "data-section": section.id })),
        section.description ? h("p", { class: "description" }, section.description) : null,
      );
      for (const item of section.items) details.append(this.itemRow(item));
      checklist.append(details);
    });
    return [this.summary, checklist];
  }

  /** kam-core's mark after words that are kam's rather than the source's. @internal */
  whose(provenance) {
    return provenance === "kam" ? h("span", { class: "kams" }, this.marks.kams_mark) : null;
  }

  /** The item's group in each grouping, e.g. `Owner: Sales`. @internal */
  groupsOf(item) {
    return Object.entries(item.groups ?? {}).map(([grouping, group]) => {
      const g = this.groupNames.get(grouping);
      return `${g?.name ?? grouping}: ${g?.groups.get(group) ?? group}`;
    });
  }

  /** @internal */
  itemRow(item) {
    const weight = this.weightOf(item);
    const groups = this.groupsOf(item);
    const kams = item.provenance === "kam" ? this.marks.kams_mark : "";
    return super.itemRow(item, {
      names: [item.id, `${item.text}${kams}${weight}`, ...groups],
      tags: [this.whose(item.provenance), weight || null, ...groups.map((g) => h("span", { class: "stream" }, g))],
      extra: item.description ? [h("p", { class: "meaning description" }, item.description)] : [],
    });
  }

  /** @internal */
  update(report) {
    // Every sentence is kam-core's (`describeChecklist`), as in Python and Rust.
    const words = this.analysis.describeChecklist(report);
    const root = this.shadowRoot;
    const total = (t) => `${t.score} / ${t.max} (${percent(t.percent)})`;
    for (const section of report.sections) {
      const node = root.querySelector(`[data-section="${CSS.escape(section.id)}"]`);
      node.textContent = total(section);
      node.dataset.score = section.score;
      node.dataset.max = section.max;
    }
    const figure = (reading, value, attrs = {}) => h("div", {}, h("dt", {}, reading.label), h("dd", attrs, value));
    const { stage, balance } = report;
    const rule = (reading, name) => h("li", { "data-rule": name }, h("strong", {}, reading.label), ": ", reading.text);
    const chart = svg(this.analysis.checklistChart(report));
    sizeChart(chart);
    this.summary.replaceChildren(
      h(
        "dl",
        { class: "figures" },
        figure(words.overall, h("span", { "data-total": "overall" }, total(report.overall)), { class: "big" }),
        stage ? figure(words.stage, words.stage.text, { "data-stage": stage.reached?.id ?? "", "data-next-stage": stage.next?.id ?? "" }) : null,
        balance ? figure(words.balance, words.balance.text, { "data-balanced": String(balance.balanced), "data-spread": balance.spread, "data-lowest": balance.lowest.join(" ") }) : null,
        figure(words.items, words.items.text, { "data-unscored": report.unscored }),
      ),
      words.stage_rule || words.balance_rule
        ? h(
            "ul",
            { class: "readings", "aria-label": "The rules behind the readings" },
            words.stage_rule ? rule(words.stage_rule, "stage") : null,
            words.balance_rule ? rule(words.balance_rule, "balance") : null,
          )
        : null,
      this.sectionTable(report),
      ...report.groupings.map((grouping) => this.groupTable(grouping)),
      h(
        "div",
        { class: "charts", part: "charts" },
        h("figure", { "data-chart": "checklist", part: "chart" }, h("div", { class: "scroller", tabindex: "0", role: "group", "aria-label": "Completion by section and group" }, chart)),
      ),
      ...this.nextActions(report, words),
      report.conventions.length
        ? h(
            "details",
            { class: "conventions" },
            h("summary", {}, words.conventions),
            h("ul", {}, report.conventions.map((c) => h("li", { "data-convention": c.id }, c.text))),
          )
        : null,
    );
    return {
      status: words.status,
      live: words.summary,
    };
  }

  /** @internal */
  sectionTable(report) {
    return h(
      "table",
      { class: "scores" },
      h("caption", { class: "visually-hidden" }, "Completion by section"),
      h("thead", {}, h("tr", {}, ["Section", "Score", "Max", "%", "Unscored"].map((t) => h("th", { scope: "col" }, t)))),
      h(
        "tbody",
        {},
        report.sections.map((s) =>
          h(
            "tr",
            { class: "period", "data-row": s.id },
            h("th", { scope: "row" }, `${s.number} ${s.name}`),
            h("td", { class: "num" }, String(s.score)),
            h("td", { class: "num" }, String(s.max)),
            h("td", { class: "num" }, percent(s.percent)),
            h("td", { class: "num" }, String(s.unscored)),
          ),
        ),
        h(
          "tr",
          { class: "phase", "data-row": "overall" },
          h("th", { scope: "row" }, "Overall"),
          h("td", { class: "num" }, String(report.overall.score)),
          h("td", { class: "num" }, String(report.overall.max)),
          h("td", { class: "num" }, percent(report.overall.percent)),
          h("td", { class: "num" }, String(report.unscored)),
        ),
      ),
    );
  }

  /** @internal */
  groupTable(grouping) {
    return h(
      "table",
      { class: "groups", "data-grouping": grouping.id },
      h("caption", {}, `By ${grouping.name}`, this.whose(grouping.provenance)),
      h("thead", {}, h("tr", {}, ["Group", "Items", "Score", "Max", "%"].map((t) => h("th", { scope: "col" }, t)))),
      h(
        "tbody",
        {},
        grouping.groups.map((g) =>
          h(
            "tr",
            { "data-row": `${grouping.id}/${g.id}` },
            h("th", { scope: "row" }, g.name),
            h("td", { class: "num" }, String(g.items)),
            h("td", { class: "num" }, String(g.score)),
            h("td", { class: "num" }, String(g.max)),
            h("td", { class: "num" }, percent(g.percent)),
          ),
        ),
      ),
    );
  }

  /** @internal */
  styles() {
    return [h("style", {}, CHECKLIST_STYLE)];
  }
}

/** What the checklist adds to the calculators' stylesheet. */
const CHECKLIST_STYLE = `
.source, .description { font-size: .9em; color: var(--_muted); margin: .2em 0 .5em; }
.kams { font-size: .85em; font-weight: 400; color: var(--_muted); }
table.groups caption { text-align: left; font-weight: 600; padding: .2em 0; }
.conventions { font-size: .9em; margin: .6em 0; }
.conventions > summary { cursor: pointer; color: var(--_accent); width: fit-content; min-height: 24px; }
`;

if (!customElements.get("kam-checklist")) customElements.define("kam-checklist", KamChecklist);
