"""Participation figures on the Pemalang demo: exact coverage lists, funnel, exports, invitations."""

from io import BytesIO

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from sayembara import demo
from sayembara.institutions.models import Institution
from sayembara.insights import services
from sayembara.insights.models import Invitation

pytestmark = pytest.mark.django_db


def _units_of(years) -> set[str]:
    """Full names of the units that entered in the given demo years, from the demo's own plan."""
    by_short = {short: name for name, short in demo.OPD + demo.BUMD}
    for villages in demo.KECAMATAN_VILLAGES.values():
        by_short.update({v: f"Pemerintah Desa {v}" for v in villages})
    return {by_short[demo.INNOVATIONS[i][1]] for y in years for i in demo.ENTRIES_BY_YEAR[y]}


def _names(rows) -> set[str]:
    return {row.institution.name for row in rows}


def test_entries_per_edition_fall_35_27_18():
    data = services.entries_by_type([2018, 2019, 2020])
    assert [r["total"] for r in data["rows"]] == [35, 27, 18]
    assert [t.code for t in data["types"]] == ["opd", "pemdes", "bumd"]


def test_coverage_2020_is_exact():
    cover = services.coverage(2020)
    took_part = _units_of([2020])
    before = _units_of([2018, 2019])
    assert _names(cover["took_part"]) == took_part
    assert _names(cover["dropped"]) == before - took_part
    eligible = set(Institution.objects.filter(type__participates=True, active=True).values_list("name", flat=True))
    assert _names(cover["never"]) == eligible - before - took_part
    # Kecamatan offices may enter but never did; outside bodies (universities, NGOs) are not eligible.
    assert "Kecamatan Belik" in _names(cover["never"])
    assert "Universitas Diponegoro" not in _names(cover["never"]) | _names(cover["dropped"])
    # Pemerintah Desa Moga entered only in 2020 (its replication): first time.
    assert "Pemerintah Desa Moga" in _names(cover["new"])
    assert cover["units"] == len(eligible)


def test_coverage_dropped_units_show_their_last_year():
    cover = services.coverage(2020)
    dropped = {row.institution.name: row.last_year for row in cover["dropped"]}
    assert dropped["Dinas Perpustakaan dan Kearsipan"] == 2019  # PUSLING, index 11, entered 2018 and 2019


def test_funnel_and_winners():
    rows = {r["year"]: r for r in services.funnel([2018, 2019, 2020])}
    assert rows[2020]["started"] == rows[2020]["sent"] == rows[2020]["passed"] == 18
    assert rows[2020]["winners"] == 9  # Juara I–III + Harapan I–III for OPD/BUMD, Juara I–III for villages
    assert rows[2020]["winners"] <= rows[2020]["finalists"] <= rows[2020]["passed"]
    assert rows[2020]["abandoned"] == 0


def test_drafts_abandoned_are_counted(edition_2020):
    from sayembara.entries.models import Entry, Innovation

    unit = Institution.objects.get(name="Kecamatan Belik")
    innovation = Innovation.objects.create(title="Draf", institution=unit)
    Entry.objects.create(edition=edition_2020, innovation=innovation, institution=unit, title="Draf", code="X-1")
    row = {r["year"]: r for r in services.funnel([2020])}[2020]
    assert row["started"] == 19 and row["sent"] == 18 and row["abandoned"] == 1


def test_score_distribution_per_criterion_and_year():
    rows = services.score_distribution([2018, 2019, 2020])
    assert {(r["year"], r["criterion"]) for r in rows} == {
        (y, c) for y in (2018, 2019, 2020) for c in ("Inovasi", "Kemanfaatan", "Replikasi dan Keberlanjutan")
    }
    row = next(r for r in rows if r["year"] == 2020 and r["criterion"] == "Inovasi")
    assert row["n"] == 18 * 3 * 3 == sum(row["histogram"])
    assert 40 <= row["low"] <= row["mean"] <= row["high"] <= 98


def test_dashboard_page_and_query_count_does_not_grow(client_as, django_assert_max_num_queries, edition_2020):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sayembara.entries.models import Entry, Innovation

    client = client_as("organiser")
    with CaptureQueriesContext(connection) as before:
        response = client.get(reverse("insights:dashboard"), {"year": 2020})
    body = response.content.decode()
    assert "Dinas Perpustakaan dan Kearsipan" in body or "chart-by-type" in body
    unit = Institution.objects.get(name="Kecamatan Belik")
    for n in range(30):
        innovation = Innovation.objects.create(title=f"Inovasi {n}", institution=unit)
        Entry.objects.create(edition=edition_2020, innovation=innovation, institution=unit, title=f"Inovasi {n}",
                             code=f"Q-{n}", status=Entry.Status.SENT)
    with django_assert_max_num_queries(len(before)):
        response = client.get(reverse("insights:dashboard"), {"year": 2020})
    assert response.status_code == 200


