"""Every write to a job: starting it (idempotent, dispatched after the commit) and the runner's state changes."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from sayembara.celery import app as celery_app

from .models import Job

logger = logging.getLogger(__name__)

ERROR_MAX_CHARS = 1000


class UnknownTask(LookupError):
    """No task of that name is registered (a typing error in the caller, not a user's mistake)."""


def task_named(name: str):
    """The registered Celery task ``name``; every app's ``tasks.py`` is imported on the first look-up."""
    if name not in celery_app.tasks:
        celery_app.loader.import_default_modules()
    try:
        return celery_app.tasks[name]
    except KeyError:
        raise UnknownTask(name) from None


def live_job(kind: str, key: str) -> Job | None:
    return Job.objects.filter(kind=kind, key=key, state__in=Job.LIVE).first()


def start(task_name: str, key, *, by=None, scope: str = "", **kwargs) -> Job:
    """Record a job and hand it to the worker once the caller's transaction commits.

    While a job of the same task and ``key`` is queued or running, that job is returned and nothing new starts
    (a double click, two organisers at once). ``kwargs`` (JSON values) are passed to the task's function.
    """
    task = task_named(task_name)
    key = str(key) if key not in (None, "") else None
    if key is not None and (existing := live_job(task_name, key)):
        return existing
    try:
        with transaction.atomic():
            job = Job.objects.create(
                kind=task_name, key=key, kwargs=kwargs, scope=scope[:100], language=translation.get_language() or "",
                created_by=by if by is not None and by.is_authenticated else None,
            )
    except IntegrityError:
        # Another request started the same job between our look-up and our insert.
        existing = live_job(task_name, key) if key is not None else None
        if existing is None:
            raise
        return existing
    transaction.on_commit(lambda: dispatch(job, task))
    return job


def dispatch(job: Job, task) -> None:
    """Send the job to the queue; if the broker cannot take it, say so on the job rather than leave it waiting."""
    try:
        task.apply_async(args=(job.pk,))
    except Exception as exc:  # the broker is down or refuses: the page must not wait forever
        logger.exception("job %s could not be queued", job.pk)
        fail(job, f"Could not reach the queue: {exc}")


def short(error) -> str:
    text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    return text if len(text) <= ERROR_MAX_CHARS else text[: ERROR_MAX_CHARS - 1] + "…"


def _save(job: Job, **fields) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    Job.objects.filter(pk=job.pk).update(**fields)


def mark_running(job: Job) -> None:
    _save(job, state=Job.State.RUNNING, started_at=job.started_at or timezone.now(), attempts=job.attempts + 1)


def report(job: Job, progress: int, message: str | None = None) -> None:
    fields = {"progress": max(0, min(100, int(progress)))}
    if message is not None:
        fields["message"] = str(message)[:500]
    _save(job, **fields)


def finish(job: Job, result_url: str = "") -> None:
    """Done: full progress, and a link to the result when it is a page of this site."""
    url = result_url if isinstance(result_url, str) and result_url.startswith("/") and not result_url.startswith("//") else ""
    _save(job, state=Job.State.DONE, progress=100, result_url=url[:500] or job.result_url, error="",
          finished_at=timezone.now())


def fail(job: Job, error) -> None:
    _save(job, state=Job.State.FAILED, error=short(error), finished_at=timezone.now())


def wait_to_retry(job: Job, error, message: str) -> None:
    _save(job, state=Job.State.QUEUED, error=short(error), message=message)


def fail_stale(kind: str, older_than: timedelta) -> int:
    """Jobs of ``kind`` still "running" long past their time limit: their worker was killed or lost."""
    stale = Job.objects.filter(kind=kind, state=Job.State.RUNNING, started_at__lt=timezone.now() - older_than)
    return stale.update(state=Job.State.FAILED, finished_at=timezone.now(),
                        error=short("Stopped: past its time limit, or its worker was lost."))
