"""The engine's charts, drawn from result dicts.

Each function takes a dict as returned by :func:`kam.score`,
:func:`kam.score_maturity`, :func:`kam.score_checklist`,
:func:`kam.portfolio` or :func:`kam.compare`
and returns a :class:`Chart`: the text of an ``<svg>`` document (a ``str``,
to save or embed) that Jupyter shows as the chart when it is the last value
of a cell, or with ``IPython.display.display(chart)``.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, Union

from . import _kam

__all__ = ["Chart", "checklist", "figure3", "figure4", "maturity_radar", "portfolio_matrix", "progress"]

_Result = Union[Mapping[str, Any], str]


class Chart(str):
    """An SVG chart: the text of an ``<svg>`` document, shown as the chart in
    Jupyter (``_repr_svg_``) and usable anywhere a ``str`` is."""

    __slots__ = ()

    def _repr_svg_(self) -> str:
        return str(self)


def checklist(result: _Result) -> Chart:
    """Completion by section and grouping of a checklist report (from
    :func:`kam.score_checklist`)."""
    return Chart(_kam.chart_checklist(result))


def figure3(result: _Result) -> Chart:
    """Figure 3 of an audit report (from :func:`kam.score`): progress period
    by period against the completion threshold."""
    return Chart(_kam.chart_figure3(result))


def figure4(result: _Result) -> Chart:
    """Figure 4 of an audit report (from :func:`kam.score`): the overall
    score's position on the development path."""
    return Chart(_kam.chart_figure4(result))


def portfolio_matrix(result: _Result) -> Chart:
    """The matrix of a portfolio report (from :func:`kam.portfolio`)."""
    return Chart(_kam.chart_portfolio_matrix(result))


def progress(result: _Result) -> Chart:
    """The progress chart of a comparison (from :func:`kam.compare`)."""
    return Chart(_kam.chart_progress(result))


def maturity_radar(current: _Result, target: Optional[_Result] = None) -> Chart:
    """The radar chart of a maturity report (from :func:`kam.score_maturity`),
    with an optional target report drawn over it."""
    return Chart(_kam.chart_maturity_radar(current, target))
