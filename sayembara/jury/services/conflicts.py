"""Conflicts of interest: detected, declared by the juror or recorded by the organiser."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as
from sayembara.editions.models import Edition, Stage
from sayembara.entries.models import Entry
from sayembara_score import assignment as solver

from ..models import Assignment, Conflict, Juror, ScoreSheet
from .errors import JuryError
from .solver_input import solver_pool


def conflicted_pairs(edition: Edition) -> set[tuple[int, int]]:
    """Every recorded (juror id, entry id) conflict of the edition, in one query."""
    return set(Conflict.objects.filter(juror__edition=edition).values_list("juror_id", "entry_id"))


def detect_conflicts(edition: Edition, entries=None) -> int:
    """Record the automatically detectable conflicts of ``edition``; returns how many were new.

    Detected: the juror's affiliation is the entry's institution or its parent,
    or the juror is on the entry's team (or created it).
    """
    entries = entries if entries is not None else Entry.objects.filter(edition=edition).exclude(status=Entry.Status.WITHDRAWN)
    solver_entries, solver_jurors, _entry_rows, _jurors = solver_pool(edition, entries)
    found = solver.detect_conflicts(solver_entries, solver_jurors)
    team_pairs = {
        (int(j["juror"]), int(e)) for j in solver_jurors for e in j["team_entries"]
    }
    new = _new_conflicts(found, conflicted_pairs(edition), team_pairs)
    Conflict.objects.bulk_create(new, ignore_conflicts=True)
    _drop_conflicted_work(edition, {(c.juror_id, c.entry_id) for c in new})
    return len(new)


def _new_conflicts(found, existing: set[tuple[int, int]], team_pairs: set[tuple[int, int]]) -> list[Conflict]:
    """Unsaved automatic conflicts for the solver's ``found`` (juror, entry) pairs not recorded yet."""
    new = []
    for juror_id, entry_id in found:
        pair = (int(juror_id), int(entry_id))
        if pair in existing:
            continue
        kind = Conflict.Kind.TEAM if pair in team_pairs else Conflict.Kind.SAME_UNIT
        new.append(Conflict(juror_id=pair[0], entry_id=pair[1], kind=kind, source=Conflict.Source.AUTOMATIC,
                            note=_("The juror's affiliation is the entry's institution or its parent.")
                            if kind == Conflict.Kind.SAME_UNIT else _("The juror is on the entry's team.")))
    return new


def _drop_conflicted_work(edition: Edition, pairs: set[tuple[int, int]]) -> None:
    """A conflicted juror must not judge the entry: remove their assignments and unsubmitted sheets.

    Reads the edition's assignments and drafts once and deletes by primary key, so
    thousands of new conflicts cost a handful of queries.
    """
    if not pairs:
        return
    not_closed = ~Q(stage__status=Stage.Status.CLOSED)
    for model, extra in ((Assignment, Q()), (ScoreSheet, Q(status=ScoreSheet.Status.DRAFT))):
        doomed = [
            pk for pk, juror_id, entry_id in model.objects.filter(not_closed, extra, juror__edition=edition)
            .values_list("pk", "juror_id", "entry_id") if (juror_id, entry_id) in pairs
        ]
        for start in range(0, len(doomed), 500):
            model.objects.filter(pk__in=doomed[start:start + 500]).delete()


def record_conflict(juror: Juror, entry: Entry, kind: str, source: str, note: str = "", by=None) -> Conflict:
    """Record a declared or organiser-recorded conflict; the juror stops seeing the entry at once."""
    if entry.edition_id != juror.edition_id:
        raise JuryError(_("This entry belongs to another edition."))
    with transaction.atomic(), acting_as(by, note=note):
        conflict, created = Conflict.objects.get_or_create(
            juror=juror, entry=entry, defaults={"kind": kind, "source": source, "note": note}
        )
        if not created and conflict.source == Conflict.Source.AUTOMATIC:
            conflict.kind, conflict.source, conflict.note = kind, source, note
            conflict.save()
        _drop_conflicted_work(juror.edition, {(juror.pk, entry.pk)})
    return conflict


def conflict_register(edition: Edition, search: str = ""):
    """The edition's conflicts with their juror and entry, by entry number then juror name; ``search`` keeps those
    whose entry number, institution or juror name contains it."""
    conflicts = (
        Conflict.objects.filter(juror__edition=edition)
        .select_related("juror__user", "juror__affiliation", "entry__institution")
        .order_by("entry__code", "juror__user__full_name", "pk")
    )
    search = search.strip()[:100]
    if search:
        conflicts = conflicts.filter(Q(entry__code__icontains=search) | Q(entry__institution__name__icontains=search)
                                     | Q(juror__user__full_name__icontains=search))
    return conflicts
