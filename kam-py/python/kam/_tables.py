"""Tidy tables from result dicts: the one place that says which tables each
kind of result has, their columns in reading order, and which integer
columns may be missing (nullable ``Int64``). A new operation adds its
result kind to :data:`KINDS`; :class:`kam.Report` and :func:`kam.to_frame`
then serve it.

A result's kind is recognised from its keys against the engine's own JSON
Schemas (the required fields of each result schema), so no key list is kept
here by hand."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Optional, Sequence

from . import _kam

if TYPE_CHECKING:
    import pandas

Row = dict[str, Any]


@dataclass(frozen=True)
class Table:
    """One table of a result: where its rows are and which columns it has."""

    rows: Callable[[Mapping[str, Any]], list[Row]]
    """The table's rows, each a dict, from the result."""
    columns: Sequence[str] = ()
    """The leading columns in order; any other keys follow in their own order.
    Nested dicts and lists are left out unless named here."""
    nullable: Sequence[str] = ()
    """Integer columns that may be missing: pandas' nullable ``Int64``."""


@dataclass(frozen=True)
class Kind:
    """A kind of result: its schema (how it is recognised) and its tables,
    the first of which is the default."""

    schema: str
    tables: dict[str, Table] = field(default_factory=dict)


def each(key: str) -> Callable[[Mapping[str, Any]], list[Row]]:
    """The rows of a list in the result, e.g. ``ranking``."""
    return lambda r: [dict(row) for row in r[key]]


def flat(row: Mapping[str, Any], **nested: str) -> Row:
    """A row with nested dicts spread out: ``flat(row, before="before_")``
    turns ``{"before": {"score": 3}}`` into ``{"before_score": 3}``."""
    out: Row = {}
    for key, value in row.items():
        if key in nested and isinstance(value, Mapping):
            out.update({nested[key] + k: v for k, v in value.items()})
        else:
            out[key] = value
    return out


def _periods(r: Mapping[str, Any]) -> list[Row]:
    return [{"phase": ph["id"], **p} for ph in r["phases"] for p in ph["periods"]]


def _streams(r: Mapping[str, Any]) -> list[Row]:
    return [{k: v for k, v in s.items() if k != "contributory"} for s in r["streams"]]


def _contributory(r: Mapping[str, Any]) -> list[Row]:
    return [{"stream": s["id"], **c} for s in r["streams"] for c in s["contributory"]]


def _progress(key: str) -> Callable[[Mapping[str, Any]], list[Row]]:
    return lambda r: [dict(row) for row in r["progress"][key]]


def _changes(key: str) -> Callable[[Mapping[str, Any]], list[Row]]:
    return lambda r: [flat(c, before="before_", after="after_") for c in r[key]]


def _areas(r: Mapping[str, Any]) -> list[Row]:
    return [flat(a, stage="stage_", next="next_") for a in r["areas"]]


def _checklist_groups(r: Mapping[str, Any]) -> list[Row]:
    return [{"grouping": g["id"], **group} for g in r["groupings"] for group in g["groups"]]


def _litmus_questions(r: Mapping[str, Any]) -> list[Row]:
    return [{"test": t["test"], **q} for t in r["results"] for q in t["per_question"]]


def _spread(r: Mapping[str, Any]) -> list[Row]:
    """One row per item, one column per assessor's score."""
    assessors = r["assessors"]
    return [
        {**{k: v for k, v in item.items() if k != "scores"}, **dict(zip(assessors, item["scores"]))}
        for item in r["items"]
    ]


def _units(r: Mapping[str, Any]) -> list[Row]:
    """One row per unit: its percentages by phase and by period as columns."""
    phases = [p["id"] for p in r["phases"]]
    periods = [p["id"] for p in r["periods"]]
    return [
        {
            "unit": u["unit"],
            "overall": u["overall"],
            "position": u["position"],
            "current_period": u["current_period"],
            **dict(zip(phases, u["phases"])),
            **dict(zip(periods, u["periods"])),
        }
        for u in r["units"]
    ]


def _batch(r: Mapping[str, Any]) -> list[Row]:
    """One row per batch row, as :func:`kam.score_frame` lays it out."""
    singles = ("overall", "percent", "position_number", "position_fraction", "current_period", "unscored")
    rows = []
    for i in range(len(r["overall"])):
        row: Row = {name: r[name][i] for name in singles}
        row.update(zip(r["phase_ids"], r["phase_scores"][i]))
        row.update(zip(r["period_ids"], r["period_scores"][i]))
        rows.append(row)
    return rows


def _path_steps(r: Mapping[str, Any]) -> list[Row]:
    return [dict(s) for s in r.get("steps", r.get("lifts", []))]


def _traces(r: Mapping[str, Any]) -> list[Row]:
    return [
        {**{k: v for k, v in t.items() if k != "terms"}, "terms": len(t["terms"])}
        for t in r["traces"]
    ]


