"""Who may use the API: its rulebook, built from the other apps' predicates (no new notion of access).

The public endpoints show what the public pages show: the registry's public records
(``registry.rules.is_public``), editions that are not drafts, results once
``Edition.results_are_public`` (as ``results.rules.results_are_public`` asks of an entry) and never an
entry named with its unit while ``Edition.makers_hidden``. The export endpoints and the token page are the
organiser's, as the organiser's pages are (``accounts.rules.is_organiser``).
"""

from __future__ import annotations

import rules

from sayembara.accounts.rules import is_organiser
from sayembara.registry.rules import is_public as innovation_is_public


@rules.predicate
def edition_results_public(user, edition) -> bool:
    """The edition's final result is published and public, and no blind stage keeps its makers hidden."""
    return (
        edition is not None
        and edition.status != edition.Status.DRAFT
        and edition.results_are_public
        and not edition.makers_hidden
    )


can_read_innovation = innovation_is_public
can_read_results = edition_results_public
can_export = is_organiser
can_manage_tokens = is_organiser

rules.add_perm("api.read_innovation", can_read_innovation)
rules.add_perm("api.read_results", can_read_results)
rules.add_perm("api.export", can_export)
rules.add_perm("api.manage_tokens", can_manage_tokens)
