// The JavaScript API beyond the golden vectors: how the package loads, the
// shape of its errors, the schemas, and inputs given as objects or as text.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import init, * as kam from "../pkg/node.js";

const docs = new URL("../../docs/schema/", import.meta.url);
const example = readFileSync(new URL("../../kam-core/examples/data/northwind-audit.json", import.meta.url), "utf8");

/** Runs `f`, which must throw a KamError, and returns it. */
function thrown(f) {
  try {
    f();
  } catch (error) {
    return error;
  }
  assert.fail("expected a KamError");
}

test("init() is accepted in Node too, and the package lists its frameworks", async () => {
  await init();
  const ids = kam.frameworks().map((f) => f.id);
  assert.ok(ids.includes("cranfield-kam-development"));
  assert.ok(ids.includes("kam-maturity-model"));
  for (const summary of kam.frameworks()) {
    assert.deepEqual(Object.keys(summary).sort(), ["id", "name", "type", "version"]);
  }
});

test("an object and its JSON text give the same report", () => {
  assert.deepEqual(kam.score(JSON.parse(example)), kam.score(example));
  assert.deepEqual(kam.score(example, null), kam.score(example, {}));
  assert.deepEqual(kam.score(example, undefined), kam.score(example));
});

test("reports are plain objects, arrays and null", () => {
  const report = kam.score({ framework: "cranfield-kam-development", framework_version: "2006.2", scores: {} });
  assert.equal(Object.getPrototypeOf(report), Object.prototype);
  assert.ok(Array.isArray(report.phases));
  assert.equal(report.next_actions[0].score, null);
  assert.deepEqual(report.context, {});
});

test("errors are Error objects with kam-core's kind and message", () => {
  const error = thrown(() =>
    kam.score({ framework: "cranfield-kam-development", framework_version: "2006.2", scores: { "Z9.9": 1 } }),
  );
  assert.ok(error instanceof Error);
  assert.equal(error.name, "KamError");
  assert.equal(error.kind, "unknown-item");
  assert.equal(error.message, "unknown item `Z9.9` in `/scores`: the framework has no such item");
  assert.equal(error.path, "/scores/Z9.9");
  assert.equal(error.category, "input");
  assert.ok(kam.errorKinds().includes(error.kind));
});

test("values JSON cannot hold are invalid input, not a crash", () => {
  for (const value of [undefined, () => 1, Symbol("x"), 10n]) {
    const error = thrown(() => kam.score(value));
    assert.equal(error.kind, "invalid-input");
    assert.equal(error.path, "");
  }
  const error = thrown(() => kam.framework(42));
  assert.equal(error.kind, "invalid-input");
  assert.equal(error.message, "invalid input at the top level: expected a string, found `42`");
  // Text that is not JSON at all is invalid JSON.
  assert.equal(thrown(() => kam.score("{")).kind, "invalid-json");
});

test("numbers: NaN, the infinities and BigInts are refused at their path; -0 and 3.0 are whole", () => {
  const audit = (scores, context) => ({ framework: "cranfield-kam-development", framework_version: "2006.2", scores, context });
  // JSON.stringify would write NaN and the infinities as null, and an optional
  // field would read as absent: they are kam-core's error, as in Python.
  for (const [value, spelt] of [[NaN, "NaN"], [Infinity, "Infinity"], [-1e400, "-Infinity"]]) {
    const error = thrown(() => kam.score(audit({}, { date: value })));
    assert.equal(error.kind, "invalid-input");
    assert.equal(error.message, `invalid input at \`/context/date\`: \`${spelt}\` is not a JSON number`);
  }
  assert.equal(
    thrown(() => kam.score(audit({ "A1.1": 3n }))).message,
    "invalid input at `/scores/A1.1`: a `BigInt` has no JSON equivalent",
  );
  // One number type: -0 and 3.0 are the whole numbers 0 and 3 (Python's
  // -0.0 and 3.0 are floats, refused where a whole number is expected).
  assert.equal(kam.score(audit({ "A1.1": -0, "A1.2": 3.0 })).overall.score, 3);
});

