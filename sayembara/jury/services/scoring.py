"""Score sheets: reading scores, saving a juror's sheet (with another window's changes merged), reopening it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sayembara.audit.models import AuditEvent
from sayembara.audit.trail import acting_as, audit_value as _audit_value, record, written_by_service
from sayembara.editions.models import Criterion, Stage
from sayembara.entries.models import Entry

from .. import rules
from ..models import Juror, Score, ScoreSheet, SheetReopening
from .errors import JuryError, StaleSheet


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


SHEET_FIELDS = ("status", "comment", "entered_by_id", "submitted_at")
"""The sheet's own fields a save may change, as its audit event states them."""


@dataclass
class _SheetChange:
    """What a save brings: the stage's criteria, those it carries, and their parsed values and justifications."""

    criteria: list[Criterion]
    carried: set[int]
    parsed: dict[int, Decimal]
    justifications: dict[int, str]


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
    _refuse_scoring(juror, stage, entry, entered_by)
    change = _read_change(stage, values, justifications, partial)
    # One transaction, one audit event for the sheet and its scores (not one per row), scores written in bulk:
    # a save is a dozen queries whatever the number of criteria, and 300 jurors saving at once wait on nothing shared.
    with transaction.atomic(), acting_as(entered_by or juror.user, note="paper sheet" if entered_by else ""), \
            written_by_service():
        sheet, created = _open_sheet(juror, stage, entry)
        sheet.stage, sheet.juror, sheet.entry = stage, juror, entry  # in hand: naming the sheet needs no query
        stored = {} if created else {s.criterion_id: s for s in sheet.scores.all()}
        merged = False
        # A page that found no sheet sends version 0: a sheet made just now is the one it saw.
        if version is not None and version != (0 if created else sheet.version):
            _merge_other_window(change, sheet, stored, original or {})
            merged = True
        if submit:
            _refuse_incomplete(change, stored)
        before = {name: _audit_value(getattr(sheet, name)) for name in SHEET_FIELDS}
        score_changes = _write_scores(change, sheet, stored)
        _stamp_sheet(sheet, comment, submit, entered_by, scores_written=bool(score_changes))
        _record(sheet, created, before, score_changes)
    return sheet, merged


def _refuse_scoring(juror: Juror, stage: Stage, entry: Entry, entered_by) -> None:
    """``JuryError`` unless the stage is open, the juror accepted the code of conduct and judges the entry."""
    if stage.status != Stage.Status.OPEN:
        raise JuryError(_("Scoring is not open in this stage."))
    if entered_by is None and juror.code_of_conduct_accepted_at is None:
        raise JuryError(_("Please accept the jury's code of conduct before scoring."))
    if not rules.may_judge(juror, stage, entry):
        raise JuryError(_("This entry is not assigned to you."))


def _read_change(stage: Stage, values: dict[int, str], justifications: dict[int, str], partial: bool) -> _SheetChange:
    """The sent scores checked against the stage's criteria; ``JuryError`` with every problem found."""
    criteria = sorted(stage.criteria.all(), key=lambda c: (c.order, c.pk))  # prefetched by the sheet's view
    carried = {c.pk for c in criteria if c.pk in values} if partial else {c.pk for c in criteria}
    parsed, errors = parse_scores(criteria, values)
    if errors:
        raise JuryError(" ".join(errors.values()))
    return _SheetChange(criteria, carried, parsed, dict(justifications))


def _open_sheet(juror: Juror, stage: Stage, entry: Entry) -> tuple[ScoreSheet, bool]:
    """The sheet, locked for this transaction (made if new); ``JuryError`` once it is submitted."""
    sheet, created = ScoreSheet.objects.select_for_update().get_or_create(stage=stage, juror=juror, entry=entry)
    if sheet.status == ScoreSheet.Status.SUBMITTED:
        raise JuryError(_("This sheet has been submitted and is locked. Only the organiser can reopen it."))
    return sheet, created


