"""Proving who someone is: login names for throttling, confirmation and invitation links.

Links are signed, carry a hash of the account's password and state, and expire:
once a password is chosen or the account is activated, the same link no longer
works (single use), and after their lifetime they never do.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

CONFIRM_SALT = "sayembara.accounts.confirm"
INVITATION_SALT = "sayembara.accounts.invitation"


def login_username(request, credentials) -> str:
    """What the login throttle counts: the account the typed address finds, however it is spelt.

    Logins match addresses case-insensitively in the database, and PostgreSQL folds look-alike letters
    ("ı", "ſ") that Python's ``lower()`` keeps: counting the text typed would give each spelling its own
    budget of guesses. Addresses that find no account count as typed, trimmed and lower-cased.
    """
    from .models import User

    credentials = credentials or {}
    value = credentials.get("username") or credentials.get("email") or ""
    if not value and request is not None and hasattr(request, "POST"):
        value = request.POST.get("username", "")
    value = str(value).strip()
    if value and len(value) <= 254:
        found = User.objects.filter(email__iexact=value).values_list("pk", flat=True).first()
        if found is not None:
            return f"user:{found}"
    return value.lower()


def _state(user) -> str:
    # Changes when the password is set, the account is activated or the address confirmed: the link is then spent.
    return salted_hmac(
        "sayembara.accounts.state",
        f"{user.pk}|{user.password}|{user.is_active}|{user.email_confirmed_at}|{user.email}|{user.registration_pending}",
    ).hexdigest()[:20]


def _make(user, salt: str) -> str:
    return signing.dumps({"u": user.pk, "s": _state(user)}, salt=salt, compress=True)


def _check(token: str, salt: str, max_age: dt.timedelta):
    from .models import User

    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
        user = User.objects.get(pk=int(data["u"]))
    except (signing.BadSignature, User.DoesNotExist, KeyError, TypeError, ValueError):
        return None
    return user if constant_time_compare(str(data.get("s", "")), _state(user)) else None


def unconfirmed_max_age() -> dt.timedelta:
    return dt.timedelta(days=settings.UNCONFIRMED_MAX_AGE_DAYS)


def invitation_max_age() -> dt.timedelta:
    return dt.timedelta(days=settings.INVITATION_MAX_AGE_DAYS)


def confirmation_token(user) -> str:
    return _make(user, CONFIRM_SALT)


def user_from_confirmation(token: str):
    return _check(token, CONFIRM_SALT, unconfirmed_max_age())


def invitation_token(user) -> str:
    return _make(user, INVITATION_SALT)


def user_from_invitation(token: str):
    return _check(token, INVITATION_SALT, invitation_max_age())


def is_unconfirmed(user) -> bool:
    """A self-registration whose address is not confirmed yet (never an account suspended by the organiser)."""
    return user.registration_pending and not user.is_active


def is_expired_registration(user, now: dt.datetime | None = None) -> bool:
    return is_unconfirmed(user) and user.date_joined < (now or timezone.now()) - unconfirmed_max_age()
