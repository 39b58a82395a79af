"""Creating and revoking the organiser's API tokens (the only writes of the API app)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sayembara.errors import DomainError

from . import rules
from .models import ApiToken

KEY_PREFIX = "sk_"
# Tokens a person may hold at once: enough for a few scripts, not a way to fill a table.
MAX_ACTIVE_TOKENS = 10


class ApiError(DomainError):
    """A refused token action."""


@dataclass
class NewToken:
    token: ApiToken
    key: str  # shown once, never stored


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def create_token(user, name: str) -> NewToken:
    if not rules.can_manage_tokens(user):
        raise ApiError(_("Only the organiser may create API tokens."))
    name = " ".join((name or "").split())[:80]
    if not name:
        raise ApiError(_("Give the token a name, e.g. the program that will use it."))
    if ApiToken.objects.filter(user=user, revoked_at__isnull=True).count() >= MAX_ACTIVE_TOKENS:
        raise ApiError(_("You already have %(n)s active tokens: revoke one first.") % {"n": MAX_ACTIVE_TOKENS})
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=key[: len(KEY_PREFIX) + 5], digest=digest(key))
    return NewToken(token=token, key=key)


@transaction.atomic
def revoke_token(user, token: ApiToken) -> ApiToken:
    if token.user_id != user.pk or not rules.can_manage_tokens(user):
        raise ApiError(_("This token is not yours."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def token_for_key(key: str) -> ApiToken | None:
    """The active token of ``key`` with its user, or None."""
    if not key or len(key) > 200:
        return None
    return ApiToken.objects.select_related("user").filter(digest=digest(key), revoked_at__isnull=True).first()


# The last use is written at most this often per token (not on every request).
LAST_USED_EVERY_SECONDS = 300


def note_use(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > LAST_USED_EVERY_SECONDS:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
