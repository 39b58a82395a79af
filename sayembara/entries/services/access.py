"""Who sees and edits which entry, which editions take entries, and which categories a unit may enter."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from sayembara.editions.models import Edition

from .. import rules
from ..models import Entry, EntrySettings
from .errors import EntryError

EDITABLE = rules.EDITABLE
WITHDRAWABLE = rules.WITHDRAWABLE


def entries_visible_to(user) -> QuerySet[Entry]:
    return rules.visible_entries(user)


def can_edit(entry: Entry, user) -> bool:
    return rules.can_edit_entry(user, entry)


def require_editable(entry: Entry, user) -> None:
    if not rules.can_edit_entry(user, entry):
        if rules.can_view_entry(user, entry) and entry.status not in EDITABLE:
            raise EntryError(
                _("This entry is “%(status)s” and can no longer be changed.") % {"status": entry.get_status_display()}
            )
        raise PermissionDenied


def open_editions() -> QuerySet[Edition]:
    return Edition.objects.filter(status=Edition.Status.OPEN).order_by("-year")


def settings_for(edition: Edition) -> EntrySettings:
    found = EntrySettings.objects.filter(edition=edition).first()
    return found or EntrySettings(edition=edition)


def category_refusal(category, institution) -> str | None:
    """Why ``institution`` may not enter ``category`` (a village in the OPD/BUMD category), or None when it may."""
    if category is None or category.is_open_to(institution):
        return None
    kinds = ", ".join(str(t) for t in category.institution_types.all())
    return _("The category “%(category)s” is for %(kinds)s only, and your unit is of the kind “%(kind)s”. "
             "Choose a category open to your unit.") % {"category": category, "kinds": kinds, "kind": institution.type}
