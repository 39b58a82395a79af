"""Participation figures on the Pemalang demo: exact coverage lists, funnel, exports, invitations."""

from io import BytesIO

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from sayembara import demo
from sayembara.entries.models import Entry
from sayembara.institutions.models import Institution
from sayembara.insights import services
from sayembara.insights.models import Invitation
from tests import factories

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


def test_funnel_counts_each_step_of_an_edition():
    # An edition of its own: 4 drafts started, 3 sent, 2 passed screening, 1 reached the interview, 1 won.
    year = factories.edition(2031)
    proposal = factories.stage(year, order=1)
    interview = factories.stage(year, order=2, kind="interview")
    factories.entry(year, status=Entry.Status.DRAFT)
    factories.entry(year, status=Entry.Status.FAILED)
    factories.entry(year, status=Entry.Status.PASSED, reached_stage=proposal)
    finalist = factories.entry(year, status=Entry.Status.PASSED, reached_stage=interview)
    factories.award(finalist)
    row = services.funnel([2031])[0]
    assert row == {"year": 2031, "started": 4, "sent": 3, "passed": 2, "finalists": 1, "winners": 1, "abandoned": 1}


def test_a_winner_counts_as_a_finalist_even_without_a_recorded_stage():
    year = factories.edition(2032)
    factories.award(factories.entry(year, status=Entry.Status.PASSED))
    row = services.funnel([2032])[0]
    assert row["winners"] == row["finalists"] == 1


def test_score_distribution_pools_a_criterion_over_jurors_and_leaves_drafts_out():
    year = factories.edition(2031)
    stage = factories.stage(year, criteria={"inovasi": (0, 100)})
    first, second = factories.juror(year), factories.juror(year)
    entries = [factories.entry(year), factories.entry(year)]
    for juror, values in ((first, (60, 80)), (second, (70, 90))):
        for entry, value in zip(entries, values):
            factories.submit_sheet(juror, stage, entry, {"inovasi": value})
    factories.submit_sheet(factories.juror(year), stage, entries[0], {"inovasi": 10}, status="draft")
    row = next(r for r in services.score_distribution([2031]) if r["criterion"] == "Inovasi")
    assert row["n"] == 4 == sum(row["histogram"])
    assert (row["low"], row["mean"], row["high"]) == (60, 75, 90)


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
