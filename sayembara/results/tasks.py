"""Results work done by the worker: computing a ranking (bootstrap, sensitivity, reliability) takes seconds at
national scale, longer than a page may."""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sayembara.editions.models import Edition, Stage
from sayembara.jobs.runner import job_task

from . import papers, services


@job_task(name="sayembara.results.tasks.compute_ranking", label=gettext_lazy("Computing the ranking"))
def compute_ranking(job, year: int, stage_pk: int | None = None, method: str | None = None) -> str:
    edition = Edition.objects.get(year=year)
    stage = Stage.objects.get(pk=stage_pk, edition=edition) if stage_pk else None
    job.report(5, _("Computing the ranking"))
    run = services.compute_ranking(edition, stage, method)
    job.report(100, _("Ranking computed in %(seconds)s seconds.") % {"seconds": number_format(run.seconds, 2)})
    target = reverse("results:stage", args=[year, stage.order]) if stage else reverse("results:manage", args=[year])
    return f"{target}?method={run.method}"


@job_task(name="sayembara.results.tasks.render_paper", label=gettext_lazy("Printing a recap"))
def render_paper(job, year: int, kind: str, stage_order: int | None = None) -> str:
    edition = Edition.objects.get(year=year)
    stage = Stage.objects.get(edition=edition, order=stage_order) if stage_order is not None else None
    job.report(10, _("Laying out every ranked entry"))
    papers.print_and_keep(edition, kind, stage, job.pk)
    job.report(100, _("The paper is printed: download it below."))
    return reverse("results:printed_paper", args=[year, job.pk])