test("back-references and shared objects are refused in linear time, not walked for hours", () => {
  // A container met again inside itself is refused there, by kam-core's rule
  // for every binding (Python's errors are the same). Walked naively, every
  // reference back doubles the work at every level down to the depth limit:
  // billions of steps for each value below, a frozen tab.
  const deep = (path) => `input nests deeper than 32 levels at \`${path}\``;
  const audit = (context) => ({ framework: "cranfield-kam-development", framework_version: "2006.2", scores: {}, context });
  const start = performance.now();
  const twice = audit();
  twice.context = twice;
  twice.extra = twice;
  const error = thrown(() => kam.score(twice));
  assert.equal(error.kind, "too-deep");
  assert.equal(error.message, deep("/context".repeat(32)));
  const tree = (depth, parent = null) => {
    const node = { parent, children: [] };
    if (depth > 0) node.children = [tree(depth - 1, node), tree(depth - 1, node)];
    return node;
  };
  assert.equal(
    thrown(() => kam.score(audit({ organisation: tree(12) }))).message,
    deep(`/context/organisation${"/children/0/parent".repeat(10)}`),
  );
  // Without back-references, the numbers are checked wherever they are.
  const leaves = (depth) => (depth > 0 ? { children: [leaves(depth - 1), leaves(depth - 1)] } : { weight: 1 });
  const root = leaves(3);
  root.children[1].children[0].children[1].weight = NaN;
  assert.equal(
    thrown(() => kam.score(root)).message,
    "invalid input at `/children/1/children/0/children/1/weight`: `NaN` is not a JSON number",
  );
  // Parent links hidden by toJSON: the check reads what JSON.stringify
  // writes, so the tree is read without them and its shape is checked.
  class Node {
    constructor(depth, parent) {
      this.parent = parent;
      this.children = depth > 0 ? [new Node(depth - 1, this), new Node(depth - 1, this)] : [];
    }
    toJSON() {
      return this.children.length ? this.children : null;
    }
  }
  assert.equal(
    thrown(() => kam.score(audit({ organisation: new Node(12, null) }))).message,
    "invalid input at `/context/organisation`: expected a string, found a list",
  );
  assert.ok(performance.now() - start < 10_000);
  // The cap on the values a walk looks at (shared containers count at
  // every reference) is kam-core's `NativeReader`, tested there and in
  // Python; JSON.stringify would take minutes to reach it here.
});

test("every schema equals the one committed in docs/schema/", async () => {
  // In `kam/analysis`: tools need the schemas, the calculators do not.
  const analysis = await import("../pkg/node-analysis.js");
  assert.equal(kam.schema, undefined);
  const names = analysis.schemaNames();
  assert.ok(names.length >= 11);
  for (const name of names) {
    const committed = JSON.parse(readFileSync(new URL(`${name}.json`, docs), "utf8"));
    assert.deepEqual(analysis.schema(name), committed, name);
  }
  const error = thrown(() => analysis.schema("nope"));
  assert.equal(error.kind, "unknown-schema");
  assert.ok(error.message.startsWith("unknown schema `nope`; schemas are `framework`, "), error.message);
});

test("a framework file goes through kam-core's validator", () => {
  const file = kam.framework("cranfield-kam-development");
  assert.deepEqual(kam.loadFramework(file), file);
  assert.deepEqual(kam.loadFramework(JSON.stringify(file)), file);
  assert.deepEqual(kam.scoreWith(file, example), kam.score(example));
  const broken = { ...file, max: file.max + 1 };
  assert.equal(thrown(() => kam.loadFramework(broken)).kind, "max-mismatch");
  const model = kam.framework("kam-maturity-model");
  const maturity = { framework: model.id, framework_version: model.version, stages: { [model.areas[0].id]: 2 } };
  assert.deepEqual(kam.scoreMaturityWith(model, maturity), kam.scoreMaturity(maturity));
  assert.equal(thrown(() => kam.scoreWith(model, example)).kind, "wrong-framework-type");
});

test("itemIds lists the items in framework order, like Python's item_ids", () => {
  const cranfield = kam.framework("cranfield-kam-development");
  const ids = cranfield.items.map((item) => item.id);
  assert.deepEqual(kam.itemIds(), ids);
  assert.deepEqual(kam.itemIds("cranfield-kam-development"), ids);
  assert.deepEqual(kam.itemIds(cranfield), ids);
  assert.equal(thrown(() => kam.itemIds("kam-maturity-model")).kind, "wrong-framework-type");
  assert.equal(thrown(() => kam.itemIds("nope")).kind, "unknown-framework");
});

test("the charts and the HTML report are kam-core's SVG and HTML", () => {
  const report = kam.score(example);
  for (const chart of [kam.figure3(report), kam.figure4(report)]) {
    assert.match(chart, /^<svg[\s>]/);
    assert.match(chart, /<\/svg>\s*$/);
  }
  assert.match(kam.auditHtml(report), /^<!doctype html>/i);
  assert.match(kam.auditMarkdown(report), /Northwind Components/);
  const model = kam.framework("kam-maturity-model");
  const maturity = kam.scoreMaturity({ framework: model.id, framework_version: model.version, stages: { process: 3 } });
  assert.match(kam.maturityRadar(maturity), /^<svg[\s>]/);
  assert.match(kam.maturityRadar(maturity, maturity), /^<svg[\s>]/);
  assert.equal(thrown(() => kam.figure3({ not: "a report" })).kind, "invalid-input");
});

