"""Setting up an edition without the back office: presets with their sources, groups with their own forms, the
guided editor's rows, and the refusal of changes that would alter sent entries or submitted score sheets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from sayembara.audit.models import AuditEvent
from sayembara.editions.models import EntryGroup, Phase, ProposalSection, RubricLevel
from sayembara.entries.models import Entry, EvidenceSlot
from sayembara.portal import presets, readiness
from sayembara.portal.copying import copy_edition
from sayembara.portal.edition_setup import RuleChangeRefused
from tests import factories

from .conftest import NEXT
from .setup_rows import messages_of, rows_post

pytestmark = pytest.mark.django_db



# --- Presets ------------------------------------------------------------------------------------------------------


def test_a_new_edition_from_presets_is_ready_once_scheduled(fresh):
    assert readiness.problems(fresh) == []
    limits = {s.title: s.word_limit for s in fresh.proposal_sections.all()}
    assert limits["Ringkasan"] == 200 and limits["Latar Belakang dan Tujuan"] == 300
    assert limits["Kebaruan / Nilai Tambah"] == 200 and limits["Signifikansi"] == 600
    assert limits["Sumber Daya"] == 200 and limits["Strategi Keberlanjutan"] == 500
    letters = set(fresh.evidence_slots.filter(required=True).values_list("name", flat=True))
    assert {"Surat Pernyataan Implementasi", "Surat Pernyataan Kesediaan Replikasi"} <= letters
    stages = {s.kind: s for s in fresh.stages.all()}
    assert sum(s.weight for s in stages.values()) == 100
    presentation = {c.code: c.weight for c in stages["presentation"].criteria.all()}
    assert presentation["penyajian"] == Decimal("30") and sum(presentation.values()) == 100
    assert set(stages["proposal"].criteria.values_list("code", flat=True)) == {"inovasi", "kemanfaatan", "replikasi"}
    assert stages["proposal"].blind


def test_the_permenpan_criteria_and_the_iid_indicators(fresh):
    presets.apply_criteria(fresh, "permenpan_91_2021")
    proposal = fresh.stages.get(kind="proposal")
    assert list(proposal.criteria.values_list("code", flat=True)) == [
        "kebaruan", "efektif", "bermanfaat", "mudah_direplikasi", "berkelanjutan"]
    assert all(c.levels.count() == 4 for c in proposal.criteria.all())
    group = fresh.groups.get()
    presets.apply_form(group, "iid_indicators")
    indicators = EvidenceSlot.objects.filter(group=group, code__startswith="iid_")
    assert indicators.count() == 20 and indicators.filter(required=True).count() == 5
    assert readiness.problems(fresh) == []


def test_every_preset_says_its_source_in_the_editor(organiser, fresh):
    group = fresh.groups.get()
    page = organiser.get(reverse("editions:setup_form", args=[fresh.year, group.pk]))
    assert b'data-testid="preset-source"' in page.content and "SINOVIK" in page.content.decode()
    text = organiser.get(reverse("editions:setup_stages", args=[fresh.year])).content.decode()
    assert "91/2021" in text and "Pemalang" in text


def test_a_form_preset_is_refused_once_entries_were_sent_on_it(fresh):
    group = fresh.groups.get()
    factories.entry(fresh, category=fresh.categories.get(), status=Entry.Status.SENT)
    with pytest.raises(RuleChangeRefused):
        presets.apply_form(group, "kipp_khusus")
    assert group.sections.filter(title="Ringkasan").exists()


def test_a_criteria_preset_is_refused_once_scoring_started(fresh):
    stage = fresh.stages.get(kind="proposal")
    factories.submit_sheet(factories.juror(fresh), stage, factories.entry(fresh), {"inovasi": 70})
    with pytest.raises(RuleChangeRefused):
        presets.apply_criteria(fresh, "permenpan_91_2021")
    assert fresh.stages.filter(pk=stage.pk).exists()


def test_the_organiser_makes_an_edition_from_presets_on_the_dashboard(organiser):
    response = organiser.post(reverse("editions:new_edition"), {
        "year": NEXT + 1, "title": "KIPP", "host": "Kabupaten Uji", "form_preset": "kipp_replikasi",
        "criteria_preset": "permenpan_91_2021"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("editions:setup", args=[NEXT + 1])
    group = EntryGroup.objects.get(edition__year=NEXT + 1)
    assert group.name == "Replikasi" and group.sections.filter(code="faktor_pembeda", word_limit=100).exists()
    again = organiser.post(reverse("editions:new_edition"), {
        "year": NEXT + 1, "title": "KIPP", "host": "X", "form_preset": "kipp_umum", "criteria_preset": "seed_pemalang"},
        follow=True)
    assert "sudah ada" in again.content.decode() or "exists already" in again.content.decode()


# --- Groups with their own forms ------------------------------------------------------------------------------------


def test_an_entry_fills_its_groups_form_and_the_shared_sections(two_groups):
    edition, umum, replikasi = two_groups
    entry = factories.entry(edition, category=edition.categories.get(group=replikasi), status=Entry.Status.DRAFT)
    titles = set(ProposalSection.objects.for_entry(entry).values_list("title", flat=True))
    assert titles == {"Inspirasi", "Proses Replikasi", "Faktor Pembeda", "Pernyataan keaslian"}
    other = factories.entry(edition, category=edition.categories.get(group=umum), status=Entry.Status.DRAFT)
    assert "Ringkasan" in set(ProposalSection.objects.for_entry(other).values_list("title", flat=True))
    assert "Inspirasi" not in set(ProposalSection.objects.for_entry(other).values_list("title", flat=True))
    assert readiness.problems(edition) == []


def test_a_group_without_a_required_section_or_category_is_named(two_groups):
    edition, umum, replikasi = two_groups
    replikasi.sections.update(required=False)
    EntryGroup.objects.create(edition=edition, name="Khusus", order=3)
    found = " ".join(readiness.problems(edition))
    assert "Replikasi" in found and "Khusus" in found


def test_the_innovator_sees_the_form_of_the_category_chosen(two_groups, client_as, demo_users):
    edition, umum, replikasi = two_groups
    edition.status = "open"
    edition.save()
    innovator = demo_users["innovator"]
    entry = factories.entry(edition, institution=innovator.institution, category=edition.categories.get(group=replikasi),
                            status=Entry.Status.DRAFT, created_by=innovator)
    page = client_as("innovator").get(reverse("entries:edit", args=[entry.code])).content.decode()
    assert "Faktor Pembeda" in page and "Ringkasan" not in page
    slot = EvidenceSlot.objects.filter(group=umum).first()
    upload = client_as("innovator").post(reverse("entries:evidence_upload", args=[entry.code, slot.pk]), {})
    assert upload.status_code == 404  # another group's slot


# --- Readiness: the remaining checks --------------------------------------------------------------------------------


def test_a_rubric_level_outside_its_range_and_a_past_phase_are_named(fresh):
    criterion = fresh.stages.get(kind="proposal").criteria.first()
    RubricLevel.objects.filter(criterion=criterion, label="Sangat baik").update(max_score=Decimal("120"))
    past = timezone.now() - dt.timedelta(days=3)
    Phase.objects.filter(edition=fresh, kind=Phase.Kind.REGISTRATION).update(starts_at=past - dt.timedelta(days=1),
                                                                             ends_at=past)
    found = " ".join(readiness.problems(fresh))
    assert criterion.name in found and ("120" in found or "rentang" in found or "range" in found)
    assert "sudah berakhir" in found or "over already" in found


# --- The editor's rows ----------------------------------------------------------------------------------------------


def test_the_organiser_fixes_the_weights_in_rows_and_opens_the_edition(organiser, fresh):
    url = reverse("editions:setup_stages", args=[fresh.year])
    formset = organiser.get(url).context["formsets"][0][1]
    wrong = organiser.post(url, rows_post(formset, "stages", change={0: {"weight": "50"}}), follow=True)
    assert "bukan 100" in wrong.content.decode() or "not 100" in wrong.content.decode()
    formset = organiser.get(url).context["formsets"][0][1]
    organiser.post(url, rows_post(formset, "stages", change={0: {"weight": "30"}}))
    assert readiness.problems(fresh) == []
    assert organiser.post(reverse("editions:open_edition", args=[fresh.year])).status_code == 302
    fresh.refresh_from_db()
    assert fresh.status == "open"


def test_a_criterion_and_its_levels_are_added_in_rows(organiser, fresh):
    stage = fresh.stages.get(kind="interview")
    url = reverse("editions:setup_stage", args=[fresh.year, stage.order])
    formset = organiser.get(url).context["formsets"][0][1]
    organiser.post(url, rows_post(formset, "criteria", change={0: {"weight": "30"}}, add={
        "order": 4, "code": "penyajian", "name": "Penyajian", "weight": "10", "min_score": "1", "max_score": "5"}))
    added = stage.criteria.get(code="penyajian")
    assert "Penyajian" in " ".join(readiness.problems(fresh))  # no rubric levels yet
    levels_url = reverse("editions:setup_levels", args=[fresh.year, stage.order, "penyajian"])
    levels = organiser.get(levels_url).context["formsets"][0][1]
    organiser.post(levels_url, rows_post(levels, "levels", add={"min_score": "1", "max_score": "5", "label": "Skala",
                                                                "description": "1 kurang, 5 sangat baik"}))
    assert added.levels.count() == 1 and readiness.problems(fresh) == []


def test_bad_rows_save_nothing_and_say_why(organiser, fresh):
    group = fresh.groups.get()
    url = reverse("editions:setup_form", args=[fresh.year, group.pk])
    formset = organiser.get(url).context["formsets"][0][1]
    before = list(ProposalSection.objects.filter(group=group).values_list("code", "word_limit"))
    response = organiser.post(url, rows_post(formset, "sections", change={0: {"word_limit": "250"}},
                                             add={"order": 20, "code": "ringkasan", "title": "Lagi", "word_limit": 10}))
    assert response.status_code == 200
    assert "sama" in response.content.decode() or "same" in response.content.decode()
    assert list(ProposalSection.objects.filter(group=group).values_list("code", "word_limit")) == before
    phases = organiser.get(reverse("editions:setup_schedule", args=[fresh.year])).context["formsets"][0][1]
    response = organiser.post(reverse("editions:setup_schedule", args=[fresh.year]),
                              rows_post(phases, "phases", change={0: {"ends_at": "2001-01-01T00:00"}}))
    assert response.status_code == 200 and response.context["formsets"][0][1].errors[0]


def test_another_editions_group_is_not_found(organiser, fresh, edition_2020):
    group = fresh.groups.get()
    assert organiser.get(reverse("editions:setup_form", args=[2020, group.pk])).status_code == 404
    response = organiser.post(reverse("editions:apply_preset", args=[2020]), {"preset": "kipp_umum", "group": group.pk})
    assert response.status_code == 404
    assert organiser.post(reverse("editions:apply_preset", args=[2020]), {"preset": "nope"}).status_code == 302


# --- Changes to a running edition: refused with the reason, or audited -------------------------------------------


def test_removing_an_answered_section_or_shortening_it_below_an_answer_is_refused(organiser, running):
    group = running.groups.get()
    url = reverse("editions:setup_form", args=[running.year, group.pk])
    formset = organiser.get(url).context["formsets"][0][1]
    index = [f.instance.code for f in formset.forms].index("signifikansi")
    response = organiser.post(url, rows_post(formset, "sections", delete=[index]), follow=True)
    assert "Signifikansi" in messages_of(response)
    assert ProposalSection.objects.filter(edition=running, code="signifikansi").exists()
    response = organiser.post(url, rows_post(formset, "sections", change={index: {"word_limit": 100}}), follow=True)
    assert "150" in messages_of(response)
    response = organiser.post(url, rows_post(formset, "sections", change={index: {"word_limit": 160}}), follow=True)
    assert ProposalSection.objects.get(edition=running, code="signifikansi").word_limit == 160
    event = AuditEvent.objects.filter(action="update", changes__has_key="word_limit").latest("pk")
    assert event.actor.email == "panitia@pemalang.demo"


def test_changing_a_scored_criterions_range_or_a_stage_weight_is_refused(organiser, running):
    stage = running.stages.get(kind="proposal")
    url = reverse("editions:setup_stage", args=[running.year, stage.order])
    formset = organiser.get(url).context["formsets"][0][1]
    response = organiser.post(url, rows_post(formset, "criteria", change={0: {"max_score": "10"}}), follow=True)
    assert stage.criteria.get(order=1).name in messages_of(response)
    assert stage.criteria.get(order=1).max_score == Decimal("100")
    response = organiser.post(url, rows_post(formset, "criteria", change={0: {"description": "Lebih jelas."}}))
    assert stage.criteria.get(order=1).description == "Lebih jelas."  # words may change, the arithmetic may not
    stages_url = reverse("editions:setup_stages", args=[running.year])
    stages = organiser.get(stages_url).context["formsets"][0][1]
    organiser.post(stages_url, rows_post(stages, "stages", change={1: {"weight": "20"}, 2: {"weight": "50"}}))
    assert running.stages.get(kind="presentation").weight == Decimal("30")
    levels_url = reverse("editions:setup_levels", args=[running.year, stage.order, "inovasi"])
    levels = organiser.get(levels_url).context["formsets"][0][1]
    response = organiser.post(levels_url, rows_post(levels, "levels", delete=[0]), follow=True)
    assert "rubrik" in messages_of(response) or "rubric" in messages_of(response)


def test_a_category_with_entries_cannot_go_nor_change_group(organiser, running):
    url = reverse("editions:setup_groups", args=[running.year])
    categories = organiser.get(url).context["formsets"][1][1]
    response = organiser.post(url, rows_post(categories, "categories", delete=[0]), follow=True)
    assert running.categories.get().name in messages_of(response)
    assert running.categories.count() == 1


def test_copying_keeps_the_groups_and_their_forms(two_groups):
    edition, umum, replikasi = two_groups
    copy = copy_edition(edition, NEXT + 2)
    assert list(copy.groups.values_list("name", flat=True)) == ["Umum", "Replikasi"]
    assert copy.categories.get(name="Replikasi").group.name == "Replikasi"
    assert set(ProposalSection.objects.filter(edition=copy, group__name="Replikasi").values_list("code", flat=True)) \
        == set(ProposalSection.objects.filter(edition=edition, group=replikasi).values_list("code", flat=True))
    assert ProposalSection.objects.get(edition=copy, code="pernyataan").group is None


def test_entry_rules_are_set_in_the_editor_and_fixed_once_entries_were_sent(organiser, fresh):
    from sayembara.entries.models import EntrySettings

    url = reverse("editions:setup_entry_rules", args=[fresh.year])
    data = {"min_years_in_operation": "2", "past_winner_rule": "exclude_recent", "past_winner_editions": "3",
            "duplicate_threshold": "0.9", "questions": "Apakah terdaftar di katalog SPBE?\n\n  Di mana hosting?  "}
    assert organiser.post(url, data).status_code == 302
    rules = EntrySettings.objects.get(edition=fresh)
    assert rules.min_years_in_operation == Decimal("2") and rules.spbe_questions == [
        "Apakah terdaftar di katalog SPBE?", "Di mana hosting?"]
    bad = organiser.post(url, {**data, "duplicate_threshold": "7"})
    assert bad.status_code == 200 and EntrySettings.objects.get(edition=fresh).duplicate_threshold == 0.9
    factories.entry(fresh, category=fresh.categories.get(), status=Entry.Status.SENT)
    refused = organiser.post(url, {**data, "min_years_in_operation": "0"}, follow=True)
    assert "dikirim" in messages_of(refused) or "sent" in messages_of(refused)
    assert EntrySettings.objects.get(edition=fresh).min_years_in_operation == Decimal("2")
