// The base of <kam-audit> and <kam-checklist>: a calculator whose assessment
// scores items on a labelled scale (kam-core's AuditAssessment: scores, "not
// applicable" marks and evidence notes by item id). The item rows, their
// score buttons and the meaning of each answer are the same whatever groups
// the items (phases and streams, or sections and groupings).

import { KamElement } from "./calculator.js";
import { download, h, printHtml } from "./common.js";

/**
 * A calculator of scored items. A subclass sets `ids` and the `framework`
 * and renders its items with `itemRow`.
 */
export class ItemCalculator extends KamElement {
  /** @internal */
  get skipLabel() {
    return "Skip to the checklist";
  }

  /** @internal */
  get nextLabel() {
    return "Next unscored item";
  }

  /** @internal */
  get hasUnscored() {
    return true;
  }

  /** The parts of the assessment, as the store merges them: an item's score and its "not applicable" mark are one field. @internal */
  itemFields() {
    return [
      { name: "framework" },
      { name: "framework_version" },
      { name: "context", type: "context" },
      { name: "scores", type: "map", always: true, key: "item" },
      { name: "evidence", type: "map" },
      { name: "not_applicable", type: "set", key: "item", value: "na" },
    ];
  }

  /** @internal */
  empty() {
    return { framework: this.framework.id, framework_version: this.framework.version, scores: {} };
  }

  /** @internal */
  unscoredIds() {
    const { scores, not_applicable: na = [] } = this.current;
    return this.ids.filter((id) => !(id in scores) && !na.includes(id));
  }

  /** The framework's scale, each value with its label. @internal */
  scaleOf(framework) {
    const scale = [];
    for (let value = framework.scale.min; value <= framework.scale.max; value++) {
      scale.push({ value, label: framework.scale.labels.find((l) => l.value === value)?.label ?? String(value) });
    }
    return scale;
  }

  /** What each score means, written out (a tooltip would not show on a phone). @internal */
  scaleKey() {
    return h(
      "dl",
      { class: "scale", "aria-label": "What the scores mean" },
      this.scale.flatMap(({ value, label }) => [h("dt", {}, String(value)), h("dd", {}, label)]),
    );
  }

  /**
   * One item: its legend (id, text, then `tags`), the score buttons, the
   * meaning of the answer, `extra` nodes and the evidence note. `names` make
   * the group's accessible name with separators ("A1.3, Observe competitor
   * approach, Research"): read from the legend, the pieces would run together.
   * @internal
   */
  itemRow(item, { names, tags = [], extra = [] }) {
    const choices = [{ value: "", label: "Not scored", text: "–" }];
    for (const { value, label } of this.scale) choices.push({ value: String(value), label, text: String(value) });
    if (this.framework.not_applicable.allowed) choices.push({ value: "na", label: "Not applicable", text: "n/a" });
    const id = item.id;
    const counter = h("p", { class: "counter", id: `counter-${id}`, hidden: true });
    const refusal = h("p", { class: "refusal", id: `refusal-${id}`, role: "alert", hidden: true });
    const evidence = h("textarea", {
      "data-evidence": id,
      "data-field": `evidence/${id}`,
      "aria-label": `Evidence for ${id}`,
      "aria-describedby": `counter-${id} refusal-${id}`,
      oninput: (event) =>
        this.textEdit(
          event.target,
          `evidence/${id}`,
          (draft, text) => {
            if (text.trim()) (draft.evidence ??= {})[id] = text;
            else if (draft.evidence) delete draft.evidence[id];
            if (draft.evidence && !Object.keys(draft.evidence).length) delete draft.evidence;
          },
          { counter, refusal },
        ),
    });
    return h(
      "fieldset",
      { class: "item", part: "item", "data-item": id, "aria-label": names.join(", ") },
      h("legend", {}, h("span", { class: "id" }, id), item.text, ...tags),
      h(
        "div",
        { class: "choices" },
        choices.map((choice) =>
          h(
            "label",
            {},
            h("input", {
              type: "radio",
              name: `score-${id}`,
              value: choice.value,
              "data-score": id,
              "data-field": `item/${id}`,
              onchange: () => this.setScore(id, choice.value),
            }),
            h("span", { class: "value", part: "score", "aria-hidden": "true" }, choice.text),
            h("span", { class: "visually-hidden" }, choice.value === "" || choice.value === "na" ? choice.label : `${choice.value}: ${choice.label}`),
          ),
        ),
      ),
      ...extra,
      h("p", { class: "meaning", "data-meaning": id, "aria-hidden": "true" }),
      h("details", { class: "evidence", part: "evidence" }, h("summary", {}, "Evidence note"), evidence, counter, refusal),
    );
  }

