"""Joining a unit: a request, a yes or no from the unit's verifier (or the organiser), and an end.

``User.institution`` mirrors the one approved membership, so every scope that
reads it (entries, evidence, follow-ups, the registry) sees approved members
only. Every write here goes through the audit trail.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as
from sayembara.errors import DomainError
from sayembara.institutions.models import Institution

from . import rules
from .models import Membership, User


class MembershipError(DomainError):
    """A membership step that cannot be taken, with a message for the user."""


def verifiers_of(institution_id: int) -> QuerySet[User]:
    return User.objects.filter(verified_institution_id=institution_id, is_active=True)


def organisers() -> QuerySet[User]:
    return User.objects.filter(is_active=True, is_organiser=True)


def deciders_of(institution_id: int) -> tuple[list[User], bool]:
    """Who says yes or no for this unit: its verifiers, or the organisers when it has none (``True``)."""
    verifiers = list(verifiers_of(institution_id))
    if verifiers:
        return verifiers, False
    return list(organisers()), True


def open_membership(user: User) -> Membership | None:
    return (
        Membership.objects.filter(user=user, status__in=[Membership.Status.PENDING, Membership.Status.APPROVED])
        .select_related("institution")
        .first()
    )


def _mail(recipients: list[str], subject: str, body: str) -> None:
    if recipients:
        # A subject is one line whatever the names in it hold.
        send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, sorted(set(recipients)))


@transaction.atomic
def request_membership(user: User, institution: Institution, link: str = "") -> Membership:
    """The person asks to join ``institution``; the deciders are told. Naming a unit grants nothing yet."""
    if not institution.type.participates or not institution.active:
        raise MembershipError(_("This unit does not take part in the competition."))
    current = open_membership(user)
    if current is not None and current.status == Membership.Status.APPROVED:
        if current.institution_id == institution.pk:
            return current
        raise MembershipError(_("You are already a member of %(unit)s. Ask its verifier or the organiser to end that "
                                "membership first.") % {"unit": current.institution})
    with acting_as(user, note=_("Asked to join a unit")):
        if current is not None:
            if current.institution_id == institution.pk:
                return current
            # A different unit chosen while waiting: the earlier request is withdrawn.
            current.status = Membership.Status.ENDED
            current.decided_at = timezone.now()
            current.decided_by = user
            current.reason = _("Withdrawn by the person, who asked for another unit")
            current.save()
        membership = Membership.objects.create(user=user, institution=institution)
    deciders, organiser_instead = deciders_of(institution.pk)
    with translation.override(settings.LANGUAGE_CODE):
        _mail([d.email for d in deciders],
              _("%(name)s asks to join %(unit)s") % {"name": user.full_name or user.email, "unit": institution},
              _("%(name)s (%(email)s, %(position)s) asks to join %(unit)s in the Public Service Innovation "
                "Competition. Until you approve, this person sees nothing of the unit's entries.%(instead)s\n\n"
                "Approve or refuse here:\n%(link)s")
              % {"name": user.full_name, "email": user.email, "position": user.position or "-", "unit": institution,
                 "link": link,
                 "instead": ("\n\n" + _("The unit has no verifier, so the organiser decides on its behalf."))
                 if organiser_instead else ""})
    return membership


def _decide(membership: Membership, by: User, status: str, reason: str, note: str) -> Membership:
    if not rules.can_decide_membership(by, membership):
        raise PermissionDenied
    membership = Membership.objects.select_for_update().select_related("user", "institution").get(pk=membership.pk)
    if membership.status != Membership.Status.PENDING:
        raise MembershipError(_("This request was already decided (%(status)s).") % {"status": membership.get_status_display()})
    with acting_as(by, note=note):
        membership.status = status
        membership.decided_at = timezone.now()
        membership.decided_by = by
        membership.on_behalf = not rules.is_verifier_of(by, membership.institution_id)
        membership.reason = reason.strip()[:500]
        membership.save()
        if status == Membership.Status.APPROVED:
            user = membership.user
            user.institution = membership.institution
            user.save(update_fields=["institution"])
    return membership


@transaction.atomic
def approve(membership: Membership, by: User) -> Membership:
    membership = _decide(membership, by, Membership.Status.APPROVED, "", _("Membership approved"))
    with translation.override(settings.LANGUAGE_CODE):
        _mail([membership.user.email], _("You are now a member of %(unit)s") % {"unit": membership.institution},
              _("%(by)s approved your request to join %(unit)s. You can now see the unit's entries and start new ones.")
              % {"by": by.full_name or by.email, "unit": membership.institution})
    return membership


@transaction.atomic
def refuse(membership: Membership, by: User, reason: str) -> Membership:
    if not reason.strip():
        raise MembershipError(_("Say why the request is refused; the person is told."))
    membership = _decide(membership, by, Membership.Status.REFUSED, reason, _("Membership refused"))
    with translation.override(settings.LANGUAGE_CODE):
        _mail([membership.user.email], _("Your request to join %(unit)s was refused") % {"unit": membership.institution},
              _("Your request to join %(unit)s was refused: %(reason)s") % {"unit": membership.institution,
                                                                             "reason": membership.reason})
    return membership


@transaction.atomic
def end(membership: Membership, by: User, reason: str) -> Membership:
    """End a standing membership: the person loses access to the unit's entries at once."""
    if not rules.can_decide_membership(by, membership):
        raise PermissionDenied
    if not reason.strip():
        raise MembershipError(_("Say why the membership ends; it is recorded."))
    membership = Membership.objects.select_for_update().select_related("user", "institution").get(pk=membership.pk)
    if membership.status != Membership.Status.APPROVED:
        raise MembershipError(_("Only a standing membership can be ended."))
    with acting_as(by, note=_("Membership ended")):
        membership.status = Membership.Status.ENDED
        membership.decided_at = timezone.now()
        membership.decided_by = by
        membership.on_behalf = not rules.is_verifier_of(by, membership.institution_id)
        membership.reason = reason.strip()[:500]
        membership.save()
        user = membership.user
        if user.institution_id == membership.institution_id:
            user.institution = None
            user.verified_institution = None if user.verified_institution_id == membership.institution_id else user.verified_institution
            user.save(update_fields=["institution", "verified_institution"])
    return membership


