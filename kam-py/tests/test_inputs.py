"""JSON input given as a file: a path or an open file is read; a file name
given as text is named in the error, not parsed as broken JSON."""

from __future__ import annotations

import io
import json
from typing import Any
from pathlib import Path

import pytest

import kam

AUDIT: Any = {
    "framework": "cranfield-kam-development",
    "framework_version": "2006.2",
    "scores": {"A1.1": 3, "A1.2": 2},
}


def test_a_path_or_an_open_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "audit.json"
    path.write_text(json.dumps(AUDIT), encoding="utf-8")
    want = kam.score(AUDIT)
    assert kam.score(path) == want
    with path.open(encoding="utf-8") as text:
        assert kam.score(text) == want
    with path.open("rb") as binary:
        assert kam.score(binary) == want
    assert kam.score(io.StringIO(json.dumps(AUDIT))) == want
    assert kam.score_json(path) == kam.score_json(AUDIT)
    framework = tmp_path / "framework.json"
    framework.write_text(json.dumps(kam.framework("cranfield-kam-development")), encoding="utf-8")
    assert kam.load_framework(framework).id == "cranfield-kam-development"


def test_a_file_name_as_text_is_named() -> None:
    with pytest.raises(kam.InputError) as e:
        kam.score("audits/uk.json")
    assert e.value.kind == "invalid-json"
    assert str(e.value) == (
        "invalid JSON at the top level: expected JSON text, not a file name: `audits/uk.json` "
        "(read the file and pass what it holds)"
    )


def test_file_problems_are_python_s_and_the_engine_s(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        kam.score(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'{"framework": "cranfield-kam-development", "scores": {"A1.1": 3,}}')
    with pytest.raises(kam.InputError, match="trailing comma"):
        kam.score(broken)
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (9 * 1024 * 1024))
    with pytest.raises(kam.LimitError) as e:
        kam.score(huge)
    assert e.value.kind == "input-too-large"
