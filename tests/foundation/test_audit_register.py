"""The audit trail reads like a register: who, what in words, when in WIB, why; and looking never writes."""

import pytest
from django.urls import reverse

from sayembara.audit.models import AuditEvent
from tests.test_authorization import CASES

# Every page the organiser may open (the role matrix lists them all), logging out and switching language aside.
ORGANISER_PAGES = [c for c in CASES if c[2].get("organiser") == 200 and c[0] not in {"accounts:logout", "set_language"}]


@pytest.mark.parametrize("case", ORGANISER_PAGES, ids=[c[0] for c in ORGANISER_PAGES])
def test_opening_an_organiser_page_records_nothing(case, client_as, demo_users, edition_2020):
    name, kwargs_factory, _expected = case[:3]
    # Building the kwargs may itself prepare data (a judging demo, an evidence file): done before counting.
    url = reverse(name, kwargs=kwargs_factory({"users": demo_users, "edition": edition_2020}) if kwargs_factory else None)
    client = client_as("organiser")
    before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = client.get(url)
    assert response.status_code == 200, url
    written = list(AuditEvent.objects.filter(pk__gt=before).values_list("model", "action", "object_id"))
    assert not written, f"GET {url} wrote audit events: {written}"


EDITION_PAGES = ["jury:organise", "jury:conflicts", "jury:conflicts_csv", "results:manage", "results:awards",
                 "results:provisional", "results:decide", "results:decree", "results:publish", "results:settings",
                 "results:documents", "entries:extensions", "entries:import", "editions:detail", "results:public",
                 "results:objections"]
STAGE_PAGES = ["jury:stage_assignment", "jury:stage_change", "jury:stage_progress", "jury:stage_schedule",
               "jury:stage_agenda", "jury:stage_attendance", "jury:stage_masking", "jury:import_sheets", "jury:live"]


def test_opening_every_edition_and_stage_page_of_the_demo_records_nothing(client_as, demo_users):
    """As ``make run`` shows it: 2026 in judging (its interview stage not assigned yet) and 2027 open."""
    from sayembara.editions.models import Edition, Stage
    from sayembara.entries.demo_open_edition import ensure_open_edition
    from sayembara.jury.demo import prepare_judging_demo

    prepare_judging_demo()
    ensure_open_edition()
    urls = ["/organiser/", "/audit/", "/insights/", "/organiser/entries/"]
    for edition in Edition.objects.order_by("year"):
        urls += [reverse(name, kwargs={"year": edition.year}) for name in EDITION_PAGES]
        urls += [reverse("results:stage", kwargs={"year": edition.year, "order": s.order}) for s in edition.stages.all()]
    for stage in Stage.objects.order_by("pk"):
        urls += [reverse(name, kwargs={"stage_pk": stage.pk}) for name in STAGE_PAGES]
    client = client_as("organiser")
    before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    writers, opened = {}, 0
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, url
        opened += response.status_code == 200
        written = list(AuditEvent.objects.filter(pk__gt=before).values_list("model", "action", "object_id"))
        if written:
            writers[url] = written
            before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first()
    assert opened > 100
    assert not writers, f"GET wrote audit events: {writers}"

