"""An assessment exported from the web calculator scores to the same report
text in Python as in Rust and JavaScript: ``kam.score_json`` must return the
committed bytes of ``tests/cross-language/calculator-export.report.json``
(see the README there)."""

from __future__ import annotations

import json

import pytest
from conftest import REPO

import kam

FIXTURES = REPO / "tests" / "cross-language"
# Bytes, not read_text(): no newline translation between file and comparison.
EXPORT = (FIXTURES / "calculator-export.json").read_bytes().decode("utf-8")
REPORT = (FIXTURES / "calculator-export.report.json").read_bytes()


def test_the_exported_text_scores_to_the_committed_report_bytes() -> None:
    assert kam.score_json(EXPORT).encode("utf-8") == REPORT


def test_the_export_as_a_dict_scores_to_the_committed_report_bytes() -> None:
    assert kam.score_json(json.loads(EXPORT)).encode("utf-8") == REPORT


def test_default_options_in_every_form_give_the_same_text() -> None:
    forms: list[dict[str, int] | str | None] = [None, {}, "{}"]
    for options in forms:
        assert kam.score_json(EXPORT, options).encode("utf-8") == REPORT
    fewer = kam.score_json(EXPORT, {"next_actions": 2})
    assert len(json.loads(fewer)["next_actions"]) == 2


def test_the_text_is_the_report_score_returns() -> None:
    assert json.loads(REPORT) == kam.score(EXPORT)


def test_errors_are_those_of_score() -> None:
    bad = json.loads(EXPORT)
    bad["scores"]["Z9.9"] = 1
    with pytest.raises(kam.AssessmentError) as raised:
        kam.score_json(bad)
    assert raised.value.kind == "unknown-item"
    with pytest.raises(kam.AssessmentError) as expected:
        kam.score(bad)
    assert str(raised.value) == str(expected.value)
    with pytest.raises(kam.InputError) as malformed:
        kam.score_json("{")
    assert malformed.value.kind == "invalid-json"
