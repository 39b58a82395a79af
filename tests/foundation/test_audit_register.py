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


# --- The register in words -----------------------------------------------------------------------------------

import datetime as dt  # noqa: E402
import re  # noqa: E402
from decimal import Decimal  # noqa: E402

from django.conf import settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from sayembara.audit.trail import acting_as  # noqa: E402

RAW = re.compile(r"\b[a-z]+\.[a-z]+ #\d+|\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\+00:00|\bUTC\b")


def _text(html: str) -> str:
    """What a reader sees: the page without tags, attributes and scripts."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def said(msgid: str, **values) -> str:
    """A sentence of the register as an Indonesian page says it (tools/i18n/id_audit.py, once compiled)."""
    from django.utils import translation

    with translation.override("id"):
        return translation.gettext(msgid) % values


def test_the_indonesian_reads_as_a_register():
    """The words themselves, straight from the translations file (the page tests follow the compiled catalogue)."""
    import runpy
    from pathlib import Path

    ID = runpy.run_path(str(Path(__file__).resolve().parents[2] / "tools/i18n/id_audit.py"))["ID"]
    assert ID["Juror %(juror)s assigned to entry %(entry)s in the %(stage)s stage"] % {
        "juror": "Budi Santoso", "entry": "E-2020-014", "stage": "Wawancara"} == \
        "Juri Budi Santoso ditugaskan ke inovasi E-2020-014 pada tahap Wawancara"
    assert ID["Score on criterion %(criterion)s changed from %(before)s to %(after)s"] % {
        "criterion": "Inovasi", "before": "70", "after": "75"} == "Nilai kriteria Inovasi diubah dari 70 menjadi 75"
    assert ID["Results locked"] == "Hasil dikunci"
    assert ID["organiser"] == "panitia"


def _at(event_pk, moment):
    AuditEvent.objects.filter(pk=event_pk).update(at=moment)


@pytest.fixture
def open_2020(edition_2020, demo_users):
    from sayembara.results.sequence import open_correction

    open_correction(edition_2020, demo_users["organiser"], "Pemeriksaan register.")
    return edition_2020


def test_a_score_change_reads_as_who_what_when_and_why(client_as, demo_users, open_2020):
    from sayembara.jury.models import Score

    score = Score.objects.filter(sheet__stage__edition=open_2020).select_related(
        "criterion", "sheet__juror__user", "sheet__entry").order_by("pk").first()
    old, new = score.value, score.value - 5 if score.value >= 5 else score.value + 5
    with acting_as(demo_users["organiser"], note="Salah ketik pada lembar kertas"):
        score.value = new
        score.save()
    event = AuditEvent.objects.filter(model="jury.score", object_id=str(score.pk)).first()
    _at(event.pk, dt.datetime(2026, 12, 3, 7, 5, tzinfo=dt.timezone.utc))

    page = client_as("organiser").get(f"/audit/?model=jury.score&object={score.pk}").content.decode()
    text = _text(page)
    number = lambda d: str(int(d)) if d == d.to_integral_value() else str(d.normalize()).replace(".", ",")  # noqa: E731
    assert said("Score on criterion %(criterion)s changed from %(before)s to %(after)s",
                criterion=score.criterion.name, before=number(old), after=number(new)) in text
    assert "3 Desember 2026 14:05 WIB" in text
    assert f"{demo_users['organiser'].full_name} ({said('organiser')})" in text
    assert "Salah ketik pada lembar kertas" in text
    assert score.sheet.entry.code in text and score.sheet.juror.user.full_name in text
    assert not RAW.findall(text), RAW.findall(text)

    english = client_as("organiser")
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = _text(english.get(f"/audit/?model=jury.score&object={score.pk}").content.decode())
    assert f"Score on criterion {score.criterion.name} changed from" in text and "3 December 2026 14:05 WIB" in text


def test_an_assignment_and_a_lock_read_as_sentences(client_as, demo_users, open_2020):
    edition_2020 = open_2020
    from sayembara.jury import services
    from sayembara.jury.models import Juror

    stage = edition_2020.stages.order_by("-order").first()
    entry = services.stage_entries(stage).order_by("code").first()
    juror = Juror.objects.filter(edition=edition_2020).select_related("user").exclude(
        conflicts__entry=entry).first()
    from sayembara.jury.models import Assignment

    Assignment.objects.filter(stage=stage, juror=juror, entry=entry).delete()
    services.add_assignment(stage, juror, entry, by=demo_users["organiser"])
    services.lock_assignment(stage, by=demo_users["organiser"])
    text = _text(client_as("organiser").get("/audit/").content.decode())
    assert said("Juror %(juror)s assigned to entry %(entry)s in the %(stage)s stage",
                juror=juror.user.full_name, entry=entry.code, stage=stage.name) in text
    assert said("Jury assignment of the %(name)s stage locked", name=stage.name) in text
    assert not RAW.findall(text), RAW.findall(text)


def test_results_locked_reads_as_such(client_as, demo_users, open_2020):
    from sayembara.results import services

    conf = services.settings_for(open_2020)
    with acting_as(demo_users["organiser"]):
        conf.locked_at, conf.locked_by = timezone.now(), demo_users["organiser"]
        conf.save()
    text = _text(client_as("organiser").get("/audit/?model=results.resultsettings").content.decode())
    assert said("Results locked") in text
    assert not RAW.findall(text), RAW.findall(text)


def test_the_whole_demo_trail_reads_without_database_words(client_as):
    """Every page of the demo's trail: no ``app.model #id``, no field names, no ISO times."""
    client = client_as("organiser")
    pages = (AuditEvent.objects.count() + 49) // 50
    for number in sorted({1, 2, pages // 2 or 1, pages}):
        text = _text(client.get(f"/audit/?page={number}").content.decode())
        assert not RAW.findall(text), (number, RAW.findall(text)[:5])
        assert not re.search(r"\b[a-z]+_id\b|\b[a-z]+_[a-z]+:", text), (number, re.findall(r"\b[a-z]+_[a-z_]+\b", text)[:5])


def test_the_trail_is_paginated_with_a_fixed_number_of_queries(client_as, django_assert_max_num_queries, open_2020,
                                                               demo_users):
    """50 events a page, and a page costs the same whether it holds 5 changes or 50: one query per kind of record."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sayembara.jury.models import Score

    client = client_as("organiser")
    scores = list(Score.objects.filter(sheet__stage__edition=open_2020).order_by("pk")[:60])

    def change(some):
        with acting_as(demo_users["organiser"], note="uji"):
            for score in some:
                score.value = Decimal("50") if score.value != Decimal("50") else Decimal("51")
                score.save()

    change(scores[:5])
    with CaptureQueriesContext(connection) as few:
        client.get("/audit/?model=jury.score")
    change(scores[5:])
    with django_assert_max_num_queries(len(few)):
        response = client.get("/audit/?model=jury.score")
    assert response.content.decode().count('data-testid="audit-event"') == 50
    assert 'rel="next"' in response.content.decode()

    # A page of the whole trail: the fixed queries (session, user, count, events, roles) and one per kind of record.
    kinds = {e.model for e in AuditEvent.objects.all()[:50]}
    with CaptureQueriesContext(connection) as mixed:
        client.get("/audit/")
    assert len(mixed) <= 8 + 2 * len(kinds), [q["sql"][:80] for q in mixed]


def test_the_back_office_reads_the_trail_in_words_too(client_as, demo_users, open_2020, django_assert_max_num_queries):
    from sayembara.jury.models import Score

    score = Score.objects.filter(sheet__stage__edition=open_2020).select_related("criterion").order_by("pk").first()
    with acting_as(demo_users["organiser"], note="Salah ketik"):
        score.value = Decimal("61")
        score.save()
    client = client_as("organiser")
    with django_assert_max_num_queries(45):
        text = _text(client.get("/admin/audit/auditevent/").content.decode())
    assert said("Score on criterion %(criterion)s changed from %(before)s to %(after)s",
                criterion=score.criterion.name, before="%(b)s", after="%(a)s").split("%(b)s")[0] in text
    assert "Salah ketik" in text
    assert not RAW.findall(text), RAW.findall(text)
    event = AuditEvent.objects.filter(model="jury.score", object_id=str(score.pk)).first()
    detail = client.get(f"/admin/audit/auditevent/{event.pk}/change/")
    assert detail.status_code == 200 and "Salah ketik" in detail.content.decode()
    assert client.get("/admin/audit/auditevent/?model=jury.score").status_code == 200


def test_the_steps_of_an_entry_read_in_words(client_as, demo_users, open_2020):
    from django.utils import translation

    from sayembara.entries.models import Entry

    entry = Entry.objects.filter(edition=open_2020, status=Entry.Status.PASSED).order_by("code").first()
    with acting_as(demo_users["organiser"], note="Mengundurkan diri atas permintaan unit"):
        entry.status = Entry.Status.WITHDRAWN
        entry.save()
    text = _text(client_as("organiser").get(f"/entries/{entry.code}/").content.decode())
    with translation.override("id"):
        passed, withdrawn = str(Entry.Status.PASSED.label), str(Entry.Status.WITHDRAWN.label)
        thing = str(Entry._meta.verbose_name)
    assert said("Status of %(thing)s %(name)s changed from %(before)s to %(after)s",
                thing=thing, name=entry.code, before=passed, after=withdrawn) in text
    assert f"{demo_users['organiser'].full_name} ({said('organiser')})" in text
    assert "Mengundurkan diri atas permintaan unit" in text
    assert not RAW.findall(text)


def test_who_names_the_role(demo_users):
    from sayembara.audit import describe

    events = [AuditEvent.objects.create(actor=demo_users[role], action="update", model="entries.entry",
                                        object_id="0", summary="x", changes={}) for role in ("juror", "verifier")]
    events.append(AuditEvent.objects.create(actor=None, action="update", model="entries.entry", object_id="0",
                                            summary="x", changes={}))
    who = [s.who for s in describe.describe(describe.with_actors(AuditEvent.objects.filter(pk__in=[e.pk for e in events])
                                                                 .order_by("pk")))]
    unit = demo_users["verifier"].verified_institution
    assert who == [f"{demo_users['juror'].full_name} ({said('juror')})",
                   f"{demo_users['verifier'].full_name} ({said('verifier, %(unit)s', unit=unit.short_name or unit.name)})",
                   said("system")]
