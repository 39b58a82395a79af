"""Bad input through the views: refused in the user's language, nothing already saved lost; list pages stay fast."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from sayembara.entries import services
from sayembara.entries.models import Entry

from .conftest import pdf_bytes

pytestmark = pytest.mark.django_db


def _form_data(client, entry, **changes):
    form = client.get(reverse("entries:edit", args=[entry.code])).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "sdgs"}
    data.update({"maturity": "penerapan", "form": "pelayanan_publik", "is_digital": "0", "is_application": "0"})
    data.update(changes)
    return data


def test_over_long_section_is_saved_with_a_warning_and_refused_at_sending(client_as, complete_draft):
    """The word limit is a rule for sending: saving keeps every field, the over-long text included."""
    c = client_as("innovator")
    draft = complete_draft
    long_text = "kata " * 250
    response = c.post(reverse("entries:edit", args=[draft.code]),
                      _form_data(c, draft, section_ringkasan=long_text, title="Judul yang diubah"), follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    assert "250 kata; batasnya 200" in body and long_text.strip() in body
    saved = Entry.objects.get(pk=draft.pk)
    assert saved.version == draft.version + 1 and saved.title == "Judul yang diubah"
    assert saved.answers.get(section__code="ringkasan").text.split() == long_text.split()
    # Sending refuses, naming the rule.
    sent = c.post(reverse("entries:send", args=[draft.code]), {"declaration": "on"}, follow=True)
    assert "Setiap bagian dalam batas kata" in sent.content.decode()
    assert Entry.objects.get(pk=draft.pk).status == Entry.Status.DRAFT


def test_autosave_with_an_over_long_section_saves_every_field(client_as, draft):
    import datetime as dt

    c = client_as("innovator")
    data = _form_data(c, draft, section_ringkasan="kata " * 201, section_implementasi="Bagian lain tetap tersimpan.",
                      started_on="2016-02-01", title="Judul baru")
    response = c.post(reverse("entries:edit", args=[draft.code]), data, HTTP_X_AUTOSAVE="1")
    assert response.status_code == 200 and response.json()["ok"]
    assert "201 kata; batasnya 200" in response.json()["warnings"]["section_ringkasan"]
    assert list(response.json()["warnings"]) == ["section_ringkasan"]
    entry = Entry.objects.get(pk=draft.pk)
    assert entry.title == "Judul baru" and entry.innovation.started_on == dt.date(2016, 2, 1)
    assert entry.answers.get(section__code="implementasi").text == "Bagian lain tetap tersimpan."
    assert entry.answers.get(section__code="ringkasan").text.split() == ["kata"] * 201
    # Reopened, the page shows the warning next to that section only.
    page = c.get(reverse("entries:edit", args=[draft.code])).content.decode()
    assert 'data-testid="word-warning-ringkasan">201 kata' in page
    assert 'data-testid="word-warning-implementasi" hidden>' in page


def test_empty_title_is_refused_in_indonesian(client_as, draft):
    c = client_as("innovator")
    response = c.post(reverse("entries:edit", args=[draft.code]), _form_data(c, draft, title="", section_ringkasan="tetap ada"))
    assert response.status_code == 400 and "wajib" in response.content.decode().lower()
    assert "tetap ada" in response.content.decode()


def test_second_tab_is_told_not_overwritten(client_as, draft):
    c = client_as("innovator")
    first = _form_data(c, draft, title="Dari tab satu")
    second = _form_data(c, draft, title="Dari tab dua")
    assert c.post(reverse("entries:edit", args=[draft.code]), first).status_code == 302
    response = c.post(reverse("entries:edit", args=[draft.code]), second)
    assert response.status_code == 409 and "Dari tab dua" in response.content.decode()
    assert Entry.objects.get(pk=draft.pk).title == "Dari tab satu"
    autosave = c.post(reverse("entries:edit", args=[draft.code]), second, HTTP_X_AUTOSAVE="1")
    assert autosave.status_code == 409 and autosave.json()["conflict"]


def test_autosave_answers_json(client_as, draft):
    c = client_as("innovator")
    response = c.post(reverse("entries:edit", args=[draft.code]), _form_data(c, draft, section_ringkasan="ketik"), HTTP_X_AUTOSAVE="1")
    assert response.status_code == 200 and response.json()["ok"]
    assert response.json()["version"] == draft.version + 1


def test_renamed_file_is_refused_through_htmx(client_as, draft, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    c = client_as("innovator")
    slot = draft.edition.evidence_slots.first()
    url = reverse("entries:evidence_upload", args=[draft.code, slot.pk])
    response = c.post(url, {"file": SimpleUploadedFile("foto.pdf", b"MZ\x90\x00 not a pdf")}, HTTP_HX_REQUEST="true")
    assert "bukan dokumen PDF" in response.content.decode()
    response = c.post(url, {"file": SimpleUploadedFile("surat.pdf", pdf_bytes())}, HTTP_HX_REQUEST="true")
    assert "surat.pdf" in response.content.decode()
    evidence = draft.evidence.get()
    download = c.get(reverse("entries:evidence_download", args=[draft.code, evidence.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    # Another unit's innovator cannot reach the file, even with its number.
    assert client_as("outsider").get(reverse("entries:evidence_download", args=[draft.code, evidence.pk])).status_code == 403


def test_send_after_deadline_refused_with_message(client_as, complete_draft):
    from sayembara.editions.models import Phase

    Phase.objects.filter(edition=complete_draft.edition, kind="submission").update(
        ends_at=timezone.now() - dt.timedelta(minutes=1))
    response = client_as("innovator").post(reverse("entries:send", args=[complete_draft.code]), {"declaration": "on"}, follow=True)
    assert "Pengiriman ditutup" in response.content.decode()
    assert Entry.objects.get(pk=complete_draft.pk).status == Entry.Status.DRAFT


def test_send_without_declaration_is_refused(client_as, complete_draft):
    response = client_as("innovator").post(reverse("entries:send", args=[complete_draft.code]), {}, follow=True)
    assert "Centang pernyataan" in response.content.decode()


def test_verifier_of_another_unit_is_refused(client_as, complete_draft, demo_users):
    from sayembara.institutions.models import Institution

    services.send_entry(complete_draft.pk, demo_users["innovator"])
    verifier = demo_users["verifier"]
    verifier.verified_institution = Institution.objects.get(short_name="Dinkes")
    verifier.save()
    response = client_as("verifier").post(reverse("entries:verify", args=[complete_draft.code]), {"decision": "approve"})
    assert response.status_code == 403
    assert Entry.objects.get(pk=complete_draft.pk).status == Entry.Status.SENT


def test_return_needs_notes(client_as, complete_draft, demo_users):
    services.send_entry(complete_draft.pk, demo_users["innovator"])
    response = client_as("verifier").post(reverse("entries:verify", args=[complete_draft.code]), {"decision": "return", "notes": ""}, follow=True)
    assert "Tuliskan apa yang harus diperbaiki" in response.content.decode()
    client_as("verifier").post(reverse("entries:verify", args=[complete_draft.code]), {"decision": "return", "notes": "Data kurang"})
    assert Entry.objects.get(pk=complete_draft.pk).status == Entry.Status.RETURNED


def test_publish_then_public_announcement(client_as, complete_draft, demo_users):
    services.send_entry(complete_draft.pk, demo_users["innovator"])
    services.verify_entry(complete_draft.pk, demo_users["verifier"], approve=True)
    services.screen_entry(complete_draft.pk, demo_users["organiser"], "passed")
    year = complete_draft.edition.year
    assert client_as("anonymous").get(reverse("entries:announcement", args=[year])).status_code == 404
    organiser = client_as("organiser")
    # An official paper needs its number; before the deadline it needs a recorded reason too.
    organiser.post(reverse("entries:publish_screening", args=[year]), {"number": ""})
    organiser.post(reverse("entries:publish_screening", args=[year]), {"number": "B/1/2021"})
    assert client_as("anonymous").get(reverse("entries:announcement", args=[year])).status_code == 404
    organiser.post(reverse("entries:publish_screening", args=[year]), {"number": "B/1/2021", "reason": "Gelombang pertama."})
    page = client_as("anonymous").get(reverse("entries:announcement", args=[year]))
    # The edition's blind stage has not closed: the public sees how many passed and the number, not the list.
    html = page.content.decode()
    assert page.status_code == 200 and "B/1/2021" in html and 'data-testid="makers-hidden"' in html
    assert complete_draft.title not in html and complete_draft.institution.name not in html
    assert complete_draft.title in organiser.get(reverse("entries:announcement", args=[year])).content.decode()


def test_pdf_with_and_without_identity(client_as, complete_draft):
    c = client_as("organiser")
    full = c.get(reverse("entries:pdf", args=[complete_draft.code]))
    blind = c.get(reverse("entries:pdf", args=[complete_draft.code]) + "?blind=1")
    assert full.content.startswith(b"%PDF") and blind.content.startswith(b"%PDF")
    printable = c.get(reverse("entries:print", args=[complete_draft.code]) + "?blind=1").content.decode()
    assert complete_draft.institution.name not in printable.split("<main", 1)[1]


def _import_file(rows):
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    out.name = "impor.xlsx"
    return out


def test_import_with_an_error_imports_nothing(client_as, open_edition):
    header = ["unit", "judul", "kategori", "mulai", "ringkasan"]
    bad = _import_file([header, ["Dinkes", "Posyandu Digital", "Perangkat Daerah dan BUMD", "2018-01-01", "Ringkas."],
                        ["Dinas Entah", "Judul Lain", "Perangkat Daerah dan BUMD", "bukan tanggal", "x"]])
    c = client_as("organiser")
    response = c.post(reverse("entries:import", args=[open_edition.year]), {"file": bad})
    assert response.status_code == 400 and "Dinas Entah" in response.content.decode()
    assert not Entry.objects.filter(edition=open_edition).exists()
    good = _import_file([header, ["Dinkes", "Posyandu Digital", "Perangkat Daerah dan BUMD", "2018-01-01", "Ringkas."]])
    assert c.post(reverse("entries:import", args=[open_edition.year]), {"file": good}).status_code == 200
    assert Entry.objects.get(edition=open_edition).status == Entry.Status.VERIFIED


def _make_entries(edition, n):
    from sayembara.entries.models import Innovation
    from sayembara.institutions.models import Institution

    institution = Institution.objects.get(short_name="Disdukcapil")
    category = edition.categories.first()
    for i in range(n):
        innovation = Innovation.objects.create(title=f"Inovasi {i}", institution=institution)
        Entry.objects.create(edition=edition, innovation=innovation, institution=institution, category=category,
                             title=f"Inovasi {i}", code=f"T-{edition.year}-{i:04d}", status=Entry.Status.SENT)


@pytest.mark.parametrize("role,url", [
    ("organiser", "entries:organiser_list"), ("verifier", "entries:verifier_dashboard"), ("innovator", "entries:innovator_dashboard"),
])
def test_entry_lists_use_constant_queries(client_as, open_edition, django_assert_max_num_queries, role, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    c = client_as(role)
    _make_entries(open_edition, 3)
    with CaptureQueriesContext(connection) as small:
        assert c.get(reverse(url)).status_code == 200
    _make_entries_batch(open_edition, 3, 63)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert c.get(reverse(url)).status_code == 200


def _make_entries_batch(edition, start, stop):
    from sayembara.entries.models import Innovation
    from sayembara.institutions.models import Institution

    institution = Institution.objects.get(short_name="Disdukcapil")
    for i in range(start, stop):
        innovation = Innovation.objects.create(title=f"Inovasi {i}", institution=institution)
        Entry.objects.create(edition=edition, innovation=innovation, institution=institution, title=f"Inovasi {i}",
                             code=f"T-{edition.year}-{i:04d}", status=Entry.Status.SENT)
