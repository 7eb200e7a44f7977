"""Every kind of result turns into tidy tables: recognised from its fields,
columns in reading order, integers kept as integers (nullable Int64 where a
value may be missing)."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import pytest

import kam
from conftest import VECTORS

AUDIT: Any = {
    "framework": "cranfield-kam-development",
    "framework_version": "2006.2",
    "scores": {"A1.1": 3, "A1.2": 2, "A2.1": 1},
}


def expected(name: str) -> Any:
    return json.loads((VECTORS / f"{name}.json").read_text(encoding="utf-8"))["expected"]


def test_next_action_scores_stay_integers_with_missing_ones() -> None:
    report = kam.score(AUDIT)
    actions = kam.to_frame(report, "next_actions")
    assert list(actions.columns) == ["id", "period", "stream", "text", "score"]
    assert actions["score"].dtype == "Int64"
    assert actions["score"].iloc[0] == 2  # A1.2, not 2.0
    scored = actions.dropna(subset=["score"])
    assert dict(zip(scored["id"], scored["score"])) == {"A1.2": 2, "A2.1": 1}
    periods = kam.Report(report).to_frame()
    assert list(periods.columns[:9]) == [
        "phase", "id", "number", "name", "score", "max", "percent", "complete", "unscored"
    ]
    assert periods["score"].dtype == "int64"


@pytest.mark.parametrize(
    ("vector", "kind", "columns"),
    [
        ("analysis-compare", "audit-comparison", ["id", "name", "before_score", "after_score", "change"]),
        ("analysis-aggregate", "aggregation", ["id", "score", "mean", "median", "min", "max"]),
        ("analysis-units", "unit-comparison", ["unit", "overall", "position", "current_period", "A"]),
        ("analysis-pareto", "pareto-report", ["rank", "id", "value", "share", "cumulative", "selected"]),
        ("analysis-portfolio", "portfolio-report", ["id", "quadrant", "attractiveness", "relationship"]),
        ("litmus-all-tests", "litmus-report", ["test", "name", "verdict", "yes", "pass_mark"]),
        ("maturity-all-areas", "maturity-report", ["id", "name", "stage_stage", "stage_name"]),
        ("analysis-account-plan", "account-plan-report", ["id", "name", "present"]),
        ("analysis-time-allocation", "time-allocation-report", ["id", "name", "share", "min", "max"]),
        ("analysis-path-current-period", "path-plan", ["item", "period", "text", "from", "to"]),
        ("analysis-explain-audit", "explanation", ["figure", "subject", "value", "rule", "terms"]),
        ("analysis-rescore", "rescore-report", ["what", "id", "before", "after"]),
        ("batch-blank-cells", "batch-report", ["overall", "percent", "position_number"]),
    ],
)
def test_every_result_has_a_main_table(vector: str, kind: str, columns: list[str]) -> None:
    result = expected(vector)
    view = kam.Report(result)
    assert view.kind == kind
    df = view.to_frame()
    assert list(df.columns[: len(columns)]) == columns
    assert len(df) > 0
    for table in view.tables:
        assert isinstance(view.to_frame(table), pd.DataFrame)
    assert "<table" in view._repr_html_()


def test_comparison_items_keep_unscored_as_missing_integers() -> None:
    later: Any = {**AUDIT, "scores": {**AUDIT["scores"], "A1.3": 3}}
    items = kam.Report(kam.compare({"before": AUDIT, "after": later})).to_frame("items")
    a13 = items.set_index("id").loc["A1.3"]
    assert pd.isna(a13["before"]) and a13["after"] == 3
    assert items["before"].dtype == "Int64" and items["change"].dtype == "int64"


def test_aggregation_gives_one_column_per_assessor() -> None:
    result = expected("analysis-aggregate")
    df = kam.to_frame(result)
    for assessor in result["assessors"]:
        assert assessor in df.columns


def test_a_maturity_report_shows_its_stage() -> None:
    report = kam.Report(expected("maturity-all-areas"))
    stage = report["weakest_link"]
    # kam-core's words for the stage, as every front end says it.
    assert kam.describe_maturity(json.dumps(dict(report)))["stage"]["text"] in report._repr_html_()


def test_unknown_dicts_and_tables_are_named() -> None:
    with pytest.raises(ValueError, match="not a result kam knows"):
        kam.to_frame({"a": 1})
    with pytest.raises(KeyError, match="`pareto`"):
        kam.Report(kam.score(AUDIT)).to_frame("pareto")
    with pytest.raises(ValueError, match="unknown kind"):
        kam.Report({}, kind="nothing")
