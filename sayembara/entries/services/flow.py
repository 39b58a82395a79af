"""The rules of entering: who sees and edits what, saving with optimistic locking, the deadline,
eligibility checks, and each step of the flow (send, verify, screen, withdraw, publish).

Views call these functions and turn ``EntryError`` into a message in the user's language.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max, Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as
from sayembara.errors import DomainError
from sayembara.editions.models import Edition, ProposalSection
from sayembara.uploads import check_upload

from .. import notify, rules
from ..deadlines import deadline_passed, format_deadline, submission_deadline
from ..models import (
    DeadlineExtension,
    Entry,
    EntryDetails,
    EntryRevision,
    EntrySettings,
    Evidence,
    EvidenceSlot,
    Innovation,
    ProposalAnswer,
    TeamMember,
)

EDITABLE = rules.EDITABLE
WITHDRAWABLE = rules.WITHDRAWABLE
# Autosaves by the same person within this window update one revision instead of adding many.
REVISION_WINDOW = dt.timedelta(minutes=10)


class EntryError(DomainError):
    """A refused action, with a message for the user."""


class StaleEntry(EntryError):
    """The entry changed since the form was opened (another tab or person saved first)."""


class AlreadyDone(EntryError):
    """The same action arrived twice (a double click); nothing more to do."""


# --- Words -------------------------------------------------------------------


def count_words(text: str) -> int:
    # The same rule as the counter in the page (entries/static/entries/proposal.js): runs of non-space.
    return len(text.split())


# --- Scope -------------------------------------------------------------------


def entries_visible_to(user) -> QuerySet[Entry]:
    return rules.visible_entries(user)


def can_edit(entry: Entry, user) -> bool:
    return rules.can_edit_entry(user, entry)


def require_editable(entry: Entry, user) -> None:
    if not rules.can_edit_entry(user, entry):
        if rules.can_view_entry(user, entry) and entry.status not in EDITABLE:
            raise EntryError(
                _("This entry is “%(status)s” and can no longer be changed.") % {"status": entry.get_status_display()}
            )
        raise PermissionDenied


# --- Deadline: the rule lives in deadlines.py (notify uses it too) ------------------------------


def open_editions() -> QuerySet[Edition]:
    return Edition.objects.filter(status=Edition.Status.OPEN).order_by("-year")


def settings_for(edition: Edition) -> EntrySettings:
    found = EntrySettings.objects.filter(edition=edition).first()
    return found or EntrySettings(edition=edition)


# --- Creating and saving -----------------------------------------------------


def category_refusal(category, institution) -> str | None:
    """Why ``institution`` may not enter ``category`` (a village in the OPD/BUMD category), or None when it may."""
    if category is None or category.is_open_to(institution):
        return None
    kinds = ", ".join(str(t) for t in category.institution_types.all())
    return _("The category “%(category)s” is for %(kinds)s only, and your unit is of the kind “%(kind)s”. "
             "Choose a category open to your unit.") % {"category": category, "kinds": kinds, "kind": institution.type}


def next_code(edition: Edition) -> str:
    prefix = f"KIPP-{edition.year}-"
    last = Entry.objects.filter(code__startswith=prefix).aggregate(m=Max("code"))["m"]
    number = int(last.rsplit("-", 1)[1]) + 1 if last and last.rsplit("-", 1)[1].isdigit() else 1
    return f"{prefix}{number:03d}"


def create_entry(user, edition: Edition, title: str, category=None, innovation: Innovation | None = None) -> Entry:
    """Start a draft for the user's unit (a new innovation unless an earlier one of the unit is chosen)."""
    if edition.status != Edition.Status.OPEN:
        raise EntryError(_("This edition does not accept entries."))
    if not rules.can_start_entry(user):
        raise EntryError(_("You can start an entry once your unit has approved your membership."))
    if deadline_passed(edition, user.institution):
        raise EntryError(
            _("The deadline for sending entries passed on %(deadline)s.")
            % {"deadline": format_deadline(submission_deadline(edition, user.institution))}
        )
    if category is not None and (category.edition_id != edition.pk or category_refusal(category, user.institution)):
        raise EntryError(category_refusal(category, user.institution) or _("Choose a category of this edition."))
    for attempt in range(5):
        try:
            with transaction.atomic():
                if innovation is None:
                    innovation = Innovation.objects.create(title=title, institution_id=user.institution_id)
                elif Entry.objects.filter(edition=edition, innovation=innovation).exists():
                    raise EntryError(_("This innovation already has an entry in this edition."))
                entry = Entry.objects.create(
                    edition=edition, innovation=innovation, institution_id=user.institution_id, category=category,
                    title=title, code=next_code(edition), created_by=user,
                )
                EntryDetails.objects.create(entry=entry)
                TeamMember.objects.create(entry=entry, user=user, name=user.full_name or user.email, role=_("Team lead"),
                                          is_lead=True)
                record_revision(entry, user)
                return entry
        except IntegrityError:
            # Two people started an entry at the same moment and took the same number: take the next one.
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


