// <kam-audit framework="cranfield-kam-development">: the action audit as an
// embeddable calculator. The checklist by phase, period and stream; a score
// per item on the framework's scale; live totals, the Figure 3 and Figure 4
// charts and the next actions, all computed by kam-core.

import { KamElement, download, h, kam, percent, printHtml, svg, fileStem } from "./common.js";

export class KamAudit extends KamElement {
  static defaultFramework = "cranfield-kam-development";

  loadFramework(id) {
    const framework = kam.framework(id);
    if (framework.type !== "action-audit") {
      // kam-core's own message for a framework of the wrong type.
      kam.scoreWith(framework, { framework: framework.id, framework_version: framework.version });
    }
    this.frameworkText = JSON.stringify(framework);
    this.ids = framework.items.map((item) => item.id);
    this.fields = [
      { name: "framework" },
      { name: "framework_version" },
      { name: "context", type: "context" },
      { name: "scores", type: "map", always: true },
      { name: "evidence", type: "map" },
      { name: "not_applicable", type: "set" },
    ];
    return framework;
  }

  empty() {
    return { framework: this.framework.id, framework_version: this.framework.version, scores: {} };
  }

  /** Throws kam-core's error when `text` is not an assessment of this framework and version. */
  validate(text) {
    kam.scoreWith(this.frameworkText, text);
  }

  reportButtons() {
    if (typeof kam.auditHtml !== "function") return [];
    return [
      h("button", { type: "button", "data-action": "save-report", onclick: () => this.saveReport() }, "Save report (HTML)"),
      h("button", { type: "button", "data-action": "print-report", onclick: () => printHtml(this.reportHtml()) }, "Print report"),
    ];
  }

  reportHtml() {
    return kam.auditHtml(kam.score(this.assessment));
  }

  saveReport() {
    download(`${fileStem(this.assessment.context, this.frameworkId)}-report.html`, this.reportHtml(), "text/html");
  }

  renderBody() {
    const framework = this.framework;
    const contributory = new Map();
    for (const stream of framework.streams) {
      for (const c of stream.contributory) contributory.set(c.id, { stream, contributory: c });
    }
    const scale = [];
    for (let value = framework.scale.min; value <= framework.scale.max; value++) {
      scale.push({ value, label: framework.scale.labels.find((l) => l.value === value)?.label ?? String(value) });
    }
    this.summary = h("section", { class: "summary", "aria-label": "Scores" });
    const checklist = h(
      "section",
      { class: "checklist", "aria-label": "Checklist" },
      h("h3", {}, "Checklist"),
      h(
        "dl",
        { class: "scale", "aria-label": "Scale" },
        scale.flatMap(({ value, label }) => [h("dt", {}, String(value)), h("dd", {}, label)]),
      ),
    );
    for (const phase of framework.phases) {
      const section = h(
        "section",
        { class: "phase" },
        h("h3", {}, `Phase ${phase.id}: ${phase.name} `, h("output", { "data-phase": phase.id })),
      );
      for (const period of phase.periods) {
        const details = h(
          "details",
          { class: "period", open: true },
          h("summary", {}, `${period.id} ${period.name} `, h("output", { "data-period": period.id })),
        );
        const items = framework.items.filter((item) => item.period === period.id);
        for (const stream of framework.streams) {
          const inStream = items.filter((item) => contributory.get(item.stream)?.stream === stream);
          if (!inStream.length) continue;
          details.append(h("h4", { class: "streamname" }, stream.name));
          for (const item of inStream) details.append(this.itemRow(item, contributory.get(item.stream).contributory, scale));
        }
        section.append(details);
        // A milestone follows the period it is reached after (Launch after B1).
        for (const milestone of (framework.milestones ?? []).filter((m) => m.after === period.id)) {
          section.append(h("p", { class: "milestone" }, `Milestone: ${milestone.name}`));
        }
      }
      checklist.append(section);
    }
    return [this.summary, checklist];
  }

  itemRow(item, contributory, scale) {
    const choices = [{ value: "", label: "Not scored", text: "–" }];
    for (const { value, label } of scale) choices.push({ value: String(value), label, text: String(value) });
    if (this.framework.not_applicable.allowed) choices.push({ value: "na", label: "Not applicable", text: "n/a" });
    const legendId = `legend-${item.id}`;
    const evidence = h("textarea", {
      "data-evidence": item.id,
      "aria-label": `Evidence for ${item.id}`,
      oninput: (event) => {
        const text = event.target.value;
        this.assessment.evidence ??= {};
        if (text.trim()) this.assessment.evidence[item.id] = text;
        else delete this.assessment.evidence[item.id];
        this.save();
      },
    });
    return h(
      "fieldset",
      { class: "item", "data-item": item.id },
      h(
        "legend",
        { id: legendId },
        h("span", { class: "id" }, item.id),
        item.text,
        item.weight && item.weight !== 1 ? ` (×${item.weight})` : null,
        h("span", { class: "stream" }, contributory.name),
      ),
      h(
        "div",
        { class: "choices" },
        choices.map((choice) =>
          h(
            "label",
            { title: choice.label },
            h("input", {
              type: "radio",
              name: `score-${item.id}`,
              value: choice.value,
              "data-score": item.id,
              onchange: () => this.setScore(item.id, choice.value),
            }),
            h("span", { class: "value", "aria-hidden": "true" }, choice.text),
            h("span", { class: "visually-hidden" }, choice.value === "" || choice.value === "na" ? choice.label : `${choice.value}: ${choice.label}`),
          ),
        ),
      ),
      h("details", { class: "evidence" }, h("summary", {}, "Evidence"), evidence),
    );
  }

