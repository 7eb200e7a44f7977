"""kam: Key Account Management assessment, scored by a Rust engine.

Score a Cranfield KAM development action audit, a KAM maturity assessment or
the litmus tests from plain dicts (or JSON text) and get the report back as
plain dicts with the same field names as the JSON the engine writes::

    import kam

    report = kam.score({
        "framework": "cranfield-kam-development",
        "framework_version": "2006.2",
        "scores": {"A1.1": 3, "A1.2": 2},
    })
    report["overall"]  # {'score': 5, 'max': 387, 'percent': 1.29...}

Whole data sets are scored at once with :func:`score_batch` (a NumPy matrix)
or :func:`score_frame` (a pandas DataFrame). Every rule lives in the Rust
engine (kam-core); this package converts values and raises
:class:`KamError` subclasses whose ``.kind`` and message are the engine's.

For notebooks, :class:`Report` wraps a report dict with an HTML view (score
tables and the engine's SVG charts) and ``to_frame()`` tables (pandas is
optional); :mod:`kam.chart` and :mod:`kam.report` give the charts and the
written reports on their own.

Spreadsheets come and go through the same engine: :func:`xlsx_template` makes
an Excel template an assessor fills in, :func:`read_xlsx` reads filled
workbooks back (bytes, paths or files), :func:`to_xlsx` exports an
assessment with its report, and :func:`read_csv` / :func:`to_csv` read and
write CSV.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Optional

from . import _kam, _tables, chart, report, types
from ._frame import score_frame
from ._kam import (
    AnalysisError,
    AssessmentError,
    BatchError,
    Framework,
    FrameworkError,
    InputError,
    KamError,
    LimitError,
    LitmusError,
    MaturityError,
    OptionsError,
    SpreadsheetError,
    account_plan,
    aggregate,
    compare,
    default_framework,
    describe,
    describe_litmus,
    describe_maturity,
    error_kinds,
    explain,
    framework,
    frameworks,
    item_ids,
    load_framework,
    operations,
    pareto,
    portfolio,
    read_csv,
    read_xlsx,
    rescore,
    schema,
    schema_names,
    score,
    score_batch,
    score_checklist,
    score_columns,
    score_json,
    score_litmus,
    score_maturity,
    shortest_path,
    time_allocation,
    to_csv,
    to_xlsx,
    units,
    xlsx_from_recipe,
    xlsx_template,
)

if TYPE_CHECKING:
    import pandas

    from ._kam import BatchResult as BatchResult

__version__: str = _kam.__version__

__all__ = [
    "AnalysisError",
    "AssessmentError",
    "BatchError",
    "Framework",
    "FrameworkError",
    "InputError",
    "KamError",
    "LimitError",
    "LitmusError",
    "MaturityError",
    "OptionsError",
    "Programme",
    "ProgrammeReport",
    "Report",
    "SpreadsheetError",
    "account_plan",
    "aggregate",
    "chart",
    "compare",
    "default_framework",
    "describe",
    "describe_litmus",
    "describe_maturity",
    "error_kinds",
    "explain",
    "framework",
    "frameworks",
    "item_ids",
    "load_framework",
    "operations",
    "pareto",
    "portfolio",
    "programme_report",
    "read_csv",
    "read_xlsx",
    "report",
    "rescore",
    "schema",
    "schema_names",
    "score",
    "score_batch",
    "score_checklist",
    "score_columns",
    "score_frame",
    "score_json",
    "score_litmus",
    "score_maturity",
    "shortest_path",
    "time_allocation",
    "to_csv",
    "to_frame",
    "to_xlsx",
    "types",
    "units",
    "xlsx_from_recipe",
    "xlsx_template",
]

class Report(Mapping[str, Any]):
    """A result dict with tables and a notebook view.

    Wraps any result: of :func:`score` (an audit report),
    :func:`score_maturity`, :func:`score_litmus`, :func:`compare`,
    :func:`aggregate`, :func:`units`, :func:`pareto`, :func:`portfolio`,
    :func:`account_plan`, :func:`time_allocation`, :func:`shortest_path`,
    :func:`explain`, :func:`rescore` or a JSON :func:`score_batch`. It reads
    like the dict (``report["overall"]``), shows its main table and the
    engine's charts in Jupyter, and gives each of its tables as a DataFrame
    with :meth:`to_frame` (needs pandas): columns in reading order, integers
    as integers (nullable ``Int64`` where a value may be missing).

    The kind of result is recognised from its fields (``kind`` names it
    when it should not be guessed); :attr:`tables` lists its tables.
    """

    def __init__(self, report: Mapping[str, Any], kind: Optional[str] = None) -> None:
        self._report = dict(report)
        if kind is not None and kind not in _tables.KINDS:
            raise ValueError(f"unknown kind of result `{kind}`; kam knows {', '.join(_tables.KINDS)}")
        self.kind: Optional[str] = kind or _tables.kind_of(self._report)
        """The kind of result, named after its schema (``"audit-report"``,
        ``"pareto-report"``, …), or ``None`` for a dict kam does not know."""

    def __getitem__(self, key: str) -> Any:
        return self._report[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._report)

    def __len__(self) -> int:
        return len(self._report)

    def __repr__(self) -> str:
        return f"Report({self._report!r})"

    def to_dict(self) -> dict[str, Any]:
        """The report as a plain dict."""
        return dict(self._report)

    @property
    def tables(self) -> list[str]:
        """The tables :meth:`to_frame` can give, the default first."""
        return list(_tables.names(self._known()))

    def _known(self) -> str:
        if self.kind is None:
            raise ValueError(
                "this dict is not a result kam knows; pass kind= (one of "
                f"{', '.join(_tables.KINDS)})"
            )
        return self.kind

    def rows(self, table: Optional[str] = None) -> list[dict[str, Any]]:
        """One dict per row of a table (see :attr:`tables`), columns in
        order; the result's main table by default."""
        return _tables.rows(self._report, self._known(), table)[1]

    def to_frame(self, table: Optional[str] = None) -> pandas.DataFrame:
        """A table of the result as a pandas DataFrame (see :attr:`tables`):
        the main table by default, e.g. the periods of an audit report, the
        ranking of a Pareto analysis, the areas of a maturity report."""
        return _tables.frame(self._report, self._known(), table)

    def _repr_html_(self) -> str:
        # kam-core's own report where it writes one: a fragment whose
        # stylesheet is scoped to it, so it neither restyles the notebook nor
        # is broken by its styles, in kam-core's words.
        fragment = _FRAGMENTS.get(self.kind or "")
        if fragment is not None:
            return str(fragment(self._report))
        parts = [f"<div class='kam-report'>{_title(self._report)}"]
        shown = self.tables[:1] if self.kind is not None else []
        for table in shown:
            parts.append(_html_table(self.rows(table), table))
        if self.kind in _CHARTS:
            parts.extend(_CHARTS[self.kind](self._report))
        parts.append("</div>")
        return "".join(parts)


