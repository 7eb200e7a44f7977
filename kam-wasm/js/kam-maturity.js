// <kam-maturity framework="kam-maturity-model">: the maturity model as an
// embeddable calculator. A stage per programme area, picked from the model's
// descriptors; the weakest link, the mean stage, the next stage per area and
// the radar chart, all computed by kam-core.

import { KamElement, h, kam, svg } from "./common.js";

export class KamMaturity extends KamElement {
  static defaultFramework = "kam-maturity-model";

  loadFramework(id) {
    const model = kam.framework(id);
    if (model.type !== "maturity-model") {
      // kam-core's own message for a framework of the wrong type.
      kam.scoreMaturityWith(model, { framework: model.id, framework_version: model.version });
    }
    this.frameworkText = JSON.stringify(model);
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

  empty() {
    return { framework: this.framework.id, framework_version: this.framework.version, stages: {} };
  }

  /** Throws kam-core's error when `text` is not an assessment of this model and version. */
  validate(text) {
    kam.scoreMaturityWith(this.frameworkText, text);
  }

  renderBody() {
    const model = this.framework;
    this.summary = h("section", { class: "summary", "aria-label": "Maturity" });
    const grid = h("section", { class: "areas", "aria-label": "Programme areas" }, h("h3", {}, "Programme areas"));
    for (const area of model.areas) {
      const choices = [{ value: "", name: "Not assessed", descriptor: "" }].concat(
        model.stages.map((stage, index) => ({
          value: String(stage.stage),
          name: stage.name,
          descriptor: area.descriptors[index] ?? "",
        })),
      );
      grid.append(
        h(
          "fieldset",
          { class: "area", "data-area": area.id },
          h("legend", {}, area.name, " ", h("output", { "data-area-stage": area.id })),
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
                  onchange: () => this.setStage(area.id, choice.value),
                }),
                h(
                  "span",
                  {},
                  h("strong", {}, choice.value ? `${choice.value} ${choice.name}` : choice.name),
                  choice.descriptor ? h("small", {}, choice.descriptor) : null,
                ),
              ),
            ),
          ),
          h(
            "details",
            { class: "evidence" },
            h("summary", {}, "Evidence"),
            h("textarea", {
              "data-evidence": area.id,
              "aria-label": `Evidence for ${area.name}`,
              oninput: (event) => {
                const text = event.target.value;
                this.assessment.evidence ??= {};
                if (text.trim()) this.assessment.evidence[area.id] = text;
                else delete this.assessment.evidence[area.id];
                this.save();
              },
            }),
          ),
        ),
      );
    }
    return [h("style", {}, STYLE), this.summary, grid];
  }

  setStage(id, value) {
    if (value === "") delete this.assessment.stages[id];
    else this.assessment.stages[id] = Number(value);
    this.changed();
  }

  fillForm() {
    super.fillForm();
    const { stages, evidence = {} } = this.assessment;
    for (const input of this.shadowRoot.querySelectorAll("input[data-stage]")) {
      input.checked = input.value === (input.dataset.stage in stages ? String(stages[input.dataset.stage]) : "");
    }
    for (const area of this.shadowRoot.querySelectorAll("textarea[data-evidence]")) {
      area.value = evidence[area.dataset.evidence] ?? "";
      area.closest("details").open = Boolean(area.value);
    }
  }

  update() {
    const report = kam.scoreMaturity(this.assessment);
    this.report = report;
    for (const node of this.shadowRoot.querySelectorAll("[data-area-stage]")) {
      const result = report.areas.find((a) => a.id === node.dataset.areaStage);
      node.textContent = result ? `— stage ${result.stage.stage}, ${result.stage.name}` : "— not assessed";
    }
    const names = new Map(this.framework.areas.map((a) => [a.id, a.name]));
    const weakest = report.weakest_link;
    this.summary.replaceChildren(
      ...[
      h(
        "p",
        { class: "overall" },
        "Mean stage ",
        h("strong", {}, h("output", { "data-total": "mean" }, report.mean_stage === null ? "–" : report.mean_stage.toFixed(1))),
        ` over ${report.areas.length} of ${this.framework.areas.length} areas`,
      ),
      weakest
        ? h(
            "p",
            { "data-weakest": weakest.stage },
            `Weakest link: stage ${weakest.stage}, ${weakest.name} (${report.weakest_areas.map((id) => names.get(id)).join(", ")}). `,
            `Milestone to level up: ${weakest.milestone}.`,
          )
        : h("p", {}, "No programme area assessed yet."),
      report.unassessed.length ? h("p", {}, `Not assessed: ${report.unassessed.map((id) => names.get(id)).join(", ")}.`) : null,
      typeof kam.maturityRadar === "function" && report.areas.length
        ? h("div", { class: "charts" }, h("figure", { "data-chart": "radar" }, svg(kam.maturityRadar(report, null))))
        : null,
      report.areas.some((a) => a.next)
        ? h(
            "ul",
            { class: "next-stages" },
            report.areas
              .filter((a) => a.next)
              .map((a) => h("li", {}, h("strong", {}, a.name), `: next, stage ${a.next.stage} ${a.next.name} — ${a.next.descriptor}`)),
          )
        : null,
      ].filter(Boolean),
    );
  }
}

const STYLE = `
.stages { display: grid; grid-template-columns: repeat(auto-fit, minmax(9em, 1fr)); gap: 4px; }
fieldset.area { border: 1px solid var(--line); border-radius: 6px; margin: .5em 0; }
fieldset.area legend { font-weight: 600; }
label.stage { position: relative; display: block; }
label.stage input { position: absolute; opacity: 0; }
label.stage span { display: block; height: 100%; box-sizing: border-box; border: 1px solid var(--line); border-radius: 4px; padding: .3em .5em; cursor: pointer; }
label.stage small { display: block; color: #3b4556; }
label.stage input:checked + span { background: var(--accent); border-color: var(--accent); color: #fff; }
label.stage input:checked + span small { color: #e6eefa; }
label.stage input:focus-visible + span { outline: 3px solid #f0a500; }
`;

if (!customElements.get("kam-maturity")) customElements.define("kam-maturity", KamMaturity);
