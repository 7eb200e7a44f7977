// Replays every golden vector in tests/vectors/ through the JavaScript API,
// as the Rust (kam-core/tests/vectors.rs) and Python suites do: the three
// front ends must give the same results and the same errors.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";

import * as engine from "../pkg/node.js";
import * as analysis from "../pkg/node-analysis.js";

// The analyses live in their own module (`kam/analysis`); the vectors see one API.
const kam = { ...engine, ...analysis };

const dir = new URL("../../tests/vectors/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

/** A framework's one-line summary, as the Rust runner builds it with `Framework::summary`. */
const summary = (f) => ({ id: f.id, version: f.version, type: f.type, name: f.name });

/** Runs one operation of the facade: the names are the Rust function names. */
function run(operation, input, options) {
  switch (operation) {
    case "score":
      return kam.score(input, options);
    case "score_maturity":
      return kam.scoreMaturity(input, options);
    case "score_litmus":
      return kam.scoreLitmus(input);
    case "load_framework":
      return summary(kam.loadFramework(input));
    case "framework":
      return summary(kam.framework(input));
    default: {
      // Functions added to the facade later (analyses, charts) are found by
      // their camelCase name, so a new vector needs no change here.
      const name = operation.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
      assert.equal(typeof kam[name], "function", `no JS function for operation \`${operation}\``);
      return options === undefined ? kam[name](input) : kam[name](input, options);
    }
  }
}

test("the golden vectors are there", () => {
  assert.ok(files.length >= 10, `expected the golden vectors in ${dir.pathname}`);
});

for (const file of files) {
  const vector = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
  test(file, () => {
    const hasInput = "input" in vector;
    assert.notEqual(hasInput, "input_text" in vector, "a vector needs exactly one of `input` and `input_text`");
    const input = hasInput ? vector.input : vector.input_text;
    let outcome;
    try {
      outcome = { ok: run(vector.operation, input, vector.options) };
    } catch (error) {
      // Only kam's own errors are outcomes; anything else is a test failure.
      if (error?.name !== "KamError") throw error;
      outcome = { error };
    }
    if ("expected" in vector) {
      if (outcome.error) {
        assert.fail(`expected a result, got ${outcome.error.kind} error: ${outcome.error.message}`);
      }
      // Compared as they are, not after a JSON round trip: results must be
      // plain objects, arrays and `null`, as JSON.parse would give.
      assert.deepStrictEqual(outcome.ok, vector.expected);
    } else {
      assert.ok(outcome.error, `expected a ${vector.error.kind} error, got a result`);
      assert.ok(outcome.error instanceof Error, "errors are thrown as Error objects");
      assert.equal(outcome.error.name, "KamError");
      assert.deepStrictEqual(
        { kind: outcome.error.kind, message: outcome.error.message },
        vector.error,
      );
    }
  });
}
