"""Rules of the data itself, whichever screen or import writes it."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sayembara.audit.models import AuditEvent
from sayembara.audit.trail import acting_as
from sayembara.entries.models import Entry
from sayembara.jury.models import Juror, Score, ScoreSheet
from tests import factories


@pytest.fixture
def sheet(edition_2020, demo_users):
    # 2020 is published and final: these rules of the data are tried inside an open correction (ralat).
    from sayembara.results.sequence import open_correction

    open_correction(edition_2020, demo_users["organiser"], "Pemeriksaan aturan data.")
    return ScoreSheet.objects.filter(stage__edition=edition_2020, stage__order=1).select_related("stage").first()


def test_score_outside_its_criterion_range_is_refused(sheet):
    score = sheet.scores.select_related("criterion").first()
    score.value = score.criterion.max_score + 1
    with pytest.raises(ValidationError) as excinfo:
        score.save()
    assert "antara" in str(excinfo.value) or "between" in str(excinfo.value)
    score.refresh_from_db()
    assert score.value <= score.criterion.max_score


def test_score_at_the_edges_of_the_range_is_accepted(sheet):
    score = sheet.scores.select_related("criterion").first()
    for value in (score.criterion.min_score, score.criterion.max_score):
        score.value = value
        score.save()
        score.refresh_from_db()
        assert score.value == value


def test_criterion_of_another_stage_is_refused(edition_2020, sheet):
    other_stage_criterion = edition_2020.stages.get(order=2).criteria.first()
    with pytest.raises(ValidationError):
        Score(sheet=sheet, criterion=other_stage_criterion, value=Decimal("70")).save()


def test_a_juror_cannot_hold_two_sheets_for_one_entry_in_one_stage(sheet):
    with pytest.raises(IntegrityError), transaction.atomic():
        ScoreSheet.objects.create(stage=sheet.stage, juror=sheet.juror, entry=sheet.entry)


def test_a_missing_score_is_missing_not_zero(db):
    # A sheet that scores one of two criteria: the ranking gets one score, and no total is made up from a zero.
    from sayembara.results.services import explain_entry, load_inputs

    year = factories.edition(2031)
    stage = factories.stage(year, criteria={"inovasi": (0, 100), "manfaat": (0, 100)})
    entry = factories.entry(year)
    factories.submit_sheet(factories.juror(year), stage, entry, {"inovasi": 80})
    assert [(row.criterion, row.score) for row in load_inputs(year).rows] == [("inovasi", 80.0)]
    [(_stage, [sheet])] = explain_entry(year, entry)["stages"]
    assert not sheet["complete"] and sheet["total"] is None


def load_inputs_rows(edition):
    from sayembara.results.services import load_inputs

    return load_inputs(edition).rows


def test_scores_of_any_range_are_put_on_one_scale(db):
    year = factories.edition(2031)
    stage = factories.stage(year, criteria={"inovasi": (1, 5)})
    entry = factories.entry(year)
    factories.submit_sheet(factories.juror(year), stage, entry, {"inovasi": 4})
    assert [row.score for row in load_inputs_rows(year)] == [75.0]  # 4 on 1..5 is three quarters of the way


def test_every_change_to_an_entry_is_in_the_audit_trail(edition_2020, demo_users):
    entry = Entry.objects.filter(edition=edition_2020).first()
    old_title = entry.title
    with acting_as(demo_users["organiser"], note="typo in title"):
        entry.title = old_title + " (revisi)"
        entry.save()
    event = AuditEvent.objects.filter(model="entries.entry", object_id=str(entry.pk)).first()
    assert event.actor == demo_users["organiser"]
    assert event.action == AuditEvent.Action.UPDATE
    assert event.changes["title"] == [old_title, old_title + " (revisi)"]
    assert event.note == "typo in title"


def test_score_changes_and_deletions_are_audited(sheet, demo_users):
    score = sheet.scores.first()
    pk = str(score.pk)
    with acting_as(demo_users["organiser"]):
        score.value = Decimal("55")
        score.save()
        score.delete()
    events = list(AuditEvent.objects.filter(model="jury.score", object_id=pk).order_by("pk"))
    assert [e.action for e in events] == [AuditEvent.Action.UPDATE, AuditEvent.Action.DELETE]
    assert events[0].changes["value"][1] == "55"
    assert all(e.actor == demo_users["organiser"] for e in events)


def test_status_change_is_recorded_as_a_transition(sheet, edition_2020):
    entry = Entry.objects.filter(edition=edition_2020).first()
    entry.status = Entry.Status.WITHDRAWN
    entry.save()
    assert AuditEvent.objects.filter(model="entries.entry", object_id=str(entry.pk)).first().action == "transition"


def test_one_juror_role_per_person_per_edition(edition_2020, demo_users):
    with pytest.raises(IntegrityError), transaction.atomic():
        Juror.objects.create(edition=edition_2020, user=demo_users["juror"], element=Juror.Element.NGO)


def test_the_organiser_reads_the_audit_trail_of_a_record(client_as, edition_2020, demo_users):
    entry = Entry.objects.filter(edition=edition_2020).first()
    with acting_as(demo_users["organiser"], note="salah ketik"):
        entry.title = "Judul yang dibetulkan"
        entry.save()
    page = client_as("organiser").get(f"/audit/?model=entries.entry&object={entry.pk}").content.decode()
    assert "Judul yang dibetulkan" in page and "salah ketik" in page and demo_users["organiser"].full_name in page


def test_audit_trail_page_query_count_is_constant(client_as, django_assert_max_num_queries, edition_2020):
    client = client_as("organiser")
    for entry in Entry.objects.filter(edition=edition_2020)[:10]:
        entry.title += "."
        entry.save()
    # The trail names the records it mentions: one query per kind of record on the page (see
    # tests/foundation/test_audit_register.py for a page of 50 mixed events costing what a page of 5 costs).
    with django_assert_max_num_queries(12):
        client.get("/audit/?model=entries.entry")
