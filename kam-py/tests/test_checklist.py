"""Checklist frameworks from Python: the three bundled ones, a company's own
checklist file, and the chart and reports drawn from a checklist report
(every figure comes from the engine; these tests check the binding's shape)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import kam

EXAMPLES = Path(__file__).resolve().parents[2] / "kam-core" / "examples" / "data"


def example(name: str) -> Any:
    data = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_frameworks_lists_the_five() -> None:
    ids = [f["id"] for f in kam.frameworks()]
    assert ids == [
        "cranfield-kam-development",
        "kam-maturity-model",
        "kam-development-model",
        "kam-three-pillars",
        "kam-strategy",
    ]
    types = {f["id"]: f["type"] for f in kam.frameworks()}
    assert types["kam-three-pillars"] == "checklist"


def test_a_bundled_checklist_is_scored_and_read() -> None:
    report: Any = kam.score_checklist(example("northwind-development-model.json"))
    assert (report["overall"]["score"], report["overall"]["max"]) == (21, 45)
    assert report["stage"]["reached"]["name"] == "Assessment and Planning"
    assert report["stage"]["provenance"] == "kam"
    assert [s["score"] for s in report["sections"]] == [9, 7, 3, 1, 1]


def test_a_company_checklist_file_is_scored_charted_and_reported() -> None:
    checklist = kam.load_framework(example("acme-kam-review.json"))
    report: Any = kam.score_checklist(example("acme-kam-review-assessment.json"), framework=checklist)
    assert report["balance"]["lowest"] == ["sales"]
    svg = kam.chart.checklist(report)
    assert svg.startswith("<svg") and "1 Plan 87.5% (7 of 8)" in svg
    markdown = kam.report.checklist_markdown(report)
    assert "| executive-meeting | Executive meeting held | not applicable |" in markdown
    assert kam.report.checklist_html(report).startswith("<!DOCTYPE html>")


def test_checklist_errors_are_framework_and_assessment_errors() -> None:
    broken = example("acme-kam-review.json")
    broken["sections"][0]["items"] = []
    with pytest.raises(kam.FrameworkError) as caught:
        kam.load_framework(broken)
    assert caught.value.kind == "empty-section"
    with pytest.raises(kam.FrameworkError) as wrong:
        kam.score_checklist({"framework": "cranfield-kam-development", "framework_version": "2006.2"})
    assert wrong.value.kind == "wrong-framework-type"
    with pytest.raises(kam.OptionsError):
        kam.score_checklist(example("northwind-strategy.json"), {"next_actions": 5000})
