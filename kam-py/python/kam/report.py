"""The engine's written reports, as Markdown or HTML text, from result dicts
(:func:`kam.score` for audits, :func:`kam.score_checklist` for checklists,
:func:`kam.compare` for comparisons, :func:`kam.programme_report` for a
programme; ``programme_xlsx`` gives a programme report as workbook bytes). The
HTML functions return :class:`Html`: the text (a ``str``) that Jupyter shows
rendered when it is the last value of a cell."""

from __future__ import annotations

import html
from typing import Any, Mapping, Union

from . import _kam
from ._kam import report_audit_markdown as audit_markdown
from ._kam import report_checklist_markdown as checklist_markdown
from ._kam import report_comparison_markdown as comparison_markdown
from ._kam import report_programme_markdown as programme_markdown
from ._kam import report_programme_summary_markdown as programme_summary_markdown
from ._kam import report_programme_xlsx as programme_xlsx

__all__ = [
    "Html",
    "audit_html",
    "audit_markdown",
    "checklist_html",
    "checklist_markdown",
    "comparison_html",
    "comparison_markdown",
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


def audit_html(result: _Result) -> Html:
    """An audit report (from :func:`kam.score`) written out as HTML."""
    return Html(_kam.report_audit_html(result))


def checklist_html(result: _Result) -> Html:
    """A checklist report (from :func:`kam.score_checklist`) written out as HTML."""
    return Html(_kam.report_checklist_html(result))


def comparison_html(result: _Result) -> Html:
    """A comparison (from :func:`kam.compare`) written out as HTML."""
    return Html(_kam.report_comparison_html(result))


def programme_html(result: _Result) -> Html:
    """A programme report (from :func:`kam.programme_report`) written out as
    a self-contained HTML page."""
    return Html(_kam.report_programme_html(result))


def programme_html_fragment(result: _Result) -> str:
    """A programme report as an HTML fragment, its styles scoped under
    ``.kam-programme-report``: what :class:`kam.ProgrammeReport` shows inline."""
    return _kam.report_programme_html_fragment(result)
