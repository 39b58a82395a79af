"""An innovation beyond the regency: its IID profile and evidence (ready or not, per innovation and per unit, and
exported for the IID portal), and the later results an organiser records (shown on its page and in insights)."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from sayembara.entries.models import Entry, Innovation
from sayembara.registry import iid
from sayembara.registry.models import IidEvidence, IidProfile, NationalOutcome
from sayembara.results.models import Award
from tests import factories
from tests.entries.conftest import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def jebol(db):
    return Innovation.objects.get(title__startswith="JEBOL ANDUK")


def _profile_post(words: int = 300) -> dict:
    return {"part": "profile", "initiator": "opd", "affair": "adminduk", "trial_on": "2019-01-02",
            "implemented_on": "2019-06-01", "design": "kata " * words, "purpose": "Tujuan.", "benefit": "Manfaat.",
            "result": "Hasil."}


def test_the_unit_fills_the_profile_and_evidence_until_the_innovation_is_ready(client_as, jebol):
    innovator = client_as("innovator")
    url = reverse("registry:iid_profile", args=[jebol.pk])
    assert not iid.readiness_of([jebol])[jebol.pk].ready
    short = innovator.post(url, _profile_post(words=120), follow=True)
    assert "120" in short.content.decode()  # the rancang bangun is too short, said with its count
    innovator.post(url, _profile_post())
    for code in ["iid_regulasi", "iid_sdm", "iid_kecepatan", "iid_kemanfaatan"]:
        response = innovator.post(url, {"part": "evidence", "indicator": code,
                                        "file": SimpleUploadedFile("bukti.pdf", pdf_bytes())}, follow=True)
        assert response.status_code == 200
    state = iid.readiness_of([jebol])[jebol.pk]
    assert [i.number for i in state.missing_mandatory] == ([35] if not Entry.objects.filter(
        innovation=jebol).exclude(video_url="").exists() else [])
    Entry.objects.filter(innovation=jebol).update(video_url="https://youtu.be/jebol")
    assert iid.readiness_of([jebol])[jebol.pk].ready
    page = innovator.get(url)
    assert "Siap untuk IID" in page.content.decode() or "Ready for IID" in page.content.decode()
    # The stored file lost the author the PDF carried (cleaned like contest evidence).
    stored = IidEvidence.objects.filter(innovation=jebol).first()
    assert b"Dinas Rahasia" not in stored.file.read()


def test_a_file_that_is_not_a_document_is_refused_in_words(client_as, jebol):
    response = client_as("innovator").post(reverse("registry:iid_profile", args=[jebol.pk]), {
        "part": "evidence", "indicator": "iid_pedoman",
        "file": SimpleUploadedFile("perbup.pdf", b"<html><script>alert(1)</script></html>")}, follow=True)
    assert not IidEvidence.objects.filter(innovation=jebol).exists()
    assert "perbup.pdf" in response.content.decode()


def test_contest_evidence_counts_for_its_indicator(jebol):
    entry = Entry.objects.filter(innovation=jebol).first()
    slot = entry.edition.evidence_slots.get_or_create(code="regulasi", defaults={"name": "Regulasi", "order": 90})[0]
    from django.core.files.base import ContentFile

    from sayembara.entries.models import Evidence

    evidence = Evidence(entry=entry, slot=slot, original_name="perbup.pdf", content_type="application/pdf", size=10)
    evidence.file.save("perbup.pdf", ContentFile(pdf_bytes()), save=True)
    state = iid.readiness_of([jebol])[jebol.pk]
    assert any("perbup.pdf" in source for source in state.evidence["iid_regulasi"])


def test_the_unit_page_and_export_say_which_innovations_are_ready(client_as, jebol, django_assert_max_num_queries):
    IidProfile.objects.create(innovation=jebol, initiator="opd", affair="adminduk", design="kata " * 300,
                              purpose="T", benefit="M", result="H")
    organiser = client_as("organiser")
    unit = jebol.institution
    url = reverse("registry:iid_unit", args=[unit.pk])
    organiser.get(url)
    with django_assert_max_num_queries(20) as before:
        organiser.get(url)
    for n in range(8):
        Innovation.objects.create(title=f"Inovasi tambahan {n}", institution=unit)
    with django_assert_max_num_queries(len(before.captured_queries)):
        page = organiser.get(url)
    assert jebol.title in page.content.decode()
    export = organiser.get(reverse("registry:iid_export", args=[unit.pk]))
    sheet = load_workbook(io.BytesIO(export.content)).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Nama Inovasi", "Tahapan", "Inisiator"] and "35. Video inovasi" in header
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert rows[jebol.title][5].value not in (None, "", "adminduk")  # the affair in words, not its code
    readiness = organiser.get(reverse("registry:iid_readiness"), {"q": unit.name[:6]})
    assert unit.name in readiness.content.decode()


def test_another_units_innovation_is_not_found(client_as, edition_2020):
    other = factories.unit("Dinas Lain")
    innovation = Innovation.objects.create(title="Inovasi unit lain", institution=other)
    assert client_as("innovator").get(reverse("registry:iid_profile", args=[innovation.pk])).status_code == 404
    assert client_as("innovator").get(reverse("registry:iid_unit", args=[other.pk])).status_code == 404
    assert client_as("innovator").get(reverse("registry:iid_export", args=[other.pk])).status_code == 404


def test_an_organiser_records_how_a_winner_fared_and_insights_shows_it(client_as, edition_2020):
    award = Award.objects.filter(edition=edition_2020).order_by("order").select_related("entry").first()
    innovation = award.entry.innovation
    organiser = client_as("organiser")
    url = reverse("registry:record_outcome", args=[innovation.pk])
    bad = organiser.post(url, {"year": "99999999999999999999", "level": "top99", "result": "Top 99"}, follow=True)
    assert bad.status_code == 200 and not NationalOutcome.objects.exists()
    organiser.post(url, {"year": 2021, "level": "top99", "result": "Top 99 <b>SINOVIK</b>", "note": "KepmenPAN-RB"})
    outcome = NationalOutcome.objects.get()
    assert outcome.recorded_by.email == "panitia@pemalang.demo"
    public = client_as("anonymous").get(reverse("registry:detail", args=[innovation.pk])).content.decode()
    assert "Top 99 &lt;b&gt;SINOVIK&lt;/b&gt;" in public
    insights = organiser.get(reverse("insights:dashboard")).content.decode()
    assert 'data-testid="winners-beyond"' in insights and "Top 99 &lt;b&gt;SINOVIK&lt;/b&gt;" in insights
    organiser.post(url, {"remove": outcome.pk})
    assert not NationalOutcome.objects.exists()
