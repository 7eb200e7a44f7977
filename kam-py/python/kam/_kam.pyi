"""Type stubs for ``kam._kam``, the Rust extension module behind ``kam``.

Inputs are JSON-like values (dicts, lists, str, int, float, bool, None) in
the shared JSON format, JSON text as a ``str``, or a file holding JSON text
(a ``pathlib.Path`` or an open file); results are plain dicts
and lists with the field names of the JSON the engine writes
(``docs/schema/`` and :func:`schema` describe each shape).
"""

import os
from typing import IO, Any, Mapping, Sequence, TypedDict, Union, final, overload

from . import types as _types

import numpy as np
import numpy.typing as npt

__version__: str

_JsonInput = Union[Mapping[str, Any], str, "os.PathLike[str]", IO[str], IO[bytes]]
"""A JSON object as a dict, JSON text, or a file holding it: a path
(``pathlib.Path``) or an open file, which is read."""

_File = Union["os.PathLike[str]", IO[str], IO[bytes]]
"""A path to a JSON file, or an open file holding JSON text."""

_FrameworkArg = Union[str, "Framework"]
"""A bundled framework's id, or a framework from :func:`load_framework`."""

class KamError(ValueError):
    """Any error kam raises.

    ``kind`` is the stable, kebab-case kind (e.g. ``"unknown-item"``, see
    :func:`error_kinds`); the message names the field, item or value at
    fault and is the same in Rust, Python and JavaScript.
    """

    kind: str
    """The stable kind, e.g. ``"unknown-item"``."""
    path: str | None
    """Where in the input, as a JSON Pointer (``"/scores/A1.1"``; ``""``
    for the whole input), or ``None`` when the error concerns no one place."""
    category: str
    """Whose fault it is: ``"input"``, or ``"framework-file"`` for a broken
    framework file on this machine."""

class InputError(KamError):
    """The input is not JSON (``invalid-json``), does not fit the expected
    shape (``invalid-input``: a missing or unknown field, a value of the
    wrong type; the message names the path), or a schema name is unknown."""

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

def default_framework(type: str) -> str:
    """The id of the bundled framework used for a framework type
    (``"action-audit"``, ``"maturity-model"``) when none is named.

    Raises :class:`FrameworkError` (``unknown-framework``) for a type
    without a default."""

def load_framework(data: _JsonInput) -> Framework:
    """Parses and validates a framework file given as a dict or JSON text.

    Raises :class:`InputError` for malformed input (with its path) and
    :class:`FrameworkError` for a broken rule, naming the entry."""

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

def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of a public input or output type, by name (see
    :func:`schema_names`)."""

def schema_names() -> list[str]:
    """The names :func:`schema` accepts."""

def operations() -> list[dict[str, Any]]:
    """kam's table of operations, one dict each: ``name`` (the function's
    name here and in Rust), ``js_name`` and ``js_with_name`` (JavaScript),
    ``module``, ``argument``, ``input``, ``options`` and ``output`` (type
    names: :func:`schema` takes them in kebab case) and ``doc``."""

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

# --- generated by kam-py/scripts/gen_types.py from kam's table of operations: do not edit ---

def score(
    assessment: Union[_types.AuditAssessment, str, _File],
    options: Union[_types.ScoreOptions, str, _File, None] = None,
    framework: _FrameworkArg | None = None,
) -> _types.AuditReport:
    """Scores an action-audit assessment: the totals by period, phase and
    stream, the Figure 4 position on the development path, the Figure 3
    progress reading and the next actions."""

def score_maturity(
    assessment: Union[_types.MaturityAssessment, str, _File],
    options: Union[_types.MaturityOptions, str, _File, None] = None,
    framework: _FrameworkArg | None = None,
) -> _types.MaturityReport:
    """Reads a maturity assessment (a stage per programme area): each area's
    descriptor, the weakest link, the mean stage and the milestone to level
    up."""

def score_litmus(
    answers: Union[_types.LitmusAnswers, str, _File],
    framework: _FrameworkArg | None = None,
) -> _types.LitmusReport:
    """Judges litmus-test answers: the yes count and the verdict of each
    response."""

def describe(
    report: Union[_types.AuditReport, str, _File],
) -> _types.AuditWords:
    """An audit report in words, each reading with its label: the overall
    score, the position on the development path, the current period, the
    next milestone and the next action; the sentences every front end shows."""

def describe_maturity(
    report: Union[_types.MaturityReport, str, _File],
) -> _types.MaturityWords:
    """A maturity report in words: the programme's stage (its weakest link),
    the mean stage, the milestone to level up, each area's stage."""

def describe_litmus(
    report: Union[_types.LitmusReport, str, _File],
) -> _types.LitmusWords:
    """A litmus report in words: each response's verdict and the count behind
    it."""

def describe_checklist(
    report: Union[_types.ChecklistReport, str, _File],
) -> _types.ChecklistWords:
    """A checklist report in words, each reading with its label: the overall
    score, the stage reached, the balance, the items left, the rules behind
    the readings and the next actions."""

