"""``@job_task``: a Celery task that runs a function on a recorded :class:`~sayembara.jobs.models.Job`.

::

    @job_task
    def rebuild_similarity(job, year):
        for done, total in steps(year):
            job.report(100 * done // total, _("Comparing innovations"))
        return reverse("registry:similar", args=[year])  # the result's page, linked when the job is done

The runner marks the job running, then done (progress 100, the returned path as its result link) or failed (the
error text, for organisers). A transient failure (database or broker unreachable) is retried with a growing
wait, up to ``JOB_MAX_RETRIES`` times. Past ``JOB_SOFT_TIME_LIMIT`` seconds the function is stopped and the job
marked failed; ``JOB_TIME_LIMIT`` kills it (``fail_stale_jobs`` then marks it). ``job.report`` writes at once:
call it outside ``transaction.atomic`` blocks, or the page sees it only at their commit.
"""

from __future__ import annotations

import logging

import kombu.exceptions
import redis.exceptions
from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import OperationalError, close_old_connections, connection
from django.utils import translation
from django.utils.translation import gettext as _

from sayembara.errors import DomainError

from . import services
from .models import Job

logger = logging.getLogger(__name__)

# Worth another try a little later: the database or the broker did not answer.
TRANSIENT = (OperationalError, redis.exceptions.ConnectionError, redis.exceptions.TimeoutError,
             kombu.exceptions.OperationalError, ConnectionError, TimeoutError)
RETRY_WAIT_MAX = 10 * 60


class JobTask(Task):
    """The base of every ``@job_task``: runs ``job_function(job, **job.kwargs)`` and records what happened."""

    job_function = None
    ignore_result = True

    def retry_wait(self) -> int:
        return min(settings.JOB_RETRY_BACKOFF * 2 ** self.request.retries, RETRY_WAIT_MAX)

    def run_job(self, job_pk: int):
        if not connection.in_atomic_block:
            # A connection the database dropped since the last job is not reused. (A job run in-process inside a
            # transaction, as tests' run_jobs does, keeps its connection: closing it would end that transaction.)
            close_old_connections()
        job = Job.objects.filter(pk=job_pk).first()
        if job is None or not job.is_live or job.kind != self.name:
            # Gone, finished, or a message meant for a job of another task that once had this number.
            logger.info("job %s: nothing to run for %s (gone, finished or another task's)", job_pk, self.name)
            return
        services.mark_running(job)
        with translation.override(job.language or settings.LANGUAGE_CODE):
            try:
                result = self.job_function(job, **job.kwargs)
            except SoftTimeLimitExceeded:
                services.fail(job, f"Stopped after its time limit ({self.soft_time_limit or settings.JOB_SOFT_TIME_LIMIT} s).")
                return
            except TRANSIENT as exc:
                self._retry_or_fail(job, exc)
                return
            except DomainError as exc:
                # A refused action (no scores yet, results frozen...): its message is already for the organiser.
                services.fail(job, str(exc))
                return
            except Exception as exc:
                logger.exception("job %s (%s) failed", job.pk, job.kind)
                services.fail(job, exc)
                return
        services.finish(job, result if isinstance(result, str) else "")

    def _retry_or_fail(self, job: Job, exc: Exception) -> None:
        if self.request.retries >= settings.JOB_MAX_RETRIES:
            logger.warning("job %s (%s) gave up after %s tries: %s", job.pk, job.kind, job.attempts, exc)
            services.fail(job, exc)
            return
        logger.warning("job %s (%s) will try again: %s", job.pk, job.kind, exc)
        try:
            services.wait_to_retry(job, exc, _("A service did not answer; trying again shortly."))
        except TRANSIENT:  # the database itself is away: the retry goes ahead, the record catches up then
            logger.warning("job %s: could not record the retry", job.pk)
        raise self.retry(exc=exc, countdown=self.retry_wait(), max_retries=settings.JOB_MAX_RETRIES)


def job_task(function=None, *, name: str | None = None, label=None, **options):
    """Make ``function(job, **kwargs)`` a task started with ``jobs.start(name, key, **kwargs)``.

    The name defaults to the function's dotted path (``sayembara.registry.tasks.reindex``); ``options`` are
    Celery's (``soft_time_limit``, ``time_limit``, ``queue``, ...). ``label`` names the work for the pages
    (a lazy translation such as ``gettext_lazy("Computing the ranking")``); without it the pages show the task name.
    """

    def register(function):
        def run(self, job_pk):
            return self.run_job(job_pk)

        run.__name__, run.__qualname__ = function.__name__, function.__qualname__
        run.__module__, run.__doc__ = function.__module__, function.__doc__
        task_name = name or f"{function.__module__}.{function.__name__}"
        return shared_task(bind=True, base=JobTask, name=task_name, job_function=staticmethod(function),
                           label=label, **options)(run)

    return register(function) if function is not None else register
