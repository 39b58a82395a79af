import io

import pytest


@pytest.fixture
def open_edition(db):
    from sayembara.entries.demo_open_edition import ensure_open_edition

    return ensure_open_edition()


def pdf_bytes(author: str = "Dinas Rahasia") -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": author, "/Creator": "Kantor Dinas Rahasia"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, "PNG")
    return out.getvalue()


def upload(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def fill_complete(entry, user):
    """Make ``entry`` complete enough to send: profile fields, all sections, required evidence."""
    import datetime as dt

    from sayembara.editions.models import ProposalSection
    from sayembara.entries import services
    from sayembara.entries.models import EvidenceSlot

    entry.refresh_from_db()
    data = services.ProposalData(
        title=entry.title, category=entry.edition.categories.order_by("order").first(), started_on=dt.date(2015, 3, 1),
        sections={s.code: f"Teks {s.title} yang cukup singkat." for s in ProposalSection.objects.filter(edition=entry.edition)},
    )
    entry = services.save_proposal(entry.pk, user, entry.version, data)
    for slot in EvidenceSlot.objects.filter(edition=entry.edition, required=True):
        services.attach_evidence(entry, slot, upload(f"{slot.code}.pdf", pdf_bytes()), user)
    entry.refresh_from_db()
    return entry


@pytest.fixture
def draft(open_edition, demo_users, settings, tmp_path):
    from sayembara.entries import services

    settings.MEDIA_ROOT = tmp_path / "media"
    return services.create_entry(demo_users["innovator"], open_edition, "Layanan Adminduk Keliling Desa")


@pytest.fixture
def complete_draft(draft, demo_users):
    return fill_complete(draft, demo_users["innovator"])
