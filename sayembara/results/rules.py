"""Who may do what with results: the results app's rulebook.

The ranking desk, documents and decisions are the organiser's. An entry's own
papers (its feedback letter and certificates) go to its unit, its current
members on the team and its verifier, and only once the results are public:
before that they would leak a draft rank and scores.
"""

from __future__ import annotations

import rules

from sayembara.accounts.rules import is_member, is_organiser, is_verifier_of


@rules.predicate
def is_unit_of_entry(user, entry) -> bool:
    if entry is None or not user.is_authenticated:
        return False
    if is_verifier_of(user, entry.institution_id):
        return True
    # A team member who has since left the unit no longer receives its papers.
    return bool(is_member(user) and user.institution_id == entry.institution_id
                and entry.team.filter(user=user).exists())


@rules.predicate
def results_are_public(user, entry) -> bool:
    return entry is not None and entry.edition.results_are_public


can_manage_results = is_organiser
can_see_entry_papers = is_organiser | (is_unit_of_entry & results_are_public)

rules.add_perm("results.manage", can_manage_results)
rules.add_perm("results.see_entry_papers", can_see_entry_papers)
