"""The jury's business rules: conflicts, assignment, scoring, progress, schedules.

Views stay thin and call these functions. Every list-building function reads
the database in a fixed number of queries, whatever the number of entries.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as
from sayembara.editions.models import Criterion, Edition, Stage
from sayembara.entries.models import Entry, TeamMember
from sayembara.links import absolute
from sayembara.params import int_or_none
from sayembara_score import assignment as solver

from .. import rules
from ..models import Assignment, Conflict, Juror, Score, ScoreSheet, SheetReopening, StageJury, SubmissionKey, TimeSlot


class JuryError(Exception):
    """A rule of the jury was broken; the message is for the user."""


class StaleSheet(JuryError):
    """The sheet changed since the form was opened, and the changes overlap."""

    def __init__(self, message: str, sheet: ScoreSheet, stored: dict[int, str]):
        super().__init__(message)
        self.sheet = sheet
        self.stored = stored


# --- Which entries a stage judges ---------------------------------------------------------------


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


# --- Conflicts of interest ----------------------------------------------------------------------


def conflicted_pairs(edition: Edition) -> set[tuple[int, int]]:
    """Every recorded (juror id, entry id) conflict of the edition, in one query."""
    return set(Conflict.objects.filter(juror__edition=edition).values_list("juror_id", "entry_id"))


def _solver_pool(edition: Edition, entries) -> tuple[list[dict], list[dict], dict, dict]:
    """The numeric core's entries and jurors, read in a fixed number of queries.

    Institutions are passed as primary keys (as strings), so two bodies with the
    same name never collide and an entry's parent institution counts too.
    """
    entry_rows = list(entries.values("pk", "code", "institution_id", "institution__parent_id", "category_id"))
    juror_rows = list(Juror.objects.filter(edition=edition).values("pk", "element", "affiliation_id", "max_load", "user_id"))
    entry_ids = [row["pk"] for row in entry_rows]
    team = defaultdict(list)
    for user_id, entry_id in TeamMember.objects.filter(entry_id__in=entry_ids, user__isnull=False).values_list(
        "user_id", "entry_id"
    ):
        team[user_id].append(str(entry_id))
    for user_id, entry_id in Entry.objects.filter(pk__in=entry_ids, created_by__isnull=False).values_list(
        "created_by_id", "pk"
    ):
        team[user_id].append(str(entry_id))
    solver_entries = [
        {
            "entry": str(row["pk"]),
            "institution": f"i{row['institution_id']}",
            "parent_institution": f"i{row['institution__parent_id']}" if row["institution__parent_id"] else None,
        }
        for row in entry_rows
    ]
    solver_jurors = [
        {
            "juror": str(row["pk"]),
            "element": row["element"],
            "institution": f"i{row['affiliation_id']}" if row["affiliation_id"] else None,
            "max_load": row["max_load"],
            "team_entries": team.get(row["user_id"], []),
        }
        for row in juror_rows
    ]
    return solver_entries, solver_jurors, {r["pk"]: r for r in entry_rows}, {r["pk"]: r for r in juror_rows}


def detect_conflicts(edition: Edition, entries=None) -> int:
    """Record the automatically detectable conflicts of ``edition``; returns how many were new.

    Detected: the juror's affiliation is the entry's institution or its parent,
    or the juror is on the entry's team (or created it).
    """
    entries = entries if entries is not None else Entry.objects.filter(edition=edition).exclude(status=Entry.Status.WITHDRAWN)
    solver_entries, solver_jurors, entry_rows, _jurors = _solver_pool(edition, entries)
    found = solver.detect_conflicts(solver_entries, solver_jurors)
    existing = conflicted_pairs(edition)
    team_pairs = {
        (int(j["juror"]), int(e)) for j in solver_jurors for e in j["team_entries"]
    }
    new = []
    for juror_id, entry_id in found:
        pair = (int(juror_id), int(entry_id))
        if pair in existing:
            continue
        kind = Conflict.Kind.TEAM if pair in team_pairs else Conflict.Kind.SAME_UNIT
        new.append(Conflict(juror_id=pair[0], entry_id=pair[1], kind=kind, source=Conflict.Source.AUTOMATIC,
                            note=_("The juror's affiliation is the entry's institution or its parent.")
                            if kind == Conflict.Kind.SAME_UNIT else _("The juror is on the entry's team.")))
    Conflict.objects.bulk_create(new, ignore_conflicts=True)
    _drop_conflicted_work(edition, {(c.juror_id, c.entry_id) for c in new})
    return len(new)


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


def conflict_register(edition: Edition):
    return (
        Conflict.objects.filter(juror__edition=edition)
        .select_related("juror__user", "juror__affiliation", "entry__institution")
        .order_by("entry__code", "juror__user__full_name")
    )


# --- Assignment ---------------------------------------------------------------------------------


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
    jury = stage_jury(stage)
    if jury.locked:
        raise JuryError(_("The assignment of this stage is locked because scoring has started."))
    edition = stage.edition
    entries = stage_entries(stage)
    detect_conflicts(edition, entries)
    solver_entries, solver_jurors, entry_rows, _jurors = _solver_pool(edition, entries)
    declared = {(str(j), str(e)) for j, e in conflicted_pairs(edition)}
    if mode == StageJury.Mode.FULL_PANEL:
        result = solver.full_panel(solver_entries, solver_jurors, declared)
    else:
        affinity = expertise_affinity(edition, entry_rows)
        try:
            result = solver.assign(solver_entries, solver_jurors, declared, affinity, per_entry=per_entry,
                                   relax=frozenset(relax), seed=seed)
        except ValueError as exc:
            raise JuryError(str(exc)) from exc
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
    jury = stage_jury(stage)
    if jury.locked:
        raise JuryError(_("The assignment of this stage is locked because scoring has started."))
    if Conflict.objects.filter(juror=juror, entry=entry).exists():
        raise JuryError(_("This juror has a conflict of interest with this entry."))
    if juror.edition_id != stage.edition_id or entry.edition_id != stage.edition_id:
        raise JuryError(_("This entry belongs to another edition."))
    with acting_as(by, note="manual assignment"):
        assignment, _created = Assignment.objects.get_or_create(stage=stage, juror=juror, entry=entry)
    return assignment


def remove_assignment(stage: Stage, juror: Juror, entry: Entry, by=None) -> None:
    jury = stage_jury(stage)
    if jury.locked:
        raise JuryError(_("The assignment of this stage is locked because scoring has started."))
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


def assignment_overview(stage: Stage) -> dict:
    """Jurors with their load and entries with their panel, in a fixed number of queries."""
    entries = list(stage_entries(stage).select_related("institution", "category").order_by("code"))
    jurors = list(Juror.objects.filter(edition_id=stage.edition_id).select_related("user", "affiliation")
                  .order_by("element", "user__full_name"))
    juror_by_id = {j.pk: j for j in jurors}
    panels = defaultdict(list)
    load = defaultdict(int)
    for juror_id, entry_id in Assignment.objects.filter(stage=stage).values_list("juror_id", "entry_id"):
        panels[entry_id].append(juror_by_id[juror_id])
        load[juror_id] += 1
    conflicts = defaultdict(int)
    for entry_id in Conflict.objects.filter(juror__edition_id=stage.edition_id).values_list("entry_id", flat=True):
        conflicts[entry_id] += 1
    entry_rows = [{"entry": e, "panel": panels.get(e.pk, []), "conflicts": conflicts.get(e.pk, 0)} for e in entries]
    juror_rows = [{"juror": j, "load": load.get(j.pk, 0)} for j in jurors]
    return {"entries": entry_rows, "jurors": juror_rows, "jury": stage_jury(stage)}


# --- What a juror may see -------------------------------------------------------------------------




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


# --- Opening and closing a stage -----------------------------------------------------------------


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
        names = ", ".join(sorted({s.name for s in Stage.objects.filter(pk__in={o for _j, _e, o in overlap})}))
        raise JuryError(
            _("Opening “%(stage)s” now would show %(count)s entries to the same jurors both blind and with their "
              "makers' names, because “%(other)s” is open. Close that stage first, or record why it must be so; "
              "those entries then stay hidden from those jurors here until the blind stage closes.")
            % {"stage": stage.name, "count": len({e for _j, e, _o in overlap}), "other": names}
        )
    note = _("Scoring opened")
    if overlap:
        note = _("Scoring opened while a stage of the other kind is open: %(reason)s") % {"reason": reason}
    with acting_as(by, note=note):
        stage.status = Stage.Status.OPEN
        stage.save(update_fields=["status"])
    # Scoring starts: the panels must not change under the jurors' feet.
    lock_assignment(stage, by=by)
    return overlap


@transaction.atomic
def close_stage(stage: Stage, by=None) -> None:
    with acting_as(by, note=_("Stage closed")):
        stage.status = Stage.Status.CLOSED
        stage.save(update_fields=["status"])


# --- Scoring --------------------------------------------------------------------------------------


def parse_scores(criteria: list[Criterion], values: dict[int, str]) -> tuple[dict[int, Decimal], dict[int, str]]:
    """Decimal values per criterion id, and an error message per criterion id."""
    parsed, errors = {}, {}
    for criterion in criteria:
        raw = (values.get(criterion.pk) or "").strip().replace(",", ".")
        if raw == "":
            continue
        try:
            value = Decimal(raw)
            if not value.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            errors[criterion.pk] = _("“%(value)s” is not a number.") % {"value": raw}
            continue
        if not criterion.accepts(value):
            errors[criterion.pk] = _("A score for “%(criterion)s” must be between %(low)s and %(high)s.") % {
                "criterion": criterion.name, "low": criterion.min_score, "high": criterion.max_score}
            continue
        parsed[criterion.pk] = value
    return parsed, errors


def current_values(sheet: ScoreSheet | None) -> dict[int, tuple[str, str]]:
    if sheet is None or sheet.pk is None:
        return {}
    return {s.criterion_id: (_plain(s.value), s.justification) for s in sheet.scores.all()}


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return text


def save_sheet(
    juror: Juror,
    stage: Stage,
    entry: Entry,
    values: dict[int, str],
    justifications: dict[int, str],
    comment: str | None = "",
    submit: bool = False,
    version: int | None = None,
    original: dict[int, tuple[str, str]] | None = None,
    entered_by=None,
    partial: bool = False,
) -> tuple[ScoreSheet, bool]:
    """Save a juror's sheet (draft or submitted); returns (sheet, merged).

    Rules: the stage must be open (the organiser may key in paper sheets of an
    open stage only too); a submitted sheet is locked; submitting needs every
    criterion scored. ``version`` is the version the form was opened at: if
    the sheet changed since, the changes of the other window are merged when
    they touch other criteria, and ``StaleSheet`` is raised when both changed
    the same one. A whole sheet (the form) clears the criteria left empty; a
    ``partial`` one (the live page) touches only the criteria in ``values``.
    A ``comment`` of None leaves the stored comment as it is.
    """
    if stage.status != Stage.Status.OPEN:
        raise JuryError(_("Scoring is not open in this stage."))
    if entered_by is None and juror.code_of_conduct_accepted_at is None:
        raise JuryError(_("Please accept the jury's code of conduct before scoring."))
    if not rules.may_judge(juror, stage, entry):
        raise JuryError(_("This entry is not assigned to you."))
    criteria = list(stage.criteria.order_by("order"))
    carried = {c.pk for c in criteria if c.pk in values} if partial else {c.pk for c in criteria}
    parsed, errors = parse_scores(criteria, values)
    if errors:
        raise JuryError(" ".join(errors.values()))
    justifications = dict(justifications)
    with transaction.atomic():
        sheet, created = ScoreSheet.objects.select_for_update().get_or_create(stage=stage, juror=juror, entry=entry)
        if sheet.status == ScoreSheet.Status.SUBMITTED:
            raise JuryError(_("This sheet has been submitted and is locked. Only the organiser can reopen it."))
        stored = {s.criterion_id: s for s in sheet.scores.all()}
        merged = False
        # A page that found no sheet sends version 0: a sheet made just now is the one it saw.
        if version is not None and version != (0 if created else sheet.version):
            # Another window saved since this form was opened: keep both sides' work.
            original = original or {}
            clashes = []
            for criterion in criteria:
                if criterion.pk not in carried:
                    continue  # not sent: the stored value stays, whoever wrote it
                before = original.get(criterion.pk, ("", ""))
                mine = (_plain(parsed[criterion.pk]) if criterion.pk in parsed else "", justifications.get(criterion.pk, ""))
                theirs = (_plain(stored[criterion.pk].value), stored[criterion.pk].justification) if criterion.pk in stored else ("", "")
                if mine == before:  # untouched here: take the other window's value
                    if criterion.pk in stored:
                        parsed[criterion.pk] = stored[criterion.pk].value
                        justifications[criterion.pk] = stored[criterion.pk].justification
                    else:
                        parsed.pop(criterion.pk, None)
                elif theirs != before and theirs != mine:
                    clashes.append(criterion)
            if clashes:
                raise StaleSheet(
                    _("This sheet was changed in another window. Check “%(criteria)s” and save again.")
                    % {"criteria": ", ".join(c.name for c in clashes)},
                    sheet, {pk: _plain(s.value) for pk, s in stored.items()},
                )
            merged = True
        scored = {pk for pk in parsed} | {pk for pk in stored if pk not in carried}
        if submit and len(scored) < len(criteria):
            missing = [c.name for c in criteria if c.pk not in scored]
            raise JuryError(_("Score every criterion before submitting: %(missing)s.") % {"missing": ", ".join(missing)})
        with acting_as(entered_by or juror.user, note="paper sheet" if entered_by else ""):
            for criterion in criteria:
                if criterion.pk not in carried:
                    continue
                if criterion.pk in parsed:
                    score = stored.get(criterion.pk) or Score(sheet=sheet, criterion=criterion)
                    score.value = parsed[criterion.pk]
                    score.justification = (justifications.get(criterion.pk) or "").strip()
                    score.sheet = sheet
                    score.criterion = criterion
                    score.save()
                elif criterion.pk in stored:
                    stored[criterion.pk].delete()
            sheet.comment = comment.strip() if comment is not None else sheet.comment
            if entered_by is not None:
                sheet.entered_by = entered_by
            if submit:
                sheet.status = ScoreSheet.Status.SUBMITTED
                sheet.submitted_at = timezone.now()
            sheet.version += 1
            sheet.save()
    return sheet, merged


# --- The live page's submissions ------------------------------------------------------------------

LIVE_KEY = re.compile(r"[A-Za-z0-9_-]{8,64}")
ENTRY_REF = re.compile(r"[A-Za-z0-9]{4,12}")
# A justification or comment longer than this is not typed on a phone in a jury room.
LIVE_TEXT_LIMIT = 10000


class BadSubmission(JuryError):
    """The live page's submission cannot be read; nothing was applied (HTTP 400)."""


