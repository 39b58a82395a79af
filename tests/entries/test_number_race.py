"""Two people starting an entry at the same moment take the same number once; the second takes the next one."""

import pytest

from sayembara.entries import services
from sayembara.entries.models import Entry, Innovation
from sayembara.entries.services import drafting

pytestmark = pytest.mark.django_db


def test_a_number_taken_meanwhile_gives_the_next_one_and_a_new_innovation(open_edition, demo_users, monkeypatch):
    first = services.create_entry(demo_users["innovator"], open_edition, "Layanan Pertama")
    real_next_code = drafting.next_code
    calls = []

    def number_taken_by_someone_else(edition):
        # The first attempt reads the number just taken by another request (the race), later ones read afresh.
        calls.append(edition)
        return first.code if len(calls) == 1 else real_next_code(edition)

    monkeypatch.setattr(drafting, "next_code", number_taken_by_someone_else)
    innovations_before = Innovation.objects.count()
    second = services.create_entry(demo_users["innovator"], open_edition, "Layanan Kedua")
    assert len(calls) == 2 and second.code != first.code
    second.refresh_from_db()
    assert Innovation.objects.filter(pk=second.innovation_id, title="Layanan Kedua").exists()
    assert Innovation.objects.count() == innovations_before + 1  # the failed attempt left nothing behind
    assert Entry.objects.filter(edition=open_edition, code=second.code).count() == 1
