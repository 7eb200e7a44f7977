"""Executes the example notebook, so it cannot rot."""

from __future__ import annotations

from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import DOCS

NOTEBOOK = DOCS / "notebooks" / "kam-in-jupyter.ipynb"


def outputs(nb: Any, mime: str) -> list[str]:
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if mime in data:
                found.append(str(data[mime]))
    return found


def test_the_notebook_runs_and_shows_tables_and_charts() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]  # nbformat ships no types
    NotebookClient(nb, timeout=120, kernel_name="python3").execute(
        cwd=str(NOTEBOOK.parent)
    )
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    html = outputs(nb, "text/html")
    assert any("kam-report" in h and "<svg" in h for h in html), "the report view"
    assert any("<table" in h for h in html), "tables"
    assert len(outputs(nb, "image/svg+xml")) >= 2, "Figure 4 and the progress chart"


def test_the_report_view_is_kam_cores_scoped_fragment() -> None:
    import kam

    result = kam.score(
        {
            "framework": "cranfield-kam-development",
            "framework_version": "2006.1",
            "scores": {"A1.1": 3, "A1.2": 2},
        }
    )
    view = kam.Report(result)._repr_html_()
    assert view == kam.report.audit_html_fragment(result)
    assert view.startswith('<div class="kam-report">')
    # The sentences are kam-core's, the same the `describe` operation gives.
    words = kam.describe(result)
    for reading in ("overall", "position", "current_period", "next_action"):
        assert words[reading]["text"] in view
    # Nothing outside the report is styled: every rule starts at its root.
    css = view.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "body {" not in css and "\ntable {" not in css and "\ndt {" not in css
