"""The presentation schedule of a stage: one time slot per entry, in rooms."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as
from sayembara.editions.models import Stage

from ..models import Assignment, TimeSlot
from .errors import JuryError
from .stages import stage_entries


def build_schedule(stage: Stage, rooms: list[str], starts_at: dt.datetime, presentation_minutes: int,
                   questions_minutes: int, break_minutes: int = 0, by=None) -> int:
    """Give every entry of the stage a slot, in entry-number order, at the earliest time a room is free and none
    of its panel's jurors sits in another room: a juror is never booked in two rooms at once (with one panel for
    everything, the rooms simply take turns)."""
    rooms = [r.strip() for r in rooms if r.strip()]
    if not rooms:
        raise JuryError(_("Name at least one room."))
    length = dt.timedelta(minutes=presentation_minutes + questions_minutes + break_minutes)
    entries = list(stage_entries(stage).order_by("code").values_list("pk", flat=True))
    panels = defaultdict(set)
    for juror_id, entry_id in Assignment.objects.filter(stage=stage).values_list("juror_id", "entry_id"):
        panels[entry_id].add(juror_id)
    slots = [
        TimeSlot(stage=stage, entry_id=entry_id, room=room, starts_at=starts_at + step * length,
                 presentation_minutes=presentation_minutes, questions_minutes=questions_minutes)
        for entry_id, room, step in _placements(entries, rooms, panels)
    ]
    with transaction.atomic(), acting_as(by, note="schedule"):
        TimeSlot.objects.filter(stage=stage).delete()
        TimeSlot.objects.bulk_create(slots)
    return len(slots)


def _placements(entries: list[int], rooms: list[str], panels: dict[int, set[int]]) -> list[tuple[int, str, int]]:
    """(entry id, room, time step) for each entry in turn: the first step with a free room and none of its panel busy."""
    busy_rooms: dict[int, set[str]] = defaultdict(set)  # time step -> rooms taken
    busy_jurors: dict[int, set[int]] = defaultdict(set)  # time step -> jurors sitting
    placed = []
    for entry_id in entries:
        step = 0
        while True:
            free = [r for r in rooms if r not in busy_rooms[step]]
            if free and not (panels[entry_id] & busy_jurors[step]):
                room = free[0]
                break
            step += 1
        busy_rooms[step].add(room)
        busy_jurors[step] |= panels[entry_id]
        placed.append((entry_id, room, step))
    return placed


def schedule(stage: Stage):
    """The stage's time slots by room and time, with each entry's institution and team."""
    return list(
        TimeSlot.objects.filter(stage=stage).select_related("entry__institution").prefetch_related("entry__team")
        .order_by("room", "starts_at")
    )