test("the JavaScript snippets of docs/javascript.md run and print what they say", async () => {
  const guide = readFileSync(new URL("../../docs/javascript.md", import.meta.url), "utf8");
  // The element snippet needs a page; the browser test covers the element.
  const blocks = [...guide.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).filter((code) => !code.includes("document."));
  assert.ok(blocks.length >= 3);
  const engine = new URL("../pkg/node.js", import.meta.url).href;
  const analyses = new URL("../pkg/node-analysis.js", import.meta.url).href;
  let claims = 0;
  for (const code of blocks) {
    // `console.log(x); // value` becomes an assertion that x equals value.
    const source = [
      'import { deepStrictEqual as __equal } from "node:assert/strict";',
      "const console = { log() {} };",
      code
        .replaceAll('from "kam/analysis"', `from "${analyses}"`)
        .replaceAll('from "kam"', `from "${engine}"`)
        .replace(/console\.log\((.+)\);\s*\/\/ (.+)$/gm, (_, expr, value) => {
          claims += 1;
          return `__equal((${expr}), (${value}));`;
        }),
    ].join("\n");
    await import(`data:text/javascript,${encodeURIComponent(source)}`);
  }
  assert.ok(claims >= 5, `only ${claims} claims checked`);
});

test("the analyses' *With variants equal the bundled ones for the bundled framework", async () => {
  const analysis = await import("../pkg/node-analysis.js");
  const cranfield = kam.framework("cranfield-kam-development");
  const before = JSON.parse(example);
  const after = { ...before, scores: { ...before.scores, "B1.1": 3, "C1.1": 3 } };
  const input = { before, after };
  assert.deepEqual(analysis.compareWith(cranfield, input), analysis.compare(input));
  assert.deepEqual(analysis.compareWith(JSON.stringify(cranfield), input, { next_actions: 3 }), analysis.compare(input, { next_actions: 3 }));
  const model = kam.framework("kam-maturity-model");
  assert.equal(thrown(() => analysis.compareWith(model, input)).kind, "wrong-framework-type");
});

test("the calculator's export scores to the report text Rust and Python give, byte for byte", () => {
  // tests/cross-language/README.md; the browser test makes the export.
  const dir = new URL("../../tests/cross-language/", import.meta.url);
  const exported = readFileSync(new URL("calculator-export.json", dir), "utf8");
  const committed = readFileSync(new URL("calculator-export.report.json", dir));
  const text = kam.scoreJson(exported);
  assert.equal(typeof text, "string");
  assert.ok(Buffer.from(text, "utf8").equals(committed), "scoreJson(text) differs from the committed report");
  assert.equal(kam.scoreJson(JSON.parse(exported)), text);
  for (const options of [undefined, null, {}, "{}"]) assert.equal(kam.scoreJson(exported, options), text);
  assert.deepEqual(JSON.parse(text), kam.score(exported));
  assert.equal(JSON.parse(kam.scoreJson(exported, { next_actions: 2 })).next_actions.length, 2);
  const error = thrown(() => kam.scoreJson({ ...JSON.parse(exported), scores: { "Z9.9": 1 } }));
  assert.equal(error.kind, "unknown-item");
  assert.equal(thrown(() => kam.scoreJson("{")).kind, "invalid-json");
});

// Checklist frameworks (docs/frameworks/): a company's own checklist file is
// scored, charted and reported from JavaScript as from Rust and Python. The
// functions are in `kam/analysis`, loaded on demand (docs/performance.md).
test("a company's checklist file is scored, charted and reported", async () => {
  const analysis = await import("../pkg/node-analysis.js");
  const data = new URL("../../kam-core/examples/data/", import.meta.url);
  const checklist = readFileSync(new URL("acme-kam-review.json", data), "utf8");
  const assessment = readFileSync(new URL("acme-kam-review-assessment.json", data), "utf8");
  const report = analysis.scoreChecklistWith(checklist, assessment);
  assert.deepEqual([report.overall.score, report.overall.max], [10, 14]);
  assert.equal(report.stage.reached.name, "Deliver");
  assert.ok(analysis.checklistChart(report).includes("1 Plan 87.5% (7 of 8)"));
  assert.ok(analysis.checklistMarkdown(report).includes("| executive-meeting | Executive meeting held | not applicable |"));
  assert.ok(analysis.checklistHtml(report).startsWith("<!DOCTYPE html>"));
  const pillars = analysis.scoreChecklist(readFileSync(new URL("northwind-three-pillars.json", data), "utf8"));
  assert.equal(pillars.balance.balanced, false);
  const wrong = { framework: "cranfield-kam-development", framework_version: "2006.2" };
  assert.equal(thrown(() => analysis.scoreChecklist(wrong)).kind, "wrong-framework-type");
  // The engine lists the five frameworks and loads a checklist file.
  assert.equal(kam.frameworks().length, 5);
  assert.equal(kam.loadFramework(checklist).type, "checklist");
});
