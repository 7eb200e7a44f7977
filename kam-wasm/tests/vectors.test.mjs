// Replays every golden vector in tests/vectors/ through the JavaScript API,
// as the Rust (kam-core/tests/vectors.rs) and Python suites do: the three
// front ends must give the same results and the same errors.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";

import * as engine from "../pkg/node.js";
import * as analysis from "../pkg/node-analysis.js";

const dir = new URL("../../tests/vectors/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

/** A framework's one-line summary, as the Rust runner builds it with `Framework::summary`. */
const summary = (f) => ({ id: f.id, version: f.version, type: f.type, name: f.name });

/** kam's table of operations: names, JavaScript names and the module of each. */
const operations = new Map(engine.operations().map((op) => [op.name, op]));
const modules = { engine, analysis };

/**
 * Runs one operation, named as in Rust and Python: an operation of the table
 * through its JavaScript function in the module the table names (with a
 * `framework` file, its `…With` variant: `scoreWith(framework, input,
 * options)`, as Rust's `api::score_with`), so a new operation needs no case
 * here; the catalogue functions by hand.
 */
function run(operation, input, options, framework) {
  const op = operations.get(operation);
  if (op !== undefined) {
    const module = modules[op.module];
    if (framework !== undefined) {
      assert.ok(op.js_with_name, `\`${operation}\` takes no framework`);
      return module[op.js_with_name](framework, input, options);
    }
    return module[op.js_name](input, options);
  }
  assert.equal(options, undefined, `\`${operation}\` takes no options`);
  assert.equal(framework, undefined, `\`${operation}\` takes no framework`);
  switch (operation) {
    case "load_framework":
      return summary(engine.loadFramework(input));
    case "framework":
      return summary(engine.framework(input));
    case "schema":
      return analysis.schema(input);
    default:
      assert.fail(`unknown operation \`${operation}\``);
  }
}

test("every operation of the table has its functions, in the module the table names", () => {
  assert.ok(operations.size >= 14, "kam's table of operations");
  for (const op of operations.values()) {
    const [home, other] = op.module === "engine" ? [engine, analysis] : [analysis, engine];
    for (const name of [op.js_name, op.js_with_name].filter(Boolean)) {
      assert.equal(typeof home[name], "function", `${op.module} module: no function \`${name}\` for \`${op.name}\``);
      assert.equal(other[name], undefined, `\`${name}\` is in both modules`);
    }
  }
});

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
        { kind: outcome.error.kind, message: outcome.error.message, path: outcome.error.path },
        vector.error,
      );
      assert.equal(outcome.error.category, "input");
    }
  });
}
