"""Innovation pages, replication (ATM), sustainability follow-up, similar innovations and feeds."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sayembara.entries.models import Innovation
from sayembara.registry import services
from sayembara.registry.models import FollowUp, RegistryRecord, Replication, SearchToken

pytestmark = pytest.mark.django_db


def innovation(prefix: str) -> Innovation:
    return Innovation.objects.get(title__startswith=prefix)


def test_replication_shows_on_both_pages(client):
    origin = innovation("POSYANDU LANSIA TERINTEGRASI GOMBONG")
    replica = innovation("POSYANDU LANSIA TERPADU MOGA")
    body = client.get(reverse("registry:detail", args=[origin.pk])).content.decode()
    assert "POSYANDU LANSIA TERPADU MOGA" in body and "Pemerintah Desa Moga" in body
    body = client.get(reverse("registry:detail", args=[replica.pk])).content.decode()
    assert 'data-testid="replicated-from"' in body and "POSYANDU LANSIA TERINTEGRASI GOMBONG" in body


def test_detail_shows_history_across_editions_with_awards(client):
    jebol = innovation("JEBOL ANDUK")
    body = client.get(reverse("registry:detail", args=[jebol.pk])).content.decode()
    for code in ("KIPP-2018-001", "KIPP-2020-001"):
        assert code in body
    assert "Disdukcapil" in body or "Dinas Kependudukan" in body


def test_innovation_that_never_entered_is_not_public(client, client_as):
    hidden = Innovation.objects.get(title__startswith="SERANG TANGGUH")
    assert client.get(reverse("registry:detail", args=[hidden.pk])).status_code == 404
    assert client_as("organiser").get(reverse("registry:detail", args=[hidden.pk])).status_code == 200


def test_unit_records_a_replication_with_a_new_innovation(client_as):
    origin = innovation("BANK SAMPAH DIGITAL")
    client = client_as("innovator")  # Disdukcapil
    response = client.post(reverse("registry:replicate", args=[origin.pk]), {"action": "replicated"})
    assert "Choose your innovation" in response.content.decode() or "Pilih inovasi" in response.content.decode()
    response = client.post(
        reverse("registry:replicate", args=[origin.pk]),
        {"action": "replicated", "new_title": "BANK SAMPAH KANTOR DUKCAPIL", "message": "di kantor pelayanan"},
    )
    assert response.status_code == 302
    replica = Innovation.objects.get(title="BANK SAMPAH KANTOR DUKCAPIL")
    assert replica.replicated_from == origin and replica.institution.short_name == "Disdukcapil"
    assert Replication.objects.get(origin=origin).replica == replica
    assert [r["innovation"] for r in services.replications_of(origin)] == [replica]


def test_unit_links_its_existing_innovation_as_a_replication(client_as):
    origin = innovation("ANTRIAN ONLINE RSUD")
    own = innovation("SIDUKCAPIL ONLINE")
    client_as("verifier").post(reverse("registry:replicate", args=[origin.pk]), {"action": "replicated", "replica": own.pk})
    own.refresh_from_db()
    assert own.replicated_from == origin


def test_cannot_link_another_units_innovation(client_as):
    origin = innovation("ANTRIAN ONLINE RSUD")
    other = innovation("KARTU TANI PINTAR")
    response = client_as("innovator").post(reverse("registry:replicate", args=[origin.pk]), {"action": "replicated", "replica": other.pk})
    assert response.status_code == 200
    other.refresh_from_db()
    assert other.replicated_from is None


def test_help_request_mails_the_owners(client_as):
    origin = innovation("JEBOL ANDUK")  # Disdukcapil has members with e-mail addresses
    # A member of another unit (Dinkes) asks Disdukcapil for help.
    client_as("other_unit").post(
        reverse("registry:replicate", args=[origin.pk]), {"action": "help", "message": "Mohon bimbingan teknis."}
    )
    assert Replication.objects.filter(origin=origin, kind=Replication.Kind.HELP_REQUESTED).count() == 1
    assert mail.outbox and "Mohon bimbingan teknis." in mail.outbox[0].body
    assert "inovator.dukcapil@pemalang.demo" in {a for m in mail.outbox for a in m.to}


def _pdf() -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_follow_up_round_and_lapse(client_as, demo_users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    asked, sent = services.send_follow_up_requests(2021)
    assert asked == RegistryRecord.objects.filter(is_public=True).count() and sent > 0  # every public innovation
    assert services.send_follow_up_requests(2021)[0] == 0  # asked once a year only
    follow_up = FollowUp.objects.get(innovation__title__startswith="JEBOL ANDUK", year=2021)
    client = client_as("innovator")
    page = client.get(reverse("registry:detail", args=[follow_up.innovation_id])).content.decode()
    assert reverse("registry:follow_up_answer", args=[follow_up.pk]) in page
    assert 'data-testid="pending-follow-up"' not in client_as("anonymous").get(
        reverse("registry:detail", args=[follow_up.innovation_id])
    ).content.decode()
    response = client.post(reverse("registry:follow_up_answer", args=[follow_up.pk]), {"status": "stopped", "evidence": ""})
    assert response.status_code == 200  # evidence required
    response = client.post(
        reverse("registry:follow_up_answer", args=[follow_up.pk]),
        {"status": "stopped", "evidence": "Anggaran dihentikan", "stopped_on": "2021-03-01",
         "evidence_file": SimpleUploadedFile("surat.pdf", _pdf(), content_type="application/pdf")},
    )
    assert response.status_code == 302
    jebol = innovation("JEBOL ANDUK")
    assert jebol.status == Innovation.Status.STOPPED
    lapsed = {row["innovation"].title: row for row in services.lapsed_innovations()}
    assert str(lapsed[jebol.title]["stopped_on"]) == "2021-03-01"
    assert "PERPUSTAKAAN KELILING DESA (PUSLING)" in lapsed
    evidence = client.get(reverse("registry:follow_up_evidence", args=[follow_up.pk]))
    assert evidence.status_code == 200 and b"".join(evidence.streaming_content).startswith(b"%PDF-")
    assert evidence["Content-Type"] == "application/pdf"
    page = client_as("organiser").get(reverse("registry:follow_ups"), {"year": 2021}).content.decode()
    assert "JEBOL ANDUK" in page and "2021" in page


def test_similar_finds_resubmission_under_changed_title(make_public_innovation):
    from sayembara.entries.models import ProposalAnswer

    original = innovation("JEBOL ANDUK")
    answers = dict(
        ProposalAnswer.objects.filter(entry__innovation=original, entry__edition__year=2020)
        .values_list("section__code", "text")
    )
    answers = {k: v for k, v in answers.items() if k in services.DESCRIPTIVE_SECTIONS}
    resubmitted = make_public_innovation(
        "DUKCAPIL MENYAPA DESA", original.summary, institution="Dinas Kependudukan dan Pencatatan Sipil", answers=answers
    )
    matches = services.similar_to_innovation(resubmitted)
    assert matches[0].innovation == original
    assert matches[0].likely_resubmission
    # A different innovation of the same unit is not flagged as a re-submission.
    assert not any(m.likely_resubmission for m in matches if m.innovation.title.startswith("SIDUKCAPIL"))


def test_similar_credits_the_replication(client_as):
    replica = innovation("POSYANDU LANSIA TERPADU MOGA")
    matches = services.similar_to_innovation(replica)
    assert matches[0].innovation.title == "POSYANDU LANSIA TERINTEGRASI GOMBONG"
    body = client_as("organiser").get(reverse("registry:detail", args=[replica.pk])).content.decode()
    assert 'data-testid="similar"' in body
    fragment = client_as("organiser").get(reverse("registry:similar_check"), {"innovation": replica.pk}).content.decode()
    assert "POSYANDU LANSIA TERINTEGRASI GOMBONG" in fragment
    # Units cannot ask about any innovation by number, and never see unpublished ones.
    assert client_as("innovator").get(reverse("registry:similar_check"), {"innovation": replica.pk}).status_code == 404
    hidden = innovation("SERANG TANGGUH COVID")
    fragment = client_as("innovator").get(
        reverse("registry:similar_check"), {"title": hidden.title, "text": hidden.summary}
    ).content.decode()
    assert hidden.title not in fragment


def test_similar_check_fragment_for_a_new_entry(client_as):
    body = client_as("innovator").get(
        reverse("registry:similar_check"), {"title": "Posyandu lansia", "text": "pemeriksaan kesehatan lansia dan senam"}
    ).content.decode()
    assert "POSYANDU LANSIA" in body and "<html" not in body


@pytest.fixture
def own_shared_cache(settings):
    settings.CACHES = {**settings.CACHES, "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                                     "LOCATION": "duplicates-test"}}


def test_duplicates_are_found_by_the_worker_then_listed(client_as, run_jobs, own_shared_cache):
    client = client_as("organiser")
    url = reverse("registry:duplicates", args=[2020])
    body = client.get(url).content.decode()
    assert 'data-testid="find-duplicates"' in body and "POSYANDU LANSIA TERPADU MOGA" not in body
    response = client.post(url)
    again = client.post(url)  # a second click while the first job waits starts nothing new
    [job] = run_jobs()
    assert response["Location"] == again["Location"] == job.get_absolute_url() and job.state == "done"
    assert job.result_url == url
    body = client.get(url).content.decode()
    assert "POSYANDU LANSIA TERPADU MOGA" in body  # the 2020 replication resembles its 2018 original


def test_feeds_list_published_innovations(client):
    rss = client.get(reverse("registry:feed_rss")).content.decode()
    atom = client.get(reverse("registry:feed_atom")).content.decode()
    assert "<rss" in rss and "POSYANDU LANSIA TERPADU MOGA" in rss  # first entered in 2020: newest
    assert "<feed" in atom and "/registry/" in atom


def test_reindex_command_rebuilds_the_index():
    from io import StringIO

    from django.core.management import call_command

    public_before = set(RegistryRecord.objects.filter(is_public=True).values_list("innovation_id", flat=True))
    SearchToken.objects.all().delete()
    RegistryRecord.objects.all().delete()
    out = StringIO()
    call_command("registry_reindex", stdout=out)
    assert str(Innovation.objects.count()) in out.getvalue()
    assert set(RegistryRecord.objects.filter(is_public=True).values_list("innovation_id", flat=True)) == public_before
    assert SearchToken.objects.filter(token="posyandu", weight=5).count() == 2  # the two posyandu titles


def test_the_follow_up_round_is_asked_by_the_worker(client_as, run_jobs):
    client = client_as("organiser")
    response = client.post(reverse("registry:follow_ups"), {"year": 2022})
    assert not FollowUp.objects.filter(year=2022).exists()  # nobody asked inside the request
    [job] = run_jobs()
    assert response["Location"] == job.get_absolute_url() and job.state == "done"
    asked = FollowUp.objects.filter(year=2022).count()
    assert asked == RegistryRecord.objects.filter(is_public=True).count() and f"{asked} inovasi" in job.message
    assert job.result_url == reverse("registry:follow_ups") + "?year=2022"
