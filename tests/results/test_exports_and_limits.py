"""Exports cannot carry formulas; public objections are rate-limited per address."""

import csv
import io
import json

import pytest
from django.core.cache import cache
from django.urls import reverse
from openpyxl import load_workbook

from sayembara.jury.models import Score
from sayembara.results.models import Objection, Publication

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://x")', "@SUM(1)", "-2+3"]


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters live in the cache: no test may inherit another's."""
    cache.clear()
    yield
    cache.clear()


def test_recap_xlsx_neutralises_titles_and_justifications(client_as, edition_2020):
    entries = list(edition_2020.entries.order_by("code")[:3])
    for entry, title in zip(entries, FORMULAS):
        entry.title = title
        entry.save(update_fields=["title"])
    Score.objects.filter(sheet__entry=entries[0]).update(justification="+cmd|' /C calc'!A0")
    response = client_as("organiser").get(reverse("results:document", args=[2020, "recap.xlsx"]))
    wb = load_workbook(io.BytesIO(response.content))
    final = {row[1].value: row for row in wb["Nilai akhir"].iter_rows(min_row=2)}
    for entry, title in zip(entries, FORMULAS):
        cell = final[entry.code][2]
        assert cell.value == "'" + title and cell.data_type == "s"
        assert isinstance(final[entry.code][0].value, int)  # the rank stays a number
        assert isinstance(final[entry.code][6].value, float)  # so does the score
    justifications = {row[6] for row in wb["Nilai per juri"].iter_rows(min_row=2, values_only=True)}
    assert "'+cmd|' /C calc'!A0" in justifications
    assert not any(str(v).startswith(("=", "+", "-", "@")) for v in justifications if v)


def test_published_csv_files_are_neutralised_but_numbers_stay_numbers(client_as, edition_2020):
    publication = edition_2020.publication
    payload = json.loads(publication.payload)
    payload["scores"].insert(0, [FORMULAS[0], "J1", FORMULAS[1], -2.5, "proposal"])
    payload["weights"]["criteria"].insert(0, ["proposal", FORMULAS[2], 1.0])
    # A publication is immutable through the model; the test changes the stored text behind its back.
    Publication.objects.filter(pk=publication.pk).update(payload=json.dumps(payload))
    anonymous = client_as("anonymous")
    scores = list(csv.reader(io.StringIO(
        anonymous.get(reverse("results:published_file", args=[2020, "scores.csv"])).content.decode())))
    assert scores[1] == ["'" + FORMULAS[0], "J1", "'" + FORMULAS[1], "-2.5", "proposal"]
    assert float(scores[1][3]) == -2.5
    assert all(not cell.startswith(("=", "+", "@")) for row in scores for cell in row)
    weights = list(csv.reader(io.StringIO(
        anonymous.get(reverse("results:published_file", args=[2020, "weights.csv"])).content.decode())))
    assert weights[1] == ["'" + FORMULAS[2], "1.0", "proposal"]


# --- Rate limit of public objections ----------------------------------------------------------------------


@pytest.fixture
def open_objections(public_test_2019):
    return reverse("results:objections", args=[2019])


def _objection(n: int) -> dict:
    return {"name": f"Warga {n}", "email": f"warga{n}@example.org", "text": f"Keberatan nomor {n}."}


def test_a_burst_of_objections_from_one_address_is_refused_after_a_few(client, open_objections, settings):
    settings.OBJECTIONS_PER_HOUR = 5
    statuses = [client.post(open_objections, _objection(n), REMOTE_ADDR="198.51.100.7").status_code for n in range(30)]
    assert statuses[:5] == [302] * 5 and statuses[5:] == [429] * 25
    assert Objection.objects.filter(name__startswith="Warga ").count() == 5
    refused = client.post(open_objections, _objection(99), REMOTE_ADDR="198.51.100.7")
    page = refused.content.decode()
    assert refused.status_code == 429 and "Keberatan nomor 99." in page  # the text is kept in the form
    assert "Terlalu banyak" in page or "Too many submissions" in page
    # Another address is not affected.
    assert client.post(open_objections, _objection(100), REMOTE_ADDR="203.0.113.20").status_code == 302
    # Reading the page is never limited.
    assert client.get(open_objections, REMOTE_ADDR="198.51.100.7").status_code == 200


def test_the_refusal_speaks_english_when_chosen(client, open_objections, settings):
    settings.OBJECTIONS_PER_HOUR = 1
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.post(open_objections, _objection(1)).status_code == 302
    refused = client.post(open_objections, _objection(2))
    assert refused.status_code == 429 and "Too many submissions from your connection" in refused.content.decode()


def test_behind_a_proxy_the_forwarded_client_counts_not_the_proxy(client, open_objections, settings):
    settings.OBJECTIONS_PER_HOUR = 2
    settings.PROXY_COUNT = 1
    proxy = "10.0.0.1"

    def post(n, forwarded):
        return client.post(open_objections, _objection(n), REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=forwarded).status_code

    assert [post(n, "203.0.113.5") for n in range(3)] == [302, 302, 429]
    # A second client behind the same proxy has its own count.
    assert post(10, "203.0.113.6") == 302
    # A client cannot escape its count by writing its own X-Forwarded-For: the proxy appends the real address.
    assert post(11, "192.0.2.99, 203.0.113.5") == 429
