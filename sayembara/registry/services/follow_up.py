"""The yearly sustainability follow-up: is each past innovation still running, stopped, replicated elsewhere?"""

from __future__ import annotations

from collections import Counter

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sayembara.entries.models import Entry, Innovation
from sayembara.links import absolute

from ..models import FollowUp
from ..rules import can_answer_follow_up
from .history import owners_of


def follow_up_candidates() -> QuerySet[Innovation]:
    """Innovations that took part in a past edition and have not been recorded as stopped."""
    return Innovation.objects.filter(entries__in=Entry.objects.submitted()).distinct()


def send_follow_up_requests(year: int) -> tuple[int, int]:
    """Ask the owners of every past entry, once for ``year``, whether the innovation still runs. Returns (asked, e-mails)."""
    existing = set(FollowUp.objects.filter(year=year).values_list("innovation_id", flat=True))
    candidates = [i for i in follow_up_candidates().select_related("institution") if i.pk not in existing]
    created = FollowUp.objects.bulk_create(FollowUp(innovation=i, year=year) for i in candidates)
    by_innovation = {f.innovation_id: f for f in FollowUp.objects.filter(year=year, innovation__in=[i.pk for i in candidates])}
    messages = []
    for innovation in candidates:
        follow_up = by_innovation[innovation.pk]
        link = absolute(reverse("registry:follow_up_answer", args=[follow_up.pk]))
        subject = " ".join((_("Is “%(title)s” still running? (%(year)s follow-up)") % {"title": innovation.title, "year": year}).split())
        body = _(
            "Once a year we ask the owners of past entries whether their innovation is still active, stopped or "
            "replicated elsewhere, with evidence. Please answer here:\n%(link)s"
        ) % {"link": link}
        messages.extend((subject, body, settings.DEFAULT_FROM_EMAIL, [a]) for a in owners_of(innovation))
    if messages:
        send_mass_mail(messages)
    return len(created), len(messages)


@transaction.atomic
def answer_follow_up(follow_up: FollowUp, status: str, evidence: str, user, evidence_file=None, stopped_on=None) -> FollowUp:
    if not can_answer_follow_up(user, follow_up):
        # Only the innovation's unit (or the organiser) may say whether it still runs: the answer is public.
        raise PermissionDenied
    follow_up.status = status
    follow_up.evidence = evidence
    follow_up.stopped_on = stopped_on if status == FollowUp.Status.STOPPED else None
    if evidence_file is not None:
        follow_up.evidence_file = evidence_file
    follow_up.answered_at = timezone.now()
    follow_up.answered_by = user
    follow_up.save()
    innovation = follow_up.innovation
    new_status = Innovation.Status.STOPPED if status == FollowUp.Status.STOPPED else Innovation.Status.ACTIVE
    if innovation.status != new_status:
        innovation.status = new_status
        innovation.save(update_fields=["status"])
    return follow_up


def lapsed_innovations() -> list[dict]:
    """Stopped innovations with when they stopped, as far as the follow-ups tell."""
    stopped = list(Innovation.objects.filter(status=Innovation.Status.STOPPED).select_related("institution", "registry_record"))
    answers = {}
    for f in FollowUp.objects.filter(innovation__in=stopped, status=FollowUp.Status.STOPPED).order_by("year"):
        answers.setdefault(f.innovation_id, f)
    rows = []
    for innovation in stopped:
        follow_up = answers.get(innovation.pk)
        record = getattr(innovation, "registry_record", None)
        rows.append({
            "innovation": innovation,
            "follow_up": follow_up,
            "stopped_on": follow_up.stopped_on if follow_up else None,
            "reported_year": follow_up.year if follow_up else None,
            "last_year": record.last_year if record else None,
        })
    return rows


def follow_up_summary(year: int) -> dict:
    counts = Counter(FollowUp.objects.filter(year=year).values_list("status", flat=True))
    return {"year": year, "counts": [(label, counts.get(value, 0)) for value, label in FollowUp.Status.choices],
            "total": sum(counts.values())}
