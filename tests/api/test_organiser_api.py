"""The organiser's exports: a valid organiser token, the organiser's rulebook, paged with constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sayembara.api import services
from sayembara.api.models import ApiToken
from sayembara.editions.models import Edition
from sayembara.entries.models import Entry
from sayembara.jury.models import Assignment, Score
from tests import factories

from .conftest import key_for

pytestmark = pytest.mark.django_db

EXPORTS = ["api:export_entries", "api:export_assignments", "api:export_scores"]


@pytest.mark.parametrize("name", EXPORTS)
def test_exports_need_an_organisers_valid_token(api_get, demo_users, organiser_key, name):
    url = reverse(name, args=[2020])
    assert api_get(url).status_code == 401
    assert api_get(url, key="sk_not-a-token").status_code == 401
    assert api_get(url, key="x" * 1000).status_code == 401
    for role in ("innovator", "juror", "verifier", "outsider"):
        assert api_get(url, key=key_for(demo_users[role], name)).status_code == 403, role
    assert api_get(url, key=organiser_key).status_code == 200
    token = ApiToken.objects.get(digest=services.digest(organiser_key))
    services.revoke_token(demo_users["organiser"], token)
    assert api_get(url, key=organiser_key).status_code == 401


def test_a_token_of_an_inactive_user_is_refused(api_get, demo_users, organiser_key):
    demo_users["organiser"].is_active = False
    demo_users["organiser"].save()
    assert api_get(reverse("api:export_entries", args=[2020]), key=organiser_key).status_code == 401


def test_the_session_of_the_organiser_is_not_an_api_key(client_as):
    assert client_as("organiser").get(reverse("api:export_entries", args=[2020])).status_code == 401


def _all(api_get, url, key, **params):
    rows, page = [], 1
    while True:
        body = api_get(url, key=key, page=page, **params).json()
        rows += body["results"]
        if not body["next"]:
            return body["count"], rows
        page += 1


def test_exports_hold_every_row_page_by_page(api_get, organiser_key):
    edition = Edition.objects.get(year=2020)
    count, rows = _all(api_get, reverse("api:export_entries", args=[2020]), organiser_key, page_size=7)
    assert count == len(rows) == Entry.objects.filter(edition=edition).count()
    assert {r["code"] for r in rows} == set(Entry.objects.filter(edition=edition).values_list("code", flat=True))
    count, rows = _all(api_get, reverse("api:export_scores", args=[2020]), organiser_key, page_size=200)
    scores = Score.objects.filter(sheet__stage__edition=edition)
    assert count == len(rows) == scores.count() > 200
    assert {(r["entry"], r["criterion"], r["juror"]["id"], r["value"]) for r in rows} == {
        (s.sheet.entry.code, s.criterion.code, s.sheet.juror_id, float(s.value)) for s in scores.select_related(
            "sheet__entry", "criterion", "sheet")}
    stage_1 = api_get(reverse("api:export_scores", args=[2020]), key=organiser_key, stage=1).json()
    assert stage_1["count"] == scores.filter(sheet__stage__order=1).count()
    entries = api_get(reverse("api:export_entries", args=[2020]), key=organiser_key, status="passed").json()
    assert entries["count"] == Entry.objects.filter(edition=edition, status="passed").count()


def _queries(api_get, url, key):
    with CaptureQueriesContext(connection) as ctx:
        assert api_get(url, key=key).status_code == 200
    return len(ctx.captured_queries)


def test_export_query_counts_do_not_grow_with_rows(api_get, organiser_key):
    edition = factories.edition(2038, status=Edition.Status.JUDGING)
    stage = factories.stage(edition, criteria={"inovasi": (0, 100), "manfaat": (0, 100)})
    jurors = [factories.juror(edition) for _ in range(3)]

    def add(n):
        for _ in range(n):
            entry = factories.entry(edition, category=None)
            for juror in jurors:
                Assignment.objects.create(stage=stage, juror=juror, entry=entry)
                factories.submit_sheet(juror, stage, entry, {"inovasi": 70, "manfaat": 80})

    add(1)
    urls = [reverse(name, args=[2038]) for name in EXPORTS]
    api_get(urls[0], key=organiser_key)  # the token's first use is noted once
    before = [_queries(api_get, url, organiser_key) for url in urls]
    add(20)
    after = [_queries(api_get, url, organiser_key) for url in urls]
    assert after == before
    body = api_get(urls[2], key=organiser_key).json()
    assert body["count"] == 21 * 3 * 2 and len(body["results"]) == 50 and body["next"]
    assignments = api_get(urls[1], key=organiser_key).json()
    assert assignments["count"] == 63 and assignments["results"][0]["juror"]["name"].startswith("Juri Uji")


@pytest.mark.parametrize("params", [{"stage": "abc"}, {"stage": "-1"}, {"status": "nope"}, {"page": "abc"},
                                    {"page_size": "abc"}, {"page": "99999"}])
def test_junk_parameters_are_400_or_404(api_get, organiser_key, params):
    for name in EXPORTS:
        status = api_get(reverse(name, args=[2020]), key=organiser_key, **params).status_code
        assert status in {200, 400, 404}, (name, params, status)
    assert api_get(reverse(EXPORTS[0], args=[99999]), key=organiser_key).status_code == 404
    assert api_get(reverse(EXPORTS[0], args=[1900]), key=organiser_key).status_code == 404


def test_tokens_are_throttled_per_user(api_get, organiser_key, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"anon": "100/minute", "user": "2/minute"}}
    url = reverse("api:export_entries", args=[2020])
    assert [api_get(url, key=organiser_key).status_code for _ in range(3)] == [200, 200, 429]
