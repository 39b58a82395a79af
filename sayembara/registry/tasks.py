"""Registry work done by the worker: re-indexing after a publication, an edition's duplicates, the yearly
follow-up round."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sayembara.jobs.runner import job_task

from sayembara.editions.models import Edition

from celery import shared_task
from django.utils import timezone

from sayembara.audit.trail import acting_as

from .services import build_similarity_model, possible_duplicates, refresh_records, send_follow_up_requests, store_duplicates

CHUNK = 500


@job_task(name="sayembara.registry.tasks.reindex", label=gettext_lazy("Re-indexing the registry"))
def reindex(job, innovation_ids: list[int]) -> str:
    ids = sorted(innovation_ids)
    for start in range(0, len(ids), CHUNK):
        # Each chunk commits on its own: a search sees the new records as they come, and a retry redoes little.
        refresh_records(ids[start:start + CHUNK])
        job.report(min(100, 100 * (start + CHUNK) // len(ids)), _("Indexing innovations"))
    return reverse("registry:search")


@job_task(name="sayembara.registry.tasks.find_duplicates", label=gettext_lazy("Looking for possible duplicates"))
def find_duplicates(job, edition_pk: int) -> str:
    edition = Edition.objects.get(pk=edition_pk)
    job.report(5, _("Comparing the entries with every innovation of the registry"))
    store_duplicates(edition, possible_duplicates(edition))
    return reverse("registry:duplicates", args=[edition.year])


@job_task(name="sayembara.registry.tasks.follow_up_round", label=gettext_lazy("Sustainability follow-up round"))
def follow_up_round(job, year: int, by_pk: int | None = None) -> str:
    from sayembara.accounts.models import User

    job.report(5, _("Asking the owners of past entries"))
    with acting_as(User.objects.filter(pk=by_pk).first(), note="yearly sustainability follow-up"):
        asked, sent = send_follow_up_requests(year)
    job.report(100, _("%(asked)s innovations asked, %(sent)s e-mails sent.") % {"asked": asked, "sent": sent})
    return f"{reverse('registry:follow_ups')}?year={year}"


@shared_task(name="sayembara.registry.tasks.yearly_follow_up", ignore_result=True)
def yearly_follow_up() -> int:
    """The yearly sustainability follow-up round (asked once a year: a second run asks nobody)."""
    with acting_as(None, note="yearly sustainability follow-up (scheduled)"):
        asked, _sent = send_follow_up_requests(timezone.localdate().year)
    return asked


@job_task(name="sayembara.registry.tasks.rebuild_similarity", label=gettext_lazy("Preparing similar-innovation search"))
def rebuild_similarity(job) -> str:
    job.report(5, _("Comparing innovations"))
    build_similarity_model()
    return reverse("registry:search")