@dataclass
class ProposalData:
    """Everything the proposal form carries, already validated for types (word limits are checked at sending)."""

    title: str
    category: object = None
    started_on: dt.date | None = None
    maturity: str = Innovation.Maturity.IMPLEMENTATION
    form: str = Innovation.Form.PUBLIC_SERVICE
    is_digital: bool = False
    is_application: bool = False
    video_url: str = ""
    sdgs: list = field(default_factory=list)
    team: list[tuple[str, str]] = field(default_factory=list)
    spbe_answers: dict[str, str] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)


def word_limit_errors(sections, texts: dict[str, str]) -> dict[str, str]:
    """The sections (ProposalSection rows) whose text in ``texts`` ({code: text}) is over the word limit, as
    {code: message}. Checked when the entry is sent (see ``eligibility``); saving never waits for it."""
    errors = {}
    for section in sections:
        words = count_words(texts.get(section.code, "") or "")
        if words > section.word_limit:
            errors[section.code] = _("%(words)s words; the limit is %(limit)s. Shorten the text by %(over)s words.") % {
                "words": words, "limit": section.word_limit, "over": words - section.word_limit,
            }
    return errors


@transaction.atomic
def save_proposal(entry_id: int, user, version: int, data: ProposalData, force: bool = False) -> Entry:
    """Save the form. Refused with ``StaleEntry`` when someone saved since ``version`` was read (unless ``force``)."""
    entry = Entry.objects.select_for_update(of=("self",)).select_related("edition", "innovation").get(pk=entry_id)
    require_editable(entry, user)
    if entry.version != version and not force:
        raise StaleEntry(
            _("This entry was saved elsewhere (another tab, device or team member) after you opened it. "
              "Your text is still in the form below and has not been saved: compare it with the saved version, "
              "then save again to replace it.")
        )
    if data.category is not None:
        if data.category.edition_id != entry.edition_id:
            raise EntryError(_("Choose a category of this edition."))
        refusal = category_refusal(data.category, entry.institution)
        if refusal:
            raise EntryError(refusal)
    # Word limits are not checked here: they are a rule for sending (``eligibility``), and an over-long section
    # must not keep the rest of the form from being saved.
    with acting_as(user):
        innovation = entry.innovation
        innovation.title = data.title
        innovation.started_on = data.started_on
        innovation.maturity = data.maturity
        innovation.form = data.form
        innovation.is_digital = data.is_digital
        innovation.save()
        entry.title = data.title
        entry.category = data.category
        entry.video_url = data.video_url
        entry.version += 1
        entry.save()
        details, _created = EntryDetails.objects.get_or_create(entry=entry)
        details.is_application = data.is_application
        details.spbe_answers = data.spbe_answers if data.is_application else {}
        details.save()
        details.sdgs.set(data.sdgs)
        _save_team(entry, user, data.team)
        sections = {s.code: s for s in ProposalSection.objects.filter(edition=entry.edition)}
        existing = {a.section_id: a for a in ProposalAnswer.objects.filter(entry=entry)}
        for code, text in data.sections.items():
            section = sections.get(code)
            if section is None:
                continue
            answer = existing.get(section.pk)
            if answer is None:
                ProposalAnswer.objects.create(entry=entry, section=section, text=text)
            elif answer.text != text:
                answer.text = text
                answer.save()
        record_revision(entry, user)
    return entry


