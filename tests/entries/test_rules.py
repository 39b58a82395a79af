"""The rules of entering, tested without views."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from sayembara.editions.models import Phase
from sayembara.entries import services
from sayembara.entries.models import DeadlineExtension, Entry

from .conftest import pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db


def test_open_edition_is_idempotent_and_keeps_deadline_in_future(open_edition):
    from sayembara.entries.demo_open_edition import ensure_open_edition

    again = ensure_open_edition()
    assert again.pk == open_edition.pk and open_edition.proposal_sections.count() == 9
    assert open_edition.evidence_slots.filter(required=True).count() == 3
    before = services.submission_deadline(open_edition)
    later = ensure_open_edition(now=before + dt.timedelta(days=5))
    assert services.submission_deadline(later) > before + dt.timedelta(days=5)


def test_word_count_matches_the_page_rule():
    assert services.count_words("  satu  dua\ntiga\t") == 3
    assert services.count_words("") == 0


def test_pdf_metadata_is_stripped_and_renamed_text_is_refused(draft, demo_users):
    slot = draft.edition.evidence_slots.get(code="sop")
    evidence = services.attach_evidence(draft, slot, upload("sop.pdf", pdf_bytes(author="Dinas Rahasia")), demo_users["innovator"])
    stored = evidence.file.open("rb").read()
    assert stored.startswith(b"%PDF-") and b"Rahasia" not in stored
    with pytest.raises(ValidationError) as error:
        services.attach_evidence(draft, slot, upload("surat.pdf", b"Ini teks biasa, bukan PDF"), demo_users["innovator"])
    assert error.value.code == "wrong_type"
    image = services.attach_evidence(draft, draft.edition.evidence_slots.get(code="foto"), upload("foto.png", png_bytes()),
                                     demo_users["innovator"])
    assert image.content_type == "image/png"


def test_oversized_file_is_refused(draft, demo_users, settings):
    settings.UPLOAD_MAX_BYTES = 100
    with pytest.raises(ValidationError) as error:
        services.attach_evidence(draft, draft.edition.evidence_slots.first(), upload("besar.pdf", pdf_bytes()), demo_users["innovator"])
    assert error.value.code == "too_large"


def test_stale_version_is_refused_and_force_replaces(draft, demo_users):
    user = demo_users["innovator"]
    first = services.save_proposal(draft.pk, user, draft.version, services.ProposalData(title="Versi tab pertama"))
    with pytest.raises(services.StaleEntry):
        services.save_proposal(draft.pk, user, draft.version, services.ProposalData(title="Versi tab kedua"))
    assert Entry.objects.get(pk=draft.pk).title == "Versi tab pertama"
    services.save_proposal(draft.pk, user, draft.version, services.ProposalData(title="Versi tab kedua"), force=True)
    assert Entry.objects.get(pk=draft.pk).title == "Versi tab kedua" and first.version < Entry.objects.get(pk=draft.pk).version


def test_over_long_section_is_saved_but_refused_on_the_server_at_sending(complete_draft, demo_users):
    """The word limit is a sending rule: saving keeps the text (and everything else), sending refuses it."""
    user = demo_users["innovator"]
    data = services.ProposalData(title="X", category=complete_draft.category, started_on=dt.date(2015, 3, 1),
                                 sections={s: "Teks singkat." for s in complete_draft.answers.values_list("section__code", flat=True)})
    data.sections["ringkasan"] = "kata " * 201
    entry = services.save_proposal(complete_draft.pk, user, complete_draft.version, data)
    assert entry.answers.get(section__code="ringkasan").text == "kata " * 201
    check = next(c for c in services.eligibility(entry) if c.code == "word_limits")
    assert not check.ok and check.blocking
    with pytest.raises(services.EntryError) as error:
        services.send_entry(entry.pk, user)
    assert "Ringkasan" in str(error.value)
    assert Entry.objects.get(pk=entry.pk).status == Entry.Status.DRAFT


def test_send_after_deadline_is_refused_and_extension_allows_it(complete_draft, demo_users, organiser=None):
    deadline = services.submission_deadline(complete_draft.edition)
    late = deadline + dt.timedelta(minutes=1)
    with pytest.raises(services.EntryError) as error:
        services.send_entry(complete_draft.pk, demo_users["innovator"], now=late)
    assert "WIB" in str(error.value)
    assert Entry.objects.get(pk=complete_draft.pk).status == Entry.Status.DRAFT
    services.grant_extension(complete_draft.edition, complete_draft.institution, deadline + dt.timedelta(days=2),
                             "Server kabupaten mati", demo_users["organiser"])
    assert DeadlineExtension.objects.count() == 1
    assert services.send_entry(complete_draft.pk, demo_users["innovator"], now=late).status == Entry.Status.SENT


def test_incomplete_entry_cannot_be_sent(draft, demo_users):
    with pytest.raises(services.EntryError) as error:
        services.send_entry(draft.pk, demo_users["innovator"])
    assert "Ringkasan" in str(error.value)


def test_verifier_of_another_unit_is_refused(complete_draft, demo_users):
    from sayembara.accounts.models import User
    from sayembara.institutions.models import Institution

    services.send_entry(complete_draft.pk, demo_users["innovator"])
    other = User.objects.create_user(email="v@dinkes.test", username="vdinkes", full_name="V", password="x-unused-1",
                                     verified_institution=Institution.objects.get(short_name="Dinkes"))
    with pytest.raises(PermissionDenied):
        services.verify_entry(complete_draft.pk, other, approve=True)


def test_screening_returns_only_once_and_fail_needs_reasons(complete_draft, demo_users):
    innovator, verifier, organiser = demo_users["innovator"], demo_users["verifier"], demo_users["organiser"]
    services.send_entry(complete_draft.pk, innovator)
    services.verify_entry(complete_draft.pk, verifier, approve=True)
    with pytest.raises(services.EntryError):
        services.screen_entry(complete_draft.pk, organiser, "failed", "")
    services.screen_entry(complete_draft.pk, organiser, "returned", "Lengkapi SK tim.")
    # The correction may be sent after the deadline.
    late = services.submission_deadline(complete_draft.edition) + dt.timedelta(days=1)
    services.send_entry(complete_draft.pk, innovator, now=late)
    services.verify_entry(complete_draft.pk, verifier, approve=True)
    with pytest.raises(services.EntryError):
        services.screen_entry(complete_draft.pk, organiser, "returned", "Lagi")
    assert services.screen_entry(complete_draft.pk, organiser, "passed").status == Entry.Status.PASSED


def test_eligibility_flags_duplicates_young_innovations_and_quota(complete_draft, demo_users, open_edition):
    from sayembara.entries.models import Innovation

    past = Entry.objects.filter(edition__year=2020).first()
    complete_draft.title = past.title.upper() + "!"
    complete_draft.save()
    checks = {c.code: c for c in services.eligibility(complete_draft)}
    assert not checks["duplicates"].ok and past.code in checks["duplicates"].detail
    assert checks["age"].ok
    Innovation.objects.filter(pk=complete_draft.innovation_id).update(started_on=timezone.localdate())
    complete_draft.refresh_from_db()
    assert not {c.code: c for c in services.eligibility(complete_draft)}["age"].ok
    assert checks["quota"].ok


def test_withdraw_until_deadline(complete_draft, demo_users):
    late = services.submission_deadline(complete_draft.edition) + dt.timedelta(seconds=1)
    with pytest.raises(services.EntryError):
        services.withdraw_entry(complete_draft.pk, demo_users["innovator"], now=late)
    assert services.withdraw_entry(complete_draft.pk, demo_users["innovator"]).status == Entry.Status.WITHDRAWN


def test_revisions_and_readable_diff(draft, demo_users):
    user = demo_users["innovator"]
    entry = services.save_proposal(draft.pk, user, draft.version, services.ProposalData(
        title=draft.title, sections={"ringkasan": "layanan cepat dan murah"}))
    entry.revisions.update(saved_at=timezone.now() - dt.timedelta(hours=1))
    services.save_proposal(draft.pk, user, entry.version, services.ProposalData(
        title=draft.title, sections={"ringkasan": "layanan cepat, mudah dan murah"}))
    newest, older = list(entry.revisions.order_by("-number"))[:2]
    diff = [d for d in services.diff_revisions(older, newest) if d.changed]
    assert diff[0].title == "Ringkasan"
    assert ("added", "cepat, mudah dan") in diff[0].parts or any(k == "added" for k, _t in diff[0].parts)


def test_no_submission_phase_means_no_deadline(open_edition):
    Phase.objects.filter(edition=open_edition, kind=Phase.Kind.SUBMISSION).delete()
    assert services.submission_deadline(open_edition) is None


def test_eligibility_names_earlier_awards_of_the_same_innovation(complete_draft):
    """The past-winner rule reads the awards of the innovation's earlier entries (2020 in the demo)."""
    from sayembara.entries.models import EntrySettings
    from sayembara.results.models import Award

    award = Award.objects.filter(edition__year=2020).select_related("entry").order_by("order").first()
    Entry.objects.filter(pk=complete_draft.pk).update(innovation=award.entry.innovation)
    complete_draft.refresh_from_db()
    rules = services.settings_for(complete_draft.edition)
    rules.past_winner_rule = EntrySettings.PastWinnerRule.WARN
    rules.save()
    check = {c.code: c for c in services.eligibility(complete_draft)}["past_winner"]
    assert not check.ok and check.detail == f"{award.title} 2020"
    rules.past_winner_rule = EntrySettings.PastWinnerRule.EXCLUDE_RECENT
    rules.past_winner_editions = complete_draft.edition.year - 2021  # 2020 is just outside the window
    rules.save()
    assert {c.code: c for c in services.eligibility(complete_draft)}["past_winner"].ok
