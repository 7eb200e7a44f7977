"""Errors in the user's terms: a dict that does not fit is invalid input at
a JSON Pointer, text that is not JSON is invalid JSON, a wrong ``framework=``
says what is expected, and every error carries its kind, path and category
(the rest is pinned by the golden vectors, replayed in three languages)."""

from __future__ import annotations

import pytest

import kam

AUDIT: kam.types.AuditAssessment = {
    "framework": "cranfield-kam-development",
    "framework_version": "2006.2",
}


def test_a_dict_that_does_not_fit_is_invalid_input_at_a_pointer() -> None:
    with pytest.raises(kam.InputError) as e:
        kam.score({**AUDIT, "scores": {"A1.1": "3"}})  # type: ignore[arg-type]  # wrong on purpose
    assert e.value.kind == "invalid-input"
    assert e.value.path == "/scores/A1.1"
    assert e.value.category == "input"
    assert str(e.value) == (
        "invalid input at `/scores/A1.1`: expected a score: a whole number on the "
        'framework\'s scale, found `"3"`'
    )
    assert "u8" not in str(e.value)


def test_text_that_is_not_json_is_invalid_json() -> None:
    with pytest.raises(kam.InputError) as e:
        kam.score('{"framework": ')
    assert e.value.kind == "invalid-json"
    assert "line 1 column" in str(e.value)


def test_a_misspelt_item_suggests_the_nearest() -> None:
    with pytest.raises(kam.AssessmentError) as e:
        kam.score({**AUDIT, "scores": {"A1.l": 3}})
    assert str(e.value).endswith("did you mean `A1.1`?")
    assert e.value.path == "/scores/A1.l"


@pytest.mark.parametrize("wrong", [42, ["cranfield-kam-development"], {"id": "x"}])
def test_a_wrong_framework_argument_says_what_is_expected(wrong: object) -> None:
    with pytest.raises(TypeError) as e:
        kam.score(AUDIT, framework=wrong)  # type: ignore[arg-type]
    message = str(e.value)
    assert "framework" in message
    assert "a bundled framework's id (a `str`" in message
    assert "`kam.Framework` from `kam.load_framework`" in message
    assert type(wrong).__name__ in message
    assert "FrameworkArg" not in message and "extract" not in message


def test_an_unknown_framework_id_is_the_callers_fault() -> None:
    with pytest.raises(kam.FrameworkError) as e:
        kam.score({**AUDIT, "framework": "cranfield"})
    assert e.value.kind == "unknown-framework"
    assert e.value.path == "/framework"
    assert e.value.category == "input"
    assert str(e.value).endswith("did you mean `cranfield-kam-development`?")
