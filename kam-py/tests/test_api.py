"""The Python API beyond the golden vectors: argument forms, exceptions,
loaded frameworks, schemas and the notebook wrapper."""

from __future__ import annotations

import json
import math
import time
from typing import Any

import numpy as np
import pandas as pd
import pytest

import kam

AUDIT = "cranfield-kam-development"


def audit(scores: dict[str, Any]) -> kam.types.AuditAssessment:
    return {"framework": AUDIT, "framework_version": "2006.2", "scores": scores}


def test_frameworks_lists_summaries() -> None:
    ids = [f["id"] for f in kam.frameworks()]
    assert ids[:2] == [AUDIT, "kam-maturity-model"]
    assert set(kam.frameworks()[0]) == {"id", "version", "type", "name"}


def test_framework_is_the_whole_file_as_dicts() -> None:
    f = kam.framework(AUDIT)
    assert f["type"] == "action-audit"
    assert [i["id"] for i in f["items"]] == kam.item_ids()
    assert len(f["items"]) == 129


def test_dict_and_text_give_the_same_report_and_errors() -> None:
    doc = audit({"A1.1": 3, "B2.2": 1})
    assert kam.score(doc) == kam.score(json.dumps(doc))
    bad = audit({"A1.1": 9})
    messages = []
    for arg in (bad, json.dumps(bad)):
        with pytest.raises(kam.AssessmentError) as e:
            kam.score(arg)
        messages.append((e.value.kind, str(e.value)))
    assert messages[0] == messages[1] == (
        "score-out-of-range",
        "item `A1.1` has score 9, outside the scale 0–3",
    )


def test_numpy_scalars_are_numbers() -> None:
    doc = audit({"A1.1": np.uint8(3), "A1.2": np.int64(2)})
    assert kam.score(doc)["overall"]["score"] == 5


def test_values_without_json_form_name_their_path() -> None:
    with pytest.raises(kam.InputError) as e:
        kam.score(audit({"A1.1": math.nan}))
    assert e.value.kind == "invalid-input"
    assert str(e.value) == "invalid input at `/scores/A1.1`: `NaN` is not a JSON number"
    with pytest.raises(kam.InputError) as e:
        kam.score(audit({"A1.1": {1, 2}}))
    assert str(e.value) == "invalid input at `/scores/A1.1`: a Python `set` has no JSON equivalent"


def test_numbers_json_cannot_hold_name_their_path() -> None:
    # NaN and the infinities (floats or numpy) are kam-core's error, as in
    # JavaScript; the golden vectors `error-number-native-*` pin the messages.
    for value, spelt in ((np.float64("nan"), "NaN"), (-math.inf, "-Infinity")):
        with pytest.raises(kam.InputError) as e:
            kam.pareto({"customers": [{"id": "a", "value": 1}, {"id": "b", "value": value}]})
        assert str(e.value) == (
            f"invalid input at `/customers/1/value`: `{spelt}` is not a JSON number"
        )
    # An int beyond a float's range is an error, not `None` (an optional
    # field would read as absent).
    for value in (10**400, -(10**400)):
        with pytest.raises(kam.InputError) as e:
            kam.score({**audit({}), "context": {"date": value}})  # type: ignore[arg-type]  # wrong on purpose
        assert str(e.value) == "invalid input at `/context/date`: number out of range"


def test_floats_are_not_whole_numbers_even_negative_zero() -> None:
    # A float is refused where a whole number is expected, whatever its value;
    # JavaScript, with one number type, reads -0 and 3.0 as 0 and 3.
    for value, shown in ((-0.0, "-0.0"), (3.0, "3.0"), (np.float64(1), "1.0")):
        with pytest.raises(kam.InputError) as e:
            kam.score(audit({"A1.1": value}))
        assert str(e.value) == (
            "invalid input at `/scores/A1.1`: expected a score: a whole number on the "
            f"framework's scale, found `{shown}`"
        )
    # Where a real number is expected, -0.0 is zero.
    report = kam.pareto({"customers": [{"id": "a", "value": 1}, {"id": "b", "value": -0.0}]})
    assert report["ranking"][1]["value"] == 0


def test_cyclic_input_is_refused_not_a_crash() -> None:
    doc: Any = audit({})
    doc["context"] = doc
    with pytest.raises(kam.KamError) as e:
        kam.score(doc)
    assert e.value.kind == "too-deep"


def test_back_references_are_refused_at_once() -> None:
    # A container met again inside itself is refused there. Walked naively,
    # every reference back doubles the work at every level down to the depth
    # limit: billions of values for each input below, hours and more memory
    # than there is.
    start = time.monotonic()
    doc: Any = audit({})
    doc["context"] = doc
    doc["extra"] = doc
    with pytest.raises(kam.LimitError) as e:
        kam.score(doc)
    assert e.value.kind == "too-deep"
    assert str(e.value) == f"input nests deeper than 32 levels at `{'/context' * 32}`"
    twice: list[Any] = []
    twice += [twice, twice]
    with pytest.raises(kam.LimitError) as e:
        kam.score_json({"context": twice})
    assert str(e.value) == f"input nests deeper than 32 levels at `/context{'/0' * 31}`"

    def tree(depth: int, parent: dict[str, Any] | None = None) -> dict[str, Any]:
        node: dict[str, Any] = {"parent": parent, "children": []}
        if depth:
            node["children"] = [tree(depth - 1, node), tree(depth - 1, node)]
        return node

    with pytest.raises(kam.LimitError) as e:
        kam.score({**audit({}), "context": {"organisation": tree(12)}})  # type: ignore[arg-type]  # wrong on purpose
    assert e.value.kind == "too-deep"
    assert str(e.value).startswith(
        "input nests deeper than 32 levels at `/context/organisation/children/0/parent/children/0/"
    )
    assert time.monotonic() - start < 10


