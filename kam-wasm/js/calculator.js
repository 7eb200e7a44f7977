// The base of <kam-audit>, <kam-maturity> and <kam-checklist>: what a calculator does
// whatever its framework. It loads the engine, keeps the assessment in the
// browser's store (./store.js) field by field, refuses any edit kam-core
// refuses (so whatever is saved or exported re-imports), tells the host page
// through events and its form, and shows where the person stands in a sticky
// bar that also carries every message.

import { CONTEXT_FIELDS, canonicalJson, characters, count, download, fileStem, h, kam, loadEngine } from "./common.js";
import { TAB, asText, isQuotaError, merge, openStore, stamp } from "./store.js";
import { STYLE } from "./style.js";

/** A record's format in the store; a record of another format is set aside, not guessed at. */
const FORMAT = 1;

/** The media type of an .xlsx workbook. */
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** `kam/spreadsheet` once loaded (see `KamElement.spreadsheets`). */
let spreadsheetModule;

/**
 * The base class. A subclass sets `static defaultFramework` and implements
 * `loadFramework(id)` (sets `ids`, `fields`, returns the framework),
 * `empty()`, `score(text)` (kam-core's report, or its error thrown),
 * `renderBody()`, `fillForm()`, `update(report)` and `unscoredIds()`.
 */
export class KamElement extends HTMLElement {
  /** @internal */
  static formAssociated = true;
  /** @internal */
  static observedAttributes = ["framework", "storage-key", "disabled"];

  constructor() {
    super();
    this.attachShadow({ mode: "open", delegatesFocus: false });
    /** @internal */
    this.internals = this.attachInternals?.();
    /** @internal the stamp of each field's last change (see store.js) */
    this.stamps = {};
    /** @internal fields changed here and not saved yet */
    this.pending = new Set();
    /** Resolves with the element once `kam-ready` has fired. */
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }

  connectedCallback() {
    if (!this.started) {
      this.started = true;
      this.start();
    }
  }

