"""An entry made ready for KemenPAN-RB's SINOVIK (the national KIPP): the fields SINOVIK asks for, in its order and
with its word limits, the three letters as PDFs, and what SINOVIK would refuse.

A regency's winners go on to the national contest; without this the innovator re-keys everything. The layout is
SINOVIK's proposal form of 2022/2023 (Umum group) and of 2020/2021 (Replikasi and Khusus groups), as copied by
provincial forms (KOIN-YANLIK NTT after Jawa Timur's KOVABLIK/JIPP); the letters and the 1 MB limit per PDF are
those of the KIPP 2022 call; an innovation must have run for at least one year (KIPP eligibility). See
``docs`` and ``../shared/reference/domain-indonesia.md`` §1.4-1.6.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from sayembara.tabular import append_row, workbook_bytes

from .models import Entry, EntryDetails, Evidence
from .services.access import settings_for

# SINOVIK's sections per group: (code as in our KIPP form, SINOVIK's title, word limit).
SECTIONS = {
    "Umum": [
        ("ringkasan", "Ringkasan", 200),
        ("latar_belakang", "Latar Belakang dan Tujuan", 300),
        ("kebaruan", "Kebaruan / Nilai Tambah", 200),
        ("implementasi", "Implementasi Inovasi", 200),
        ("signifikansi", "Signifikansi", 600),
        ("adaptabilitas_sudah", "Adaptabilitas: sudah/belum direplikasi", 100),
        ("adaptabilitas_potensi", "Adaptabilitas: potensi replikasi", 200),
        ("sumber_daya", "Sumber Daya", 200),
        ("keberlanjutan", "Strategi Keberlanjutan", 500),
    ],
    "Replikasi": [
        ("inspirasi", "Inspirasi", 100),
        ("proses_replikasi", "Proses Replikasi", 200),
        ("faktor_pembeda", "Faktor Pembeda", 100),
    ],
    "Khusus": [
        ("pembaruan", "Pembaruan / Peningkatan", 200),
        ("adaptabilitas", "Adaptabilitas", 200),
        ("penguatan_keberlanjutan", "Penguatan Keberlanjutan", 300),
        ("evaluasi", "Evaluasi", 300),
    ],
}
LETTERS = [
    ("pernyataan_implementasi", "Surat Pernyataan Implementasi"),
    ("sk_tim", "Surat Pernyataan Identitas Perorangan/Tim (SK)"),
    ("kesediaan_replikasi", "Surat Pernyataan Kesediaan Replikasi"),
]
LETTER_MAX_BYTES = 1024 * 1024
MIN_DAYS_RUNNING = 365

_GROUP_PREFIX = re.compile(r"^g\d+_")  # a second group's copy of a section (portal.presets)


def _plain_code(code: str) -> str:
    return _GROUP_PREFIX.sub("", code)


@dataclass
class Section:
    title: str
    limit: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Package:
    entry: Entry
    group: str
    fields: list[tuple[str, str]]  # (SINOVIK's field, the value to paste)
    sections: list[Section]
    letters: list[tuple[str, Evidence | None]]
    problems: list[str] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.problems


def _group_of(entry: Entry, codes: set[str]) -> str:
    """SINOVIK's group: the entry's group when named like one, else the one whose sections the entry answered."""
    name = entry.category.group.name if entry.category_id and entry.category.group_id else ""
    for group in SECTIONS:
        if group.lower() in name.lower():
            return group
    return max(SECTIONS, key=lambda g: len(codes & {c for c, _t, _l in SECTIONS[g]}))


def package(entry: Entry, today: dt.date | None = None) -> Package:
    """Everything SINOVIK asks of ``entry``, and what it would refuse, in words."""
    today = today or timezone.localdate()
    answers = {_plain_code(a.section.code): a.text for a in entry.answers.select_related("section")}
    group = _group_of(entry, {code for code, text in answers.items() if text.strip()})
    details = EntryDetails.objects.filter(entry=entry).prefetch_related("sdgs").first()
    innovation = entry.innovation
    problems = []

    sections = [Section(title, limit, answers.get(code, "")) for code, title, limit in SECTIONS[group]]
    for section in sections:
        if not section.text.strip():
            problems.append(_("Section “%(section)s” is empty.") % {"section": section.title})
        elif section.words > section.limit:
            problems.append(_("Section “%(section)s” has %(words)s words; SINOVIK takes at most %(limit)s.")
                            % {"section": section.title, "words": section.words, "limit": section.limit})

    started = innovation.started_on
    if started is None:
        problems.append(_("The date the innovation started is missing: SINOVIK asks for it."))
    elif (today - started).days < MIN_DAYS_RUNNING:
        problems.append(_("The innovation has run since %(date)s, less than one year: SINOVIK takes innovations "
                          "implemented for at least a year.") % {"date": started.strftime("%d-%m-%Y")})
    if not entry.video_url:
        problems.append(_("The video link is missing (SINOVIK asks for a video of at most 3 minutes)."))

    sdgs = [f"{s.number}. {s.name_id}" for s in details.sdgs.all()] if details else []
    if not sdgs:
        problems.append(_("No SDG is chosen."))
    digital = innovation.is_digital or bool(details and details.is_application)
    fields = [
        (_("Title"), entry.title),
        (_("Group"), group),
        (_("Category (in this contest; choose SINOVIK's own category by hand)"),
         entry.category.name if entry.category_id else ""),
        (_("Institution"), entry.institution.name),
        (_("Implementation start date"), started.strftime("%d-%m-%Y") if started else ""),
        (_("SDGs"), "; ".join(sdgs)),
        (_("Video link"), entry.video_url),
        (_("Digital innovation (application)"), _("Yes") if digital else _("No")),
    ]
    if digital:
        answers_spbe = details.spbe_answers if details else {}
        questions = list(settings_for(entry.edition).spbe_questions or [])
        for index, question in enumerate(questions):
            answer = (answers_spbe or {}).get(str(index), "")
            fields.append((f"SPBE: {question}", answer))
            if not answer.strip():
                problems.append(_("SPBE question not answered: %(question)s") % {"question": question})

    files = {}
    for evidence in entry.evidence.select_related("slot").order_by("uploaded_at"):
        files.setdefault(_plain_code(evidence.slot.code), evidence)
    letters = [(name, files.get(code)) for code, name in LETTERS]
    for name, evidence in letters:
        if evidence is None:
            problems.append(_("“%(letter)s” is not attached.") % {"letter": name})
        elif evidence.content_type != "application/pdf":
            problems.append(_("“%(letter)s” must be a PDF for SINOVIK.") % {"letter": name})
        elif evidence.size > LETTER_MAX_BYTES:
            problems.append(_("“%(letter)s” is %(size)s KB; SINOVIK takes at most 1,024 KB.")
                            % {"letter": name, "size": evidence.size // 1024})
    return Package(entry, group, fields, sections, letters, problems)


def field_sheet(pack: Package) -> bytes:
    """The field-by-field sheet to paste from: one row per SINOVIK field, its limit and its word count."""
    book = Workbook()
    sheet = book.active
    sheet.title = "SINOVIK"
    append_row(sheet, [_("Field"), _("Word limit"), _("Words"), _("Text to paste")])
    for label, value in pack.fields:
        append_row(sheet, [label, "", "", value])
    for section in pack.sections:
        append_row(sheet, [section.title, section.limit, section.words, section.text])
    checks = book.create_sheet(_("Check"))
    append_row(checks, [_("What SINOVIK would refuse")])
    for problem in pack.problems or [_("Nothing: every field is within SINOVIK's rules.")]:
        append_row(checks, [problem])
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["D"].width = 100
    return workbook_bytes(book)


def zip_bytes(pack: Package) -> bytes:
    """The package: the field sheet, the sections as text, and the letters that are attached, as PDFs."""
    buffer = io.BytesIO()
    code = pack.entry.code
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{code}-sinovik.xlsx", field_sheet(pack))
        text = [f"{label}: {value}" for label, value in pack.fields]
        for section in pack.sections:
            text += ["", f"== {section.title} ({section.words}/{section.limit}) ==", section.text]
        if pack.problems:
            text += ["", "== " + _("What SINOVIK would refuse") + " =="] + [f"- {p}" for p in pack.problems]
        archive.writestr(f"{code}-sinovik.txt", "\n".join(text))
        for number, (name, evidence) in enumerate(pack.letters, start=1):
            if evidence is None:
                continue
            try:
                with evidence.file.open("rb") as handle:
                    archive.writestr(f"{number}-{_plain_code(evidence.slot.code)}.{evidence.original_name.rsplit('.', 1)[-1]}",
                                     handle.read())
            except FileNotFoundError:
                continue
    return buffer.getvalue()
