"""Each step of an entry's flow: send, withdraw, verify, screen; and the organiser's acts per edition (publishing
the screening, granting a unit more time)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as
from sayembara.editions.models import Edition

from .. import notify, rules
from ..deadlines import deadline_passed, format_deadline, last_deadline, submission_deadline
from ..models import DeadlineExtension, Entry, EntryDetails, EntrySettings
from .access import WITHDRAWABLE, require_editable
from .eligibility import blocking_problems, eligibility
from .errors import AlreadyDone, EntryError
from .revisions import record_revision


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
    target = _screening_target(entry, user, decision)
    notes = notes.strip()
    details, _created = EntryDetails.objects.get_or_create(entry=entry)
    _refuse_unexplained_screening(decision, notes, details)
    _record_screening(entry, details, user, decision, target, notes)
    if decision == Decision.RETURN:
        notify.entry_returned(entry, notes, by_organiser=True)
    else:
        notify.entry_screened(entry, notes)
    return entry


def _screening_target(entry: Entry, user, decision: str) -> str:
    """The status ``decision`` leads to, refused unless the user may screen the entry and it waits for screening."""
    if not rules.can_screen_entry(user, entry):
        raise PermissionDenied
    target = {Decision.PASS: Entry.Status.PASSED, Decision.FAIL: Entry.Status.FAILED, Decision.RETURN: Entry.Status.RETURNED}.get(decision)
    if target is None:
        raise EntryError(_("Choose a decision."))
    if entry.status == target:
        raise AlreadyDone(_("This decision has already been recorded."))
    if entry.status != Entry.Status.VERIFIED:
        raise EntryError(_("Only entries verified by their unit can be screened; this one is “%(status)s”.") % {"status": entry.get_status_display()})
    return target


def _refuse_unexplained_screening(decision: str, notes: str, details: EntryDetails) -> None:
    # The innovator reads the notes: a failure needs its reasons, a return what to correct (and it is allowed once).
    if decision == Decision.FAIL and not notes:
        raise EntryError(_("Give the reasons why the entry fails screening; the innovator will read them."))
    if decision == Decision.RETURN:
        if not notes:
            raise EntryError(_("Write what must be corrected before returning the entry."))
        if details.returned_by_organiser_at is not None:
            raise EntryError(_("Screening may return an entry for correction only once; decide passed or failed."))


def _record_screening(entry: Entry, details: EntryDetails, user, decision: str, target: str, notes: str) -> None:
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


@transaction.atomic
def publish_screening(edition: Edition, user, number: str, reason: str = "", now=None) -> EntrySettings:
    """Publish the screening announcement. It is an official paper: it needs its number; and while units may
    still send entries it would be incomplete, so it is refused before the deadline unless a reason is recorded."""
    if not number.strip():
        raise EntryError(_("Give the announcement its number (nomor surat) before publishing it."))
    deadline = last_deadline(edition)
    if deadline is not None and (now or timezone.now()) < deadline and not reason.strip():
        raise EntryError(
            _("Entries can still be sent until %(deadline)s: an announcement now would leave them out. Publish after "
              "the deadline, or record why it must be published now.") % {"deadline": format_deadline(deadline)}
        )
    conf, _created = EntrySettings.objects.get_or_create(edition=edition)
    note = _("Screening results published")
    if reason.strip():
        note += ": " + reason.strip()[:300]
    with acting_as(user, note=note):
        conf.announcement_number = number.strip()
        conf.screening_published_at = timezone.now()
        conf.save()
    return conf


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
