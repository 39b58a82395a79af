"""Small rules of the entry form that must hold (issue 13): a photo slot takes photos, the checklist follows
uploads, categories follow the kind of the entrant's unit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from sayembara.entries import services
from sayembara.entries.models import Evidence, EvidenceSlot

from .conftest import pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db


def indonesian(msgid: str) -> str:
    """What an Indonesian page says for ``msgid`` (the translation, once tools/i18n/id_forms.py is merged)."""
    with translation.override("id"):
        return gettext(msgid)


NOT_A_PHOTO = ("The file “%(name)s” is not a photo: this slot takes JPG or PNG images only (whatever its name "
               "says). Choose a photo, or put the document in the slot it belongs to.")


# --- The photo slot takes photos only ------------------------------------------------------------------------


def test_the_photo_slot_refuses_a_real_pdf_and_loses_nothing(client_as, draft):
    c = client_as("innovator")
    photo = EvidenceSlot.objects.get(edition=draft.edition, code="foto")
    statement = EvidenceSlot.objects.get(edition=draft.edition, code="pernyataan_implementasi")
    assert photo.accepts == EvidenceSlot.Accepts.IMAGES
    # Already saved: a statement, a photo and the text of a section.
    c.post(reverse("entries:evidence_upload", args=[draft.code, statement.pk]),
           {"file": SimpleUploadedFile("pernyataan.pdf", pdf_bytes())})
    c.post(reverse("entries:evidence_upload", args=[draft.code, photo.pk]),
           {"file": SimpleUploadedFile("kegiatan.png", png_bytes())})
    assert Evidence.objects.filter(entry=draft).count() == 2
    before = list(Evidence.objects.filter(entry=draft).values_list("pk", "original_name"))

    url = reverse("entries:evidence_upload", args=[draft.code, photo.pk])
    response = c.post(url, {"file": SimpleUploadedFile("foto.jpg", pdf_bytes())}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert indonesian(NOT_A_PHOTO) % {"name": "foto.jpg"} in page
    assert 'data-testid="upload-error"' in page and "kegiatan.png" in page
    # Without htmx the same refusal comes as a message on the edit page.
    plain = c.post(url, {"file": SimpleUploadedFile("laporan.pdf", pdf_bytes())}, follow=True)
    assert indonesian(NOT_A_PHOTO) % {"name": "laporan.pdf"} in plain.content.decode()
    assert list(Evidence.objects.filter(entry=draft).values_list("pk", "original_name")) == before
    # Other slots still take PDFs.
    services.attach_evidence(draft, statement, SimpleUploadedFile("lagi.pdf", pdf_bytes()), draft.created_by)


def test_the_photo_slot_offers_images_in_the_file_picker(client_as, draft):
    page = client_as("innovator").get(reverse("entries:edit", args=[draft.code])).content.decode()
    photo = EvidenceSlot.objects.get(edition=draft.edition, code="foto")
    picker = page.split(f'id="file-{photo.pk}"', 1)[1].split(">", 1)[0]
    assert "image/jpeg" in picker and "image/png" in picker and "pdf" not in picker
    statement = EvidenceSlot.objects.get(edition=draft.edition, code="pernyataan_implementasi")
    assert "application/pdf" in page.split(f'id="file-{statement.pk}"', 1)[1].split(">", 1)[0]


def test_a_pdf_only_slot_refuses_an_image(draft):
    from django.core.exceptions import ValidationError

    slot = EvidenceSlot.objects.get(edition=draft.edition, code="sop")
    slot.accepts = EvidenceSlot.Accepts.PDF
    slot.save()
    with pytest.raises(ValidationError) as error:
        services.attach_evidence(draft, slot, SimpleUploadedFile("sop.pdf", png_bytes()), draft.created_by)
    assert error.value.code == "wrong_type" and "sop.pdf" in error.value.messages[0]
    assert not Evidence.objects.filter(entry=draft).exists()


# --- The checklist follows uploads and saves -----------------------------------------------------------------


def _evidence_line(html: str) -> str:
    import re

    checklist = re.search(r'<div id="entry-checklist"[^>]*hx-swap-oob="true"[^>]*>(.*?)</div>', html, re.S)
    assert checklist, html
    line = next(li for li in checklist.group(1).split("<li") if indonesian("Required evidence attached") in li)
    return line


def test_the_checklist_is_refreshed_by_an_upload(client_as, draft):
    c = client_as("innovator")
    page = c.get(reverse("entries:edit", args=[draft.code])).content.decode()
    assert 'id="entry-checklist"' in page
    required = list(EvidenceSlot.objects.filter(edition=draft.edition, required=True))
    for number, slot in enumerate(required, start=1):
        response = c.post(reverse("entries:evidence_upload", args=[draft.code, slot.pk]),
                          {"file": SimpleUploadedFile(f"{slot.code}.pdf", pdf_bytes())}, HTTP_HX_REQUEST="true")
        line = _evidence_line(response.content.decode())
        assert slot.name not in line
        if number < len(required):
            assert 'class="bad"' in line and required[-1].name in line
        else:
            assert 'class="ok"' in line  # the last required file: the check turns green without a reload


def test_the_checklist_is_refreshed_by_an_autosave(client_as, draft):
    from .test_bad_input_views import _form_data

    c = client_as("innovator")
    before = c.get(reverse("entries:edit", args=[draft.code])).content.decode()
    assert indonesian("innovation start date") in before.split('id="entry-checklist"', 1)[1].split("</ul>", 1)[0]
    response = c.post(reverse("entries:edit", args=[draft.code]), _form_data(c, draft, started_on="2016-02-01"),
                      HTTP_X_AUTOSAVE="1")
    checklist = response.json()["checklist"]
    assert 'data-testid="checklist"' in checklist and indonesian("innovation start date") not in checklist


# --- Categories follow the kind of the entrant's unit -----------------------------------------------------------


@pytest.fixture
def village_draft(open_edition, demo_users, settings, tmp_path):
    from sayembara.accounts import membership
    from sayembara.accounts.models import User
    from sayembara.institutions.models import Institution

    settings.MEDIA_ROOT = tmp_path / "media"
    village = Institution.objects.filter(type__code="pemdes").first()
    person = User.objects.create_user(email="operator.desa@example.org", username="operator.desa",
                                      full_name="Operator Desa", password="x-unused-password-1")
    membership.grant(person, village, by=demo_users["organiser"])
    person.refresh_from_db()
    return services.create_entry(person, open_edition, "Layanan Surat Desa Daring")


def _categories(edition):
    return {c.name: c for c in edition.categories.all()}


def test_a_village_sees_and_may_choose_only_the_village_category(client, village_draft):
    from sayembara.entries.forms import ProposalForm

    form = ProposalForm(entry=village_draft)
    assert [c.name for c in form.fields["category"].queryset] == ["Pemerintah Desa"]
    client.force_login(village_draft.created_by)
    page = client.get(reverse("entries:edit", args=[village_draft.code])).content.decode()
    select = page.split('name="category"', 1)[1].split("</select>", 1)[0]
    assert "Pemerintah Desa" in select and "Perangkat Daerah dan BUMD" not in select


def test_an_agency_does_not_see_the_village_category(draft):
    from sayembara.entries.forms import ProposalForm

    assert [c.name for c in ProposalForm(entry=draft).fields["category"].queryset] == ["Perangkat Daerah dan BUMD"]


def test_a_forged_category_is_refused_with_a_clear_message_and_nothing_is_lost(client, village_draft):
    from sayembara.entries.models import Entry

    from .test_bad_input_views import _form_data

    client.force_login(village_draft.created_by)
    agencies = _categories(village_draft.edition)["Perangkat Daerah dan BUMD"]
    data = _form_data(client, village_draft, category=str(agencies.pk), section_ringkasan="Teks yang tetap ada.")
    response = client.post(reverse("entries:edit", args=[village_draft.code]), data)
    page = response.content.decode()
    assert response.status_code == 400 and "Teks yang tetap ada." in page
    kind = str(village_draft.institution.type)
    message = indonesian("This category is not open to units of your kind (%(kind)s). Choose one of the categories "
                         "in the list.") % {"kind": kind}
    assert message in page.replace("&#x27;", "'")
    autosave = client.post(reverse("entries:edit", args=[village_draft.code]), data, HTTP_X_AUTOSAVE="1")
    assert autosave.status_code == 400 and autosave.json()["errors"]["category"] == [message]
    assert Entry.objects.get(pk=village_draft.pk).category_id is None


def test_the_service_refuses_a_category_of_another_kind(village_draft, draft, demo_users):
    categories = _categories(village_draft.edition)
    with pytest.raises(services.EntryError) as error:
        services.save_proposal(village_draft.pk, village_draft.created_by, village_draft.version,
                               services.ProposalData(title="X", category=categories["Perangkat Daerah dan BUMD"]))
    assert "Perangkat Daerah dan BUMD" in str(error.value) and str(village_draft.institution.type) in str(error.value)
    with pytest.raises(services.EntryError):
        services.save_proposal(draft.pk, demo_users["innovator"], draft.version,
                               services.ProposalData(title="X", category=categories["Pemerintah Desa"]))
    # The right ones are taken.
    services.save_proposal(village_draft.pk, village_draft.created_by, village_draft.version,
                           services.ProposalData(title="X", category=categories["Pemerintah Desa"]))
    services.save_proposal(draft.pk, demo_users["innovator"], draft.version,
                           services.ProposalData(title="X", category=categories["Perangkat Daerah dan BUMD"]))


def test_an_entry_already_in_a_wrong_category_cannot_be_sent(village_draft):
    from sayembara.entries.models import Entry

    Entry.objects.filter(pk=village_draft.pk).update(category=_categories(village_draft.edition)["Perangkat Daerah dan BUMD"])
    village_draft.refresh_from_db()
    check = next(c for c in services.eligibility(village_draft) if c.code == "category")
    assert not check.ok and check.blocking and "Perangkat Daerah dan BUMD" in check.detail
