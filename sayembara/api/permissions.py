"""DRF permissions asking the API's rulebook (``api/rules.py``)."""

from rest_framework.permissions import BasePermission

from . import rules


class IsOrganiser(BasePermission):
    """The organiser's exports: the same predicate as the organiser's pages; a valid token of anyone else is 403."""

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and rules.can_export(request.user))
