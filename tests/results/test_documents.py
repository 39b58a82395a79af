"""The official papers: rendered, and their text checked for names, totals and the hash."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from sayembara.jury.models import Score, ScoreSheet
from sayembara.results.models import Certificate


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def organiser(client_as):
    return client_as("organiser")


def test_minutes_name_the_jury_the_winners_and_the_hash(organiser, edition_2020):
    text = pdf_text(organiser.get(reverse("results:document", args=[2020, "minutes.pdf"])))
    assert "BERITA ACARA" in text
    for juror in edition_2020.jurors.select_related("user"):
        assert juror.user.full_name in text
    for award in edition_2020.awards.select_related("entry"):
        assert award.title in text and f"{award.final_score:.2f}" in text
    assert edition_2020.publication.sha256 in text.replace("\n", "")
    assert "Jumlah peserta yang dinilai: 18" in text


def test_recap_lists_every_entry_and_the_xlsx_matches(organiser, edition_2020):
    text = pdf_text(organiser.get(reverse("results:document", args=[2020, "recap.pdf"])))
    assert "REKAPITULASI NILAI" in text
    codes = list(edition_2020.entries.values_list("code", flat=True))
    assert all(code in text for code in codes)
    response = organiser.get(reverse("results:document", args=[2020, "recap.xlsx"]))
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb["Nilai akhir"]
    assert {row[1] for row in ws.iter_rows(min_row=2, values_only=True)} == set(codes)
    # One row per score of a submitted sheet, and nothing else.
    submitted = Score.objects.filter(sheet__stage__edition=edition_2020, sheet__status=ScoreSheet.Status.SUBMITTED)
    assert submitted.count() > 0 and wb["Nilai per juri"].max_row - 1 == submitted.count()


def test_a_stage_recap_states_a_computed_stage_ranking_and_the_decree_its_winners(organiser, edition_2020, run_jobs):
    stage = edition_2020.stages.get(order=3)
    recap = reverse("results:document", args=[2020, "recap.pdf"]) + f"?stage={stage.order}"
    # Never computed for this stage: the paper is refused with the reason, and the desk computes it (a job, even for
    # a published edition: a stage's ranking is not what was published).
    refused = organiser.get(recap, follow=True)
    assert refused.redirect_chain[-1][0] == reverse("results:stage", args=[2020, 3])
    assert "lalu cetak" in refused.content.decode()
    organiser.post(reverse("results:compute", args=[2020]), {"stage": stage.order})
    [job] = run_jobs()
    assert job.state == "done"
    stage_text = pdf_text(organiser.get(recap))
    assert "WAWANCARA" in stage_text
    decree = pdf_text(organiser.get(reverse("results:document", args=[2020, "decree.pdf"])))
    assert "KEPUTUSAN" in decree and "Juara I" in decree
    # The structure of a Keputusan Bupati, not a secretary's letter.
    flat = " ".join(decree.split())
    for part in ("KEPUTUSAN BUPATI PEMALANG", "BUPATI PEMALANG,", "Menimbang", "Mengingat", "MEMUTUSKAN:", "Menetapkan",
                 "KESATU", "KEDUA", "KETIGA", "Ditetapkan di Pemalang", "pada tanggal",
                 "Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah"):
        assert part in flat, part
    assert "SEKRETARIS DAERAH" not in flat.split("Menimbang")[0]
    minutes = " ".join(pdf_text(organiser.get(reverse("results:document", args=[2020, "minutes.pdf"]))).split())
    for english in ("bootstrap", "seed", "additive", "method"):
        assert english not in minutes.lower(), english
    # The uncertainty in the words of the paper: how to read a range, and each tied place with its range.
    assert "“peringkat 2, dengan rentang 1–4” berarti" in minutes
    assert re.search(r"Catatan seri statistik: \S+ peringkat \d+, dengan rentang \d+–\d+", minutes)


def test_score_sheets_of_a_juror_carry_scores_and_justifications(organiser, edition_2020):
    juror = edition_2020.jurors.select_related("user").first()
    text = pdf_text(organiser.get(reverse("results:juror_sheets", args=[2020, juror.pk])))
    assert text.count("LEMBAR PENILAIAN") == juror.sheets.count() > 0  # one page per sheet of this juror
    assert juror.user.full_name in text
    assert "bukti pendukung dinilai sesuai" in text


def test_certificate_carries_its_code_and_the_feedback_letter_the_field(client_as, edition_2020, demo_users):
    entry = edition_2020.entries.filter(team__user=demo_users["innovator"]).order_by("code").first()
    innovator = client_as("innovator")
    feedback = pdf_text(innovator.get(reverse("results:entry_paper", args=[2020, entry.code, "feedback.pdf"])))
    assert "UMPAN BALIK" in feedback and "Rata-rata peserta" in feedback and entry.institution.name in feedback
    certificate = Certificate.objects.get(entry=entry, kind="participant")
    text = pdf_text(innovator.get(reverse("results:entry_paper", args=[2020, entry.code, "participant-certificate.pdf"])))
    assert certificate.code in text and "PIAGAM" in text
    # Another unit's innovator cannot fetch this unit's papers.
    other = edition_2020.entries.exclude(institution=entry.institution).first()
    assert innovator.get(reverse("results:entry_paper", args=[2020, other.code, "feedback.pdf"])).status_code == 403


def _pdf_bytes_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_hostile_titles_and_justifications_print_as_written(edition_2020):
    """User text never becomes paper markup: no vanished words, no 500, no server file embedded."""
    from sayembara.entries.models import Entry
    from sayembara.jury.models import Score
    from sayembara.results import documents

    awarded = edition_2020.awards.select_related("entry").first().entry
    Entry.objects.filter(pk=awarded.pk).update(title='SIP<b>DES <Tanda> & "kutip" <img src="/etc/passwd"/>')
    score = Score.objects.filter(sheet__entry=awarded, sheet__stage__edition=edition_2020).first()
    Score.objects.filter(pk=score.pk).update(justification='<img src="/etc/hostname" width="400"/> bagus <font size="40">')
    awarded.refresh_from_db()
    juror = score.sheet.juror
    certificate = Certificate.objects.filter(entry=awarded).first()
    papers = {
        "recap": documents.recap_pdf(edition_2020),
        "minutes": documents.minutes_pdf(edition_2020),
        "decree": documents.decree_pdf(edition_2020),
        "feedback": documents.feedback_pdf(edition_2020, awarded),
        "sheets": documents.score_sheets_pdf(edition_2020, juror),
        "certificate": documents.certificate_pdf(certificate, "https://lomba.example/verifikasi/"),
    }
    for name, data in papers.items():
        text = " ".join(_pdf_bytes_text(data).split())
        assert "SIP<b>DES" in text and "<Tanda>" in text, name
        assert b"/Subtype /Image" not in data and b"/Subtype/Image" not in data, name  # nothing from the server
    feedback = " ".join(_pdf_bytes_text(papers["feedback"]).split())
    assert '<img src="/etc/hostname" width="400"/> bagus' in feedback


def test_papers_are_dated_by_the_acts_they_record_not_the_day_they_are_printed(organiser, edition_2020):
    """2020: provisional announcements on 1 and 4 December (the second after an upheld response), the jury's
    decision on 12 December, the decree on 17 December, the final publication on 21 December 2020."""
    minutes = " ".join(pdf_text(organiser.get(reverse("results:document", args=[2020, "minutes.pdf"]))).split())
    assert "Pada hari ini, 12 Desember 2020" in minutes and "2026" not in minutes
    assert "Nomor: 000.8.3/BA-001/2020" in minutes
    assert "Pengumuman sementara Nomor 000.8.3/001/2020 tanggal 1 Desember 2020" in minutes
    assert "Pengumuman sementara Nomor 000.8.3/002/2020 tanggal 4 Desember 2020" in minutes and "1 diterima" in minutes
    decree = " ".join(pdf_text(organiser.get(reverse("results:document", args=[2020, "decree.pdf"]))).split())
    assert "NOMOR 100.3.3.2/720/2020" in decree and "pada tanggal 17 Desember 2020" in decree
    assert "DRAF" not in decree and "2026" not in decree and "Nomor 000.8.3/BA-001/2020 tanggal 12 Desember 2020" in decree
    attendance = " ".join(pdf_text(organiser.get(reverse("results:document", args=[2020, "attendance.pdf"]))).split())
    assert "DAFTAR HADIR" in attendance and "12 Desember 2020" in attendance
    certificate = Certificate.objects.filter(edition=edition_2020, kind="winner").first()
    paper = " ".join(pdf_text(organiser.get(reverse("results:entry_paper", args=[2020, certificate.entry.code, "certificate.pdf"]))).split())
    assert "21 Desember 2020" in paper and f"Nomor: {certificate.number}" in paper
    assert certificate.number.startswith("800.1.3.3/") and certificate.number.endswith("/2020")
    assert "Nomor 100.3.3.2/720/2020 tanggal 17 Desember 2020" in paper
    letter = " ".join(pdf_text(organiser.get(reverse("results:entry_paper", args=[2020, certificate.entry.code, "feedback.pdf"]))).split())
    assert "21 Desember 2020" in letter and "Nomor: 000.8.3/UB-" in letter
    page = organiser.get(reverse("results:certificate", args=[certificate.code])).content.decode()
    assert "21 Desember 2020" in page


def test_the_certificate_signature_carries_the_nip_when_given(organiser, edition_2020):
    from sayembara.results import services
    from sayembara.results.models import ResultSettings

    conf = services.settings_for(edition_2020)
    ResultSettings.objects.filter(pk=conf.pk).update(signatory_nip="19700101 199003 1 001")
    certificate = Certificate.objects.filter(edition=edition_2020, kind="winner").first()
    paper = " ".join(pdf_text(organiser.get(reverse("results:entry_paper", args=[2020, certificate.entry.code, "certificate.pdf"]))).split())
    assert "NIP 19700101 199003 1 001" in paper and conf.signatory_name in paper
