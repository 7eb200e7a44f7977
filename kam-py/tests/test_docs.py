"""Runs the Python snippets of the docs, in order, so they cannot rot:
docs/python.md, docs/spreadsheets.md, the repository README's Python section
and kam-py/README.md."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import kam
from conftest import DOCS, REPO

PAGES = [
    DOCS / "python.md",
    DOCS / "spreadsheets.md",
    REPO / "README.md",
    REPO / "kam-py" / "README.md",
]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def snippets(page: Path) -> list[str]:
    return BLOCK.findall(page.read_text(encoding="utf-8"))


def test_the_guide_has_snippets() -> None:
    assert len(snippets(DOCS / "python.md")) >= 8


def test_the_guide_runs_every_operation() -> None:
    """Each public function of the package, and each chart and written
    report, is called in a Python block of the guide."""
    code = "\n".join(snippets(DOCS / "python.md"))
    functions = [n for n in kam.__all__ if callable(getattr(kam, n)) and n[0].islower()]
    functions += [f"chart.{n}" for n in kam.chart.__all__ if n[0].islower()]
    functions += [f"report.{n}" for n in kam.report.__all__ if n[0].islower()]
    missing = [n for n in functions if f"kam.{n}(" not in code]
    assert not missing, f"docs/python.md never calls {missing}"


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(REPO)) for p in PAGES])
def test_snippets_run(page: Path) -> None:
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    for i, code in enumerate(snippets(page)):
        try:
            exec(compile(code, f"{page.name}, python block {i + 1}", "exec"), namespace)
        except Exception as e:  # pragma: no cover - shown on failure only
            raise AssertionError(f"{page.name}, python block {i + 1} fails:\n{code}") from e
