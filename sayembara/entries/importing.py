"""Bulk import of entries that units sent on paper or by e-mail. All rows or none."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as
from sayembara.editions.models import Category, Edition, ProposalSection
from sayembara.institutions.models import Institution
from sayembara.tabular import append_row, unquote_cell, workbook_bytes
from sayembara.uploads import workbook_rows

from .models import Entry, EntryDetails, Innovation, ProposalAnswer, TeamMember
from .services import count_words, next_code, record_revision

BASE_COLUMNS = ["unit", "judul", "kategori", "mulai", "kematangan", "bentuk", "digital", "video", "ketua_tim"]
MATURITY = {"inisiatif": Innovation.Maturity.INITIATIVE, "uji coba": Innovation.Maturity.TRIAL,
            "uji_coba": Innovation.Maturity.TRIAL, "penerapan": Innovation.Maturity.IMPLEMENTATION}
FORMS = {"tata kelola": Innovation.Form.GOVERNANCE, "tata_kelola": Innovation.Form.GOVERNANCE,
         "pelayanan publik": Innovation.Form.PUBLIC_SERVICE, "pelayanan_publik": Innovation.Form.PUBLIC_SERVICE,
         "lainnya": Innovation.Form.OTHER}
YES = {"ya", "y", "yes", "1", "true", "digital"}


@dataclass
class ImportReport:
    errors: list[tuple[int, str]] = field(default_factory=list)  # (row number, message)
    created: list[Entry] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def template_workbook(edition: Edition) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "entri"
    codes = list(ProposalSection.objects.filter(edition=edition).values_list("code", flat=True))
    append_row(sheet, BASE_COLUMNS + codes)
    append_row(sheet, ["Dinas Kesehatan", "Contoh judul inovasi", "Perangkat Daerah dan BUMD", "2019-01-15", "penerapan",
                       "pelayanan publik", "ya", "", "Nama Ketua"] + ["" for _c in codes])
    return workbook_bytes(workbook)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unquote_cell(str(value).strip())


def _date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


@dataclass
class _Lookups:
    """The edition's sections and categories, the participating units and the titles already used, read once."""

    sections: dict[str, ProposalSection]
    categories: dict[str, Category]
    institutions: dict[str, Institution]
    existing_titles: set[str]

    @classmethod
    def of(cls, edition: Edition) -> _Lookups:
        sections = {s.code: s for s in ProposalSection.objects.filter(edition=edition)}
        categories = {c.name.lower(): c for c in Category.objects.filter(edition=edition).prefetch_related("institution_types")}
        institutions = {}
        for institution in Institution.objects.filter(type__participates=True).select_related("type"):
            institutions[institution.name.lower()] = institution
            if institution.short_name:
                institutions.setdefault(institution.short_name.lower(), institution)
        existing_titles = {t.lower() for t in Entry.objects.filter(edition=edition).values_list("title", flat=True)}
        return cls(sections=sections, categories=categories, institutions=institutions, existing_titles=existing_titles)


@dataclass
class _Row:
    """One valid row of the workbook, ready to become an entry."""

    institution: Institution
    title: str
    category: Category
    started: dt.date | None
    maturity: str
    form: str
    digital: bool
    video: str
    lead: str
    texts: dict[str, str]


def import_workbook(edition: Edition, upload, user) -> ImportReport:
    report = ImportReport()
    header, rows = _read_sheet(upload, report)
    if header is None:
        return report
    lookups = _Lookups.of(edition)
    parsed = _parse_rows(header, rows, lookups, report)
    if report.errors:
        return report
    with transaction.atomic(), acting_as(user, note=_("Imported from a spreadsheet")):
        for row in parsed:
            report.created.append(_create_entry(edition, row, lookups.sections, user))
    return report


def _read_sheet(upload, report: ImportReport) -> tuple[list[str] | None, list]:
    """(the lower-cased header, the rows under it), or (None, []) with the reason in ``report``."""
    try:
        rows = workbook_rows(upload)
    except ValidationError as exc:
        report.errors.append((0, " ".join(exc.messages)))
        return None, []
    if not rows:
        report.errors.append((0, _("The workbook is empty.")))
        return None, []
    header = [_text(h).lower() for h in rows[0]]
    missing = [c for c in ("unit", "judul", "kategori") if c not in header]
    if missing:
        report.errors.append((1, _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}))
        return None, []
    return header, rows[1:]


