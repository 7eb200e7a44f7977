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

/** The camelCase JS name of a facade function (`score_maturity` → `scoreMaturity`). */
const camel = (operation) => operation.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/**
 * Runs one operation of the facade: the names are the Rust function names.
 * With a `framework` file the operation's `…With` variant scores against it
 * (`scoreWith(framework, input, options)`, as Rust's `api::score_with`).
 */
function run(operation, input, options, framework) {
  if (framework !== undefined) {
    const name = `${camel(operation)}With`;
    assert.equal(typeof kam[name], "function", `no JS function \`${name}\` for a vector with a framework`);
    return options === undefined ? kam[name](framework, input) : kam[name](framework, input, options);
  }
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
      const name = camel(operation);
      assert.equal(typeof kam[name], "function", `no JS function for operation \`${operation}\``);
      return options === undefined ? kam[name](input) : kam[name](input, options);
    }
  }
}

/** `input_text`, padded with trailing spaces to `pad_to_bytes` bytes (UTF-8) if asked. */
function padded(vector) {
  const text = vector.input_text;
  if (!("pad_to_bytes" in vector)) return text;
  const size = Buffer.byteLength(text, "utf8");
  assert.ok(size <= vector.pad_to_bytes, "`input_text` is longer than `pad_to_bytes`");
  return text + " ".repeat(vector.pad_to_bytes - size);
}

const NATIVE = { NaN, Infinity, "-Infinity": -Infinity };

/** Sets the vector's `native` numbers (NaN, ±Infinity: JSON cannot hold them) at their JSON pointers into `input` or `options`. */
function withNative(vector) {
  for (const [pointer, spelt] of Object.entries(vector.native ?? {})) {
    const steps = pointer.split("/").slice(1).map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
    const last = steps.pop();
    assert.ok(["input", "options"].includes(steps[0]), `\`${pointer}\` is not in input or options`);
    assert.ok(Object.hasOwn(NATIVE, spelt), `\`native\` values are "NaN", "Infinity" or "-Infinity"`);
    steps.reduce((place, step) => place[step], vector)[last] = NATIVE[spelt];
  }
  return vector;
}

test("the golden vectors are there", () => {
  assert.ok(files.length >= 10, `expected the golden vectors in ${dir.pathname}`);
});

for (const file of files) {
  const vector = withNative(JSON.parse(readFileSync(new URL(file, dir), "utf8")));
  test(file, () => {
    const hasInput = "input" in vector;
    assert.notEqual(hasInput, "input_text" in vector, "a vector needs exactly one of `input` and `input_text`");
    assert.ok(!(hasInput && "pad_to_bytes" in vector), "`pad_to_bytes` pads `input_text`");
    const input = hasInput ? vector.input : padded(vector);
    let outcome;
    try {
      outcome = { ok: run(vector.operation, input, vector.options, vector.framework) };
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
