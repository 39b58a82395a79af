"""An edition's entries are listed a page at a time: a national contest has thousands (never the whole list)."""

import uuid

from django.urls import reverse

from sayembara.entries.models import Entry, Innovation
from sayembara.institutions.models import Institution
from sayembara.portal.overview import ENTRIES_PAGE_SIZE


def _add_passed_entries(edition, n):
    unit = Institution.objects.filter(type__participates=True).order_by("pk").first()
    innovations = Innovation.objects.bulk_create(
        Innovation(title=f"Inovasi massal {i:04d}", institution=unit) for i in range(n))
    Entry.objects.bulk_create(
        Entry(edition=edition, innovation=innovation, institution=unit, title=innovation.title,
              status=Entry.Status.PASSED, code=f"M-{edition.year}-{uuid.uuid4().hex[:8]}")
        for innovation in innovations)


def test_an_edition_page_lists_one_page_of_entries_with_true_totals(client, edition_2020, django_assert_max_num_queries):
    passed = Entry.objects.filter(edition=edition_2020, status=Entry.Status.PASSED).count()
    _add_passed_entries(edition_2020, 2 * ENTRIES_PAGE_SIZE)
    total = passed + 2 * ENTRIES_PAGE_SIZE
    first = client.get(reverse("editions:detail", args=[2020])).content.decode()
    assert first.count('data-label="Nomor"') == ENTRIES_PAGE_SIZE
    assert f"Entri 1–{ENTRIES_PAGE_SIZE} dari {total}." in first
    last = client.get(reverse("editions:detail", args=[2020]) + "?page=3").content.decode()
    assert last.count('data-label="Nomor"') == total - 2 * ENTRIES_PAGE_SIZE
    # Junk page numbers fall back to a page, never an error.
    assert client.get(reverse("editions:detail", args=[2020]) + "?page=abc").status_code == 200
    with django_assert_max_num_queries(25):
        client.get(reverse("editions:detail", args=[2020]) + "?page=2")
