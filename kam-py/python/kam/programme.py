"""A KAM programme: many assessments across units, assessors and years, read
as one (docs/programme.md). Every rule — checking the document, merging the
assessors, Krippendorff's alpha, the trends, the report — is kam-core's; this
module reads the programme from where a Python user has it and converts::

    import kam

    programme = kam.Programme.example()            # the fictional example
    report = kam.programme_report(programme)       # the report, a dict
    kam.ProgrammeReport(report).to_frame("trends") # one row per unit

A :class:`Programme` is built from the JSON document (a dict, its text or a
path), a folder of saved assessments and filled workbooks
(:meth:`Programme.from_folder`), named files (:meth:`Programme.from_files`)
or a pandas DataFrame (:meth:`Programme.from_frame`).
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Optional, Sequence, Union, cast

from . import _kam
from . import Report

if TYPE_CHECKING:
    import pandas

Source = Union[Mapping[str, Any], str, "os.PathLike[str]"]

_CONTEXT = ("unit", "assessor", "date")
"""The columns of a DataFrame that name who assessed which unit when."""


class Programme(Mapping[str, Any]):
    """A programme document: ``name``, ``units``, ``assessments`` and the
    optional fields of the ``programme`` schema (``kam.schema("programme")``).

    Built from a dict, the document's JSON text (a ``str``) or a path to it
    (``pathlib.Path``). JSON text is kept as it is and read by kam-core within
    the programme's own limits when the report is made; :meth:`to_dict`
    parses it.
    """

    def __init__(self, document: Source) -> None:
        if isinstance(document, os.PathLike):
            document = Path(document).read_text(encoding="utf-8")
        if isinstance(document, str):
            self._text: Optional[str] = document
            self._document: Optional[dict[str, Any]] = None
        elif isinstance(document, Mapping):
            self._text = None
            self._document = dict(document)
        else:
            raise TypeError(
                "a programme is a dict, its JSON text or a path to it, not "
                f"`{type(document).__name__}`"
            )

    # Where a programme comes from -------------------------------------------

    @classmethod
    def example(cls) -> Programme:
        """The bundled example programme: Northwind Components, a fictional
        company — six business units in three regions, three yearly rounds,
        three assessors each, with maturity, litmus and checklist
        assessments, customers and account plans."""
        return cls(_kam._example_programme())

    @classmethod
    def from_files(
        cls,
        files: Iterable[Union[str, os.PathLike[str], tuple[str, bytes]]],
        name: str = "KAM programme",
        units: Sequence[Mapping[str, Any]] = (),
        **fields: Any,
    ) -> Programme:
        """A programme of saved assessments (``.json``, as the calculators
        save them) and filled workbooks (``.xlsx``), each a path or a
        ``(name, bytes)`` pair. kam-core files each as the kind its framework
        makes it (audit, maturity, checklist, litmus) and adds the units they
        name that ``units`` lacks, at the top level. Other keyword arguments
        are fields of the document (``organisation``, ``frameworks``,
        ``customers``, ``disagreement``, …)."""
        named: list[tuple[str, bytes]] = []
        for f in files:
            if isinstance(f, tuple):
                named.append((f[0], bytes(f[1])))
            else:
                path = Path(f)
                named.append((path.name, path.read_bytes()))
        base = {"name": name, "units": [dict(u) for u in units], **fields}
        return cls(_kam._programme_assemble(base, named))

    @classmethod
    def from_folder(
        cls,
        folder: Union[str, os.PathLike[str]],
        name: Optional[str] = None,
        units: Sequence[Mapping[str, Any]] = (),
        **fields: Any,
    ) -> Programme:
        """A programme of every ``.json`` and ``.xlsx`` file in ``folder``
        (not its subfolders), in file-name order; named after the folder
        unless ``name`` is given. See :meth:`from_files`."""
        root = Path(folder)
        if not root.is_dir():
            raise NotADirectoryError(f"`{root}` is not a folder")
        files = sorted(
            p for p in root.iterdir()
            if p.is_file() and p.suffix.lower() in (".json", ".xlsx")
        )
        return cls.from_files(files, name=name or root.name, units=units, **fields)

    @classmethod
    def from_frame(
        cls,
        frame: pandas.DataFrame,
        framework: str = "cranfield-kam-development",
        framework_version: Optional[str] = None,
        name: str = "KAM programme",
        units: Sequence[Mapping[str, Any]] = (),
        **fields: Any,
    ) -> Programme:
        """A programme of the audits (or checklists) in a DataFrame: one row
        per assessment with columns ``unit``, ``assessor``, ``date`` and one
        column per item id (wide), or one row per score with columns ``unit``,
        ``assessor``, ``date``, ``item`` and ``score`` (long). Empty cells are
        unscored items. ``framework`` names the framework (its bundled version
        unless ``framework_version`` is given); a checklist framework makes the
        rows checklist assessments."""
        kind, version = _kind_of(framework, framework_version)
        missing = [c for c in _CONTEXT if c not in frame.columns]
        if missing:
            raise KeyError(
                f"the DataFrame needs the columns {', '.join(f'`{c}`' for c in _CONTEXT)}; "
                f"missing {', '.join(f'`{c}`' for c in missing)}"
            )
        long = "item" in frame.columns and "score" in frame.columns
        scores: dict[tuple[str, str, str], dict[str, Any]] = {}
        for record in frame.to_dict("records"):
            key = tuple(str(record[c]) for c in _CONTEXT)
            cells = scores.setdefault(key, {})  # type: ignore[arg-type]
            pairs = (
                [(record["item"], record["score"])] if long
                else [(k, v) for k, v in record.items() if k not in _CONTEXT]
            )
            for item, value in pairs:
                if not _blank(value):
                    cells[str(item)] = _whole(value)
        assessments = [
            {
                "type": kind,
                "assessment": {
                    "framework": framework,
                    "framework_version": version,
                    "context": dict(zip(_CONTEXT, key)),
                    "scores": cells,
                },
            }
            for key, cells in scores.items()
        ]
        base = {
            "name": name, "units": [dict(u) for u in units], "assessments": assessments, **fields
        }
        # Assembled with no files: the units the rows name are added as for files.
        return cls(_kam._programme_assemble(base, []))

    # The document -----------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The document as a plain dict."""
        if self._document is None:
            self._document = json.loads(self._text or "{}")
        return dict(self._document)

    def to_json(self) -> str:
        """The document as JSON text (the programme file)."""
        if self._text is not None:
            return self._text
        return json.dumps(self._document, ensure_ascii=False)

    def save(self, path: Union[str, os.PathLike[str]]) -> None:
        """Writes the programme file."""
        Path(path).write_text(self.to_json(), encoding="utf-8")

    def __getitem__(self, key: str) -> Any:
        return self.to_dict()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.to_dict())

    def __len__(self) -> int:
        return len(self.to_dict())

    def __repr__(self) -> str:
        document = self.to_dict()
        return (
            f"Programme({document.get('name')!r}: {len(document.get('units', []))} unit(s), "
            f"{len(document.get('assessments', []))} assessment(s))"
        )

    # Its report -------------------------------------------------------------

    def report(self, options: Optional[Mapping[str, Any]] = None) -> ProgrammeReport:
        """The programme report (see :func:`programme_report`) with tables
        and a notebook view."""
        return ProgrammeReport(programme_report(self, options))

    def _repr_html_(self) -> str:
        return self.report()._repr_html_()


