"""The jury's rules: conflicts, assignment, blind stages, scoring, progress, paper sheets."""

import io
import json
import re
import uuid
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sayembara.editions.models import Stage
from sayembara.entries.models import Entry, TeamMember
from sayembara.institutions.models import Institution
from sayembara.jury import rules, services
from sayembara.jury.models import (Assignment, Conflict, Juror, ScoreSheet, SheetReopening, StageJury, SubmissionKey,
                                   TimeSlot)

from .conftest import ref

pytestmark = pytest.mark.django_db


def _values(stage, value="75", justification="Cukup bukti."):
    criteria = list(stage.criteria.order_by("order"))
    return {c.pk: value for c in criteria}, {c.pk: justification for c in criteria}


def _login(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


# --- Demo -------------------------------------------------------------------------------------------


def test_judging_demo_is_idempotent_and_ready_to_score(judging, jurors):
    from sayembara.jury.demo import prepare_judging_demo

    assert prepare_judging_demo() == judging["edition"]
    assert judging["edition"].entries.filter(status=Entry.Status.PASSED).count() == 9
    assert judging["proposal"].status == Stage.Status.OPEN and judging["proposal"].blind
    assert not ScoreSheet.objects.filter(stage__edition=judging["edition"]).exists()
    assert StageJury.objects.get(stage=judging["proposal"]).locked
    assert TimeSlot.objects.filter(stage=judging["presentation"]).count() == 9
    # The NGO juror's declared conflict keeps them off that entry everywhere.
    conflict = Conflict.objects.get(juror=jurors["ngo"])
    assert not Assignment.objects.filter(juror=jurors["ngo"], entry=conflict.entry).exists()


# --- Which entries a stage judges -----------------------------------------------------------------


def test_later_stage_takes_advanced_entries_or_falls_back_to_all_passed(judging):
    proposal, presentation = judging["proposal"], judging["presentation"]
    assert services.stage_entries(presentation).count() == 9
    advanced = list(judging["edition"].entries.order_by("code")[:4])
    Entry.objects.filter(pk__in=[e.pk for e in advanced]).update(reached_stage=presentation)
    assert set(services.stage_entries(presentation)) == set(advanced)
    assert services.stage_entries(proposal).count() == 9


# --- Conflicts ------------------------------------------------------------------------------------


def test_conflicts_detected_from_affiliation_parent_and_team(judging, jurors):
    village_entry = judging["edition"].entries.filter(institution__parent__isnull=False).order_by("code").first()
    academic = jurors["academic"]
    academic.affiliation = village_entry.institution.parent  # works for the kecamatan above the village
    academic.save()
    other = judging["edition"].entries.exclude(pk=village_entry.pk).order_by("code").first()
    TeamMember.objects.create(entry=other, user=jurors["bureaucracy"].user, name=jurors["bureaucracy"].user.full_name)
    assert services.detect_conflicts(judging["edition"]) == 2
    assert Conflict.objects.get(juror=academic, entry=village_entry).kind == Conflict.Kind.SAME_UNIT
    assert Conflict.objects.get(juror=jurors["bureaucracy"], entry=other).kind == Conflict.Kind.TEAM
    # Their assignments to those entries are gone, also in the locked, open proposal stage.
    assert not Assignment.objects.filter(juror=academic, entry=village_entry).exists()
    assert services.detect_conflicts(judging["edition"]) == 0


def test_a_conflicted_juror_gets_404_on_every_url_of_the_entry(judging, jurors, client):
    juror = jurors["academic"]
    stage = judging["proposal"]
    entry = Assignment.objects.filter(stage=stage, juror=juror).order_by("entry__code").first().entry
    _login(client, juror.user)
    sheet_url = reverse("jury:sheet", kwargs={"stage_pk": stage.pk, "ref": ref(stage, entry)})
    assert client.get(sheet_url).status_code == 200
    response = client.post(reverse("jury:declare_conflict", kwargs={"stage_pk": stage.pk, "ref": ref(stage, entry)}),
                           {"kind": "family", "note": "Kakak ipar saya ketua tim."})
    assert response.status_code == 302
    assert Conflict.objects.filter(juror=juror, entry=entry, source=Conflict.Source.DECLARED).exists()
    for stage_ in (judging["proposal"], judging["presentation"], judging["interview"]):
        kwargs = {"stage_pk": stage_.pk, "ref": ref(stage_, entry)}
        assert client.get(reverse("jury:sheet", kwargs=kwargs)).status_code == 404
        assert client.post(reverse("jury:sheet", kwargs=kwargs), {"action": "draft"}).status_code == 404
        assert client.get(reverse("jury:declare_conflict", kwargs=kwargs)).status_code == 404
        sync = client.post(reverse("jury:live_sync", kwargs={"stage_pk": stage_.pk}),
                           json.dumps({"key": uuid.uuid4().hex, "entry": ref(stage_, entry), "version": 0, "values": {}}),
                           content_type="application/json")
        assert sync.status_code == 404
        assert entry.code not in client.get(reverse("jury:live", kwargs={"stage_pk": stage_.pk})).content.decode()
    assert entry.code not in client.get(reverse("jury:dashboard")).content.decode()
    # Even a manual assignment by the organiser is refused.
    with pytest.raises(services.JuryError):
        StageJury.objects.filter(stage=judging["interview"]).delete()
        services.add_assignment(judging["interview"], juror, entry)


def test_conflict_register_export_lists_every_conflict(judging, client_as):
    response = client_as("organiser").get(reverse("jury:conflicts_csv", kwargs={"year": 2026}))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "KIPP-2026-009" in text and "Laras Anggraini" in text


def test_organiser_records_a_conflict_by_entry_number(judging, jurors, client_as):
    client = client_as("organiser")
    url = reverse("jury:conflicts", kwargs={"year": 2026})
    response = client.post(url, {"juror": jurors["academic"].pk, "entry_code": "kipp-2026-002", "kind": "hierarchy", "note": "x"})
    assert response.status_code == 302
    assert Conflict.objects.filter(juror=jurors["academic"], entry__code="KIPP-2026-002", source="recorded").exists()
    response = client.post(url, {"juror": jurors["academic"].pk, "entry_code": "KIPP-1999-001", "kind": "other"})
    assert "KIPP-1999-001" in response.content.decode()


# --- Assignment -----------------------------------------------------------------------------------


def _pool(edition, n_entries, per_element, max_load=None, affiliations=()):
    """Add entries and jurors to the judging edition for assignment tests."""
    from sayembara.accounts.models import User
    from sayembara.entries.models import Innovation

    institutions = list(Institution.objects.filter(type__participates=True).order_by("pk")[:20])
    entries = []
    for i in range(n_entries):
        inst = institutions[i % len(institutions)]
        innovation = Innovation.objects.create(title=f"Inovasi uji {i}", institution=inst)
        entries.append(Entry(edition=edition, innovation=innovation, institution=inst, title=f"Inovasi uji {i}",
                             status=Entry.Status.PASSED, code=f"T-{edition.year}-{uuid.uuid4().hex[:8]}"))
    Entry.objects.bulk_create(entries)
    made = []
    for element in ("academic", "ngo", "bureaucracy"):
        for k in range(per_element):
            tag = uuid.uuid4().hex[:8]
            user = User.objects.create(email=f"{tag}@juri.test", username=tag, full_name=f"Juri {element} {k}")
            affiliation = affiliations[len(made) % len(affiliations)] if affiliations else None
            made.append(Juror.objects.create(edition=edition, user=user, element=element, max_load=max_load,
                                             affiliation=affiliation, code_of_conduct_accepted_at=timezone.now()))
    return entries, made


def _check_hard_constraints(stage, per_entry):
    pairs = list(Assignment.objects.filter(stage=stage).values_list("juror_id", "entry_id", "juror__element",
                                                                    "juror__max_load"))
    conflicts = services.conflicted_pairs(stage.edition)
    assert not {(j, e) for j, e, _el, _m in pairs} & conflicts
    load, panel = {}, {}
    for j, e, element, cap in pairs:
        load[j] = load.get(j, 0) + 1
        assert cap is None or load[j] <= cap
        panel.setdefault(e, []).append(element)
    unmet = {u["entry"] for u in StageJury.objects.get(stage=stage).unmet}
    for entry in services.stage_entries(stage):
        elements = panel.get(entry.pk, [])
        assert len(elements) == len(set(zip(elements, range(len(elements)))))
        if entry.code not in unmet:
            assert len(elements) == per_entry
            assert {"academic", "ngo", "bureaucracy"} <= set(elements)


def test_automatic_assignment_meets_every_hard_constraint(judging):
    stage = judging["interview"]
    _pool(judging["edition"], 30, 3, max_load=20)
    outcome = services.run_assignment(stage, StageJury.Mode.AUTOMATIC, per_entry=3, seed=1)
    assert outcome.optimal, outcome.unmet
    _check_hard_constraints(stage, 3)
    loads = list(services.assignment_overview(stage)["jurors"])
    counts = [row["load"] for row in loads]
    assert max(counts) - min(counts) <= 2  # balanced


def test_unmet_constraints_name_the_entry_and_can_be_relaxed(judging, jurors):
    stage = judging["interview"]
    # The only NGO juror is conflicted with KIPP-2026-009: that entry cannot have an NGO member.
    outcome = services.run_assignment(stage, StageJury.Mode.AUTOMATIC, per_entry=3)
    assert not outcome.optimal
    assert {(u["entry"], u["constraint"]) for u in outcome.unmet} >= {("KIPP-2026-009", "element:ngo")}
    assert "conflict" in " ".join(u["detail"] for u in outcome.unmet)
    relaxed = services.run_assignment(stage, StageJury.Mode.AUTOMATIC, per_entry=2, relax=frozenset({"elements"}))
    assert relaxed.optimal
    assert StageJury.objects.get(stage=stage).relaxed == ["elements"]


def test_full_panel_gives_every_unconflicted_pair(judging, jurors):
    stage = judging["interview"]
    services.run_assignment(stage, StageJury.Mode.FULL_PANEL)
    entries = {e.pk for e in services.stage_entries(stage)}
    conflicted = {(c.juror_id, c.entry_id) for c in Conflict.objects.filter(entry__in=entries)}
    assert conflicted  # the demo's NGO juror is conflicted with one entry
    every_pair = {(j.pk, e) for j in jurors.values() for e in entries}
    assert set(Assignment.objects.filter(stage=stage).values_list("juror_id", "entry_id")) == every_pair - conflicted


def test_locked_assignment_cannot_change(judging, jurors):
    stage = judging["proposal"]
    with pytest.raises(services.JuryError):
        services.run_assignment(stage)
    entry = Entry.objects.get(code="KIPP-2026-001")
    with pytest.raises(services.JuryError):
        services.remove_assignment(stage, jurors["academic"], entry)
    services.save_sheet(jurors["academic"], stage, entry, *_values(stage))
    with pytest.raises(services.JuryError):
        services.unlock_assignment(stage)


def test_opening_a_stage_locks_its_assignment(judging, client_as, run_jobs):
    stage = judging["interview"]
    judging["proposal"].status = Stage.Status.CLOSED
    judging["proposal"].save(update_fields=["status"])
    client = client_as("organiser")
    client.post(reverse("jury:stage_assignment", kwargs={"stage_pk": stage.pk}), {"mode": "full_panel", "per_entry": 3})
    [job] = run_jobs()
    assert job.state == "done" and job.result_url == reverse("jury:stage_assignment", kwargs={"stage_pk": stage.pk})
    client.post(reverse("jury:stage_change", kwargs={"stage_pk": stage.pk}), {"action": "open"})
    stage.refresh_from_db()
    assert stage.status == Stage.Status.OPEN and StageJury.objects.get(stage=stage).locked


def test_opening_a_stage_beside_an_open_blind_one_is_refused_or_recorded(judging, jurors, client_as, run_jobs):
    """The interview is not blind; the blind proposal stage is open with the same jurors and entries."""
    from sayembara.audit.models import AuditEvent

    stage = judging["interview"]
    client = client_as("organiser")
    client.post(reverse("jury:stage_assignment", kwargs={"stage_pk": stage.pk}), {"mode": "full_panel", "per_entry": 3})
    run_jobs()
    page = client.get(reverse("jury:stage_assignment", kwargs={"stage_pk": stage.pk})).content.decode()
    assert 'data-testid="overlap-warning"' in page
    response = client.post(reverse("jury:stage_change", kwargs={"stage_pk": stage.pk}), {"action": "open"}, follow=True)
    stage.refresh_from_db()
    assert stage.status == Stage.Status.PLANNED
    assert "Penilaian Proposal" in response.content.decode()
    client.post(reverse("jury:stage_change", kwargs={"stage_pk": stage.pk}),
                {"action": "open", "override_reason": "Jadwal wawancara dimajukan oleh Sekda."})
    stage.refresh_from_db()
    assert stage.status == Stage.Status.OPEN
    event = AuditEvent.objects.filter(model="editions.stage", object_id=str(stage.pk)).order_by("-at").first()
    assert "Jadwal wawancara dimajukan" in event.note
    # Even so, a juror does not see in the interview the entries they judge blind.
    juror = jurors["academic"]
    entry = services.juror_stage_entries(juror, judging["proposal"])[0]
    assert entry not in services.juror_stage_entries(juror, stage)
    assert not rules.may_judge(juror, stage, entry)


def test_manual_change_by_entry_number(judging, jurors, client_as):
    stage = judging["interview"]
    client = client_as("organiser")
    url = reverse("jury:stage_change", kwargs={"stage_pk": stage.pk})
    client.post(url, {"action": "add", "juror": jurors["academic"].pk, "entry": "KIPP-2026-003"})
    assert Assignment.objects.filter(stage=stage, juror=jurors["academic"], entry__code="KIPP-2026-003").exists()
    client.post(url, {"action": "remove", "juror": jurors["academic"].pk, "entry": "KIPP-2026-003"})
    assert not Assignment.objects.filter(stage=stage).exists()


try:
    from hypothesis import HealthCheck, given, settings as h_settings, strategies as st
except ImportError:  # pragma: no cover
    given = None

if given is not None:

    @h_settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
    @given(n_entries=st.integers(1, 15), per_element=st.integers(1, 3), max_load=st.one_of(st.none(), st.integers(1, 12)),
           per_entry=st.integers(3, 4), conflict_rate=st.floats(0, 0.4), seed=st.integers(0, 1000))
    def test_service_level_assignment_never_breaks_a_hard_constraint(judging, n_entries, per_element, max_load, per_entry,
                                                                     conflict_rate, seed):
        import random

        from django.db import transaction

        sid = transaction.savepoint()
        try:
            edition = judging["edition"]
            Assignment.objects.filter(stage=judging["interview"]).delete()
            entries, made = _pool(edition, n_entries, per_element, max_load=max_load)
            rng = random.Random(seed)
            Conflict.objects.bulk_create(
                Conflict(juror=j, entry=e, kind="other", source="recorded")
                for e in entries for j in made if rng.random() < conflict_rate
            )
            Entry.objects.filter(edition=edition).exclude(pk__in=[e.pk for e in entries]).update(status=Entry.Status.FAILED)
            Juror.objects.filter(edition=edition).exclude(pk__in=[j.pk for j in made]).delete()
            services.run_assignment(judging["interview"], per_entry=per_entry, seed=seed)
            _check_hard_constraints(judging["interview"], per_entry)
        finally:
            transaction.savepoint_rollback(sid)


# --- Blind stages -----------------------------------------------------------------------------------


def _identifying(entry):
    names = {entry.institution.name, entry.institution.short_name}
    if entry.institution.parent:
        names |= {entry.institution.parent.name, entry.institution.parent.short_name}
    names |= {m.name for m in entry.team.all()}
    if entry.created_by:
        names.add(entry.created_by.full_name)
    for prefix in ("Pemerintah Desa ", "Kecamatan "):
        names |= {n[len(prefix):] for n in names if n and n.startswith(prefix)}
    return {n for n in names if n and len(n) >= 3}


def test_no_juror_page_of_a_blind_stage_names_who_made_an_entry(judging, jurors, client):
    stage = judging["proposal"]
    entries = list(services.stage_entries(stage).select_related("institution__parent", "created_by").prefetch_related("team"))
    names = set().union(*(_identifying(e) for e in entries))
    assert "Belik" in names and "Disdukcapil" in names
    pages = 0
    for juror in jurors.values():
        client.force_login(juror.user, backend="django.contrib.auth.backends.ModelBackend")
        urls = [reverse("jury:dashboard"), reverse("jury:live", kwargs={"stage_pk": stage.pk})]
        for assignment in Assignment.objects.filter(stage=stage, juror=juror):
            kwargs = {"stage_pk": stage.pk, "ref": ref(stage, assignment.entry)}
            urls += [reverse("jury:sheet", kwargs=kwargs), reverse("jury:declare_conflict", kwargs=kwargs)]
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200
            html = response.content.decode()
            # The dashboard also lists the juror's non-blind stages; check only the blind stage's part of it.
            if url == reverse("jury:dashboard"):
                html = html.split(f'data-testid="stage-{stage.pk}"')[1].split("</section>")[0]
            for name in names:
                assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", html, re.IGNORECASE), (url, name)
            assert not any(name.lower() in url.lower() for name in names)
            pages += 1
    assert pages > 20


def test_organiser_sees_what_was_masked_in_each_entry(judging, client_as):
    client = client_as("organiser")
    html = client.get(reverse("jury:stage_assignment", kwargs={"stage_pk": judging["proposal"].pk})).content.decode()
    assert 'data-testid="masking-link"' in html
    page = client.get(reverse("jury:stage_masking", kwargs={"stage_pk": judging["proposal"].pk})).content.decode()
    beluk = Entry.objects.get(edition=judging["edition"], institution__short_name="Beluk")
    row = page.split(beluk.code)[1].split("</tr>")[0]
    # The organiser sees what was masked in the proposal: the village in its forms, a team member, a phone.
    assert "Pemerintah Desa Beluk" in row and "Beluk" in row and "0812-2900-" in row and "Bu " in row
    assert client.get(reverse("jury:stage_masking", kwargs={"stage_pk": judging["interview"].pk})).status_code == 404


# --- Scoring --------------------------------------------------------------------------------------


def test_draft_then_submit_locks_the_sheet(judging, jurors, client):
    stage, juror = judging["proposal"], jurors["academic"]
    entry = Entry.objects.get(code="KIPP-2026-001")
    _login(client, juror.user)
    url = reverse("jury:sheet", kwargs={"stage_pk": stage.pk, "ref": ref(stage, entry)})
    criteria = list(stage.criteria.order_by("order"))
    data = {"version": 0, "action": "draft", f"score_{criteria[0].pk}": "82", f"just_{criteria[0].pk}": "Baru."}
    client.post(url, data)
    sheet = ScoreSheet.objects.get(stage=stage, juror=juror, entry=entry)
    assert sheet.status == "draft" and sheet.scores.get().value == Decimal("82")
    # Submitting needs every criterion; nothing already saved is lost on refusal.
    response = client.post(url, {**data, "version": sheet.version, "action": "submit"})
    assert "Replikasi" in response.content.decode()
    sheet.refresh_from_db()
    assert sheet.status == "draft" and sheet.scores.count() == 1
    full = {"version": sheet.version, "action": "submit", "comment": "Layak."}
    for c in criteria:
        full.update({f"score_{c.pk}": "70", f"just_{c.pk}": "Alasan.", f"orig_{c.pk}": "82" if c == criteria[0] else ""})
    full[f"origj_{criteria[0].pk}"] = "Baru."
    client.post(url, full)
    sheet.refresh_from_db()
    assert sheet.status == "submitted" and sheet.submitted_at and sheet.scores.count() == 3
    client.post(url, {**full, "version": sheet.version, f"score_{criteria[0].pk}": "10"})
    assert sheet.scores.get(criterion=criteria[0]).value == Decimal("70")


def test_a_decimal_score_is_shown_with_a_decimal_comma_and_saved_back_unchanged(judging, jurors, client):
    stage, juror = judging["proposal"], jurors["academic"]
    entry = Entry.objects.get(code="KIPP-2026-001")
    _login(client, juror.user)
    url = reverse("jury:sheet", kwargs={"stage_pk": stage.pk, "ref": ref(stage, entry)})
    criterion = stage.criteria.order_by("order").first()
    client.post(url, {"version": 0, "action": "draft", f"score_{criterion.pk}": "82,57", f"just_{criterion.pk}": "Baik."})
    sheet = ScoreSheet.objects.get(stage=stage, juror=juror, entry=entry)
    assert sheet.scores.get().value == Decimal("82.57")
    page = client.get(url).content.decode()
    assert 'value="82,57"' in page and 'value="82.57"' not in page.split(f'name="orig_{criterion.pk}"')[0]
    # Saving the page as shown (comma) with its hidden original changes nothing and raises no clash.
    client.post(url, {"version": sheet.version, "action": "draft", f"score_{criterion.pk}": "82,57",
                      f"just_{criterion.pk}": "Baik.", f"orig_{criterion.pk}": "82.57", f"origj_{criterion.pk}": "Baik."})
    assert sheet.scores.get().value == Decimal("82.57")


def test_out_of_range_scores_get_a_clear_message(judging, jurors, client):
    stage, juror = judging["proposal"], jurors["academic"]
    entry = Entry.objects.get(code="KIPP-2026-001")
    _login(client, juror.user)
    criterion = stage.criteria.order_by("order").first()
    response = client.post(reverse("jury:sheet", kwargs={"stage_pk": stage.pk, "ref": ref(stage, entry)}),
                           {"version": 0, "action": "draft", f"score_{criterion.pk}": "140"})
    assert "140" in response.content.decode()  # kept in the form
    assert not ScoreSheet.objects.filter(stage=stage, juror=juror).exists()


def test_two_windows_on_one_sheet_lose_no_score(judging, jurors):
    stage, juror = judging["proposal"], jurors["bureaucracy"]
    entry = Entry.objects.get(code="KIPP-2026-002")
    a, b, c = stage.criteria.order_by("order")
    # Both windows opened the empty sheet (version 0). Window 1 scores A, window 2 scores B.
    services.save_sheet(juror, stage, entry, {a.pk: "80"}, {a.pk: "satu"}, version=0, original={})
    sheet, merged = services.save_sheet(juror, stage, entry, {b.pk: "60"}, {b.pk: "dua"}, version=0, original={})
    assert merged
    assert {s.criterion_id: s.value for s in sheet.scores.all()} == {a.pk: Decimal("80"), b.pk: Decimal("60")}
    # Both change the same criterion differently: refused, the stored score stays.
    version = sheet.version
    services.save_sheet(juror, stage, entry, {a.pk: "85", b.pk: "60"}, {a.pk: "satu", b.pk: "dua"}, version=version,
                        original={a.pk: ("80", "satu"), b.pk: ("60", "dua")})
    with pytest.raises(services.StaleSheet):
        services.save_sheet(juror, stage, entry, {a.pk: "50", b.pk: "60"}, {a.pk: "satu", b.pk: "dua"}, version=version,
                            original={a.pk: ("80", "satu"), b.pk: ("60", "dua")})
    assert sheet.scores.get(criterion=a).value == Decimal("85")


def test_jurors_do_not_see_each_others_scores(judging, jurors, client):
    stage = judging["proposal"]
    entry = Entry.objects.get(code="KIPP-2026-001")
    values, _ = _values(stage, "91")
    services.save_sheet(jurors["bureaucracy"], stage, entry, values, {k: "RAHASIA-BIROKRAT" for k in values}, submit=True)
    _login(client, jurors["academic"].user)
    html = client.get(reverse("jury:sheet", kwargs={"stage_pk": stage.pk, "ref": ref(stage, entry)})).content.decode()
    assert "RAHASIA-BIROKRAT" not in html and 'value="91"' not in html


def test_code_of_conduct_comes_before_scoring(judging, jurors, client):
    juror = jurors["academic"]
    juror.code_of_conduct_accepted_at = None
    juror.save()
    stage = judging["proposal"]
    entry = Entry.objects.get(code="KIPP-2026-001")
    with pytest.raises(services.JuryError):
        services.save_sheet(juror, stage, entry, *_values(stage))
    _login(client, juror.user)
    assert "code-of-conduct" in client.get(reverse("jury:dashboard")).content.decode()
    client.post(reverse("jury:code_of_conduct", kwargs={"year": 2026}), {"agree": "yes"})
    juror.refresh_from_db()
    assert juror.code_of_conduct_accepted_at is not None
    services.save_sheet(juror, stage, entry, *_values(stage))


def test_reopening_needs_a_reason_and_is_recorded(judging, jurors, client_as):
    stage = judging["proposal"]
    entry = Entry.objects.get(code="KIPP-2026-001")
    sheet, _ = services.save_sheet(jurors["academic"], stage, entry, *_values(stage), submit=True)
    client = client_as("organiser")
    url = reverse("jury:reopen_sheet", kwargs={"sheet_pk": sheet.pk})
    client.post(url, {"reason": ""})
    sheet.refresh_from_db()
    assert sheet.status == "submitted"
    client.post(url, {"reason": "Juri salah ketik nilai kemanfaatan."})
    sheet.refresh_from_db()
    assert sheet.status == "draft"
    assert SheetReopening.objects.get(sheet=sheet).reason.startswith("Juri salah")


def test_live_sync_applies_a_key_once(presentation_open, jurors, client):
    judging = presentation_open
    stage, juror = judging["presentation"], jurors["academic"]
    entry = services.juror_stage_entries(juror, stage)[0]
    values, justifications = _values(stage, "77")
    payload = json.dumps({"key": "k-" + uuid.uuid4().hex, "entry": ref(stage, entry), "version": 0, "values": values,
                          "justifications": justifications, "submit": True})
    _login(client, juror.user)
    url = reverse("jury:live_sync", kwargs={"stage_pk": stage.pk})
    first = client.post(url, payload, content_type="application/json")
    sheet = ScoreSheet.objects.get(stage=stage, juror=juror, entry=entry)
    second = client.post(url, payload, content_type="application/json")
    assert first.status_code == second.status_code == 200
    sheet_after = ScoreSheet.objects.get(pk=sheet.pk)
    assert sheet_after.version == sheet.version and sheet_after.status == "submitted"
    assert SubmissionKey.objects.filter(sheet=sheet).count() == 1
    # A different key for a submitted sheet is refused, not applied.
    other = json.loads(payload) | {"key": "k-" + uuid.uuid4().hex}
    assert client.post(url, json.dumps(other), content_type="application/json").status_code == 409
    assert client.post(url, "not json", content_type="application/json").status_code == 400


def test_live_page_follows_the_schedule(presentation_open, jurors, client):
    stage, juror = presentation_open["presentation"], jurors["academic"]
    slots = [s for s in TimeSlot.objects.filter(stage=stage).order_by("starts_at", "room")
             if rules.may_judge(juror, stage, s.entry)]
    _login(client, juror.user)
    html = client.get(reverse("jury:live", kwargs={"stage_pk": stage.pk})).content.decode()
    positions = [html.index(f'data-testid="live-card-{s.entry.code}"') for s in slots]
    assert positions == sorted(positions)


def test_closed_stage_refuses_scores(judging, jurors):
    stage = judging["proposal"]
    stage.status = Stage.Status.CLOSED
    stage.save()
    with pytest.raises(services.JuryError):
        services.save_sheet(jurors["academic"], stage, Entry.objects.get(code="KIPP-2026-001"), *_values(stage))


# --- Paper sheets ---------------------------------------------------------------------------------


def test_organiser_keys_in_a_paper_sheet(judging, jurors, client_as, demo_users):
    stage, juror = judging["proposal"], jurors["ngo"]
    entry = Entry.objects.get(code="KIPP-2026-001")
    data = {"version": 0, "action": "submit"}
    for c in stage.criteria.all():
        data.update({f"score_{c.pk}": "66", f"just_{c.pk}": "Dari lembar kertas."})
    url = reverse("jury:paper_sheet", kwargs={"stage_pk": stage.pk, "juror_pk": juror.pk, "entry_pk": entry.pk})
    assert client_as("organiser").post(url, data).status_code == 302
    sheet = ScoreSheet.objects.get(stage=stage, juror=juror, entry=entry)
    assert sheet.status == "submitted" and sheet.entered_by == demo_users["organiser"]


def _workbook(rows):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(services.IMPORT_HEADERS)
    for row in rows:
        wb.active.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    buffer.name = "nilai.xlsx"
    return buffer


def test_import_paper_sheets_from_a_spreadsheet(judging, jurors, client_as, demo_users):
    stage = judging["proposal"]
    email = jurors["academic"].user.email
    rows = [[code, email, c.code, 70 + i, "Kertas"] for i, code in enumerate(["KIPP-2026-001", "KIPP-2026-002"])
            for c in stage.criteria.all()]
    client = client_as("organiser")
    url = reverse("jury:import_sheets", kwargs={"stage_pk": stage.pk})
    bad = client.post(url, {"file": _workbook(rows + [["KIPP-2026-001", "nobody@x.org", "inovasi", "101", ""]])})
    assert "nobody@x.org" in bad.content.decode() and not ScoreSheet.objects.filter(stage=stage).exists()
    assert client.post(url, {"file": _workbook(rows)}).status_code == 302
    sheets = ScoreSheet.objects.filter(stage=stage, juror=jurors["academic"])
    assert sheets.count() == 2 and all(s.entered_by == demo_users["organiser"] and s.status == "submitted" for s in sheets)
    template = client.get(reverse("jury:import_template", kwargs={"stage_pk": stage.pk}))
    assert template.status_code == 200 and template.content[:2] == b"PK"
    assert client.post(url, {"file": io.BytesIO(b"not a workbook")}).status_code == 200


# --- Progress, reminders, invitations, schedules ----------------------------------------------------


def test_progress_and_reminders(judging, jurors, client_as):
    stage = judging["proposal"]
    services.save_sheet(jurors["academic"], stage, Entry.objects.get(code="KIPP-2026-001"), *_values(stage), submit=True)
    data = services.progress(stage)
    by_element = {row["juror"].element: row for row in data["jurors"]}
    assert by_element["academic"]["submitted"] == 1 and by_element["academic"]["assigned"] == 9
    assert by_element["ngo"]["assigned"] == 8
    client = client_as("organiser")
    client.post(reverse("jury:stage_progress", kwargs={"stage_pk": stage.pk}))
    assert len(mail.outbox) == 3
    message = next(m for m in mail.outbox if m.to == [jurors["academic"].user.email])
    assert "Pengingat" in message.subject and "1 dari 9" in message.body
    assert not any("Beluk" in m.body or "Disdukcapil" in m.body for m in mail.outbox)


def _queries(callable_):
    with CaptureQueriesContext(connection) as ctx:
        callable_()
    return len(ctx.captured_queries)


def test_organiser_lists_use_constant_queries(judging, client_as):
    stage = judging["interview"]
    client = client_as("organiser")
    services.run_assignment(stage, StageJury.Mode.FULL_PANEL)
    urls = [reverse(n, kwargs={"stage_pk": stage.pk}) for n in ("jury:stage_assignment", "jury:stage_progress",
                                                                 "jury:stage_schedule", "jury:stage_agenda",
                                                                 "jury:stage_attendance")]
    services.build_schedule(stage, ["A", "B"], timezone.now(), 10, 20)
    small = [_queries(lambda u=u: client.get(u)) for u in urls]
    _pool(judging["edition"], 60, 4)
    services.run_assignment(stage, StageJury.Mode.AUTOMATIC, per_entry=3)
    services.build_schedule(stage, ["A", "B"], timezone.now(), 10, 20)
    large = [_queries(lambda u=u: client.get(u)) for u in urls]
    assert large == small
    organise = reverse("jury:organise", kwargs={"year": 2026})
    conflicts = reverse("jury:conflicts", kwargs={"year": 2026})
    assert _queries(lambda: client.get(organise)) < 25 and _queries(lambda: client.get(conflicts)) < 25


def test_invitation_link_sets_a_password_and_leads_to_the_code_of_conduct(judging, client_as, client):
    from sayembara.editions.models import Category

    category = Category.objects.filter(edition=judging["edition"]).first()
    response = client_as("organiser").post(reverse("jury:organise", kwargs={"year": 2026}), {
        "full_name": "Prof. Wening Astuti", "email": "wening@univ.example", "element": "academic",
        "max_load": 5, "expertise": [category.pk],
    })
    assert response.status_code == 302
    juror = Juror.objects.get(user__email="wening@univ.example")
    assert list(juror.expertise.all()) == [category]
    message = mail.outbox[-1]
    assert "Undangan" in message.subject
    link = re.search(r"https?://\S+", message.body).group(0)
    path = link.split("testserver")[-1]
    response = client.post(path, {"password1": "juri-baru-2026!", "password2": "juri-baru-2026!"})
    assert response.status_code == 302 and response["Location"].endswith("/jury/2026/code-of-conduct/")
    juror.refresh_from_db()
    assert juror.invitation_accepted_at and not juror.invitation_token
    assert client.get(path).status_code == 404  # used once
    assert client.get(reverse("jury:code_of_conduct", kwargs={"year": 2026})).status_code == 200


def test_schedule_agenda_and_attendance(judging, client_as):
    stage = judging["interview"]
    client = client_as("organiser")
    response = client.post(reverse("jury:stage_schedule", kwargs={"stage_pk": stage.pk}), {
        "rooms": "Ruang A\nRuang B", "starts_at": "2026-12-17T08:00", "presentation_minutes": 10,
        "questions_minutes": 20, "break_minutes": 5,
    })
    assert response.status_code == 302
    slots = list(TimeSlot.objects.filter(stage=stage).order_by("starts_at", "room"))
    assert len(slots) == 9 and {s.room for s in slots} == {"Ruang A", "Ruang B"}
    assert timezone.localtime(slots[2].starts_at).strftime("%H:%M") == "08:35"
    agenda = client.get(reverse("jury:stage_agenda", kwargs={"stage_pk": stage.pk})).content.decode()
    assert "08:00–08:30" in agenda and "Ruang B" in agenda
    attendance = client.get(reverse("jury:stage_attendance", kwargs={"stage_pk": stage.pk})).content.decode()
    assert "KIPP-2026-001" in attendance


def test_a_juror_opens_evidence_under_a_neutral_name_and_a_conflicted_juror_cannot(client_as, judging, jurors, tmp_path, settings):
    from django.core.files.base import ContentFile

    from sayembara.entries.models import Evidence, EvidenceSlot
    from sayembara.jury.models import Conflict

    settings.MEDIA_ROOT = tmp_path
    stage = judging["proposal"]  # blind
    conflict = Conflict.objects.filter(juror__edition=stage.edition).select_related("juror", "entry").first()
    entry = conflict.entry
    slot, _ = EvidenceSlot.objects.get_or_create(edition=stage.edition, code="sk-tim", defaults={"name": "SK Tim"})
    evidence = Evidence(entry=entry, slot=slot, original_name=f"SK {entry.institution.name}.pdf", content_type="application/pdf", size=8)
    evidence.file.save("x.pdf", ContentFile(b"%PDF-1.4 bukti"), save=False)
    evidence.save()
    url = reverse("jury:evidence_file", kwargs={"stage_pk": stage.pk, "ref": ref(stage, entry), "number": 1})

    academic = client_as("juror")
    sheet_page = academic.get(reverse("jury:sheet", kwargs={"stage_pk": stage.pk, "ref": ref(stage, entry)})).content.decode()
    assert url in sheet_page and "SK Tim" in sheet_page and entry.institution.name not in sheet_page
    response = academic.get(url)
    assert response.status_code == 200
    assert entry.institution.name not in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == b"%PDF-1.4 bukti"

    from django.test import Client

    conflicted = Client()
    conflicted.force_login(conflict.juror.user, backend="django.contrib.auth.backends.ModelBackend")
    assert conflicted.get(url).status_code == 404


def test_no_juror_is_booked_in_two_rooms_at_once(judging, jurors):
    """The demo's presentation panels overlap (three jurors): two rooms may never sit the same juror at once."""
    import datetime as dt

    from django.utils import timezone

    stage = judging["presentation"]
    services.build_schedule(stage, ["Ruang A", "Ruang B", "Ruang C"], timezone.now().replace(microsecond=0), 10, 10)
    sitting = {}
    for slot in TimeSlot.objects.filter(stage=stage):
        for juror_id in Assignment.objects.filter(stage=stage, entry=slot.entry).values_list("juror_id", flat=True):
            key = (juror_id, slot.starts_at)
            assert key not in sitting, f"juror {juror_id} in {sitting.get(key)} and {slot.room} at {slot.starts_at}"
            sitting[key] = slot.room
    assert TimeSlot.objects.filter(stage=stage).count() == services.stage_entries(stage).count()
    # Two panels that share nobody do sit at the same time in two rooms.
    Assignment.objects.filter(stage=stage).delete()
    entries = list(services.stage_entries(stage).order_by("code")[:2])
    Assignment.objects.create(stage=stage, juror=jurors["academic"], entry=entries[0])
    Assignment.objects.create(stage=stage, juror=jurors["bureaucracy"], entry=entries[1])
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=1)
    services.build_schedule(stage, ["Ruang A", "Ruang B"], start, 10, 10)
    first, second = (TimeSlot.objects.get(stage=stage, entry=e) for e in entries)
    assert first.starts_at == second.starts_at and first.room != second.room


@pytest.mark.parametrize("kind", ["interview", "proposal"])  # an open stage and a blind one
def test_the_live_page_reads_a_constant_number_of_queries(judging, client_as, kind):
    stage = judging[kind]
    stage.status = Stage.Status.OPEN
    stage.save(update_fields=["status"])
    StageJury.objects.filter(stage=stage).update(locked_at=None)
    client = client_as("juror")
    url = reverse("jury:live", kwargs={"stage_pk": stage.pk})
    _pool(judging["edition"], 5, 1)
    services.run_assignment(stage, StageJury.Mode.FULL_PANEL)
    cards = client.get(url).content.decode().count('class="live-card')  # the first visit names new entries
    few = _queries(lambda: client.get(url))
    _pool(judging["edition"], 40, 1)
    services.run_assignment(stage, StageJury.Mode.FULL_PANEL)
    assert client.get(url).content.decode().count('class="live-card') >= cards + 40 > 40
    assert _queries(lambda: client.get(url)) == few
