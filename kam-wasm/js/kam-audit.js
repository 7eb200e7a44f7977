// <kam-audit framework="cranfield-kam-development">: the action audit as an
// embeddable calculator. The checklist by phase, period and stream; a score
// per item on the framework's scale, with its meaning written out; live
// totals, the Figure 3 and Figure 4 charts, their readings in words and the
// next actions, all computed and worded by kam-core.

import { ItemCalculator } from "./item-calculator.js";
import { h, kam, percent, svg, canonicalJson } from "./common.js";

/** Smallest chart text as displayed, in CSS pixels. */
const CHART_TEXT_PX = 11;

/**
 * The action-audit calculator.
 *
 * @tag kam-audit
 * @summary Scores an action audit (by default the Cranfield KAM development audit) item by item.
 *
 * @attr {string} framework - The bundled action-audit framework's id (default `cranfield-kam-development`).
 * @attr {string} storage-key - Where the work is saved in the browser's database (default `kam:kam-audit:<framework>`); use one per assessment when a page has several.
 * @attr {string} name - With a host form, the assessment's JSON is in its FormData under this name.
 * @attr {boolean} disabled - Makes every control inert, as for a native field; a disabled fieldset or form does the same.
 *
 * @prop {AuditAssessment} assessment - The assessment in the shared JSON format (a copy); setting it (an object or JSON text) re-renders and saves, and throws kam-core's error for one that does not fit.
 * @prop {AuditReport} report - kam-core's report on the assessment, updated before every `kam-change`.
 * @prop {Promise<KamAudit>} ready - Resolves once the engine, the framework and the saved work are loaded (when `kam-ready` fires).
 * @prop {boolean} disabled - Reflects the `disabled` attribute.
 * @prop {HTMLFormElement | null} form - The host form.
 *
 * @fires kam-ready - The engine, the framework and the saved work are loaded; `detail`: `{ assessment, report, framework }`.
 * @fires kam-change - After every accepted edit, import, clear or reset, once `report` is updated; `detail`: `{ assessment, report }` (and `remote: true` when another tab's edit was merged in).
 * @fires kam-error - An edit or file was refused, nothing changed; `detail`: `{ kind, message, field }` with kam-core's error kind and message.
 *
 * @csspart status-bar - The sticky bar: overall score, position, save state, "next unscored item", messages.
 * @csspart message - A message in the bar, with its buttons.
 * @csspart header - The title, context fields and toolbar.
 * @csspart context - The context fields (organisation, unit, assessor, date).
 * @csspart toolbar - The import, export, report and clear buttons.
 * @csspart button - Every button.
 * @csspart summary - The results: key figures, readings, table, charts, next actions.
 * @csspart charts - The box holding Figures 3 and 4.
 * @csspart chart - One chart.
 * @csspart checklist - The checklist of items.
 * @csspart item - One item: its text, score buttons, meaning and evidence note.
 * @csspart score - One score button.
 * @csspart evidence - An item's evidence note.
 * @csspart skip-link - The "skip to the checklist" link, shown on focus.
 *
 * @cssprop --kam-background - Page colour of the element (default: the system `Canvas` colour).
 * @cssprop --kam-surface - Colour of panels and charts (default: mixed from background and text).
 * @cssprop --kam-text - Text colour (default: the system `CanvasText` colour).
 * @cssprop --kam-accent - Buttons, selected scores, the development path (default: a blue for light or dark schemes).
 * @cssprop --kam-on-accent - Text on the accent colour.
 * @cssprop --kam-focus - The focus ring (default: the accent).
 */
export class KamAudit extends ItemCalculator {
  /** @internal */
  static defaultFramework = "cranfield-kam-development";

  /** What `toXlsx` exports this element's assessment as. @internal */
  get exportType() {
    return "audit";
  }

  /** @internal */
  loadFramework(id) {
    const framework = kam.framework(id);
    if (framework.type !== "action-audit") {
      // kam-core's own message for a framework of the wrong type.
      kam.scoreWith(framework, { framework: framework.id, framework_version: framework.version });
    }
    this.ids = framework.items.map((item) => item.id);
    this.fields = this.itemFields();
    return framework;
  }

  /** kam-core's report on `text`, or its error when `text` is not an assessment of this framework and version. @internal */
  score(text) {
    return kam.scoreWith(this.frameworkText, text);
  }

  /** Work saved under another version: re-scored under both by kam-core's `rescore`, loaded only now. @internal */
  async carryOver(assessment, before) {
    const analysis = await import("./analysis.js");
    await analysis.default();
    const result = analysis.rescore({ assessment, before, after: this.framework });
    const carried = JSON.parse(canonicalJson(result.carried, this.fields, this.ids));
    this.score(canonicalJson(carried, this.fields, this.ids));
    const total = (t) => `${t.score} / ${t.max}`;
    const parts = [
      `overall ${total(result.overall.before)} under version ${assessment.framework_version}, ${total(result.overall.after)} under ${this.framework.version}`,
    ];
    if (result.moved.length) parts.push(`moved to another period or stream: ${result.moved.map((m) => `${m.id} (${m.period_before} → ${m.period_after})`).join(", ")}`);
    if (result.added.length) parts.push(`new, to score: ${result.added.join(", ")}`);
    if (result.removed.length) parts.push(`no longer in the framework (their answers are in the old copy): ${result.removed.join(", ")}`);
    if (result.reweighted.length) parts.push(`weight changed: ${result.reweighted.map((w) => w.id).join(", ")}`);
    if (result.dropped.length) parts.push(`answers not carried over: ${result.dropped.map((d) => `${d.id} (${d.reason})`).join("; ")}`);
    const said =
      `Your saved work was made with version ${assessment.framework_version} of ${this.framework.name}; this page uses version ${this.framework.version}. ` +
      `kam re-scored it under both versions and carried it over: ${parts.join("; ")}. The old copy is kept.`;
    this.migration = result;
    return { assessment: carried, said };
  }

