"""The engine's written reports, as Markdown, HTML pages or HTML fragments
(to place in another page, their stylesheet scoped to them), from result
dicts (:func:`kam.score` for audits, :func:`kam.score_maturity` for maturity
assessments, :func:`kam.compare` for comparisons)."""

from __future__ import annotations

from ._kam import report_audit_html as audit_html
from ._kam import report_audit_html_fragment as audit_html_fragment
from ._kam import report_audit_markdown as audit_markdown
from ._kam import report_comparison_html as comparison_html
from ._kam import report_comparison_html_fragment as comparison_html_fragment
from ._kam import report_comparison_markdown as comparison_markdown
from ._kam import report_maturity_html as maturity_html
from ._kam import report_maturity_html_fragment as maturity_html_fragment
from ._kam import report_maturity_markdown as maturity_markdown

__all__ = [
    "audit_html",
    "audit_html_fragment",
    "audit_markdown",
    "comparison_html",
    "comparison_html_fragment",
    "comparison_markdown",
    "maturity_html",
    "maturity_html_fragment",
    "maturity_markdown",
]
