"""A draft edition opens for entries only once its rules pass the checks, each problem said in words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from sayembara.editions.models import Criterion, Edition, Phase, RubricLevel
from sayembara.portal import readiness
from sayembara.portal.copying import copy_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(edition_2020):
    """2020's rules copied into a year whose schedule lies ahead."""
    return copy_edition(edition_2020, timezone.now().year + 31)


def test_a_copy_of_a_complete_edition_is_ready(draft):
    assert readiness.problems(draft) == []


def test_every_rule_that_would_fail_its_users_is_named(draft):
    stage = draft.stages.order_by("order").first()
    criterion = stage.criteria.order_by("order").first()
    Criterion.objects.filter(pk=criterion.pk).update(weight=criterion.weight + 5)
    RubricLevel.objects.filter(criterion=criterion).delete()
    draft.stages.exclude(pk=stage.pk).update(weight=Decimal("1"))
    draft.proposal_sections.update(required=False)
    submission = draft.phases.filter(kind=Phase.Kind.SUBMISSION).first()
    Phase.objects.filter(kind=Phase.Kind.SCREENING, edition=draft).update(
        starts_at=submission.starts_at - dt.timedelta(days=90), ends_at=submission.starts_at - dt.timedelta(days=89))
    found = " ".join(readiness.problems(draft))
    assert "bukan 100" in found or "not 100" in found
    assert stage.name in found and criterion.name in found
    assert "rubrik" in found or "rubric" in found
    assert "bagian wajib" in found or "required section" in found
    assert "dimulai sebelum" in found or "starts before" in found


def test_a_schedule_already_past_is_refused(edition_2020):
    copy = copy_edition(edition_2020, 2021)  # its submission period ended in 2021
    assert any("sudah berakhir" in p or "is over already" in p for p in readiness.problems(copy)), readiness.problems(copy)
    with pytest.raises(readiness.NotReady):
        readiness.open_for_entries(copy)
    copy.refresh_from_db()
    assert copy.status == "draft"


def test_the_organiser_opens_a_ready_draft_from_the_dashboard(client_as, draft):
    organiser = client_as("organiser")
    page = organiser.get(reverse("editions:organiser_dashboard"), {"year": draft.year})
    assert page.context["not_ready"] == [] and b'data-testid="open-edition"' in page.content
    response = organiser.post(reverse("editions:open_edition", args=[draft.year]), follow=True)
    draft.refresh_from_db()
    assert draft.status == Edition.Status.OPEN
    assert str(draft.year) in " ".join(str(m) for m in response.context["messages"])
    again = organiser.post(reverse("editions:open_edition", args=[draft.year]), follow=True)
    assert "draf" in " ".join(str(m) for m in again.context["messages"]).lower()
