from django.conf import settings
from django.http import HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.cache import patch_vary_headers


class LanguageMiddleware:
    """Indonesian unless the visitor chose otherwise with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language and
    show English to most office computers; the contest speaks Indonesian
    first, so only the explicit choice (a cookie) counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if code not in self.available:
            code = settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = code
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", code)
        return response


def _policy_header(directives) -> str:
    """``{"default-src": ["'self'"], "upgrade-insecure-requests": []}`` → ``default-src 'self'; upgrade-insecure-requests``."""
    return "; ".join(" ".join([name, *values]) for name, values in directives.items())


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response, from settings.

    ``CONTENT_SECURITY_POLICY`` (a dict of directive → sources) is sent as
    ``Content-Security-Policy``, or as ``Content-Security-Policy-Report-Only``
    while ``CONTENT_SECURITY_POLICY_REPORT_ONLY`` is true. ``PERMISSIONS_POLICY``
    (a dict of feature → allowlist, ``[]`` meaning nobody) is sent as
    ``Permissions-Policy``. An empty setting sends nothing; a view that set
    its own header keeps it. With DEBUG on, Django's technical 404 and 500
    pages (inline styles and scripts) go without the CSP.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        csp = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
        self.csp = _policy_header(csp) if csp else ""
        self.csp_header = (
            "Content-Security-Policy-Report-Only"
            if getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", False)
            else "Content-Security-Policy"
        )
        permissions = getattr(settings, "PERMISSIONS_POLICY", None) or {}
        self.permissions = ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in permissions.items())

    def __call__(self, request):
        response = self.get_response(request)
        if self.csp and not (settings.DEBUG and response.status_code in (404, 500)):
            response.headers.setdefault(self.csp_header, self.csp)
        if self.permissions:
            response.headers.setdefault("Permissions-Policy", self.permissions)
        return response


class RefuseNulMiddleware:
    """A NUL character in a query string or form field is never meant: answer 400 before any view runs.

    PostgreSQL refuses strings holding NUL, so a stray ``%00`` in a search box
    or a form would otherwise end as a server error wherever the value reaches
    the database. Uploaded files are not looked at, only the fields around them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        params = [request.GET]
        if request.method == "POST" and request.content_type in {"application/x-www-form-urlencoded", "multipart/form-data"}:
            try:
                params.append(request.POST)
            except MultiPartParserError:
                return HttpResponseBadRequest(_("The form could not be read. Please send it again."),
                                              content_type="text/plain; charset=utf-8")
        for query in params:
            for key, values in query.lists():
                if "\x00" in key or any("\x00" in value for value in values):
                    return HttpResponseBadRequest(
                        _("The request holds a character that is not allowed (NUL). Remove it and try again."),
                        content_type="text/plain; charset=utf-8",
                    )
        return self.get_response(request)


class FrozenResultMiddleware:
    """A change refused because published results are final becomes a page that says why (409), wherever it was
    attempted: a view, a form of the back office, a script behind a view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.shortcuts import render

        from sayembara.errors import Frozen

        if not isinstance(exception, Frozen):
            return None
        return render(request, "accounts/message.html", {
            "title": _("These results are final"), "text": str(exception)}, status=409)
