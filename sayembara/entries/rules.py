"""Who may do what with entries: the entries app's rulebook.

Views, services and templates ask these predicates (templates through
``{% has_perm "entries.edit_entry" user entry as can_edit %}``); nothing else
decides access to an entry. A unit's entries belong to the unit: only its
approved members (``User.institution``, set by an approved membership) and
its verifier see them, and the organiser sees all.
"""

from __future__ import annotations

import rules
from django.db.models import Q, QuerySet

from sayembara.accounts.rules import is_member, is_organiser, is_verifier, is_verifier_of, unit_has_verifier

from .models import Entry

EDITABLE = {Entry.Status.DRAFT, Entry.Status.RETURNED}
WITHDRAWABLE = {Entry.Status.DRAFT, Entry.Status.SENT, Entry.Status.RETURNED, Entry.Status.VERIFIED}


def visible_entries(user) -> QuerySet[Entry]:
    """The entries ``user`` may open: organisers all, a verifier their unit's, a member their unit's."""
    if not user.is_authenticated:
        return Entry.objects.none()
    if is_organiser(user):
        return Entry.objects.all()
    condition = Q(pk__in=[])
    if is_verifier(user):
        condition |= Q(institution_id=user.verified_institution_id)
    if is_member(user):
        condition |= Q(institution_id=user.institution_id)
    return Entry.objects.filter(condition)


@rules.predicate
def is_member_of_entry_unit(user, entry) -> bool:
    return entry is not None and is_member(user) and user.institution_id == entry.institution_id


@rules.predicate
def is_verifier_of_entry_unit(user, entry) -> bool:
    return entry is not None and is_verifier_of(user, entry.institution_id)


@rules.predicate
def is_editable(user, entry) -> bool:
    return entry is not None and entry.status in EDITABLE


@rules.predicate
def is_withdrawable(user, entry) -> bool:
    return entry is not None and entry.status in WITHDRAWABLE


@rules.predicate
def unit_without_verifier(user, entry) -> bool:
    return entry is not None and not unit_has_verifier(entry.institution_id)


can_view_entry = is_organiser | is_verifier_of_entry_unit | is_member_of_entry_unit
can_start_entry = is_member
can_edit_entry = is_member_of_entry_unit & is_editable
can_withdraw_entry = is_member_of_entry_unit & is_withdrawable
# A unit without a verifier is not a dead end: the organiser verifies on its behalf (recorded as such).
can_verify_entry = is_verifier_of_entry_unit | (is_organiser & unit_without_verifier)
can_screen_entry = is_organiser
can_manage_entries = is_organiser

rules.add_perm("entries.view_entry", can_view_entry)
rules.add_perm("entries.start_entry", can_start_entry)
rules.add_perm("entries.edit_entry", can_edit_entry)
rules.add_perm("entries.withdraw_entry", can_withdraw_entry)
rules.add_perm("entries.verify_entry", can_verify_entry)
rules.add_perm("entries.screen_entry", can_screen_entry)
rules.add_perm("entries.manage_entries", can_manage_entries)
