"""Starting a job: one record per task and key while it is live, handed to the worker only after the commit."""

import pytest
from django.db import IntegrityError, transaction

from sayembara import jobs
from sayembara.jobs import services
from sayembara.jobs.models import Job

PROBE = "sayembara.jobs.tasks.probe"


@pytest.mark.django_db
def test_a_double_click_starts_one_job(django_capture_on_commit_callbacks, demo_users):
    with django_capture_on_commit_callbacks() as dispatched:
        first = jobs.start(PROBE, "edition:2027", by=demo_users["organiser"], scope="edition:2027", steps=2)
        second = jobs.start(PROBE, "edition:2027", by=demo_users["organiser"], scope="edition:2027", steps=2)
    assert first.pk == second.pk
    assert Job.objects.filter(kind=PROBE, key="edition:2027").count() == 1
    assert len(dispatched) == 1, "the second click dispatches nothing"
    assert (first.state, first.kwargs, first.created_by, first.scope) == ("queued", {"steps": 2}, demo_users["organiser"],
                                                                            "edition:2027")


@pytest.mark.django_db
def test_a_finished_job_does_not_block_the_next_run_and_keys_are_per_task():
    first = jobs.start(PROBE, "k")
    services.finish(first, "/jobs/")
    again = jobs.start(PROBE, "k")
    other_key = jobs.start(PROBE, "other")
    assert len({first.pk, again.pk, other_key.pk}) == 3


@pytest.mark.django_db
def test_without_a_key_every_start_is_a_new_job():
    assert jobs.start(PROBE, "").pk != jobs.start(PROBE, None).pk


@pytest.mark.django_db
def test_the_database_refuses_a_second_live_job_with_the_same_key():
    Job.objects.create(kind=PROBE, key="k", state=Job.State.RUNNING)
    with pytest.raises(IntegrityError), transaction.atomic():
        Job.objects.create(kind=PROBE, key="k", state=Job.State.QUEUED)
    Job.objects.create(kind=PROBE, key="k", state=Job.State.FAILED)  # finished ones may repeat


@pytest.mark.django_db
def test_an_unknown_task_is_refused_before_anything_is_recorded():
    with pytest.raises(services.UnknownTask):
        jobs.start("sayembara.nowhere.tasks.nothing", "k")
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_a_rolled_back_start_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as dispatched:
        with pytest.raises(RuntimeError), transaction.atomic():
            jobs.start(PROBE, "k")
            raise RuntimeError("the change failed")
    assert dispatched == [] and not Job.objects.exists()


@pytest.mark.django_db
def test_progress_is_kept_between_0_and_100_and_result_links_stay_on_the_site():
    job = jobs.start(PROBE, "k")
    job.report(140, "Almost")
    job.refresh_from_db()
    assert (job.progress, job.message) == (100, "Almost")
    job.report(-5)
    job.refresh_from_db()
    assert (job.progress, job.message) == (0, "Almost")
    services.finish(job, "https://elsewhere.example/")
    job.refresh_from_db()
    assert (job.state, job.result_url) == ("done", "")


@pytest.mark.django_db
def test_a_broker_that_cannot_take_the_job_marks_it_failed(django_capture_on_commit_callbacks):
    from sayembara.celery import app as celery_app

    saved = celery_app.conf.broker_url
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.start(PROBE, "k")
        celery_app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens there
        celery_app._pool = None
        celery_app.amqp._producer_pool = None
    try:
        job.refresh_from_db()
        assert job.state == "failed" and "queue" in job.error
    finally:
        celery_app.conf.broker_url = saved
        celery_app._pool = None
        celery_app.amqp._producer_pool = None


def test_time_limits_and_the_heartbeat_schedule_come_from_the_settings(settings):
    from sayembara.celery import app as celery_app

    assert celery_app.conf.task_soft_time_limit == settings.JOB_SOFT_TIME_LIMIT
    assert celery_app.conf.task_time_limit == settings.JOB_TIME_LIMIT > settings.JOB_SOFT_TIME_LIMIT
    assert not celery_app.conf.task_always_eager
    beat = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert beat["sayembara.jobs.tasks.heartbeat"] == 30
