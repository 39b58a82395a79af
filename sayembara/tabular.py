"""Writing CSV and XLSX exports that spreadsheet programs cannot turn into formulas.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read by Excel, LibreOffice and Google Sheets as a formula (CSV/formula
injection: ``=HYPERLINK("http://…")`` in an innovation's title would become a
live link in the organiser's spreadsheet). Every export of the site writes its
cells through :func:`safe_cell`: such text gets a leading apostrophe, real
numbers (int, float, Decimal) and dates stay as they are.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from decimal import Decimal

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_PLAIN = (bool, int, float, Decimal, dt.date, dt.time, dt.timedelta)


def safe_cell(value):
    """``value`` as a spreadsheet cell that cannot be a formula: text starting with = + - @ tab or CR gets a ``'``."""
    if value is None or isinstance(value, _PLAIN):
        return value
    text = str(value)  # lazy translations, choices labels, model instances
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_row(row: Iterable) -> list:
    return [safe_cell(v) for v in row]


def unquote_cell(text: str) -> str:
    """The reverse of :func:`safe_cell` for text read back from our own exports (e.g. a filled-in import template)."""
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


# --- CSV ----------------------------------------------------------------------------------------------------


def write_csv(rows: Iterable[Iterable], *, bom: bool = False) -> str:
    """CSV text of ``rows`` (the header being the first row), every cell through :func:`safe_cell`.

    ``bom`` adds a UTF-8 byte-order mark, which Excel needs to read UTF-8.
    """
    buffer = io.StringIO()
    if bom:
        buffer.write("\ufeff")
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(safe_row(row))
    return buffer.getvalue()


def csv_response(rows: Iterable[Iterable], filename: str, *, bom: bool = False) -> HttpResponse:
    """An attachment download of :func:`write_csv`."""
    response = HttpResponse(write_csv(rows, bom=bom), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- XLSX ---------------------------------------------------------------------------------------------------


def _xlsx_cell(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = safe_cell(value)
    if isinstance(value, str):
        # Control characters openpyxl refuses to write (they would make the whole export fail).
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def append_row(sheet, row: Iterable) -> None:
    """``sheet.append(row)`` with every cell through :func:`safe_cell` (openpyxl makes any text starting with = a formula)."""
    sheet.append([_xlsx_cell(v) for v in row])


def workbook_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    """An attachment download of an .xlsx built with :func:`append_row` (see :func:`workbook_bytes`)."""
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
