// `kam/spreadsheet` in Node: the spreadsheet golden vectors of
// tests/vectors/spreadsheets/ (replayed by kam-core's Rust runner and the
// Python suite too, workbooks built from the same recipes by kam-core), and
// the round trips of the issue.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";

import * as kam from "../pkg/node.js";
import * as sheets from "../pkg/node-spreadsheet.js";

const dir = new URL("../../tests/vectors/spreadsheets/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

function run(vector) {
  const framework = vector.framework === undefined ? undefined : vector.framework;
  switch (vector.operation) {
    case "read_xlsx": {
      const workbook = sheets.xlsxFromRecipe(vector.recipe, framework);
      const [assessment] = sheets.readXlsx(workbook, framework);
      return assessment;
    }
    case "read_csv":
      return sheets.readCsv(vector.input_text, framework);
    case "to_csv":
      return sheets.toCsv(vector.input, vector.options, framework);
    default:
      throw new Error(`unknown operation \`${vector.operation}\``);
  }
}

test("the spreadsheet vectors are there", () => assert.ok(files.length >= 30));

for (const file of files) {
  test(`vector ${file}`, () => {
    const vector = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
    if ("error" in vector) {
      assert.throws(
        () => run(vector),
        (e) => {
          assert.equal(e.name, "KamError");
          assert.deepEqual({ kind: e.kind, message: e.message, path: e.path }, vector.error);
          return true;
        },
      );
    } else {
      assert.deepEqual(run(vector), vector.expected);
    }
  });
}

const audit = {
  framework: "cranfield-kam-development",
  framework_version: "2006.2",
  context: { organisation: "Northwind — 北風", assessor: "Ana" },
  scores: { "A1.1": 3, "A1.2": 2 },
  evidence: { "A1.1": "Board minutes" },
};

test("an export reads back as the assessment, and scores the same", () => {
  const workbook = sheets.toXlsx({ type: "audit", assessment: audit });
  assert.ok(workbook instanceof Uint8Array);
  const [read] = sheets.readXlsx(workbook);
  assert.equal(read.type, "action-audit");
  assert.deepEqual(read.assessment.scores, audit.scores);
  assert.deepEqual(read.assessment.evidence, audit.evidence);
  assert.deepEqual(kam.score(read.assessment), kam.score(audit));
  // An ArrayBuffer and an array of workbooks are read too.
  assert.deepEqual(sheets.readXlsx(workbook.slice().buffer), [read]);
  assert.deepEqual(sheets.readXlsx([workbook, workbook]), [read, read]);
});

test("a template reads back as a blank assessment; a framework file works as an id", () => {
  const template = sheets.xlsxTemplate("cranfield-kam-development");
  assert.deepEqual(sheets.readXlsx(template)[0].assessment.scores, {});
  const file = kam.framework("cranfield-kam-development");
  assert.deepEqual(sheets.xlsxTemplate(file), template);
});

test("a bad workbook in an array names the workbook and the cell", () => {
  const bad = sheets.xlsxFromRecipe({
    start: { template: "cranfield-kam-development" },
    edits: [{ set: { cell: "Audit!F17", text: "abc" } }],
  });
  assert.throws(
    () => sheets.readXlsx([sheets.toXlsx({ type: "audit", assessment: audit }), bad]),
    (e) => e.kind === "invalid-score" && e.message.includes("workbook 2") && e.message.includes("`Audit!F17`"),
  );
  assert.throws(() => sheets.readXlsx(42), TypeError);
});

test("CSV round trips, long and wide", () => {
  for (const options of [undefined, { layout: "wide", delimiter: "semicolon", bom: true }]) {
    const text = sheets.toCsv([audit], options);
    const [read] = sheets.readCsv(text);
    assert.deepEqual(read.scores, audit.scores);
    assert.deepEqual(sheets.readCsv(new TextEncoder().encode(text)), [read]);
  }
});