def grant(user: User, institution: Institution, by: User | None, reason: str = "") -> Membership:
    """An approval given in advance: an invitation by the verifier or organiser, or the demo's accounts."""
    with acting_as(by, note=reason or _("Invited to the unit")):
        membership = Membership.objects.create(
            user=user, institution=institution, status=Membership.Status.APPROVED, decided_at=timezone.now(),
            decided_by=by, by_invitation=by is not None, reason=reason,
        )
        if user.institution_id != institution.pk:
            user.institution = institution
            user.save(update_fields=["institution"])
    return membership


def pending_for(user: User) -> QuerySet[Membership]:
    """The requests ``user`` may decide: their unit's, and, for organisers, those of units without a verifier."""
    pending = Membership.objects.filter(status=Membership.Status.PENDING).select_related("user", "institution")
    if rules.is_organiser(user):
        return pending.filter(~Exists(User.objects.filter(verified_institution=OuterRef("institution"), is_active=True)))
    if user.verified_institution_id:
        return pending.filter(institution_id=user.verified_institution_id)
    return pending.none()


def members_of(institution_id: int) -> QuerySet[Membership]:
    return Membership.objects.filter(institution_id=institution_id, status=Membership.Status.APPROVED).select_related("user")


def units_without_verifier_with_entries() -> QuerySet[Institution]:
    """Units that have entries but nobody to verify them: the organiser verifies on their behalf."""
    has_verifier = User.objects.filter(verified_institution=OuterRef("pk"), is_active=True)
    return (
        Institution.objects.filter(type__participates=True)
        .annotate(entry_count=Count("entries", distinct=True))
        .filter(entry_count__gt=0)
        .exclude(Exists(has_verifier))
        .order_by("name")
    )
