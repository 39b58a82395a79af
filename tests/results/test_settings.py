"""The organiser declares how results are computed; the tie-break chain settles exact ties."""

import pytest
from django.urls import reverse

from sayembara.editions.models import Edition
from sayembara.jury.models import Score
from sayembara.results import services
from sayembara.results.models import JuryVote


@pytest.fixture
def edition_2019(db):
    """2019 with its results not yet published or locked, so its settings can change."""
    from sayembara.results.models import Certificate, Publication

    edition = Edition.objects.get(year=2019)
    Certificate.objects.filter(edition=edition).delete()
    Publication.objects.filter(edition=edition).delete()
    services.settings_for(edition).__class__.objects.filter(edition=edition).update(locked_at=None)
    return edition


def _make_exact_tie(edition):
    """Give the second entry exactly the scores of the first, sheet by sheet."""
    first, second = edition.entries.order_by("code")[:2]
    source = {(s.sheet.stage_id, s.sheet.juror_id, s.criterion_id): s.value for s in Score.objects.filter(sheet__entry=first).select_related("sheet")}
    for score in Score.objects.filter(sheet__entry=second).select_related("sheet"):
        score.value = source[(score.sheet.stage_id, score.sheet.juror_id, score.criterion_id)]
        score.save()
    return first, second


def test_jury_vote_breaks_an_exact_tie(client_as, edition_2019):
    first, second = _make_exact_tie(edition_2019)
    client = client_as("organiser")
    client.post(reverse("results:settings", args=[2019]), {
        "method": "mean", "bootstrap": 200, "seed": 7, "prize_count": 3, "tiebreak_1": "jury_vote", "public_test_days": 5,
        "letterhead_title": "PEMERINTAH KABUPATEN PEMALANG", "letterhead_subtitle": "SEKRETARIAT DAERAH",
        "letterhead_address": "Pemalang", "city": "Pemalang", "signatory_name": "", "signatory_title": "Sekretaris Daerah",
    })
    assert services.settings_for(edition_2019).tiebreak_chain == ["jury_vote"]

    run = services.compute_ranking(edition_2019)
    ranks = {r.entry_id: r.rank for r in run.rows.all()}
    assert ranks[first.pk] == ranks[second.pk]  # without votes, an exact tie shares its rank

    client.post(reverse("results:jury_votes", args=[2019]), {f"votes-{first.pk}": "1", f"votes-{second.pk}": "2"})
    assert JuryVote.objects.get(entry=second).votes == 2
    run = services.compute_ranking(edition_2019)
    ranks = {r.entry_id: r.rank for r in run.rows.all()}
    assert ranks[second.pk] == ranks[first.pk] - 1


def test_settings_refuse_a_repeated_tiebreak_and_too_many_resamples(client_as, edition_2019):
    response = client_as("organiser").post(reverse("results:settings", args=[2019]), {
        "method": "mean", "bootstrap": 50000, "seed": 7, "prize_count": 3,
        "tiebreak_1": "jury_vote", "tiebreak_2": "jury_vote",
        "letterhead_title": "X", "letterhead_subtitle": "Y", "letterhead_address": "Z", "city": "Pemalang",
        "signatory_name": "", "signatory_title": "Sekda",
    })
    page = response.content.decode()
    assert "Setiap penentu seri hanya boleh dipakai sekali" in page
    assert "Paling banyak 20000 simulasi" in page
    assert services.settings_for(edition_2019).bootstrap is None  # unchanged: automatic


def test_non_numeric_votes_save_nothing(client_as, edition_2019):
    entry = edition_2019.entries.first()
    response = client_as("organiser").post(reverse("results:jury_votes", args=[2019]), {f"votes-{entry.pk}": "dua"}, follow=True)
    assert "bilangan bulat" in response.content.decode()
    assert not JuryVote.objects.exists()


def test_reading_the_result_settings_writes_nothing(client_as, undecided_2019):
    """A GET stays a GET: an edition without result settings gets defaults in memory, stored on the first save."""
    from sayembara.results.models import ResultSettings

    edition = undecided_2019
    ResultSettings.objects.filter(edition=edition).delete()
    organiser = client_as("organiser")
    for name in ("results:manage", "results:settings", "results:documents"):
        assert organiser.get(reverse(name, args=[2019])).status_code == 200
    assert not ResultSettings.objects.filter(edition=edition).exists()
    assert services.settings_for(edition).method == ResultSettings.Method.ADDITIVE


def test_jury_votes_are_refused_once_the_winners_are_decided(client_as, undecided_2019, demo_users):
    """A vote can reorder a tie: after the decision (results locked) it is refused like the winners."""
    from sayembara.results import sequence

    entry = undecided_2019.entries.filter(status="passed").first()
    before = JuryVote.objects.filter(edition=undecided_2019).count()
    conf = services.settings_for(undecided_2019)
    conf.locked_at = sequence.timezone.now()
    conf.save()
    response = client_as("organiser").post(reverse("results:jury_votes", args=[2019]), {f"votes-{entry.pk}": "3"},
                                           follow=True)
    assert "Hasil sudah dikunci: buka kunci sebelum mengubah pemenang." in response.content.decode()
    assert JuryVote.objects.filter(edition=undecided_2019).count() == before
