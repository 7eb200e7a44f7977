// <kam-maturity framework="kam-maturity-model">: the maturity model as an
// embeddable calculator. A stage per programme area, picked from the model's
// descriptors; the weakest link, the mean stage, the next stage per area and
// the radar chart, all computed by kam-core.

import { KamElement } from "./calculator.js";
import { h, kam, svg } from "./common.js";
import { sizeChart } from "./kam-audit.js";

/**
 * The maturity-model calculator.
 *
 * @tag kam-maturity
 * @summary Places each programme area of a KAM maturity model at a stage.
 *
 * @attr {string} framework - The bundled maturity model's id (default `kam-maturity-model`).
 * @attr {string} storage-key - Where the work is saved in the browser's database (default `kam:kam-maturity:<framework>`).
 * @attr {string} name - With a host form, the assessment's JSON is in its FormData under this name.
 * @attr {boolean} disabled - Makes every control inert, as for a native field; a disabled fieldset or form does the same.
 *
 * @prop {MaturityAssessment} assessment - The assessment in the shared JSON format (a copy); setting it (an object or JSON text) re-renders and saves, and throws kam-core's error for one that does not fit.
 * @prop {MaturityReport} report - kam-core's report on the assessment, updated before every `kam-change`.
 * @prop {Promise<KamMaturity>} ready - Resolves once the engine, the model and the saved work are loaded (when `kam-ready` fires).
 * @prop {boolean} disabled - Reflects the `disabled` attribute.
 * @prop {HTMLFormElement | null} form - The host form.
 *
 * @fires kam-ready - The engine, the model and the saved work are loaded; `detail`: `{ assessment, report, framework }`.
 * @fires kam-change - After every accepted edit, import, clear or reset, once `report` is updated; `detail`: `{ assessment, report }` (and `remote: true` when another tab's edit was merged in).
 * @fires kam-error - An edit or file was refused, nothing changed; `detail`: `{ kind, message, field }`.
 *
 * @csspart status-bar - The sticky bar: mean stage, weakest link, save state, "next area not assessed", messages.
 * @csspart message - A message in the bar, with its buttons.
 * @csspart header - The title, context fields and toolbar.
 * @csspart context - The context fields.
 * @csspart toolbar - The import, export and clear buttons.
 * @csspart button - Every button.
 * @csspart summary - The results: mean stage, weakest link, radar chart, next stages.
 * @csspart charts - The box holding the radar chart.
 * @csspart chart - The radar chart.
 * @csspart checklist - The programme areas.
 * @csspart item - One programme area with its stages.
 * @csspart score - One stage choice.
 * @csspart evidence - An area's evidence note.
 * @csspart skip-link - The "skip to the programme areas" link, shown on focus.
 *
 * @cssprop --kam-background - Page colour of the element (default: the system `Canvas` colour).
 * @cssprop --kam-surface - Colour of panels and charts.
 * @cssprop --kam-text - Text colour (default: the system `CanvasText` colour).
 * @cssprop --kam-accent - Buttons and selected stages.
 * @cssprop --kam-on-accent - Text on the accent colour.
 * @cssprop --kam-focus - The focus ring (default: the accent).
 */
export class KamMaturity extends KamElement {
  /** @internal */
  static defaultFramework = "kam-maturity-model";

  /** What `toXlsx` exports this element's assessment as. @internal */
  get exportType() {
    return "maturity";
  }

  /** @internal */
  get skipLabel() {
    return "Skip to the programme areas";
  }

  /** @internal */
  get nextLabel() {
    return "Next area not assessed";
  }

  /** @internal */
  get hasUnscored() {
    return true;
  }

  /** @internal */
  loadFramework(id) {
    const model = kam.framework(id);
    if (model.type !== "maturity-model") {
      // kam-core's own message for a framework of the wrong type.
      kam.scoreMaturityWith(model, { framework: model.id, framework_version: model.version });
    }
    this.ids = model.areas.map((area) => area.id);
    this.fields = [
      { name: "framework" },
      { name: "framework_version" },
      { name: "context", type: "context" },
      { name: "stages", type: "map", always: true },
      { name: "evidence", type: "map" },
    ];
    return model;
  }

  /** @internal */
  empty() {
    return { framework: this.framework.id, framework_version: this.framework.version, stages: {} };
  }

  /** kam-core's report on `text`, or its error when `text` is not an assessment of this model and version. @internal */
  score(text) {
    return kam.scoreMaturityWith(this.frameworkText, text);
  }

  /** @internal */
  unscoredIds() {
    return this.ids.filter((id) => !(id in this.current.stages));
  }

