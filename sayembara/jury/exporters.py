"""The jury's downloads: the conflict register (CSV) and the paper-sheet import template (XLSX).

Every cell goes through ``sayembara.tabular``, so no text of an entry or a juror becomes a formula.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from sayembara.editions.models import Edition, Stage
from sayembara.tabular import append_row, csv_response, workbook_bytes, xlsx_response

from . import services
from .models import Assignment, Conflict, Juror


def conflict_register_csv(edition: Edition) -> HttpResponse:
    """The conflict register for auditors, as CSV (opens in a spreadsheet); read as plain rows, a national register
    (15,000 conflicts) in well under a second."""
    rows = [[_("Entry number"), _("Entry"), _("Institution"), _("Juror"), _("Element"), _("Affiliation"),
             _("Kind"), _("Source"), _("Note"), _("Recorded at")]]
    elements, kinds, sources = dict(Juror.Element.choices), dict(Conflict.Kind.choices), dict(Conflict.Source.choices)
    for code, title, institution, juror, element, affiliation, kind, source, note, at in (
        services.conflict_register(edition).values_list(
            "entry__code", "entry__title", "entry__institution__name", "juror__user__full_name", "juror__element",
            "juror__affiliation__name", "kind", "source", "note", "created_at").iterator(chunk_size=2000)
    ):
        rows.append([code, title, institution, juror, elements.get(element, element), affiliation or "",
                     kinds.get(kind, kind), sources.get(source, source), note,
                     timezone.localtime(at).strftime("%Y-%m-%d %H:%M")])
    # Excel reads UTF-8 only with a byte-order mark.
    return csv_response(rows, f"konflik-kepentingan-{edition.year}.csv", bom=True)


def import_template_xlsx(stage: Stage) -> HttpResponse:
    """A workbook to fill in: one row per assigned (entry, juror, criterion), headed by ``services.IMPORT_HEADERS``."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)  # streamed rows: a national stage has 45,000 of them
    sheet = workbook.create_sheet("nilai")
    append_row(sheet, services.IMPORT_HEADERS)
    criteria = list(stage.criteria.order_by("order").values_list("code", flat=True))
    for entry_code, email in (Assignment.objects.filter(stage=stage).order_by("juror__user__email", "entry__code")
                              .values_list("entry__code", "juror__user__email")):
        for code in criteria:
            append_row(sheet, [entry_code, email, code, None, None])
    return xlsx_response(workbook_bytes(workbook), f"nilai-{stage.edition.year}-{stage.kind}.xlsx")
