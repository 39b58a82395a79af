"""Who may do what with people and units: the accounts app's rulebook.

Each rule is a ``rules`` predicate: views and services call it directly
(``can_decide_membership(user, membership)``) and templates ask it through
``{% has_perm "accounts.decide_membership" user membership as can %}``.
"""

from __future__ import annotations

import rules

from .roles import INNOVATOR, ORGANISER, VERIFIER, roles_of


@rules.predicate
def is_organiser(user, obj=None) -> bool:
    return ORGANISER in roles_of(user)


@rules.predicate
def is_verifier(user, obj=None) -> bool:
    return VERIFIER in roles_of(user)


@rules.predicate
def is_member(user, obj=None) -> bool:
    """An approved member of a participating unit (an innovator)."""
    return INNOVATOR in roles_of(user)


def is_verifier_of(user, institution_id) -> bool:
    return bool(user.is_authenticated and user.verified_institution_id and user.verified_institution_id == institution_id)


def unit_has_verifier(institution_id) -> bool:
    from .models import User

    return User.objects.filter(verified_institution_id=institution_id, is_active=True).exists()


@rules.predicate
def can_decide_membership(user, membership) -> bool:
    """The unit's verifier decides; the organiser may always (and does, for a unit without a verifier)."""
    if membership is None or not user.is_authenticated:
        return False
    return is_organiser(user) or is_verifier_of(user, membership.institution_id)


can_invite = is_organiser | is_verifier

rules.add_perm("accounts.decide_membership", can_decide_membership)
rules.add_perm("accounts.list_memberships", is_organiser | is_verifier)
rules.add_perm("accounts.invite", can_invite)
