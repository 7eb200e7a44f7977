"""Spreadsheets from Python: the golden vectors of tests/vectors/spreadsheets/
(the same files kam-core's runner replays), and what only Python has: paths,
file objects and lists of workbooks."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

import kam
from conftest import VECTORS

SPREADSHEETS = sorted((VECTORS / "spreadsheets").glob("*.json"))


def run(vector: dict[str, Any]) -> Any:
    framework = kam.load_framework(vector["framework"]) if "framework" in vector else None
    operation = vector["operation"]
    if operation == "read_xlsx":
        workbook = kam.xlsx_from_recipe(vector["recipe"], framework=framework)
        [assessment] = kam.read_xlsx(workbook, framework=framework)
        return assessment
    if operation == "read_csv":
        return kam.read_csv(vector["input_text"], framework=framework)
    if operation == "to_csv":
        return kam.to_csv(vector["input"], vector.get("options"), framework=framework)
    raise AssertionError(f"unknown operation `{operation}`")


def test_the_spreadsheet_vectors_are_there() -> None:
    assert len(SPREADSHEETS) >= 30


@pytest.mark.parametrize("path", SPREADSHEETS, ids=[p.stem for p in SPREADSHEETS])
def test_spreadsheet_vector(path: Path) -> None:
    vector = json.loads(path.read_text(encoding="utf-8"))
    if "error" in vector:
        with pytest.raises(kam.KamError) as caught:
            run(vector)
        got = caught.value
        assert {"kind": got.kind, "message": str(got), "path": got.path} == vector["error"]
    else:
        assert run(vector) == vector["expected"]


AUDIT: kam.types.AuditAssessment = {
    "framework": "cranfield-kam-development",
    "framework_version": "2006.2",
    "context": {"organisation": "Northwind — 北風", "assessor": "Ana"},
    "scores": {"A1.1": 3, "A1.2": 2},
    "evidence": {"A1.1": "Board minutes, 2026-01-12"},
}


def export() -> bytes:
    return kam.to_xlsx({"type": "audit", "assessment": AUDIT})


def test_an_export_reads_back_as_the_assessment_and_scores_the_same() -> None:
    [read] = kam.read_xlsx(export())
    assert read["type"] == "action-audit"
    assert read["litmus"] is None
    assessment = read["assessment"]
    assert assessment["scores"] == AUDIT["scores"]
    assert assessment["evidence"] == AUDIT["evidence"]
    assert assessment["context"]["organisation"] == "Northwind — 北風"
    assert kam.score(assessment) == kam.score(AUDIT)


def test_a_template_is_a_blank_assessment() -> None:
    template = kam.xlsx_template("cranfield-kam-development")
    assert template[:2] == b"PK"
    [read] = kam.read_xlsx(template)
    assert read["type"] == "action-audit"
    assert read["assessment"]["scores"] == {}
    loaded = kam.load_framework(kam.framework("cranfield-kam-development"))
    assert kam.xlsx_template(loaded) == template


def test_paths_files_and_lists(tmp_path: Path) -> None:
    data = export()
    path = tmp_path / "ana.xlsx"
    path.write_bytes(data)
    expected = kam.read_xlsx(data)
    assert kam.read_xlsx(path) == expected
    assert kam.read_xlsx(str(path)) == expected
    assert kam.read_xlsx(bytearray(data)) == expected
    assert kam.read_xlsx(memoryview(data)) == expected
    assert kam.read_xlsx(io.BytesIO(data)) == expected
    with path.open("rb") as file:
        assert kam.read_xlsx(file) == expected
    assert kam.read_xlsx([path, data, io.BytesIO(data)]) == expected * 3
    assert kam.read_xlsx([]) == []


def test_an_error_names_the_cell_and_in_a_list_the_file(tmp_path: Path) -> None:
    bad = kam.xlsx_from_recipe(
        {
            "start": {"template": "cranfield-kam-development"},
            "edits": [{"set": {"cell": "Audit!F17", "text": "abc"}}],
        }
    )
    with pytest.raises(kam.SpreadsheetError) as caught:
        kam.read_xlsx(bad)
    assert caught.value.kind == "invalid-score"
    assert str(caught.value).startswith("`Audit!F17` holds `abc`, not a score")
    path = tmp_path / "bad.xlsx"
    path.write_bytes(bad)
    with pytest.raises(kam.SpreadsheetError) as caught:
        kam.read_xlsx([export(), path])
    assert caught.value.kind == "invalid-score"
    assert str(path) in str(caught.value)
    assert "`Audit!F17`" in str(caught.value)
    with pytest.raises(kam.SpreadsheetError) as caught:
        kam.read_xlsx([export(), bad])
    assert "workbook 2" in str(caught.value)


def test_a_missing_file_and_a_wrong_type_are_python_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        kam.read_xlsx(tmp_path / "nowhere.xlsx")
    with pytest.raises(TypeError):
        kam.read_xlsx(42)  # type: ignore[arg-type]


def test_an_oversized_file_gets_the_limit_without_being_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as file:
        file.truncate(64 * 1024 * 1024)
    with pytest.raises(kam.SpreadsheetError) as caught:
        kam.read_xlsx(path)
    assert caught.value.kind == "workbook-too-large"


def test_csv_round_trips_through_text_bytes_and_files(tmp_path: Path) -> None:
    layouts: list[kam.types.CsvOptions] = [{}, {"layout": "wide", "delimiter": "semicolon", "bom": True}]
    for options in layouts:
        text = kam.to_csv([AUDIT], options)
        [read] = kam.read_csv(text)
        assert read["scores"] == AUDIT["scores"]
        assert kam.read_csv(text.encode("utf-8")) == [read]
        path = tmp_path / "audits.csv"
        path.write_text(text, encoding="utf-8")
        assert kam.read_csv(path) == [read]
        with path.open("rb") as file:
            assert kam.read_csv(file) == [read]


def test_a_maturity_assessment_exports_and_reads_back() -> None:
    model = next(f["id"] for f in kam.frameworks() if f["type"] == "maturity-model")
    template = kam.xlsx_template(model)
    [read] = kam.read_xlsx(template)
    assert read["type"] == "maturity-model"
    assert kam.read_xlsx(kam.to_xlsx({"type": "maturity", "assessment": read["assessment"]})) == [read]
