"""Shared paths for the kam-py test suite."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO / "tests" / "vectors"
DOCS = REPO / "docs"