def pareto(
    input: Union[_types.ParetoInput, str, _File],
) -> _types.ParetoReport:
    """Pareto analysis: customers ranked by a measure (revenue, profit, …) and
    the smallest set that makes up the target share."""

def portfolio(
    input: Union[_types.PortfolioInput, str, _File],
) -> _types.PortfolioReport:
    """Portfolio matrix: each customer's attractiveness and relationship
    indices on weighted criteria, and its quadrant."""

def compare(
    input: Union[_types.ComparisonInput, str, _File],
    options: Union[_types.ScoreOptions, str, _File, None] = None,
    framework: _FrameworkArg | None = None,
) -> _types.AuditComparison:
    """Compares two audits (`before`, `after`) of one framework: the change in
    every period, phase and item."""

def aggregate(
    input: Union[_types.AggregateInput, str, _File],
    options: Union[_types.ScoreOptions, str, _File, None] = None,
    framework: _FrameworkArg | None = None,
) -> _types.Aggregation:
    """Aggregates several assessors' audits of one framework: mean scores and
    the spread of answers per item."""

def units(
    input: Union[_types.UnitsInput, str, _File],
    options: Union[_types.ScoreOptions, str, _File, None] = None,
    framework: _FrameworkArg | None = None,
) -> _types.UnitComparison:
    """Lays several units' audits of one framework side by side: one column per
    unit, one row per period and phase."""

def account_plan(
    input: Union[_types.AccountPlanInput, str, _File],
) -> _types.AccountPlanReport:
    """Key account plan completeness: elements, horizon and review cadence."""

def time_allocation(
    input: Union[_types.TimeAllocationInput, str, _File],
) -> _types.TimeAllocationReport:
    """Key account manager time allocation against a guideline."""

def shortest_path(
    input: Union[_types.PathInput, str, _File],
    options: Union[_types.ScoreOptions, str, _File, None] = None,
    framework: _FrameworkArg | None = None,
) -> _types.PathPlan:
    """Shortest path: the fewest item improvements reaching an audit target, or
    the programme areas to lift for the next maturity stage."""

def explain(
    input: Union[_types.ExplainInput, str, _File],
    options: Union[_types.ScoreOptions, str, _File, None] = None,
    framework: _FrameworkArg | None = None,
) -> _types.Explanation:
    """Explains every derived figure of an input (position, current period,
    stage, litmus verdicts, quadrants) as a trace of terms and a rule in
    plain words."""

def rescore(
    input: Union[_types.RescoreInput, str, _File],
    options: Union[_types.ScoreOptions, str, _File, None] = None,
) -> _types.RescoreReport:
    """Re-scores one saved assessment under two versions of a framework and
    reports what changed."""

def score_checklist(
    assessment: Union[_types.AuditAssessment, str, _File],
    options: Union[_types.ChecklistOptions, str, _File, None] = None,
    framework: _FrameworkArg | None = None,
) -> _types.ChecklistReport:
    """Scores a checklist assessment (the shared assessment format) against the
    bundled checklist it names: completion per section and per group, the
    stage reached and the balance indicator where the checklist has them,
    and the next actions."""

def programme_report(
    programme: Union[_types.Programme, str, _File],
    options: Union[_types.ScoreOptions, str, _File, None] = None,
) -> _types.ProgrammeReport:
    """Reads a whole KAM programme: each unit's audits merged per date across
    its assessors, their agreement (Krippendorff's alpha), trend, pace and
    next milestone; the roll-up through the units and their ranking; the
    programme's next actions and disagreements; and its maturity, litmus,
    customer and account-plan results."""
# --- end of generated operations ---

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
    """An audit report (from :func:`score`) written out as an HTML page."""

def report_audit_html_fragment(result: _JsonInput) -> str:
    """An audit report (from :func:`score`) as an HTML fragment to place in
    another page (a notebook, an app): one ``<div class="kam-report">``
    whose stylesheet is scoped to it, so it restyles nothing around it."""

def report_maturity_markdown(result: _JsonInput) -> str:
    """A maturity report (from :func:`score_maturity`) written out as Markdown."""

def report_maturity_html(result: _JsonInput) -> str:
    """A maturity report (from :func:`score_maturity`) as an HTML page."""

def report_maturity_html_fragment(result: _JsonInput) -> str:
    """A maturity report (from :func:`score_maturity`) as an HTML fragment
    to place in another page, its stylesheet scoped to it."""

def report_comparison_html_fragment(result: _JsonInput) -> str:
    """A comparison (from :func:`compare`) as an HTML fragment to place in
    another page, its stylesheet scoped to it."""

def report_comparison_markdown(result: _JsonInput) -> str:
    """A comparison (from :func:`compare`) written out as Markdown."""

def report_comparison_html(result: _JsonInput) -> str:
    """A comparison (from :func:`compare`) written out as an HTML page."""

def chart_checklist(result: _JsonInput) -> str:
    """A checklist report's completion chart (from :func:`score_checklist`) as SVG."""

