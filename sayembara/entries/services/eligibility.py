"""The eligibility checklist: shown to the innovator before sending and to the organiser at screening.

Each check is a small function of one shared :class:`Facts` (the edition's rules, the entry's details and its
innovation, read once) returning a :class:`Check`, or None when it does not apply. :data:`CHECKS` is their
order on the page.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from sayembara.editions.models import ProposalSection

from ..deadlines import submission_deadline
from ..models import Entry, EntryDetails, EntrySettings, EvidenceSlot, Innovation
from .access import category_refusal, settings_for
from .drafting import count_words


@dataclass
class Check:
    code: str
    label: str
    ok: bool
    detail: str = ""
    blocking: bool = False  # a blocking check stops sending; the others inform the organiser's decision


@dataclass
class Facts:
    """What several checks read, fetched once per checklist."""

    entry: Entry
    rules: EntrySettings
    details: EntryDetails | None
    innovation: Innovation

    @classmethod
    def of(cls, entry: Entry) -> Facts:
        rules = settings_for(entry.edition)
        details = EntryDetails.objects.filter(entry=entry).first()
        return cls(entry=entry, rules=rules, details=details, innovation=entry.innovation)

    @cached_property
    def answers(self) -> dict[int, str]:
        """{section id: text} of the entry's proposal."""
        return {a.section_id: a.text for a in self.entry.answers.all()}

    @cached_property
    def sections(self) -> list[ProposalSection]:
        return list(ProposalSection.objects.for_entry(self.entry))


# --- The checks, in the order of the checklist ------------------------------------------------------------------


def profile_check(facts: Facts) -> Check:
    entry, innovation = facts.entry, facts.innovation
    missing = [
        label for label, value in [
            (_("title"), entry.title.strip()), (_("category"), entry.category_id), (_("innovation start date"), innovation.started_on),
        ] if not value
    ]
    return Check(
        "profile", _("Profile fields filled in"), not missing,
        _("Missing: %(fields)s.") % {"fields": ", ".join(str(m) for m in missing)} if missing else "",
        blocking=True,
    )


def category_check(facts: Facts) -> Check | None:
    # Shown only when wrong: an entry saved in a category its unit may not enter (before the rule, or by import).
    entry = facts.entry
    wrong_category = category_refusal(entry.category, entry.institution) if entry.category_id else None
    if not wrong_category:
        return None
    return Check("category", _("Category open to the unit"), False, wrong_category, blocking=True)


def sections_check(facts: Facts) -> Check:
    answers = facts.answers
    if not any(s.required for s in facts.sections):
        # An edition set up without its proposal form: nothing to write is not "every required section written".
        return Check("sections", _("Required sections written"), False,
                     _("This edition's proposal form has no required sections yet: the organising committee must "
                       "set up the form before proposals can be sent."), blocking=True)
    empty = [s.title for s in facts.sections if s.required and not answers.get(s.pk, "").strip()]
    return Check(
        "sections", _("Required sections written"), not empty,
        _("Still empty: %(sections)s.") % {"sections": ", ".join(empty)} if empty else "", blocking=True,
    )


def word_limits_check(facts: Facts) -> Check:
    answers = facts.answers
    too_long = [s.title for s in facts.sections if count_words(answers.get(s.pk, "")) > s.word_limit]
    return Check(
        "word_limits", _("Every section within its word limit"), not too_long,
        _("Too long: %(sections)s.") % {"sections": ", ".join(too_long)} if too_long else "", blocking=True,
    )


def spbe_check(facts: Facts) -> Check | None:
    """The e-government questions, asked of applications only."""
    details = facts.details
    if not (details and details.is_application):
        return None
    questions = facts.rules.spbe_questions or []
    unanswered = [q for i, q in enumerate(questions) if not str(details.spbe_answers.get(str(i), "")).strip()]
    return Check(
        "spbe", _("E-government (SPBE) questions answered"), not unanswered,
        _("%(n)s question(s) not answered yet.") % {"n": len(unanswered)} if unanswered else "", blocking=True,
    )


def evidence_check(facts: Facts) -> Check:
    entry = facts.entry
    present = set(entry.evidence.values_list("slot_id", flat=True))
    required = list(EvidenceSlot.objects.for_entry(entry).filter(required=True))
    if not required:
        # Not a tick for evidence nobody was asked for: the organiser sees the form lacks it (not blocking).
        return Check("evidence", _("Required evidence attached"), False,
                     _("This edition asks for no evidence yet: the organising committee has not set up its evidence "
                       "list."))
    missing = [s.name for s in required if s.pk not in present]
    return Check(
        "evidence", _("Required evidence attached"), not missing,
        _("Missing: %(slots)s.") % {"slots": ", ".join(missing)} if missing else "", blocking=True,
    )


