"""Absolute links for e-mails, shared texts and papers: one rule for the whole site.

``settings.SITE_URL`` when it is set (the public address of a deployment
behind a proxy); otherwise the address of the request being answered, which
:class:`SiteAddressMiddleware` remembers for the duration of the request. Work
outside a request (a management command, a worker) with no ``SITE_URL`` gets a
site-relative path.
"""

from __future__ import annotations

import contextvars

from django.conf import settings

_request: contextvars.ContextVar = contextvars.ContextVar("sayembara_request", default=None)


def absolute(path: str) -> str:
    """``path`` (from ``reverse``) as a full address."""
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/") + path
    request = _request.get()
    return request.build_absolute_uri(path) if request is not None else path


class SiteAddressMiddleware:
    """Remember the request being answered, so that links built deeper down need no request passed around."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
