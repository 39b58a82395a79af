"""The insights workbook cannot carry formulas: unit names and e-mail addresses are neutralised, numbers stay."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sayembara.entries.models import Entry
from sayembara.institutions.models import Institution

pytestmark = pytest.mark.django_db


def test_unit_names_in_the_export_are_neutralised(client_as):
    units = list(Institution.objects.filter(pk__in=Entry.objects.filter(edition__year=2020).values("institution"))
                 .order_by("name")[:3])
    for unit, name in zip(units, ['=HYPERLINK("http://x")', "@SUM(1)", "-2+3"]):
        unit.name = name
        unit.save(update_fields=["name"])
    response = client_as("organiser").get(reverse("insights:export"), {"year": 2020})
    book = load_workbook(BytesIO(response.content))
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert {'\'=HYPERLINK("http://x")', "'@SUM(1)", "'-2+3"} <= texts
    assert not any(cell.data_type == "f" for cell in cells)
    assert not any(t.startswith(("=", "+", "-", "@")) for t in texts)
    totals = [row[-1] for row in book[book.sheetnames[0]].iter_rows(min_row=2, values_only=True)]
    assert totals == [35, 27, 18]  # numbers stay numbers
