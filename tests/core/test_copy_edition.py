"""A new edition copied from an earlier one: the rules, forms and papers come along; one year's contest does not."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sayembara.audit.models import AuditEvent
from sayembara.editions.models import Criterion, Edition, Phase, RubricLevel
from sayembara.entries.models import EntrySettings, EvidenceSlot
from sayembara.portal.copying import CopyRefused, copy_edition
from sayembara.results.models import ResultSettings

pytestmark = pytest.mark.django_db


def test_a_copy_brings_the_rules_forms_schedule_and_papers_but_not_the_contest(edition_2020, demo_users):
    copy = copy_edition(edition_2020, 2049, by=demo_users["organiser"])
    assert copy.status == Edition.Status.DRAFT and copy.title == edition_2020.title and not copy.decree_number
    assert [(s.order, s.kind, s.weight, s.blind, s.status) for s in copy.stages.order_by("order")] == [
        (s.order, s.kind, s.weight, s.blind, "planned") for s in edition_2020.stages.order_by("order")]

    def criteria(edition):
        return sorted((c.stage.kind, c.code, c.weight, c.min_score, c.max_score, c.levels.count())
                      for c in Criterion.objects.filter(stage__edition=edition).select_related("stage"))

    assert criteria(copy) == criteria(edition_2020) and criteria(copy)
    assert RubricLevel.objects.filter(criterion__stage__edition=copy).count() == \
        RubricLevel.objects.filter(criterion__stage__edition=edition_2020).count()
    assert sorted(copy.proposal_sections.values_list("code", "word_limit", "required")) == \
        sorted(edition_2020.proposal_sections.values_list("code", "word_limit", "required"))
    assert sorted(EvidenceSlot.objects.filter(edition=copy).values_list("code", "required")) == \
        sorted(EvidenceSlot.objects.filter(edition=edition_2020).values_list("code", "required"))
    assert [sorted(c.institution_types.values_list("pk", flat=True)) for c in copy.categories.order_by("order")] == \
        [sorted(c.institution_types.values_list("pk", flat=True)) for c in edition_2020.categories.order_by("order")]
    # The schedule moves on by the years between them, each phase still tied to its own stage.
    for old, new in zip(Phase.objects.filter(edition=edition_2020).order_by("starts_at", "pk"),
                        Phase.objects.filter(edition=copy).order_by("starts_at", "pk")):
        assert (new.kind, new.name) == (old.kind, old.name)
        assert new.starts_at.year - old.starts_at.year == 29 and new.starts_at.month == old.starts_at.month
        assert (new.stage.kind if new.stage else None) == (old.stage.kind if old.stage else None)
        assert new.stage is None or new.stage.edition_id == copy.pk
    old_results, new_results = ResultSettings.objects.get(edition=edition_2020), ResultSettings.objects.get(edition=copy)
    assert (new_results.method, new_results.letterhead_title, new_results.numbering) == \
        (old_results.method, old_results.letterhead_title, old_results.numbering)
    assert new_results.locked_at is None
    if EntrySettings.objects.filter(edition=edition_2020).exists():
        assert not EntrySettings.objects.get(edition=copy).screening_published_at
    assert not copy.entries.exists() and not copy.jurors.exists() and not copy.awards.exists()
    assert AuditEvent.objects.filter(model="editions.edition", object_id=str(copy.pk), actor=demo_users["organiser"],
                                     note="copied from the 2020 edition").exists()


def test_a_year_that_exists_is_refused_with_the_reason(edition_2020):
    with pytest.raises(CopyRefused, match="2020"):
        copy_edition(edition_2020, 2020)
    with pytest.raises(CopyRefused):
        copy_edition(edition_2020, 12)


def test_the_organiser_copies_from_the_dashboard_and_lands_on_the_draft(client_as, edition_2020):
    organiser = client_as("organiser")
    response = organiser.post(reverse("editions:copy_edition"), {"source": 2020, "year": 2050}, follow=True)
    assert response.context["edition"].year == 2050 and response.context["edition"].status == "draft"
    assert "2050" in response.content.decode() and "draf" in response.content.decode().lower()
    again = organiser.post(reverse("editions:copy_edition"), {"source": 2020, "year": 2050}, follow=True)
    assert "2050" in " ".join(str(m) for m in again.context["messages"])
    junk = organiser.post(reverse("editions:copy_edition"), {"source": "<b>", "year": "abc"}, follow=True)
    assert junk.status_code == 200 and Edition.objects.filter(year__gt=2050).count() == 0
