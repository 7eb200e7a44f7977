"""Replays every golden vector in tests/vectors/ through the Python API.

The same files are replayed by kam-core's Rust suite and by kam-wasm's, so
the three front ends cannot drift apart. Dispatch is on `operation`, whose
names are the facade's (and this package's) function names, so a vector for
a new operation is picked up as soon as the binding exports it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

import kam
from conftest import VECTORS

PATHS = sorted(VECTORS.glob("*.json"))


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


SPECIAL: dict[str, Callable[..., Any]] = {
    "framework": summary_of_framework,
    "load_framework": lambda arg: kam.load_framework(arg).summary(),
}


def run(vector: dict[str, Any]) -> Any:
    operation = vector["operation"]
    function = SPECIAL.get(operation) or getattr(kam, operation, None)
    assert callable(function), f"kam has no function `{operation}`"
    if "input" in vector:
        arg = vector["input"]
    else:
        arg = vector["input_text"]
        assert isinstance(arg, str)
    args = [arg]
    if "options" in vector:
        args.append(vector["options"])
    return function(*args)


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_vector(path: Path) -> None:
    vector = json.loads(path.read_text(encoding="utf-8"))
    if "error" in vector:
        with pytest.raises(kam.KamError) as caught:
            run(vector)
        error = caught.value
        assert isinstance(error, ValueError)
        assert type(error) is not kam.KamError, "errors are raised as a subclass per concern"
        assert {"kind": error.kind, "message": str(error)} == vector["error"]
    else:
        got = run(vector)
        assert same(got, vector["expected"]), f"got {json.dumps(got, sort_keys=True)}"
