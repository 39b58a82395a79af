"""Who may do what in judging: the jury app's rulebook.

A juror sees an entry only through an assignment in that stage and never
while a conflict of interest is recorded: every juror page, file and sync
asks ``may_judge``. Organising the jury is the organiser's.
"""

from __future__ import annotations

import rules
from django.db.models import Exists

from sayembara.accounts.rules import is_organiser

from .models import Assignment, Conflict, Juror


def juror_for(user, edition_id: int) -> Juror | None:
    """The person's juror role in an edition, if any."""
    if not user.is_authenticated:
        return None
    juror = Juror.objects.filter(user=user, edition_id=edition_id).first()
    if juror is not None:
        juror.user = user  # who acts is the signed-in person: no second query for the audit trail
    return juror


def may_judge(juror: Juror | None, stage, entry) -> bool:
    """Assigned to the entry in this stage, not conflicted with it, and not judging it blind elsewhere.

    A juror who judges an entry in an open blind stage does not see it in any other stage until that blind
    stage closes: the other stage's pages would name its makers beside the same proposal.
    """
    if juror is None:
        return False
    # One query: every juror page and every score save asks.
    return (
        Assignment.objects.filter(stage=stage, juror=juror, entry=entry)
        .exclude(Exists(Conflict.objects.filter(juror=juror, entry=entry)))
        .exclude(entry_id__in=blind_elsewhere(juror, stage))
        .exists()
    )


def blind_elsewhere(juror: Juror, stage):
    """The entries (as a subquery of ids) that ``juror`` judges in another open blind stage of the edition: hidden
    from them in ``stage`` until that one closes. None when ``stage`` is itself blind."""
    from sayembara.editions.models import Stage

    if stage.blind:
        return Assignment.objects.none().values("entry_id")
    return (Assignment.objects.filter(juror=juror, stage__edition_id=stage.edition_id, stage__blind=True,
                                      stage__status=Stage.Status.OPEN)
            .exclude(stage=stage).values("entry_id"))


@rules.predicate
def is_juror_of_edition(user, edition) -> bool:
    return edition is not None and juror_for(user, edition.pk) is not None


can_organise_jury = is_organiser

rules.add_perm("jury.organise", can_organise_jury)
rules.add_perm("jury.judge_in_edition", is_juror_of_edition)
