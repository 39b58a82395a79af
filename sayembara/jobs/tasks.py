"""The jobs app's own tasks: the heartbeat, the sweeps of stale jobs and unsent mail, sending mail, a probe."""

from __future__ import annotations

import time
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from sayembara.celery import app as celery_app

from . import heartbeat as worker_heartbeat
from . import mail, services
from .models import Job, OutboundEmail
from .runner import TRANSIENT, job_task

# A message still "being sent" this long after it was written: its worker was lost while sending.
SENDING_LOST_AFTER = timedelta(minutes=30)
# A message still waiting this long was probably never queued (the broker was down at the commit).
PENDING_FORGOTTEN_AFTER = timedelta(minutes=10)
SWEEP_MAX = 5000


@shared_task(name="sayembara.jobs.tasks.heartbeat", ignore_result=True)
def heartbeat():
    worker_heartbeat.beat()


@shared_task(name="sayembara.jobs.tasks.fail_stale_jobs", ignore_result=True)
def fail_stale_jobs() -> int:
    failed = 0
    for kind in Job.objects.filter(state=Job.State.RUNNING).values_list("kind", flat=True).distinct():
        task = celery_app.tasks.get(kind)
        limit = getattr(task, "time_limit", None) or settings.JOB_TIME_LIMIT
        failed += services.fail_stale(kind, timedelta(seconds=limit + 60))
    return failed


@shared_task(bind=True, name="sayembara.jobs.tasks.send_outbox", ignore_result=True, autoretry_for=TRANSIENT,
             retry_backoff=True, max_retries=5)
def send_outbox(self, pks: list[int]) -> None:
    again = mail.deliver(pks)
    if again:
        tries = max(OutboundEmail.objects.filter(pk__in=again).values_list("attempts", flat=True), default=1)
        wait = min(settings.JOB_RETRY_BACKOFF * 2 ** max(tries - 1, 0), 60 * 60)
        send_outbox.apply_async(args=(again,), countdown=wait)


@shared_task(name="sayembara.jobs.tasks.resend_outbox", ignore_result=True)
def resend_outbox() -> int:
    now = timezone.now()
    OutboundEmail.objects.filter(state=OutboundEmail.State.SENDING, created_at__lt=now - SENDING_LOST_AFTER).update(
        state=OutboundEmail.State.PENDING)
    forgotten = list(OutboundEmail.objects.filter(
        state=OutboundEmail.State.PENDING, created_at__lt=now - PENDING_FORGOTTEN_AFTER,
    ).order_by("pk").values_list("pk", flat=True)[:SWEEP_MAX])
    mail.queue(forgotten)
    return len(forgotten)


@job_task(name="sayembara.jobs.tasks.probe")
def probe(job, steps: int = 3, pause: float = 0.3):
    """A job that does nothing but report its steps: the organiser's (and the smoke test's) check of the worker."""
    steps, pause = max(1, min(int(steps), 20)), max(0.0, min(float(pause), 2.0))
    for step in range(1, steps + 1):
        time.sleep(pause)
        job.report(100 * step // steps, _("Step %(step)s of %(steps)s") % {"step": step, "steps": steps})
    return reverse("jobs:list")
