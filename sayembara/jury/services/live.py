"""The live page's submissions: read and checked strictly, applied once per key."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sayembara.editions.models import Criterion, Stage
from sayembara.entries.models import Entry
from sayembara.params import int_or_none

from ..models import Juror, ScoreSheet, SubmissionKey
from .errors import BadSubmission
from .scoring import current_values, parse_scores, save_sheet

LIVE_KEY = re.compile(r"[A-Za-z0-9_-]{8,64}")
ENTRY_REF = re.compile(r"[A-Za-z0-9]{4,12}")
# A justification or comment longer than this is not typed on a phone in a jury room.
LIVE_TEXT_LIMIT = 10000


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
    key, entry_ref, version = _live_key(data), _live_entry_ref(data), _live_version(data)
    by_id = {str(c.pk): c for c in criteria}
    values = {pk: _live_score(v) for pk, v in _criterion_map(data, "values", by_id).items()}
    justifications = {pk: _live_text(v, "justifications") for pk, v in _criterion_map(data, "justifications", by_id).items()}
    if set(justifications) - set(values):
        raise BadSubmission(_("The submission could not be read: a justification was sent without its score."))
    original = _live_original(_criterion_map(data, "original", by_id))
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


def _live_key(data: dict) -> str:
    key = data.get("key")
    if not isinstance(key, str) or not LIVE_KEY.fullmatch(key):
        raise BadSubmission(
            _("The submission could not be read: its key must be 8 to %(max)s letters, digits, “-” or “_”.")
            % {"max": SubmissionKey.MAX_LENGTH}
        )
    return key


def _live_entry_ref(data: dict) -> str:
    entry_ref = data.get("entry")
    if not isinstance(entry_ref, str) or not ENTRY_REF.fullmatch(entry_ref):
        raise BadSubmission(_("The submission could not be read: the entry is missing."))
    return entry_ref


def _live_version(data: dict) -> int:
    version = data.get("version")
    if isinstance(version, bool) or int_or_none(version if isinstance(version, (int, str)) else None, 0, 2**31 - 1) is None:
        raise BadSubmission(_("The submission could not be read: the sheet version is missing. Reload the page."))
    return int(version)


def _criterion_map(data: dict, field: str, by_id: dict[str, Criterion]) -> dict[int, object]:
    """``data[field]`` keyed by criterion id; ``BadSubmission`` when it is not a map or names unknown criteria."""
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


def _live_original(pairs: dict[int, object]) -> dict[int, tuple[str, str]]:
    """The (score, justification) the page started from, per criterion id."""
    original = {}
    for pk, pair in pairs.items():
        if not isinstance(pair, list) or len(pair) != 2:
            raise BadSubmission(_("The submission could not be read: “%(field)s” must map criteria to values.")
                                % {"field": "original"})
        original[pk] = (_live_score(pair[0]), _live_text(pair[1], "original"))
    return original


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
