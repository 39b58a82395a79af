"""Scheduled work of the entries app (see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import notify


@shared_task(name="sayembara.entries.tasks.remind_unsent_drafts", ignore_result=True)
def remind_unsent_drafts() -> int:
    return notify.remind_unsent_drafts()
