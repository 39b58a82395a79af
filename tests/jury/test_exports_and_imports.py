"""The jury's exports cannot carry formulas; the paper-sheet import accepts only real .xlsx workbooks."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from sayembara.entries.models import Entry
from sayembara.jury import services
from sayembara.jury.models import Conflict, ScoreSheet

pytestmark = pytest.mark.django_db


def test_conflict_register_csv_is_neutralised(judging, jurors, client_as):
    entry = Entry.objects.get(code="KIPP-2026-002")
    Entry.objects.filter(pk=entry.pk).update(title='=HYPERLINK("http://x")')
    services.record_conflict(jurors["ngo"], entry, Conflict.Kind.OTHER, Conflict.Source.RECORDED, note="@SUM(1)")
    response = client_as("organiser").get(reverse("jury:conflicts_csv", kwargs={"year": 2026}))
    assert response.content.startswith("\ufeff".encode())  # Excel still reads it as UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    row = next(r for r in rows if r[0] == "KIPP-2026-002" and r[8] == "'@SUM(1)")
    assert row[1] == '\'=HYPERLINK("http://x")'
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)


def test_import_template_is_neutralised_and_a_filled_in_copy_imports(judging, jurors, client_as):
    stage = judging["proposal"]
    juror = jurors["academic"]
    juror.user.email = "-akademisi@example.org"  # a valid address that a spreadsheet would read as a formula
    juror.user.save(update_fields=["email"])
    client = client_as("organiser")
    template = client.get(reverse("jury:import_template", kwargs={"stage_pk": stage.pk}))
    rows = list(load_workbook(io.BytesIO(template.content)).active.iter_rows(values_only=True))
    assert rows[0] == tuple(services.IMPORT_HEADERS)
    mine = [list(r) for r in rows[1:] if r[0] == "KIPP-2026-001" and r[1] == "'-akademisi@example.org"]
    assert len(mine) == stage.criteria.count()
    filled = Workbook()
    filled.active.append(services.IMPORT_HEADERS)
    for row in mine:
        filled.active.append(row[:3] + [75, "Dinilai di kertas"])
    out = io.BytesIO()
    filled.save(out)
    response = client.post(reverse("jury:import_sheets", kwargs={"stage_pk": stage.pk}),
                           {"file": SimpleUploadedFile("nilai.xlsx", out.getvalue())})
    assert response.status_code == 302
    assert ScoreSheet.objects.get(stage=stage, juror=juror, entry__code="KIPP-2026-001").status == "submitted"


@pytest.mark.parametrize("content", [
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,  # an old .xls
    b"entry,juror_email,criterion,score\n",  # a CSV under an .xlsx name
])
def test_paper_sheet_import_refuses_what_is_not_an_xlsx(judging, client_as, content):
    stage = judging["proposal"]
    response = client_as("organiser").post(reverse("jury:import_sheets", kwargs={"stage_pk": stage.pk}),
                                           {"file": SimpleUploadedFile("nilai.xlsx", content)})
    page = response.content.decode()
    assert response.status_code == 200 and 'data-testid="import-errors"' in page and "nilai.xlsx" in page
    assert not ScoreSheet.objects.filter(stage=stage).exists()


def test_paper_sheet_import_has_a_size_cap(judging, client_as, settings):
    settings.UPLOAD_MAX_BYTES = 100
    stage = judging["proposal"]
    book = Workbook()
    book.active.append(services.IMPORT_HEADERS)
    out = io.BytesIO()
    book.save(out)
    response = client_as("organiser").post(reverse("jury:import_sheets", kwargs={"stage_pk": stage.pk}),
                                           {"file": SimpleUploadedFile("nilai.xlsx", out.getvalue())})
    assert 'data-testid="import-errors"' in response.content.decode() and "100" in response.content.decode()
