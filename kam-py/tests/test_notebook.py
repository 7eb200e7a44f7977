"""Executes the example notebook, so it cannot rot."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from conftest import DOCS

NOTEBOOK = DOCS / "notebooks" / "kam-in-jupyter.ipynb"
GLOBAL_SELECTOR = re.compile(r"(^|[},]\s*)(html|body|table|thead|tbody|tr|th|td|dt|dd|h[1-6]|p|svg)\s*[{,]", re.M)


def outputs(nb: Any, mime: str) -> list[str]:
    found = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if mime in data:
                found.append(str(data[mime]))
    return found


def test_the_notebook_runs_and_shows_tables_and_charts(tmp_path: Path) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]  # nbformat ships no types
    NotebookClient(nb, timeout=120, kernel_name="python3").execute(
        cwd=str(NOTEBOOK.parent)
    )
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    warnings = [o for c in nb.cells for o in c.get("outputs", []) if o.get("name") == "stderr"]
    assert not warnings, "the notebook prints no warnings"
    html = outputs(nb, "text/html")
    svg = outputs(nb, "image/svg+xml")
    assert any("kam-report" in h and "<svg" in h for h in html), "the report view"
    assert any("<table" in h for h in html), "tables"
    assert any("kam-progress" in s for s in svg), "the progress chart, as an SVG object"
    shown = "".join(html + svg)
    assert shown.count('id="kam-figure4-title"') == 1, "Figure 4 is shown once"
    assert "…" not in "".join(re.findall(r"<text[^>]*>([^<]*)</text>", shown)), "no chart text cut"
    for h in html:
        for style in re.findall(r"<style[^>]*>(.*?)</style>", h, re.S):
            # Nothing styles the notebook around the output.
            assert not GLOBAL_SELECTOR.search(style), style
    # The executed notebook converts to a page, as it is published; set
    # KAM_NOTEBOOK_HTML to keep it (to look at it in a browser).
    page, _ = HTMLExporter().from_notebook_node(nb)  # type: ignore[no-untyped-call]  # nbconvert ships no types
    target = Path(os.environ.get("KAM_NOTEBOOK_HTML", tmp_path / "kam-in-jupyter.html"))
    target.write_text(page, encoding="utf-8")
    assert page.count('id="kam-figure4-title"') == 1


def test_the_report_view_is_kam_cores_scoped_fragment() -> None:
    import kam

    result = kam.score(
        {
            "framework": "cranfield-kam-development",
            "framework_version": "2006.2",
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
