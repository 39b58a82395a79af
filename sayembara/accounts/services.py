"""Accounts: registering, confirming an address, inviting a person to a unit, and expiring what was never used.

Registration never tells whether an address already has an account: the
answer on the page is always the same, and the address's owner is the one
told by e-mail.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as
from sayembara.links import absolute

from . import auth, membership
from .models import User


def _mail(to: str, subject: str, body: str) -> None:
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [to])


def unique_username(email: str) -> str:
    base = email.split("@")[0][:130] or "user"
    candidate, n = base, 1
    while User.objects.filter(username=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


def _send_confirmation(user: User) -> None:
    link = absolute(reverse("accounts:confirm", kwargs={"token": auth.confirmation_token(user)}))
    with translation.override(settings.LANGUAGE_CODE):
        _mail(user.email, _("Confirm your e-mail address"),
              _("Hello %(name)s,\n\nopen this link to confirm your e-mail address and activate your account "
                "(valid for %(days)s days):\n\n%(link)s\n\nIf you did not register, ignore this e-mail.")
              % {"name": user.full_name, "link": link, "days": settings.UNCONFIRMED_MAX_AGE_DAYS})


def register(email: str, full_name: str, password: str) -> None:
    """Create an unconfirmed account, or tell the address's owner what is going on. Same outcome on the page.

    Registering an address that waits for confirmation starts that registration afresh with the new name and
    password: whoever registered first cannot keep an address they do not own, because confirming asks for
    the password *and* needs the link that only the address's owner receives.
    """
    email = email.strip().lower()
    try:
        with transaction.atomic():
            _register(email, full_name, password)
    except IntegrityError:
        # Two registrations of one address at the same moment: the other one won; its owner gets the mail.
        pass


def _register(email: str, full_name: str, password: str) -> None:
    existing = User.objects.select_for_update().filter(email__iexact=email).first()
    if existing is not None and auth.is_unconfirmed(existing):
        # The newest registration wins: earlier links are spent (the password changed) and a new one is sent.
        existing.full_name = full_name.strip()
        existing.set_password(password)
        existing.date_joined = timezone.now()
        existing.save(update_fields=["full_name", "password", "date_joined"])
        _send_confirmation(existing)
        return
    if existing is not None:
        with translation.override(settings.LANGUAGE_CODE):
            _mail(existing.email, _("Someone tried to register with your address"),
                  _("Somebody tried to register a new account with this e-mail address, which already has one. "
                    "If it was you, log in, or choose a new password here:\n\n%(link)s\n\n"
                    "If it was not you, ignore this e-mail: nothing was changed.")
                  % {"link": absolute(reverse("accounts:password_reset"))})
        return
    user = User(email=email, username=unique_username(email), full_name=full_name.strip(), is_active=False,
                needs_profile=True, registration_pending=True)
    user.set_password(password)
    user.save()
    _send_confirmation(user)


def resend_confirmation(email: str) -> None:
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is not None and auth.is_unconfirmed(user) and not auth.is_expired_registration(user):
        _send_confirmation(user)


@transaction.atomic
def confirm(user: User) -> None:
    user.is_active = True
    user.registration_pending = False
    user.email_confirmed_at = timezone.now()
    user.save(update_fields=["is_active", "registration_pending", "email_confirmed_at"])


# --- Invitations ----------------------------------------------------------------------------------------------
# Two invitations make or reuse an account: a unit's (invite_member, a signed link for the account) and the jury's
# (jury.services.invitations, a stored link for one edition's juror role). Both make the account here and
# accept here, so what an invited account may do before and after acceptance is decided once.


def invited_account(email: str, full_name: str, **fields) -> tuple[User, bool]:
    """The account an invitation is for: the existing one of ``email``, or a new one with no usable password.

    Returns ``(user, created)``. A new account cannot sign in until its invitation is accepted.
    """
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return user, False
    user = User(email=email, username=unique_username(email), full_name=" ".join(full_name.split()), **fields)
    user.set_unusable_password()
    user.save()
    return user, True


def accept_invited_account(user: User, password: str) -> None:
    """The invited person's own password: the account is active and its address confirmed (the link reached it)."""
    user.set_password(password)
    user.is_active = True
    if user.email_confirmed_at is None:
        user.email_confirmed_at = timezone.now()
    user.save(update_fields=["password", "is_active", "email_confirmed_at"])


@transaction.atomic
def invite_member(inviter: User, email: str, full_name: str, institution, as_verifier: bool) -> User:
    """A new account for a person of ``institution``: the invitation is the unit's approval given in advance."""
    with acting_as(inviter, note=_("Invited")):
        user, created = invited_account(email, full_name, is_active=False, needs_profile=True)
        if not created:  # the form refuses a known address; a second request racing the first ends here
            raise membership.MembershipError(_("An account with this e-mail address already exists."))
        if as_verifier:
            user.verified_institution = institution
            user.save(update_fields=["verified_institution"])
    membership.grant(user, institution, by=inviter, reason=_("Invited to the unit"))
    link = absolute(reverse("accounts:invitation", kwargs={"token": auth.invitation_token(user)}))
    with translation.override(settings.LANGUAGE_CODE):
        _mail(user.email, _("Invitation to the Public Service Innovation Competition"),
              _("Hello %(name)s,\n\n%(inviter)s invites you to enter the innovations of %(unit)s in the competition. "
                "Open this link to choose your password (valid for %(days)s days, once):\n\n%(link)s")
              % {"name": user.full_name, "inviter": inviter.full_name, "unit": institution, "link": link,
                 "days": settings.INVITATION_MAX_AGE_DAYS})
    return user


@transaction.atomic
def accept_invitation(user: User, password: str) -> None:
    accept_invited_account(user, password)


def expire_unconfirmed(now=None) -> int:
    """Delete self-registrations never confirmed within their lifetime; returns how many."""
    now = now or timezone.now()
    removed = 0
    for user in User.objects.filter(registration_pending=True, is_active=False,
                                    date_joined__lt=now - auth.unconfirmed_max_age()):
        try:
            with transaction.atomic():
                user.delete()
        except ProtectedError:
            continue  # someone made it a juror meanwhile: kept, for the organiser to sort out
        removed += 1
    return removed
