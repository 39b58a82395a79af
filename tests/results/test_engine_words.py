"""No Indonesian page shows the numeric core's English: its warnings, refusals and the assignment's reasons
are said from data, in the user's language (issue 13)."""

import re

import pytest
from django.urls import reverse

from sayembara.editions.models import Criterion
from sayembara.jury import services as jury_services
from sayembara.jury.models import ScoreSheet, StageJury
from sayembara.results import services

# Fragments of the core's English sentences and codes; none may reach an Indonesian page.
ENGINE_ENGLISH = (
    "juror '", "entry '", "element:", "no complete sheet", "unknown criterion", "has no weight", "incomplete sheet",
    "z-scores", "separate groups", "jurors are free of conflicts", "have a conflict with this entry",
    "the pool has no", "additive", "zscore", "bootstrap", "resample", " seed",
)


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def assert_no_engine_english(html: str):
    text = visible_text(html)
    found = [fragment for fragment in ENGINE_ENGLISH if fragment in text]
    assert not found, found


def test_a_final_ranking_before_the_last_stage_is_scored_says_so_in_words(client_as, undecided_2019, compute):
    last = undecided_2019.stages.order_by("-order").first()
    ScoreSheet.objects.filter(stage=last).update(status=ScoreSheet.Status.DRAFT)
    client = client_as("organiser")
    page = compute(client, 2019, "additive")
    run = services.latest_run(undecided_2019)
    assert run is not None and {"code": "stage_unscored", "params": {"stage": last.kind},
                                "text": f"stage '{last.kind}' has no scores yet"} in run.warnings
    assert f"Tahap {last.name} belum punya lembar nilai yang dikirim" in page
    assert re.search(r"Peringkat dihitung dalam \d+,\d\d detik", page)  # a decimal comma, not "0.18 detik"
    assert_no_engine_english(page)


def test_a_criterion_added_after_scoring_is_refused_in_words_and_nothing_is_stored(client_as, undecided_2019, compute):
    stage = undecided_2019.stages.order_by("order").first()
    Criterion.objects.create(stage=stage, code="baru", name="Kriteria Baru", weight=10, order=99)
    before = services.latest_run(undecided_2019)
    client = client_as("organiser")
    page = compute(client, 2019, "additive")
    assert f"Kriteria Kriteria Baru pada tahap {stage.name} memiliki bobot" in page
    assert services.latest_run(undecided_2019) == before
    assert_no_engine_english(page)


def test_an_incomplete_sheet_and_a_one_sheet_juror_are_said_with_numbers_and_names(client_as, undecided_2019, demo_users):
    from sayembara.jury.models import Score

    from tests.results.test_uncertainty_wording import _isolate_one_entry

    _isolate_one_entry(undecided_2019, demo_users)  # "Juri Lain" now has a single sheet
    score = Score.objects.filter(sheet__stage__edition=undecided_2019, sheet__status=ScoreSheet.Status.SUBMITTED,
                                 sheet__juror__user=demo_users["juror"]).select_related(
        "sheet__entry", "sheet__stage", "criterion", "sheet__juror__user").first()
    sheet = score.sheet
    Score.objects.filter(pk=score.pk).delete()
    services.compute_ranking(undecided_2019, method="zscore")
    page = client_as("organiser").get(reverse("results:manage", args=[2019]) + "?method=zscore").content.decode()
    assert (f"Lembar nilai {sheet.juror.user.full_name} untuk {sheet.entry.code} pada tahap {sheet.stage.name} belum "
            f"lengkap (tanpa {score.criterion.name})") in page
    assert "Juri Lain hanya mengisi satu lembar" in page
    assert_no_engine_english(page)


def test_the_assignment_says_why_a_panel_is_incomplete_in_words(client_as, judging, jurors):
    stage = judging["interview"]
    jury_services.run_assignment(stage, StageJury.Mode.AUTOMATIC, per_entry=3)
    page = client_as("organiser").get(reverse("jury:stage_assignment", kwargs={"stage_pk": stage.pk})).content.decode()
    unmet = re.search(r'data-testid="unmet">(.*?)</section>', page, re.S).group(1)
    assert "KIPP-2026-009" in unmet
    assert "Tidak ada juri unsur LSM: seluruh 1 juri itu memiliki konflik kepentingan dengan inovasi ini." in unmet
    assert_no_engine_english(page)


@pytest.fixture
def judging(db):
    from sayembara.editions.models import Stage
    from sayembara.jury.demo import prepare_judging_demo

    edition = prepare_judging_demo()
    stages = {s.kind: s for s in Stage.objects.filter(edition=edition)}
    return {"edition": edition, "interview": stages["interview"]}


@pytest.fixture
def jurors(judging):
    from sayembara.jury.models import Juror

    return {j.element: j for j in Juror.objects.filter(edition=judging["edition"]).select_related("user")}
