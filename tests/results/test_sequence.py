"""The decision sequence as the organiser would try to cut it short: each step refused until its time, and why."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from sayembara.errors import Frozen
from sayembara.jury.models import Score
from sayembara.results import numbering, sequence, services
from sayembara.results.models import Decision, Objection, ProvisionalAnnouncement, ResultSettings
from tests.results.conftest import end_public_test


def _respond(edition, text="Mohon ditinjau.", entry=None):
    return sequence.file_objection(edition, Objection(name="Warga", email="warga@example.org", text=text, entry=entry))


def _decide(edition, organiser, **overrides):
    arguments = {"held_on": timezone.localdate(), "place": "Ruang Rapat", "present": list(edition.jurors.all())}
    return sequence.decide(edition, organiser, **(arguments | overrides))


def test_nothing_is_announced_while_a_stage_is_open_or_without_proposed_winners(undecided_2019, demo_users):
    stage = undecided_2019.stages.order_by("order").last()
    type(stage).objects.filter(pk=stage.pk).update(status="open")
    with pytest.raises(services.ResultsError, match="ditutup|closed"):
        sequence.announce_provisional(undecided_2019, demo_users["organiser"])
    type(stage).objects.filter(pk=stage.pk).update(status="closed")
    undecided_2019.awards.all().delete()
    with pytest.raises(services.ResultsError):
        sequence.announce_provisional(undecided_2019, demo_users["organiser"])
    assert not ProvisionalAnnouncement.objects.filter(edition=undecided_2019).exists()


def test_the_decision_waits_for_the_end_of_the_public_test_and_every_answer(public_test_2019, demo_users):
    organiser = demo_users["organiser"]
    objection = _respond(public_test_2019)
    with pytest.raises(services.ResultsError) as refused:
        _decide(public_test_2019, organiser)
    assert "uji publik" in str(refused.value).lower() or "public test" in str(refused.value)
    end_public_test(public_test_2019)
    with pytest.raises(services.ResultsError):
        _decide(public_test_2019, organiser)  # one response unanswered
    sequence.answer_objection(objection, organiser, "Tidak ada kesalahan.", Objection.Outcome.REJECTED)
    # Not in the future, not before the end of the public test, with somebody present, somewhere.
    for overrides in ({"held_on": timezone.localdate() + dt.timedelta(days=1)},
                      {"held_on": timezone.localdate() - dt.timedelta(days=30)},
                      {"present": []}, {"place": "  "}):
        with pytest.raises(services.ResultsError):
            _decide(public_test_2019, organiser, **overrides)
    decision = _decide(public_test_2019, organiser)
    assert decision.announcement.version == 1 and services.settings_for(public_test_2019).locked_at
    # After the decision, responses are closed and answers final.
    assert not sequence.objections_open(public_test_2019)
    with pytest.raises(services.ResultsError):
        sequence.answer_objection(objection, organiser, "Diubah.", Objection.Outcome.UPHELD)


def test_an_upheld_response_needs_a_correction_and_a_new_provisional_version(public_test_2019, demo_users):
    organiser = demo_users["organiser"]
    entry = public_test_2019.entries.filter(status="passed").order_by("code").last()
    objection = _respond(public_test_2019, "Nilai salah ketik.", entry=entry)
    sequence.answer_objection(objection, organiser, "Benar, nilai dikoreksi.", Objection.Outcome.UPHELD)
    end_public_test(public_test_2019)
    with pytest.raises(services.ResultsError, match="versi|version"):
        _decide(public_test_2019, organiser)
    # A new version without saying what changed is refused; with it, a new public test starts.
    with pytest.raises(services.ResultsError):
        sequence.announce_provisional(public_test_2019, organiser)
    score = Score.objects.filter(sheet__entry=entry, sheet__stage__edition=public_test_2019).first()
    score.value = score.criterion.max_score
    score.save()
    second = sequence.announce_provisional(public_test_2019, organiser, reason="Nilai salah ketik dikoreksi.")
    assert second.version == 2 and second.number != public_test_2019.provisional_announcements.get(version=1).number
    assert sequence.objections_open(public_test_2019)
    assert json.loads(second.payload)["provisional"]["reason"] == "Nilai salah ketik dikoreksi."
    # Only after an upheld response: a third version now is refused.
    with pytest.raises(services.ResultsError):
        sequence.announce_provisional(public_test_2019, organiser, reason="Lagi.")


def test_a_result_changed_after_the_announcement_cannot_be_decided_or_published_silently(public_test_2019, demo_users):
    organiser = demo_users["organiser"]
    end_public_test(public_test_2019)
    score = Score.objects.filter(sheet__stage__edition=public_test_2019).first()
    score.value = score.criterion.min_score if score.value != score.criterion.min_score else score.criterion.max_score
    score.save()
    with pytest.raises(services.ResultsError, match="berubah|changed"):
        _decide(public_test_2019, organiser)


def test_a_decision_is_taken_back_only_before_the_final_publication(public_test_2019, demo_users):
    organiser = demo_users["organiser"]
    end_public_test(public_test_2019)
    _decide(public_test_2019, organiser)
    with pytest.raises(services.ResultsError):
        sequence.withdraw_decision(public_test_2019, organiser, "")
    sequence.withdraw_decision(public_test_2019, organiser, "Salah catat kehadiran.")
    assert not Decision.objects.filter(edition=public_test_2019).exists()
    assert services.settings_for(public_test_2019).locked_at is None
    _decide(public_test_2019, organiser)
    with pytest.raises(services.ResultsError):
        sequence.publish(public_test_2019, organiser)  # no decree yet
    sequence.record_decree(public_test_2019, organiser, "100.3.3.2/1/2026", timezone.localdate())
    sequence.publish(public_test_2019, organiser)
    with pytest.raises(services.ResultsLocked):
        sequence.withdraw_decision(public_test_2019, organiser, "Terlambat.")
    decision = Decision.objects.get(edition=public_test_2019)
    decision.decree_number = "lain"
    with pytest.raises(Frozen):  # the model itself refuses, as the admin or the shell would try
        decision.save()


def test_2020_went_through_the_sequence_in_the_order_of_practice(edition_2020):
    versions = list(edition_2020.provisional_announcements.order_by("version"))
    decision = edition_2020.decision
    publication = edition_2020.publication
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].public_test_ends_at > versions[0].announced_at
    assert Objection.objects.filter(edition=edition_2020, outcome="upheld", announcement=versions[0]).count() == 1
    assert timezone.localdate(versions[-1].public_test_ends_at) <= decision.held_on <= decision.decree_date
    assert decision.decree_date < timezone.localdate(publication.published_at)
    assert decision.announcement == versions[-1]
    for objection in Objection.objects.filter(edition=edition_2020):
        assert objection.announcement.announced_at <= objection.filed_at <= objection.announcement.public_test_ends_at
    payload = json.loads(publication.payload)
    assert [p["sha256"] for p in payload["provisional"]] == [v.sha256 for v in versions]


@pytest.mark.parametrize("pattern", ["000.8/{seq}", "{seq3}/{year}/{month}", "800.1.3.3/{seq3}/Org/{year}"])
def test_number_patterns_that_keep_numbers_unique_are_accepted(pattern):
    numbering.check_pattern(pattern)


@pytest.mark.parametrize("pattern", ["000.8/{year}", "{seq}/{user}", "{seq!r}", "{seq:>5}", "{seq", "<b>{seq}</b>"])
def test_number_patterns_that_could_repeat_or_inject_are_refused(pattern):
    with pytest.raises(numbering.NumberingError):
        numbering.check_pattern(pattern)


def test_numbers_follow_the_register_and_are_given_once(undecided_2019):
    ResultSettings.objects.filter(edition=undecided_2019).update(numbering={"certificate": "800.1.3.3/{seq3}/{month}/{year}"})
    when = timezone.make_aware(dt.datetime(2026, 12, 2, 10))
    first = numbering.issue(undecided_2019, "certificate", "A", when=when)
    again = numbering.issue(undecided_2019, "certificate", "A", when=when)
    second = numbering.issue(undecided_2019, "certificate", "B", when=when)
    assert (first, again, second) == ("800.1.3.3/001/XII/2026", "800.1.3.3/001/XII/2026", "800.1.3.3/002/XII/2026")
    typed = numbering.issue(undecided_2019, "minutes", when=when, number="BA/77/2026")
    assert typed == "BA/77/2026" and numbering.number_of(undecided_2019, "minutes") == "BA/77/2026"


def test_the_organiser_sets_number_patterns_and_a_bad_one_is_refused_with_nothing_saved(client_as, undecided_2019):
    from django.urls import reverse

    client = client_as("organiser")
    form = client.get(reverse("results:settings", args=[2019])).context["form"]
    data = {name: ("" if value is None else value) for name, value in form.initial.items() if not isinstance(value, list)}
    data |= {f"tiebreak_{i}": "" for i in (1, 2, 3)} | {"numbering_certificate": "800/{year}"}
    response = client.post(reverse("results:settings", args=[2019]), data)
    assert response.status_code == 200 and "{seq}" in response.content.decode()
    assert services.settings_for(undecided_2019).numbering == {}
    data |= {"numbering_certificate": "800.1.3.3/{seq3}/{year}", "public_test_days": "7"}
    assert client.post(reverse("results:settings", args=[2019]), data).status_code == 302
    conf = services.settings_for(undecided_2019)
    assert conf.numbering == {"certificate": "800.1.3.3/{seq3}/{year}"} and conf.public_test_days == 7


def test_a_response_names_its_entry_by_number_and_an_unknown_number_keeps_the_text(client_as, public_test_2019):
    from django.urls import reverse

    url = reverse("results:objections", args=[2019])
    entry = public_test_2019.entries.filter(status="passed").order_by("code").first()
    form = {"entry_code": "KIPP-1999-999", "name": "Warga", "email": "warga@example.org", "text": "Teks yang panjang."}
    refused = client_as("anonymous").post(url, form)
    assert refused.status_code == 400 and "KIPP-1999-999" in refused.content.decode()
    assert "Teks yang panjang." in refused.content.decode()
    assert not Objection.objects.filter(edition=public_test_2019).exists()
    assert client_as("anonymous").post(url, form | {"entry_code": entry.code.lower()}).status_code == 302
    assert Objection.objects.get(edition=public_test_2019).entry == entry
    # The page offers no list of every entry (thousands in a national contest).
    assert "<select" not in client_as("anonymous").get(url).content.decode().split("<main", 1)[1]


def test_the_public_ranking_is_shown_a_page_at_a_time(client_as, public_test_2019, monkeypatch):
    from django.urls import reverse

    from sayembara.results import views

    monkeypatch.setattr(views, "RANKING_PAGE_SIZE", 10)
    url = reverse("results:public", args=[2019])
    ranking = sequence.provisional_payload(public_test_2019.provisional_announcements.get())["ranking"]
    first = client_as("anonymous").get(url).content.decode()
    third = client_as("anonymous").get(url + "?page=3").content.decode()
    assert ranking[0]["title"] in first and ranking[20]["title"] not in first
    assert ranking[20]["title"] in third and ranking[0]["title"] not in third
    assert client_as("anonymous").get(url + "?page=abc").status_code == 200


def test_the_attendance_of_a_published_decision_cannot_change(edition_2020):
    decision = edition_2020.decision
    juror = decision.present.first()
    from django.db import transaction

    for change in (decision.present.clear, lambda: decision.present.remove(juror), lambda: decision.present.set([])):
        with pytest.raises(Frozen), transaction.atomic():
            change()
    assert decision.present.count() == edition_2020.jurors.count()


def test_the_decision_page_never_computes_a_ranking_and_says_to_compute_it(public_test_2019, client_as):
    from django.urls import reverse

    from sayembara.results.models import RankingRun

    end_public_test(public_test_2019)
    score = Score.objects.filter(sheet__stage__edition=public_test_2019, sheet__status="submitted").first()
    score.value = score.criterion.min_score if score.value != score.criterion.min_score else score.criterion.max_score
    score.save()  # the ranking is now older than the scores
    runs = RankingRun.objects.count()
    page = client_as("organiser").get(reverse("results:decide", args=[2019])).content.decode()
    assert RankingRun.objects.count() == runs  # nothing computed on a GET
    assert "hitung peringkat" in page.lower()