def _save_team(entry: Entry, user, team: list[tuple[str, str]]) -> None:
    current = [(m.name, m.role) for m in entry.team.filter(is_lead=False)]
    if current == team:
        return
    entry.team.filter(is_lead=False).delete()
    TeamMember.objects.bulk_create(TeamMember(entry=entry, name=name, role=role) for name, role in team)


# --- Revisions ---------------------------------------------------------------


def snapshot_of(entry: Entry) -> dict:
    answers = {a.section.code: a.text for a in entry.answers.select_related("section")}
    return {"title": entry.title, "sections": answers}


def record_revision(entry: Entry, user) -> EntryRevision | None:
    snapshot = snapshot_of(entry)
    now = timezone.now()
    last = entry.revisions.order_by("-number").first()
    if last and last.snapshot == snapshot:
        return None
    if last and last.author_id == getattr(user, "pk", None) and now - last.saved_at < REVISION_WINDOW and last.number > 1:
        last.snapshot, last.saved_at = snapshot, now
        last.save(update_fields=["snapshot", "saved_at"])
        return last
    return EntryRevision.objects.create(
        entry=entry, number=(last.number + 1) if last else 1, author=user if getattr(user, "pk", None) else None,
        saved_at=now, snapshot=snapshot,
    )


@dataclass
class SectionDiff:
    title: str
    parts: list[tuple[str, str]]  # (kind, text) with kind in "same", "added", "removed"
    changed: bool


def diff_revisions(older: EntryRevision, newer: EntryRevision) -> list[SectionDiff]:
    """A word-level diff per section, readable without knowing what a diff is."""
    titles = {s.code: s.title for s in ProposalSection.objects.filter(edition_id=older.entry.edition_id)}
    titles = {"__title__": _("Title"), **titles}
    a = {"__title__": older.snapshot.get("title", ""), **older.snapshot.get("sections", {})}
    b = {"__title__": newer.snapshot.get("title", ""), **newer.snapshot.get("sections", {})}
    result = []
    for code, title in titles.items():
        old_words, new_words = a.get(code, "").split(), b.get(code, "").split()
        parts: list[tuple[str, str]] = []
        matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                parts.append(("same", " ".join(old_words[i1:i2])))
                continue
            if i2 > i1:
                parts.append(("removed", " ".join(old_words[i1:i2])))
            if j2 > j1:
                parts.append(("added", " ".join(new_words[j1:j2])))
        result.append(SectionDiff(title=title, parts=parts, changed=any(kind != "same" for kind, _t in parts)))
    return result


# --- Evidence ----------------------------------------------------------------


def attach_evidence(entry: Entry, slot: EvidenceSlot, upload, user) -> Evidence:
    """Check, clean and store one file. Raises ValidationError with a message for the user."""
    require_editable(entry, user)
    if slot.edition_id != entry.edition_id:
        raise PermissionDenied
    clean = check_upload(upload, slot.kinds)
    original = (upload.name or "file").rsplit("/", 1)[-1][:200]
    stem = original.rsplit(".", 1)[0] if "." in original else original
    evidence = Evidence(
        entry=entry, slot=slot, original_name=f"{stem}.{clean.extension}", content_type=clean.content_type,
        size=len(clean.content), uploaded_by=user,
    )
    with acting_as(user):
        evidence.file.save(f"upload.{clean.extension}", ContentFile(clean.content), save=False)
        evidence.save()
    return evidence


def remove_evidence(evidence: Evidence, user) -> None:
    require_editable(evidence.entry, user)
    with acting_as(user):
        evidence.file.delete(save=False)
        evidence.delete()


# --- Eligibility -------------------------------------------------------------


@dataclass
class Check:
    code: str
    label: str
    ok: bool
    detail: str = ""
    blocking: bool = False  # a blocking check stops sending; the others inform the organiser's decision


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


