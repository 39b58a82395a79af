"""Results: ranking desk, decisions, publication with a verifiable hash, objections, advancement."""

import datetime as dt
import hashlib
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from sayembara.editions.models import Edition, Stage
from sayembara.jury.models import Score
from sayembara.results import sequence, services
from sayembara.results.models import Award, Certificate, Decision, Objection, Publication
from sayembara_score import cli
from tests.results.conftest import end_public_test


@pytest.fixture
def edition_2019(db):
    return Edition.objects.get(year=2019)


@pytest.fixture
def correcting_2020(edition_2020, demo_users):
    """2020 is published and final: these tests work inside an open correction (ralat), as an organiser would."""
    return sequence.open_correction(edition_2020, demo_users["organiser"], "Pemeriksaan ulang oleh panitia.")


def test_organiser_computes_the_final_ranking_with_intervals_and_reliability(client_as, undecided_2019, compute):
    client = client_as("organiser")
    page = compute(client, 2019, "additive")
    assert "Peringkat dihitung" in page or "Ranking computed" in page
    run = services.latest_run(undecided_2019)
    rows = list(services.ranked_rows(run))
    assert len(rows) == undecided_2019.entries.filter(status="passed").count() > 10
    assert [r.rank for r in rows] == sorted(r.rank for r in rows)
    assert all(r.rank_low <= r.rank <= r.rank_high for r in rows)
    # The demo's three jurors scored every entry: a complete design, so the six ICCs are all there.
    icc = run.reliability["interview"]["total"]["icc"]
    assert set(icc) == {"ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"} and all(v is not None for v in icc.values())
    assert run.reliability["interview"]["total"]["kendall_w"] is not None
    assert rows[0].entry.code in page and 'data-testid="reliability"' in page


def test_ties_at_the_prize_boundary_are_flagged_on_the_page(client_as, edition_2020):
    services.compute_ranking(edition_2020)
    page = client_as("organiser").get(reverse("results:manage", args=[2020])).content.decode()
    # In the demo, 2nd to 5th place are within 1.3 points of each other: the page must say they are tied.
    assert 'data-testid="tie-warning"' in page
    assert "seri statistik" in page


def test_a_changed_score_makes_the_stored_ranking_stale(edition_2020, correcting_2020):
    services.compute_ranking(edition_2020)
    run, stale = services.current_run(edition_2020)
    assert not stale
    score = Score.objects.filter(sheet__stage__edition=edition_2020).first()
    score.value = score.criterion.min_score
    score.save()
    _run, stale = services.current_run(edition_2020)
    assert stale


def test_the_explanation_shows_every_sheet_and_its_total(client_as, edition_2020):
    services.compute_ranking(edition_2020)
    entry = edition_2020.entries.order_by("code").first()
    page = client_as("organiser").get(reverse("results:explain", args=[2020, entry.code])).content.decode()
    for juror in edition_2020.jurors.select_related("user"):
        assert juror.user.full_name in page
    assert page.count("Total lembar") == 9  # three jurors x three stages


def test_query_count_of_the_results_page_does_not_grow_with_entries(client_as, django_assert_max_num_queries, edition_2020):
    small = Edition.objects.get(year=2020)  # 18 entries
    large = Edition.objects.get(year=2018)  # 35 entries
    for edition in (small, large):
        services.compute_ranking(edition)
    client = client_as("organiser")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for edition in (small, large):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("results:manage", args=[edition.year])).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts


