"""Opening and closing a stage's scoring."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as
from sayembara.editions.models import Stage

from ..models import Assignment
from .assignment import lock_assignment
from .errors import JuryError


def blind_overlap(stage: Stage) -> list[tuple]:
    """(juror, entry, other stage) pairs that opening ``stage`` would show both blind and openly at once.

    Opening a stage that is not blind while a blind stage of the same edition is open (or the other way round)
    would let a juror read the same entry with and without its makers' names.
    """
    others = Stage.objects.filter(edition_id=stage.edition_id, status=Stage.Status.OPEN, blind=not stage.blind).exclude(pk=stage.pk)
    mine = set(Assignment.objects.filter(stage=stage).values_list("juror_id", "entry_id"))
    pairs = []
    for juror_id, entry_id, other_id in Assignment.objects.filter(stage__in=others).values_list("juror_id", "entry_id", "stage_id"):
        if (juror_id, entry_id) in mine:
            pairs.append((juror_id, entry_id, other_id))
    return pairs


@transaction.atomic
def open_stage(stage: Stage, by=None, override_reason: str = "") -> list[tuple]:
    """Open scoring (and lock the panels). Refused when it would show entries blind and openly at once, unless
    the organiser records why; even then those entries stay hidden from those jurors in the open stage until the
    blind one closes (``rules.may_judge``). Returns the overlapping pairs."""
    overlap = blind_overlap(stage)
    reason = override_reason.strip()
    if overlap and not reason:
        _refuse_overlap(stage, overlap)
    note = _("Scoring opened")
    if overlap:
        note = _("Scoring opened while a stage of the other kind is open: %(reason)s") % {"reason": reason}
    with acting_as(by, note=note):
        stage.status = Stage.Status.OPEN
        stage.save(update_fields=["status"])
    # Scoring starts: the panels must not change under the jurors' feet.
    lock_assignment(stage, by=by)
    return overlap


def _refuse_overlap(stage: Stage, overlap: list[tuple]) -> None:
    names = ", ".join(sorted({s.name for s in Stage.objects.filter(pk__in={o for _j, _e, o in overlap})}))
    raise JuryError(
        _("Opening “%(stage)s” now would show %(count)s entries to the same jurors both blind and with their "
          "makers' names, because “%(other)s” is open. Close that stage first, or record why it must be so; "
          "those entries then stay hidden from those jurors here until the blind stage closes.")
        % {"stage": stage.name, "count": len({e for _j, e, _o in overlap}), "other": names}
    )


@transaction.atomic
def close_stage(stage: Stage, by=None) -> None:
    with acting_as(by, note=_("Stage closed")):
        stage.status = Stage.Status.CLOSED
        stage.save(update_fields=["status"])
