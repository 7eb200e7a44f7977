"""kam.Programme and kam.programme_report: the programme read from each
source a Python user has, its report's tables and notebook view. The report's
figures are kam-core's, replayed from the golden vectors by test_vectors.py;
these tests check the conversions."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import kam
from conftest import VECTORS

AUDIT = {
    "framework": "cranfield-kam-development",
    "framework_version": "2006.2",
    "context": {"unit": "uk", "assessor": "ann", "date": "2025-03-01"},
    "scores": {"A1.1": 3, "A1.2": 2},
}


def audit(unit: str, assessor: str, date: str, **scores: int) -> dict[str, Any]:
    return {**AUDIT, "context": {"unit": unit, "assessor": assessor, "date": date},
            "scores": {k.replace("_", "."): v for k, v in scores.items()}}


def test_the_example_reads_from_every_form_of_the_document(tmp_path: Path) -> None:
    example = kam.Programme.example()
    report = kam.programme_report(example)
    path = tmp_path / "programme.json"
    example.save(path)
    assert kam.programme_report(path) == report
    assert kam.programme_report(path.read_text(encoding="utf-8")) == report
    assert kam.programme_report(kam.Programme(path)) == report
    assert kam.programme_report(example.to_dict()) == report
    assert report["summary"]["units"] == 9
    assert report["summary"]["checklists"] == 12
    assert repr(example).startswith("Programme('Northwind KAM programme': 9 unit(s), ")


def test_the_report_of_the_vector_is_the_vector() -> None:
    vector = json.loads((VECTORS / "programme-report.json").read_text("utf-8"))
    assert kam.programme_report(vector["input"]) == vector["expected"]
    text = json.dumps(vector["input"])
    assert kam.programme_report(text) == vector["expected"]


def test_a_folder_of_files_is_a_programme(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(audit("uk", "ann", "2025-03-01", A1_1=3)))
    (tmp_path / "b.json").write_text(json.dumps(audit("uk", "ben", "2025-03-01", A1_1=1)))
    (tmp_path / "c.json").write_text(json.dumps(audit("de", "ann", "2025-03-02", A1_1=2)))
    (tmp_path / "notes.txt").write_text("not an assessment")
    programme = kam.Programme.from_folder(tmp_path, units=[{"id": "uk", "name": "UK"}])
    assert programme["name"] == tmp_path.name
    assert [u["id"] for u in programme["units"]] == ["uk", "de"]
    report = programme.report()
    uk = report["units"][0]
    assert uk["rounds"][0]["assessors"] == ["ann", "ben"]
    # 3 and 1 merge to 2 (their median): kam-core's rule.
    assert uk["rounds"][0]["merged"]["scores"]["A1.1"] == 2
    assert report.to_frame("disagreements").to_dict("records") == [
        {"item": "A1.1", "text": "Find powerful driver", "unit": "uk"}
    ]


def test_a_bad_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('{"framework": "nope"}')
    with pytest.raises(kam.KamError) as caught:
        kam.Programme.from_folder(tmp_path)
    assert caught.value.kind == "unknown-framework"
    assert str(caught.value).startswith("file `broken.json`: ")
    with pytest.raises(kam.KamError) as caught:
        kam.Programme.from_files([("x.json", b"\xff")])
    assert caught.value.kind == "invalid-json"
    assert str(caught.value) == "file `x.json`: invalid JSON at the top level: the file is not UTF-8 text"


def test_a_wide_and_a_long_frame_give_the_same_programme() -> None:
    wide = pd.DataFrame({
        "unit": ["uk", "uk", "de"],
        "assessor": ["ann", "ben", "ann"],
        "date": ["2025-03-01", "2025-03-01", "2025-03-02"],
        "A1.1": [3, 1, 2],
        "A1.2": [2.0, None, 1.0],
    })
    long = wide.melt(id_vars=["unit", "assessor", "date"], var_name="item", value_name="score")
    a = kam.Programme.from_frame(wide, name="Frame")
    b = kam.Programme.from_frame(long, name="Frame")
    assert a.to_dict() == b.to_dict()
    assessments = a["assessments"]
    assert assessments[1]["assessment"]["scores"] == {"A1.1": 1}
    assert assessments[0]["assessment"]["framework_version"] == "2006.2"
    assert [u["id"] for u in a["units"]] == ["uk", "de"]
    assert a.report()["summary"]["audits"] == 3


def test_a_frame_of_a_checklist_makes_checklist_assessments() -> None:
    frame = pd.DataFrame({"unit": ["uk"], "assessor": ["ann"], "date": ["2025-03-01"]})
    programme = kam.Programme.from_frame(frame, framework="kam-three-pillars")
    assert programme["assessments"][0]["type"] == "checklist"
    assert programme.report()["summary"]["checklists"] == 1


def test_a_frame_without_its_columns_is_refused() -> None:
    with pytest.raises(KeyError, match="missing `assessor`, `date`"):
        kam.Programme.from_frame(pd.DataFrame({"unit": ["uk"]}))
    frame = pd.DataFrame({"unit": ["uk"], "assessor": ["a"], "date": ["2025-01-01"], "A1.1": [1.5]})
    with pytest.raises(kam.KamError) as caught:
        kam.Programme.from_frame(frame).report()
    assert caught.value.kind == "invalid-input"


def test_tables_and_notebook_view() -> None:
    report = kam.Programme.example().report()
    assert report.kind == "programme-report"
    assert report.tables == [
        "positions", "rounds", "trends", "disagreements", "next_actions", "checklists"
    ]
    positions = report.to_frame()
    assert list(positions.columns[:5]) == ["rank", "unit", "name", "date", "overall_score"]
    assert positions["rank"].tolist() == sorted(positions["rank"].tolist())
    trends = report.to_frame("trends")
    assert set(trends["pace"]) <= {"in-line", "faster", "slower", "stalled"}
    assert len(report.to_frame("rounds")) == sum(len(u["rounds"]) for u in report["units"])
    assert len(report.to_frame("checklists")) == 6
    assert kam.Report(report.to_dict()).kind == "programme-report"
    html = report._repr_html_()
    assert html.startswith('<div class="kam-programme-report"')
    assert "Executive summary" in html
    assert kam.Programme.example()._repr_html_() == html
    assert report.summary().startswith("## Executive summary") or "Executive summary" in report.summary()
    assert report.markdown().count("\n## ") > 5
    assert report.html().startswith("<!DOCTYPE html>")


def test_the_report_as_a_workbook(tmp_path: Path) -> None:
    report = kam.Programme.example().report()
    path = tmp_path / "programme.xlsx"
    report.to_excel(path)
    with zipfile.ZipFile(path) as book:
        workbook = book.read("xl/workbook.xml").decode("utf-8")
        strings = book.read("xl/sharedStrings.xml").decode("utf-8")
    assert re.findall(r'<sheet name="([^"]+)"', workbook) == ["Summary", "Units", "Disagreements"]
    assert all(p["name"] in strings for p in report["positions"])


def test_errors_are_the_engines() -> None:
    with pytest.raises(kam.AnalysisError) as caught:
        kam.programme_report({"name": "x", "units": [{"id": "a", "parent": "b"}, {"id": "b", "parent": "a"}]})
    assert caught.value.kind == "unit-cycle"
    with pytest.raises(TypeError, match="not `int`"):
        kam.Programme(3)  # type: ignore[arg-type]


def _same_order(a: Any, b: Any) -> bool:
    """Equal, with every dict's keys in the same order."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same_order(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_order(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def test_the_report_dict_is_the_report_json_read_back() -> None:
    # kam.programme_report builds its dict straight from kam-core's report
    # (kam-py/src/objects.rs), not through JSON text: it must be exactly
    # what reading the JSON text back gives, key order and number types too.
    text = json.dumps(kam.Programme.example().to_dict())
    for options in (None, json.dumps({"completion_threshold": 50})):
        direct = kam._kam._programme_report(text, options)
        via_text = json.loads(kam._kam._programme_report_json(text, options))
        assert _same_order(direct, via_text)
