// Checked by `tsc --noEmit` (scripts/test-wasm.sh): the generated TypeScript
// declarations describe every input and output precisely enough to catch
// mistakes. Each `@ts-expect-error` line must fail to type-check, so types
// that grow too loose fail the build too.

import init, {
  type AuditAssessment,
  type AuditReport,
  type KamError,
  type MaturityReport,
  type SchemaName,
  errorKinds,
  figure3,
  framework,
  frameworks,
  itemIds,
  loadFramework,
  maturityRadar,
  score,
  scoreJson,
  scoreLitmus,
  scoreMaturity,
} from "../pkg/kam.js";
import initAnalysis, {
  type ParetoReport,
  type PathPlan,
  pareto,
  schema,
  schemaNames,
  shortestPath,
} from "../pkg/analysis.js";
import { KamAudit, KamChecklist } from "../pkg/elements.js";

await init();
await initAnalysis();

const assessment: AuditAssessment = {
  framework: "cranfield-kam-development",
  framework_version: "2006.2",
  context: { organisation: "Northwind", date: "2026-03-31" },
  scores: { "A1.1": 3 },
  evidence: { "A1.1": "Lost the Halden contract." },
};
const report: AuditReport = score(assessment, { completion_threshold: 60 });
const percent: number = report.overall.percent;
const current: string | null | undefined = report.progress.current_period;
if (report.position.type === "period") {
  const fraction: number = report.position.fraction;
  void fraction;
} else {
  const best: number = report.position.score;
  void best;
}
const svg: string = figure3(report);
const fromText: AuditReport = score(JSON.stringify(assessment));
const reportText: string = scoreJson(assessment, { next_actions: 3 });
const reportTextFromText: string = scoreJson(JSON.stringify(assessment));

const maturity: MaturityReport = scoreMaturity({
  framework: "kam-maturity-model",
  framework_version: "1.0",
  stages: { process: 2 },
});
const stage: number | undefined = maturity.weakest_link?.stage;
const radar: string = maturityRadar(maturity, null);

const litmus = scoreLitmus({
  framework: "cranfield-kam-development",
  framework_version: "2006.2",
  responses: [{ test: "organisation", answer_sets: [{ answers: { "organisation-1": true } }] }],
});
const verdict: "pass" | "fail" | "no-pass-mark" = litmus.results[0].verdict;

const names: SchemaName[] = schemaNames();
const reportSchema: object = schema("audit-report");
const ids: string[] = frameworks().map((f) => f.id);
const cranfield = framework("cranfield-kam-development");
if (cranfield.type === "action-audit") {
  const items: number = cranfield.items.length;
  void items;
}
const custom = loadFramework(JSON.stringify(cranfield));
const kinds: string[] = errorKinds();
const items: string[] = itemIds(cranfield);
const defaultItems: string[] = itemIds();
const analyse: (input: string) => ParetoReport = pareto;
const path: PathPlan = shortestPath(JSON.stringify({ type: "audit", assessment, target: { type: "overall", percent: 50 } }));

try {
  score(assessment);
} catch (error) {
  const kind: string = (error as KamError).kind;
  void kind;
}

const element = document.querySelector("kam-audit");
if (element instanceof KamAudit) {
  const json: string = element.toJson();
  const total: number = element.report.overall.score;
  element.addEventListener("kam-change", (event) => {
    const score: number = event.detail.report.overall.score;
    const scores: Record<string, number | undefined> = event.detail.assessment.scores ?? {};
    void [score, scores];
  });
  element.addEventListener("kam-error", (event) => {
    const kind: string = event.detail.kind;
    void kind;
  });
  element.assessment = assessment;
  element.assessment = JSON.stringify(assessment);
  // @ts-expect-error: a maturity assessment is not an audit
  element.assessment = { framework: "kam-maturity-model", framework_version: "1.0", stages: {} };
  void json;
  void total;
}

const checklist = document.querySelector("kam-checklist");
if (checklist instanceof KamChecklist) {
  checklist.addEventListener("kam-change", (event) => {
    const stageReached: string | undefined = event.detail.report.stage?.reached?.name;
    const sections: number = event.detail.report.sections.length;
    void [stageReached, sections];
  });
  const file: string | null = checklist.frameworkJson;
  checklist.frameworkJson = "{}";
  void checklist.loadChecklistFile(new File(["{}"], "checklist.json")).then((loaded: boolean) => loaded);
  // @ts-expect-error: a checklist report has no Figure 4 position
  void checklist.report.position;
  void file;
}

// @ts-expect-error: a score is a number, not a string
score({ framework: "x", framework_version: "1", scores: { "A1.1": "3" } });
// @ts-expect-error: framework_version is required
const missing: AuditAssessment = { framework: "x", scores: {} };
// @ts-expect-error: an unknown option
score(assessment, { threshold: 60 });
// @ts-expect-error: not a schema name
schema("audit-reports");
// @ts-expect-error: scoreJson returns text, not a report
const notText: AuditReport = scoreJson(assessment);
// @ts-expect-error: overall is a Total, not a number
const wrong: number = report.overall;
// @ts-expect-error: a misspelt field of a result
const typo: unknown = report.overal;
// @ts-expect-error: a misspelt field of an input
score({ framework: "x", framework_verison: "1", scores: {} });

void [typo, items, defaultItems, analyse, path, percent, current, svg, fromText, reportText, reportTextFromText, notText, stage, radar, verdict, names, reportSchema, ids, custom, kinds, missing, wrong];
