"""Final means final: once 2020 is published nothing it rests on changes, by view, back office or model save;
a genuine error is corrected by a numbered correction (ralat), and every version stays verifiable."""

from decimal import Decimal

import pytest
from django.urls import reverse

from sayembara.audit.models import AuditEvent
from sayembara.editions.models import Criterion, Stage
from sayembara.entries.models import Entry
from sayembara.errors import Frozen
from sayembara.jury.models import Conflict, Score, ScoreSheet
from sayembara.results import services
from sayembara.results.models import Award, Certificate, JuryVote, Publication

pytestmark = pytest.mark.django_db


def _attempts(edition):
    """Every kind of change to what the published result rests on, as ordinary model saves."""
    stage = edition.stages.order_by("order").first()
    criterion = Criterion.objects.filter(stage=stage).first()
    score = Score.objects.filter(sheet__stage__edition=edition).select_related("sheet").first()
    sheet = score.sheet
    entry = edition.entries.filter(status=Entry.Status.PASSED).first()
    award = Award.objects.filter(edition=edition).first()
    conf = services.settings_for(edition)

    def stage_reopened():
        stage.status = Stage.Status.OPEN
        stage.save()

    def weight_changed():
        criterion.weight = criterion.weight + 1
        criterion.save()

    def score_changed():
        score.value = score.criterion.max_score
        score.save()

    def sheet_reopened():
        sheet.status = ScoreSheet.Status.DRAFT
        sheet.save()

    def paper_sheet_added():
        ScoreSheet.objects.create(stage=stage, juror=sheet.juror, entry=edition.entries.exclude(pk=sheet.entry_id).last())

    def conflict_recorded():
        Conflict.objects.create(juror=sheet.juror, entry=sheet.entry, kind=Conflict.Kind.FAMILY, source=Conflict.Source.RECORDED)

    def award_changed():
        award.title = "Juara Utama"
        award.save()

    def award_deleted():
        award.delete()

    def vote_added():
        JuryVote.objects.create(edition=edition, entry=entry, votes=3)

    def seed_changed():
        conf.seed = conf.seed + 1
        conf.save()

    def unlocked():
        conf.locked_at = None
        conf.save()

    def entry_failed():
        entry.status = Entry.Status.FAILED
        entry.save()

    return [stage_reopened, weight_changed, score_changed, sheet_reopened, paper_sheet_added, conflict_recorded,
            award_changed, award_deleted, vote_added, seed_changed, unlocked, entry_failed]


def test_nothing_a_published_result_rests_on_can_change(edition_2020):
    from django.db import transaction

    for attempt in _attempts(edition_2020):
        # Each in its own savepoint, as each request is its own transaction.
        with pytest.raises(Frozen), transaction.atomic():
            attempt()
    # What does not feed the result may change: a typo in a title, a justification's wording.
    entry = edition_2020.entries.first()
    entry.title = entry.title + " "
    entry.save()
    score = Score.objects.filter(sheet__stage__edition=edition_2020).first()
    score.justification = "Diperjelas."
    score.save()


def test_views_and_the_back_office_refuse_with_a_page_that_says_why(client_as, edition_2020):
    client = client_as("organiser")
    sheet = ScoreSheet.objects.filter(stage__edition=edition_2020, status="submitted").first()
    response = client.post(reverse("jury:reopen_sheet", args=[sheet.pk]), {"reason": "Salah ketik."})
    assert response.status_code == 409 and "ralat" in response.content.decode()
    assert ScoreSheet.objects.get(pk=sheet.pk).status == "submitted"
    response = client.post(reverse("results:compute", args=[2020]), {"method": "mean"}, follow=True)
    assert "tidak dihitung ulang" in response.content.decode()
    # The back office is refused as well, with the same page.
    award = Award.objects.filter(edition=edition_2020).first()
    response = client.post(reverse("admin:results_award_delete", args=[award.pk]), {"post": "yes"})
    assert response.status_code == 409 and Award.objects.filter(pk=award.pk).exists()


def test_a_correction_is_numbered_reasoned_audited_and_verifiable(client_as, demo_users, edition_2020):
    client = client_as("organiser")
    original = Publication.objects.get(edition=edition_2020)
    response = client.post(reverse("results:correction", args=[2020]), {"action": "open_correction", "reason": ""}, follow=True)
    assert "alasannya" in response.content.decode() or "Sebutkan" in response.content.decode()
    client.post(reverse("results:correction", args=[2020]),
                {"action": "open_correction", "reason": "Nilai juri 2 untuk KIPP-2020-004 salah ketik (80 tertulis 08)."})
    # While the correction is open, the inputs may change, and each change is audited.
    award = Award.objects.filter(edition=edition_2020).order_by("category__order", "order").first()
    old_certificate = Certificate.objects.get(entry=award.entry, kind=Certificate.Kind.WINNER)
    score = Score.objects.filter(sheet__entry=award.entry, sheet__stage__edition=edition_2020).first()
    score.value = score.criterion.min_score
    score.save()
    assert AuditEvent.objects.filter(model="jury.score", object_id=str(score.pk)).exists()
    runner_up = edition_2020.entries.filter(status=Entry.Status.PASSED).exclude(
        pk__in=Award.objects.filter(edition=edition_2020).values("entry")).first()
    services.save_awards(edition_2020, [
        {"entry": runner_up if a.pk == award.pk else a.entry, "title": a.title, "order": a.order, "category": a.category,
         "final_score": a.final_score or Decimal("0")}
        for a in Award.objects.filter(edition=edition_2020)
    ])
    client.post(reverse("results:correction", args=[2020]), {"action": "lock"})
    client.post(reverse("results:correction", args=[2020]), {"action": "publish_correction"})
    correction = edition_2020.corrections.get()
    assert correction.number == 1 and correction.sha256 and correction.sha256 != original.sha256
    # Frozen again.
    with pytest.raises(Frozen):
        score.value = score.criterion.max_score
        score.save()
    # The public page shows the history; both fingerprints verify; the old certificate says it was superseded.
    page = client_as("anonymous").get(reverse("results:public", args=[2020])).content.decode()
    assert original.sha256 in page and correction.sha256 in page and "salah ketik" in page
    for fingerprint in (original.sha256, correction.sha256):
        assert client_as("anonymous").get(reverse("results:verify") + f"?q={fingerprint}")["Location"] == reverse(
            "results:public", args=[2020])
    old = client_as("anonymous").get(reverse("results:certificate", args=[old_certificate.code])).content.decode()
    assert 'data-testid="superseded"' in old
    new = Certificate.objects.get(entry=runner_up, kind=Certificate.Kind.WINNER, superseded_by__isnull=True)
    assert 'data-testid="superseded"' not in client_as("anonymous").get(
        reverse("results:certificate", args=[new.code])).content.decode()
