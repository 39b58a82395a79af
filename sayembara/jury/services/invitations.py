"""Inviting jurors by e-mail, accepting the invitation and the jury's code of conduct."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sayembara.accounts.services import accept_invited_account, invited_account
from sayembara.editions.models import Edition
from sayembara.links import absolute

from ..models import Juror


def invite_juror(edition: Edition, email: str, full_name: str, element: str, affiliation=None, max_load=None,
                 expertise=(), by=None) -> Juror:
    """Create (or reuse) the person's account and juror role, and e-mail them an invitation link."""
    # A juror's affiliation is not a unit membership: the account gives no access to any unit's entries.
    user, _created = invited_account(email, full_name)
    juror, _created = Juror.objects.get_or_create(
        edition=edition, user=user, defaults={"element": element, "affiliation": affiliation, "max_load": max_load}
    )
    juror.element, juror.affiliation, juror.max_load = element, affiliation, max_load
    juror.invitation_token = secrets.token_urlsafe(32)
    juror.invited_at = timezone.now()
    juror.save()
    juror.expertise.set(expertise)
    _send_invitation(juror, user, edition)
    return juror


def _send_invitation(juror: Juror, user, edition: Edition) -> None:
    link = absolute(reverse("jury:invitation", kwargs={"token": juror.invitation_token}))
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Invitation to the jury of %(edition)s") % {"edition": edition}
        body = _(
            "Dear %(name)s,\n\nThe organising committee invites you to sit on the jury of %(edition)s as a member "
            "of the %(element)s element. Open this link to accept the invitation and the jury's code of conduct:\n"
            "%(link)s\n\nThank you,\nThe organising committee"
        ) % {"name": user.full_name, "edition": edition, "element": juror.get_element_display(), "link": link}
    send_mail(subject, body, None, [user.email])


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
        accept_invited_account(user, password)
    juror.invitation_accepted_at = timezone.now()
    juror.invitation_token = ""
    juror.save(update_fields=["invitation_accepted_at", "invitation_token"])


def accept_code_of_conduct(juror: Juror) -> None:
    if juror.code_of_conduct_accepted_at is None:
        juror.code_of_conduct_accepted_at = timezone.now()
        juror.save(update_fields=["code_of_conduct_accepted_at"])

