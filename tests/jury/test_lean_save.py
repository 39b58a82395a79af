"""A score save at national scale: few queries, one audit event that carries the changed criteria, nothing shared.

300 jurors save at once during a live session: a save must not read what it does not write, must not write one
audit row per score, and must not update a row every other save updates too (the old insights version counter).
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sayembara.audit.models import AuditEvent
from sayembara.entries.models import Entry
from sayembara.jury.models import ScoreSheet
from tests.jury.test_jury import ref

pytestmark = pytest.mark.django_db

SAVE_QUERIES = 15
"""Session and user 2, role 1, stage, juror, alias and entry 3, may-judge twice 2, criteria 1; the sheet locked,
its scores, their bulk update, the freeze check, the sheet's update and one audit row 6."""


@pytest.fixture
def sheet_page(judging, jurors, client):
    stage, juror = judging["proposal"], jurors["academic"]
    entry = Entry.objects.get(code="KIPP-2026-001")
    client.force_login(juror.user, backend="django.contrib.auth.backends.ModelBackend")
    url = reverse("jury:sheet", kwargs={"stage_pk": stage.pk, "ref": ref(stage, entry)})
    criteria = list(stage.criteria.order_by("order"))
    return {"client": client, "url": url, "criteria": criteria, "stage": stage, "juror": juror, "entry": entry}


def _form(criteria, values, version, original=None, action="draft"):
    data = {"version": version, "action": action}
    for c, value in zip(criteria, values):
        data.update({f"score_{c.pk}": value, f"just_{c.pk}": "Alasan."})
    for c, value in zip(criteria, original or []):
        data.update({f"orig_{c.pk}": value, f"origj_{c.pk}": "Alasan."})
    return data


def _writes(ctx):
    return [q["sql"] for q in ctx.captured_queries if not q["sql"].startswith(("SELECT", "SAVEPOINT", "RELEASE"))]


def test_a_save_is_a_dozen_queries_and_one_audit_event(sheet_page):
    client, url, criteria = sheet_page["client"], sheet_page["url"], sheet_page["criteria"]
    assert client.post(url, _form(criteria, ["70", "71", "72"], 0)).status_code == 302
    sheet = ScoreSheet.objects.get(stage=sheet_page["stage"], juror=sheet_page["juror"], entry=sheet_page["entry"])
    events_before = AuditEvent.objects.count()
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(url, _form(criteria, ["80", "71", "72"], sheet.version, ["70", "71", "72"], "submit"))
    assert response.status_code == 302
    savepoints = sum(q["sql"].startswith(("SAVEPOINT", "RELEASE")) for q in ctx.captured_queries)
    assert len(ctx.captured_queries) - savepoints <= SAVE_QUERIES, [q["sql"][:90] for q in ctx.captured_queries]
    # Three writes: the changed score, the sheet, one audit row; no shared counter.
    writes = _writes(ctx)
    assert len(writes) == 3 and not any("insights_dataversion" in w for w in writes), writes
    assert AuditEvent.objects.count() == events_before + 1
    event = AuditEvent.objects.latest("pk")
    assert event.model == "jury.scoresheet" and event.object_id == str(sheet.pk)
    assert event.changes["scores"] == [[criteria[0].name, "70", "80"]]
    assert event.changes["status"] == ["draft", "submitted"]
    assert event.actor == sheet_page["juror"].user
    sheet.refresh_from_db()
    assert sheet.status == "submitted" and sorted(str(s.value) for s in sheet.scores.all()) == ["71.00", "72.00", "80.00"]


def test_the_first_save_records_every_score_given_in_one_event(sheet_page):
    client, url, criteria = sheet_page["client"], sheet_page["url"], sheet_page["criteria"]
    before = AuditEvent.objects.count()
    client.post(url, _form(criteria, ["60", "", "65,5"], 0))
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.latest("pk")
    assert event.action == "create"
    assert event.changes["scores"] == [[criteria[0].name, None, "60"], [criteria[2].name, None, "65.5"]]


def test_the_trail_says_the_saved_scores_in_words(sheet_page, client_as):
    client, url, criteria = sheet_page["client"], sheet_page["url"], sheet_page["criteria"]
    client.post(url, _form(criteria, ["60", "61", "62"], 0))
    sheet = ScoreSheet.objects.get(stage=sheet_page["stage"], juror=sheet_page["juror"], entry=sheet_page["entry"])
    client.post(url, _form(criteria, ["60", "", "62,5"], sheet.version, ["60", "61", "62"]))
    page = client_as("organiser").get(f"/audit/?model=jury.scoresheet&object={sheet.pk}").content.decode()
    assert f"{criteria[2].name} diubah dari 62 menjadi 62,5" in page, page[page.find("<main"):][:3000]
    assert f"{criteria[1].name} dihapus (sebelumnya 61)" in page


def test_an_unchanged_save_writes_no_score(sheet_page):
    client, url, criteria = sheet_page["client"], sheet_page["url"], sheet_page["criteria"]
    client.post(url, _form(criteria, ["70", "71", "72"], 0))
    sheet = ScoreSheet.objects.get(stage=sheet_page["stage"], juror=sheet_page["juror"], entry=sheet_page["entry"])
    with CaptureQueriesContext(connection) as ctx:
        client.post(url, _form(criteria, ["70", "71", "72"], sheet.version, ["70", "71", "72"]))
    assert not any("jury_score\"" in w and w.startswith("UPDATE") for w in _writes(ctx))


def test_opening_a_stage_prepares_every_entry_for_the_jurors_on_the_worker(judging, jurors, client_as, run_jobs):
    """Pseudonyms and masked copies are made once, by a job, when scoring opens; a juror's page then makes none."""
    from sayembara.jury import services
    from sayembara.jury.models import EntryAlias

    stage = judging["interview"]
    stage.blind = True
    stage.save(update_fields=["blind"])
    services.run_assignment(stage, "full_panel")
    EntryAlias.objects.filter(stage=stage).delete()
    response = client_as("organiser").post(reverse("jury:stage_change", kwargs={"stage_pk": stage.pk}),
                                           {"action": "open", "override_reason": "Uji."})
    assert response.status_code == 302
    [job] = run_jobs()
    assert job.state == "done", job.error
    entries = services.stage_entries(stage)
    aliases = EntryAlias.objects.filter(stage=stage)
    assert aliases.count() == entries.count() > 0
    assert len(set(aliases.values_list("pseudonym", flat=True))) == aliases.count()
    # Masked like the juror's own page would mask it.
    entry = Entry.objects.get(code="KIPP-2026-001")
    alias = aliases.get(entry=entry)
    assert entry.institution.name not in alias.title + " ".join(text for _s, text in alias.answers)
    assert alias.source_version == entry.version and alias.answers
    juror = jurors["academic"]
    juror_client = client_as("anonymous")
    juror_client.force_login(juror.user, backend="django.contrib.auth.backends.ModelBackend")
    with CaptureQueriesContext(connection) as ctx:
        assert juror_client.get(reverse("jury:live", kwargs={"stage_pk": stage.pk})).status_code == 200
    assert not any(q["sql"].startswith("INSERT") and "jury_entryalias" in q["sql"] for q in ctx.captured_queries)