def _merge_other_window(change: _SheetChange, sheet: ScoreSheet, stored: dict[int, Score],
                        original: dict[int, tuple[str, str]]) -> None:
    """Another window saved since this form was opened: keep both sides' work.

    A criterion left as it was here takes the other window's value; ``StaleSheet`` when both changed it.
    """
    clashes = []
    for criterion in change.criteria:
        if criterion.pk not in change.carried:
            continue  # not sent: the stored value stays, whoever wrote it
        before = original.get(criterion.pk, ("", ""))
        mine = (_plain(change.parsed[criterion.pk]) if criterion.pk in change.parsed else "",
                change.justifications.get(criterion.pk, ""))
        theirs = (_plain(stored[criterion.pk].value), stored[criterion.pk].justification) if criterion.pk in stored else ("", "")
        if mine == before:  # untouched here: take the other window's value
            if criterion.pk in stored:
                change.parsed[criterion.pk] = stored[criterion.pk].value
                change.justifications[criterion.pk] = stored[criterion.pk].justification
            else:
                change.parsed.pop(criterion.pk, None)
        elif theirs != before and theirs != mine:
            clashes.append(criterion)
    if clashes:
        raise StaleSheet(
            _("This sheet was changed in another window. Check “%(criteria)s” and save again.")
            % {"criteria": ", ".join(c.name for c in clashes)},
            sheet, {pk: _plain(s.value) for pk, s in stored.items()},
        )


def _refuse_incomplete(change: _SheetChange, stored: dict[int, Score]) -> None:
    """A sheet is submitted whole: ``JuryError`` naming the criteria that would stay without a score."""
    scored = {pk for pk in change.parsed} | {pk for pk in stored if pk not in change.carried}
    if len(scored) < len(change.criteria):
        missing = [c.name for c in change.criteria if c.pk not in scored]
        raise JuryError(_("Score every criterion before submitting: %(missing)s.") % {"missing": ", ".join(missing)})


def _write_scores(change: _SheetChange, sheet: ScoreSheet, stored: dict[int, Score]) -> dict[str, list]:
    """Save the carried criteria's scores in bulk (a carried criterion left empty loses its stored score); returns
    what changed, for the audit trail: ``{"scores": [[criterion, before, after]], "justifications": [...]}``."""
    new, updated, removed = [], [], []
    scores, reasons = [], []
    for criterion in change.criteria:
        if criterion.pk not in change.carried:
            continue
        old = stored.get(criterion.pk)
        if criterion.pk not in change.parsed:
            if old is not None:
                removed.append(old.pk)
                scores.append([criterion.name, _plain(old.value), None])
            continue
        value = change.parsed[criterion.pk]
        reason = (change.justifications.get(criterion.pk) or "").strip()
        if old is None:
            new.append(Score(sheet=sheet, criterion=criterion, value=value, justification=reason))
            scores.append([criterion.name, None, _plain(value)])
            if reason:
                reasons.append([criterion.name, None, reason])
            continue
        if old.value != value:
            scores.append([criterion.name, _plain(old.value), _plain(value)])
        if old.justification != reason:
            reasons.append([criterion.name, old.justification, reason])
        if old.value != value or old.justification != reason:
            old.value, old.justification = value, reason
            updated.append(old)
    if removed:
        Score.objects.filter(pk__in=removed).delete()
    if updated:
        Score.objects.bulk_update(updated, ["value", "justification"])
    if new:
        Score.objects.bulk_create(new)
    return {key: rows for key, rows in (("scores", scores), ("justifications", reasons)) if rows}


def _stamp_sheet(sheet: ScoreSheet, comment: str | None, submit: bool, entered_by, scores_written: bool) -> None:
    """Save the sheet's comment, who keyed it in, whether it is submitted, and its next version."""
    sheet.comment = comment.strip() if comment is not None else sheet.comment
    if entered_by is not None:
        sheet.entered_by = entered_by
    if submit:
        sheet.status = ScoreSheet.Status.SUBMITTED
        sheet.submitted_at = timezone.now()
    sheet.version += 1
    # Scores written in bulk send no signal of their own: the sheet's save carries them (the results' freeze guard
    # refuses it in a published edition, and ``updated_at`` tells a stored ranking it is stale).
    sheet.scores_written = scores_written
    sheet.save()


def _record(sheet: ScoreSheet, created: bool, before: dict, score_changes: dict) -> None:
    """One audit event for the save: the sheet's changed fields and every changed score inside it."""
    changes = {}
    for name in SHEET_FIELDS:
        after = _audit_value(getattr(sheet, name))
        if created and after not in (None, ""):
            changes[name] = [None, after]
        elif not created and before[name] != after:
            changes[name] = [before[name], after]
    changes.update(score_changes)
    if not changes and not created:
        return
    if created:
        action = AuditEvent.Action.CREATE
    else:
        action = AuditEvent.Action.TRANSITION if set(changes) == {"status"} else AuditEvent.Action.UPDATE
    record(sheet, action, changes)


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
