"""The organiser's stage lists at national size: counts on top, filters, one page of rows, drill-down.

A stage of 120 entries (more than two pages of 50) judged by six jurors, with panels of every kind: complete,
incomplete, empty; sheets submitted, drafted and missing; conflicts on a few entries.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sayembara.jury.models import Assignment, Conflict, Juror, ScoreSheet
from tests import factories

pytestmark = pytest.mark.django_db

ENTRIES = 120


@pytest.fixture
def national(client_as):
    edition = factories.edition(2032)
    stage = factories.stage(edition)
    jurors = [factories.juror(edition, element) for element in (Juror.Element.ACADEMIC, Juror.Element.NGO,
                                                                 Juror.Element.BUREAUCRACY) * 2]
    entries = [factories.entry(edition, title=f"Layanan {i:03d}") for i in range(ENTRIES)]
    # Entries 0-99: three jurors; 100-109: one juror; 110-119: none.
    for i, entry in enumerate(entries[:110]):
        panel = jurors[i % 2 * 3:i % 2 * 3 + 3] if i < 100 else jurors[:1]
        Assignment.objects.bulk_create(Assignment(stage=stage, juror=j, entry=entry) for j in panel)
    # Juror 0 submits everything it has; juror 1 drafts one sheet and submits nothing.
    for assignment in Assignment.objects.filter(stage=stage, juror=jurors[0]).select_related("entry"):
        factories.submit_sheet(jurors[0], stage, assignment.entry, {"inovasi": 70})
    factories.submit_sheet(jurors[1], stage, entries[0], {"inovasi": 60}, status=ScoreSheet.Status.DRAFT)
    Conflict.objects.create(juror=jurors[2], entry=entries[5], kind=Conflict.Kind.SAME_UNIT, note="Satu kantor")
    Conflict.objects.create(juror=jurors[3], entry=entries[7], kind=Conflict.Kind.SAME_UNIT)
    return {"edition": edition, "stage": stage, "jurors": jurors, "entries": entries, "client": client_as("organiser")}


def _get(national, name, **query):
    url = reverse(name, kwargs={"stage_pk": national["stage"].pk})
    return national["client"].get(url, query)


def test_assignment_page_counts_every_panel_and_lists_one_page(national):
    response = _get(national, "jury:stage_assignment")
    assert response.status_code == 200
    summary = response.context["summary"]
    assert (summary["entries"], summary["complete"], summary["short"], summary["empty"]) == (ENTRIES, 100, 10, 10)
    assert summary["assignments"] == 100 * 3 + 10 and summary["conflicts"] == 2
    assert len(response.context["panels"]) == 50 and response.context["page"].paginator.count == ENTRIES
    loads = {row["juror"].pk: row["load"] for row in response.context["jurors"]}
    assert loads == {j.pk: Assignment.objects.filter(stage=national["stage"], juror=j).count() for j in national["jurors"]}


def test_assignment_filters_find_incomplete_empty_and_conflicted_panels(national):
    entries = national["entries"]
    short = _get(national, "jury:stage_assignment", show="short")
    assert {row["entry"].code for row in short.context["panels"]} == {e.code for e in entries[100:]}
    empty = _get(national, "jury:stage_assignment", show="empty")
    assert {row["entry"].code for row in empty.context["panels"]} == {e.code for e in entries[110:]}
    assert all(row["panel"] == [] for row in empty.context["panels"])
    conflicted = _get(national, "jury:stage_assignment", show="conflicts")
    assert [(row["entry"].code, row["conflicts"]) for row in conflicted.context["panels"]] == [
        (entries[5].code, 1), (entries[7].code, 1)]
    found = _get(national, "jury:stage_assignment", q="layanan 042")
    assert [row["entry"].code for row in found.context["panels"]] == [entries[42].code]
    assert [j.element for j in found.context["panels"][0]["panel"]] == ["academic", "bureaucracy", "ngo"]
    last = _get(national, "jury:stage_assignment", page="3")
    assert len(last.context["panels"]) == ENTRIES - 100


def test_progress_counts_jurors_and_pages_entries_with_a_missing_filter(national):
    stage, jurors, entries = national["stage"], national["jurors"], national["entries"]
    response = _get(national, "jury:stage_progress")
    totals = response.context["totals"]
    assigned = Assignment.objects.filter(stage=stage).count()
    submitted = ScoreSheet.objects.filter(stage=stage, status="submitted").count()
    assert (totals["assigned"], totals["submitted"]) == (assigned, submitted)
    assert totals["behind"] == 5  # every juror but the first
    assert len(response.context["page"].object_list) == 50
    missing = _get(national, "jury:stage_progress", missing="1")
    # Complete: entries where juror 0 sat alone (100-109) ; every other assigned entry misses a sheet.
    assert missing.context["page"].paginator.count == 100
    behind = _get(national, "jury:stage_progress", jurors="behind")
    assert b"Juri Uji" in behind.content and jurors[0].user.full_name.encode() not in behind.content.split(b'id="entries"')[0]


def test_progress_drills_into_one_juror_or_one_entry(national):
    jurors, entries = national["jurors"], national["entries"]
    of_juror = _get(national, "jury:stage_progress", juror=str(jurors[1].pk))
    assert {s.juror_id for s in of_juror.context["sheets"]} == {jurors[1].pk}
    assert [s.status for s in of_juror.context["sheets"]] == ["draft"]
    of_entry = _get(national, "jury:stage_progress", entry=entries[0].code.lower())
    assert of_entry.context["focus_entry"] == entries[0]
    assert {s.juror_id for s in of_entry.context["sheets"]} == {jurors[0].pk, jurors[1].pk}


def test_conflict_register_is_paged_and_searchable(national, client_as):
    edition, jurors, entries = national["edition"], national["jurors"], national["entries"]
    Conflict.objects.bulk_create(Conflict(juror=jurors[4], entry=e, kind=Conflict.Kind.SAME_UNIT) for e in entries[10:80])
    url = reverse("jury:conflicts", kwargs={"year": edition.year})
    first = national["client"].get(url)
    assert first.context["page"].paginator.count == 72 and len(first.context["page"].object_list) == 50
    by_juror = national["client"].get(url, {"q": jurors[2].user.full_name})
    assert [c.entry for c in by_juror.context["page"].object_list] == [entries[5]]
    by_code = national["client"].get(url, {"q": entries[7].code})
    assert [c.juror for c in by_code.context["page"].object_list] == [jurors[3]]


@pytest.mark.parametrize("name", ["jury:stage_assignment", "jury:stage_progress"])
@pytest.mark.parametrize("query", [{"page": "x"}, {"page": "99999"}, {"show": "<script>"}, {"q": "x" * 5000},
                                   {"juror": "abc"}, {"juror": "-1"}, {"entry": "'; drop"}, {"missing": "yes"}])
def test_junk_parameters_give_a_page(national, name, query):
    response = _get(national, name, **query)
    assert response.status_code == 200
    assert b"&lt;script&gt;" not in response.content or b"<script>" not in response.content.split(b"<main")[-1]


def test_queries_do_not_grow_with_the_stage(national):
    stage = national["stage"]

    def count(name, **query):
        with CaptureQueriesContext(connection) as ctx:
            assert _get(national, name, **query).status_code == 200
        return len(ctx.captured_queries)

    small = [count("jury:stage_assignment"), count("jury:stage_progress"), count("jury:stage_progress", entry=national["entries"][0].code)]
    more = [factories.entry(national["edition"]) for _ in range(60)]
    for entry in more:
        Assignment.objects.create(stage=stage, juror=national["jurors"][0], entry=entry)
    large = [count("jury:stage_assignment"), count("jury:stage_progress"), count("jury:stage_progress", entry=more[0].code)]
    assert large == small
