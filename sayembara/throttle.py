"""Rate limits for public forms, counted per client address in Django's cache.

    from sayembara import throttle

    if not throttle.hit(request, f"objection:{year}", settings.OBJECTIONS_PER_HOUR, 3600):
        ...  # refuse politely, with status 429

or, for a whole view, ``@throttle.limit_posts("register", 10, 3600)``. Only
POST requests are counted; the window is fixed (it starts with the first
counted request) and shared by all workers when the cache is shared (Redis).
"""

from __future__ import annotations

import functools
import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _


def client_ip(request) -> str:
    """The client's address, trusting ``PROXY_COUNT`` proxies in front of the app.

    Each trusted proxy appends the address it received the request from to
    X-Forwarded-For, so the client is the entry ``PROXY_COUNT`` places from
    the right; anything further left was written by the client and is ignored.
    Without proxies (or without a usable header) it is ``REMOTE_ADDR``.
    """
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    count = getattr(settings, "PROXY_COUNT", 0) or 0
    if count <= 0:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    if len(hops) < count:
        return remote
    candidate = hops[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def client_ip_or_none(request) -> str | None:
    """The client's address for django-axes, which stores it in an address column: ``None`` when unknown
    (a login made inside the server, such as a test's ``force_login``, has no client address)."""
    address = client_ip(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def _key(scope: str, ip: str) -> str:
    # Hashed: cache keys stay short and free of characters memcached refuses (IPv6 colons, spaces in scopes).
    return "throttle:" + hashlib.sha256(f"{scope}|{ip}".encode()).hexdigest()[:32]


def hit(request, scope: str, limit: int, period_seconds: int, client: str | None = None) -> bool:
    """Count one POST from this client in ``scope``; False once more than ``limit`` were made within the period.

    GET and other safe requests are not counted and always allowed. A
    ``limit`` of 0 or less switches the limit off.
    """
    if request.method != "POST" or limit <= 0:
        return True
    # ``client`` counts something other than the address, e.g. the e-mail address a reset is asked for.
    key = _key(scope, client if client is not None else client_ip(request))
    cache.add(key, 0, timeout=period_seconds)  # atomic: only the first request of a window creates the counter
    try:
        count = cache.incr(key)
    except ValueError:  # the counter expired between add and incr: this request opens a new window
        cache.add(key, 1, timeout=period_seconds)
        count = 1
    return count <= limit


def message(limit: int, period_seconds: int) -> str:
    """The refusal, in the user's language: how many submissions are allowed in how long."""
    minutes = max(1, round(period_seconds / 60))
    return _("Too many submissions from your connection: at most %(limit)s in %(minutes)s minutes.") % {
        "limit": limit, "minutes": minutes}


def form_refusal(limit: int, period_seconds: int) -> str:
    """The refusal for a form shown again with what the user typed."""
    return message(limit, period_seconds) + " " + _("What you wrote is kept below; please send it again later.")


def too_many_requests(request, limit: int, period_seconds: int):
    """A 429 page in the user's language, for views that have no form to show again."""
    text = message(limit, period_seconds) + " " + _("Please try again later.")
    response = render(request, "429.html", {"message": text}, status=429)
    response["Retry-After"] = str(period_seconds)
    return response


def limit_posts(scope: str, limit: int, period_seconds: int):
    """Decorator: answer 429 to POSTs beyond ``limit`` per client address and period. ``limit`` may be a
    callable (read at request time, e.g. ``lambda: settings.REGISTRATIONS_PER_HOUR``)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            allowed = limit() if callable(limit) else limit
            if not hit(request, scope, allowed, period_seconds):
                return too_many_requests(request, allowed, period_seconds)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
