"""Results: ranking desk, decisions, publication with a verifiable hash, objections, advancement."""

import csv
import datetime as dt
import hashlib
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from sayembara.editions.models import Edition, Phase, Stage
from sayembara.jury.models import Score
from sayembara.results import services
from sayembara.results.models import Award, Certificate, Objection, Publication
from sayembara_score import ScoreRow, WeightScheme, rank


@pytest.fixture
def edition_2019(db):
    return Edition.objects.get(year=2019)


@pytest.fixture
def correcting_2020(edition_2020, demo_users):
    """2020 is published and final: these tests work inside an open correction (ralat), as an organiser would."""
    return services.open_correction(edition_2020, demo_users["organiser"], "Pemeriksaan ulang oleh panitia.")


def _unpublish(edition):
    """Turn a demo edition back into one whose results are still being decided."""
    Certificate.objects.filter(edition=edition).delete()
    Publication.objects.filter(edition=edition).delete()
    conf = services.settings_for(edition)
    conf.locked_at = None
    conf.save()
    edition.status = Edition.Status.CLOSED
    edition.results_published_at = None
    edition.save()
    return edition


def test_organiser_computes_the_final_ranking_with_intervals_and_reliability(client_as, edition_2020, correcting_2020):
    client = client_as("organiser")
    response = client.post(reverse("results:compute", args=[2020]), {"method": "additive"}, follow=True)
    page = response.content.decode()
    assert "Peringkat dihitung" in page or "Ranking computed" in page
    run = services.latest_run(edition_2020)
    rows = list(services.ranked_rows(run))
    assert len(rows) == 18
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


def test_decide_lock_publish_and_verify(client_as, demo_users, edition_2019):
    edition = _unpublish(edition_2019)
    client = client_as("organiser")
    client.post(reverse("results:compute", args=[2019]), {"method": "mean"})
    conf = services.settings_for(edition)
    conf.method = "mean"
    conf.save()
    services.compute_ranking(edition)
    form = client.get(reverse("results:awards", args=[2019])).context["formset"]
    data = {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0"}
    proposal = [f.initial for f in form][:2]
    for i, initial in enumerate(proposal):
        data |= {f"form-{i}-entry": initial["entry"].pk, f"form-{i}-title": initial["title"], f"form-{i}-order": initial["order"]}
    client.post(reverse("results:awards", args=[2019]), data)
    assert Award.objects.filter(edition=edition).count() == 2

    client.post(reverse("results:decision", args=[2019]), {"action": "lock"})
    # Locked: the winners can no longer be changed.
    assert client.post(reverse("results:awards", args=[2019]), data).status_code == 403
    response = client.post(reverse("results:decision", args=[2019]), {"action": "publish"}, follow=True)
    publication = Publication.objects.get(edition=edition)
    assert publication.sha256 in response.content.decode()
    assert hashlib.sha256(publication.payload.encode()).hexdigest() == publication.sha256
    assert Certificate.objects.filter(edition=edition, kind="winner").count() == 2

    # Published results cannot be unlocked or published twice.
    client.post(reverse("results:decision", args=[2019]), {"action": "unlock"})
    assert services.settings_for(edition).locked_at is not None
    assert Publication.objects.filter(edition=edition).count() == 1

    public = client_as("anonymous").get(reverse("results:public", args=[2019])).content.decode()
    assert publication.sha256 in public and 'data-testid="intact"' in public
    assert client_as("anonymous").get(reverse("results:verify") + "?q=" + publication.sha256.upper()).status_code == 302


def test_anyone_can_recompute_the_published_ranking_from_the_published_files(client_as, edition_2020):
    anonymous = client_as("anonymous")
    payload = json.loads(anonymous.get(reverse("results:published_file", args=[2020, "published.json"])).content)
    scores = list(csv.DictReader(io.StringIO(anonymous.get(reverse("results:published_file", args=[2020, "scores.csv"])).content.decode())))
    weights = list(csv.DictReader(io.StringIO(anonymous.get(reverse("results:published_file", args=[2020, "weights.csv"])).content.decode())))
    rows = [ScoreRow(r["entry"], r["juror"], r["criterion"], float(r["score"]), r["stage"]) for r in scores]
    scheme = WeightScheme(
        criteria={(w["stage"], w["criterion"]): float(w["weight"]) for w in weights if w["criterion"]},
        stages={w["stage"]: float(w["weight"]) for w in weights if not w["criterion"]},
        stage_order=tuple(w["stage"] for w in weights if not w["criterion"]),
    )
    again = rank(rows, weights=scheme, method=payload["method"], bootstrap=payload["bootstrap"], seed=payload["seed"], top=payload["top"])
    assert [(e.entry, e.rank, e.rank_low, e.rank_high) for e in again.entries] == [
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


def test_objections_only_during_the_window_and_answered_publicly(client_as, edition_2020):
    url = reverse("results:objections", args=[2020])
    form = {"name": "Warga Pemalang", "email": "warga@example.org", "text": "Mohon ditinjau ulang."}
    closed = client_as("anonymous").post(url, form, follow=True).content.decode()
    assert "Uji publik" in closed or "ditutup" in closed
    assert not Objection.objects.filter(name="Warga Pemalang").exists()

    now = timezone.now()
    Phase.objects.filter(edition=edition_2020, kind=Phase.Kind.OBJECTION).update(starts_at=now - dt.timedelta(hours=1), ends_at=now + dt.timedelta(days=1))
    client_as("anonymous").post(url, form)
    objection = Objection.objects.get(name="Warga Pemalang")
    client_as("organiser").post(reverse("results:objection_answer", args=[2020, objection.pk]), {"answer": "Sudah ditinjau."})
    objection.refresh_from_db()
    assert objection.status == Objection.Status.ANSWERED
    assert "Sudah ditinjau." in client_as("anonymous").get(url).content.decode()


def test_an_empty_objection_is_refused_with_a_message(client_as, edition_2020):
    now = timezone.now()
    Phase.objects.filter(edition=edition_2020, kind=Phase.Kind.OBJECTION).update(starts_at=now - dt.timedelta(hours=1), ends_at=now + dt.timedelta(days=1))
    response = client_as("anonymous").post(reverse("results:objections", args=[2020]), {"name": "", "email": "bukan-email", "text": ""})
    assert response.status_code == 200
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
