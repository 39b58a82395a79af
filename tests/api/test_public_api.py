"""The public endpoints show what the public pages show, and nothing more."""

import hashlib
import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sayembara.editions.models import Edition, Stage
from sayembara.registry import services as registry_services
from sayembara.registry.models import RegistryRecord
from sayembara.results.models import Publication
from tests import factories

pytestmark = pytest.mark.django_db


def _indexed(entry):
    registry_services.refresh_records([entry.innovation_id])
    return entry.innovation_id


def _search_ids(api_get, **params):
    response = api_get(reverse("api:innovations"), page_size=200, **params)
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_search_finds_public_innovations_with_the_registry_pages_filters(api_get):
    public = RegistryRecord.objects.filter(is_public=True)
    body = api_get(reverse("api:innovations")).json()
    assert body["count"] == public.count() > 0
    assert len(body["results"]) == min(50, body["count"])
    # The same words and filters as the registry page, through the same search service.
    filters = registry_services.SearchFilters(q="pelayanan", year=2020)
    expected = [i.pk for i in registry_services.search(filters)[:200]]
    assert expected and _search_ids(api_get, q="pelayanan", year=2020) == expected
    digital = _search_ids(api_get, digital="yes")
    assert set(digital) == set(public.filter(is_digital=True).values_list("innovation_id", flat=True))


def test_a_draft_editions_innovation_is_absent(api_get):
    draft = factories.edition(2031)  # a draft
    hidden = _indexed(factories.entry(draft, title="Layanan Rahasia Drafzzz"))
    shown_edition = factories.edition(2032, status=Edition.Status.JUDGING)
    shown = _indexed(factories.entry(shown_edition, title="Layanan Terbuka Drafzzz"))
    assert _search_ids(api_get, q="Drafzzz") == [shown]
    assert api_get(reverse("api:innovation", args=[hidden])).status_code == 404
    assert api_get(reverse("api:replications", args=[hidden])).status_code == 404
    assert api_get(reverse("api:innovation", args=[shown])).status_code == 200


def test_an_entry_under_a_blind_stage_is_not_named_with_its_unit(api_get):
    edition = factories.edition(2032, status=Edition.Status.JUDGING)
    blind = factories.stage(edition, blind=True, status=Stage.Status.OPEN)
    entry = factories.entry(edition, title="Layanan Buta Blindzzz")
    innovation = _indexed(entry)
    assert _search_ids(api_get, q="Blindzzz") == []
    assert api_get(reverse("api:innovation", args=[innovation])).status_code == 404
    # Once the blind stage has closed, the same innovation is public with its unit.
    blind.status = Stage.Status.CLOSED
    blind.save()
    _indexed(entry)
    assert _search_ids(api_get, q="Blindzzz") == [innovation]
    body = api_get(reverse("api:innovation", args=[innovation])).json()
    assert body["institution"]["name"] == entry.institution.name
    assert [h["entry"] for h in body["history"]] == [entry.code]


def test_an_innovations_page_and_replications(api_get):
    record = RegistryRecord.objects.filter(is_public=True, replication_count__gt=0).first() or \
        RegistryRecord.objects.filter(is_public=True).first()
    body = api_get(reverse("api:innovation", args=[record.innovation_id])).json()
    assert body["id"] == record.innovation_id and body["years"] == record.years
    assert body["url"].endswith(reverse("registry:detail", args=[record.innovation_id]))
    replications = api_get(reverse("api:replications", args=[record.innovation_id])).json()
    assert replications["count"] == len(registry_services.replications_of(record.innovation))


def _published(year, *, published_at, blind_status=None):
    """An edition with a frozen publication of two ranked entries, one awarded."""
    edition = factories.edition(year, status=Edition.Status.PUBLISHED, results_published_at=published_at)
    first, second = factories.entry(edition), factories.entry(edition)
    if blind_status:
        factories.stage(edition, blind=True, status=blind_status)
    payload = json.dumps({
        "edition": {"year": year}, "method": "mean",
        "ranking": [{"entry": e.code, "title": e.title, "institution": e.institution.name, "score": 90.0 - n,
                     "rank": n + 1, "rank_low": None, "rank_high": None, "tie": False} for n, e in enumerate([first, second])],
        "awards": [{"entry": first.code, "title": "Juara I", "category": "", "order": 1}],
        "scores": [],
    }, sort_keys=True)
    Publication.objects.create(edition=edition, payload=payload, sha256=hashlib.sha256(payload.encode()).hexdigest())
    return edition, first


def _results_years(api_get):
    return [row["year"] for row in api_get(reverse("api:results_list"), page_size=200).json()["results"]]


