"""Every upload is checked by its content: evidence images are limited in pixels before decoding, spreadsheets
must be real .xlsx workbooks within size limits, and the import template cannot carry formulas."""

import io
import struct
import time
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from sayembara.entries.models import Entry
from sayembara.uploads import check_upload

from .conftest import png_bytes

pytestmark = pytest.mark.django_db


def huge_jpeg(width=12_000, height=12_000) -> bytes:
    """A small real JPEG whose header claims ``width`` × ``height`` pixels (decoding it would need ~430 MB)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (16, 16), "blue").save(out, "JPEG")
    data = bytearray(out.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def huge_png(width=12_000, height=12_000) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("maker,name", [(huge_jpeg, "foto.jpg"), (huge_png, "peta.png")])
def test_an_image_with_too_many_pixels_is_refused_from_its_header(maker, name):
    started = time.perf_counter()
    with pytest.raises(ValidationError) as error:
        check_upload(SimpleUploadedFile(name, maker()))
    assert error.value.code == "too_many_pixels"
    assert "12000 × 12000" in error.value.messages[0] and name in error.value.messages[0]
    assert time.perf_counter() - started < 1  # nothing was decoded


def test_the_pixel_limit_is_a_setting_and_smaller_images_pass(settings):
    settings.UPLOAD_MAX_PIXELS = 10  # a 4 × 4 test image has 16
    with pytest.raises(ValidationError) as error:
        check_upload(SimpleUploadedFile("foto.png", png_bytes()))
    assert error.value.code == "too_many_pixels"
    settings.UPLOAD_MAX_PIXELS = 16
    assert check_upload(SimpleUploadedFile("foto.png", png_bytes())).content_type == "image/png"


def test_a_huge_image_through_the_evidence_form_is_refused_and_nothing_is_stored(client_as, draft, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    slot = draft.edition.evidence_slots.first()
    url = reverse("entries:evidence_upload", args=[draft.code, slot.pk])
    response = client_as("innovator").post(url, {"file": SimpleUploadedFile("foto.jpg", huge_jpeg())}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'data-testid="upload-error"' in response.content.decode()
    assert "12000" in response.content.decode()
    assert not draft.evidence.exists()


# --- Spreadsheet imports ------------------------------------------------------------------------------------


def _workbook(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _zip(members: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return out.getvalue()


GOOD_ROWS = [["unit", "judul", "kategori"], ["Dinkes", "Posyandu Digital", "Perangkat Daerah dan BUMD"]]


@pytest.mark.parametrize("content,code_word", [
    (b"unit,judul,kategori\nDinkes,Posyandu,Perangkat Daerah dan BUMD\n", "Excel"),  # a CSV renamed .xlsx
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, ".xls"),  # an old .xls or a password-protected workbook
    (_zip({"readme.txt": "not a workbook"}), "Excel"),  # a zip, not OOXML
    (_zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<broken"}), "Excel"),  # OOXML-looking, unreadable
])
def test_an_import_that_is_not_a_real_xlsx_is_refused_with_a_message(client_as, open_edition, content, code_word):
    response = client_as("organiser").post(reverse("entries:import", args=[open_edition.year]),
                                           {"file": SimpleUploadedFile("impor.xlsx", content)})
    page = response.content.decode()
    assert response.status_code == 400 and "impor.xlsx" in page and code_word in page
    assert not Entry.objects.filter(edition=open_edition).exists()


def test_import_size_limits(client_as, open_edition, settings):
    c = client_as("organiser")
    url = reverse("entries:import", args=[open_edition.year])
    settings.UPLOAD_MAX_UNPACKED_BYTES = 1000  # a zip bomb unpacks to far more than it weighs
    response = c.post(url, {"file": SimpleUploadedFile("impor.xlsx", _workbook(GOOD_ROWS))})
    assert response.status_code == 400 and not Entry.objects.filter(edition=open_edition).exists()
    settings.UPLOAD_MAX_UNPACKED_BYTES = 10 * 1024 * 1024
    settings.UPLOAD_MAX_BYTES = 1000
    response = c.post(url, {"file": SimpleUploadedFile("impor.xlsx", _workbook(GOOD_ROWS))})
    assert response.status_code == 400 and not Entry.objects.filter(edition=open_edition).exists()
    settings.UPLOAD_MAX_BYTES = 5 * 1024 * 1024
    assert c.post(url, {"file": SimpleUploadedFile("impor.xlsx", _workbook(GOOD_ROWS))}).status_code == 200
    assert Entry.objects.filter(edition=open_edition).count() == 1


def test_the_import_template_cannot_carry_formulas_and_still_round_trips(client_as, open_edition):
    section = open_edition.proposal_sections.order_by("order").first()
    section.code = "-2+3"  # a slug may start with a hyphen
    section.save(update_fields=["code"])
    c = client_as("organiser")
    template = c.get(reverse("entries:import_template", args=[open_edition.year]))
    sheet = load_workbook(io.BytesIO(template.content)).active
    header = [cell.value for cell in sheet[1]]
    assert "'-2+3" in header and all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    values = {"unit": "Dinkes", "judul": "Posyandu Digital", "kategori": "Perangkat Daerah dan BUMD", "'-2+3": "Ringkasan singkat."}
    rows = [header, [values.get(h, "") for h in header]]
    response = c.post(reverse("entries:import", args=[open_edition.year]),
                      {"file": SimpleUploadedFile("impor.xlsx", _workbook(rows))})
    assert response.status_code == 200
    entry = Entry.objects.get(edition=open_edition)
    assert entry.answers.get(section=section).text == "Ringkasan singkat."


