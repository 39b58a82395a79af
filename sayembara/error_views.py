"""The pages shown when something goes wrong, in the app's style: 500 and the CSRF failure.

400, 403 and 404 use Django's own handlers, which render ``400.html``, ``403.html`` and ``404.html``
(``sayembara/templates``) with the request, so they speak the visitor's language and show the menu.
The 500 page must work when the database or anything else is down: it is rendered without the request
(no context processors, no query), in Indonesian with the English beneath, and falls back to plain text
if even that fails.
"""

import logging

from django.http import HttpResponseForbidden, HttpResponseServerError
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

PLAIN_500 = ("Terjadi kesalahan di sisi kami. Silakan coba lagi beberapa menit lagi.\n"
             "Something went wrong on our side. Please try again in a few minutes.\n")


def _safely(make, default):
    try:
        return make()
    except Exception:  # noqa: BLE001 - the error page must not fail on a missing manifest or URL
        return default


@requires_csrf_token
def server_error(request, template_name="500.html"):
    context = {
        "css": _safely(lambda: static("sayembara/app.css"), ""),
        "home": _safely(lambda: reverse("home"), "/"),
    }
    try:
        body = loader.get_template(template_name).render(context)
    except Exception:  # noqa: BLE001
        logger.exception("The 500 page could not be rendered")
        return HttpResponseServerError(PLAIN_500, content_type="text/plain; charset=utf-8")
    return HttpResponseServerError(body)


def csrf_failure(request, reason="", template_name="403_csrf.html"):
    """CSRF_FAILURE_VIEW: the form was refused; say what to do (reload, send again: nothing saved is lost)."""
    referer = request.META.get("HTTP_REFERER", "")
    back = referer if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()) else ""
    context = {"reason": reason, "no_cookie": reason == REASON_NO_CSRF_COOKIE, "back": back}
    return HttpResponseForbidden(loader.get_template(template_name).render(context, request))
