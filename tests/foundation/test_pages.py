"""Public pages: what a visitor reads, and that they stay fast as the contest grows."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from sayembara.editions.models import Edition, Phase

pytestmark = pytest.mark.django_db


def test_home_shows_the_2020_competition_in_indonesian(client):
    page = client.get("/").content.decode()
    assert "<h1>Kompetisi Inovasi Pelayanan Publik 2020</h1>" in page
    assert "Pemenang" in page and "Jadwal" in page and "Tahap dan kriteria" in page
    assert "24 November 2020" in page  # the presentation day, in Indonesian
    assert "KAMPUNG BATIK PENGGARIT" in page


def test_an_open_edition_calls_for_entries_and_keeps_last_winners_on_the_front_page(client):
    edition = Edition.objects.create(year=2021, title="Kompetisi Inovasi Pelayanan Publik", host="Pemerintah Kabupaten Pemalang",
                                     status=Edition.Status.OPEN)
    deadline = timezone.now() + dt.timedelta(days=30)
    Phase.objects.create(edition=edition, kind=Phase.Kind.SUBMISSION, name="Batas akhir", starts_at=timezone.now(), ends_at=deadline)
    page = client.get("/").content.decode()
    assert "<h1>Kompetisi Inovasi Pelayanan Publik 2021</h1>" in page
    assert 'id="call-for-entries"' in page and "Pendaftaran dibuka" in page
    assert "Pemenang 2020" in page and "KAMPUNG BATIK PENGGARIT" in page


def test_english_on_request(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page and "Winners" in page and "Schedule" in page


def test_edition_page_query_count_does_not_grow_with_entries(client):
    counts = {}
    for year in (2018, 2020):  # 35 and 18 entries
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/editions/{year}/").status_code == 200
        counts[year] = len(ctx.captured_queries)
    assert counts[2018] == counts[2020], counts


def test_unknown_edition_is_404(client):
    assert client.get("/editions/1999/").status_code == 404
