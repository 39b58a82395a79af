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


def import_workbook(edition: Edition, upload, user) -> ImportReport:
    report = ImportReport()
    try:
        rows = workbook_rows(upload)
    except ValidationError as exc:
        report.errors.append((0, " ".join(exc.messages)))
        return report
    if not rows:
        report.errors.append((0, _("The workbook is empty.")))
        return report
    header = [_text(h).lower() for h in rows[0]]
    missing = [c for c in ("unit", "judul", "kategori") if c not in header]
    if missing:
        report.errors.append((1, _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}))
        return report
    sections = {s.code: s for s in ProposalSection.objects.filter(edition=edition)}
    categories = {c.name.lower(): c for c in Category.objects.filter(edition=edition).prefetch_related("institution_types")}
    institutions = {}
    for institution in Institution.objects.filter(type__participates=True).select_related("type"):
        institutions[institution.name.lower()] = institution
        if institution.short_name:
            institutions.setdefault(institution.short_name.lower(), institution)
    existing_titles = {t.lower() for t in Entry.objects.filter(edition=edition).values_list("title", flat=True)}
    seen_titles: set[str] = set()
    parsed = []
    for number, row in enumerate(rows[1:], start=2):
        values = {header[i]: row[i] for i in range(min(len(header), len(row))) if header[i]}
        if not any(_text(v) for v in values.values()):
            continue
        problems = []
        institution = institutions.get(_text(values.get("unit")).lower())
        if institution is None:
            problems.append(_("unknown unit “%(unit)s”") % {"unit": _text(values.get("unit"))})
        title = _text(values.get("judul"))
        if not title:
            problems.append(_("the title is empty"))
        elif title.lower() in existing_titles or title.lower() in seen_titles:
            problems.append(_("the title “%(title)s” is already used in this edition") % {"title": title})
        seen_titles.add(title.lower())
        category = categories.get(_text(values.get("kategori")).lower())
        if category is None:
            problems.append(_("unknown category “%(category)s”") % {"category": _text(values.get("kategori"))})
        elif institution is not None and not category.is_open_to(institution):
            problems.append(_("the category “%(category)s” is not open to %(unit)s (%(kind)s)") % {
                "category": category, "unit": institution, "kind": institution.type})
        started = None
        if _text(values.get("mulai")):
            try:
                started = _date(values.get("mulai"))
            except ValueError:
                problems.append(_("the start date “%(value)s” is not a date (use YYYY-MM-DD)") % {"value": _text(values.get("mulai"))})
        maturity = MATURITY.get(_text(values.get("kematangan")).lower() or "penerapan")
        if maturity is None:
            problems.append(_("maturity must be inisiatif, uji coba or penerapan"))
        form = FORMS.get(_text(values.get("bentuk")).lower() or "pelayanan publik")
        if form is None:
            problems.append(_("form must be tata kelola, pelayanan publik or lainnya"))
        texts = {}
        for code, section in sections.items():
            text = _text(values.get(code))
            if count_words(text) > section.word_limit:
                problems.append(_("“%(section)s” has %(words)s words, more than %(limit)s") % {
                    "section": section.title, "words": count_words(text), "limit": section.word_limit})
            texts[code] = text
        if problems:
            report.errors.append((number, "; ".join(problems)))
            continue
        parsed.append((institution, title, category, started, maturity, form, _text(values.get("digital")).lower() in YES,
                       _text(values.get("video")), _text(values.get("ketua_tim")), texts))
    if report.errors:
        return report
    with transaction.atomic(), acting_as(user, note=_("Imported from a spreadsheet")):
        for institution, title, category, started, maturity, form, digital, video, lead, texts in parsed:
            innovation = Innovation.objects.create(
                title=title, institution=institution, started_on=started, maturity=maturity, form=form, is_digital=digital
            )
            entry = Entry.objects.create(
                edition=edition, innovation=innovation, institution=institution, category=category, title=title,
                code=next_code(edition), video_url=video, created_by=None, status=Entry.Status.VERIFIED,
                sent_at=timezone.now(),
            )
            EntryDetails.objects.create(entry=entry, imported=True)
            if lead:
                TeamMember.objects.create(entry=entry, name=lead, role=_("Team lead"), is_lead=True)
            ProposalAnswer.objects.bulk_create(
                ProposalAnswer(entry=entry, section=sections[code], text=text) for code, text in texts.items() if text
            )
            record_revision(entry, user)
            report.created.append(entry)
    return report
