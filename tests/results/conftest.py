"""An edition taken back to the day after judging, to walk the decision sequence again."""

import datetime as dt

import pytest
from django.utils import timezone

from sayembara.editions.models import Edition
from sayembara.results import sequence, services
from sayembara.results.models import (
    Certificate,
    Decision,
    Objection,
    PaperNumber,
    ProvisionalAnnouncement,
    Publication,
)


def undecide(edition):
    """Judged, winners proposed, nothing announced: what the organiser has before the provisional announcement."""
    Publication.objects.filter(edition=edition).delete()  # first: the rest is no longer frozen
    Certificate.objects.filter(edition=edition).delete()
    for decision in Decision.objects.filter(edition=edition):
        decision.present.clear()
        decision.delete()
    Objection.objects.filter(edition=edition).delete()
    ProvisionalAnnouncement.objects.filter(edition=edition).delete()
    PaperNumber.objects.filter(edition=edition).delete()
    conf = services.settings_for(edition)
    conf.locked_at = None
    conf.save()
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.CLOSED, results_published_at=None)
    edition.refresh_from_db()
    return edition


def end_public_test(edition, days_ago: int = 1):
    """The public test of the latest provisional version is over (as it would be five days later)."""
    ended = timezone.now() - dt.timedelta(days=days_ago)
    ProvisionalAnnouncement.objects.filter(edition=edition).update(
        announced_at=ended - dt.timedelta(days=5), public_test_ends_at=ended)


@pytest.fixture
def undecided_2019(db):
    return undecide(Edition.objects.get(year=2019))


@pytest.fixture
def public_test_2019(undecided_2019, demo_users):
    """2019's provisional results announced now: the public test is open."""
    sequence.announce_provisional(undecided_2019, demo_users["organiser"])
    return undecided_2019


@pytest.fixture
def compute(run_jobs):
    """``compute(client, year, method)``: the organiser's "compute" button, the worker's job, and the pages shown:
    the job's page (its message or error) followed by the result's page."""
    from django.urls import reverse

    def press(client, year: int, method: str, **extra) -> str:
        response = client.post(reverse("results:compute", args=[year]), {"method": method, **extra})
        assert response.status_code == 302, response.status_code
        [job] = run_jobs()
        page = client.get(response["Location"]).content.decode()
        if job.result_url:
            page += client.get(job.result_url).content.decode()
        return page

    return press
