"""A national registry's similarity model is fitted once by the worker and read by every web process."""

import pytest

from sayembara.jobs.models import Job
from sayembara.registry.services import index, similarity

pytestmark = pytest.mark.django_db


@pytest.fixture
def national(monkeypatch, settings, tmp_path):
    """The demo's registry treated as a national one (too large to fit in a request), with its own storage."""
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(similarity, "INLINE_FIT_MAX", 1)
    similarity.forget_similarity_model()
    yield
    similarity.forget_similarity_model()


def test_a_web_process_never_fits_a_national_model_and_reads_the_workers(national, monkeypatch, run_jobs,
                                                                         django_capture_on_commit_callbacks):
    assert similarity.similar_to_text("Posyandu lansia", "pemeriksaan kesehatan lansia") == []  # nothing stored yet
    entry_innovation = similarity.RegistryRecord.objects.first().innovation_id
    with django_capture_on_commit_callbacks(execute=True):
        index.refresh_records([entry_innovation])  # any change to the index asks the worker for a new model
    assert Job.objects.filter(kind=index.REBUILD_SIMILARITY_TASK, state=Job.State.QUEUED).count() == 1
    [job] = run_jobs()
    assert job.state == Job.State.DONE

    def no_fitting_here(state):
        raise AssertionError("a web process fitted the national model")

    similarity.forget_similarity_model()  # another web process: nothing in its memory
    monkeypatch.setattr(similarity, "_fit", no_fitting_here)
    found = similarity.similar_to_text("Posyandu lansia", "pemeriksaan kesehatan lansia dan senam")
    assert any("POSYANDU LANSIA" in s.innovation.title for s in found)


def test_a_regencys_registry_is_fitted_where_it_is_needed(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    similarity.forget_similarity_model()
    found = similarity.similar_to_text("Posyandu lansia", "pemeriksaan kesehatan lansia dan senam")
    assert any("POSYANDU LANSIA" in s.innovation.title for s in found)
    assert not (tmp_path / "media" / similarity.MODEL_FILE).exists()