def age_check(facts: Facts) -> Check | None:
    """In operation for the edition's minimum number of years, counted at the unit's deadline."""
    entry, innovation = facts.entry, facts.innovation
    deadline = submission_deadline(entry.edition, entry.institution)
    years = Decimal(facts.rules.min_years_in_operation or 0)
    if years <= 0:
        return None
    if innovation.started_on is None:
        return Check("age", _("In operation long enough"), False, _("The start date is not filled in."))
    reference = timezone.localtime(deadline).date() if deadline else timezone.localdate()
    needed_by = _add_months(innovation.started_on, int(years * 12))
    return Check(
        "age", _("In operation for at least %(years)s year(s) at the deadline") % {"years": formats.number_format(years.normalize())},
        needed_by <= reference,
        "" if needed_by <= reference else _("Running since %(start)s; it must have started on or before %(latest)s.") % {
            "start": formats.date_format(innovation.started_on, "j F Y"),
            "latest": formats.date_format(_add_months(reference, -int(years * 12)), "j F Y"),
        },
    )


def quota_check(facts: Facts) -> Check | None:
    entry = facts.entry
    if not (entry.category_id and entry.category.quota_per_institution):
        return None
    quota = entry.category.quota_per_institution
    others = (
        Entry.objects.filter(edition=entry.edition, institution=entry.institution, category=entry.category)
        .submitted().exclude(pk=entry.pk).count()
    )
    return Check(
        "quota", _("Within the quota of %(quota)s entries per institution in this category") % {"quota": quota},
        others + 1 <= quota,
        _("The unit already has %(n)s other entries in this category.") % {"n": others} if others + 1 > quota else "",
    )


def duplicates_check(facts: Facts) -> Check:
    duplicates = similar_titles(facts.entry, facts.rules.duplicate_threshold)
    return Check(
        "duplicates", _("No duplicate title in this or earlier editions"), not duplicates,
        "; ".join(
            _("%(code)s “%(title)s” (%(year)s, %(percent)s%% alike)") % {
                "code": code, "title": title, "year": year, "percent": round(ratio * 100)}
            for code, title, year, ratio in duplicates[:5]
        ),
    )


def past_winner_check(facts: Facts) -> Check | None:
    entry, rules = facts.entry, facts.rules
    if rules.past_winner_rule == EntrySettings.PastWinnerRule.NONE:
        return None
    # Earlier awards, read through the entries' ``awards`` (the results app's relation) so that entries
    # does not import results: an upper layer may read a lower one, not the other way round.
    earlier = Entry.objects.filter(innovation_id=entry.innovation_id, edition__year__lt=entry.edition.year,
                                   awards__isnull=False)
    if rules.past_winner_rule == EntrySettings.PastWinnerRule.EXCLUDE_RECENT:
        earlier = earlier.filter(edition__year__gte=entry.edition.year - rules.past_winner_editions)
    wins = list(earlier.order_by("edition__year", "awards__order").values_list("awards__title", "edition__year"))
    return Check(
        "past_winner", _("Not a recent winner") if rules.past_winner_rule == EntrySettings.PastWinnerRule.EXCLUDE_RECENT
        else _("Earlier awards of this innovation"),
        not wins,
        ", ".join(f"{title} {year}" for title, year in wins),
    )


CHECKS = (
    profile_check, category_check, sections_check, word_limits_check, spbe_check, evidence_check, age_check,
    quota_check, duplicates_check, past_winner_check,
)


def eligibility(entry: Entry) -> list[Check]:
    """The checklist shown to the innovator before sending and to the organiser at screening."""
    facts = Facts.of(entry)
    return [check for check in (run(facts) for run in CHECKS) if check is not None]


def blocking_problems(checks: list[Check]) -> list[Check]:
    return [c for c in checks if c.blocking and not c.ok]


# --- Helpers of the checks --------------------------------------------------------------------------------------


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise ValueError(day)


def normalise_title(title: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", title.lower())).strip()


def similar_titles(entry: Entry, threshold: float) -> list[tuple[str, str, int, float]]:
    """Entries of this and earlier editions whose title is (nearly) the same: (code, title, year, ratio)."""
    target = normalise_title(entry.title)
    if not target:
        return []
    candidates = (
        Entry.objects.exclude(pk=entry.pk)
        .exclude(innovation_id=entry.innovation_id)
        .exclude(status__in=[Entry.Status.WITHDRAWN])
        .filter(Q(edition__year__lt=entry.edition.year) | Q(edition_id=entry.edition_id) & ~Q(status=Entry.Status.DRAFT))
        .values_list("code", "title", "edition__year")
    )
    found = []
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(target)
    for code, title, year in candidates.iterator():
        matcher.set_seq1(normalise_title(title))
        # The cheap upper bounds first: most titles are nowhere near.
        if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
            continue
        ratio = matcher.ratio()
        if ratio >= threshold:
            found.append((code, title, year, ratio))
    return sorted(found, key=lambda row: -row[3])
