"""A change that touches many innovations (a publication, an edition's change) is re-indexed by a job."""

import pytest
from django.urls import reverse

from sayembara.jobs.models import Job
from sayembara.registry.models import RegistryRecord
from sayembara.registry.services import index

pytestmark = pytest.mark.django_db


def test_a_large_change_is_reindexed_by_the_worker_not_the_request(edition_2020, monkeypatch, run_jobs,
                                                                     django_capture_on_commit_callbacks):
    monkeypatch.setattr(index, "INLINE_REFRESH_MAX", 2)  # the demo's 18 entries stand for a national edition
    ids = set(edition_2020.entries.values_list("innovation_id", flat=True))
    RegistryRecord.objects.filter(innovation__in=ids).update(title="LAMA")
    with django_capture_on_commit_callbacks(execute=True):
        index.mark_stale(edition_ids=[edition_2020.pk])
    job = Job.objects.get(kind=index.REINDEX_TASK)
    # (marks left by a rolled-back transaction may ride along: a refresh too many is harmless)
    assert job.state == Job.State.QUEUED and set(job.kwargs["innovation_ids"]) >= ids
    assert RegistryRecord.objects.filter(title="LAMA").count() == len(ids)  # nothing was done in the request
    [ended] = run_jobs()
    assert ended.state == Job.State.DONE and ended.result_url == reverse("registry:search")
    assert not RegistryRecord.objects.filter(title="LAMA").exists()


def test_a_few_innovations_are_reindexed_at_once(edition_2020, django_capture_on_commit_callbacks):
    entry = edition_2020.entries.first()
    RegistryRecord.objects.filter(innovation=entry.innovation_id).update(title="LAMA")
    with django_capture_on_commit_callbacks(execute=True):
        index.mark_stale(innovation_ids=[entry.innovation_id])
    assert not Job.objects.filter(kind=index.REINDEX_TASK).exists()
    assert RegistryRecord.objects.get(innovation=entry.innovation_id).title == entry.innovation.title
