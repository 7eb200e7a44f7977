"""The Python types follow from the committed schemas and the table of
operations, and they catch what they are for: a misspelt key of a result or
of an input, under ``mypy --strict``."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import kam
from conftest import REPO

GENERATOR = REPO / "kam-py" / "scripts" / "gen_types.py"


def test_the_generated_types_are_current() -> None:
    run = subprocess.run(
        [sys.executable, str(GENERATOR), "--check"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert run.returncode == 0, run.stderr


def test_every_schema_has_its_type() -> None:
    assert set(kam.types.SCHEMA_TYPES) == set(kam.schema_names())
    for name, title in kam.types.SCHEMA_TYPES.items():
        assert kam.schema(name)["title"] == title
        assert hasattr(kam.types, title), title


def mypy(tmp_path: Path, code: str) -> tuple[int, str]:
    source = tmp_path / "snippet.py"
    source.write_text(textwrap.dedent(code), encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(REPO / "kam-py" / "pyproject.toml"),
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "cache"),
            str(source),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    return run.returncode, run.stdout + run.stderr


def test_mypy_strict_accepts_correct_use(tmp_path: Path) -> None:
    status, out = mypy(
        tmp_path,
        """
        import kam
        from kam.types import AuditReport

        report: AuditReport = kam.score(
            {"framework": "cranfield-kam-development", "framework_version": "2006.2",
             "scores": {"A1.1": 3}},
            {"completion_threshold": 60},
        )
        percent: float = report["overall"]["percent"]
        if report["position"]["type"] == "period":
            fraction: float = report["position"]["fraction"]
        words = kam.describe(report)
        sentence: str = words["position"]["text"]
        """,
    )
    assert status == 0, out


def test_mypy_strict_catches_misspelt_keys(tmp_path: Path) -> None:
    status, out = mypy(
        tmp_path,
        """
        import kam

        report = kam.score(
            {"framework": "cranfield-kam-development", "framework_version": "2006.2"}
        )
        print(report["overal"])
        kam.score({"framework": "cranfield-kam-development", "framework_verison": "2006.2"})
        kam.score_maturity({"framework": "kam-maturity-model", "framework_version": "1.0"},
                           {"strict_stages": True})
        """,
    )
    assert status == 1, out
    assert 'snippet.py:7: error: TypedDict "AuditReport" has no key "overal"' in out, out
    # A dict literal with a misspelt key is not the input's TypedDict: mypy
    # refuses it (inferring a plain dict for it, as the argument may also be
    # JSON text), where the correctly spelt one above passes.
    assert 'snippet.py:8: error: Argument 1 to "score"' in out, out
    assert 'expected "AuditAssessment | str' in out, out
    assert 'snippet.py:10: error: Argument 2 to "score_maturity"' in out, out
    assert out.count("error:") == 3, out
