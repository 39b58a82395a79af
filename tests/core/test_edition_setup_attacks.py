"""The editor attacked: every way found to change what entrants or jurors relied on is refused in words, junk
gives a message (not a 500), and the changes that are made reach the audit trail."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sayembara.audit.models import AuditEvent
from sayembara.editions.models import Category, Phase, ProposalSection
from sayembara.entries.models import Entry, ProposalAnswer
from sayembara.entries.printing import proposal_context
from sayembara.institutions.models import InstitutionType
from sayembara.jury.models import Assignment
from tests import factories

from .setup_rows import messages_of, rows_post

pytestmark = pytest.mark.django_db


def test_a_form_preset_over_draft_text_is_refused_not_a_server_error(organiser, fresh):
    group = fresh.groups.get()
    entry = factories.entry(fresh, category=fresh.categories.get(), status=Entry.Status.DRAFT)
    ProposalAnswer.objects.create(entry=entry, section=ProposalSection.objects.get(edition=fresh, code="ringkasan"),
                                  text="Draf yang belum dikirim.")
    response = organiser.post(reverse("editions:apply_preset", args=[fresh.year]),
                              {"preset": "kipp_khusus", "group": group.pk}, follow=True)
    assert response.status_code == 200 and "draf" in messages_of(response).lower() or "draft" in messages_of(response)
    assert ProposalAnswer.objects.filter(entry=entry).exists()


def test_a_stage_under_way_keeps_its_rules_and_its_place(organiser, running):
    presentation = running.stages.get(kind="presentation")
    Assignment.objects.create(stage=presentation, juror=factories.juror(running), entry=Entry.objects.filter(
        edition=running).first())
    url = reverse("editions:setup_stages", args=[running.year])
    stages = organiser.get(url).context["formsets"][0][1]
    index = [f.instance.kind for f in stages.forms].index("presentation")
    organiser.post(url, rows_post(stages, "stages", delete=[index]))
    assert running.stages.filter(kind="presentation").exists()
    proposal_index = [f.instance.kind for f in stages.forms].index("proposal")
    organiser.post(url, rows_post(stages, "stages", change={proposal_index: {"blind": False}}))
    assert running.stages.get(kind="proposal").blind
    response = organiser.post(reverse("editions:apply_preset", args=[running.year]), {"preset": "permenpan_91_2021"},
                              follow=True)
    assert Assignment.objects.filter(stage=presentation).exists() and "dimulai" in messages_of(response)


def test_an_open_stage_without_sheets_cannot_turn_its_blindness_off(organiser, fresh):
    fresh.stages.filter(kind="proposal").update(status="open")
    url = reverse("editions:setup_stages", args=[fresh.year])
    stages = organiser.get(url).context["formsets"][0][1]
    index = [f.instance.kind for f in stages.forms].index("proposal")
    organiser.post(url, rows_post(stages, "stages", change={index: {"blind": False}}))
    assert fresh.stages.get(kind="proposal").blind


def test_a_new_required_section_or_evidence_after_entries_were_sent_is_refused(organiser, running):
    group = running.groups.get()
    url = reverse("editions:setup_form", args=[running.year, group.pk])
    sections = organiser.get(url).context["formsets"][0][1]
    response = organiser.post(url, rows_post(sections, "sections", add={
        "order": 30, "code": "baru", "title": "Baru", "word_limit": 100, "required": True}), follow=True)
    assert "Baru" in messages_of(response) and not ProposalSection.objects.filter(code="baru").exists()
    organiser.post(url, rows_post(sections, "sections", add={
        "order": 30, "code": "baru", "title": "Baru", "word_limit": 100, "required": False}))
    assert ProposalSection.objects.filter(code="baru", required=False).exists()  # optional is fine


def test_who_may_enter_a_category_with_sent_entries_is_fixed_and_type_changes_are_audited(organiser, fresh, running):
    url = reverse("editions:setup_groups", args=[running.year])
    categories = organiser.get(url).context["formsets"][1][1]
    kind = InstitutionType.objects.filter(participates=True).first()
    organiser.post(url, rows_post(categories, "categories", change={0: {"institution_types": [kind.pk]}}))
    assert not running.categories.get().institution_types.exists()
    Entry.objects.filter(edition=running).update(status=Entry.Status.DRAFT)
    organiser.post(url, rows_post(categories, "categories", change={0: {"institution_types": [kind.pk]}}))
    assert list(running.categories.get().institution_types.all()) == [kind]
    event = AuditEvent.objects.filter(model="editions.category", changes__has_key="institution_types").get()
    assert event.changes["institution_types"] == [[], [kind.pk]] and event.actor.email == "panitia@pemalang.demo"


def test_a_date_of_year_one_is_a_message_not_a_server_error(organiser, fresh):
    url = reverse("editions:setup_schedule", args=[fresh.year])
    phases = organiser.get(url).context["formsets"][0][1]
    response = organiser.post(url, rows_post(phases, "phases", change={
        0: {"starts_at": "0001-01-01T00:00", "ends_at": "0001-01-01T01:00"}}))
    assert response.status_code == 200 and response.context["formsets"][0][1].errors[0]


def test_a_row_still_used_is_refused_in_words(organiser, fresh):
    group = fresh.groups.get()
    entry = factories.entry(fresh, category=fresh.categories.get(), status=Entry.Status.DRAFT)
    ProposalAnswer.objects.create(entry=entry, section=ProposalSection.objects.get(edition=fresh, code="sumber_daya"),
                                  text="")
    url = reverse("editions:setup_form", args=[fresh.year, group.pk])
    sections = organiser.get(url).context["formsets"][0][1]
    index = [f.instance.code for f in sections.forms].index("sumber_daya")
    response = organiser.post(url, rows_post(sections, "sections", delete=[index]), follow=True)
    assert "masih dipakai" in messages_of(response) or "still used" in messages_of(response)


def test_answers_outside_the_entrys_form_are_neither_printed_nor_shown_blind(two_groups):
    edition, umum, replikasi = two_groups
    entry = factories.entry(edition, category=edition.categories.get(group=umum), status=Entry.Status.DRAFT)
    ProposalAnswer.objects.create(entry=entry, section=ProposalSection.objects.get(edition=edition, code="ringkasan"),
                                  text="Ringkasan lama.")
    Entry.objects.filter(pk=entry.pk).update(category=edition.categories.get(group=replikasi))
    entry.refresh_from_db()
    for blind in (False, True):
        titles = [title for title, _text in proposal_context(entry, blind=blind)["answers"]]
        assert "Ringkasan" not in titles


def test_the_groups_page_reads_its_choices_once(organiser, fresh):
    url = reverse("editions:setup_groups", args=[fresh.year])
    organiser.get(url)
    with CaptureQueriesContext(connection) as few:
        organiser.get(url)
    for n in range(6):
        Category.objects.create(edition=fresh, name=f"Kategori {n}", order=10 + n, group=fresh.groups.get())
        Phase.objects.create(edition=fresh, kind="judging", name=f"Penilaian {n}", starts_at=fresh.phases.first().starts_at,
                             ends_at=fresh.phases.first().ends_at)
    with CaptureQueriesContext(connection) as many:
        organiser.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)
