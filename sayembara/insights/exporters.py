"""The insights figures as an XLSX workbook, one sheet per table."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from sayembara.tabular import append_row, workbook_bytes, xlsx_response

from . import services


def _sheet(workbook, title: str, header: list, rows: list[list]) -> None:
    sheet = workbook.create_sheet(title[:31])
    append_row(sheet, header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        append_row(sheet, row)  # numbers stay numbers; text cannot become a formula
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)


def workbook_response(year: int | None = None):
    """The workbook as a download, built once per state of the figures (see ``services.cached``)."""
    data = services.cached("xlsx", workbook, year)
    return xlsx_response(data, f"sayembara-insights-{timezone.localdate():%Y%m%d}.xlsx")


def workbook(year: int | None = None) -> bytes:
    data = services.cached("dashboard", services.dashboard, year)
    years = data["years"]
    book = Workbook()
    book.remove(book.active)
    if not years:
        _sheet(book, _("Entries"), [_("No edition yet")], [])
    else:
        _sheet(book, _("Entries by type"), [_("Edition")] + [t["name"] for t in data["by_type"]["types"]] + [_("Total")],
               [[r["year"], *r["counts"], r["total"]] for r in data["by_type"]["rows"]])
        _sheet(book, _("Entries by unit"), [_("Unit"), _("Type")] + years + [_("Total")],
               [[r["institution"].name, r["institution"].type.name, *r["counts"], r["total"]]
                for r in services.entries_by_institution(years)])
        cover = services.coverage(data["year"])
        coverage_rows = []
        for label, group in ((_("Took part"), cover["took_part"]), (_("Took part before, not this year"), cover["dropped"]),
                             (_("Never took part"), cover["never"])):
            coverage_rows += [[label, r.institution.name, r.institution.type.name, " ".join(map(str, r.years)),
                               r.institution.contact_email] for r in group]
        _sheet(book, _("Coverage %(year)s") % {"year": data["year"]},
               [_("Group"), _("Unit"), _("Type"), _("Editions entered"), _("Contact e-mail")], coverage_rows)
        _sheet(book, _("Funnel"),
               [_("Edition"), _("Drafts started"), _("Sent"), _("Passed screening"), _("Finalists"), _("Winners"),
                _("Drafts abandoned")],
               [[r["year"], r["started"], r["sent"], r["passed"], r["finalists"], r["winners"], r["abandoned"]]
                for r in data["funnel"]])
        _sheet(book, _("Time to send"), [_("Edition"), _("Average days from first draft to sending"), _("Entries")],
               [[r["year"], r["days"], r["n"]] for r in data["time_to_send"]])
        _sheet(book, _("Categories"), [_("Edition")] + data["categories"]["names"],
               [[r["year"], *r["counts"]] for r in data["categories"]["rows"]])
        if data["sdgs"]:
            _sheet(book, _("SDGs"), [_("Edition")] + data["sdgs"]["names"], [[r["year"], *r["counts"]] for r in data["sdgs"]["rows"]])
        _sheet(book, _("Scores"),
               [_("Edition"), _("Criterion"), _("Scores"), _("Mean"), _("Standard deviation"), _("Lowest"), _("Highest")]
               + [f"{b}–{b + 9 if b < 90 else 100}" for b in services.BUCKETS],
               [[r["year"], r["criterion"], r["n"], r["mean"], r["sd"], float(r["low"]), float(r["high"]), *r["histogram"]]
                for r in services.cached("scores", services.score_distribution, years)])
    return workbook_bytes(book)
