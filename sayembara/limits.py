"""Request body limits, enforced before anything reads the body.

Django streams uploaded files to disk with no size limit of its own
(``DATA_UPLOAD_MAX_MEMORY_SIZE`` covers form fields only), so a 300 MB body
would be received in full before any form could refuse the file. This
middleware, early in ``MIDDLEWARE`` (before anything that reads the body),
answers 413 at once when the declared
``Content-Length`` exceeds ``REQUEST_MAX_BYTES``; a body sent without a
length (chunked) is wrapped so that no more than the limit can be read.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _


class RequestBodyTooLarge(RequestDataTooBig):
    """A body without Content-Length went past ``REQUEST_MAX_BYTES`` while being read."""


class CappedInput:
    """A ``wsgi.input`` that yields at most ``limit`` bytes and raises if the client sends more."""

    def __init__(self, stream, limit: int):
        self.stream = stream
        self.limit = limit
        self.consumed = 0

    def _take(self, data: bytes) -> bytes:
        self.consumed += len(data)
        if self.consumed > self.limit:
            raise RequestBodyTooLarge(f"request body larger than {self.limit} bytes")
        return data

    def _allowed(self, size: int | None) -> int:
        # One byte beyond the limit is asked for, so that a longer body is noticed rather than silently cut.
        left = self.limit + 1 - self.consumed
        return left if size is None or size < 0 else min(size, left)

    def read(self, size: int | None = -1) -> bytes:
        return self._take(self.stream.read(self._allowed(size)))

    def readline(self, size: int | None = -1) -> bytes:
        return self._take(self.stream.readline(self._allowed(size)))

    def __iter__(self):
        while line := self.readline():
            yield line


def _language(request) -> str:
    # The same choice as sayembara.middleware.LanguageMiddleware, which runs later.
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return code if code in {c for c, _name in settings.LANGUAGES} else settings.LANGUAGE_CODE


def too_large_response(request, limit: int) -> HttpResponse:
    """A short 413 page in the visitor's language (a bare message for htmx requests, which swap it in place)."""
    code = _language(request)
    with translation.override(code):
        title = _("The file is too large")
        message = _(
            "At most %(limit)s can be sent at once, and each file may be at most %(file_limit)s. Nothing was "
            "received or saved: go back, choose a smaller file (scan at a lower resolution or split it) and send it again."
        ) % {"limit": filesizeformat(limit), "file_limit": filesizeformat(settings.UPLOAD_MAX_BYTES)}
    if request.headers.get("HX-Request") == "true":
        body = format_html('<p class="errorlist" role="alert" data-testid="request-too-large">{} {}</p>', title + ".", message)
    else:
        body = format_html(
            '<!doctype html><html lang="{}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>{} · Sayembara</title></head>'
            '<body><main><h1>{}</h1><p role="alert" data-testid="request-too-large">{}</p></main></body></html>',
            code, title, title, message,
        )
    response = HttpResponse(body, status=413, content_type="text/html; charset=utf-8")
    response["Content-Language"] = code
    return response


class RequestSizeLimitMiddleware:
    """Answer 413 when the declared body is larger than ``REQUEST_MAX_BYTES``; cap bodies of unknown length."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.REQUEST_MAX_BYTES
        declared = request.META.get("CONTENT_LENGTH")
        try:
            length = int(declared) if declared not in (None, "") else None
        except ValueError:
            length = None
        if length is not None and length > limit:
            return too_large_response(request, limit)
        if length is None and "wsgi.input" in request.META:
            # No length (chunked). Django itself then reads no body at all (its stream is limited to the
            # declared length, 0); anything reading the raw input gets at most the limit.
            request.META["wsgi.input"] = CappedInput(request.META["wsgi.input"], limit)
        return self.get_response(request)
