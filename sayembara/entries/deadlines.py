"""When sending closes: the submission phase's end, moved for a unit by a recorded extension, said in WIB."""

from __future__ import annotations

import datetime as dt

from django.db.models import Max
from django.utils import formats, timezone

from sayembara.editions.models import Edition, Phase

from .models import DeadlineExtension


def submission_deadline(edition: Edition, institution=None) -> dt.datetime | None:
    """When sending closes for ``institution``: the submission phase's end, or the unit's recorded extension."""
    if institution is None:
        return _phase_deadline(edition)
    return submission_deadlines(edition, [institution.pk])[institution.pk]


def submission_deadlines(edition: Edition, institution_ids) -> dict[int, dt.datetime | None]:
    """:func:`submission_deadline` for many units in two queries (bulk mailings)."""
    deadline = _phase_deadline(edition)
    extended = dict(DeadlineExtension.objects.filter(edition=edition, institution_id__in=list(institution_ids))
                    .values_list("institution_id", "until"))
    return {
        pk: extended[pk] if pk in extended and (deadline is None or extended[pk] > deadline) else deadline
        for pk in institution_ids
    }


def last_deadline(edition: Edition) -> dt.datetime | None:
    """When sending closes for the last unit: the submission phase's end, or the latest extension past it."""
    deadline = _phase_deadline(edition)
    latest = DeadlineExtension.objects.filter(edition=edition).aggregate(m=Max("until"))["m"]
    if latest and (deadline is None or latest > deadline):
        deadline = latest
    return deadline


def _phase_deadline(edition: Edition) -> dt.datetime | None:
    phase = edition.phases.filter(kind=Phase.Kind.SUBMISSION).order_by("-ends_at").first()
    return phase.ends_at if phase else None


def format_deadline(moment: dt.datetime) -> str:
    # Always in Jakarta time, whatever the server's clock zone: the contest's rules are written in WIB.
    return formats.date_format(timezone.localtime(moment), "j F Y, H:i") + " WIB"


def deadline_passed(edition: Edition, institution, now: dt.datetime | None = None) -> bool:
    deadline = submission_deadline(edition, institution)
    return deadline is not None and (now or timezone.now()) > deadline