def test_results_not_yet_public_are_absent(api_get):
    edition, _first = _published(2033, published_at=timezone.now() + timedelta(days=1))
    assert not edition.results_are_public
    assert api_get(reverse("api:results", args=[2033])).status_code == 404
    assert api_get(reverse("api:ranking", args=[2033])).status_code == 404
    assert 2033 not in _results_years(api_get)
    Edition.objects.filter(pk=edition.pk).update(results_published_at=timezone.now() - timedelta(minutes=1))
    assert api_get(reverse("api:results", args=[2033])).status_code == 200
    assert 2033 in _results_years(api_get)


def test_results_of_an_edition_with_its_makers_hidden_are_absent(api_get):
    _published(2034, published_at=timezone.now() - timedelta(days=1), blind_status=Stage.Status.PLANNED)
    assert api_get(reverse("api:results", args=[2034])).status_code == 404
    assert api_get(reverse("api:ranking", args=[2034])).status_code == 404
    assert 2034 not in _results_years(api_get)
    Stage.objects.filter(edition__year=2034).update(status=Stage.Status.CLOSED)
    body = api_get(reverse("api:results", args=[2034])).json()
    assert body["awards"][0]["institution"]


def test_drafts_and_editions_in_judging_have_no_results(api_get):
    factories.edition(2035)
    for year in (2035, 1900, 2026):
        assert api_get(reverse("api:results", args=[year])).status_code == 404


def test_published_results_are_as_published_and_verifiable(client, api_get):
    body = api_get(reverse("api:results", args=[2020])).json()
    published = client.get(body["file_url"])
    assert published.status_code == 200
    # A program downloads the published file and checks its fingerprint.
    assert hashlib.sha256(published.content).hexdigest() == body["current"]["sha256"]
    assert body["intact"] is True and body["versions"][0]["kind"] == "publication"
    payload = json.loads(published.content)
    assert [(a["entry"], a["award"], a["order"]) for a in body["awards"]] == [
        (a["entry"], a["title"], a["order"]) for a in payload["awards"]]
    assert body["ranking_count"] == len(payload["ranking"])
    rows, url = [], body["ranking_url"] + "?page_size=7"
    while url:
        page = client.get(url).json()
        rows += page["results"]
        url = page["next"]
    assert rows == payload["ranking"]
    assert 2020 in _results_years(api_get)


def _queries(api_get, url, **params):
    with CaptureQueriesContext(connection) as ctx:
        assert api_get(url, **params).status_code == 200
    return len(ctx.captured_queries)


def test_query_counts_do_not_grow_with_rows(api_get):
    edition = factories.edition(2036, status=Edition.Status.JUDGING)
    urls = [(reverse("api:innovations"), {"q": "Countzzz"}), (reverse("api:innovations"), {}),
            (reverse("api:results_list"), {}), (reverse("api:ranking", args=[2020]), {})]
    _indexed(factories.entry(edition, title="Layanan Countzzz 0"))
    before = [_queries(api_get, url, **params) for url, params in urls]
    for n in range(1, 12):
        _indexed(factories.entry(edition, title=f"Layanan Countzzz {n}"))
    _published(2037, published_at=timezone.now() - timedelta(days=1))
    after = [_queries(api_get, url, **params) for url, params in urls]
    assert after == before
    assert api_get(reverse("api:innovations"), q="Countzzz").json()["count"] == 12


@pytest.mark.parametrize("params", [
    {"year": "abc"}, {"digital": "maybe"}, {"status": "nope"}, {"institution": "99999999999999999999"},
    {"maturity": "x"}, {"q": "x" * 500}, {"award": ["yes", "abc"]},
])
def test_junk_filters_are_refused_with_400(api_get, params):
    response = api_get(reverse("api:innovations"), **params)
    assert response.status_code == 400 and response.json()


@pytest.mark.parametrize("params", [{"page": "abc"}, {"page": "99999"}, {"page": "-1"}])
def test_junk_pages_are_404(api_get, params):
    assert api_get(reverse("api:innovations"), **params).status_code == 404


def test_ids_beyond_the_database_are_404(api_get):
    for url in (reverse("api:innovation", args=[99999999999999999999]), reverse("api:results", args=[99999999]),
                reverse("api:replications", args=[2**31])):
        assert api_get(url).status_code == 404


def test_anonymous_requests_are_throttled(api_get, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "5/minute"}}
    statuses = [api_get(reverse("api:results_list")).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert "Retry-After" in api_get(reverse("api:results_list"))


def test_the_docs_page_runs_under_the_sites_csp(client):
    page = client.get(reverse("api:docs"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<style" not in html and "<script>" not in html and "cdn" not in html.lower()
    assert "default-src 'self'" in page["Content-Security-Policy"]
    script = client.get(reverse("api:docs"), {"script": ""})
    assert script.status_code == 200 and script["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in script.content.decode()


def test_the_schema_is_valid_openapi_without_warnings(tmp_path):
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    text = (tmp_path / "schema.yaml").read_text()
    assert "/api/v1/organiser/editions/{year}/scores/" in text and "tokenAuth" in text
