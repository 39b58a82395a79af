"""Follow-up evidence is checked by content like entry evidence; help requests are rate-limited."""

import io

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sayembara.entries.models import Innovation
from sayembara.registry.models import FollowUp, Replication

pytestmark = pytest.mark.django_db


def _pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": "Kepala Dinas"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def follow_up(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    innovation = Innovation.objects.get(title__startswith="JEBOL ANDUK")
    follow_up = FollowUp.objects.create(innovation=innovation, year=2099)
    follow_up.evidence_file.save("sk-lama.pdf", ContentFile(_pdf()), save=True)
    return follow_up


HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'


@pytest.mark.parametrize("name,content", [("bukti.html", HTML), ("bukti.svg", SVG), ("bukti.pdf", HTML), ("bukti.png", SVG)])
def test_html_and_svg_are_refused_and_the_earlier_file_stays(client_as, follow_up, name, content):
    earlier = follow_up.evidence_file.name
    response = client_as("innovator").post(
        reverse("registry:follow_up_answer", args=[follow_up.pk]),
        {"status": "active", "evidence": "Masih berjalan", "evidence_file": SimpleUploadedFile(name, content)},
    )
    page = response.content.decode()
    assert response.status_code == 200 and name in page and "Masih berjalan" in page  # refused, text kept
    follow_up.refresh_from_db()
    assert follow_up.evidence_file.name == earlier and follow_up.status == FollowUp.Status.PENDING


def test_a_pdf_is_stored_cleaned_under_its_true_extension(client_as, follow_up):
    response = client_as("innovator").post(
        reverse("registry:follow_up_answer", args=[follow_up.pk]),
        {"status": "active", "evidence": "", "evidence_file": SimpleUploadedFile("laporan.dat", _pdf())},
    )
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.evidence_file.name.endswith(".pdf")
    stored = follow_up.evidence_file.open("rb").read()
    assert stored.startswith(b"%PDF-") and b"Kepala Dinas" not in stored


def test_a_file_stored_before_checking_is_downloaded_as_bytes_not_as_a_page(client_as, follow_up):
    FollowUp.objects.filter(pk=follow_up.pk).update(evidence_file="")
    follow_up.refresh_from_db()
    follow_up.evidence_file.save("lama.html", ContentFile(HTML), save=True)
    response = client_as("innovator").get(reverse("registry:follow_up_evidence", args=[follow_up.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")


def test_help_requests_are_rate_limited_per_address(client_as, settings):
    settings.HELP_REQUESTS_PER_HOUR = 3
    cache.clear()
    origin = Innovation.objects.get(title__startswith="JEBOL ANDUK")
    client = client_as("other_unit")  # a member of Dinkes asks Disdukcapil for help
    url = reverse("registry:replicate", args=[origin.pk])
    statuses = [client.post(url, {"action": "help", "message": f"Mohon bantuan {n}."}).status_code for n in range(6)]
    assert statuses == [302, 302, 302, 429, 429, 429]
    assert Replication.objects.filter(origin=origin, kind=Replication.Kind.HELP_REQUESTED).count() == 3
    refused = client.post(url, {"action": "help", "message": "Pesan yang tidak hilang."})
    assert refused.status_code == 429 and "Pesan yang tidak hilang." in refused.content.decode()
    # Recording a replication is not a help request and is not limited by it.
    assert client.post(url, {"action": "replicated", "new_title": "REPLIKA JEBOL"}).status_code == 302
    assert client.post(url, {"action": "help", "message": "Dari alamat lain."}, REMOTE_ADDR="203.0.113.40").status_code == 302
    cache.clear()