  setScore(id, value) {
    const assessment = this.assessment;
    delete assessment.scores[id];
    if (assessment.not_applicable) assessment.not_applicable = assessment.not_applicable.filter((x) => x !== id);
    if (value === "na") (assessment.not_applicable ??= []).push(id);
    else if (value !== "") assessment.scores[id] = Number(value);
    this.changed();
  }

  fillForm() {
    super.fillForm();
    const { scores, evidence = {}, not_applicable: na = [] } = this.assessment;
    for (const input of this.shadowRoot.querySelectorAll("input[data-score]")) {
      const id = input.dataset.score;
      const current = id in scores ? String(scores[id]) : na.includes(id) ? "na" : "";
      input.checked = input.value === current;
    }
    for (const area of this.shadowRoot.querySelectorAll("textarea[data-evidence]")) {
      area.value = evidence[area.dataset.evidence] ?? "";
      area.closest("details").open = Boolean(area.value);
    }
  }

  update() {
    const report = kam.score(this.assessment);
    this.report = report;
    const total = (node, t) => {
      node.textContent = `${t.score} / ${t.max} (${percent(t.percent)})`;
      node.dataset.score = t.score;
      node.dataset.max = t.max;
    };
    const root = this.shadowRoot;
    for (const phase of report.phases) {
      total(root.querySelector(`[data-phase="${phase.id}"]`), phase);
      for (const period of phase.periods) {
        const node = root.querySelector(`[data-period="${period.id}"]`);
        total(node, period);
        node.classList.toggle("complete", period.complete);
        if (period.complete) node.textContent += " ✓ complete";
      }
    }
    const position = report.position.type === "best-practice"
      ? "Best practice KAM: every item completed as described."
      : `On the development path: period ${report.position.number}, ${report.position.name} (phase ${report.position.phase}), ${Math.round(report.position.fraction * 100)}% of the way through.`;
    const overall = h("output", { "data-total": "overall" });
    total(overall, report.overall);
    const current = report.progress.current_period;
    const charts = [];
    if (typeof kam.figure3 === "function") charts.push(h("figure", { "data-chart": "figure3" }, svg(kam.figure3(report))));
    if (typeof kam.figure4 === "function") charts.push(h("figure", { "data-chart": "figure4" }, svg(kam.figure4(report))));
    this.summary.replaceChildren(
      ...[
      h("p", { class: "overall" }, "Overall score ", h("strong", {}, overall)),
      h("p", { "data-position": "" }, position),
      h(
        "p",
        {},
        `${report.unscored} item(s) not yet scored. `,
        current
          ? `Current period (first below ${report.progress.completion_threshold}%): ${current}.`
          : `Every period has reached ${report.progress.completion_threshold}%.`,
      ),
      this.table(report),
      charts.length ? h("div", { class: "charts" }, charts) : null,
      h("h3", {}, "Next actions"),
      report.next_actions.length
        ? h(
            "ol",
            { class: "next-actions" },
            report.next_actions.map((a) =>
              h("li", { "data-next": a.id }, h("span", { class: "id" }, a.id), ` ${a.text} `, h("small", {}, a.score === null ? "(not scored)" : `(scored ${a.score})`)),
            ),
          )
        : h("p", {}, "None: every item is at the top of the scale."),
      ].filter(Boolean),
    );
  }

  table(report) {
    const row = (cls, label, t, attrs = {}) =>
      h(
        "tr",
        { class: cls, ...attrs },
        h("th", { scope: "row" }, label),
        h("td", { class: "num" }, String(t.score)),
        h("td", { class: "num" }, String(t.max)),
        h("td", { class: "num" }, percent(t.percent)),
        h("td", {}, "complete" in t ? (t.complete ? "complete" : "") : ""),
      );
    return h(
      "table",
      { class: "scores" },
      h("caption", { class: "visually-hidden" }, "Scores by phase and period"),
      h("thead", {}, h("tr", {}, ["", "Score", "Max", "%", ""].map((t) => h("th", { scope: "col" }, t)))),
      h(
        "tbody",
        {},
        report.phases.flatMap((phase) => [
          row("phase", `${phase.id} ${phase.name}`, phase, { "data-row": phase.id }),
          ...phase.periods.map((p) => row("period", `${p.id} ${p.name}`, p, { "data-row": p.id })),
        ]),
        row("phase", "Overall", report.overall, { "data-row": "overall" }),
      ),
    );
  }
}

if (!customElements.get("kam-audit")) customElements.define("kam-audit", KamAudit);