  disconnectedCallback() {
    this.unwatch?.();
    this.unwatch = null;
    this.started = false;
    window.removeEventListener("beforeunload", this.onLeave);
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === "disabled") this.applyDisabled();
    else if (this.started && this.isConnected && this.framework) this.start();
  }

  /** Where the work is saved: the `storage-key` attribute, or `kam:<element>:<framework>`. */
  get storageKey() {
    return this.getAttribute("storage-key") ?? `kam:${this.localName}:${this.frameworkId}`;
  }

  get frameworkId() {
    return this.getAttribute("framework") ?? this.constructor.defaultFramework;
  }

  /** The assessment being edited, in the shared JSON format (a copy: set it to change it). */
  get assessment() {
    return this.current === undefined ? undefined : structuredClone(this.current);
  }

  /**
   * Replaces the assessment (an object or JSON text), re-renders and saves.
   * Throws kam-core's error, changing nothing, when it is not an assessment
   * of this framework and version. Set before the engine is ready, it is
   * applied once it is, in place of the saved work.
   */
  set assessment(value) {
    if (!this.framework) {
      this.initial = value;
      return;
    }
    const text = typeof value === "string" ? value : canonicalJson(value, this.fields, this.ids);
    const report = this.score(text);
    this.replace(JSON.parse(text), report);
  }

  /** kam-core's report on the assessment, updated before every `kam-change`. */
  get report() {
    return this.currentReport;
  }

  /** Whether the element, or the fieldset or form it is in, is disabled. */
  get disabled() {
    return this.hasAttribute("disabled") || Boolean(this.formDisabled);
  }

  set disabled(value) {
    this.toggleAttribute("disabled", Boolean(value));
  }

  /** The host form, as for native fields. */
  get form() {
    return this.internals?.form ?? null;
  }

  /** The `name` the assessment's JSON has in the host form's FormData. */
  get name() {
    return this.getAttribute("name");
  }

  set name(value) {
    this.setAttribute("name", value);
  }

  /** The element's type, as `<input>`'s `type` says its own. */
  get type() {
    return this.localName;
  }

  /** @internal */
  async start() {
    this.shadowRoot.replaceChildren(h("style", {}, STYLE), h("p", { class: "loading" }, "Loading…"));
    try {
      await loadEngine();
      this.limits = kam.limits();
      // A subclass may need to read a file or the store first (kam-checklist).
      this.framework = await this.loadFramework(this.frameworkId);
      this.frameworkText = JSON.stringify(this.framework);
    } catch (error) {
      this.shadowRoot.replaceChildren(
        h("style", {}, STYLE),
        h("p", { class: "message error", role: "alert" }, `Cannot show this calculator: ${error.message}`),
      );
      this.emit("kam-error", { kind: error.kind ?? "engine", message: error.message });
      return;
    }
    this.build();
    // A new framework or storage key starts afresh: nothing of the old one is pending here.
    this.stamps = {};
    this.pending = new Set();
    this.frameworkStored = false;
    this.current = this.empty();
    this.currentReport = this.score(this.toJson());
    await this.restore();
    if (this.initial !== undefined) {
      const value = this.initial;
      this.initial = undefined;
      try {
        this.assessment = value;
      } catch (error) {
        this.refuse(error, `The assessment given to the element was not used: ${error.message}`);
      }
    }
    this.fillForm();
    this.render();
    this.internals?.setFormValue(this.toJson(), this.toJson());
    this.applyDisabled();
    this.onLeave ??= (event) => {
      if (this.pending.size) event.preventDefault();
    };
    window.addEventListener("beforeunload", this.onLeave);
    this.resolveReady(this);
    this.emit("kam-ready", { assessment: this.assessment, report: this.report, framework: this.framework });
  }

  /** Builds the shadow DOM once the framework is known. @internal */
  build() {
    this.live = h("p", { class: "visually-hidden", role: "status", "aria-live": "polite", "data-live": "" });
    this.message = h("div", { class: "message", part: "message", hidden: true });
    this.saveState = h("span", { class: "save-state", "data-save": "" });
    this.barTotals = h("span", { class: "bar-totals", "data-bar": "" });
    this.fileInput = h("input", {
      type: "file",
      accept: ".json,application/json",
      hidden: true,
      "data-action": "import-file",
      onchange: () => this.importFile(this.fileInput.files[0]),
    });
    this.sheetInput = h("input", {
      type: "file",
      accept: `.xlsx,.csv,${XLSX},text/csv`,
      hidden: true,
      "data-action": "import-sheet-file",
      onchange: () => this.importSheet(this.sheetInput.files[0]),
    });
    const body = this.renderBody();
    const target = body.find((node) => node.id === "checklist") ?? body[body.length - 1];
    this.root = h(
      "div",
      { class: "root" },
      h("a", { class: "skip", href: `#${target.id}`, part: "skip-link", onclick: (event) => this.skipTo(event, target) }, this.skipLabel),
      h(
        "div",
        { class: "bar", part: "status-bar", role: "region", "aria-label": "Where you stand" },
        h(
          "div",
          { class: "bar-line" },
          this.barTotals,
          this.saveState,
          this.hasUnscored
            ? h("button", { type: "button", class: "next", "data-action": "next-unscored", onclick: () => this.nextUnscored() }, this.nextLabel)
            : null,
        ),
        this.message,
      ),
      this.live,
      h(
        "header",
        { part: "header" },
        h("h2", {}, this.framework.name),
        this.contextForm(),
        h(
          "div",
          { class: "toolbar", part: "toolbar", role: "toolbar", "aria-label": "Assessment file" },
          h("button", { type: "button", part: "button", "data-action": "import", onclick: () => this.fileInput.click() }, "Import JSON…"),
          this.fileInput,
          h("button", { type: "button", part: "button", "data-action": "export", onclick: () => this.exportFile() }, "Export JSON"),
          ...this.reportButtons(),
          h("button", { type: "button", part: "button", "data-action": "xlsx-template", onclick: () => this.downloadTemplate() }, "Download Excel template"),
          h("button", { type: "button", part: "button", "data-action": "import-sheet", onclick: () => this.sheetInput.click() }, "Import Excel or CSV…"),
          this.sheetInput,
          h("button", { type: "button", part: "button", "data-action": "export-xlsx", onclick: () => this.exportXlsx() }, "Export Excel"),
          h("button", { type: "button", part: "button", "data-action": "clear", onclick: () => this.clearAll() }, "Clear all"),
        ),
      ),
      ...body,
    );
    this.shadowRoot.replaceChildren(h("style", {}, STYLE), ...this.styles(), this.root);
  }

  /** Extra style sheets of a subclass. @internal */
  styles() {
    return [];
  }

  /** @internal */
  skipTo(event, target) {
    // Fragment links do not reach into a shadow root: move focus ourselves.
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: "start" });
  }

  /** The assessment in the shared JSON format. */
  toJson() {
    return canonicalJson(this.current, this.fields, this.ids);
  }

  // --- Fields: the units in which tabs merge -----------------------------

  /**
   * The assessment as fields: `context/<name>`, and per item `<key>/<id>`
   * (the subclass's `fields` say which parts share a key, e.g. an audit
   * item's score and its "not applicable" mark are one field).
   * @internal
   */
  fieldsOf(assessment) {
    const out = {};
    for (const [key, value] of Object.entries(assessment.context ?? {})) out[`context/${key}`] = value;
    for (const spec of this.fields) {
      const part = assessment[spec.name];
      if (spec.type === "map") for (const [id, value] of Object.entries(part ?? {})) out[`${spec.key ?? spec.name}/${id}`] = value;
      if (spec.type === "set") for (const id of part ?? []) out[`${spec.key ?? spec.name}/${id}`] = spec.value;
    }
    return out;
  }

  /** The assessment made of `fields` (the inverse of `fieldsOf`). @internal */
  fromFields(fields) {
    const assessment = this.empty();
    for (const [field, value] of Object.entries(fields)) {
      const cut = field.indexOf("/");
      const [key, id] = [field.slice(0, cut), field.slice(cut + 1)];
      if (key === "context") {
        (assessment.context ??= {})[id] = value;
        continue;
      }
      // Parts sharing a key (an audit item's score and its "not applicable"
      // mark) are told apart by value: the set's marker, else the map.
      const specs = this.fields.filter((s) => (s.key ?? s.name) === key);
      const spec = specs.find((s) => s.type === "set" && s.value === value) ?? specs.find((s) => s.type === "map");
      if (!spec) continue;
      if (spec.type === "map") (assessment[spec.name] ??= {})[id] = value;
      else (assessment[spec.name] ??= []).push(id);
    }
    return assessment;
  }

  // --- Edits ----------------------------------------------------------------

  /**
   * Applies an edit: `change(draft)` modifies a copy of the assessment. The
   * copy is accepted only if kam-core accepts its JSON (every limit included);
   * otherwise nothing changes, `kam-error` fires and `false` is returned so
   * the field can be put back. Accepted, the changed fields are stamped,
   * saved, and `kam-change` fires after `report` is updated.
   * @internal
   */
  edit(change, { field = null, render = true } = {}) {
    if (this.disabled) return false;
    const draft = structuredClone(this.current);
    change(draft);
    const text = canonicalJson(draft, this.fields, this.ids);
    let report;
    try {
      report = this.score(text);
    } catch (error) {
      this.refuse(error, null, field);
      return false;
    }
    const before = this.fieldsOf(this.current);
    const after = this.fieldsOf(draft);
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (before[key] !== after[key]) {
        this.stamps[key] = stamp();
        this.pending.add(key);
      }
    }
    this.current = draft;
    this.currentReport = report;
    if (render) this.render();
    this.changed();
    return true;
  }

  /** Replaces the whole assessment (import, `assessment = …`, migration): every field is stamped. @internal */
  replace(assessment, report, { event = false } = {}) {
    const fields = new Set([...Object.keys(this.fieldsOf(this.current)), ...Object.keys(this.fieldsOf(assessment))]);
    for (const key of fields) {
      this.stamps[key] = stamp();
      this.pending.add(key);
    }
    this.current = assessment;
    this.currentReport = report;
    this.fillForm();
    this.render();
    if (event) this.changed();
    else this.persist();
  }

  /** After an accepted edit: form value, save, `kam-change`. @internal */
  changed() {
    this.persist();
    this.emit("kam-change", { assessment: this.assessment, report: this.report });
  }

  /** Tells the host form and the store. @internal */
  persist() {
    this.internals?.setFormValue(this.toJson(), this.toJson());
    this.save();
  }

  /** A refused edit or file: the message where the person is, and `kam-error`. @internal */
  refuse(error, text, field) {
    const message = text ?? this.refusal(error, field);
    if (field?.note) field.note(message);
    else this.say(message, "error");
    this.emit("kam-error", { kind: error.kind ?? "error", message: error.message, field: field?.key ?? null });
  }

  /** The person's words for a refused edit, from kam-core's error and limits. @internal */
  refusal(error, field) {
    if (error.kind === "text-too-long") {
      return `Not changed: a text holds at most ${count(this.limits.max_string_chars)} characters.`;
    }
    if (error.kind === "input-too-large") {
      return `Not changed: the whole assessment would be larger than ${count(this.limits.max_input_bytes / 1024 / 1024)} MiB, the most kam reads back. Shorten a note, or keep long material in a separate document.`;
    }
    return `Not changed: ${error.message}`;
  }

  /** @internal */
  emit(type, detail) {
    // Built apart from dispatchEvent, so the manifest lists the events by
    // their @fires tags rather than this generic call.
    const event = new CustomEvent(type, { detail, bubbles: true, composed: true });
    this.dispatchEvent(event);
  }

  // --- Saving ---------------------------------------------------------------

  /** This tab's fields and stamps, as the store merges them. @internal */
  local() {
    return { fields: this.fieldsOf(this.current), stamps: { ...this.stamps } };
  }

  /** Whether a stored record can be read as an assessment of this framework and version; `null` if so, else why not. @internal */
  unreadable(record) {
    if (!record || typeof record !== "object" || record.format !== FORMAT) return "unreadable";
    const a = record.assessment;
    if (a?.framework === this.framework.id && a?.framework_version !== this.framework.version) return "old-version";
    try {
      this.score(canonicalJson(a, this.fields, this.ids));
      return null;
    } catch {
      return "unreadable";
    }
  }

  /** The record for `assessment` with `stamps`. @internal */
  record(assessment, stamps, saved = stamp()) {
    return {
      format: FORMAT,
      element: this.localName,
      framework: this.framework.id,
      framework_version: this.framework.version,
      assessment,
      stamps,
      saved,
    };
  }

  /** Saves now, or again right after the save under way. @internal */
  save() {
    if (!this.store) return;
    if (this.saving) {
      this.saveAgain = true;
      return;
    }
    this.saving = this.saveNow().finally(() => {
      this.saving = null;
      if (this.saveAgain) {
        this.saveAgain = false;
        this.save();
      }
    });
  }

  /** @internal */
  async saveNow() {
    const sent = new Set(this.pending);
    const extra = this.extraCopies ?? [];
    this.extraCopies = [];
    this.showSaveState("saving");
    let merged;
    try {
      await this.store.save(
        this.storageKey,
        (stored) => {
          const copies = [...extra];
          let theirs = { fields: {}, stamps: {} };
          const why = stored ? this.unreadable(stored) : null;
          if (why) copies.push(this.keptCopy(stored, why));
          else if (stored) theirs = { fields: this.fieldsOf(stored.assessment), stamps: stored.stamps ?? {} };
          merged = merge(this.local(), theirs);
          const assessment = JSON.parse(canonicalJson(this.fromFields(merged.fields), this.fields, this.ids));
          return { record: this.record(assessment, merged.stamps), setAside: copies };
        },
        this.frameworkRecord(),
      );
    } catch (error) {
      this.extraCopies = [...extra, ...(this.extraCopies ?? [])];
      this.saveFailed(error);
      return;
    }
    for (const key of sent) if (this.stamps[key] === merged.stamps[key]) this.pending.delete(key);
    // Edits made while the transaction ran are newer than what it wrote, and stay.
    this.adopt(merge(this.local(), merged));
    this.showSaveState(this.pending.size ? "saving" : "saved");
    if (this.problem) {
      this.problem = null;
      this.say("Saved again: everything you did is stored in this browser.", "info");
    }
  }

  /** The framework file to keep beside the work, so a later version can re-score it. @internal */
  frameworkRecord() {
    if (this.frameworkStored) return null;
    this.frameworkStored = true;
    return { id: this.framework.id, version: this.framework.version, type: this.framework.type, text: this.frameworkText };
  }

  /** A set-aside copy of a stored record that cannot be used as it is. @internal */
  keptCopy(stored, reason) {
    return {
      reason,
      text: asText(stored?.assessment ?? stored),
      framework: stored?.assessment?.framework ?? null,
      framework_version: stored?.assessment?.framework_version ?? null,
    };
  }

  /** @internal */
  saveFailed(error) {
    this.showSaveState("failed");
    this.problem = error;
    const full = isQuotaError(error);
    const text = full
      ? "Not saved: this browser’s storage is full. Your work is still on this page, and what was saved before is kept. Export it to a file now, then free some space (for example, site data of other sites)."
      : `Not saved in this browser (${error.message}). Your work is still on this page: export it to a file to keep it.`;
    this.say(text, "error", [{ label: "Export JSON now", action: "export-now", run: () => this.exportFile() }]);
  }

  /** @internal */
  showSaveState(state) {
    this.saveState.dataset.save = state;
    this.saveState.textContent = { saving: "Saving…", saved: "Saved", failed: "Not saved", off: "Not saved in this browser" }[state];
  }

  /** Takes what the store now holds (merged with this tab's work) as the assessment shown. @internal */
  adopt(merged) {
    const before = canonicalJson(this.current, this.fields, this.ids);
    const assessment = this.fromFields(merged.fields);
    const text = canonicalJson(assessment, this.fields, this.ids);
    this.stamps = { ...merged.stamps };
    if (text === before) return;
    try {
      this.currentReport = this.score(text);
    } catch {
      return; // kept as it was shown; the stored copy is re-checked on the next load
    }
    this.current = JSON.parse(text);
    this.internals?.setFormValue(text, text);
    this.fillForm();
    this.render();
    this.emit("kam-change", { assessment: this.assessment, report: this.report, remote: true });
  }

  /** Another tab saved this assessment: merge its fields into what is shown. @internal */
  async remoteChange() {
    let stored;
    try {
      stored = await this.store.read(this.storageKey);
    } catch {
      return;
    }
    if (!stored || this.unreadable(stored)) return;
    const theirs = { fields: this.fieldsOf(stored.assessment), stamps: stored.stamps ?? {} };
    const ours = this.local();
    // The later edit wins, as everywhere; but if it replaces text typed
    // here in the field being typed in, that text is set aside and can be
    // put back in one click, so a race between two tabs loses nothing.
    const typing = this.focusedField();
    if (
      typing &&
      (theirs.stamps[typing] ?? "") > (ours.stamps[typing] ?? "") &&
      theirs.fields[typing] !== ours.fields[typing] &&
      ours.stamps[typing]?.endsWith(`:${TAB}`)
    ) {
      const mine = ours.fields[typing] ?? "";
      this.extraCopies = [...(this.extraCopies ?? []), { reason: "conflict", field: typing, text: asText(mine) }];
      this.say(
        `This was changed in another tab while you typed here (${typing.replace("/", " ")}): this tab now shows that version, and what you had typed is set aside in this browser.`,
        "info",
        [
          { label: "Put mine back", action: "put-mine-back", run: () => this.putBack(typing, mine) },
          { label: "Download mine", action: "download-conflict", run: () => download(`${this.fileName()}-this-tab.txt`, String(mine), "text/plain") },
        ],
      );
      this.saveAgain = true;
    }
    this.adopt(merge(ours, theirs));
    if (this.pending.size || this.saveAgain) {
      this.saveAgain = false;
      this.save();
    }
  }

  /** Puts a text field back to `value` (after another tab replaced it), as an edit of this tab. @internal */
  putBack(field, value) {
    const control = this.shadowRoot.querySelector(`[data-field="${CSS.escape(field)}"]`);
    if (!control) return;
    control.value = value;
    control.dispatchEvent(new Event("input"));
    this.message.hidden = true;
  }

  /** The field of the control being typed in, if any. @internal */
  focusedField() {
    const active = this.shadowRoot.activeElement;
    return active?.dataset?.field ?? null;
  }

  // --- Loading what was saved -------------------------------------------------

  /** Reads the saved work (moving it from localStorage once), never throwing. @internal */
  async restore() {
    try {
      this.store = await openStore();
    } catch (error) {
      this.store = null;
      this.showSaveState("off");
      this.say(`Your work cannot be saved in this browser (${error.message}): export it to a file to keep it.`, "error");
      return;
    }
    this.unwatch?.();
    this.unwatch = this.store.watch(this.storageKey, () => this.remoteChange());
    let record;
    try {
      record = await this.store.read(this.storageKey);
    } catch (error) {
      this.say(`The work saved in this browser could not be read (${error.message}). It is left as it is; export your work to keep it.`, "error");
      return;
    }
    if (record === undefined) return this.fromLocalStorage();
    const why = this.unreadable(record);
    if (!why) {
      this.current = record.assessment;
      this.stamps = { ...(record.stamps ?? {}) };
      this.currentReport = this.score(this.toJson());
      this.showSaveState("saved");
      this.internals?.setFormValue(this.toJson(), this.toJson());
      return;
    }
    if (why === "old-version") return this.migrate(record);
    return this.setAsideStored(record, why, null);
  }

  /**
   * Moves a stored record that cannot be used into `set-aside`, in the same
   * transaction that replaces it with `replacement` (an empty assessment when
   * `null`). If that cannot be written, the record stays where it is (every
   * later save tries again before writing) and the person is offered it as
   * a download.
   * @internal
   */
  async setAsideStored(record, why, replacement, said) {
    const text = asText(record?.assessment ?? record);
    const name = `${this.fileName()}-${why === "old-version" ? `version-${record?.assessment?.framework_version}` : "unreadable"}.json`;
    const offer = [{ label: "Download the kept copy", action: "download-kept", run: () => download(name, text, "application/json") }];
    const assessment = replacement ?? this.empty();
    const stamps = {};
    for (const key of Object.keys(this.fieldsOf(assessment))) stamps[key] = stamp();
    try {
      await this.store.save(
        this.storageKey,
        (stored) => (stored?.saved === record.saved ? { record: this.record(assessment, stamps), setAside: [this.keptCopy(record, why)] } : { record: null }),
        this.frameworkRecord(),
      );
    } catch (error) {
      this.frameworkStored = false;
      this.say(
        `${said ?? this.whatHappened(why, record)} It could not be set aside in this browser (${isQuotaError(error) ? "its storage is full" : error.message}), so it is left untouched and nothing will be saved over it; download it to keep it safe.`,
        "error",
        offer,
      );
      this.showSaveState("failed");
      return;
    }
    this.current = assessment;
    this.stamps = stamps;
    this.currentReport = this.score(this.toJson());
    this.showSaveState("saved");
    this.say(`${said ?? this.whatHappened(why, record)} It is set aside in this browser, never overwritten, and you can download it.`, why === "old-version" && replacement ? "info" : "error", offer);
  }

  /** @internal */
  whatHappened(why, record) {
    if (why === "old-version") {
      return `Your saved work was made with version ${record.assessment.framework_version} of ${this.framework.name}; this page uses version ${this.framework.version}, and the older version is not known to it, so the work could not be carried over. Starting with an empty assessment.`;
    }
    let reason = "it is not in the format this page writes";
    try {
      this.score(canonicalJson(record.assessment, this.fields, this.ids));
    } catch (error) {
      reason = error.message;
    }
    return `The work saved in this browser could not be read (${reason}). Starting with an empty assessment.`;
  }

  /** Work saved under another version of the framework: re-scored under both (audits), or set aside. @internal */
  async migrate(record) {
    const old = await this.store.framework(record.assessment.framework, record.assessment.framework_version).catch(() => undefined);
    if (!old || !this.carryOver) return this.setAsideStored(record, "old-version", null);
    let carried;
    try {
      carried = await this.carryOver(record.assessment, JSON.parse(old.text));
    } catch (error) {
      return this.setAsideStored(record, "old-version", null, `Your saved work was made with version ${record.assessment.framework_version} of ${this.framework.name} and could not be carried over to version ${this.framework.version} (${error.message}). Starting with an empty assessment.`);
    }
    return this.setAsideStored(record, "old-version", carried.assessment, carried.said);
  }

  /** localStorage, where earlier versions of the calculators saved: moved into the store once. @internal */
  async fromLocalStorage() {
    let text = null;
    let kept = null;
    try {
      text = localStorage.getItem(this.storageKey);
      kept = localStorage.getItem(`${this.storageKey}:unreadable`);
    } catch {
      return; // No localStorage: nothing to move.
    }
    if (text === null && kept === null) return;
    const copies = [];
    if (kept !== null) copies.push({ reason: "unreadable", source: "localStorage", text: kept });
    let assessment = null;
    let problem = null;
    if (text !== null) {
      try {
        this.score(text);
        assessment = JSON.parse(text);
      } catch (error) {
        problem = error;
        copies.push({ reason: "unreadable", source: "localStorage", text });
      }
    }
    const stamps = {};
    for (const key of Object.keys(this.fieldsOf(assessment ?? this.empty()))) stamps[key] = stamp();
    let moved;
    try {
      moved = await this.store.save(
        this.storageKey,
        // Another tab may have moved it already: then leave its record.
        (stored) => (stored ? { record: null } : { record: assessment ? this.record(assessment, stamps) : null, setAside: copies }),
        this.frameworkRecord(),
      );
    } catch (error) {
      this.frameworkStored = false;
      if (assessment) {
        this.current = assessment;
        this.currentReport = this.score(this.toJson());
        for (const key of Object.keys(stamps)) this.pending.add(key);
        this.stamps = stamps;
      }
      this.say(`Your work is still saved the old way (localStorage) and could not be moved to this browser’s database (${isQuotaError(error) ? "its storage is full" : error.message}); export it to a file to keep it.`, "error", [{ label: "Export JSON now", action: "export-now", run: () => this.exportFile() }]);
      return;
    }
    try {
      localStorage.removeItem(this.storageKey);
      localStorage.removeItem(`${this.storageKey}:unreadable`);
    } catch {
      // Moved is moved: a stale copy left behind is harmless.
    }
    if (moved.record === null) {
      const stored = await this.store.read(this.storageKey);
      if (stored && !this.unreadable(stored)) {
        this.current = stored.assessment;
        this.stamps = { ...stored.stamps };
        this.currentReport = this.score(this.toJson());
      }
      return;
    }
    if (assessment) {
      this.current = assessment;
      this.stamps = stamps;
      this.currentReport = this.score(this.toJson());
      this.showSaveState("saved");
    }
    if (problem) {
      const offer = [{ label: "Download the kept copy", action: "download-kept", run: () => download(`${this.fileName()}-unreadable.json`, text, "text/plain") }];
      this.say(`The work saved in this browser could not be read (${problem.message}). Starting with an empty assessment; the unreadable copy is set aside in this browser, never overwritten, and you can download it.`, "error", offer);
    } else if (kept !== null) {
      this.say("An unreadable copy kept by an earlier version of this page is set aside in this browser, never overwritten.", "info", [
        { label: "Download the kept copy", action: "download-kept", run: () => download(`${this.fileName()}-unreadable.json`, kept, "text/plain") },
      ]);
    }
  }

  // --- Messages and the bar --------------------------------------------------------

  /** Shows a message in the sticky bar, with buttons for what to do about it. @internal */
  say(text, kind = "info", actions = []) {
    this.message.replaceChildren(
      h("span", { class: "text" }, text),
      ...actions.map(({ label, action, run }) => h("button", { type: "button", part: "button", "data-action": action, onclick: run }, label)),
      h("button", { type: "button", class: "dismiss", part: "button", "aria-label": "Dismiss the message", onclick: () => (this.message.hidden = true) }, "×"),
    );
    this.message.className = `message ${kind}`;
    this.message.setAttribute("role", kind === "error" ? "alert" : "status");
    this.message.hidden = false;
  }

  /** Redraws the figures: the subclass's summary, the bar and the one live region. @internal */
  render() {
    try {
      // `status`: kam-core's readings for the bar (the first is the total).
      const { status, live } = this.update(this.currentReport);
      this.barTotals.replaceChildren(...status.map((r, i) => h("span", {}, `${r.label} `, h("strong", i === 0 ? { "data-bar-total": "" } : {}, r.text))));
      clearTimeout(this.liveTimer);
      // Announced once typing or clicking pauses, not on every change.
      this.liveTimer = setTimeout(() => {
        this.live.textContent = live;
      }, 400);
    } catch (error) {
      this.say(error.message, "error");
    }
  }

  /** Moves focus to the next item without an answer, after the one focused. @internal */
  nextUnscored() {
    const ids = this.unscoredIds();
    if (!ids.length) {
      this.say("Every item has an answer.", "info");
      return;
    }
    const focused = this.shadowRoot.activeElement?.closest?.("[data-item], [data-area]");
    const at = focused ? this.ids.indexOf(focused.dataset.item ?? focused.dataset.area) : -1;
    const next = ids.find((id) => this.ids.indexOf(id) > at) ?? ids[0];
    const row = this.shadowRoot.querySelector(`[data-item="${CSS.escape(next)}"], [data-area="${CSS.escape(next)}"]`);
    const details = row.closest("details");
    if (details) details.open = true;
    const radio = row.querySelector("input:checked") ?? row.querySelector("input[type=radio]");
    radio.focus({ preventScroll: true });
    row.scrollIntoView({ block: "center" });
  }

  // --- Form association -------------------------------------------------------------

  /** @internal */
  formDisabledCallback(disabled) {
    this.formDisabled = disabled;
    this.applyDisabled();
  }

  /**
   * Form reset: back to an empty assessment, as a native field goes back to
   * its default. The work before the reset is set aside, and one click undoes it.
   * @internal
   */
  formResetCallback() {
    if (!this.framework) return;
    const before = this.current;
    const beforeReport = this.currentReport;
    const empty = this.empty();
    this.extraCopies = [...(this.extraCopies ?? []), { reason: "reset", text: this.toJson() }];
    this.replace(empty, this.score(canonicalJson(empty, this.fields, this.ids)), { event: true });
    this.say("The form was reset: the calculator is empty. The answers before the reset are set aside in this browser.", "info", [
      { label: "Undo the reset", action: "undo-reset", run: () => this.replace(before, beforeReport, { event: true }) },
    ]);
  }

  /** @internal */
  formStateRestoreCallback(state) {
    if (typeof state === "string") {
      try {
        this.assessment = state;
      } catch {
        // The browser's copy does not fit this framework: keep the saved work.
      }
    }
  }

  /** @internal */
  applyDisabled() {
    const off = this.disabled;
    this.toggleAttribute("aria-disabled", off);
    for (const control of this.shadowRoot.querySelectorAll("input, textarea, button")) control.disabled = off;
  }

  // --- Context, files ------------------------------------------------------------------

  /** @internal */
  contextForm() {
    return h(
      "fieldset",
      { class: "context", part: "context" },
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
            "data-field": `context/${key}`,
            oninput: (event) => this.textEdit(event.target, `context/${key}`, (draft, value) => {
              const trimmed = value.trim();
              if (trimmed) (draft.context ??= {})[key] = trimmed;
              else if (draft.context) delete draft.context[key];
              if (draft.context && !Object.keys(draft.context).length) delete draft.context;
            }),
          }),
        ),
      ),
    );
  }

  /**
   * An edit from a text control: checked against kam-core's text limit as it
   * is typed or pasted (the counter and refusal beside the field, `note`),
   * then applied as any edit; a refused change puts the previous text back.
   * @internal
   */
  textEdit(control, key, apply, { counter = null, refusal = null } = {}) {
    const value = control.value;
    const max = this.limits.max_string_chars;
    const length = characters(value);
    const note = (text) => {
      if (refusal) {
        refusal.textContent = text;
        refusal.hidden = !text;
      } else if (text) this.say(text, "error");
    };
    if (counter) {
      counter.textContent = `${count(length)} / ${count(max)} characters`;
      counter.hidden = length < max * 0.9;
    }
    const restore = () => {
      const at = Math.max(0, (control.selectionStart ?? 0) - (value.length - (control.dataset.accepted ?? "").length));
      control.value = control.dataset.accepted ?? "";
      control.setSelectionRange?.(at, at);
      if (counter) {
        const back = characters(control.value);
        counter.textContent = `${count(back)} / ${count(max)} characters`;
        counter.hidden = back < max * 0.9;
      }
    };
    if (length > max) {
      restore();
      note(`Not added: this would make ${count(length)} characters, and a text holds at most ${count(max)}. Shorten it, or keep long material in a separate document.`);
      this.emit("kam-error", { kind: "text-too-long", message: `text has ${length} characters, more than ${max}`, field: key });
      return;
    }
    const accepted = this.edit((draft) => apply(draft, value), { field: { key, note }, render: !key.startsWith("evidence/") });
    if (accepted) {
      control.dataset.accepted = value;
      note("");
    } else restore();
  }

  /** @internal */
  async importFile(file) {
    if (!file) return;
    this.fileInput.value = "";
    if (file.size > this.limits.max_input_bytes) {
      this.refuse({ kind: "input-too-large", message: `${file.name} has ${file.size} bytes` }, `${file.name} was not imported, nothing changed: it is larger than ${count(this.limits.max_input_bytes / 1024 / 1024)} MiB, the most kam reads.`);
      return;
    }
    const text = await file.text();
    let report;
    try {
      report = this.score(text);
    } catch (error) {
      this.refuse(error, `${file.name} was not imported, nothing changed: ${error.message}`);
      return;
    }
    this.replace(JSON.parse(text), report, { event: true });
    this.say(`Imported ${file.name}.`, "info");
  }

  /**
   * `kam/spreadsheet`, loaded on the first click that needs it, so a page
   * whose users never touch a workbook loads nothing more. @internal
   */
  async spreadsheets() {
    spreadsheetModule ??= import("./spreadsheet.js").then(async (module) => {
      await module.default();
      return module;
    });
    try {
      return await spreadsheetModule;
    } catch (error) {
      spreadsheetModule = undefined; // a failed load (offline) is tried again on the next click
      throw error;
    }
  }

  /** Runs a spreadsheet action, saying why when the module does not load. @internal */
  async withSpreadsheets(what, run) {
    let sheets;
    try {
      sheets = await this.spreadsheets();
    } catch (error) {
      this.say(`Could not ${what}: the spreadsheet module did not load (${error.message}).`, "error");
      return;
    }
    run(sheets);
  }

  /** @internal */
  downloadTemplate() {
    return this.withSpreadsheets("make the Excel template", (sheets) =>
      download(`${this.frameworkId}-template.xlsx`, sheets.xlsxTemplate(this.frameworkText), XLSX),
    );
  }

  /** @internal */
  exportXlsx() {
    return this.withSpreadsheets("export Excel", (sheets) =>
      download(`${this.fileName()}.xlsx`, sheets.toXlsx({ type: this.exportType, assessment: this.current }, undefined, this.frameworkText), XLSX),
    );
  }

  /**
   * Reads a filled workbook or a CSV file with kam-core, against this
   * element's framework; a file it refuses changes nothing, and its message
   * (naming the cell, or the row and column) is shown. @internal
   */
  async importSheet(file) {
    if (!file) return;
    this.sheetInput.value = "";
    const bytes = new Uint8Array(await file.arrayBuffer());
    await this.withSpreadsheets(`import ${file.name}`, (sheets) => {
      let assessment;
      let report;
      try {
        const csv = /\.csv$/i.test(file.name) || file.type === "text/csv";
        const read = csv ? sheets.readCsv(bytes, this.frameworkText) : sheets.readXlsx(bytes, this.frameworkText).map((r) => r.assessment);
        if (read.length !== 1) {
          throw Object.assign(new Error(`it holds ${read.length} assessments, and this calculator takes one`), { kind: "not-one-assessment" });
        }
        assessment = read[0];
        report = this.score(JSON.stringify(assessment));
      } catch (error) {
        this.refuse(error, `${file.name} was not imported, nothing changed: ${error.message}`);
        return;
      }
      this.replace(assessment, report, { event: true });
      this.say(`Imported ${file.name}.`, "info");
    });
  }

  /** The stem of every file this element offers. @internal */
  fileName() {
    return fileStem(this.current?.context, this.frameworkId);
  }

  /** @internal */
  exportFile() {
    download(`${this.fileName()}.json`, this.toJson(), "application/json");
  }

  /** @internal */
  clearAll() {
    if (!window.confirm("Clear every answer and note of this assessment?")) return;
    const empty = this.empty();
    this.replace(empty, this.score(canonicalJson(empty, this.fields, this.ids)), { event: true });
    this.say("Cleared.", "info");
  }

  /** @internal */
  reportButtons() {
    return [];
  }

  /** Puts the assessment's context into the form. @internal */
  fillContext() {
    for (const input of this.shadowRoot.querySelectorAll("[data-context]")) {
      const value = this.current.context?.[input.dataset.context] ?? "";
      // Context values are stored trimmed: what is typed stays as typed.
      if (input.value.trim() !== value) input.value = value;
      input.dataset.accepted = input.value;
    }
  }
}
