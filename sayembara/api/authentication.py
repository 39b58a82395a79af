"""``Authorization: Token <key>``: the organiser's API tokens (only their digests are stored)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from . import services


class ApiTokenAuthentication(TokenAuthentication):
    """DRF's token scheme (same header, same 401 answers) over :class:`~sayembara.api.models.ApiToken`."""

    keyword = "Token"

    def authenticate_credentials(self, key):
        token = services.token_for_key(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        services.note_use(token)
        return token.user, token