def eligibility(entry: Entry) -> list[Check]:
    """The checklist shown to the innovator before sending and to the organiser at screening."""
    rules = settings_for(entry.edition)
    details = EntryDetails.objects.filter(entry=entry).first()
    checks: list[Check] = []
    innovation = entry.innovation

    missing_profile = [
        label for label, value in [
            (_("title"), entry.title.strip()), (_("category"), entry.category_id), (_("innovation start date"), innovation.started_on),
        ] if not value
    ]
    checks.append(Check(
        "profile", _("Profile fields filled in"), not missing_profile,
        _("Missing: %(fields)s.") % {"fields": ", ".join(str(m) for m in missing_profile)} if missing_profile else "",
        blocking=True,
    ))
    # Shown only when wrong: an entry saved in a category its unit may not enter (before the rule, or by import).
    wrong_category = category_refusal(entry.category, entry.institution) if entry.category_id else None
    if wrong_category:
        checks.append(Check("category", _("Category open to the unit"), False, wrong_category, blocking=True))

    answers = {a.section_id: a.text for a in entry.answers.all()}
    sections = list(ProposalSection.objects.filter(edition=entry.edition))
    empty = [s.title for s in sections if s.required and not answers.get(s.pk, "").strip()]
    too_long = [s.title for s in sections if count_words(answers.get(s.pk, "")) > s.word_limit]
    checks.append(Check(
        "sections", _("Required sections written"), not empty,
        _("Still empty: %(sections)s.") % {"sections": ", ".join(empty)} if empty else "", blocking=True,
    ))
    checks.append(Check(
        "word_limits", _("Every section within its word limit"), not too_long,
        _("Too long: %(sections)s.") % {"sections": ", ".join(too_long)} if too_long else "", blocking=True,
    ))
    if details and details.is_application:
        questions = rules.spbe_questions or []
        unanswered = [q for i, q in enumerate(questions) if not str(details.spbe_answers.get(str(i), "")).strip()]
        checks.append(Check(
            "spbe", _("E-government (SPBE) questions answered"), not unanswered,
            _("%(n)s question(s) not answered yet.") % {"n": len(unanswered)} if unanswered else "", blocking=True,
        ))

    present = set(entry.evidence.values_list("slot_id", flat=True))
    missing_evidence = [s.name for s in EvidenceSlot.objects.filter(edition=entry.edition, required=True) if s.pk not in present]
    checks.append(Check(
        "evidence", _("Required evidence attached"), not missing_evidence,
        _("Missing: %(slots)s.") % {"slots": ", ".join(missing_evidence)} if missing_evidence else "", blocking=True,
    ))

    deadline = submission_deadline(entry.edition, entry.institution)
    years = Decimal(rules.min_years_in_operation or 0)
    if years > 0:
        if innovation.started_on is None:
            checks.append(Check("age", _("In operation long enough"), False, _("The start date is not filled in.")))
        else:
            reference = timezone.localtime(deadline).date() if deadline else timezone.localdate()
            needed_by = _add_months(innovation.started_on, int(years * 12))
            checks.append(Check(
                "age", _("In operation for at least %(years)s year(s) at the deadline") % {"years": formats.number_format(years.normalize())},
                needed_by <= reference,
                "" if needed_by <= reference else _("Running since %(start)s; it must have started on or before %(latest)s.") % {
                    "start": formats.date_format(innovation.started_on, "j F Y"),
                    "latest": formats.date_format(_add_months(reference, -int(years * 12)), "j F Y"),
                },
            ))

    if entry.category_id and entry.category.quota_per_institution:
        quota = entry.category.quota_per_institution
        others = (
            Entry.objects.filter(edition=entry.edition, institution=entry.institution, category=entry.category)
            .submitted().exclude(pk=entry.pk).count()
        )
        checks.append(Check(
            "quota", _("Within the quota of %(quota)s entries per institution in this category") % {"quota": quota},
            others + 1 <= quota,
            _("The unit already has %(n)s other entries in this category.") % {"n": others} if others + 1 > quota else "",
        ))

    duplicates = similar_titles(entry, rules.duplicate_threshold)
    checks.append(Check(
        "duplicates", _("No duplicate title in this or earlier editions"), not duplicates,
        "; ".join(
            _("%(code)s “%(title)s” (%(year)s, %(percent)s%% alike)") % {
                "code": code, "title": title, "year": year, "percent": round(ratio * 100)}
            for code, title, year, ratio in duplicates[:5]
        ),
    ))

    if rules.past_winner_rule != EntrySettings.PastWinnerRule.NONE:
        # Earlier awards, read through the entries' ``awards`` (the results app's relation) so that entries
        # does not import results: an upper layer may read a lower one, not the other way round.
        earlier = Entry.objects.filter(innovation_id=entry.innovation_id, edition__year__lt=entry.edition.year,
                                       awards__isnull=False)
        if rules.past_winner_rule == EntrySettings.PastWinnerRule.EXCLUDE_RECENT:
            earlier = earlier.filter(edition__year__gte=entry.edition.year - rules.past_winner_editions)
        wins = list(earlier.order_by("edition__year", "awards__order").values_list("awards__title", "edition__year"))
        checks.append(Check(
            "past_winner", _("Not a recent winner") if rules.past_winner_rule == EntrySettings.PastWinnerRule.EXCLUDE_RECENT
            else _("Earlier awards of this innovation"),
            not wins,
            ", ".join(f"{title} {year}" for title, year in wins),
        ))
    return checks