def test_the_sequence_from_provisional_announcement_to_final_publication_through_the_pages(
        client_as, demo_users, undecided_2019):
    edition = undecided_2019
    client = client_as("organiser")
    # Too early: nothing but the provisional announcement is possible, and the pages say why.
    for name in ("results:decide", "results:publish"):
        page = client.get(reverse(name, args=[2019]))
        assert page.status_code == 200 and 'data-testid="step-problems"' in page.content.decode()
    assert client.post(reverse("results:publish", args=[2019]), {"confirmed": "1"}).status_code == 302
    assert not Publication.objects.filter(edition=edition).exists()
    assert client.get(reverse("results:decree", args=[2019])).status_code == 404

    # Letters are numbered in the year they are issued.
    year = timezone.localdate().year
    confirm = client.get(reverse("results:provisional", args=[2019])).content.decode()
    assert f"000.8.3/001/{year}" in confirm and 'data-testid="proposed-winners"' in confirm
    assert client.post(reverse("results:provisional", args=[2019]), {"days": "5", "number": ""}).status_code == 302
    announcement = edition.provisional_announcements.get()
    assert announcement.number == f"000.8.3/001/{year}" and announcement.version == 1
    assert (announcement.public_test_ends_at - announcement.announced_at).days in (4, 5)
    public = client_as("anonymous").get(reverse("results:public", args=[2019])).content.decode()
    assert 'data-testid="provisional"' in public and announcement.sha256 in public
    # Papers for the unit wait for the final publication.
    entry = edition.entries.filter(team__user=demo_users["innovator"]).first()
    if entry is not None:
        paper = reverse("results:entry_paper", args=[2019, entry.code, "feedback.pdf"])
        assert client_as("innovator").get(paper).status_code == 403

    # The public responds; the decision waits for the end of the public test and for every answer.
    client_as("anonymous").post(reverse("results:objections", args=[2019]),
                                {"name": "Warga", "email": "warga@example.org", "text": "Mohon ditinjau."})
    objection = Objection.objects.get(edition=edition)
    assert objection.announcement == announcement
    refused = client.post(reverse("results:decide", args=[2019]), {
        "held_on": timezone.localdate().isoformat(), "place": "Ruang Rapat", "present": [j.pk for j in edition.jurors.all()]})
    assert refused.status_code == 400 and not Decision.objects.filter(edition=edition).exists()
    client.post(reverse("results:objection_answer", args=[2019, objection.pk]),
                {"answer": "Sudah ditinjau: tidak ada kesalahan.", "outcome": "rejected"})
    end_public_test(edition)
    jurors = list(edition.jurors.all())
    response = client.post(reverse("results:decide", args=[2019]), {
        "held_on": timezone.localdate().isoformat(), "place": "Ruang Rapat Setda", "present": [j.pk for j in jurors[:2]]})
    assert response.status_code == 302, response.content.decode()[:2000]
    decision = Decision.objects.get(edition=edition)
    assert decision.minutes_number == f"000.8.3/BA-001/{year}" and decision.present.count() == 2
    # Decided: the winners are fixed.
    assert client.post(reverse("results:awards", args=[2019]), {"form-TOTAL_FORMS": "0", "form-INITIAL_FORMS": "0"}).status_code == 403

    # The decree cannot predate the decision, nor lie in the future.
    bad = client.post(reverse("results:decree", args=[2019]), {
        "decree_number": "100.3.3.2/1/2019", "decree_date": (timezone.localdate() - dt.timedelta(days=3)).isoformat()})
    assert bad.status_code == 400
    client.post(reverse("results:decree", args=[2019]), {
        "decree_number": "100.3.3.2/718/2019", "decree_date": timezone.localdate().isoformat()})
    decision.refresh_from_db()
    assert decision.decree_number == "100.3.3.2/718/2019"

    # Final publication: a GET asks first, then the POST publishes.
    ask = client.get(reverse("results:publish", args=[2019])).content.decode()
    assert 'data-testid="publish"' in ask and "step-problems" not in ask
    response = client.post(reverse("results:publish", args=[2019]), {"confirmed": "1"}, follow=True)
    publication = Publication.objects.get(edition=edition)
    assert publication.sha256 in response.content.decode()
    assert hashlib.sha256(publication.payload.encode()).hexdigest() == publication.sha256
    payload = json.loads(publication.payload)
    assert payload["decree"] == {"number": "100.3.3.2/718/2019", "date": timezone.localdate().isoformat()}
    assert payload["provisional"][0]["sha256"] == announcement.sha256 and payload["public_test"]["responses"] == 1
    winners = Certificate.objects.filter(edition=edition, kind="winner")
    assert winners.count() == Award.objects.filter(edition=edition).count()
    assert all(c.number.startswith("800.1.3.3/") for c in Certificate.objects.filter(edition=edition))
    assert len({c.number for c in Certificate.objects.filter(edition=edition)}) == Certificate.objects.filter(edition=edition).count()

    # Published: nothing to unlock, publish twice, or decree again.
    client.post(reverse("results:correction", args=[2019]), {"action": "unlock"})
    assert services.settings_for(edition).locked_at is not None
    assert client.post(reverse("results:publish", args=[2019]), {"confirmed": "1"}).status_code == 302
    assert Publication.objects.filter(edition=edition).count() == 1
    client.post(reverse("results:decree", args=[2019]), {"decree_number": "X", "decree_date": timezone.localdate().isoformat()})
    decision.refresh_from_db()
    assert decision.decree_number == "100.3.3.2/718/2019"

    public = client_as("anonymous").get(reverse("results:public", args=[2019])).content.decode()
    assert publication.sha256 in public and 'data-testid="intact"' in public and 'data-testid="history"' in public
    assert client_as("anonymous").get(reverse("results:verify") + "?q=" + publication.sha256.upper()).status_code == 302


