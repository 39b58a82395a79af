"""Several editions at once: pages follow the phase each edition is in, not simply the newest year."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from sayembara.editions.models import Edition
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_at_once(db):
    """2041 published, 2042 being judged, 2043 open for entries, 2044 a draft being prepared (demo editions aside)."""
    Edition.objects.all().update(status=Edition.Status.ARCHIVED)
    made = {}
    for year, status in ((2041, "published"), (2042, "judging"), (2043, "open"), (2044, "draft")):
        made[year] = factories.edition(year, status=status)
    Edition.objects.filter(year=2041).update(results_published_at=timezone.now())
    return made


def test_the_home_page_leads_with_the_edition_open_for_entries_and_names_the_one_being_judged(client, three_at_once):
    assert Edition.objects.current().year == 2043
    response = client.get("/")
    assert response.context["edition"].year == 2043
    assert [e.year for e in response.context["judging"]] == [2042]
    assert response.context["previous"]["edition"].year == 2041
    assert "2044" not in response.content.decode()  # a draft is never public


def test_without_an_open_call_the_home_page_shows_the_edition_being_judged(client, three_at_once):
    Edition.objects.filter(year=2043).update(status=Edition.Status.DRAFT)
    assert client.get("/").context["edition"].year == 2042


def test_the_organiser_dashboard_opens_on_the_edition_under_way_and_switches_by_year(client_as, three_at_once):
    organiser = client_as("organiser")
    response = organiser.get(reverse("editions:organiser_dashboard"))
    assert response.context["edition"].year == 2043
    assert 2044 in [e.year for e in response.context["other_editions"]]
    assert organiser.get(reverse("editions:organiser_dashboard"), {"year": 2044}).context["edition"].year == 2044
    assert organiser.get(reverse("editions:organiser_dashboard"), {"year": "1999"}).status_code == 404
    assert organiser.get(reverse("editions:organiser_dashboard"), {"year": "x"}).context["edition"].year == 2043
