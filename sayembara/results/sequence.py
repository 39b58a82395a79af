"""From a computed ranking to the final word, in the order of practice.

    ranking computed → provisional announcement (pengumuman sementara) → public test (uji publik): responses
    answered in public; an upheld one leads to a correction and a new provisional version → decision (penetapan:
    the jury's final meeting, its date, place and attendance) → decree (SK number and date) → final publication,
    frozen by SHA-256 (``freeze``) → numbered corrections (ralat) only.

Each step is refused, with the reasons in plain words, until the steps before it are done; the pages ask for
confirmation and show the same reasons (``*_problems``). The state is read from the records, never stored twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache

from django.core.cache import cache
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as
from sayembara.editions.models import Edition, Phase
from sayembara.entries.models import Entry

from . import numbering
from .models import Award, Certificate, Correction, Decision, Objection, ProvisionalAnnouncement, Publication
from .services import (
    ResultsError,
    ResultsLocked,
    canonical_json,
    compute_ranking,
    current_run,
    publication_payload,
    settings_for,
)

MAX_PUBLIC_TEST_DAYS = 30


def when(value) -> str:
    """A moment as the pages and messages write it, in the local time zone."""
    return date_format(timezone.localtime(value), "j F Y H:i")


@dataclass
class Progress:
    """Where an edition stands between its ranking and its final publication."""

    provisional: ProvisionalAnnouncement | None
    versions: int
    public_test_open: bool
    unanswered: int
    upheld_pending: int
    decision: Decision | None
    publication: Publication | None

    @property
    def step(self) -> str:
        if self.publication is not None:
            return "published"
        if self.decision is not None:
            return "decreed" if self.decision.decree_number and self.decision.decree_date else "decided"
        if self.provisional is not None:
            return "public_test" if self.public_test_open else "public_test_over"
        return "ranking"


def progress(edition: Edition, now=None) -> Progress:
    now = now or timezone.now()
    latest = edition.provisional_announcements.order_by("-version").first()
    objections = Objection.objects.filter(edition=edition, announcement__isnull=False)
    return Progress(
        provisional=latest,
        versions=latest.version if latest else 0,
        public_test_open=bool(latest and latest.announced_at <= now <= latest.public_test_ends_at),
        unanswered=objections.filter(status=Objection.Status.OPEN).count(),
        upheld_pending=objections.filter(outcome=Objection.Outcome.UPHELD, announcement=latest).count() if latest else 0,
        decision=Decision.objects.filter(edition=edition).select_related("announcement").first(),
        publication=Publication.objects.filter(edition=edition).first(),
    )


def ranking_problem(edition: Edition) -> str | None:
    """Why the stored ranking cannot be announced, decided or published as it is (missing, or older than the
    scores), or None. The desk computes it as a job: never inside these steps (seconds at national scale)."""
    run, stale = current_run(edition)
    if run is None or stale:
        return _("The scores changed since the ranking was computed, or it was never computed: compute it on the "
                 "results desk first.")
    return None


def _fresh_payload(edition: Edition) -> dict:
    """The result an announcement, a publication or a correction states. These deliberate steps (a POST, rare)
    compute a missing or out-of-date ranking inside their transaction, so what they state is the scores of that
    moment; the pages that only check a step (decision, publication) never compute: see ``ranking_problem``."""
    run, stale = current_run(edition)
    if run is None or stale:
        run = compute_ranking(edition)
    return publication_payload(edition, run)


# What a later step must find unchanged since the provisional announcement: the inputs and outputs of the result.
RESULT_KEYS = ("method", "bootstrap", "seed", "top", "weights", "scores", "ranking", "awards")


def _result_of(payload: dict) -> str:
    return canonical_json({key: payload.get(key) for key in RESULT_KEYS})


def changed_since_announcement(edition: Edition, announcement: ProvisionalAnnouncement) -> bool:
    return _result_of(_fresh_payload(edition)) != _result_of(json.loads(announcement.payload))


# --- Provisional announcement --------------------------------------------------------


def announcement_problems(edition: Edition, now=None, state: Progress | None = None) -> list[str]:
    state = state or progress(edition, now)
    problems = []
    if state.publication is not None or state.decision is not None:
        problems.append(_("The winners are already decided: a provisional announcement is no longer possible."))
        return problems
    if edition.stages.exclude(status="closed").exists():
        problems.append(_("Every stage must be closed before the provisional announcement."))
    if not Award.objects.filter(edition=edition).exists():
        problems.append(_("Propose the winners first: the provisional announcement names them."))
    if state.provisional is not None and state.unanswered:
        problems.append(_("Answer every response to the current provisional announcement before announcing a new version."))
    if state.provisional is not None and not state.upheld_pending:
        problems.append(_("A new provisional version follows an upheld response only: no response to version "
                          "%(version)s was upheld.") % {"version": state.versions})
    return problems


@transaction.atomic
def announce_provisional(edition: Edition, user, days: int | None = None, number: str = "", reason: str = "",
                         now=None) -> ProvisionalAnnouncement:
    """Publish the provisional list and open its public test (``days`` long, the settings' by default)."""
    Edition.objects.select_for_update().filter(pk=edition.pk).first()
    state = progress(edition, now)
    problems = announcement_problems(edition, now, state)
    if problems:
        raise ResultsError(" ".join(problems))
    conf = settings_for(edition)
    days = conf.public_test_days if days is None else days
    if not 1 <= days <= MAX_PUBLIC_TEST_DAYS:
        raise ResultsError(_("The public test lasts from 1 to %(max)s days.") % {"max": MAX_PUBLIC_TEST_DAYS})
    previous = state.provisional
    version = previous.version + 1 if previous else 1
    if previous is not None and not reason.strip():
        raise ResultsError(_("Say what changed since version %(version)s and why: it is published with the new "
                             "version.") % {"version": previous.version})
    now = now or timezone.now()
    ends = timezone.localtime(now + dt.timedelta(days=days)).replace(hour=16, minute=0, second=0, microsecond=0)
    data = _fresh_payload(edition)
    data["provisional"] = {"version": version, "reason": reason.strip()}
    payload = canonical_json(data)
    number = numbering.issue(edition, "provisional", subject=f"v{version}", when=now, number=number)
    with acting_as(user, note=_("Provisional announcement %(number)s") % {"number": number}):
        announcement = ProvisionalAnnouncement.objects.create(
            edition=edition, version=version, number=number, announced_at=now, announced_by=user,
            public_test_ends_at=ends, reason=reason.strip(), payload=payload,
            sha256=hashlib.sha256(payload.encode()).hexdigest(),
        )
        # The calendar states the public test as it really runs.
        phase = edition.phases.filter(kind=Phase.Kind.OBJECTION).order_by("starts_at").first() or Phase(
            edition=edition, kind=Phase.Kind.OBJECTION, name="Uji publik")
        phase.starts_at, phase.ends_at = now, ends
        phase.save()
    return announcement


def provisional_payload(announcement: ProvisionalAnnouncement) -> dict:
    return json.loads(announcement.payload)


def shown(record) -> dict:
    """What a page or letter shows of an announced or published result: all of it but the score rows.

    Parsed once per fingerprint and process: a record never changes once it has one, so the fingerprint names its
    content; at national scale the payload is megabytes of scores that no page shows (the published files do)."""
    return _shown(type(record), record.pk, record.sha256)


@lru_cache(maxsize=8)
def _shown(model, pk, sha256: str) -> dict:
    payload = model.objects.filter(pk=pk).values_list("payload", flat=True).get()
    return {name: value for name, value in json.loads(payload).items() if name != "scores"}


# A stored result is re-hashed to show "verified" at most this often per fingerprint (it is megabytes at scale).
VERIFY_EVERY_SECONDS = 300


def verified(record) -> bool:
    """Whether the stored payload still hashes to its fingerprint, checked again every few minutes."""
    key = f"results-verified:{record.sha256}"
    intact = cache.get(key)
    if intact is None:
        intact = verify_publication(record)
        cache.set(key, intact, VERIFY_EVERY_SECONDS)
    return intact


# --- Public test: responses and answers ---------------------------------------------


def objections_open(edition: Edition, now=None) -> bool:
    state = progress(edition, now)
    return state.public_test_open and state.decision is None


def public_test_window(edition: Edition):
    """(start, end) of the current public test, or None before the first provisional announcement."""
    latest = edition.provisional_announcements.order_by("-version").first()
    return (latest.announced_at, latest.public_test_ends_at) if latest else None


def file_objection(edition: Edition, objection: Objection, now=None) -> Objection:
    if not objections_open(edition, now):
        raise ResultsError(_("The public test is closed: responses can no longer be filed."))
    objection.edition = edition
    objection.announcement = edition.provisional_announcements.order_by("-version").first()
    objection.save()
    return objection


def answer_objection(objection: Objection, user, answer: str, outcome: str) -> None:
    """Answer a response in public. An upheld one obliges a correction and a new provisional version."""
    if outcome not in (Objection.Outcome.UPHELD, Objection.Outcome.REJECTED):
        raise ResultsError(_("Say whether the response is upheld or not."))
    if not answer.strip():
        raise ResultsError(_("Write an answer before saving."))
    if Decision.objects.filter(edition_id=objection.edition_id).exists():
        raise ResultsError(_("The winners are decided: answers can no longer change."))
    with acting_as(user):
        objection.answer = answer.strip()
        objection.outcome = outcome
        objection.status = Objection.Status.ANSWERED
        objection.answered_at = timezone.now()
        objection.answered_by = user
        objection.save()


# --- Decision (penetapan) ---------------------------------------------------------------


def decision_problems(edition: Edition, now=None, state: Progress | None = None) -> list[str]:
    state = state or progress(edition, now)
    if state.decision is not None:
        return [_("The winners are already decided.")]
    if state.provisional is None:
        return [_("Announce the provisional results first: the public test comes before the decision.")]
    problems = []
    if state.public_test_open:
        problems.append(_("The public test runs until %(end)s: the decision comes after it.")
                        % {"end": when(state.provisional.public_test_ends_at)})
    if state.unanswered:
        problems.append(_("%(n)s responses of the public test await an answer.") % {"n": state.unanswered})
    if state.upheld_pending:
        problems.append(_("A response was upheld: correct the result and announce a new provisional version first."))
    if not problems and (stale := ranking_problem(edition)) is not None:
        problems.append(stale)
    if not problems and changed_since_announcement(edition, state.provisional):
        problems.append(_("The result changed after provisional announcement %(number)s: announce a new version so "
                          "the public can test it.") % {"number": state.provisional.number})
    return problems


@transaction.atomic
def decide(edition: Edition, user, held_on: dt.date, place: str, present, minutes_number: str = "",
           now=None) -> Decision:
    """Record the jury's final meeting: it fixes the winners of the latest provisional version."""
    Edition.objects.select_for_update().filter(pk=edition.pk).first()
    state = progress(edition, now)
    problems = decision_problems(edition, now, state)
    if problems:
        raise ResultsError(" ".join(problems))
    today = timezone.localdate(now or timezone.now())
    if held_on > today:
        raise ResultsError(_("The meeting cannot be dated in the future: record it once it has taken place."))
    if held_on < timezone.localdate(state.provisional.public_test_ends_at):
        raise ResultsError(_("The meeting cannot be dated before the end of the public test."))
    present = list(present)
    if not present:
        raise ResultsError(_("Tick the jurors present at the meeting."))
    if any(j.edition_id != edition.pk for j in present):
        raise ResultsError(_("Only this edition's jurors can attend its decision."))
    if not place.strip():
        raise ResultsError(_("Say where the meeting took place."))
    when = timezone.make_aware(dt.datetime.combine(held_on, dt.time(12)))
    number = numbering.issue(edition, "minutes", when=when, number=minutes_number)
    with acting_as(user, note=_("Decision of the winners")):
        decision = Decision.objects.create(edition=edition, announcement=state.provisional, held_on=held_on,
                                           place=place.strip(), minutes_number=number, recorded_by=user)
        decision.present.set(present)
        conf = settings_for(edition)
        conf.locked_at, conf.locked_by = when, user
        conf.save()
    return decision


@transaction.atomic
def withdraw_decision(edition: Edition, user, reason: str) -> None:
    """Before the final publication only: the decision is taken back (audited), e.g. to correct an error found."""
    if Publication.objects.filter(edition=edition).exists():
        raise ResultsLocked(_("Published results cannot be taken back: open a correction (ralat)."))
    if not reason.strip():
        raise ResultsError(_("Say why the decision is taken back."))
    decision = Decision.objects.filter(edition=edition).first()
    if decision is None:
        raise ResultsError(_("No decision is recorded."))
    with acting_as(user, note=reason.strip()[:300]):
        decision.present.clear()
        decision.delete()
        conf = settings_for(edition)
        conf.locked_at, conf.locked_by = None, None
        conf.save()


def record_decree(edition: Edition, user, number: str, date: dt.date) -> Decision:
    """The SK number and date, entered once the regent has signed it."""
    decision = Decision.objects.filter(edition=edition).first()
    if decision is None:
        raise ResultsError(_("Record the decision first: the decree follows it."))
    if Publication.objects.filter(edition=edition).exists():
        raise ResultsLocked(_("The results are published: the decree they state cannot change."))
    if not number.strip():
        raise ResultsError(_("Enter the decree number as signed."))
    if date < decision.held_on:
        raise ResultsError(_("The decree cannot be dated before the decision it rests on."))
    if date > timezone.localdate():
        raise ResultsError(_("The decree cannot be dated in the future: enter it once it is signed."))
    with acting_as(user, note=_("Decree recorded")):
        decision.decree_number, decision.decree_date = number.strip(), date
        decision.save(update_fields=["decree_number", "decree_date"])
    return decision


# --- Final publication ---------------------------------------------------------------------


def publication_problems(edition: Edition) -> list[str]:
    state = progress(edition)
    if state.publication is not None:
        return [_("These results are already published.")]
    if state.decision is None:
        return [_("Record the decision of the winners first.")]
    if not (state.decision.decree_number and state.decision.decree_date):
        return [_("Enter the decree's number and date first: the final publication states them.")]
    if (stale := ranking_problem(edition)) is not None:
        return [stale]
    if changed_since_announcement(edition, state.decision.announcement):
        return [_("The result changed after the decision: take the decision back and announce a new provisional "
                  "version.")]
    return []


@transaction.atomic
def publish(edition: Edition, user, now=None) -> Publication:
    """The final publication: the decided result, its history and its decree, frozen under one SHA-256."""
    Edition.objects.select_for_update().filter(pk=edition.pk).first()
    problems = publication_problems(edition)
    if problems:
        raise ResultsError(" ".join(problems))
    now = now or timezone.now()
    decision = Decision.objects.get(edition=edition)
    data = _fresh_payload(edition)
    data["provisional"] = [
        {"version": a.version, "number": a.number, "sha256": a.sha256, "announced_at": a.announced_at.isoformat(),
         "public_test_ends_at": a.public_test_ends_at.isoformat(), "reason": a.reason}
        for a in edition.provisional_announcements.order_by("version")
    ]
    data["public_test"] = {
        "responses": Objection.objects.filter(edition=edition, announcement__isnull=False).count(),
        "upheld": Objection.objects.filter(edition=edition, outcome=Objection.Outcome.UPHELD).count(),
    }
    data["decision"] = {"held_on": decision.held_on.isoformat(), "place": decision.place,
                        "minutes_number": decision.minutes_number, "jurors_present": decision.present.count()}
    data["decree"] = {"number": decision.decree_number, "date": decision.decree_date.isoformat()}
    payload = canonical_json(data)
    with acting_as(user, note=_("Final publication")):
        publication = Publication(edition=edition, published_by=user, payload=payload,
                                  sha256=hashlib.sha256(payload.encode()).hexdigest())
        publication.save()
        Publication.objects.filter(pk=publication.pk).update(published_at=now)
        publication.published_at = now
        issue_certificates(edition)
        number_certificates(edition, now)  # the winners' first
        public = list(Entry.objects.visible_to_public().filter(edition=edition).order_by("code").values_list("pk", "code"))
        have = set(Certificate.objects.filter(edition=edition, kind=Certificate.Kind.PARTICIPANT)
                   .values_list("entry_id", flat=True))
        # Thousands at national scale: numbered before they are written, in one pass.
        participants = [Certificate(edition=edition, entry_id=pk, kind=Certificate.Kind.PARTICIPANT)
                        for pk, _code in public if pk not in have]
        numbers = numbering.issue_many(edition, "certificate", [c.code for c in participants], when=now)
        for certificate in participants:
            certificate.number = numbers[certificate.code]
        Certificate.objects.bulk_create(participants, batch_size=1000)
        # The first publication issues every certificate of the edition, on its day.
        Certificate.objects.filter(edition=edition).update(issued_at=now)
        numbering.issue_many(edition, "feedback", [code for _pk, code in public], when=now)
        edition.status = Edition.Status.PUBLISHED
        edition.results_published_at = now
        edition.save(update_fields=["status", "results_published_at"])
    return publication


def number_certificates(edition: Edition, when) -> None:
    """Every certificate not yet numbered gets the next number of the register, winners first."""
    unnumbered = list(Certificate.objects.filter(edition=edition, number="").order_by("kind", "entry__code"))
    unnumbered.sort(key=lambda c: c.kind != Certificate.Kind.WINNER)
    numbers = numbering.issue_many(edition, "certificate", [c.code for c in unnumbered], when=when)
    for certificate in unnumbered:
        certificate.number = numbers[certificate.code]
        certificate.issued_at = when
    Certificate.objects.bulk_update(unnumbered, ["number", "issued_at"], batch_size=1000)


# --- Certificates and corrections (ralat) -------------------------------------------------


def _award_title(award: Award) -> str:
    return f"{award.title} {award.category.name}".strip() if award.category_id else award.title


def issue_certificates(edition: Edition, correction=None) -> None:
    """A winner's certificate for each award; under a correction, those whose award is gone are superseded."""
    awards = list(Award.objects.filter(edition=edition).select_related("category", "entry"))
    wanted = {(a.entry_id, _award_title(a)): a for a in awards}
    current = Certificate.objects.filter(edition=edition, kind=Certificate.Kind.WINNER, superseded_by__isnull=True)
    for certificate in current:
        key = (certificate.entry_id, certificate.award_title)
        if key in wanted:
            if certificate.award_id != wanted[key].pk:
                certificate.award = wanted.pop(key)
                certificate.save(update_fields=["award"])
            else:
                wanted.pop(key)
        elif correction is not None:
            certificate.superseded_by = correction
            certificate.save(update_fields=["superseded_by"])
    for (entry_id, title), award in wanted.items():
        Certificate.objects.create(entry_id=entry_id, kind=Certificate.Kind.WINNER, edition=edition, award=award,
                                   award_title=title)


def open_correction(edition: Edition, user, reason: str):
    """Open a ralat of published results: their inputs may change again, each change audited, until it is
    published under its own number, date and fingerprint."""
    if not Publication.objects.filter(edition=edition).exists():
        raise ResultsError(_("These results are not published: there is nothing to correct."))
    if not reason.strip():
        raise ResultsError(_("Say what is corrected and why: the reason is published with the correction."))
    with transaction.atomic():
        if Correction.objects.select_for_update().filter(edition=edition, published_at__isnull=True).exists():
            raise ResultsError(_("A correction is already open."))
        number = (Correction.objects.filter(edition=edition).aggregate(m=Max("number"))["m"] or 0) + 1
        with acting_as(user, note=reason.strip()[:300]):
            correction = Correction.objects.create(edition=edition, number=number, reason=reason.strip(), opened_by=user)
            conf = settings_for(edition)
            conf.locked_at, conf.locked_by = None, None
            conf.save()
    return correction


@transaction.atomic
def publish_correction(edition: Edition, user):
    """Publish the open correction: the corrected result is frozen again under its own fingerprint."""
    correction = Correction.objects.select_for_update().filter(edition=edition, published_at__isnull=True).first()
    if correction is None:
        raise ResultsError(_("No correction is open."))
    conf = settings_for(edition)
    if not conf.locked_at:
        raise ResultsError(_("Decide and lock the corrected winners before publishing the correction."))
    data = _fresh_payload(edition)
    data["correction"] = {"number": correction.number, "reason": correction.reason,
                          "corrects": Publication.objects.get(edition=edition).sha256}
    payload = canonical_json(data)
    with acting_as(user, note=_("Correction %(number)s published") % {"number": correction.number}):
        correction.payload = payload
        correction.sha256 = hashlib.sha256(payload.encode()).hexdigest()
        correction.published_at = timezone.now()
        correction.published_by = user
        correction.save()
        numbering.issue(edition, "correction", subject=f"ralat-{correction.number}", when=correction.published_at)
        issue_certificates(edition, correction)
        number_certificates(edition, correction.published_at)
    return correction


def current_version(edition: Edition):
    """The publication or the latest published correction: what the edition's result is now."""
    # The payload (megabytes at national scale) is read only by those who need it, on access.
    latest = (Correction.objects.filter(edition=edition, published_at__isnull=False).defer("payload")
              .order_by("-number").first())
    return latest or Publication.objects.filter(edition=edition).defer("payload").first()


def published_payload(publication: Publication) -> dict:
    return json.loads(publication.payload)


def verify_publication(publication: Publication) -> bool:
    """Whether the stored payload still hashes to the published SHA-256."""
    return hashlib.sha256(publication.payload.encode()).hexdigest() == publication.sha256

