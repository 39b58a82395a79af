"""The organiser's job pages: a status fragment for htmx polling, a paged list with errors and unsent mail."""

import pytest

from sayembara.jobs import services
from sayembara.jobs.models import Job, OutboundEmail

PROBE = "sayembara.jobs.tasks.probe"


@pytest.fixture
def organiser(client_as):
    return client_as("organiser")


def _fragment(client, job):
    return client.get(f"/jobs/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()


@pytest.mark.django_db
def test_a_live_job_s_fragment_polls_and_a_finished_one_stops(organiser):
    job = Job.objects.create(kind=PROBE, state=Job.State.RUNNING, progress=40, message="Menghitung peringkat")
    html = _fragment(organiser, job)
    assert f'hx-get="/jobs/{job.pk}/"' in html and 'hx-trigger="every 2s"' in html
    assert '<progress class="progress" max="100" value="40"' in html and "Menghitung peringkat" in html
    assert "<html" not in html, "htmx gets the fragment alone"
    services.finish(job, "/results/2020/")
    html = _fragment(organiser, job)
    assert "hx-trigger" not in html and 'href="/results/2020/"' in html and 'value="100"' in html


@pytest.mark.django_db
def test_a_failed_job_shows_its_error_and_the_page_stands_alone(organiser):
    job = Job.objects.create(kind=PROBE, state=Job.State.FAILED, error="ValueError: the data does not add up")
    assert "the data does not add up" in _fragment(organiser, job)
    page = organiser.get(f"/jobs/{job.pk}/").content.decode()
    assert "<html" in page and "the data does not add up" in page and PROBE in page


@pytest.mark.django_db
def test_junk_ids_are_404(organiser):
    assert organiser.get("/jobs/999999/").status_code == 404
    assert organiser.get("/jobs/abc/").status_code == 404
    assert organiser.get("/jobs/99999999999999999999999/").status_code == 404


@pytest.mark.django_db
def test_the_list_shows_jobs_with_their_errors_pages_and_unsent_mail(organiser):
    for n in range(55):
        Job.objects.create(kind=PROBE, scope="edition:2027", state=Job.State.DONE, progress=100)
    Job.objects.create(kind=PROBE, scope="edition:2026", state=Job.State.FAILED, error="Solver found no assignment")
    OutboundEmail.objects.create(to=["juri@example.org"], subject="Pengingat penilaian", state="failed", attempts=6,
                                 last_error="SMTPServerDisconnected: Connection unexpectedly closed")
    page = organiser.get("/jobs/").content.decode()
    assert "Solver found no assignment" in page and "Pengingat penilaian" in page and "juri@example.org" in page
    assert 'data-testid="unsent-mail"' in page and "Connection unexpectedly closed" in page
    assert page.count('data-state="done"') == 49  # 50 a page, the newest (failed) first
    assert organiser.get("/jobs/?page=2").content.decode().count('data-state="done"') == 6
    scoped = organiser.get("/jobs/?scope=edition:2026").content.decode()
    assert "Solver found no assignment" in scoped and 'data-state="done"' not in scoped
    assert organiser.get("/jobs/?page=abc&scope=" + "x" * 500).status_code == 200


@pytest.mark.django_db
def test_checking_the_worker_twice_starts_one_probe(organiser):
    first = organiser.post("/jobs/probe/")
    second = organiser.post("/jobs/probe/")
    job = Job.objects.get(kind=PROBE)
    assert first["Location"] == second["Location"] == f"/jobs/{job.pk}/"
