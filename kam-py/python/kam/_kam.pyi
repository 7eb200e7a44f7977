"""Type stubs for ``kam._kam``, the Rust extension module behind ``kam``.

Inputs are JSON-like values (dicts, lists, str, int, float, bool, None) in
the shared JSON format, JSON text as a ``str``, or a file holding JSON text
(a ``pathlib.Path`` or an open file); results are plain dicts
and lists with the field names of the JSON the engine writes
(``docs/schema/`` and :func:`schema` describe each shape).
"""

import os
from typing import IO, Any, Mapping, Sequence, TypedDict, Union, final, overload

import numpy as np
import numpy.typing as npt

__version__: str

_JsonInput = Union[Mapping[str, Any], str, "os.PathLike[str]", IO[str], IO[bytes]]
"""A JSON object as a dict, JSON text, or a file holding it: a path
(``pathlib.Path``) or an open file, which is read."""

_FrameworkArg = Union[str, "Framework"]
"""A bundled framework's id, or a framework from :func:`load_framework`."""

class KamError(ValueError):
    """Any error kam raises.

    ``kind`` is the stable, kebab-case kind (e.g. ``"unknown-item"``, see
    :func:`error_kinds`); the message names the field, item or value at
    fault and is the same in Rust, Python and JavaScript.
    """

    kind: str

class InputError(KamError):
    """The input is not JSON of the expected shape (``invalid-json``: the
    message names the path), or a schema name is unknown."""

class LimitError(KamError):
    """The input exceeds a documented size limit: bytes of text, nesting
    depth, length of a string, number of entries, or the size of an
    analysis (customers, audits, units, plan elements)."""

class FrameworkError(KamError):
    """A framework file is invalid, or a framework id is unknown."""

class AssessmentError(KamError):
    """An action-audit assessment does not fit its framework (unknown item,
    score off the scale, version mismatch, …)."""

class MaturityError(KamError):
    """A maturity assessment does not fit its model."""

class LitmusError(KamError):
    """Litmus-test answers do not fit the framework's tests."""

class OptionsError(KamError):
    """A scoring option is out of range."""

class AnalysisError(KamError):
    """An analysis input (customers, criteria, audits) is invalid."""

class BatchError(KamError):
    """A score matrix does not fit its framework: a cell off the scale
    (naming row and column, counted from 0), an unknown or repeated column."""

class SpreadsheetError(KamError):
    """A workbook or CSV file cannot be read (naming the cell, e.g.
    ``Audit!F17``, or the row and column), or breaks a limit."""

@final
class Framework:
    """A framework loaded with :func:`load_framework`: validated and
    immutable. Pass it as ``framework=`` to the scoring functions."""

    @property
    def id(self) -> str:
        """Its stable id."""

    @property
    def version(self) -> str:
        """Its data version."""

    @property
    def type(self) -> str:
        """``"action-audit"`` or ``"maturity-model"``."""

    def summary(self) -> dict[str, str]:
        """The one-line summary: ``id``, ``version``, ``type``, ``name``."""

    def to_dict(self) -> dict[str, Any]:
        """The whole framework as plain dicts and lists, as in its file."""

class BatchResult(TypedDict):
    """What :func:`score_batch` and :func:`score_columns` return: one entry
    per row of the input in every array."""

    period_ids: list[str]
    """The period ids in development-path order: the columns of ``period_scores``."""
    phase_ids: list[str]
    """The phase ids: the columns of ``phase_scores``."""
    period_scores: npt.NDArray[np.uint32]
    """Rows × periods: each period's score."""
    phase_scores: npt.NDArray[np.uint32]
    """Rows × phases: each phase's score."""
    overall: npt.NDArray[np.uint32]
    """Each row's overall score."""
    percent: npt.NDArray[np.float64]
    """Each row's overall percentage of the maximum."""
    position_number: npt.NDArray[np.uint32]
    """Figure 4: the number of the period the overall score lies in (the
    last period's for best practice)."""
    position_fraction: npt.NDArray[np.float64]
    """Figure 4: the share of that period covered, in [0, 1); 1.0 marks best
    practice."""
    current_period: npt.NDArray[np.int32]
    """Figure 3: the position in ``period_ids`` of the earliest incomplete
    period, or -1 when every period is complete."""
    unscored: npt.NDArray[np.uint32]
    """How many of the framework's items are unscored: items without a
    column plus the row's blank cells."""

