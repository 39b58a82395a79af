"""The site's URLs plus views that fail, for the error page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from sayembara.urls import handler500, urlpatterns as site  # noqa: F401 - handler500 is read from this module


def boom(request):
    raise RuntimeError("a bug")


def suspicious(request):
    raise SuspiciousOperation("a malformed request")


def denied(request):
    raise PermissionDenied


urlpatterns = [*site, path("test-errors/500/", boom), path("test-errors/400/", suspicious), path("test-errors/403/", denied)]
