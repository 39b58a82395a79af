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
from .models import Assignment


def conflict_register_csv(edition: Edition) -> HttpResponse:
    """The conflict register for auditors, as CSV (opens in a spreadsheet)."""
    rows = [[_("Entry number"), _("Entry"), _("Institution"), _("Juror"), _("Element"), _("Affiliation"),
             _("Kind"), _("Source"), _("Note"), _("Recorded at")]]
    for c in services.conflict_register(edition):
        rows.append([c.entry.code, c.entry.title, c.entry.institution.name, c.juror.user.full_name,
                     c.juror.get_element_display(), c.juror.affiliation.name if c.juror.affiliation else "",
                     c.get_kind_display(), c.get_source_display(), c.note,
                     timezone.localtime(c.created_at).strftime("%Y-%m-%d %H:%M")])
    # Excel reads UTF-8 only with a byte-order mark.
    return csv_response(rows, f"konflik-kepentingan-{edition.year}.csv", bom=True)


def import_template_xlsx(stage: Stage) -> HttpResponse:
    """A workbook to fill in: one row per assigned (entry, juror, criterion), headed by ``services.IMPORT_HEADERS``."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "nilai"
    append_row(sheet, services.IMPORT_HEADERS)
    criteria = list(stage.criteria.order_by("order").values_list("code", flat=True))
    for entry_code, email in (Assignment.objects.filter(stage=stage).order_by("juror__user__email", "entry__code")
                              .values_list("entry__code", "juror__user__email")):
        for code in criteria:
            append_row(sheet, [entry_code, email, code, None, None])
    return xlsx_response(workbook_bytes(workbook), f"nilai-{stage.edition.year}-{stage.kind}.xlsx")