def _rounds(r: Mapping[str, Any]) -> list[Row]:
    """Every unit's merged rounds, oldest first: the trend of each unit."""
    out: list[Row] = []
    for u in r["units"]:
        for rd in u["rounds"]:
            position = rd["position"]
            out.append({
                "unit": u["id"], "name": u["name"], "date": rd["date"],
                "assessors": len(rd["assessors"]),
                **{f"overall_{k}": v for k, v in rd["overall"].items()},
                "phase": position.get("phase"), "period": position.get("period"),
                "current_period": rd["current_period"],
                "alpha": rd["agreement"]["alpha"], "agreement": rd["agreement"]["reading"],
                "disputed": len(rd["agreement"]["disputed"]),
            })
    return out


def _trends(r: Mapping[str, Any]) -> list[Row]:
    """Each audited unit's trend over its rounds, with its pace and the next
    milestone (kam's reading)."""
    out: list[Row] = []
    for u in r["units"]:
        t = u.get("trend")
        if t is None:
            continue
        pace = t.get("pace") or {}
        milestone = t.get("milestone") or {}
        out.append({
            "unit": u["id"], "name": u["name"], "rounds": t["rounds"], "first": t["first"],
            "last": t["last"], "years": t["years"], "points_per_year": t["points_per_year"],
            "percent_per_year": t["percent_per_year"], "pace": pace.get("verdict"),
            "pace_ratio": pace.get("ratio"), "milestone": milestone.get("name"),
            "milestone_projected": milestone.get("projected"),
        })
    return out


def _disagreements(r: Mapping[str, Any]) -> list[Row]:
    """The items assessors dispute in units' latest rounds, one row per item
    and unit."""
    return [
        {"item": d["id"], "text": d["text"], "unit": unit}
        for d in r["agreement"]["disputed"] for unit in d["units"]
    ]


def _checklists(r: Mapping[str, Any]) -> list[Row]:
    """Each unit's latest merged assessment of each checklist."""
    out: list[Row] = []
    for u in r["units"]:
        for c in u["checklists"]:
            report = c["report"]
            stage = report.get("stage") or {}
            out.append({
                "unit": u["id"], "checklist": report["framework"]["id"], "date": c["date"],
                "assessors": len(c["assessors"]),
                **{f"overall_{k}": v for k, v in report["overall"].items()},
                "stage_reached": (stage.get("reached") or {}).get("id"),
                "disputed": len(c["disputed"]),
            })
    return out


ITEM = ("id", "period", "stream", "text", "score")
TOTAL = ("score", "max", "percent")
CHANGE = ("id", "name", "before_score", "after_score", "change", "before_max", "after_max",
          "before_percent", "after_percent", "percent_change")