def _parse_rows(header: list[str], rows, lookups: _Lookups, report: ImportReport) -> list[_Row]:
    """The valid rows; each invalid one goes to ``report`` with all its problems (numbered as in the sheet)."""
    seen_titles: set[str] = set()
    parsed = []
    for number, row in enumerate(rows, start=2):
        values = {header[i]: row[i] for i in range(min(len(header), len(row))) if header[i]}
        if not any(_text(v) for v in values.values()):
            continue
        problems: list[str] = []
        parsed_row = _parse_row(values, lookups, seen_titles, problems)
        if problems:
            report.errors.append((number, "; ".join(problems)))
            continue
        parsed.append(parsed_row)
    return parsed


def _parse_row(values: dict, lookups: _Lookups, seen_titles: set[str], problems: list[str]) -> _Row:
    institution = lookups.institutions.get(_text(values.get("unit")).lower())
    if institution is None:
        problems.append(_("unknown unit “%(unit)s”") % {"unit": _text(values.get("unit"))})
    title = _text(values.get("judul"))
    if not title:
        problems.append(_("the title is empty"))
    elif title.lower() in lookups.existing_titles or title.lower() in seen_titles:
        problems.append(_("the title “%(title)s” is already used in this edition") % {"title": title})
    seen_titles.add(title.lower())
    category = _category(values, lookups.categories, institution, problems)
    started = _start_date(values, problems)
    maturity = MATURITY.get(_text(values.get("kematangan")).lower() or "penerapan")
    if maturity is None:
        problems.append(_("maturity must be inisiatif, uji coba or penerapan"))
    form = FORMS.get(_text(values.get("bentuk")).lower() or "pelayanan publik")
    if form is None:
        problems.append(_("form must be tata kelola, pelayanan publik or lainnya"))
    texts = _section_texts(values, lookups.sections, problems)
    return _Row(institution=institution, title=title, category=category, started=started, maturity=maturity, form=form,
                digital=_text(values.get("digital")).lower() in YES, video=_text(values.get("video")),
                lead=_text(values.get("ketua_tim")), texts=texts)


def _category(values: dict, categories: dict[str, Category], institution, problems: list[str]) -> Category | None:
    category = categories.get(_text(values.get("kategori")).lower())
    if category is None:
        problems.append(_("unknown category “%(category)s”") % {"category": _text(values.get("kategori"))})
    elif institution is not None and not category.is_open_to(institution):
        problems.append(_("the category “%(category)s” is not open to %(unit)s (%(kind)s)") % {
            "category": category, "unit": institution, "kind": institution.type})
    return category


def _start_date(values: dict, problems: list[str]) -> dt.date | None:
    if not _text(values.get("mulai")):
        return None
    try:
        return _date(values.get("mulai"))
    except ValueError:
        problems.append(_("the start date “%(value)s” is not a date (use YYYY-MM-DD)") % {"value": _text(values.get("mulai"))})
        return None


def _section_texts(values: dict, sections: dict[str, ProposalSection], problems: list[str]) -> dict[str, str]:
    texts = {}
    for code, section in sections.items():
        text = _text(values.get(code))
        if count_words(text) > section.word_limit:
            problems.append(_("“%(section)s” has %(words)s words, more than %(limit)s") % {
                "section": section.title, "words": count_words(text), "limit": section.word_limit})
        texts[code] = text
    return texts


def _create_entry(edition: Edition, row: _Row, sections: dict[str, ProposalSection], user) -> Entry:
    """The entry of one row, already verified (the unit vouched for it on paper)."""
    innovation = Innovation.objects.create(
        title=row.title, institution=row.institution, started_on=row.started, maturity=row.maturity, form=row.form,
        is_digital=row.digital,
    )
    entry = Entry.objects.create(
        edition=edition, innovation=innovation, institution=row.institution, category=row.category, title=row.title,
        code=next_code(edition), video_url=row.video, created_by=None, status=Entry.Status.VERIFIED,
        sent_at=timezone.now(),
    )
    EntryDetails.objects.create(entry=entry, imported=True)
    if row.lead:
        TeamMember.objects.create(entry=entry, name=row.lead, role=_("Team lead"), is_lead=True)
    ProposalAnswer.objects.bulk_create(
        ProposalAnswer(entry=entry, section=sections[code], text=text) for code, text in row.texts.items()
        if text and sections[code].group_id in (None, row.category.group_id if row.category else None)
    )
    record_revision(entry, user)
    return entry
