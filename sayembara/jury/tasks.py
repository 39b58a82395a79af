"""The jury's work on the worker: the assignment (OR-Tools, seconds at national scale) and the scheduled reminders."""

from celery import shared_task
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sayembara.accounts.models import User
from sayembara.editions.models import Stage
from sayembara.jobs.runner import job_task

from . import blind, services


@shared_task(name="sayembara.jury.tasks.remind_jurors_behind", ignore_result=True)
def remind_jurors_behind() -> int:
    """Each open stage's jurors with unsubmitted sheets get one reminder a day. Returns how many were reminded."""
    return sum(services.send_reminders(stage) for stage in Stage.objects.filter(status=Stage.Status.OPEN))


@job_task(name="sayembara.jury.tasks.run_assignment", label=gettext_lazy("Assigning jurors"))
def run_assignment(job, stage_pk: int, mode: str, per_entry: int, relax: list[str], seed: int | None = None,
                   by_pk: int | None = None) -> str:
    stage = Stage.objects.select_related("edition").get(pk=stage_pk)
    job.report(5, _("Looking for the best assignment"))
    outcome = services.run_assignment(stage, mode, per_entry, frozenset(relax), seed,
                                      by=User.objects.filter(pk=by_pk).first())
    if outcome.optimal:
        job.report(100, _("%(count)s assignments made; every constraint is met.") % {"count": outcome.created})
    else:
        job.report(100, _("%(count)s assignments made, but some constraints could not be met: see below.")
                   % {"count": outcome.created})
    return reverse("jury:stage_assignment", kwargs={"stage_pk": stage.pk})


@job_task(name="sayembara.jury.tasks.prepare_aliases", label=gettext_lazy("Preparing the entries for the jurors"))
def prepare_aliases(job, stage_pk: int) -> str:
    """Every entry's pseudonym (and, in a blind stage, its masked copy) made once when scoring opens."""
    stage = Stage.objects.select_related("edition").get(pk=stage_pk)

    def report(done: int, total: int) -> None:
        job.report(100 * done // max(total, 1), _("%(done)s of %(total)s entries ready") % {"done": done, "total": total})

    made = blind.prepare(stage, services.stage_entries(stage), report=report)
    job.report(100, _("%(count)s entries prepared for the jurors.") % {"count": made})
    return reverse("jury:stage_assignment", kwargs={"stage_pk": stage.pk})
