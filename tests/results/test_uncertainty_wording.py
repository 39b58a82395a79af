"""The uncertainty of a ranking in plain words: the organiser's desk, the public pages, the papers (issue 12)."""

import re

from django.urls import reverse

from sayembara.jury.models import Juror, ScoreSheet
from sayembara.results import services


def _isolate_one_entry(edition, demo_users):
    """One entry's sheets of a stage all come from a juror who scored nothing else: a separate design group."""
    sheet = ScoreSheet.objects.filter(stage__edition=edition, status=ScoreSheet.Status.SUBMITTED).order_by("pk").first()
    others = ScoreSheet.objects.filter(stage=sheet.stage, entry=sheet.entry).exclude(pk=sheet.pk)
    assert others.exists()
    others.delete()
    loner = Juror.objects.get(edition=edition, user=demo_users["other_juror"])
    ScoreSheet.objects.filter(pk=sheet.pk).update(juror=loner)
    return sheet.entry, sheet.stage


def test_the_desk_names_a_separate_group_in_words_and_keeps_the_correction_for_the_rest(
    client_as, undecided_2019, demo_users, compute
):
    entry, stage = _isolate_one_entry(undecided_2019, demo_users)
    client = client_as("organiser")
    compute(client, 2019, "additive")
    run = services.latest_run(undecided_2019)
    # No global fallback to the plain mean: the method stays the additive model.
    assert run.method_used == "additive"
    assert [g["entry_ids"] for g in run.separate_groups] == [[str(entry.pk)]]
    assert not any("separate groups" in w for w in run.warnings)  # shown in words below, not as engine English
    page = client.get(reverse("results:manage", args=[2019])).content.decode()
    notice = re.search(r'data-testid="separate-group">(.*?)</div>', page, re.S).group(1)
    assert f"Tahap {stage.name}" in notice and entry.code in notice and "1 juri" in notice
    assert "rentang peringkat inovasi berikut lebih lebar" in notice


def test_the_desk_reads_the_range_in_plain_indonesian_with_its_precision(client_as, undecided_2019, compute):
    client = client_as("organiser")
    compute(client, 2019, "additive")
    run = services.latest_run(undecided_2019)
    assert run.bootstrap >= 4000 and run.mc_error["draws"] == run.bootstrap  # automatic, not the old 1,000
    page = client.get(reverse("results:manage", args=[2019])).content.decode()
    assert "“peringkat 2, dengan rentang 1–4”" in page
    assert "Ketelitian simulasi: ujung rentang ±" in page
    assert "Model aditif" in page or "model aditif" in page
    text = re.sub(r"<[^>]+>", " ", page).lower()
    assert "bootstrap" not in text and "resample" not in text and "method additive" not in text


def test_the_public_pages_explain_ranges_and_ties_without_engine_words(client_as, edition_2020, public_test_2019):
    anonymous = client_as("anonymous")
    for url in (reverse("results:public", args=[2020]), reverse("results:public", args=[2019])):
        page = anonymous.get(url).content.decode()
        assert 'data-testid="range-help"' in page and "dengan rentang 1–4" in page
        assert "tidak dapat dibedakan secara statistik" in page
        assert "Rentang peringkat (95%)" in page
        # Only the collapsed technical check names the command's options.
        outside = re.sub(r"<details>.*?</details>", "", page, flags=re.S)
        words = re.sub(r"<[^>]+>", " ", outside).lower()
        assert "bootstrap" not in words and "seed" not in words and "benih" not in words
