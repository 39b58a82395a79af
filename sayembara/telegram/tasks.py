"""Telegram work done by the worker: asking who the bot is, posting to the channel, the scheduled reminders."""

from __future__ import annotations

from celery import shared_task
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sayembara.jobs.runner import job_task

from . import services


@job_task(name="sayembara.telegram.tasks.check_bot", label=gettext_lazy("Checking the Telegram bot"),
          soft_time_limit=120)
def check_bot(job) -> str:
    job.report(10, _("Asking Telegram who the bot is"))
    job.report(100, services.run_check())
    return reverse("telegram:settings")


@job_task(name="sayembara.telegram.tasks.send_post", label=gettext_lazy("Posting to the Telegram channel"),
          soft_time_limit=300)
def send_post(job, post_pk: int) -> str:
    job.report(10, _("Posting to the channel"))
    post = services.send(post_pk)
    job.report(100, _("Posted (message %(id)s).") % {"id": post.message_id})
    return reverse("telegram:edition", args=[post.edition.year])


@shared_task(name="sayembara.telegram.tasks.remind_deadlines", ignore_result=True)
def remind_deadlines() -> int:
    return services.remind_deadlines()