  /** The weight after an item's text, when it is not 1: ` (×2)`. @internal */
  weightOf(item) {
    return item.weight && item.weight !== 1 ? ` (×${item.weight})` : "";
  }

  /** @internal */
  setScore(id, value) {
    const accepted = this.edit((draft) => {
      delete draft.scores[id];
      if (draft.not_applicable) {
        draft.not_applicable = draft.not_applicable.filter((x) => x !== id);
        if (!draft.not_applicable.length) delete draft.not_applicable;
      }
      if (value === "na") (draft.not_applicable ??= []).push(id);
      else if (value !== "") draft.scores[id] = Number(value);
    });
    if (!accepted) this.fillForm();
    else this.showMeaning(id);
  }

  /** The meaning of an item's answer, under its buttons. @internal */
  showMeaning(id) {
    const node = this.shadowRoot.querySelector(`[data-meaning="${CSS.escape(id)}"]`);
    if (!node) return;
    const { scores, not_applicable: na = [] } = this.current;
    if (id in scores) node.textContent = `${scores[id]}: ${this.scale.find((s) => s.value === scores[id])?.label ?? ""}`;
    else node.textContent = na.includes(id) ? "Not applicable" : "";
  }

  /** @internal */
  fillForm() {
    this.fillContext();
    const { scores, evidence = {}, not_applicable: na = [] } = this.current;
    for (const input of this.shadowRoot.querySelectorAll("input[data-score]")) {
      const id = input.dataset.score;
      const current = id in scores ? String(scores[id]) : na.includes(id) ? "na" : "";
      input.checked = input.value === current;
    }
    for (const id of this.ids) this.showMeaning(id);
    for (const area of this.shadowRoot.querySelectorAll("textarea[data-evidence]")) {
      // Only a changed text is written, so the caret of the one being typed in stays put.
      const value = evidence[area.dataset.evidence] ?? "";
      if (area.value !== value) area.value = value;
      area.dataset.accepted = value;
      // A note with text shows; an empty one folds away unless it is being typed in.
      area.closest("details").open = Boolean(value) || area === this.shadowRoot.activeElement;
    }
  }

  /** The two report buttons: save kam-core's HTML report, print it. @internal */
  reportButtons() {
    return [
      h("button", { type: "button", part: "button", "data-action": "save-report", onclick: () => this.saveReport() }, "Save report (HTML)"),
      h("button", { type: "button", part: "button", "data-action": "print-report", onclick: () => printHtml(this.reportHtml()) }, "Print report"),
    ];
  }

  /** The next actions of kam-core's report (items below the top of the scale, in order), introduced in kam-core's words. @internal */
  nextActions(report, words) {
    return [
      h("h3", {}, "Next actions"),
      h("p", { "data-next-actions": "" }, words.next_actions),
      report.next_actions.length
        ? h(
            "ol",
            { class: "next-actions" },
            report.next_actions.map((a, i) =>
              h("li", { "data-next": a.id }, h("span", { class: "id" }, a.id), ` ${a.text} `, h("small", {}, words.next_action_scores[i])),
            ),
          )
        : null,
    ].filter(Boolean);
  }

  /** @internal */
  saveReport() {
    download(`${this.fileName()}-report.html`, this.reportHtml(), "text/html");
  }
}
