"""Type stubs for ``kam._kam``, the Rust extension module behind ``kam``.

Inputs are JSON-like values (dicts, lists, str, int, float, bool, None) in
the shared JSON format, or JSON text as a ``str``; results are plain dicts
and lists with the field names of the JSON the engine writes
(``docs/schema/`` and :func:`schema` describe each shape).
"""

from typing import Any, Mapping, Sequence, TypedDict, Union, final, overload

import numpy as np
import numpy.typing as npt

__version__: str

_JsonInput = Union[Mapping[str, Any], str]
"""A JSON object as a dict, or JSON text."""

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
    """Reads a maturity assessment (a stage per programme area) and returns
    the maturity report."""

def score_litmus(
    answers: _JsonInput,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """Judges litmus-test answers and returns the litmus report."""

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
) -> BatchResult:
    """Scores many assessments at once.

    ``scores`` is a 2-D uint8 array with one row per assessment and one
    column per item in :func:`item_ids` order. A C-contiguous array is read
    in place, without a copy; scoring runs with the GIL released, on every
    core. Per row the results equal :func:`score`'s for the same scores.
    Raises :class:`BatchError` naming the row and column of the first cell
    off the scale, or (``matrix-shape``) for a matrix whose width is not the
    number of items.

    ``scores`` may instead be a batch as a dict or JSON text
    (``{"columns": [...], "rows": [[...], ...]}``, the ``batch-input``
    schema, as JavaScript's ``scoreBatch`` takes it); the result is then
    the ``batch-report`` dict, with lists instead of arrays."""

@overload
def score_batch(
    scores: Mapping[str, Any] | str,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """A batch as a dict or JSON text: see the first form."""

def score_columns(
    columns: Sequence[str],
    scores: npt.NDArray[np.uint8] | npt.NDArray[np.int64],
    framework: _FrameworkArg | None = None,
) -> BatchResult:
    """Like :func:`score_batch` for a matrix whose columns are the named
    items in any order (uint8 or int64 cells); items without a column are
    unscored. Raises :class:`BatchError` for an unknown or repeated column."""

def pareto(input: _JsonInput) -> dict[str, Any]:
    """Pareto analysis: customers ranked by a measure (revenue, profit, …),
    and those that make up the target share selected."""

def portfolio(input: _JsonInput) -> dict[str, Any]:
    """Portfolio matrix: each customer's attractiveness and relationship
    indices on weighted criteria, and its quadrant."""

def compare(
    input: _JsonInput,
    options: _JsonInput | None = None,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """Compares two audits (``before``, ``after``) of one framework: the
    change in every period, phase and item."""

def aggregate(
    input: _JsonInput,
    options: _JsonInput | None = None,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """Aggregates several assessors' audits of one framework: mean scores
    and the spread of answers per item."""

def units(
    input: _JsonInput,
    options: _JsonInput | None = None,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """Lays several units' audits of one framework side by side: one column
    per unit, one row per period and phase."""

def account_plan(input: _JsonInput) -> dict[str, Any]:
    """Key account plan completeness: elements, horizon and review cadence."""

def time_allocation(input: _JsonInput) -> dict[str, Any]:
    """Key account manager time allocation against a guideline."""

def shortest_path(
    input: _JsonInput,
    options: _JsonInput | None = None,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """Shortest path: the fewest item improvements reaching an audit target,
    or the programme areas to lift for the next maturity stage."""

def explain(
    input: _JsonInput,
    options: _JsonInput | None = None,
    framework: _FrameworkArg | None = None,
) -> dict[str, Any]:
    """Explains every derived figure of an input (position, current period,
    stage, litmus verdicts, quadrants) as a trace of terms and a rule in
    plain words."""

def rescore(input: _JsonInput, options: _JsonInput | None = None) -> dict[str, Any]:
    """Re-scores one saved assessment under two versions of a framework and
    reports what changed."""

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
