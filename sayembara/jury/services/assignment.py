"""Who judges which entry in a stage: the numeric core's assignment, manual changes and the lock."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as
from sayembara.editions.models import Edition, Stage
from sayembara.entries.models import Entry
from sayembara_score import assignment as solver

from ..models import Assignment, Conflict, Juror, ScoreSheet, StageJury
from .conflicts import conflicted_pairs, detect_conflicts
from .errors import JuryError
from .solver_input import solver_pool
from .stages import stage_entries, stage_jury


@dataclass
class AssignmentOutcome:
    created: int
    optimal: bool
    unmet: list[dict] = field(default_factory=list)
    seconds: float = 0.0


def run_assignment(
    stage: Stage,
    mode: str = StageJury.Mode.AUTOMATIC,
    per_entry: int = 3,
    relax: frozenset[str] = frozenset(),
    seed: int | None = None,
    by=None,
) -> AssignmentOutcome:
    """Assign the stage's jury with the numeric core and store it, replacing the previous assignment.

    Refused once the assignment is locked. Unmet constraints are stored with
    the entry's number, so the organiser sees which entries and why, and can
    knowingly re-run with a constraint relaxed.
    """
    jury = _unlocked_jury(stage)
    edition = stage.edition
    entries = stage_entries(stage)
    detect_conflicts(edition, entries)
    result, entry_rows = _solve(edition, entries, mode, per_entry, relax, seed)
    code = {str(pk): row["code"] for pk, row in entry_rows.items()}
    unmet = [{**u, "entry": code.get(u["entry"], u["entry"])} for u in result.unmet]
    with transaction.atomic(), acting_as(by, note="assignment"):
        Assignment.objects.filter(stage=stage).delete()
        Assignment.objects.bulk_create(
            [Assignment(stage=stage, juror_id=int(j), entry_id=int(e)) for e, j in result.assignments], batch_size=2000
        )
        jury.mode, jury.per_entry, jury.relaxed, jury.seed = mode, per_entry, sorted(relax), seed
        jury.assigned_at, jury.assigned_by = timezone.now(), by
        jury.optimal, jury.unmet = result.optimal, unmet
        jury.save()
    return AssignmentOutcome(len(result.assignments), result.optimal, unmet, result.solve_seconds + result.build_seconds)


def _unlocked_jury(stage: Stage) -> StageJury:
    """The stage's jury settings; ``JuryError`` once the assignment is locked."""
    jury = stage_jury(stage)
    if jury.locked:
        raise JuryError(_("The assignment of this stage is locked because scoring has started."))
    return jury


def _solve(edition: Edition, entries, mode: str, per_entry: int, relax: frozenset[str], seed: int | None):
    """The numeric core's result for ``entries``, and the entry rows it was given (by id)."""
    solver_entries, solver_jurors, entry_rows, _jurors = solver_pool(edition, entries)
    declared = {(str(j), str(e)) for j, e in conflicted_pairs(edition)}
    if mode == StageJury.Mode.FULL_PANEL:
        return solver.full_panel(solver_entries, solver_jurors, declared), entry_rows
    affinity = expertise_affinity(edition, entry_rows)
    try:
        result = solver.assign(solver_entries, solver_jurors, declared, affinity, per_entry=per_entry,
                               relax=frozenset(relax), seed=seed)
    except ValueError as exc:
        raise JuryError(str(exc)) from exc
    return result, entry_rows


def expertise_affinity(edition: Edition, entry_rows: dict) -> dict[tuple[str, str], float]:
    """Affinity 1 for a juror whose expertise includes the entry's category, else nothing (0)."""
    by_category = defaultdict(list)
    for juror_id, category_id in Juror.expertise.through.objects.filter(juror__edition=edition).values_list(
        "juror_id", "category_id"
    ):
        by_category[category_id].append(str(juror_id))
    affinity = {}
    for pk, row in entry_rows.items():
        for juror_id in by_category.get(row["category_id"], ()):
            affinity[(juror_id, str(pk))] = 1.0
    return affinity


def add_assignment(stage: Stage, juror: Juror, entry: Entry, by=None) -> Assignment:
    _unlocked_jury(stage)
    if Conflict.objects.filter(juror=juror, entry=entry).exists():
        raise JuryError(_("This juror has a conflict of interest with this entry."))
    if juror.edition_id != stage.edition_id or entry.edition_id != stage.edition_id:
        raise JuryError(_("This entry belongs to another edition."))
    with acting_as(by, note="manual assignment"):
        assignment, _created = Assignment.objects.get_or_create(stage=stage, juror=juror, entry=entry)
    return assignment