def frameworks() -> list[dict[str, str]]:
    """The bundled frameworks, one summary dict each (``id``, ``version``,
    ``type``, ``name``)."""

def framework(id: str) -> dict[str, Any]:
    """The bundled framework with this id, in full, as plain dicts and lists.

    Raises :class:`FrameworkError` (``unknown-framework``) listing the
    bundled ids."""

def load_framework(data: _JsonInput) -> Framework:
    """Parses and validates a framework file given as a dict or JSON text.

    Raises :class:`InputError` for malformed input (with its path) and
    :class:`FrameworkError` for a broken rule, naming the entry."""

def score(
    assessment: _JsonInput,
    options: _JsonInput | None = None,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """Scores an action-audit assessment and returns the audit report.

    ``assessment`` names its framework and version and gives ``scores`` by
    item id; ``options`` may set ``strict``, ``completion_threshold`` and
    ``next_actions``. The report holds ``overall``, ``phases`` (with their
    ``periods``), ``streams``, ``position`` (Figure 4), ``progress``
    (Figure 3) and ``next_actions``. ``framework`` scores against a loaded
    framework instead of the bundled one the assessment names."""

def score_json(
    assessment: _JsonInput,
    options: _JsonInput | None = None,
) -> str:
    """Scores an action-audit assessment and returns the report as JSON text.

    The report is the one :func:`score` returns, written as compact JSON
    (no whitespace, fields in the engine's order, non-ASCII characters as
    they are): the canonical text of a report. Rust's ``api::score_json``
    and JavaScript's ``scoreJson`` return the same bytes for the same
    assessment, so reports made in different languages can be compared
    with ``==``. ``assessment`` and ``options`` are dicts or JSON text, as
    for :func:`score`; ``json.loads`` gives back :func:`score`'s dict."""

def score_maturity(
    assessment: _JsonInput,
    options: _JsonInput | None = None,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """Reads a maturity assessment and returns the maturity report.

    Input: ``{"framework": "kam-maturity-model", "framework_version": "1.0",
    "stages": {"process": 2, "technology": 3, ...}}``, a stage 1–5 per
    programme area id (``framework("kam-maturity-model")["areas"]``). The
    report gives each area's stage and next stage, ``weakest_link`` (the
    stage of the whole: its weakest area's) and ``mean_stage``."""

def score_litmus(
    answers: _JsonInput,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """Judges litmus-test answers and returns the litmus report.

    Input: ``{"framework": ..., "framework_version": ..., "responses":
    [{"test": "organisation", "answer_sets": [{"about": "Halden Foods",
    "answers": {"organisation-1": True, ...}}]}]}``: per test, one set of
    yes/no answers per respondent or account (question ids in
    ``framework(id)["litmus_tests"]``). The report gives each test's
    ``verdict`` against its pass mark and the yes share per question."""

def score_checklist(
    assessment: _JsonInput,
    options: _JsonInput | None = None,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """Scores a checklist assessment (the same format as an audit's: scores by
    item id) and returns the checklist report: ``overall``, ``sections`` (each
    with its ``items``), ``groupings``, ``stage`` and ``balance`` (when the
    checklist has those rules), ``next_actions`` and ``conventions``.
    ``options`` may set ``strict`` and ``next_actions``; ``framework`` scores
    against a loaded checklist (a company's own file) instead of the bundled
    one the assessment names."""

def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of a public input or output type, by name (see
    :func:`schema_names`)."""

def schema_names() -> list[str]:
    """The names :func:`schema` accepts."""

def error_kinds() -> list[str]:
    """Every error kind kam can raise, as found in ``KamError.kind``."""

def item_ids(framework: _FrameworkArg | None = None) -> list[str]:
    """The item ids of an action-audit framework in framework order: the
    column order :func:`score_batch` expects. The default framework is
    ``cranfield-kam-development``."""

@overload
def score_batch(
    scores: npt.NDArray[np.uint8],
    framework: _FrameworkArg | None = None,
    *,
    completion_threshold: float | None = None,
) -> BatchResult:
    """Scores many assessments at once.

    ``scores`` is a 2-D uint8 array with one row per assessment and one
    column per item in :func:`item_ids` order. A C- or Fortran-ordered array
    is read in place, without a copy; scoring runs with the GIL released, on
    every core. Per row the results equal :func:`score`'s for the same
    scores; ``current_period`` (Figure 3) is read with
    ``completion_threshold`` (percent of a period's maximum, default 80).
    Raises :class:`BatchError` naming the row and column of the first cell
    off the scale, or (``matrix-shape``) for a matrix whose width is not the
    number of items.

    ``scores`` may instead be a batch as a dict or JSON text
    (``{"columns": [...], "rows": [[...], ...]}``, the ``batch-input``
    schema, as JavaScript's ``scoreBatch`` takes it; ``null`` cells are
    unscored); the result is then the ``batch-report`` dict, with lists
    instead of arrays."""

@overload
def score_batch(
    scores: Mapping[str, Any] | str,
    framework: _FrameworkArg | None = None,
    *,
    completion_threshold: float | None = None,
) -> dict[str, Any]:
    """A batch as a dict or JSON text: see the first form."""

def score_columns(
    columns: Sequence[str],
    scores: npt.NDArray[np.uint8] | npt.NDArray[np.int64] | npt.NDArray[np.float64],
    framework: _FrameworkArg | None = None,
    *,
    completion_threshold: float | None = None,
) -> BatchResult:
    """Like :func:`score_batch` for a matrix whose columns are the named
    items in any order (uint8, int64, or float64 with NaN for unscored and
    whole numbers for scores); items without a column are unscored. Raises
    :class:`BatchError` for an unknown or repeated column, or a cell that is
    not a whole number on the scale."""

def _score_column_arrays(
    columns: Sequence[str],
    arrays: Sequence[npt.NDArray[Any]],
    framework: _FrameworkArg | None = None,
    *,
    completion_threshold: float | None = None,
    labels: Any = None,
) -> BatchResult:
    """The engine behind :func:`kam.score_frame`: a matrix as one 1-D array
    per named column (uint8, int64, float64 with NaN for unscored, or
    objects with ``None`` for unscored). ``labels[i]`` names row ``i`` in an
    error about one of its cells (a DataFrame's index)."""

def pareto(input: _JsonInput) -> dict[str, Any]:
    """Pareto analysis: customers ranked by a measure (revenue, profit, …),
    and those that make up the target share selected.

    Input: ``{"measure": "revenue", "share": 80, "customers": [{"id":
    "acme", "value": 420}, ...]}`` (``share`` in percent, default 80)."""

def portfolio(input: _JsonInput) -> dict[str, Any]:
    """Portfolio matrix: each customer's attractiveness and relationship
    indices on weighted criteria, and its quadrant.

    Input: ``{"attractiveness": [{"id": "size", "weight": 0.6}, ...],
    "relationship": [{"id": "trust", "weight": 0.5}, ...], "customers":
    [{"id": "acme", "scores": {"size": 10, "trust": 9, ...}}]}``; each
    side's weights sum to 1; scores on ``scale`` (default 1–10), split at
    ``thresholds`` (default the scale's middle)."""

def compare(
    input: _JsonInput,
    options: _JsonInput | None = None,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """Compares two audits of one framework: the change in every period,
    phase and item.

    Input: ``{"before": assessment, "after": assessment}``, each as for
    :func:`score`."""

def aggregate(
    input: _JsonInput,
    options: _JsonInput | None = None,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """Aggregates several assessors' audits of one framework: mean scores
    and the spread of answers per item.

    Input: ``{"audits": [assessment, ...], "disagreement": 2}``, each
    assessment as for :func:`score` naming its ``context.assessor``;
    items whose answers spread by ``disagreement`` or more are flagged."""

def units(
    input: _JsonInput,
    options: _JsonInput | None = None,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """Lays several units' audits of one framework side by side: per unit,
    the percentage of each period and phase, the position and the current
    period.

    Input: ``{"audits": [assessment, ...]}``, each as for :func:`score`
    naming its ``context.unit``."""

def account_plan(input: _JsonInput) -> dict[str, Any]:
    """Key account plan completeness: elements, horizon and review cadence.

    Input: ``{"account": "Globex", "as_of": "2026-11-22", "stage": 4,
    "horizon_years": 3, "last_review": "2026-09-01", "elements":
    ["account-profile", "goals", ...]}``; ``template`` may give another
    plan template than the bundled one."""

def time_allocation(input: _JsonInput) -> dict[str, Any]:
    """Key account manager time allocation against a guideline.

    Input: ``{"manager": "Sam", "shares": {"selling": 35,
    "developing-relationships": 22, ...}}``: percent of time per activity
    id; ``guideline`` may give another guideline than the bundled one."""

def shortest_path(
    input: _JsonInput,
    options: _JsonInput | None = None,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """Shortest path: the fewest item improvements reaching an audit target,
    or the programme areas to lift for the next maturity stage.

    Input: ``{"type": "audit", "assessment": assessment, "target": {"type":
    "current-period"}}`` (targets: ``current-period``; ``phase`` with a
    ``phase`` id and a ``percent``; ``overall`` with a ``percent``), or
    ``{"type": "maturity",
    "assessment": maturity_assessment}``."""

def explain(
    input: _JsonInput,
    options: _JsonInput | None = None,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """Explains every derived figure of an input (position, current period,
    stage, litmus verdicts, quadrants) as a trace of terms and a rule in
    plain words.

    Input: ``{"type": "audit" | "maturity" | "litmus" | "portfolio",
    "assessment" | "answers" | "input": ...}``: the input of the matching
    scoring function or analysis, tagged with its type."""

def rescore(input: _JsonInput, options: _JsonInput | None = None) -> dict[str, Any]:
    """Re-scores one saved assessment under two versions of a framework and
    reports what changed.

    Input: ``{"assessment": assessment, "after": framework, "before":
    framework}``: ``before`` defaults to the bundled framework the
    assessment names; ``after`` is a framework file (as a dict)."""

def chart_figure3(result: _JsonInput) -> str:
    """Figure 3 of an audit report (from :func:`score`) as SVG: progress
    period by period against the completion threshold."""

def chart_figure4(result: _JsonInput) -> str:
    """Figure 4 of an audit report (from :func:`score`) as SVG: the overall
    score's position on the development path."""

def chart_portfolio_matrix(result: _JsonInput) -> str:
    """The matrix of a portfolio report (from :func:`portfolio`) as SVG."""

def chart_progress(result: _JsonInput) -> str:
    """The progress chart of a comparison (from :func:`compare`) as SVG."""

def chart_maturity_radar(current: _JsonInput, target: _JsonInput | None = None) -> str:
    """The radar chart of a maturity report (from :func:`score_maturity`) as
    SVG, with an optional target report drawn over it."""

def report_audit_markdown(result: _JsonInput) -> str:
    """An audit report (from :func:`score`) written out as Markdown."""

def report_audit_html(result: _JsonInput) -> str:
    """An audit report (from :func:`score`) written out as an HTML fragment."""

def report_comparison_markdown(result: _JsonInput) -> str:
    """A comparison (from :func:`compare`) written out as Markdown."""

def report_comparison_html(result: _JsonInput) -> str:
    """A comparison (from :func:`compare`) written out as an HTML fragment."""

def chart_checklist(result: _JsonInput) -> str:
    """The completion chart of a checklist report (from :func:`score_checklist`)
    as SVG: completion by section and by group."""

def report_checklist_markdown(result: _JsonInput) -> str:
    """A checklist report (from :func:`score_checklist`) written out as Markdown."""

def report_checklist_html(result: _JsonInput) -> str:
    """A checklist report (from :func:`score_checklist`) written out as an HTML page."""

# Programme (issue 14).

def programme_report(programme: _JsonInput, options: _JsonInput | None = None) -> dict[str, Any]:
    """The programme report of a programme document (a dict, or its JSON text
    read within the programme's own limits) as a dict."""

def _programme_report_json(programme: str, options: str | None = None) -> str:
    """The programme report of a programme's JSON text, as compact JSON text."""

def _programme_assemble(programme: _JsonInput, files: list[tuple[str, bytes]]) -> dict[str, Any]:
    """A programme document with the assessments of `(name, bytes)` files
    (saved JSON assessments and `.xlsx` workbooks) added, and the units they
    name added when missing."""

def _example_programme() -> dict[str, Any]:
    """The bundled example programme (fictional) as a dict."""

def report_programme_html_fragment(report: _JsonInput) -> str:
    """The programme report as an HTML fragment, styles scoped under
    `.kam-programme-report`."""

def report_programme_html(report: _JsonInput) -> str:
    """The programme report as a self-contained HTML page."""

def report_programme_markdown(report: _JsonInput) -> str:
    """The programme report as Markdown."""

def report_programme_summary_markdown(report: _JsonInput) -> str:
    """The programme report's executive summary alone, as Markdown."""

def report_programme_xlsx(report: _JsonInput) -> bytes:
    """The programme report as the bytes of an Excel workbook (Summary, Units
    and Disagreements sheets)."""