def to_frame(result: Mapping[str, Any], table: Optional[str] = None) -> pandas.DataFrame:
    """A table of any result dict as a DataFrame: ``Report(result).to_frame(table)``."""
    return Report(result).to_frame(table)


def _title(report: Mapping[str, Any]) -> str:
    fw = report.get("framework", {})
    name = fw.get("name", fw.get("id", "report")) if isinstance(fw, dict) else "report"
    return f"<h4>{html.escape(str(name))}</h4>"


def _html_table(rows: list[dict[str, Any]], caption: str) -> str:
    if not rows:
        return ""
    keys = [k for k in rows[0] if not isinstance(rows[0][k], (dict, list))]
    head = "".join(f"<th>{html.escape(k)}</th>" for k in keys)
    body = "".join(
        "<tr>"
        + "".join(f"<td>{html.escape(_cell(row.get(k)))}</td>" for k in keys)
        + "</tr>"
        for row in rows
    )
    return (
        f"<table><caption>{html.escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    return "" if value is None else str(value)


_CHARTS: dict[str, Callable[[Mapping[str, Any]], list[str]]] = {
    "audit-report": lambda r: [chart.figure3(r), chart.figure4(r)],
    "maturity-report": lambda r: [chart.maturity_radar(r)],
    "portfolio-report": lambda r: [chart.portfolio_matrix(r)],
    "audit-comparison": lambda r: [chart.progress(r)],
}
"""The engine's charts shown with each kind of result."""

_FRAGMENTS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "audit-report": report.audit_html_fragment,
    "maturity-report": report.maturity_html_fragment,
    "checklist-report": report.checklist_html_fragment,
    "audit-comparison": report.comparison_html_fragment,
}
"""The kinds of result kam-core writes a report for, and its fragment."""

# The programme (issue 14) wraps Report, so it is imported once Report exists.
from .programme import Programme, ProgrammeReport, programme_report  # noqa: E402
