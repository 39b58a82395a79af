"""A regency winner made ready for SINOVIK: its fields in SINOVIK's order and limits, the letters as PDFs in a ZIP,
and everything SINOVIK would refuse, said before the innovator re-keys anything."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from openpyxl import load_workbook

from sayembara.entries import sinovik
from sayembara.entries.models import SDG, Entry, EntryDetails, Evidence, EvidenceSlot, ProposalAnswer
from sayembara.results.models import Award

from .conftest import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def winner(edition_2020):
    return Award.objects.filter(edition=edition_2020).order_by("order").select_related("entry").first().entry


def _letters(entry: Entry, size: int | None = None) -> None:
    for order, (code, name) in enumerate(sinovik.LETTERS, start=1):
        slot, _ = EvidenceSlot.objects.get_or_create(edition=entry.edition, code=code,
                                                     defaults={"name": name, "order": 50 + order})
        evidence = Evidence(entry=entry, slot=slot, original_name=f"{code}.pdf", content_type="application/pdf",
                            size=size or 2000)
        evidence.file.save(f"{code}.pdf", ContentFile(pdf_bytes()), save=True)


def test_a_2020_winner_says_what_sinovik_would_refuse_then_is_ready(winner):
    pack = sinovik.package(winner, today=dt.date(2026, 12, 2))
    assert pack.group == "Umum"
    assert [s.title for s in pack.sections][:2] == ["Ringkasan", "Latar Belakang dan Tujuan"]
    assert [s.limit for s in pack.sections] == [200, 300, 200, 200, 600, 100, 200, 200, 500]
    said = " ".join(pack.problems)
    assert "Surat Pernyataan Implementasi" in said  # the demo attached no letters

    _letters(winner)
    winner.video_url = "https://youtu.be/abc"
    winner.save()
    innovation = winner.innovation
    innovation.started_on = dt.date(2019, 1, 1)
    innovation.save()
    details, _ = EntryDetails.objects.get_or_create(entry=winner)
    details.sdgs.add(*SDG.objects.all()[:2])
    for answer in winner.answers.select_related("section"):
        answer.text = answer.text or "Isi."
        answer.save()
    pack = sinovik.package(winner, today=dt.date(2026, 12, 2))
    assert [p for p in pack.problems if "kosong" not in p and "empty" not in p] == [], pack.problems


def test_over_long_sections_young_innovations_and_big_letters_are_named(winner):
    section = winner.answers.select_related("section").get(section__code="ringkasan")
    ProposalAnswer.objects.filter(pk=section.pk).update(text="kata " * 201)
    innovation = winner.innovation
    innovation.started_on = dt.date(2026, 6, 1)
    innovation.save()
    _letters(winner, size=2 * 1024 * 1024)
    said = " ".join(sinovik.package(winner, today=dt.date(2026, 12, 2)).problems)
    assert "201" in said and "200" in said
    assert "01-06-2026" in said  # less than a year of running
    assert "2048 KB" in said


def test_the_zip_holds_the_sheet_the_text_and_the_letters(client_as, winner):
    _letters(winner)
    Entry.objects.filter(pk=winner.pk).update(title="=HYPERLINK(\"http://x\")")
    response = client_as("organiser").get(reverse("entries:sinovik_zip", args=[winner.code]))
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert f"{winner.code}-sinovik.xlsx" in names and f"{winner.code}-sinovik.txt" in names
    assert sum(name.endswith(".pdf") for name in names) == 3
    sheet = load_workbook(io.BytesIO(archive.read(f"{winner.code}-sinovik.xlsx"))).active
    values = [row[3].value for row in sheet.iter_rows(min_row=2)]
    assert not any(str(v).startswith("=") for v in values if v)  # a formula in a title stays text
    assert "Signifikansi" in archive.read(f"{winner.code}-sinovik.txt").decode()


def test_the_page_lists_the_check_and_links_the_package(client_as, winner):
    page = client_as("organiser").get(reverse("entries:sinovik", args=[winner.code]))
    assert b'data-testid="sinovik-check"' in page.content and b'data-testid="sinovik-zip"' in page.content
    detail = client_as("organiser").get(reverse("entries:detail", args=[winner.code]))
    assert b'data-testid="sinovik-link"' in detail.content