def blocking_problems(checks: list[Check]) -> list[Check]:
    return [c for c in checks if c.blocking and not c.ok]


# --- The flow ----------------------------------------------------------------


def _locked(entry_id: int) -> Entry:
    return Entry.objects.select_for_update(of=("self",)).select_related("edition", "institution", "innovation", "category").get(pk=entry_id)


@transaction.atomic
def send_entry(entry_id: int, user, now: dt.datetime | None = None) -> Entry:
    """Innovator → unit verifier. Refused after the deadline (server time) or while blocking checks fail."""
    entry = _locked(entry_id)
    if entry.status == Entry.Status.SENT:
        raise AlreadyDone(_("This entry has already been sent; nothing more to do."))
    require_editable(entry, user)
    details, _created = EntryDetails.objects.get_or_create(entry=entry)
    # A correction asked for by the organiser at screening is not bound by the original deadline.
    correction = details.returned_by_organiser_at is not None
    if not correction and deadline_passed(entry.edition, entry.institution, now):
        raise EntryError(
            _("Sending closed on %(deadline)s, so this entry cannot be sent. It is kept as a draft; "
              "ask the organiser if your unit needs an extension.")
            % {"deadline": format_deadline(submission_deadline(entry.edition, entry.institution))}
        )
    problems = blocking_problems(eligibility(entry))
    if problems:
        raise EntryError(
            _("The entry is not complete yet: %(problems)s")
            % {"problems": " ".join(f"{p.label}: {p.detail}" for p in problems)}
        )
    with acting_as(user, note=_("Sent to the unit verifier")):
        entry.status = Entry.Status.SENT
        entry.sent_at = now or timezone.now()
        entry.version += 1
        entry.save()
    record_revision(entry, user)
    notify.entry_sent(entry)
    return entry


@transaction.atomic
def withdraw_entry(entry_id: int, user, now: dt.datetime | None = None) -> Entry:
    entry = _locked(entry_id)
    if entry.status == Entry.Status.WITHDRAWN:
        raise AlreadyDone(_("This entry has already been withdrawn."))
    if not rules.is_member_of_entry_unit(user, entry):
        raise PermissionDenied
    if entry.status not in WITHDRAWABLE:
        raise EntryError(_("This entry is “%(status)s” and can no longer be withdrawn.") % {"status": entry.get_status_display()})
    if deadline_passed(entry.edition, entry.institution, now):
        raise EntryError(_("Entries can be withdrawn only until the deadline (%(deadline)s).")
                         % {"deadline": format_deadline(submission_deadline(entry.edition, entry.institution))})
    with acting_as(user, note=_("Withdrawn by the unit")):
        entry.status = Entry.Status.WITHDRAWN
        entry.version += 1
        entry.save()
    notify.entry_withdrawn(entry)
    return entry


@transaction.atomic
def verify_entry(entry_id: int, user, approve: bool, notes: str = "") -> Entry:
    """The unit verifier vouches for the entry (to the organiser) or returns it with notes."""
    entry = _locked(entry_id)
    if not rules.can_verify_entry(user, entry):
        raise PermissionDenied(_("You verify the entries of your own unit only."))
    on_behalf = not rules.is_verifier_of_entry_unit(user, entry)
    target = Entry.Status.VERIFIED if approve else Entry.Status.RETURNED
    if entry.status == target:
        raise AlreadyDone(_("This decision has already been recorded."))
    if entry.status != Entry.Status.SENT:
        raise EntryError(_("Only entries sent to you can be verified; this one is “%(status)s”.") % {"status": entry.get_status_display()})
    notes = notes.strip()
    if not approve and not notes:
        raise EntryError(_("Write what the innovator must correct before returning the entry."))
    details, _created = EntryDetails.objects.get_or_create(entry=entry)
    note = notes or _("Verified by the unit")
    if on_behalf:
        note = _("Verified by the organiser on behalf of the unit, which has no verifier.") + (f" {notes}" if notes else "")
    with acting_as(user, note=note):
        details.verifier_notes = notes
        details.verified_by = user if approve else None
        details.verified_at = timezone.now() if approve else None
        details.save()
        entry.status = target
        entry.version += 1
        entry.save()
    notify.entry_verified(entry, notes) if approve else notify.entry_returned(entry, notes, by_organiser=False)
    return entry


