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
