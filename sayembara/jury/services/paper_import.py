"""Paper score sheets keyed in a spreadsheet and imported all at once."""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sayembara.editions.models import Stage
from sayembara.tabular import unquote_cell
from sayembara.uploads import workbook_rows

from ..models import Juror
from .errors import JuryError
from .scoring import parse_scores, save_sheet
from .stages import stage_entries

IMPORT_HEADERS = ["entry", "juror_email", "criterion", "score", "justification"]


def import_sheets(stage: Stage, fileobj, by) -> tuple[int, list[str]]:
    """Import paper scores from an .xlsx (one row per entry, juror, criterion); all-or-nothing.

    Returns (sheets submitted, errors). Each complete sheet is submitted and
    marked as entered by the organiser.
    """
    rows, columns, errors = _read_workbook(fileobj)
    if errors:
        return 0, errors
    sheets, errors = _collect_sheets(stage, rows, columns)
    if errors:
        return 0, errors
    try:
        with transaction.atomic():
            for data in sheets.values():
                save_sheet(data["juror"], stage, data["entry"], data["values"], data["justifications"], submit=True,
                           entered_by=by)
    except JuryError as exc:
        return 0, [f"{data['entry'].code} / {data['juror'].user.email}: {exc}"]
    return len(sheets), []


def _read_workbook(fileobj) -> tuple[list, dict[str, int], list[str]]:
    """The rows under the header, the column of each known header, and what makes the workbook unreadable."""
    try:
        rows = workbook_rows(fileobj)
    except ValidationError as exc:  # not a real .xlsx, too large, ...: the checker's message
        return [], {}, list(exc.messages)
    if not rows:
        return [], {}, [_("The workbook is empty.")]
    header = [str(h or "").strip().lower() for h in rows[0]]
    missing = [h for h in IMPORT_HEADERS[:4] if h not in header]
    if missing:
        return [], {}, [_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}]
    return rows[1:], {h: header.index(h) for h in IMPORT_HEADERS if h in header}, []


def _cell(row, columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    value = row[index] if index is not None and index < len(row) else None
    return "" if value is None else unquote_cell(str(value).strip())


def _collect_sheets(stage: Stage, rows: list, columns: dict[str, int]) -> tuple[dict[tuple, dict], list[str]]:
    """The rows grouped into sheets per (juror id, entry id), and an error for each row that does not fit."""
    entries = {e.code.lower(): e for e in stage_entries(stage)}
    jurors = {j.user.email.lower(): j for j in Juror.objects.filter(edition_id=stage.edition_id).select_related("user")}
    criteria = {c.code.lower(): c for c in stage.criteria.all()}
    sheets: dict[tuple, dict] = defaultdict(lambda: {"values": {}, "justifications": {}})
    errors = []
    for number, row in enumerate(rows, start=2):
        if not any(v not in (None, "") for v in row):
            continue
        cell = {name: _cell(row, columns, name) for name in IMPORT_HEADERS}
        entry, juror, criterion = entries.get(cell["entry"].lower()), jurors.get(cell["juror_email"].lower()), criteria.get(cell["criterion"].lower())
        errors += _unknown(number, cell, entry, juror, criterion)
        if entry and juror and criterion:
            _values, problems = parse_scores([criterion], {criterion.pk: cell["score"]})
            errors += [_("Row %(row)s: %(problem)s") % {"row": number, "problem": p} for p in problems.values()]
            sheet = sheets[(juror.pk, entry.pk)]
            sheet["juror"], sheet["entry"] = juror, entry
            sheet["values"][criterion.pk] = cell["score"]
            sheet["justifications"][criterion.pk] = cell["justification"]
    return sheets, errors


def _unknown(number: int, cell: dict[str, str], entry, juror, criterion) -> list[str]:
    """An error for each of the row's entry, juror and criterion that matches nothing of the stage."""
    errors = []
    if entry is None:
        errors.append(_("Row %(row)s: unknown entry “%(value)s”.") % {"row": number, "value": cell["entry"]})
    if juror is None:
        errors.append(_("Row %(row)s: unknown juror “%(value)s”.") % {"row": number, "value": cell["juror_email"]})
    if criterion is None:
        errors.append(_("Row %(row)s: unknown criterion “%(value)s”.") % {"row": number, "value": cell["criterion"]})
    return errors
