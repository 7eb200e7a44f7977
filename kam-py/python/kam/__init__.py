"""kam: Key Account Management assessment, scored by a Rust engine.

Score a Cranfield KAM development action audit, a KAM maturity assessment or
the litmus tests from plain dicts (or JSON text) and get the report back as
plain dicts with the same field names as the JSON the engine writes::

    import kam

    report = kam.score({
        "framework": "cranfield-kam-development",
        "framework_version": "2006.1",
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
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Union

from . import _kam, chart, report
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
    error_kinds,
    explain,
    framework,
    frameworks,
    item_ids,
    load_framework,
    pareto,
    portfolio,
    rescore,
    schema,
    schema_names,
    score,
    score_batch,
    score_columns,
    score_json,
    score_litmus,
    score_maturity,
    shortest_path,
    time_allocation,
    units,
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
    "Report",
    "SpreadsheetError",
    "account_plan",
    "aggregate",
    "chart",
    "compare",
    "error_kinds",
    "explain",
    "framework",
    "frameworks",
    "item_ids",
    "load_framework",
    "pareto",
    "portfolio",
    "report",
    "rescore",
    "schema",
    "schema_names",
    "score",
    "score_batch",
    "score_columns",
    "score_frame",
    "score_json",
    "score_litmus",
    "score_maturity",
    "shortest_path",
    "time_allocation",
    "units",
]

_BATCH_ARRAYS = ("overall", "percent", "position_number", "position_fraction")


def score_frame(
    frame: pandas.DataFrame,
    framework: Union[str, Framework, None] = None,
) -> pandas.DataFrame:
    """Score every row of a DataFrame of item scores.

    The columns are item ids (``"A1.1"``, …) in any order; items without a
    column are unscored. Values must be integers on the framework's scale
    (0–3 for the Cranfield audit); write an unscored cell as 0, which adds the
    same 0 points.

    Returns a DataFrame with the same index: one column per period score
    (``"A1"`` … ``"D3"``), one per phase score (``"A"`` … ``"D"``), then
    ``overall``, ``percent``, ``position_number`` and ``position_fraction``
    (the Figure 4 position; fraction 1.0 marks best practice). Should a
    framework give a period and a phase the same id, the score columns are
    named ``"period:<id>"`` and ``"phase:<id>"`` instead.

    Works unchanged as a Dask ``map_partitions`` function.
    """
    import numpy as np
    import pandas as pd

    values = frame.to_numpy()
    if values.dtype != np.uint8 and values.dtype.kind in "iub":
        values = values.astype(np.int64)
    result = score_columns([str(c) for c in frame.columns], values, framework)
    periods, phases = list(result["period_ids"]), list(result["phase_ids"])
    names = [*periods, *phases, *_BATCH_ARRAYS]
    if len(set(names)) < len(names):
        # A custom framework may reuse an id across periods and phases.
        periods = [f"period:{p}" for p in periods]
        phases = [f"phase:{p}" for p in phases]
    columns: dict[str, Any] = {}
    for i, period in enumerate(periods):
        columns[period] = result["period_scores"][:, i]
    for i, phase in enumerate(phases):
        columns[phase] = result["phase_scores"][:, i]
    for name in _BATCH_ARRAYS:
        columns[name] = result[name]  # type: ignore[literal-required]
    return pd.DataFrame(columns, index=frame.index)


class Report(Mapping[str, Any]):
    """A report dict with a notebook view.

    Wraps the dict returned by :func:`score` (or :func:`score_maturity`): it
    reads like the dict (``report["overall"]``), shows score tables and the
    engine's SVG charts in Jupyter, and gives tables as DataFrames with
    :meth:`to_frame` when pandas is installed.
    """

    def __init__(self, report: Mapping[str, Any]) -> None:
        self._report = dict(report)

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

    def rows(self, table: str = "periods") -> list[dict[str, Any]]:
        """One dict per row of a table: ``periods``, ``phases``, ``streams``,
        ``next_actions`` or (maturity reports) ``areas``."""
        r = self._report
        if table == "periods":
            return [{"phase": ph["id"], **p} for ph in r["phases"] for p in ph["periods"]]
        if table == "phases":
            return [{k: v for k, v in ph.items() if k != "periods"} for ph in r["phases"]]
        if table == "streams":
            return [{k: v for k, v in s.items() if k != "contributory"} for s in r["streams"]]
        if table in r and isinstance(r[table], list):
            return [dict(row) for row in r[table]]
        raise KeyError(f"no table `{table}` in this report")

    def to_frame(self, table: str = "periods") -> pandas.DataFrame:
        """A table of the report as a pandas DataFrame (needs pandas)."""
        try:
            import pandas as pd
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError("Report.to_frame() needs pandas: pip install pandas") from e
        return pd.DataFrame(self.rows(table))

    def _repr_html_(self) -> str:
        parts = [f"<div class='kam-report'>{_title(self._report)}"]
        for table in ("phases", "periods"):
            if "phases" in self._report:
                parts.append(_html_table(self.rows(table), table))
        if "areas" in self._report:
            parts.append(_html_table(self.rows("areas"), "areas"))
        parts.extend(_charts(self._report))
        parts.append("</div>")
        return "".join(parts)


def _title(report: Mapping[str, Any]) -> str:
    fw = report.get("framework", {})
    overall = report.get("overall")
    head = html.escape(str(fw.get("name", fw.get("id", "report"))))
    if isinstance(overall, dict):
        head += html.escape(
            f" — {overall['score']} of {overall['max']} ({overall['percent']:.1f}%)"
        )
    return f"<h4>{head}</h4>"


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


def _charts(report: Mapping[str, Any]) -> list[str]:
    """The engine's SVG charts for this report: Figures 3 and 4 for an
    audit, the radar for a maturity assessment."""
    if "phases" in report and "position" in report:
        return [chart.figure3(report), chart.figure4(report)]
    if "areas" in report and "weakest_link" in report:
        return [chart.maturity_radar(report)]
    return []
