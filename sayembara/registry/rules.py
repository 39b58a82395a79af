"""Who may do what in the registry: its rulebook.

An innovation belongs to its unit: the unit's approved members and its
verifier own it (follow-ups, help requests, unpublished pages); the organiser
sees everything; the public sees what is published.
"""

from __future__ import annotations

import rules

from sayembara.accounts.rules import is_member, is_organiser, is_verifier


def units_of(user) -> set[int]:
    """The participating units ``user`` acts for: the approved membership's and the verified one."""
    if not user.is_authenticated:
        return set()
    units = set()
    if is_member(user):
        units.add(user.institution_id)
    if is_verifier(user):
        units.add(user.verified_institution_id)
    return units


@rules.predicate
def is_owner(user, innovation) -> bool:
    return innovation is not None and innovation.institution_id in units_of(user)


@rules.predicate
def is_public(user, innovation) -> bool:
    record = getattr(innovation, "registry_record", None) if innovation is not None else None
    return bool(record and record.is_public)


@rules.predicate
def owns_follow_up(user, follow_up) -> bool:
    return follow_up is not None and follow_up.innovation.institution_id in units_of(user)


@rules.predicate
def acts_for_a_unit(user, obj=None) -> bool:
    return bool(units_of(user))


@rules.predicate
def acts_for_unit(user, institution) -> bool:
    return institution is not None and institution.pk in units_of(user)


can_see_private_innovation = is_organiser | is_owner
# An innovation's IID profile and evidence are its unit's working file: the unit and the organiser, not the public.
can_edit_iid_profile = is_organiser | is_owner
can_see_unit_iid = is_organiser | acts_for_unit
can_record_outcome = is_organiser
can_answer_follow_up = is_organiser | owns_follow_up
can_record_replication = acts_for_a_unit
can_manage_registry = is_organiser

rules.add_perm("registry.see_private_innovation", can_see_private_innovation)
rules.add_perm("registry.answer_follow_up", can_answer_follow_up)
rules.add_perm("registry.record_replication", can_record_replication)
rules.add_perm("registry.manage", can_manage_registry)
rules.add_perm("registry.edit_iid_profile", can_edit_iid_profile)
rules.add_perm("registry.see_unit_iid", can_see_unit_iid)
rules.add_perm("registry.record_outcome", can_record_outcome)
