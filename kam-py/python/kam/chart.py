"""The engine's charts as SVG text, drawn from result dicts.

Each function takes a dict as returned by :func:`kam.score`,
:func:`kam.score_maturity`, :func:`kam.score_checklist`, :func:`kam.portfolio`
or :func:`kam.compare`
and returns an ``<svg>`` document. In Jupyter, show one with
``IPython.display.SVG(kam.chart.figure4(report))``.
"""

from __future__ import annotations

from ._kam import chart_checklist as checklist
from ._kam import chart_figure3 as figure3
from ._kam import chart_figure4 as figure4
from ._kam import chart_maturity_radar as maturity_radar
from ._kam import chart_portfolio_matrix as portfolio_matrix
from ._kam import chart_progress as progress

__all__ = ["checklist", "figure3", "figure4", "maturity_radar", "portfolio_matrix", "progress"]
