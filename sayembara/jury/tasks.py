"""Scheduled work of the jury (see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from sayembara.editions.models import Stage

from . import services


@shared_task(name="sayembara.jury.tasks.remind_jurors_behind", ignore_result=True)
def remind_jurors_behind() -> int:
    """Each open stage's jurors with unsubmitted sheets get one reminder a day. Returns how many were reminded."""
    return sum(services.send_reminders(stage) for stage in Stage.objects.filter(status=Stage.Status.OPEN))