def remove_assignment(stage: Stage, juror: Juror, entry: Entry, by=None) -> None:
    _unlocked_jury(stage)
    if ScoreSheet.objects.filter(stage=stage, juror=juror, entry=entry, status=ScoreSheet.Status.SUBMITTED).exists():
        raise JuryError(_("This juror has already submitted a sheet for this entry."))
    with acting_as(by, note="manual assignment"):
        Assignment.objects.filter(stage=stage, juror=juror, entry=entry).delete()


def lock_assignment(stage: Stage, by=None) -> None:
    jury = stage_jury(stage)
    with acting_as(by, note="lock assignment"):
        jury.locked_at, jury.locked_by = timezone.now(), by
        jury.save()


def unlock_assignment(stage: Stage, by=None) -> None:
    if ScoreSheet.objects.filter(stage=stage).exists():
        raise JuryError(_("Scoring has started in this stage: its assignment stays locked."))
    jury = stage_jury(stage)
    with acting_as(by, note="unlock assignment"):
        jury.locked_at, jury.locked_by = None, None
        jury.save()


UNMET_SHOWN = 50
"""Unmet constraints listed by name; the rest are counted."""


def assignment_overview(stage: Stage) -> dict:
    """The jurors with their load and the panels in counts, in a fixed number of queries.

    The panels themselves are listed a page at a time by :func:`panel_rows`: never the whole stage."""
    jury = stage_jury(stage)
    jurors = list(Juror.objects.filter(edition_id=stage.edition_id).select_related("user", "affiliation")
                  .order_by("element", "user__full_name"))
    load = dict(Assignment.objects.filter(stage=stage).values_list("juror_id").annotate(n=Count("pk"))
                .values_list("juror_id", "n"))
    sizes = _panel_sizes(stage)
    total = stage_entries(stage).count()
    summary = {
        "entries": total,
        "complete": sum(1 for n in sizes.values() if n >= jury.per_entry),
        "short": sum(1 for n in sizes.values() if 0 < n < jury.per_entry),
        "empty": total - len(sizes),
        "assignments": sum(sizes.values()),
        "conflicts": Conflict.objects.filter(juror__edition_id=stage.edition_id).count(),
    }
    juror_rows = [{"juror": j, "load": load.get(j.pk, 0)} for j in jurors]
    return {"jurors": juror_rows, "jury": jury, "summary": summary,
            "unmet_shown": jury.unmet[:UNMET_SHOWN], "unmet_more": max(0, len(jury.unmet) - UNMET_SHOWN)}


def _panel_sizes(stage: Stage) -> dict[int, int]:
    """Jurors assigned to each entry of the stage that has any."""
    return dict(Assignment.objects.filter(stage=stage).values_list("entry_id").annotate(n=Count("pk"))
                .values_list("entry_id", "n"))


def panel_entries(stage: Stage, search: str = "", show: str = ""):
    """The stage's entries for the panels list, filtered: by number or title (``search``), and ``show`` one of
    "short" (fewer jurors than the panel needs), "empty" (no juror) or "conflicts" (a declared conflict)."""
    jury = stage_jury(stage)
    entries = stage_entries(stage).annotate(
        panel_size=Count("assignments", filter=Q(assignments__stage=stage), distinct=True))
    search = search.strip()[:100]
    if search:
        entries = entries.filter(Q(code__icontains=search) | Q(title__icontains=search))
    if show == "short":
        entries = entries.filter(panel_size__lt=jury.per_entry)
    elif show == "empty":
        entries = entries.filter(panel_size=0)
    elif show == "conflicts":
        entries = entries.filter(pk__in=Conflict.objects.filter(juror__edition_id=stage.edition_id).values("entry_id"))
    return entries.select_related("institution").order_by("code")


def panel_rows(stage: Stage, entries) -> list[dict]:
    """One page of entries with their panel and the number of conflicts declared on each."""
    entries = list(entries)
    ids = [e.pk for e in entries]
    panels = defaultdict(list)
    for assignment in (Assignment.objects.filter(stage=stage, entry_id__in=ids).select_related("juror__user")
                       .order_by("juror__element", "juror__user__full_name")):
        panels[assignment.entry_id].append(assignment.juror)
    conflicts = dict(Conflict.objects.filter(juror__edition_id=stage.edition_id, entry_id__in=ids)
                     .values_list("entry_id").annotate(n=Count("pk")).values_list("entry_id", "n"))
    return [{"entry": e, "panel": panels.get(e.pk, []), "conflicts": conflicts.get(e.pk, 0)} for e in entries]