class ProgrammeReport(Report):
    """A programme report dict with its tables (:meth:`to_frame`:
    ``positions``, ``rounds``, ``trends``, ``disagreements``,
    ``next_actions``, ``checklists``) and kam-core's report as its notebook
    view."""

    def __init__(self, report: Mapping[str, Any]) -> None:
        super().__init__(report, kind="programme-report")

    def html(self) -> str:
        """The report as a self-contained HTML page (prints with the
        executive summary on a page of its own)."""
        return _kam.report_programme_html(self.to_dict())

    def markdown(self) -> str:
        """The report as Markdown."""
        return _kam.report_programme_markdown(self.to_dict())

    def to_excel(self, path: Union[str, os.PathLike[str]]) -> None:
        """Writes the report as an Excel workbook: a Summary sheet (the
        executive summary and the next actions that matter most), a Units
        sheet (ranking, trend, pace, next milestone) and a Disagreements
        sheet."""
        Path(path).write_bytes(_kam.report_programme_xlsx(self.to_dict()))

    def summary(self) -> str:
        """The executive summary alone, as Markdown."""
        return _kam.report_programme_summary_markdown(self.to_dict())

    def _repr_html_(self) -> str:
        return _kam.report_programme_html_fragment(self.to_dict())


def programme_report(
    programme: Union[Programme, Source], options: Optional[Mapping[str, Any]] = None
) -> dict[str, Any]:
    """The programme report as a dict: each unit's rounds (its assessors
    merged, their agreement), trend, pace and next milestone; the roll-up
    and ranking; the next actions and disagreements across units; maturity,
    litmus, checklist, customer and account-plan results. ``programme`` is a
    :class:`Programme`, a dict, JSON text or a path. ``options``: scoring
    options (``completion_threshold``, ``strict``, ``next_actions``).
    Raises :class:`kam.KamError` subclasses naming what is wrong."""
    if not isinstance(programme, Programme):
        programme = Programme(programme)
    if programme._text is not None:
        result: dict[str, Any] = _kam._programme_report(
            programme._text, None if options is None else json.dumps(dict(options))
        )
        return result
    # The generated stub types the document and options as TypedDicts; a
    # programme's dict and the caller's mapping are checked by kam-core.
    report = _kam.programme_report(cast(Any, programme.to_dict()), cast(Any, options))
    return cast(dict[str, Any], report)


def _kind_of(framework: str, version: Optional[str]) -> tuple[str, str]:
    """The programme entry type of a bundled framework's assessments, and the
    version to name."""
    summary = next((f for f in _kam.frameworks() if f["id"] == framework), None)
    if summary is None:
        # kam-core names the known frameworks in its error.
        _kam.framework(framework)
        raise AssertionError("unreachable")  # pragma: no cover
    kind = "checklist" if summary["type"] == "checklist" else "audit"
    return kind, version or str(summary["version"])


def _blank(value: Any) -> bool:
    """An empty cell: ``None``, NaN, ``pandas.NA`` or an empty string."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isnan(value))
    except TypeError:  # pandas.NA compares to NA, whose truth is ambiguous
        return True


def _whole(value: Any) -> Any:
    """A whole number read from a float column (pandas makes a column with
    empty cells float) as an int; anything else as it is, for kam-core to
    judge."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "item"):  # a numpy scalar
        return _whole(value.item())
    return value
