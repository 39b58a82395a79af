"""Numbers of official papers, from a pattern per kind of paper and one register per edition.

A regency numbers its letters with a classification code (Permendagri 83/2022), a sequence and the year, e.g.
``800.1.3.3/{seq}/{year}``. The pattern is the organiser's (result settings); the sequence is ours: a number is
given on the day of the act the paper records and stored, so a paper printed again carries the same number.
"""

from __future__ import annotations

import re
import string

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sayembara.errors import DomainError

from .models import PaperNumber

KINDS = {
    "provisional": _("Provisional announcement (pengumuman sementara)"),
    "minutes": _("Minutes of the decision (berita acara penetapan)"),
    "certificate": _("Certificate (piagam)"),
    "feedback": _("Feedback letter"),
    "correction": _("Correction (ralat)"),
}
# The regency replaces these with its own classification codes in the result settings.
DEFAULTS = {
    "provisional": "000.8.3/{seq3}/{year}",
    "minutes": "000.8.3/BA-{seq3}/{year}",
    "certificate": "800.1.3.3/{seq3}/{year}",
    "feedback": "000.8.3/UB-{seq3}/{year}",
    "correction": "000.8.3/RALAT-{seq3}/{year}",
}
FIELDS = {"seq", "seq3", "year", "month"}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


class NumberingError(DomainError):
    pass


def check_pattern(pattern: str) -> None:
    """A pattern must hold the sequence and nothing but the known fields, so that no two papers share a number."""
    try:
        names = {name for _text, name, spec, conv in string.Formatter().parse(pattern) if name is not None}
        specs = [spec or conv for _text, name, spec, conv in string.Formatter().parse(pattern) if name is not None]
    except ValueError as error:
        raise NumberingError(_("The pattern has an unmatched brace: %(error)s") % {"error": error}) from error
    unknown = names - FIELDS
    if unknown or any(specs):
        raise NumberingError(_("Use only {seq}, {seq3}, {year} and {month} in a number pattern."))
    if not names & {"seq", "seq3"}:
        raise NumberingError(_("A number pattern needs {seq} or {seq3}: otherwise two papers would share a number."))
    if not re.fullmatch(r"[\w./{}\- ]{3,100}", pattern):
        raise NumberingError(_("Use letters, digits and . / - in a number pattern."))


def pattern_for(edition, kind: str) -> str:
    from .services import settings_for

    return (settings_for(edition).numbering or {}).get(kind) or DEFAULTS[kind]


def format_number(pattern: str, seq: int, when) -> str:
    when = timezone.localtime(when) if hasattr(when, "tzinfo") and when.tzinfo else when
    return pattern.format(seq=seq, seq3=f"{seq:03d}", year=when.year, month=ROMAN[when.month - 1])


def _last_seq(edition, kind: str) -> int:
    return PaperNumber.objects.filter(edition=edition, kind=kind).aggregate(m=Max("seq"))["m"] or 0


def preview(edition, kind: str, when=None) -> str:
    """The number the next paper of this kind would get (shown on confirmation pages; not reserved)."""
    return format_number(pattern_for(edition, kind), _last_seq(edition, kind) + 1, when or timezone.now())


def issue(edition, kind: str, subject: str = "", when=None, number: str = "") -> str:
    """The number of the paper of ``kind`` about ``subject``: the one it was given, or the next in sequence.

    ``number`` records a number given outside the system (typed by the organiser from the office's agenda)."""
    when = when or timezone.now()
    existing = PaperNumber.objects.filter(edition=edition, kind=kind, subject=subject).first()
    if existing is not None:
        return existing.number
    for _attempt in range(5):
        try:
            with transaction.atomic():
                last = _last_seq(edition, kind)
                text = number.strip() or format_number(pattern_for(edition, kind), last + 1, when)
                PaperNumber.objects.create(edition=edition, kind=kind, seq=last + 1, subject=subject, number=text,
                                           issued_at=when)
                return text
        except IntegrityError:
            # Two papers numbered at once: the loser takes the next number.
            continue
    raise NumberingError(_("No number could be given: try again."))


def issue_many(edition, kind: str, subjects: list[str], when=None) -> dict[str, str]:
    """Numbers for many papers of one kind at once (every feedback letter at the final publication)."""
    when = when or timezone.now()
    have = dict(PaperNumber.objects.filter(edition=edition, kind=kind, subject__in=subjects).values_list("subject", "number"))
    pattern = pattern_for(edition, kind)
    with transaction.atomic():
        last = _last_seq(edition, kind)
        new = []
        for subject in subjects:
            if subject in have:
                continue
            last += 1
            have[subject] = format_number(pattern, last, when)
            new.append(PaperNumber(edition=edition, kind=kind, seq=last, subject=subject, number=have[subject],
                                   issued_at=when))
        PaperNumber.objects.bulk_create(new, batch_size=1000)
    return have


def number_of(edition, kind: str, subject: str = "") -> str:
    return PaperNumber.objects.filter(edition=edition, kind=kind, subject=subject).values_list("number", flat=True).first() or ""