class Decision:
    PASS = "passed"
    FAIL = "failed"
    RETURN = "returned"


@transaction.atomic
def screen_entry(entry_id: int, user, decision: str, notes: str = "") -> Entry:
    """Administrative screening by the organiser: passed, failed (with reasons) or returned once for correction."""
    entry = _locked(entry_id)
    if not rules.can_screen_entry(user, entry):
        raise PermissionDenied
    target = {Decision.PASS: Entry.Status.PASSED, Decision.FAIL: Entry.Status.FAILED, Decision.RETURN: Entry.Status.RETURNED}.get(decision)
    if target is None:
        raise EntryError(_("Choose a decision."))
    if entry.status == target:
        raise AlreadyDone(_("This decision has already been recorded."))
    if entry.status != Entry.Status.VERIFIED:
        raise EntryError(_("Only entries verified by their unit can be screened; this one is “%(status)s”.") % {"status": entry.get_status_display()})
    notes = notes.strip()
    details, _created = EntryDetails.objects.get_or_create(entry=entry)
    if decision == Decision.FAIL and not notes:
        raise EntryError(_("Give the reasons why the entry fails screening; the innovator will read them."))
    if decision == Decision.RETURN:
        if not notes:
            raise EntryError(_("Write what must be corrected before returning the entry."))
        if details.returned_by_organiser_at is not None:
            raise EntryError(_("Screening may return an entry for correction only once; decide passed or failed."))
    with acting_as(user, note=notes or _("Passed administrative screening")):
        details.screening_notes = notes
        details.screened_by = user
        details.screened_at = timezone.now()
        if decision == Decision.RETURN:
            details.returned_by_organiser_at = details.screened_at
        details.save()
        entry.status = target
        entry.version += 1
        entry.save()
    if decision == Decision.RETURN:
        notify.entry_returned(entry, notes, by_organiser=True)
    else:
        notify.entry_screened(entry, notes)
    return entry


@transaction.atomic
def publish_screening(edition: Edition, user, number: str, reason: str = "", now=None) -> EntrySettings:
    """Publish the screening announcement. It is an official paper: it needs its number; and while units may
    still send entries it would be incomplete, so it is refused before the deadline unless a reason is recorded."""
    if not number.strip():
        raise EntryError(_("Give the announcement its number (nomor surat) before publishing it."))
    deadline = submission_deadline(edition)
    latest = DeadlineExtension.objects.filter(edition=edition).aggregate(m=Max("until"))["m"]
    if latest and (deadline is None or latest > deadline):
        deadline = latest
    if deadline is not None and (now or timezone.now()) < deadline and not reason.strip():
        raise EntryError(
            _("Entries can still be sent until %(deadline)s: an announcement now would leave them out. Publish after "
              "the deadline, or record why it must be published now.") % {"deadline": format_deadline(deadline)}
        )
    rules, _created = EntrySettings.objects.get_or_create(edition=edition)
    note = _("Screening results published")
    if reason.strip():
        note += ": " + reason.strip()[:300]
    with acting_as(user, note=note):
        rules.announcement_number = number.strip()
        rules.screening_published_at = timezone.now()
        rules.save()
    return rules


@transaction.atomic
def grant_extension(edition: Edition, institution, until: dt.datetime, reason: str, user) -> DeadlineExtension:
    if not reason.strip():
        raise EntryError(_("Record the reason for the extension."))
    with acting_as(user, note=reason.strip()):
        extension, _created = DeadlineExtension.objects.update_or_create(
            edition=edition, institution=institution,
            defaults={"until": until, "reason": reason.strip(), "granted_by": user},
        )
    notify.extension_granted(extension)
    return extension