  /** @internal */
  renderBody() {
    const model = this.framework;
    this.summary = h("section", { class: "summary", part: "summary", "aria-label": "Maturity" });
    const grid = h(
      "section",
      { class: "areas", part: "checklist", id: "areas", tabindex: "-1", "aria-labelledby": "areas-title" },
      h("h3", { id: "areas-title" }, "Programme areas"),
    );
    for (const area of model.areas) {
      const choices = [{ value: "", name: "Not assessed", descriptor: "" }].concat(
        model.stages.map((stage, index) => ({
          value: String(stage.stage),
          name: stage.name,
          descriptor: area.descriptors[index] ?? "",
        })),
      );
      const counter = h("p", { class: "counter", id: `counter-${area.id}`, hidden: true });
      const refusal = h("p", { class: "refusal", id: `refusal-${area.id}`, role: "alert", hidden: true });
      grid.append(
        h(
          "fieldset",
          { class: "area", part: "item", "data-area": area.id, "aria-label": area.name },
          h("legend", {}, area.name, " ", h("span", { class: "total", "data-area-stage": area.id })),
          h(
            "div",
            { class: "stages" },
            choices.map((choice) =>
              h(
                "label",
                { class: "stage" },
                h("input", {
                  type: "radio",
                  name: `stage-${area.id}`,
                  value: choice.value,
                  "data-stage": area.id,
                  "data-field": `stages/${area.id}`,
                  onchange: () => this.setStage(area.id, choice.value),
                }),
                h(
                  "span",
                  { part: "score" },
                  h("strong", {}, choice.value ? `${choice.value} ${choice.name}` : choice.name),
                  choice.descriptor ? h("small", {}, choice.descriptor) : null,
                ),
              ),
            ),
          ),
          h(
            "details",
            { class: "evidence", part: "evidence" },
            h("summary", {}, "Evidence note"),
            h("textarea", {
              "data-evidence": area.id,
              "data-field": `evidence/${area.id}`,
              "aria-label": `Evidence for ${area.name}`,
              "aria-describedby": `counter-${area.id} refusal-${area.id}`,
              oninput: (event) =>
                this.textEdit(
                  event.target,
                  `evidence/${area.id}`,
                  (draft, text) => {
                    if (text.trim()) (draft.evidence ??= {})[area.id] = text;
                    else if (draft.evidence) delete draft.evidence[area.id];
                    if (draft.evidence && !Object.keys(draft.evidence).length) delete draft.evidence;
                  },
                  { counter, refusal },
                ),
            }),
            counter,
            refusal,
          ),
        ),
      );
    }
    return [this.summary, grid];
  }

  /** @internal */
  setStage(id, value) {
    const accepted = this.edit((draft) => {
      if (value === "") delete draft.stages[id];
      else draft.stages[id] = Number(value);
    });
    if (!accepted) this.fillForm();
  }

  /** @internal */
  fillForm() {
    this.fillContext();
    const { stages, evidence = {} } = this.current;
    for (const input of this.shadowRoot.querySelectorAll("input[data-stage]")) {
      input.checked = input.value === (input.dataset.stage in stages ? String(stages[input.dataset.stage]) : "");
    }
    for (const area of this.shadowRoot.querySelectorAll("textarea[data-evidence]")) {
      // Only a changed text is written, so the caret of the one being typed in stays put.
      const value = evidence[area.dataset.evidence] ?? "";
      if (area.value !== value) area.value = value;
      area.dataset.accepted = value;
      // A note with text shows; an empty one folds away unless it is being typed in.
      area.closest("details").open = Boolean(value) || area === this.shadowRoot.activeElement;
    }
  }

  /** @internal */
  update(report) {
    // Every sentence is kam-core's (`describeMaturity`), as in Python and Rust.
    const words = kam.describeMaturity(report);
    const stages = new Map(words.area_stages.map((a) => [a.id, a]));
    for (const node of this.shadowRoot.querySelectorAll("[data-area-stage]")) {
      node.textContent = `— ${stages.get(node.dataset.areaStage)?.stage ?? ""}`;
    }
    const weakest = report.weakest_link;
    let chart = null;
    if (report.areas.length) {
      const radar = svg(kam.maturityRadar(report, null));
      sizeChart(radar);
      chart = h(
        "div",
        { class: "charts", part: "charts" },
        h("figure", { "data-chart": "radar", part: "chart" }, h("div", { class: "scroller", tabindex: "0", role: "group", "aria-label": "Radar chart of the stages" }, radar)),
      );
    }
    const [mean] = words.status;
    const next = words.area_stages.filter((a) => a.next);
    const names = new Map(this.framework.areas.map((area) => [area.id, area.name]));
    this.summary.replaceChildren(
      ...[
        h("p", { class: "overall" }, `${mean.label} `, h("strong", {}, h("span", { "data-total": "mean" }, mean.text))),
        h(
          "dl",
          { class: "figures", "data-weakest": weakest ? weakest.stage : null },
          [words.mean, words.stage, words.milestone, words.unassessed].map((r) => h("div", {}, h("dt", {}, r.label), h("dd", {}, r.text))),
        ),
        chart,
        next.length ? h("ul", { class: "next-stages" }, next.map((a) => h("li", {}, h("strong", {}, names.get(a.id) ?? a.id), `: ${a.next}`))) : null,
      ].filter(Boolean),
    );
    return {
      status: words.status,
      live: words.summary,
    };
  }
}

if (!customElements.get("kam-maturity")) customElements.define("kam-maturity", KamMaturity);
