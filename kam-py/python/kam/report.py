"""The engine's written reports, as Markdown, HTML pages or HTML fragments,
from result dicts (:func:`kam.score` for audits, :func:`kam.score_maturity`
for maturity assessments, :func:`kam.score_checklist` for checklists,
:func:`kam.compare` for comparisons, :func:`kam.programme_report` for a
programme; :func:`programme_xlsx` gives a programme report as workbook bytes).

The ``*_html`` functions return :class:`Html`, a whole page (a ``str``) that
Jupyter shows rendered in a frame of its own when it is the last value of a
cell. The ``*_html_fragment`` functions return :class:`Fragment`: one
``<div class="kam-report">`` whose stylesheet is scoped to it, to place in a
page of your own; Jupyter shows it inline, and it restyles nothing around it
(this is what :class:`kam.Report` shows)."""

from __future__ import annotations

import html
from typing import Any, Mapping, Union

from . import _kam
from ._kam import report_audit_markdown as audit_markdown
from ._kam import report_checklist_markdown as checklist_markdown
from ._kam import report_comparison_markdown as comparison_markdown
from ._kam import report_maturity_markdown as maturity_markdown
from ._kam import report_programme_markdown as programme_markdown
from ._kam import report_programme_summary_markdown as programme_summary_markdown
from ._kam import report_programme_xlsx as programme_xlsx

__all__ = [
    "Fragment",
    "Html",
    "audit_html",
    "audit_html_fragment",
    "audit_markdown",
    "checklist_html",
    "checklist_html_fragment",
    "checklist_markdown",
    "comparison_html",
    "comparison_html_fragment",
    "comparison_markdown",
    "maturity_html",
    "maturity_html_fragment",
    "maturity_markdown",
    "programme_html",
    "programme_html_fragment",
    "programme_markdown",
    "programme_summary_markdown",
    "programme_xlsx",
]

_Result = Union[Mapping[str, Any], str]


class Html(str):
    """An HTML page: shown rendered in Jupyter (``_repr_html_``) and usable
    anywhere a ``str`` is (``open(path, "w").write(page)``)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        # A page carries its own stylesheet; in a frame of its own it styles
        # only itself, never the notebook around it.
        return (
            f'<iframe title="kam report" srcdoc="{html.escape(self, quote=True)}" '
            'style="width: 100%; height: 36em; border: 1px solid #d0d7de"></iframe>'
        )


class Fragment(str):
    """An HTML fragment: one ``<div class="kam-report">`` with its own
    stylesheet, every rule scoped to that root. Shown inline in Jupyter."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)


def audit_html(result: _Result) -> Html:
    """An audit report (from :func:`kam.score`) written out as an HTML page."""
    return Html(_kam.report_audit_html(result))


def audit_html_fragment(result: _Result) -> Fragment:
    """An audit report (from :func:`kam.score`) as an HTML fragment."""
    return Fragment(_kam.report_audit_html_fragment(result))


def checklist_html(result: _Result) -> Html:
    """A checklist report (from :func:`kam.score_checklist`) written out as an HTML page."""
    return Html(_kam.report_checklist_html(result))


def checklist_html_fragment(result: _Result) -> Fragment:
    """A checklist report (from :func:`kam.score_checklist`) as an HTML fragment."""
    return Fragment(_kam.report_checklist_html_fragment(result))


def comparison_html(result: _Result) -> Html:
    """A comparison (from :func:`kam.compare`) written out as an HTML page."""
    return Html(_kam.report_comparison_html(result))


def comparison_html_fragment(result: _Result) -> Fragment:
    """A comparison (from :func:`kam.compare`) as an HTML fragment."""
    return Fragment(_kam.report_comparison_html_fragment(result))


def maturity_html(result: _Result) -> Html:
    """A maturity report (from :func:`kam.score_maturity`) written out as an HTML page."""
    return Html(_kam.report_maturity_html(result))


def maturity_html_fragment(result: _Result) -> Fragment:
    """A maturity report (from :func:`kam.score_maturity`) as an HTML fragment."""
    return Fragment(_kam.report_maturity_html_fragment(result))


def programme_html(result: _Result) -> Html:
    """A programme report (from :func:`kam.programme_report`) written out as
    a self-contained HTML page."""
    return Html(_kam.report_programme_html(result))


def programme_html_fragment(result: _Result) -> Fragment:
    """A programme report as an HTML fragment, its styles scoped under
    ``.kam-programme-report``: what :class:`kam.ProgrammeReport` shows inline."""
    return Fragment(_kam.report_programme_html_fragment(result))
