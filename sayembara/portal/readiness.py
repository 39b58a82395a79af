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
from sayembara.editions.models import Edition, Phase, ProposalSection, Stage
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
            levels = list(criterion.levels.all())
            if not levels:
                found.append(_("Criterion “%(criterion)s” of stage “%(stage)s” has no rubric levels for the jurors.")
                             % {"criterion": criterion.name, "stage": stage.name})
            elif any(level.min_score < criterion.min_score or level.max_score > criterion.max_score
                     or level.min_score > level.max_score for level in levels):
                found.append(_("A rubric level of criterion “%(criterion)s” of stage “%(stage)s” lies outside its "
                               "range %(low)s–%(high)s.") % {"criterion": criterion.name, "stage": stage.name,
                                                             "low": criterion.min_score, "high": criterion.max_score})
        if stage.advancement != Stage.Advancement.ALL and stage.advancement_value is None:
            found.append(_("Stage “%(stage)s” advances by “%(rule)s” but says no number.")
                         % {"stage": stage.name, "rule": stage.get_advancement_display()})
    found += _form_problems(edition)
    found += _schedule_problems(edition)
    return found


def _form_problems(edition: Edition) -> list[str]:
    """Every category leads to a form with a required section; every group is used by a category."""
    categories = list(edition.categories.select_related("group"))
    if not categories:
        return [_("The edition has no category to enter.")]
    found = []
    required = list(ProposalSection.objects.filter(edition=edition, required=True).values_list("group_id", flat=True))
    for group_id, category in {c.group_id: c for c in categories}.items():
        if None not in required and group_id not in required:
            if group_id is None:
                found.append(_("The proposal form has no required section."))
            else:
                found.append(_("The proposal form of group “%(group)s” has no required section.")
                             % {"group": category.group.name})
    used = {c.group_id for c in categories}
    for group in edition.groups.all():
        if group.pk not in used:
            found.append(_("No category uses group “%(group)s”: its form would never be filled in.")
                         % {"group": group.name})
    return found


ORDER = [Phase.Kind.REGISTRATION, Phase.Kind.SUBMISSION, Phase.Kind.SCREENING, Phase.Kind.JUDGING, Phase.Kind.OBJECTION,
         Phase.Kind.ANNOUNCEMENT]
"""The schedule's steps in the order they must start. The public test (uji publik) follows the provisional list,
which is published when judging closes, and precedes the announcement of the winners: objections heard after the
winners are named could change nothing."""


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
    now = timezone.now()
    for phase in phases if edition.status == Edition.Status.DRAFT else []:  # a running edition's past is past
        if phase.kind != Phase.Kind.SUBMISSION and phase.ends_at <= now:
            found.append(_("“%(phase)s” is over already (%(end)s): move it to this edition's year.")
                         % {"phase": phase.name, "end": timezone.localtime(phase.ends_at).strftime("%d-%m-%Y")})
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
