"""Recaps of a national edition: printed by the worker above a size, signed on rows of four, never a server error."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from sayembara.results import documents, papers

pytestmark = pytest.mark.django_db


def test_a_recap_larger_than_a_page_may_print_is_printed_by_the_worker(client_as, edition_2020, monkeypatch, run_jobs):
    monkeypatch.setattr(papers, "INLINE_ROWS_MAX", 3)  # the demo's 2020 ranking stands for a national one
    organiser = client_as("organiser")
    for kind in ("recap.pdf", "recap.xlsx"):
        response = organiser.get(reverse("results:document", args=[2020, kind]))
        assert response.status_code == 302 and "/jobs/" in response["Location"], kind
    jobs = run_jobs()
    assert [job.state for job in jobs] == ["done", "done"], [job.error for job in jobs]
    pdf = organiser.get(jobs[0].result_url)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(b"".join(pdf.streaming_content))).pages)
    run, rows = documents.final_rows(edition_2020)
    assert "REKAPITULASI NILAI" in text and all(row.entry.code in text for row in rows)
    xlsx = organiser.get(jobs[1].result_url)
    assert xlsx.status_code == 200 and b"".join(xlsx.streaming_content)[:2] == b"PK"
    assert 'filename="rekapitulasi-2020.xlsx"' in xlsx["Content-Disposition"]
    # The file is the organiser's: another role, or another year's address, does not reach it.
    assert client_as("juror").get(jobs[0].result_url).status_code == 403
    other_year = jobs[0].result_url.replace("/2020/", "/2019/")
    assert organiser.get(other_year).status_code == 404


def test_a_national_jury_signs_on_rows_of_four(edition_2020, monkeypatch):
    """300 jurors used to be 300 columns of signatures half a millimetre wide: reportlab refused, the page was a 500."""
    from tests import factories

    for n in range(300):
        factories.juror(edition_2020, ("academic", "ngo", "bureaucracy")[n % 3])
    pdf = documents.recap_pdf(edition_2020)
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    assert text.count("Unsur Akademisi") >= 100 and "Juri Uji" in text


def test_the_documents_page_lists_entries_a_page_at_a_time_with_a_search(client_as, edition_2020, monkeypatch):
    from sayembara.entries.models import Entry
    from sayembara.results import views

    monkeypatch.setattr(views, "DOCUMENTS_PAGE_SIZE", 2)
    organiser = client_as("organiser")
    url = reverse("results:documents", args=[2020])
    listed = Entry.objects.visible_to_public().filter(edition=edition_2020).order_by("code")
    first = organiser.get(url)
    assert [row["entry"].code for row in first.context["rows"]] == [e.code for e in listed[:2]]
    assert first.context["page"].paginator.count == listed.count()
    winner = edition_2020.awards.order_by("order").first().entry
    found = organiser.get(url, {"q": winner.code})
    assert [(row["entry"], row["winner"]) for row in found.context["rows"]] == [(winner, True)]
    assert organiser.get(url, {"page": "zzz"}).status_code == 200


def test_a_feedback_letter_before_publication_with_a_stale_ranking_sends_the_organiser_to_the_desk(
        client_as, undecided_2019):
    """Found at national scale: scores saved after the ranking made the letter's preview a server error."""
    from sayembara.jury.models import Score

    entry = undecided_2019.entries.filter(sheets__status="submitted").first()
    score = Score.objects.filter(sheet__entry=entry, sheet__stage__edition=undecided_2019).first()
    score.value = score.criterion.min_score if score.value != score.criterion.min_score else score.criterion.max_score
    score.save()  # the ranking is now out of date
    url = reverse("results:entry_paper", args=[2019, entry.code, "feedback.pdf"])
    response = client_as("organiser").get(url, follow=True)
    assert response.redirect_chain[0] == (reverse("results:manage", args=[2019]), 302)
    assert "peringkat" in response.content.decode()
    assert client_as("innovator").get(url).status_code in {403, 404}