def test_shared_values_count_as_often_as_json_writes_them() -> None:
    # No cycle, but 2**31 values written out: refused after as many as the
    # largest text kam reads can hold (4,194,304), in linear time.
    shared: list[Any] = [0]
    for _ in range(30):
        shared = [shared, shared]
    with pytest.raises(kam.LimitError) as e:
        kam.score({"scores": shared})  # type: ignore[arg-type]  # wrong on purpose
    assert e.value.kind == "too-many-entries"
    assert str(e.value) == "the input has more than 4194304 entries"
    # Shared within bounds, it reads as JSON would write it: a container met
    # again is refused only inside itself.
    one = audit({"A1.1": 3})
    copies = [audit({"A1.1": 3}), audit({"A1.1": 3})]
    assert kam.aggregate({"audits": [one, one]}) == kam.aggregate({"audits": copies})


def test_every_exception_is_a_value_error_with_a_kind() -> None:
    classes = [
        kam.InputError, kam.LimitError, kam.FrameworkError, kam.AssessmentError,
        kam.MaturityError, kam.LitmusError, kam.OptionsError, kam.AnalysisError,
        kam.BatchError,
    ]
    for cls in classes:
        assert issubclass(cls, kam.KamError) and issubclass(cls, ValueError)
    with pytest.raises(kam.FrameworkError) as e:
        kam.framework("nope")
    assert e.value.kind == "unknown-framework"
    assert e.value.kind in kam.error_kinds()


def test_options_are_checked_by_the_engine() -> None:
    with pytest.raises(kam.OptionsError) as e:
        kam.score(audit({}), {"completion_threshold": 150})
    assert e.value.kind == "invalid-option"
    report = kam.score(audit({}), {"next_actions": 2})
    assert len(report["next_actions"]) == 2


def test_a_loaded_framework_scores_like_the_bundled_one() -> None:
    loaded = kam.load_framework(kam.framework(AUDIT))
    assert (loaded.id, loaded.type) == (AUDIT, "action-audit")
    doc = audit({"A1.1": 2})
    assert kam.score(doc, framework=loaded) == kam.score(doc)
    assert kam.item_ids(loaded) == kam.item_ids(AUDIT)
    assert loaded.to_dict() == kam.framework(AUDIT)
    assert "cranfield-kam-development" in repr(loaded)


def test_a_maturity_model_is_not_an_audit() -> None:
    with pytest.raises(kam.FrameworkError) as e:
        kam.score(audit({}), framework="kam-maturity-model")
    assert e.value.kind == "wrong-framework-type"


def test_schemas() -> None:
    names = kam.schema_names()
    assert "audit-report" in names
    for name in names:
        assert isinstance(kam.schema(name), dict)
    with pytest.raises(kam.InputError) as e:
        kam.schema("nope")
    assert e.value.kind == "unknown-schema"


def test_report_wrapper_shows_tables() -> None:
    report = kam.Report(kam.score(audit({"A1.1": 3})))
    assert report["overall"]["score"] == 3
    page = report._repr_html_()
    assert "<table>" in page and "A1" in page and "Scoping" in page
    periods = report.to_frame()
    assert isinstance(periods, pd.DataFrame)
    assert list(periods["id"][:2]) == ["A1", "A2"]
    assert periods["score"].sum() == 3
    assert list(report.to_frame("phases")["id"]) == ["A", "B", "C", "D"]
    with pytest.raises(KeyError):
        report.rows("nope")


def test_charts_and_written_reports_come_from_the_engine() -> None:
    report = kam.score(audit({"A1.1": 3, "A1.2": 3, "B1.1": 2}))
    for svg in (kam.chart.figure3(report), kam.chart.figure4(report)):
        assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert kam.chart.figure4(report) != kam.chart.figure4(kam.score(audit({})))
    assert "387" in kam.report.audit_markdown(report)
    assert kam.report.audit_html(report).lstrip().startswith("<")
    page = kam.Report(report)._repr_html_()
    assert page.count("<svg") == 2
    with pytest.raises(kam.InputError) as e:
        kam.chart.figure3({"overall": 1})
    assert e.value.kind == "invalid-input"


def test_maturity_reports_show_the_radar() -> None:
    model = kam.framework("kam-maturity-model")
    areas = [a["id"] for a in model["areas"]]
    report = kam.score_maturity(
        {
            "framework": "kam-maturity-model",
            "framework_version": model["version"],
            "stages": {a: 1 + i % 5 for i, a in enumerate(areas)},
        }
    )
    assert kam.chart.maturity_radar(report, report).startswith("<svg")
    assert kam.Report(report)._repr_html_().count("<svg") == 1
    assert len(kam.Report(report).to_frame("areas")) == len(areas)
