"""Benchmark: reading 1,000 filled Cranfield audit workbooks and scoring
them, with kam and, in the same run, with openpyxl the way an analyst would.

    .venv/bin/python kam-py/bench/bench_xlsx.py [--workbooks 1000] [--runs 3] [--openpyxl-runs 1]

The workbooks are kam's Cranfield template filled in the way an assessor
does: a score typed into each item's score cell (random, about one in ten
left blank), evidence for about one item in five, and the four context
cells; each is written to a file in a temporary directory (from the page
cache when read).

kam: ``kam.read_xlsx(paths)`` reads every workbook (checking each score
against the scale) and ``kam.score`` scores each assessment.

openpyxl, as an analyst would write it: ``load_workbook(path,
data_only=True)``, iterate the Audit sheet's rows, build the assessment
dict (id → ``int(score)``, evidence, the context cells from the
Instructions sheet), then ``kam.score``. The same with
``read_only=True`` (openpyxl's streaming mode, which an analyst who knows
it would use) is timed too. Both give the same reports as kam, checked
before any time is printed. kam's time is the best of ``--runs`` runs,
openpyxl's of ``--openpyxl-runs`` (one by default: it takes minutes). The
warnings openpyxl prints about the template's data validation and
conditional formatting are silenced.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any, Callable, cast

import openpyxl

import kam

FRAMEWORK = "cranfield-kam-development"
CONTEXT = ("Organisation", "Unit", "Assessor", "Date")


def best_of(runs: int, f: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - start)
    return best, result


def layout(template: Path) -> tuple[dict[str, int], dict[str, str]]:
    """The row of each item on the Audit sheet, and the cell of each context
    value on the Instructions sheet (right of its label)."""
    book = openpyxl.load_workbook(template)
    rows = {
        str(row[0].value): row[0].row
        for row in book["Audit"].iter_rows(min_row=2)
        if row[0].value is not None
    }
    cells = {}
    for row in book["Instructions"].iter_rows():
        for cell in row:
            if cell.value in CONTEXT:
                cells[str(cell.value)] = f"Instructions!{chr(ord(cell.column_letter) + 1)}{cell.row}"
    assert set(cells) == set(CONTEXT), f"context cells not found: {cells}"
    return rows, cells


def fill(rng: random.Random, n: int, rows: dict[str, int], cells: dict[str, str]) -> bytes:
    """A template filled in by assessor `n`, built by kam's recipe builder
    (the format of tests/vectors/README.md)."""
    edits: list[dict[str, Any]] = []
    for item, row in rows.items():
        if rng.random() < 0.9:
            edits.append({"set": {"cell": f"Audit!F{row}", "number": rng.randint(0, 3)}})
        if rng.random() < 0.2:
            edits.append({"set": {"cell": f"Audit!G{row}", "text": f"minutes {n}, item {item}"}})
    context = {"Organisation": f"Customer {n}", "Unit": "EMEA", "Assessor": f"Assessor {n % 7}"}
    for label, value in context.items():
        edits.append({"set": {"cell": cells[label], "text": value}})
    edits.append({"set": {"cell": cells["Date"], "date": "2026-11-30"}})
    recipe = cast("kam.types.Recipe", {"start": {"template": FRAMEWORK}, "edits": edits})
    return kam.xlsx_from_recipe(recipe)


def with_kam(paths: list[Path]) -> list[kam.types.AuditReport]:
    # Every workbook here is a Cranfield audit; the type tells mypy so.
    return [kam.score(read["assessment"]) for read in kam.read_xlsx(paths) if read["type"] == "action-audit"]


def with_openpyxl(paths: list[Path], read_only: bool, cells: dict[str, str]) -> list[kam.types.AuditReport]:
    reports = []
    for path in paths:
        book = openpyxl.load_workbook(path, data_only=True, read_only=read_only)
        instructions = book["Instructions"]
        context: dict[str, Any] = {}
        for label, cell in cells.items():
            value = instructions[cell.split("!")[1]].value
            if value is not None:
                context[label.lower()] = value.date().isoformat() if label == "Date" else str(value)
        rows = book["Audit"].iter_rows(values_only=True)
        header = list(next(rows))
        id_at, score_at, evidence_at = header.index("Id"), header.index("Score"), header.index("Evidence")
        scores: dict[str, int] = {}
        evidence: dict[str, str] = {}
        for row in rows:
            item = row[id_at]
            if item is None:
                continue
            score = row[score_at]
            if isinstance(score, (int, float)):
                scores[str(item).strip()] = int(score)  # Excel stores 3 as 3.0
            if row[evidence_at]:
                evidence[str(item).strip()] = str(row[evidence_at])
        book.close()
        # Built from the sheet's cells as an analyst would, then typed.
        assessment = {
            "framework": FRAMEWORK,
            "framework_version": kam.framework(FRAMEWORK)["version"],
            "context": context,
            "scores": scores,
            "evidence": evidence,
        }
        reports.append(kam.score(cast("kam.types.AuditAssessment", assessment)))
    return reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workbooks", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--openpyxl-runs", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        template = directory / "template.xlsx"
        template.write_bytes(kam.xlsx_template(FRAMEWORK))
        rows, cells = layout(template)
        rng = random.Random(2026)
        start = time.perf_counter()
        paths = []
        for n in range(args.workbooks):
            path = directory / f"audit-{n:04}.xlsx"
            path.write_bytes(fill(rng, n, rows, cells))
            paths.append(path)
        written = time.perf_counter() - start
        size = sum(p.stat().st_size for p in paths)

        kam_time, kam_reports = best_of(args.runs, lambda: with_kam(paths))
        warnings.filterwarnings("ignore", module="openpyxl")
        runs = args.openpyxl_runs
        full_time, full_reports = best_of(runs, lambda: with_openpyxl(paths, False, cells))
        stream_time, stream_reports = best_of(runs, lambda: with_openpyxl(paths, True, cells))
        assert kam_reports == full_reports == stream_reports, "openpyxl and kam disagree"

    n = args.workbooks
    print(f"Python {sys.version.split()[0]}, openpyxl {openpyxl.__version__}, kam {kam.__version__}")
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{n} workbooks, {size / n / 1000:.1f} KB each, written in {written:.2f} s")
    print(f"best of {args.runs} runs for kam, {args.openpyxl_runs} for openpyxl")
    print(f"{'reader':<34} {'total':>9} {'per workbook':>13} {'kam faster':>11}")
    for name, seconds in (
        ("kam.read_xlsx + kam.score", kam_time),
        ("openpyxl load_workbook + kam.score", full_time),
        ("openpyxl read_only + kam.score", stream_time),
    ):
        print(f"{name:<34} {seconds:>8.2f}s {seconds / n * 1000:>10.2f} ms {seconds / kam_time:>10.1f}×")


if __name__ == "__main__":
    main()
