"""The type stubs describe the extension module completely: every public
name it exports has a stub with a docstring, and nothing else is stubbed
(mypy --strict and stubtest, run by scripts/test-python.sh, check the types)."""

from __future__ import annotations

import ast
from pathlib import Path

import kam
from kam import _kam

STUB = Path(kam.__file__).with_name("_kam.pyi")
TYPING_ONLY = {"BatchResult"}


def stubbed() -> dict[str, ast.AST]:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    names: dict[str, ast.AST] = {}
    for node in tree.body:
        # Private helpers of the package (`_score_column_arrays`) are typed
        # for mypy but are not the module's public face.
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
            names[node.name] = node
    return names


def test_every_runtime_name_has_a_documented_stub() -> None:
    runtime = {n for n in dir(_kam) if not n.startswith("_")}
    stubs = stubbed()
    assert runtime == set(stubs) - TYPING_ONLY
    for name, node in stubs.items():
        assert isinstance(node, (ast.FunctionDef, ast.ClassDef))
        assert ast.get_docstring(node), f"{name} has no docstring in the stub"


def test_every_runtime_function_has_a_docstring() -> None:
    for name in dir(_kam):
        value = getattr(_kam, name)
        if callable(value) and not name.startswith("_"):
            assert value.__doc__, f"kam._kam.{name} has no docstring"


def test_the_package_exports_the_whole_module() -> None:
    runtime = {n for n in dir(_kam) if not n.startswith("_")}
    public = set(kam.__all__)
    prefixed = {n for n in runtime if n.startswith(("chart_", "report_"))}
    assert runtime - prefixed <= public
    for name in prefixed:
        module, _, short = name.partition("_")
        # kam.chart and kam.report give each renderer under its short name,
        # returning the engine's text (as a str subclass Jupyter displays).
        assert callable(getattr(getattr(kam, module), short)), name