@dataclass
class LiveSubmission:
    key: str
    entry_ref: str  # the entry's pseudonym in the stage (jury.blind)
    version: int
    values: dict[int, str]
    justifications: dict[int, str]
    original: dict[int, tuple[str, str]]
    comment: str | None
    submit: bool


def _json_constant(name: str):
    raise ValueError(name)  # NaN, Infinity and -Infinity are not numbers a juror gives


def read_live_body(body: bytes) -> dict:
    """The JSON object of a live submission; ``BadSubmission`` for anything else.

    Decimals stay exact (``parse_float=Decimal``), so 1e400 is a number out of
    range rather than infinity, and NaN or Infinity are refused.
    """
    try:
        data = json.loads(body, parse_float=Decimal, parse_constant=_json_constant)
    except (ValueError, RecursionError):
        raise BadSubmission(_("The submission could not be read: it is not valid JSON.")) from None
    if not isinstance(data, dict):
        raise BadSubmission(_("The submission could not be read: a JSON object is expected."))
    return data


def _live_text(value, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or "\x00" in value or len(value) > LIVE_TEXT_LIMIT:
        raise BadSubmission(_("The submission could not be read: “%(field)s” must be a text.") % {"field": what})
    return value


def _live_score(value) -> str:
    """A score as the sheet form would receive it: a text of a number, or empty."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise BadSubmission(_("The submission could not be read: every score must be a number."))
    return str(value)


def parse_live_submission(data: dict, criteria: list[Criterion]) -> LiveSubmission:
    """Check the shape of a live submission against the stage's criteria; ``BadSubmission`` says what is wrong."""
    key = data.get("key")
    if not isinstance(key, str) or not LIVE_KEY.fullmatch(key):
        raise BadSubmission(
            _("The submission could not be read: its key must be 8 to %(max)s letters, digits, “-” or “_”.")
            % {"max": SubmissionKey.MAX_LENGTH}
        )
    entry_ref = data.get("entry")
    if not isinstance(entry_ref, str) or not ENTRY_REF.fullmatch(entry_ref):
        raise BadSubmission(_("The submission could not be read: the entry is missing."))
    version = data.get("version")
    if isinstance(version, bool) or int_or_none(version if isinstance(version, (int, str)) else None, 0, 2**31 - 1) is None:
        raise BadSubmission(_("The submission could not be read: the sheet version is missing. Reload the page."))
    version = int(version)
    by_id = {str(c.pk): c for c in criteria}

    def criterion_map(field: str) -> dict[int, object]:
        raw = data.get(field)
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            raise BadSubmission(_("The submission could not be read: “%(field)s” must map criteria to values.")
                                % {"field": field})
        unknown = sorted(k for k in raw if k not in by_id)
        if unknown:
            raise BadSubmission(_("The submission could not be read: unknown criteria %(criteria)s.")
                                % {"criteria": ", ".join(repr(k)[:20] for k in unknown[:5])})
        return {by_id[k].pk: v for k, v in raw.items()}

    values = {pk: _live_score(v) for pk, v in criterion_map("values").items()}
    justifications = {pk: _live_text(v, "justifications") for pk, v in criterion_map("justifications").items()}
    if set(justifications) - set(values):
        raise BadSubmission(_("The submission could not be read: a justification was sent without its score."))
    original = {}
    for pk, pair in criterion_map("original").items():
        if not isinstance(pair, list) or len(pair) != 2:
            raise BadSubmission(_("The submission could not be read: “%(field)s” must map criteria to values.")
                                % {"field": "original"})
        original[pk] = (_live_score(pair[0]), _live_text(pair[1], "original"))
    _parsed, errors = parse_scores([c for c in criteria if c.pk in values], values)
    if errors:
        raise BadSubmission(" ".join(errors.values()))
    comment = data.get("comment")
    submit = data.get("submit", True)
    if not isinstance(submit, bool):
        raise BadSubmission(_("The submission could not be read: “%(field)s” must be true or false.") % {"field": "submit"})
    return LiveSubmission(key=key, entry_ref=entry_ref.upper(), version=version, values=values, justifications=justifications,
                          original=original, comment=None if comment is None else _live_text(comment, "comment"),
                          submit=submit)


def sheet_answer(sheet: ScoreSheet | None) -> dict:
    """What the live page learns of a sheet: its state, version and stored scores (version 0: no sheet yet)."""
    if sheet is None:
        return {"sheet": None, "state": ScoreSheet.Status.DRAFT, "version": 0, "values": {}}
    return {"sheet": sheet.pk, "state": sheet.status, "version": sheet.version,
            "values": {str(pk): list(pair) for pk, pair in current_values(sheet).items()}}


def apply_live_submission(juror: Juror, stage: Stage, entry: Entry, submission: LiveSubmission) -> tuple[dict, bool]:
    """Apply a live submission once; returns (answer, replayed).

    The key is the juror's, for this sheet: a resend gets the stored answer
    and applies nothing. Only an applied submission keeps its key, so a
    refused one (``JuryError``, ``StaleSheet``) may be sent again once fixed.
    """
    scope = {"juror": juror, "stage": stage, "entry": entry, "key": submission.key}
    if known := SubmissionKey.objects.filter(**scope).first():
        return known.result, True
    try:
        with transaction.atomic():
            # Wait for a concurrent send of the same sheet, then look for the key again.
            list(ScoreSheet.objects.select_for_update().filter(stage=stage, juror=juror, entry=entry).values_list("pk"))
            if known := SubmissionKey.objects.filter(**scope).first():
                return known.result, True
            sheet, merged = save_sheet(
                juror, stage, entry, submission.values, submission.justifications, comment=submission.comment,
                submit=submission.submit, version=submission.version, original=submission.original, partial=True,
            )
            answer = {"status": "saved", "merged": merged, **sheet_answer(sheet)}
            SubmissionKey.objects.create(**scope, sheet=sheet, result=answer)
    except IntegrityError:
        # The same key arrived twice at once and the other one won: answer as it did.
        if known := SubmissionKey.objects.filter(**scope).first():
            return known.result, True
        raise
    return answer, False


def reopen_sheet(sheet: ScoreSheet, reason: str, by) -> SheetReopening:
    reason = (reason or "").strip()
    if not reason:
        raise JuryError(_("Give the reason for reopening this sheet."))
    if sheet.status != ScoreSheet.Status.SUBMITTED:
        raise JuryError(_("Only a submitted sheet can be reopened."))
    with transaction.atomic(), acting_as(by, note=reason):
        sheet.status = ScoreSheet.Status.DRAFT
        sheet.submitted_at = None
        sheet.version += 1
        sheet.save()
        return SheetReopening.objects.create(sheet=sheet, reopened_by=by, reason=reason)


# --- Progress and reminders -----------------------------------------------------------------------


def progress(stage: Stage) -> dict:
    """Submitted and draft sheets per juror and per entry, in a fixed number of queries."""
    jurors = list(Juror.objects.filter(edition_id=stage.edition_id).select_related("user").order_by("user__full_name"))
    assigned = Count("assignments", filter=Q(assignments__stage=stage), distinct=True)
    submitted = Count("sheets", filter=Q(sheets__stage=stage, sheets__status=ScoreSheet.Status.SUBMITTED), distinct=True)
    drafts = Count("sheets", filter=Q(sheets__stage=stage, sheets__status=ScoreSheet.Status.DRAFT), distinct=True)
    juror_counts = {
        row["pk"]: row
        for row in Juror.objects.filter(edition_id=stage.edition_id).values("pk").annotate(
            assigned=assigned, submitted=submitted, drafts=drafts)
    }
    juror_rows = []
    for juror in jurors:
        row = juror_counts[juror.pk]
        juror_rows.append({"juror": juror, "assigned": row["assigned"], "submitted": row["submitted"],
                           "drafts": row["drafts"], "behind": row["submitted"] < row["assigned"],
                           "percent": round(100 * row["submitted"] / row["assigned"]) if row["assigned"] else 100})
    entry_rows = list(
        stage_entries(stage).order_by("code").values("pk", "code", "title").annotate(
            assigned=assigned, submitted=submitted, drafts=drafts)
    )
    totals = {"assigned": sum(r["assigned"] for r in juror_rows), "submitted": sum(r["submitted"] for r in juror_rows)}
    totals["percent"] = round(100 * totals["submitted"] / totals["assigned"]) if totals["assigned"] else 0
    return {"jurors": juror_rows, "entries": entry_rows, "totals": totals}


def send_reminders(stage: Stage, by=None) -> int:
    """E-mail every juror with unsubmitted sheets in ``stage``; returns how many were reminded."""
    sent = 0
    for row in progress(stage)["jurors"]:
        if not row["behind"]:
            continue
        juror = row["juror"]
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Reminder: %(count)s score sheets are waiting for you") % {"count": row["assigned"] - row["submitted"]}
            body = _(
                "Dear %(name)s,\n\nIn the stage “%(stage)s” of %(edition)s you have submitted %(done)s of %(total)s "
                "score sheets. Please complete the others: %(url)s\n\nThank you,\nThe organising committee"
            ) % {"name": juror.user.full_name, "stage": stage.name, "edition": stage.edition,
                 "done": row["submitted"], "total": row["assigned"], "url": absolute(reverse("jury:dashboard"))}
        send_mail(subject, body, None, [juror.user.email])
        juror.reminded_at = timezone.now()
        juror.save(update_fields=["reminded_at"])
        sent += 1
    return sent


# --- Invitations and the code of conduct ----------------------------------------------------------


def invite_juror(edition: Edition, email: str, full_name: str, element: str, affiliation=None, max_load=None,
                 expertise=(), by=None) -> Juror:
    """Create (or reuse) the person's account and juror role, and e-mail them an invitation link."""
    from sayembara.accounts.models import User

    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        # A juror's affiliation is not a unit membership: it gives no access to any unit's entries.
        from sayembara.accounts.services import unique_username

        user = User(email=email, username=unique_username(email), full_name=" ".join(full_name.split()))
        user.set_unusable_password()
        user.save()
    juror, _created = Juror.objects.get_or_create(
        edition=edition, user=user, defaults={"element": element, "affiliation": affiliation, "max_load": max_load}
    )
    juror.element, juror.affiliation, juror.max_load = element, affiliation, max_load
    juror.invitation_token = secrets.token_urlsafe(32)
    juror.invited_at = timezone.now()
    juror.save()
    juror.expertise.set(expertise)
    link = absolute(reverse("jury:invitation", kwargs={"token": juror.invitation_token}))
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Invitation to the jury of %(edition)s") % {"edition": edition}
        body = _(
            "Dear %(name)s,\n\nThe organising committee invites you to sit on the jury of %(edition)s as a member "
            "of the %(element)s element. Open this link to accept the invitation and the jury's code of conduct:\n"
            "%(link)s\n\nThank you,\nThe organising committee"
        ) % {"name": user.full_name, "edition": edition, "element": juror.get_element_display(), "link": link}
    send_mail(subject, body, None, [user.email])
    return juror


def juror_for_invitation(token: str) -> Juror | None:
    """The juror a link invites, if the link is unused and younger than ``INVITATION_MAX_AGE_DAYS``."""
    from sayembara.accounts.auth import invitation_max_age

    if not token or len(token) > 64:
        return None
    juror = Juror.objects.filter(invitation_token=token).select_related("user", "edition").first()
    if juror is None or juror.invited_at is None or juror.invited_at < timezone.now() - invitation_max_age():
        return None
    return juror


@transaction.atomic
def accept_invitation(juror: Juror, password: str | None) -> None:
    """Accept once: the token is spent. Nothing else of the person changes (their other roles stay)."""
    user = juror.user
    if password is not None:
        user.set_password(password)
        user.is_active = True
        if user.email_confirmed_at is None:
            user.email_confirmed_at = timezone.now()
        user.save(update_fields=["password", "is_active", "email_confirmed_at"])
    juror.invitation_accepted_at = timezone.now()
    juror.invitation_token = ""
    juror.save(update_fields=["invitation_accepted_at", "invitation_token"])


def accept_code_of_conduct(juror: Juror) -> None:
    if juror.code_of_conduct_accepted_at is None:
        juror.code_of_conduct_accepted_at = timezone.now()
        juror.save(update_fields=["code_of_conduct_accepted_at"])


# --- Schedules ------------------------------------------------------------------------------------


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
    busy_rooms: dict[int, set[str]] = defaultdict(set)  # time step -> rooms taken
    busy_jurors: dict[int, set[int]] = defaultdict(set)  # time step -> jurors sitting
    slots = []
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
        slots.append(TimeSlot(stage=stage, entry_id=entry_id, room=room, starts_at=starts_at + step * length,
                              presentation_minutes=presentation_minutes, questions_minutes=questions_minutes))
    with transaction.atomic(), acting_as(by, note="schedule"):
        TimeSlot.objects.filter(stage=stage).delete()
        TimeSlot.objects.bulk_create(slots)
    return len(slots)


def schedule(stage: Stage):
    return list(
        TimeSlot.objects.filter(stage=stage).select_related("entry__institution").prefetch_related("entry__team")
        .order_by("room", "starts_at")
    )


# --- Spreadsheet import of paper sheets -----------------------------------------------------------

IMPORT_HEADERS = ["entry", "juror_email", "criterion", "score", "justification"]


def import_sheets(stage: Stage, fileobj, by) -> tuple[int, list[str]]:
    """Import paper scores from an .xlsx (one row per entry, juror, criterion); all-or-nothing.

    Returns (sheets submitted, errors). Each complete sheet is submitted and
    marked as entered by the organiser.
    """
    from django.core.exceptions import ValidationError

    from sayembara.tabular import unquote_cell
    from sayembara.uploads import workbook_rows

    try:
        rows = workbook_rows(fileobj)
    except ValidationError as exc:  # not a real .xlsx, too large, ...: the checker's message
        return 0, list(exc.messages)
    if not rows:
        return 0, [_("The workbook is empty.")]
    header = [str(h or "").strip().lower() for h in rows[0]]
    missing = [h for h in IMPORT_HEADERS[:4] if h not in header]
    if missing:
        return 0, [_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}]
    col = {h: header.index(h) for h in IMPORT_HEADERS if h in header}
    entries = {e.code.lower(): e for e in stage_entries(stage)}
    jurors = {j.user.email.lower(): j for j in Juror.objects.filter(edition_id=stage.edition_id).select_related("user")}
    criteria = {c.code.lower(): c for c in stage.criteria.all()}
    sheets: dict[tuple, dict] = defaultdict(lambda: {"values": {}, "justifications": {}})
    errors = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(v not in (None, "") for v in row):
            continue

        def cell(name):
            index = col.get(name)
            value = row[index] if index is not None and index < len(row) else None
            return "" if value is None else unquote_cell(str(value).strip())

        entry, juror, criterion = entries.get(cell("entry").lower()), jurors.get(cell("juror_email").lower()), criteria.get(cell("criterion").lower())
        if entry is None:
            errors.append(_("Row %(row)s: unknown entry “%(value)s”.") % {"row": number, "value": cell("entry")})
        if juror is None:
            errors.append(_("Row %(row)s: unknown juror “%(value)s”.") % {"row": number, "value": cell("juror_email")})
        if criterion is None:
            errors.append(_("Row %(row)s: unknown criterion “%(value)s”.") % {"row": number, "value": cell("criterion")})
        if entry and juror and criterion:
            _values, problems = parse_scores([criterion], {criterion.pk: cell("score")})
            errors += [_("Row %(row)s: %(problem)s") % {"row": number, "problem": p} for p in problems.values()]
            sheet = sheets[(juror.pk, entry.pk)]
            sheet["juror"], sheet["entry"] = juror, entry
            sheet["values"][criterion.pk] = cell("score")
            sheet["justifications"][criterion.pk] = cell("justification")
    if errors:
        return 0, errors
    try:
        with transaction.atomic():
            for data in sheets.values():
                save_sheet(data["juror"], stage, data["entry"], data["values"], data["justifications"], submit=True,
                           entered_by=by)
    except JuryError as exc:
        return 0, [f"{data['entry'].code} / {data['juror'].user.email}: {exc}"]
    return len(sheets), []
