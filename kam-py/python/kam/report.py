"""The engine's written reports, as Markdown or HTML text, from result dicts
(:func:`kam.score` for audits, :func:`kam.compare` for comparisons)."""

from __future__ import annotations

from ._kam import report_audit_html as audit_html
from ._kam import report_audit_markdown as audit_markdown
from ._kam import report_comparison_html as comparison_html
from ._kam import report_comparison_markdown as comparison_markdown

__all__ = ["audit_html", "audit_markdown", "comparison_html", "comparison_markdown"]
