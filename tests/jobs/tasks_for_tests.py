"""Job tasks the tests run on a real worker (registered when this module is imported, by tests/jobs/conftest.py)."""

import threading

from celery.exceptions import SoftTimeLimitExceeded
from django.db import OperationalError

from sayembara.jobs.runner import job_task

# The test sets it to let ``halfway`` finish, after it has seen the job at 50 %.
RELEASE = threading.Event()


@job_task(name="tests.jobs.halfway")
def halfway(job, label):
    job.report(50, f"Half of {label}")
    if not RELEASE.wait(timeout=20):
        raise RuntimeError("the test never released the job")
    job.report(90, f"Nearly all of {label}")
    return "/registry/"


@job_task(name="tests.jobs.broken")
def broken(job):
    job.report(10, "Starting")
    raise ValueError("the data does not add up")


@job_task(name="tests.jobs.flaky")
def flaky(job, failures):
    """Fails with a transient database error on its first ``failures`` tries."""
    if job.attempts <= failures:
        raise OperationalError("server closed the connection unexpectedly")
    return "/jobs/"


@job_task(name="tests.jobs.too_long")
def too_long(job):
    raise SoftTimeLimitExceeded()
