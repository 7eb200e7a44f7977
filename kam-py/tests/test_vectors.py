"""Replays every golden vector in tests/vectors/ through the Python API.

The same files are replayed by kam-core's Rust suite and by kam-wasm's, so
the three front ends cannot drift apart. Dispatch is on `operation`, whose
names are the facade's (and this package's) function names, so a vector for
a new operation is picked up as soon as the binding exports it.
"""

from __future__ import annotations

import inspect
import json
import math
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pytest

import kam
from conftest import VECTORS

# The programme's vectors (issue 14) sit in their own folder.
PATHS = sorted([*VECTORS.glob("*.json"), *VECTORS.glob("programme/*.json")])


def test_the_vectors_are_there() -> None:
    assert len(PATHS) >= 10, f"expected the golden vectors in {VECTORS}"


def same(got: Any, expected: Any) -> bool:
    """Equality of parsed JSON, types included (1 is not 1.0, True is not 1)."""
    if type(got) is not type(expected):
        return False
    if isinstance(got, dict):
        return got.keys() == expected.keys() and all(same(got[k], expected[k]) for k in got)
    if isinstance(got, list):
        return len(got) == len(expected) and all(same(a, b) for a, b in zip(got, expected))
    return bool(got == expected)


def summary_of_framework(arg: Any) -> Any:
    # `framework(id)` returns the whole framework; the vector records its summary.
    return kam.load_framework(kam.framework(arg)).summary()


def score_batch_rows(arg: Any, framework: Any = None) -> Any:
    """A `score_batch` vector, scored as the JSON batch it is and, when its
    rows form a matrix, also as a NumPy matrix through `kam.score_columns`:
    both must give the same report."""
    report = kam.score_batch(arg, framework=framework)
    columns = arg.get("columns")
    rows = arg["rows"]
    if columns is None or not rows or {len(r) for r in rows} != {len(columns)}:
        return report
    if any(isinstance(c, str) for r in rows for c in r):
        return report  # text cells exist in JSON only
    # null (unscored) is NaN in a float matrix.
    matrix = np.array(rows, dtype=np.float64).reshape(len(rows), len(columns))
    named = framework if framework is not None else arg.get("framework")
    result = kam.score_columns(
        columns, matrix, framework=named, completion_threshold=arg.get("completion_threshold")
    )
    as_lists: dict[str, Any] = {
        k: v.tolist() if isinstance(v, np.ndarray) else v for k, v in result.items()
    }
    periods = result["period_ids"]
    as_lists["current_period"] = [periods[p] if p >= 0 else None for p in result["current_period"]]
    assert same(as_lists, report), "the NumPy batch differs from the JSON batch"
    return report


SPECIAL: dict[str, Callable[..., Any]] = {
    "framework": summary_of_framework,
    "score_batch": score_batch_rows,
    "load_framework": lambda arg: kam.load_framework(arg).summary(),
}


def input_text(vector: dict[str, Any]) -> str:
    """`input_text`, padded with trailing spaces to `pad_to_bytes` bytes if asked."""
    text = vector["input_text"]
    assert isinstance(text, str)
    if "pad_to_bytes" not in vector:
        return text
    pad = vector["pad_to_bytes"]
    assert isinstance(pad, int)
    size = len(text.encode("utf-8"))
    assert size <= pad, "`input_text` is longer than `pad_to_bytes`"
    return text + " " * (pad - size)


OPERATIONS = {op["name"]: op for op in kam.operations()}
"""kam's table of operations: every one is a function of the same name."""

CATALOGUE = {"framework", "load_framework", "schema"}
"""The vectors' operations that are not in the table."""


def test_every_operation_of_the_table_is_a_function() -> None:
    assert len(OPERATIONS) >= 14
    for name, op in OPERATIONS.items():
        function = getattr(kam, name, None)
        assert callable(function), f"kam has no function `{name}`"
        assert name in kam.__all__, f"`{name}` is not exported"
        parameters = list(inspect.signature(function).parameters)
        expected = [op["argument"]]
        if name == "score_batch":
            expected = ["scores"]  # also takes a NumPy matrix
        if op["options"] is not None:
            expected.append("options")
        if op["js_with_name"] is not None:
            expected.append("framework")
        if name == "score_batch":
            # It also takes a NumPy matrix, and options of its own after those.
            parameters = parameters[: len(expected)]
        assert parameters == expected, f"`{name}` takes {parameters}"


def run(vector: dict[str, Any]) -> Any:
    operation = vector["operation"]
    assert operation in OPERATIONS or operation in CATALOGUE, f"no operation `{operation}`"
    function = SPECIAL.get(operation) or getattr(kam, operation, None)
    assert callable(function), f"kam has no function `{operation}`"
    if "input" in vector:
        assert "pad_to_bytes" not in vector, "`pad_to_bytes` pads `input_text`"
        arg = vector["input"]
    else:
        arg = input_text(vector)
    args = [arg]
    if "options" in vector:
        args.append(vector["options"])
    if "framework" in vector:
        # Scored against the vector's framework file, loaded and validated first.
        return function(*args, framework=kam.load_framework(vector["framework"]))
    return function(*args)


NATIVE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def with_native(vector: dict[str, Any]) -> dict[str, Any]:
    """Sets the vector's `native` floats (NaN, ±inf: JSON cannot hold them)
    at their JSON pointers into `input` or `options`."""
    for pointer, spelt in vector.get("native", {}).items():
        *steps, last = [s.replace("~1", "/").replace("~0", "~") for s in pointer.split("/")[1:]]
        assert steps and steps[0] in ("input", "options"), f"`{pointer}`: not input or options"
        place: Any = vector
        for step in steps:
            place = place[int(step)] if isinstance(place, list) else place[step]
        place[int(last) if isinstance(place, list) else last] = NATIVE[spelt]
    return vector


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_vector(path: Path) -> None:
    vector = with_native(json.loads(path.read_text(encoding="utf-8")))
    if "error" in vector:
        with pytest.raises(kam.KamError) as caught:
            run(vector)
        error = caught.value
        assert isinstance(error, ValueError)
        assert type(error) is not kam.KamError, "errors are raised as a subclass per concern"
        got = {"kind": error.kind, "message": str(error), "path": error.path}
        assert got == vector["error"]
        assert error.category == "input"
    else:
        got = run(vector)
        assert same(got, vector["expected"]), f"got {json.dumps(got, sort_keys=True)}"
