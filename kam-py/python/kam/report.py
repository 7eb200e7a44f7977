"""The engine's written reports, as Markdown or HTML text, from result dicts
(:func:`kam.score` for audits, :func:`kam.score_checklist` for checklists,
:func:`kam.compare` for comparisons)."""

from __future__ import annotations

from ._kam import report_audit_html as audit_html
from ._kam import report_audit_markdown as audit_markdown
from ._kam import report_checklist_html as checklist_html
from ._kam import report_checklist_markdown as checklist_markdown
from ._kam import report_comparison_html as comparison_html
from ._kam import report_comparison_markdown as comparison_markdown

__all__ = [
    "audit_html",
    "audit_markdown",
    "checklist_html",
    "checklist_markdown",
    "comparison_html",
    "comparison_markdown",
]