  /** kam-core's HTML report, with the evidence notes. @internal */
  reportHtml() {
    return kam.auditHtml(this.report, this.current);
  }

  /** @internal */
  renderBody() {
    const framework = this.framework;
    const contributory = new Map();
    for (const stream of framework.streams) {
      for (const c of stream.contributory) contributory.set(c.id, { stream, contributory: c });
    }
    this.scale = this.scaleOf(framework);
    this.summary = h("section", { class: "summary", part: "summary", "aria-label": "Scores" });
    const checklist = h(
      "section",
      { class: "checklist", part: "checklist", id: "checklist", tabindex: "-1", "aria-labelledby": "checklist-title" },
      h("h3", { id: "checklist-title" }, "Checklist"),
    );
    for (const phase of framework.phases) {
      const section = h(
        "section",
        { class: "phase" },
        h("h3", {}, `Phase ${phase.id}: ${phase.name} `, h("span", { class: "total", "data-phase": phase.id })),
      );
      for (const period of phase.periods) {
        const details = h(
          "details",
          { class: "period", open: true },
          h("summary", {}, `${period.id} ${period.name} `, h("span", { class: "total", "data-period": period.id })),
          this.scaleKey(),
        );
        const items = framework.items.filter((item) => item.period === period.id);
        for (const stream of framework.streams) {
          const inStream = items.filter((item) => contributory.get(item.stream)?.stream === stream);
          if (!inStream.length) continue;
          details.append(h("h4", { class: "streamname" }, stream.name));
          for (const item of inStream) details.append(this.itemRow(item, contributory.get(item.stream).contributory));
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

  /** @internal */
  itemRow(item, contributory) {
    const weight = this.weightOf(item);
    return super.itemRow(item, {
      names: [item.id, `${item.text}${weight}`, contributory.name],
      tags: [weight || null, h("span", { class: "stream" }, contributory.name)],
    });
  }

  /** @internal */
  update(report) {
    // Every sentence is kam-core's (`describe`), as in Python and Rust.
    const words = kam.describe(report);
    const root = this.shadowRoot;
    const total = (node, t) => {
      node.textContent = `${t.score} / ${t.max} (${percent(t.percent)})`;
      node.dataset.score = t.score;
      node.dataset.max = t.max;
    };
    for (const phase of report.phases) {
      total(root.querySelector(`[data-phase="${phase.id}"]`), phase);
      for (const period of phase.periods) {
        const node = root.querySelector(`[data-period="${period.id}"]`);
        total(node, period);
        node.classList.toggle("complete", period.complete);
        if (period.complete) node.textContent += " ✓ complete";
      }
    }
    const overall = h("span", { "data-total": "overall" });
    total(overall, report.overall);
    const figure = (name, title) => {
      const chart = svg(kam[name](report));
      const scroller = h("div", { class: "scroller", tabindex: "0", role: "group", "aria-label": title }, chart);
      sizeChart(chart);
      return h("figure", { "data-chart": name, part: "chart" }, scroller);
    };
    this.summary.replaceChildren(
      h(
        "dl",
        { class: "figures" },
        h("div", {}, h("dt", {}, words.overall.label), h("dd", { class: "big" }, overall)),
        h("div", {}, h("dt", {}, `${words.position.label} (Figure 4)`), h("dd", { "data-position": "" }, words.position.text)),
        h("div", {}, h("dt", {}, `${words.current_period.label} (Figure 3)`), h("dd", { "data-current": "" }, words.current_period.text)),
        h("div", {}, h("dt", {}, words.milestone.label), h("dd", { "data-milestone": "" }, words.milestone.text)),
        h("div", {}, h("dt", {}, words.items.label), h("dd", { "data-unscored": report.unscored }, words.items.text)),
      ),
      h("ul", { class: "readings", "aria-label": "How to read the two figures" }, h("li", { "data-reading": "figure3" }, words.figure3), h("li", { "data-reading": "figure4" }, words.figure4)),
      this.table(report),
      h("div", { class: "charts", part: "charts" }, figure("figure3", "Figure 3, progress by period"), figure("figure4", "Figure 4, the development path")),
      ...this.nextActions(report, words),
    );
    return {
      status: words.status,
      live: words.summary,
    };
  }

  /** @internal */
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
      h("thead", {}, h("tr", {}, ["Phase or period", "Score", "Max", "%", "Complete"].map((t) => h("th", { scope: "col" }, t)))),
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

/**
 * Keeps a chart's smallest text at least 11 px as displayed: the chart is
 * never drawn narrower than that allows, and scrolls sideways inside its
 * own box on a narrow screen (a chart is two-dimensional content, which
 * WCAG 1.4.10 lets scroll) while the page itself never does.
 */
export function sizeChart(chart) {
  const sizes = [...chart.querySelectorAll("text[font-size]")].map((t) => Number(t.getAttribute("font-size"))).filter((s) => s > 0);
  const width = chart.viewBox?.baseVal?.width || Number(chart.getAttribute("width"));
  if (!sizes.length || !width) return;
  chart.style.minWidth = `${Math.ceil((width * CHART_TEXT_PX) / Math.min(...sizes))}px`;
}

if (!customElements.get("kam-audit")) customElements.define("kam-audit", KamAudit);