KINDS: dict[str, Kind] = {
    "audit-report": Kind("audit-report", {
        "periods": Table(_periods, ("phase", "id", "number", "name", *TOTAL, "complete", "unscored")),
        "phases": Table(each("phases"), ("id", "name", *TOTAL, "milestone")),
        "streams": Table(_streams, ("id", "name", *TOTAL)),
        "contributory": Table(_contributory, ("stream", "id", "name", *TOTAL)),
        "next_actions": Table(each("next_actions"), ITEM, nullable=("score",)),
        "missing": Table(_progress("missing"), ITEM, nullable=("score",)),
        "lagging": Table(_progress("lagging"), ITEM, nullable=("score",)),
        "ahead": Table(_progress("ahead"), ITEM, nullable=("score",)),
    }),
    "maturity-report": Kind("maturity-report", {
        "areas": Table(_areas, ("id", "name", "stage_stage", "stage_name", "stage_milestone",
                                "descriptor", "next_stage", "next_name", "next_descriptor"),
                       nullable=("next_stage",)),
    }),
    "checklist-report": Kind("checklist-report", {
        "sections": Table(each("sections"), ("id", "number", "name", *TOTAL, "unscored")),
        "groupings": Table(_checklist_groups, ("grouping", "id", "name", "items", *TOTAL)),
        "next_actions": Table(each("next_actions"), ("id", "section", "text", "score"),
                              nullable=("score",)),
    }),
    "litmus-report": Kind("litmus-report", {
        "results": Table(each("results"), ("test", "name", "verdict", "yes", "pass_mark",
                                           "questions", "answer_sets", "respondent")),
        "questions": Table(_litmus_questions, ("test", "id", "text", "yes_share")),
    }),
    "audit-comparison": Kind("audit-comparison", {
        "periods": Table(_changes("periods"), CHANGE),
        "phases": Table(_changes("phases"), CHANGE),
        "items": Table(each("items"), ("id", "period", "text", "before", "after", "change",
                                       "not_applicable_before", "not_applicable_after"),
                       nullable=("before", "after")),
        "overall": Table(lambda r: [flat(r["overall"], before="before_", after="after_")], CHANGE),
    }),
    "aggregation": Kind("aggregation", {
        "items": Table(_spread, ("id", "score", "mean", "median", "min", "max", "spread",
                                 "disagreement")),
        "periods": Table(lambda r: _periods(r["report"]),
                         ("phase", "id", "number", "name", *TOTAL, "complete", "unscored")),
    }),
    "unit-comparison": Kind("unit-comparison", {
        "units": Table(_units, ("unit", "overall", "position", "current_period")),
    }),
    "pareto-report": Kind("pareto-report", {
        "ranking": Table(each("ranking"), ("rank", "id", "value", "share", "cumulative", "selected")),
    }),
    "portfolio-report": Kind("portfolio-report", {
        "customers": Table(each("customers"), ("id", "quadrant", "attractiveness", "relationship")),
        "quadrants": Table(each("quadrants"), ("quadrant", "count", "customers")),
    }),
    "account-plan-report": Kind("account-plan-report", {
        "elements": Table(each("elements"), ("id", "name", "present")),
    }),
    "time-allocation-report": Kind("time-allocation-report", {
        "activities": Table(each("activities"), ("id", "name", "share", "min", "max", "deviation",
                                                 "flagged", "reported")),
    }),
    "path-plan": Kind("path-plan", {
        "steps": Table(_path_steps, ("item", "id", "period", "name", "text", "from", "to", "points",
                                     "descriptor"), nullable=("from",)),
    }),
    "explanation": Kind("explanation", {
        "traces": Table(_traces, ("figure", "subject", "value", "rule", "terms")),
    }),
    "rescore-report": Kind("rescore-report", {
        "maxima": Table(each("maxima"), ("what", "id", "before", "after")),
        "moved": Table(each("moved"), ("id", "period_before", "period_after", "stream_before",
                                       "stream_after")),
        "reweighted": Table(each("reweighted"), ("id", "before", "after")),
    }),
    "programme-report": Kind("programme-report", {
        "positions": Table(lambda r: [flat(p, overall="overall_") for p in r["positions"]],
                           ("rank", "unit", "name", "date", "overall_score", "overall_max",
                            "overall_percent", "current_period", "change", "alpha", "pace")),
        "rounds": Table(_rounds, ("unit", "name", "date", "assessors", "overall_score",
                                  "overall_max", "overall_percent", "phase", "period",
                                  "current_period", "alpha", "agreement", "disputed")),
        "trends": Table(_trends, ("unit", "name", "rounds", "first", "last", "years",
                                  "points_per_year", "percent_per_year", "pace", "pace_ratio",
                                  "milestone", "milestone_projected")),
        "disagreements": Table(_disagreements, ("item", "text", "unit")),
        "next_actions": Table(lambda r: [{**a, "units": len(a["units"])} for a in r["next_actions"]],
                              ("id", "period", "stream", "text", "units", "mean_score")),
        "checklists": Table(_checklists, ("unit", "checklist", "date", "assessors",
                                          "overall_score", "overall_max", "overall_percent",
                                          "stage_reached", "disputed")),
    }),
    "batch-report": Kind("batch-report", {
        "rows": Table(_batch, ()),
    }),
}


@lru_cache(maxsize=None)
def _required(schema: str) -> tuple[frozenset[str], ...]:
    """The required fields of a result schema, one set per variant."""
    document = _kam.schema(schema)
    variants = document.get("oneOf") or document.get("anyOf") or [document]
    return tuple(frozenset(v.get("required", ())) for v in variants)


def kind_of(result: Mapping[str, Any]) -> Optional[str]:
    """The kind of a result dict: the result schema whose required fields it
    has, the most specific when several fit; ``None`` if none does."""
    keys = set(result)
    best: Optional[str] = None
    best_size = 0
    for name, kind in KINDS.items():
        for required in _required(kind.schema):
            if required and required <= keys and len(required) > best_size:
                best, best_size = name, len(required)
    return best


def rows(result: Mapping[str, Any], kind: str, table: Optional[str] = None) -> tuple[str, list[Row]]:
    """The name and rows of one table of a result of `kind`, columns in
    order; the first table of the kind by default."""
    tables = KINDS[kind].tables
    name = table if table is not None else next(iter(tables))
    if name not in tables:
        raise KeyError(
            f"no table `{name}` in a {kind}; its tables are {', '.join(f'`{t}`' for t in tables)}"
        )
    spec = tables[name]
    return name, [ordered(row, spec.columns) for row in spec.rows(result)]


def ordered(row: Row, columns: Sequence[str]) -> Row:
    """The row's named columns first, in order, then its other plain values."""
    out = {c: row[c] for c in columns if c in row}
    out.update(
        (k, v) for k, v in row.items() if k not in out and not isinstance(v, (Mapping, list))
    )
    return out


def frame(result: Mapping[str, Any], kind: str, table: Optional[str] = None) -> pandas.DataFrame:
    """One table of a result as a DataFrame: integer columns stay integers,
    nullable ``Int64`` where a value may be missing."""
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError('to_frame() needs pandas: pip install "kam[pandas]"') from e
    name, table_rows = rows(result, kind, table)
    spec = KINDS[kind].tables[name]
    columns = list(table_rows[0]) if table_rows else [c for c in spec.columns]
    df = pd.DataFrame(table_rows, columns=columns)
    for column in spec.nullable:
        if column in df:
            df[column] = df[column].astype("Int64")
    return df


def names(kind: str) -> Iterator[str]:
    """The tables of a kind, the default first."""
    return iter(KINDS[kind].tables)
