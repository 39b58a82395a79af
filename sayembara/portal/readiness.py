"""Whether a draft edition may open for entries: its rules checked before anyone relies on them.

An edition opened with an empty proposal form, criteria without ranges or a schedule in the wrong order fails
its innovators and jurors later, when it can no longer change (issue 17). The organiser opens an edition from the
dashboard; these checks must pass first, and each problem says what to fix.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as
from sayembara.editions.models import Edition, Phase
from sayembara.errors import DomainError

HUNDRED = Decimal("100")


class NotReady(DomainError):
    """The edition cannot open yet; ``problems`` says why."""

    def __init__(self, problems: list[str]):
        super().__init__(" ".join(problems))
        self.problems = problems


def problems(edition: Edition) -> list[str]:
    """Everything that stops ``edition`` from opening for entries, in words; empty when it is ready."""
    found = []
    stages = list(edition.stages.prefetch_related("criteria__levels").order_by("order"))
    if not stages:
        found.append(_("The edition has no judging stage."))
    elif sum(s.weight for s in stages) != HUNDRED:
        found.append(_("The stages' weights add up to %(total)s, not 100.") % {"total": sum(s.weight for s in stages)})
    for stage in stages:
        criteria = list(stage.criteria.all())
        if not criteria:
            found.append(_("Stage “%(stage)s” has no criteria.") % {"stage": stage.name})
            continue
        total = sum(c.weight for c in criteria)
        if total != HUNDRED:
            found.append(_("The criteria of stage “%(stage)s” weigh %(total)s in all, not 100.")
                         % {"stage": stage.name, "total": total})
        for criterion in criteria:
            if not list(criterion.levels.all()):
                found.append(_("Criterion “%(criterion)s” of stage “%(stage)s” has no rubric levels for the jurors.")
                             % {"criterion": criterion.name, "stage": stage.name})
    if not edition.proposal_sections.filter(required=True).exists():
        found.append(_("The proposal form has no required section."))
    if not edition.categories.exists():
        found.append(_("The edition has no category to enter."))
    found += _schedule_problems(edition)
    return found


ORDER = [Phase.Kind.REGISTRATION, Phase.Kind.SUBMISSION, Phase.Kind.SCREENING, Phase.Kind.JUDGING, Phase.Kind.OBJECTION,
         Phase.Kind.ANNOUNCEMENT]
"""The schedule's steps in the order they must start (the public test follows judging and precedes the winners)."""


def _schedule_problems(edition: Edition) -> list[str]:
    phases = list(edition.phases.all())
    found = []
    submission_ends = [p.ends_at for p in phases if p.kind == Phase.Kind.SUBMISSION]
    if not submission_ends:
        found.append(_("The schedule has no proposal submission period."))
    elif max(submission_ends) <= timezone.now():
        found.append(_("The proposal submission period is over already (%(end)s).")
                     % {"end": timezone.localtime(max(submission_ends)).strftime("%d-%m-%Y")})
    first = {}
    for phase in sorted(phases, key=lambda p: p.starts_at):
        first.setdefault(phase.kind, phase)
    present = [first[kind] for kind in ORDER if kind in first]
    for earlier, later in zip(present, present[1:]):
        if later.starts_at < earlier.starts_at:
            found.append(_("“%(later)s” starts before “%(earlier)s”.") % {"later": later.name, "earlier": earlier.name})
    return found


def open_for_entries(edition: Edition, by=None) -> None:
    """Open a draft edition for entries, refused with every problem while it is not ready."""
    if edition.status != Edition.Status.DRAFT:
        raise NotReady([_("Only a draft edition can be opened for entries.")])
    found = problems(edition)
    if found:
        raise NotReady(found)
    with transaction.atomic(), acting_as(by, note="opened for entries"):
        edition.status = Edition.Status.OPEN
        edition.save(update_fields=["status"])
