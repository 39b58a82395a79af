"""Jobs and mail on a real Celery worker (a thread of this process) through a real broker, on committed data."""

import pytest
from django.utils import translation
from django.core import mail
from django.db import transaction
from django.test import Client

from sayembara import jobs
from sayembara.jobs import heartbeat
from sayembara.jobs.models import Job, OutboundEmail

from . import tasks_for_tests
from .conftest import wait_until

OUTBOX = {"EMAIL_BACKEND": "sayembara.jobs.mail.OutboxBackend",
          "OUTBOX_DELIVERY_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}


def _finished(job: Job):
    def check():
        job.refresh_from_db()
        return job.state in ("done", "failed")

    wait_until(check, what=f"job {job.pk}")
    return job


def test_a_job_runs_end_to_end_on_the_worker_and_its_page_shows_the_result(worker):
    from sayembara.accounts.models import User

    organiser = User.objects.create_user(email="panitia.uji@example.org", username="panitia.uji", full_name="Panitia Uji",
                                         password="x-unused-password-1", is_organiser=True)
    with translation.override("id"):  # the job speaks the language of the request that started it
        job = _finished(jobs.start("sayembara.jobs.tasks.probe", "probe", by=organiser, steps=3, pause=0))
    assert (job.state, job.progress, job.message, job.result_url, job.attempts) == ("done", 100, "Langkah 3 dari 3", "/jobs/", 1)
    assert job.started_at and job.finished_at and job.finished_at >= job.started_at
    client = Client()
    client.force_login(organiser, backend="django.contrib.auth.backends.ModelBackend")
    fragment = client.get(f"/jobs/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert 'data-state="done"' in fragment and 'href="/jobs/"' in fragment and "hx-trigger" not in fragment


def test_progress_is_visible_while_the_job_runs(worker):
    tasks_for_tests.RELEASE.clear()
    job = jobs.start("tests.jobs.halfway", "", label="the ranking")
    try:
        wait_until(lambda: Job.objects.filter(pk=job.pk, state="running", progress=50).exists(), what="progress 50")
        job.refresh_from_db()
        assert job.message == "Half of the ranking"
    finally:
        tasks_for_tests.RELEASE.set()
    job = _finished(job)
    assert (job.state, job.progress, job.message, job.result_url) == ("done", 100, "Nearly all of the ranking", "/registry/")


def test_a_failure_is_recorded_with_its_error_and_frees_the_key(worker):
    job = _finished(jobs.start("tests.jobs.broken", "k"))
    assert (job.state, job.progress, job.attempts) == ("failed", 10, 1)
    assert job.error == "ValueError: the data does not add up"
    assert jobs.start("tests.jobs.broken", "k").pk != job.pk


def test_a_transient_error_is_retried_until_the_job_succeeds(worker, fast_retries):
    job = _finished(jobs.start("tests.jobs.flaky", "k", failures=2))
    assert (job.state, job.attempts, job.result_url) == ("done", 3, "/jobs/")
    assert job.error == ""


def test_a_transient_error_that_lasts_fails_the_job_after_the_last_try(worker, fast_retries):
    job = _finished(jobs.start("tests.jobs.flaky", "k", failures=10))
    assert (job.state, job.attempts) == ("failed", 4)  # the first try and JOB_MAX_RETRIES (3) more
    assert "server closed the connection" in job.error


def test_a_job_past_its_time_limit_is_marked_failed(worker):
    job = _finished(jobs.start("tests.jobs.too_long", "k"))
    assert job.state == "failed" and "time limit" in job.error


def test_the_worker_beats_and_health_says_so(worker):
    heartbeat.forget()
    assert Client().get("/health/").status_code == 503
    from sayembara.jobs.tasks import heartbeat as heartbeat_task

    heartbeat_task.delay()
    wait_until(heartbeat.alive, what="the heartbeat")
    response = Client().get("/health/")
    assert response.status_code == 200, response.json()


@pytest.mark.usefixtures("worker")
def test_mail_is_written_in_the_transaction_and_sent_by_the_worker_after_the_commit(settings):
    settings.EMAIL_BACKEND, settings.OUTBOX_DELIVERY_BACKEND = OUTBOX["EMAIL_BACKEND"], OUTBOX["OUTBOX_DELIVERY_BACKEND"]
    mail.outbox = []
    with transaction.atomic():
        mail.send_mail("Undangan", "Silakan ikut serta.", None, ["unit@example.org"])
        assert OutboundEmail.objects.filter(state="pending").count() == 1
        assert mail.outbox == []  # nothing leaves while the transaction (and its row locks) is open
    email = OutboundEmail.objects.get()
    wait_until(lambda: OutboundEmail.objects.filter(pk=email.pk, state="sent").exists(), what="the sent e-mail")
    assert [(m.subject, m.to) for m in mail.outbox] == [("Undangan", ["unit@example.org"])]


@pytest.mark.usefixtures("worker")
def test_a_rolled_back_change_sends_nothing(settings):
    settings.EMAIL_BACKEND, settings.OUTBOX_DELIVERY_BACKEND = OUTBOX["EMAIL_BACKEND"], OUTBOX["OUTBOX_DELIVERY_BACKEND"]
    mail.outbox = []
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.send_mail("Undangan", "Silakan ikut serta.", None, ["unit@example.org"])
        raise RuntimeError("the change failed")
    probe = _finished(jobs.start("sayembara.jobs.tasks.probe", "after", steps=1, pause=0))  # the worker has caught up
    assert probe.state == "done"
    assert not OutboundEmail.objects.exists() and mail.outbox == []


@pytest.mark.usefixtures("worker", "fast_retries")
def test_mail_the_server_refuses_is_retried_then_listed_as_not_sent(settings):
    settings.EMAIL_BACKEND = OUTBOX["EMAIL_BACKEND"]
    settings.OUTBOX_DELIVERY_BACKEND = "tests.jobs.backends.RefusingBackend"
    mail.send_mail("Pengingat", "Batas waktu besok.", None, ["juri@example.org"])
    wait_until(lambda: OutboundEmail.objects.filter(state="failed").exists(), what="the failed e-mail")
    email = OutboundEmail.objects.get()
    assert email.attempts == 4 and "SMTPServerDisconnected" in email.last_error