def test_xlsx_export_has_the_tables(client_as):
    response = client_as("organiser").get(reverse("insights:export"), {"year": 2020})
    book = load_workbook(BytesIO(response.content))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = book[book.sheetnames[0]]
    totals = [row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert totals == [35, 27, 18]
    assert len(book.sheetnames) >= 6


def test_summary_names_the_units_that_dropped_out(client_as):
    body = client_as("organiser").get(reverse("insights:summary"), {"year": 2020}).content.decode()
    assert "Dinas Perpustakaan dan Kearsipan (2019)" in body
    assert "data-print" in body  # the Print button (app.js; no inline handler under the CSP)


def test_invitations_go_to_contact_or_members_and_are_recorded(client_as):
    client = client_as("organiser")
    kuta = Institution.objects.get(name="Pemerintah Desa Kuta")
    belik = Institution.objects.get(name="Kecamatan Belik")
    response = client.post(reverse("insights:contact", args=[kuta.pk]), {"contact_email": "bukan-alamat"})
    kuta.refresh_from_db()
    assert kuta.contact_email == ""
    client.post(reverse("insights:contact", args=[kuta.pk]), {"contact_email": "desa.kuta@example.id"})
    response = client.post(reverse("insights:invite"), {"institution": [kuta.pk, belik.pk]}, follow=True)
    assert [m.to for m in mail.outbox] == [["desa.kuta@example.id"]]
    assert "/accounts/register/" in mail.outbox[0].body
    assert Invitation.objects.filter(institution=kuta).count() == 1
    body = response.content.decode()
    assert "Kecamatan Belik" in body  # no address: named in the error message


def test_call_page_without_open_edition_links_last_results(client):
    body = client.get(reverse("insights:call")).content.decode()
    assert 'data-testid="no-open-edition"' in body and "/editions/2020/" in body


def test_call_page_counts_down_to_the_open_edition(client):
    import datetime as dt

    from django.utils import timezone

    from sayembara.editions.models import Edition, Phase

    edition = Edition.objects.create(year=2021, title="Kompetisi Inovasi Pelayanan Publik", host="Pemkab Pemalang",
                                     status=Edition.Status.OPEN)
    ends = timezone.now() + dt.timedelta(days=20)
    Phase.objects.create(edition=edition, kind=Phase.Kind.SUBMISSION, name="Batas", starts_at=ends - dt.timedelta(days=1), ends_at=ends)
    body = client.get(reverse("insights:call")).content.decode()
    assert 'data-testid="countdown"' in body and "2021" in body


def test_announcement_text_links_the_call_and_registry(client_as):
    body = client_as("organiser").get(reverse("insights:announcement")).content.decode()
    assert "/registry/" in body and "/insights/call/" in body


def test_coverage_forms_return_only_to_pages_of_this_site(client_as):
    client = client_as("organiser")
    kuta = Institution.objects.get(name="Pemerintah Desa Kuta")
    for target in ["//elsewhere.example/x", "https://elsewhere.example/", "/\\elsewhere.example"]:
        response = client.post(reverse("insights:contact", args=[kuta.pk]), {"contact_email": "", "next": target})
        assert response["Location"] == reverse("insights:coverage"), target
    response = client.post(reverse("insights:contact", args=[kuta.pk]), {"contact_email": "", "next": "/insights/coverage/?year=2020"})
    assert response["Location"] == "/insights/coverage/?year=2020"


def test_an_invitation_states_the_units_own_deadline_with_its_extension(client_as, demo_users):
    """One deadline rule (entries.services): a unit with a recorded extension is invited with its later date."""
    import datetime as dt

    from django.utils import timezone

    from sayembara.editions.models import Edition, Phase
    from sayembara.entries.models import DeadlineExtension

    edition = Edition.objects.create(year=2021, title="Kompetisi Inovasi Pelayanan Publik", host="Pemkab Pemalang",
                                     status=Edition.Status.OPEN)
    ends = timezone.make_aware(dt.datetime(2021, 6, 30, 16, 0))
    Phase.objects.create(edition=edition, kind=Phase.Kind.SUBMISSION, name="Batas", starts_at=ends - dt.timedelta(days=30),
                         ends_at=ends)
    kuta = Institution.objects.get(name="Pemerintah Desa Kuta")
    belik = Institution.objects.get(name="Kecamatan Belik")
    for unit, address in ((kuta, "desa.kuta@example.id"), (belik, "kec.belik@example.id")):
        Institution.objects.filter(pk=unit.pk).update(contact_email=address)
    DeadlineExtension.objects.create(edition=edition, institution=kuta, until=ends + dt.timedelta(days=7),
                                     reason="Listrik padam", granted_by=demo_users["organiser"])
    client_as("organiser").post(reverse("insights:invite"), {"institution": [kuta.pk, belik.pk]})
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert "7 Juli 2021, 16:00 WIB" in bodies["desa.kuta@example.id"]
    assert "30 Juni 2021, 16:00 WIB" in bodies["kec.belik@example.id"]
