"""TEMPORARY shim; replaced by the uploads-exports branch's throttle module at merge."""
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _


def client_ip(request) -> str:
    count = getattr(settings, "PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR", "")
    if count:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= count:
            return hops[-count]
    return remote


def hit(request, scope, limit, period) -> bool:
    if request.method != "POST":
        return False
    key = f"throttle:{scope}:{client_ip(request)}"
    cache.add(key, 0, period)
    try:
        n = cache.incr(key)
    except ValueError:
        cache.set(key, 1, period)
        n = 1
    return n > limit


def refused(request, template, context):
    from django.contrib import messages

    messages.error(request, _("Too many attempts from your address. Wait a while and try again."))
    return render(request, template, context, status=429)
