"""E-mails announcing each step of an entry. Written in Indonesian, the contest's language."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from sayembara.accounts.models import User
from sayembara.links import absolute

from .deadlines import format_deadline

log = logging.getLogger(__name__)


def _innovators(entry) -> list[str]:
    # Only people still in the unit: someone whose membership ended hears no more of its entries.
    def current(user):
        return user.is_active and user.institution_id == entry.institution_id

    emails = {m.user.email for m in entry.team.select_related("user") if m.user_id and current(m.user)}
    if entry.created_by_id and current(entry.created_by):
        emails.add(entry.created_by.email)
    return sorted(emails)


def _verifiers(entry) -> list[str]:
    return sorted(User.objects.filter(verified_institution_id=entry.institution_id, is_active=True).values_list("email", flat=True))


def _organisers() -> list[str]:
    return sorted(User.objects.filter(is_organiser=True, is_active=True).values_list("email", flat=True))


def _send(messages: list[tuple[str, str, list[str]]]) -> None:
    batch = [(subject, body, settings.DEFAULT_FROM_EMAIL, to) for subject, body, to in messages if to]
    try:
        send_mass_mail(batch, fail_silently=False)
    except Exception:  # the step itself is recorded; a mail server outage must not undo it
        log.exception("could not send entry e-mail")


def _link(entry) -> str:
    return absolute(reverse("entries:detail", kwargs={"code": entry.code}))


def entry_sent(entry) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {"code": entry.code, "title": entry.title, "institution": entry.institution, "link": _link(entry)}
        verifiers = _verifiers(entry)
        _send([
            (_("[%(code)s] Entry waiting for your verification") % context,
             _("The entry “%(title)s” (%(code)s) of %(institution)s was sent to you for verification.\n\n"
               "Open it to approve it or return it with notes: %(link)s") % context,
             verifiers),
            (_("[%(code)s] Entry to verify on behalf of its unit") % context,
             _("The entry “%(title)s” (%(code)s) of %(institution)s was sent, and the unit has no verifier. "
               "Verify it on the unit's behalf (it is recorded as such), or invite a verifier: %(link)s") % context,
             [] if verifiers else _organisers()),
            (_("[%(code)s] Your entry was sent") % context,
             _("Your entry “%(title)s” (%(code)s) was sent to the verifier of your unit. "
               "You will receive an e-mail when it is verified.\n\n%(link)s") % context,
             _innovators(entry)),
        ])


def entry_verified(entry, notes: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {"code": entry.code, "title": entry.title, "institution": entry.institution, "link": _link(entry)}
        _send([
            (_("[%(code)s] Your entry was verified by your unit") % context,
             _("The unit verifier approved your entry “%(title)s” (%(code)s). It now goes to the organiser's "
               "administrative screening.\n\n%(link)s") % context,
             _innovators(entry)),
            (_("[%(code)s] New entry for administrative screening") % context,
             _("The entry “%(title)s” (%(code)s) of %(institution)s was verified by its unit and is ready for "
               "administrative screening.\n\n%(link)s") % context,
             _organisers()),
        ])


def entry_returned(entry, notes: str, by_organiser: bool) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {"code": entry.code, "title": entry.title, "notes": notes, "link": _link(entry),
                   "who": _("the organiser") if by_organiser else _("your unit verifier")}
        recipients = _innovators(entry) + (_verifiers(entry) if by_organiser else [])
        _send([
            (_("[%(code)s] Your entry was returned for correction") % context,
             _("Your entry “%(title)s” (%(code)s) was returned by %(who)s with these notes:\n\n%(notes)s\n\n"
               "Correct it and send it again: %(link)s") % context,
             sorted(set(recipients))),
        ])


def entry_screened(entry, notes: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {"code": entry.code, "title": entry.title, "status": entry.get_status_display(), "notes": notes,
                   "link": _link(entry)}
        body = _("The administrative screening of your entry “%(title)s” (%(code)s) is complete: %(status)s.") % context
        if notes:
            body += "\n\n" + _("Reasons: %(notes)s") % context
        body += "\n\n" + context["link"]
        _send([(_("[%(code)s] Result of the administrative screening") % context, body,
                sorted(set(_innovators(entry) + _verifiers(entry))))])


def entry_withdrawn(entry) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {"code": entry.code, "title": entry.title, "institution": entry.institution}
        _send([(_("[%(code)s] Entry withdrawn") % context,
                _("The entry “%(title)s” (%(code)s) of %(institution)s was withdrawn by its unit.") % context,
                sorted(set(_innovators(entry) + _verifiers(entry))))])


def extension_granted(extension) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {"institution": extension.institution, "edition": extension.edition,
                   "until": format_deadline(extension.until), "reason": extension.reason}
        recipients = list(
            User.objects.filter(is_active=True)
            .filter(institution=extension.institution).values_list("email", flat=True)
        ) + list(User.objects.filter(is_active=True, verified_institution=extension.institution).values_list("email", flat=True))
        _send([(_("Deadline extended for %(institution)s") % context,
                _("The organiser of %(edition)s extended the deadline for sending entries of %(institution)s "
                  "until %(until)s.\n\nReason: %(reason)s") % context,
                sorted(set(recipients)))])


# Before the deadline, the makers of unsent drafts are reminded this many days ahead (the beat runs it daily).
REMINDER_DAYS = (7, 3, 1)


def remind_unsent_drafts(today=None) -> int:
    """E-mail the makers of each draft whose unit's deadline is 7, 3 or 1 days away. Returns how many drafts.

    Each unit's own deadline counts (a granted extension moves it). Run once a day: a draft hears at most once
    per threshold, and a second run on the same day is recognised by the shared cache and sends nothing.
    """
    from django.core.cache import caches
    from django.utils import timezone

    from sayembara.editions.models import Edition

    from .deadlines import submission_deadlines
    from .models import Entry

    today = today or timezone.localdate()
    reminded = 0
    for edition in Edition.objects.filter(status=Edition.Status.OPEN):
        drafts = list(Entry.objects.filter(edition=edition, status=Entry.Status.DRAFT)
                      .select_related("created_by", "institution"))
        deadlines = submission_deadlines(edition, {d.institution_id for d in drafts})
        messages = []
        for entry in drafts:
            deadline = deadlines.get(entry.institution_id)
            days = (timezone.localtime(deadline).date() - today).days if deadline else None
            if days not in REMINDER_DAYS or not caches["shared"].add(f"draft-reminder:{entry.pk}:{days}:{today}", 1,
                                                                       timeout=2 * 24 * 3600):
                continue
            with translation.override(settings.LANGUAGE_CODE):
                messages.append((
                    _("%(days)s days left to send “%(title)s”") % {"days": days, "title": entry.title},
                    _("Your entry “%(title)s” (%(code)s) is still a draft. It can be sent until %(deadline)s: "
                      "%(link)s") % {"title": entry.title, "code": entry.code, "deadline": format_deadline(deadline),
                                     "link": _link(entry)},
                    _innovators(entry),
                ))
            reminded += 1
        _send(messages)
    return reminded