def test_anyone_can_recompute_the_published_ranking_from_the_published_files(client_as, edition_2020, tmp_path, capsys):
    """The public page's own instruction: the three published files and one command give the same ranking."""
    anonymous = client_as("anonymous")
    page = anonymous.get(reverse("results:public", args=[2020])).content.decode()
    command = "sayembara-score rank scores.csv --weights weights.csv --published published.json"
    assert command in page
    for name in ("published.json", "scores.csv", "weights.csv"):
        (tmp_path / name).write_bytes(anonymous.get(reverse("results:published_file", args=[2020, name])).content)
    payload = json.loads((tmp_path / "published.json").read_text())
    argv = [str(tmp_path / part) if part.endswith((".csv", ".json")) else part for part in command.split()[2:]]
    assert cli.main(["rank", *argv, "--format", "json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["draws"] == payload["bootstrap"] > 0
    assert [(e["entry"], e["rank"], e["rank_low"], e["rank_high"]) for e in again["entries"]] == [
        (r["entry"], r["rank"], r["rank_low"], r["rank_high"]) for r in payload["ranking"]
    ]


def test_certificate_code_opens_its_verification_page(client_as, edition_2020):
    certificate = Certificate.objects.filter(edition=edition_2020, kind="winner").select_related("award").first()
    response = client_as("anonymous").get(reverse("results:verify") + f"?q={certificate.code.lower()}", follow=True)
    page = response.content.decode()
    assert certificate.award.title in page and certificate.entry.title in page
    assert edition_2020.publication.sha256 in page
    missing = client_as("anonymous").get(reverse("results:verify") + "?q=ABCDEF000000").content.decode()
    assert 'role="alert"' in missing


def test_responses_only_during_the_public_test_and_answered_publicly(client_as, undecided_2019, demo_users):
    url = reverse("results:objections", args=[2019])
    form = {"name": "Warga Pemalang", "email": "warga@example.org", "text": "Mohon ditinjau ulang."}
    closed = client_as("anonymous").post(url, form, follow=True).content.decode()
    assert "Uji publik" in closed or "ditutup" in closed
    assert not Objection.objects.filter(name="Warga Pemalang").exists()

    sequence.announce_provisional(undecided_2019, demo_users["organiser"])
    client_as("anonymous").post(url, form)
    objection = Objection.objects.get(name="Warga Pemalang")
    # An answer needs an outcome: upheld or not.
    client_as("organiser").post(reverse("results:objection_answer", args=[2019, objection.pk]), {"answer": "Sudah ditinjau."})
    objection.refresh_from_db()
    assert objection.status == Objection.Status.OPEN
    client_as("organiser").post(reverse("results:objection_answer", args=[2019, objection.pk]),
                                {"answer": "Sudah ditinjau.", "outcome": "rejected"})
    objection.refresh_from_db()
    assert objection.status == Objection.Status.ANSWERED and objection.outcome == "rejected"
    page = client_as("anonymous").get(url).content.decode()
    assert "Sudah ditinjau." in page and "warga@example.org" not in page

    end_public_test(undecided_2019)
    client_as("anonymous").post(url, form | {"name": "Terlambat"})
    assert not Objection.objects.filter(name="Terlambat").exists()


def test_an_empty_response_is_refused_with_a_message(client_as, public_test_2019):
    response = client_as("anonymous").post(reverse("results:objections", args=[2019]), {"name": "", "email": "bukan-email", "text": ""})
    assert response.status_code == 400
    assert "wajib" in response.content.decode() or "required" in response.content.decode()


def test_advancement_follows_the_stage_rule_and_is_confirmed_by_the_organiser(client_as, edition_2020, correcting_2020):
    proposal_stage = Stage.objects.get(edition=edition_2020, order=1)  # top 12 advance
    run = services.compute_ranking(edition_2020, proposal_stage)
    chosen = services.propose_advancement(proposal_stage, run)
    assert len(chosen) == 12
    ranks = {r.entry_id: r.rank for r in run.rows.all()}
    assert max(ranks[e] for e in chosen) <= 12
    outside = edition_2020.entries.exclude(pk__in=chosen).order_by("code").first()
    inside = edition_2020.entries.filter(pk__in=chosen).order_by("code").first()
    client = client_as("organiser")
    # First the confirmation: who advances, who stops here; nothing moves yet.
    page = client.post(reverse("results:advance", args=[2020, 1]), {"add": outside.code, "remove": inside.code})
    html = page.content.decode()
    assert page.status_code == 200 and outside.code in html.split('data-testid="cut"')[0]
    assert inside.code in html.split('data-testid="cut"')[1]
    assert not edition_2020.entries.filter(reached_stage__isnull=False).exists()
    client.post(reverse("results:advance", args=[2020, 1]), {"add": outside.code, "remove": inside.code, "confirmed": "1"})
    presentation = Stage.objects.get(edition=edition_2020, order=2)
    expected = (set(chosen) | {outside.pk}) - {inside.pk}
    assert set(edition_2020.entries.filter(reached_stage=presentation).values_list("pk", flat=True)) == expected


def test_advancing_an_open_stage_with_missing_sheets_needs_a_recorded_reason(client_as, edition_2020, correcting_2020):
    from sayembara.audit.models import AuditEvent
    from sayembara.jury.models import ScoreSheet

    stage = Stage.objects.get(edition=edition_2020, order=1)
    services.compute_ranking(edition_2020, stage)
    Stage.objects.filter(pk=stage.pk).update(status=Stage.Status.OPEN)
    ScoreSheet.objects.filter(pk__in=list(ScoreSheet.objects.filter(stage=stage).order_by("pk")[:2].values_list("pk", flat=True))).update(status="draft")
    client = client_as("organiser")
    page = client.post(reverse("results:advance", args=[2020, 1]), {}).content.decode()
    assert 'data-testid="advance-problems"' in page and "masih dibuka" in page and "2 dari" in page
    response = client.post(reverse("results:advance", args=[2020, 1]), {"confirmed": "1"}, follow=True)
    assert not edition_2020.entries.filter(reached_stage__isnull=False).exists()
    assert "Tidak dilanjutkan" in response.content.decode()
    client.post(reverse("results:advance", args=[2020, 1]), {"confirmed": "1", "reason": "Rapat juri 12 Agustus memutuskan."})
    moved = edition_2020.entries.filter(reached_stage__isnull=False)
    assert moved.count() == 12
    assert AuditEvent.objects.filter(model="entries.entry", object_id=str(moved.first().pk),
                                     note__contains="Rapat juri 12 Agustus").exists()


def test_advancement_with_an_unknown_entry_number_changes_nothing(client_as, edition_2020):
    stage = Stage.objects.get(edition=edition_2020, order=1)
    services.compute_ranking(edition_2020, stage)
    response = client_as("organiser").post(reverse("results:advance", args=[2020, 1]), {"add": "KIPP-9999-999"}, follow=True)
    assert "KIPP-9999-999" in response.content.decode()
    assert not edition_2020.entries.filter(reached_stage__isnull=False).exists()


def test_a_conflict_recorded_after_scoring_takes_those_scores_out_and_says_so(client_as, edition_2020, correcting_2020):
    from sayembara.jury.models import Conflict, ScoreSheet

    before = services.load_inputs(edition_2020)
    services.compute_ranking(edition_2020)
    sheet = ScoreSheet.objects.filter(stage__edition=edition_2020, status="submitted").select_related("juror", "entry").first()
    Conflict.objects.create(juror=sheet.juror, entry=sheet.entry, kind=Conflict.Kind.FAMILY,
                            source=Conflict.Source.RECORDED, note="Baru diketahui: saudara kandung ketua tim.")
    _run, stale = services.current_run(edition_2020)
    assert stale  # the stored ranking no longer stands
    after = services.load_inputs(edition_2020)
    def of_pair(rows):
        return [r for r in rows if r.entry == str(sheet.entry_id) and r.juror == str(sheet.juror_id)]

    assert of_pair(before.rows) and not of_pair(after.rows)
    assert len(after.rows) == len(before.rows) - len(of_pair(before.rows))
    page = client_as("organiser").get(reverse("results:explain", args=[2020, sheet.entry.code])).content.decode()
    assert 'data-testid="conflicted-sheet"' in page