def report_checklist_markdown(result: _JsonInput) -> str:
    """A checklist report (from :func:`score_checklist`) written out as Markdown."""

def report_checklist_html(result: _JsonInput) -> str:
    """A checklist report (from :func:`score_checklist`) as an HTML page."""

def report_checklist_html_fragment(result: _JsonInput) -> str:
    """A checklist report (from :func:`score_checklist`) as an HTML fragment
    to place in another page, its stylesheet scoped to it."""

# Spreadsheets (docs/spreadsheets.md).

_Workbook = Union[bytes, bytearray, memoryview, str, "os.PathLike[str]", IO[bytes]]
"""One workbook: its bytes, a path (``str`` or ``pathlib.Path``) or a binary
file object, which is read."""

def xlsx_template(framework: _FrameworkArg) -> bytes:
    """An empty Excel template of ``framework`` (a bundled id or a loaded
    :class:`Framework`) for an assessor to fill in: the bytes of an
    ``.xlsx`` with an Instructions sheet, one row per item with a score
    dropdown and an evidence cell, and live totals as formulas."""

def read_xlsx(
    data: _Workbook | Sequence[_Workbook],
    framework: _FrameworkArg | None = None,
) -> list[_types.SpreadsheetAssessment]:
    """Reads one filled workbook or a list of them into assessments, one dict
    each: ``{"type": "action-audit", "assessment": …, "litmus": …}`` or
    ``{"type": "maturity-model", "assessment": …}``. Raises
    :class:`SpreadsheetError` (or another :class:`KamError`) naming the cell,
    e.g. ``Audit!F17``, and for a list or a path the file too."""

def to_xlsx(
    input: Union[_types.ExportInput, str, _File],
    options: Union[_types.ScoreOptions, str, _File, None] = None,
    framework: _FrameworkArg | None = None,
) -> bytes:
    """Exports as an Excel workbook: ``{"type": "audit", "assessment": …,
    "litmus": …}`` (the assessment with its report, Figure 3 as a chart),
    ``{"type": "maturity", "assessment": …}``, a comparison
    (``{"type": "comparison", "before": …, "after": …}``) or an aggregation
    (``{"type": "aggregation", "audits": […]}``). An audit's export reads
    back with :func:`read_xlsx`."""

def read_csv(
    data: str | bytes | bytearray | "os.PathLike[str]" | IO[bytes] | IO[str],
    framework: _FrameworkArg | None = None,
) -> list[_types.AuditAssessment]:
    """Reads action-audit assessments from CSV in the long layout
    (``assessment,item,score,evidence`` …) or the wide one (one row per
    assessment, one column per item), told apart by the header; UTF-8 with or
    without a byte-order mark, comma or semicolon. A ``str`` is the CSV text
    itself; a ``pathlib.Path`` or a file is read. Errors name the row and
    column."""

def to_csv(
    assessments: Sequence[_types.AuditAssessment] | str,
    options: Union[_types.CsvOptions, str, _File, None] = None,
    framework: _FrameworkArg | None = None,
) -> str:
    """Writes action-audit assessments as CSV text; ``options`` sets
    ``layout`` (``"long"`` or ``"wide"``), ``delimiter`` (``"comma"`` or
    ``"semicolon"``) and ``bom``."""

def xlsx_from_recipe(
    recipe: Union[_types.Recipe, str, _File], framework: _FrameworkArg | None = None
) -> bytes:
    """Builds the workbook a golden-vector recipe describes (a template or an
    export, then edits; ``tests/vectors/README.md``): for tests that replay
    kam's bad-workbook cases."""

# Programme (issue 14).

def _programme_report_json(programme: str, options: str | None = None) -> str:
    """The programme report of a programme's JSON text, as compact JSON text."""

def _programme_report(programme: str, options: str | None = None) -> dict[str, Any]:
    """The programme report of a programme's JSON text, as a dict (what
    ``json.loads`` makes of the report's JSON text)."""

def _programme_assemble(programme: _JsonInput, files: list[tuple[str, bytes]]) -> dict[str, Any]:
    """A programme document with the assessments of `(name, bytes)` files
    (saved JSON assessments and `.xlsx` workbooks) added, and the units they
    name added when missing."""

def _example_programme() -> dict[str, Any]:
    """The bundled example programme (fictional) as a dict."""

def report_programme_html_fragment(result: _JsonInput) -> str:
    """The programme report as an HTML fragment, styles scoped under
    `.kam-programme-report`."""

def report_programme_html(result: _JsonInput) -> str:
    """The programme report as a self-contained HTML page."""

def report_programme_markdown(result: _JsonInput) -> str:
    """The programme report as Markdown."""

def report_programme_summary_markdown(result: _JsonInput) -> str:
    """The programme report's executive summary alone, as Markdown."""

def report_programme_xlsx(report: _JsonInput) -> bytes:
    """The programme report as the bytes of an Excel workbook (Summary, Units
    and Disagreements sheets)."""
