"""Which entries a stage judges, and which of them a juror sees."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from sayembara.editions.models import Stage
from sayembara.entries.models import Entry

from .. import rules
from ..models import Conflict, Juror, StageJury, TimeSlot


def stage_entries(stage: Stage):
    """Entries judged in ``stage``.

    The first stage judges every entry that passed screening. A later stage
    judges the entries advanced to it (``reached_stage`` at that stage or
    later) and falls back to all passed entries while nobody has been advanced.
    """
    passed = Entry.objects.filter(edition_id=stage.edition_id, status=Entry.Status.PASSED)
    first_order = Stage.objects.filter(edition_id=stage.edition_id).order_by("order").values_list("order", flat=True).first()
    if stage.order == first_order:
        return passed
    advanced = passed.filter(reached_stage__order__gte=stage.order)
    return advanced if advanced.exists() else passed


def stage_jury(stage: Stage) -> StageJury:
    """The stage's jury settings; an unsaved default until the first assignment or lock saves it.

    Reading never writes: opening a stage's page must not leave a trace in the audit trail.
    """
    return StageJury.objects.filter(stage=stage).first() or StageJury(stage=stage)


def juror_stage_entries(juror: Juror, stage: Stage) -> list[Entry]:
    """The juror's entries in a stage, in schedule order (then by number), conflicted ones left out, and in a
    stage that is not blind those the juror judges blind in another open stage (until that one closes)."""
    conflicted = Conflict.objects.filter(juror=juror).values("entry_id")
    entries = list(
        Entry.objects.filter(assignments__stage=stage, assignments__juror=juror)
        .exclude(pk__in=conflicted)
        .exclude(pk__in=rules.blind_elsewhere(juror, stage))
        .select_related("institution__parent", "innovation")
        .prefetch_related("team")
        .order_by("code")
    )
    slots = {s.entry_id: s for s in TimeSlot.objects.filter(stage=stage, entry__in=entries)}
    far = timezone.now() + dt.timedelta(days=36500)
    entries.sort(key=lambda e: (slots[e.pk].starts_at if e.pk in slots else far, e.code))
    for entry in entries:
        entry.slot = slots.get(entry.pk)
    return entries
