"""A new edition copied from an earlier one: its rules, forms and papers, not its entries, jurors or results.

Copied: the edition's description, groups, categories (with the unit types they are open to and their group), stages with their criteria,
weights, ranges and rubric levels, the schedule (shifted by the years between the two editions), the proposal forms
(sections and word limits, per group), the evidence lists, the entry rules, and the result settings (method, prizes, letterhead,
signatory, numbering scheme, public test). Not copied: anything that belongs to one year's contest (entries,
jurors, scores, rankings, decisions, publications, announcement and decree numbers). The copy starts as a draft:
nothing of it is public until the organiser opens it.

It reads and writes the editions, entries and results apps, so it lives here, above them.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as
from sayembara.editions.models import (Category, Criterion, Edition, EntryGroup, Phase, ProposalSection, RubricLevel,
                                       Stage)
from sayembara.entries.models import EntrySettings, EvidenceSlot
from sayembara.errors import DomainError
from sayembara.results.models import ResultSettings


class CopyRefused(DomainError):
    """The copy cannot be made (the year is taken, or not a year)."""


def _fields(instance, skip: tuple[str, ...] = ()) -> dict:
    """The instance's own values (no primary key), by attribute name, without ``skip``."""
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields
            if not f.primary_key and f.attname not in skip and f.name not in skip}


def _shift(moment, years: int):
    """The same day and time ``years`` later (29 February becomes 28 February)."""
    if moment is None:
        return None
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


def check_year(year) -> None:
    """A new edition's year: a plausible year no edition has yet."""
    if not isinstance(year, int) or not 2000 <= year <= 2200:
        raise CopyRefused(_("Give the year of the new edition, for example %(year)s.") % {"year": dt.date.today().year + 1})
    if Edition.objects.filter(year=year).exists():
        raise CopyRefused(_("An edition of %(year)s exists already.") % {"year": year})


def copy_edition(source: Edition, year: int, by=None) -> Edition:
    """A draft edition for ``year`` set up like ``source``."""
    check_year(year)
    years = year - source.year
    try:
        with transaction.atomic(), acting_as(by, note=f"copied from the {source.year} edition"):
            edition = Edition.objects.create(**_fields(source, skip=(
                "year", "status", "decree_number", "decree_date", "results_published_at")), year=year,
                status=Edition.Status.DRAFT)
            stages = _copy_stages(source, edition)
            _copy_schedule(source, edition, stages, years)
            _copy_forms(source, edition)
            _copy_settings(source, edition)
    except IntegrityError as exc:  # the same year made by a simultaneous request
        raise CopyRefused(_("An edition of %(year)s exists already.") % {"year": year}) from exc
    return edition


def _copy_stages(source: Edition, edition: Edition) -> dict[int, Stage]:
    stages = {}
    for stage in source.stages.order_by("order"):
        stages[stage.pk] = Stage.objects.create(**_fields(stage, skip=("edition", "status")), edition=edition)
        for criterion in stage.criteria.order_by("order"):
            copy = Criterion.objects.create(**_fields(criterion, skip=("stage",)), stage=stages[stage.pk])
            RubricLevel.objects.bulk_create(RubricLevel(**_fields(level, skip=("criterion",)), criterion=copy)
                                            for level in criterion.levels.all())
    return stages


def _copy_schedule(source: Edition, edition: Edition, stages: dict[int, Stage], years: int) -> None:
    for phase in source.phases.all():
        Phase.objects.create(**_fields(phase, skip=("edition", "stage", "starts_at", "ends_at")), edition=edition,
                             stage=stages.get(phase.stage_id), starts_at=_shift(phase.starts_at, years),
                             ends_at=_shift(phase.ends_at, years))


def _copy_forms(source: Edition, edition: Edition) -> None:
    groups = {None: None}
    for group in source.groups.all():
        groups[group.pk] = EntryGroup.objects.create(**_fields(group, skip=("edition",)), edition=edition)
    for category in source.categories.prefetch_related("institution_types"):
        copy = Category.objects.create(**_fields(category, skip=("edition", "group")), edition=edition,
                                       group=groups[category.group_id])
        copy.institution_types.set(category.institution_types.all())
    ProposalSection.objects.bulk_create(
        ProposalSection(**_fields(section, skip=("edition", "group")), edition=edition, group=groups[section.group_id])
        for section in source.proposal_sections.all())
    EvidenceSlot.objects.bulk_create(
        EvidenceSlot(**_fields(slot, skip=("edition", "group")), edition=edition, group=groups[slot.group_id])
        for slot in source.evidence_slots.all())


def _copy_settings(source: Edition, edition: Edition) -> None:
    rules = EntrySettings.objects.filter(edition=source).first()
    if rules is not None:
        EntrySettings.objects.create(**_fields(rules, skip=("edition", "announcement_number", "screening_published_at")),
                                     edition=edition)
    results = ResultSettings.objects.filter(edition=source).first()
    if results is not None:
        ResultSettings.objects.create(**_fields(results, skip=("edition", "locked_at", "locked_by")), edition=edition)
