"""Scheduled work of the accounts app (see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import services


@shared_task(name="sayembara.accounts.tasks.expire_unconfirmed", ignore_result=True)
def expire_unconfirmed() -> int:
    """Self-registrations never confirmed within their lifetime are deleted (an unused invitation simply lapses:
    its link is refused once older than INVITATION_MAX_AGE_DAYS)."""
    return services.expire_unconfirmed()
