"""The eligibility checklist states the real form: no tick for sections or evidence an edition never asked for."""

from __future__ import annotations

import pytest

from sayembara.editions.models import ProposalSection
from sayembara.entries.models import EvidenceSlot
from sayembara.entries.services.eligibility import blocking_problems, eligibility
from tests import factories

pytestmark = pytest.mark.django_db


def _checks(entry):
    return {check.code: check for check in eligibility(entry)}


def test_an_edition_without_a_proposal_form_cannot_have_every_required_section_written():
    edition = factories.edition(2045, status="open")
    entry = factories.entry(edition, status="draft")
    checks = _checks(entry)
    assert not checks["sections"].ok and checks["sections"].blocking
    assert "panitia" in checks["sections"].detail or "committee" in checks["sections"].detail
    assert checks["sections"] in blocking_problems(list(checks.values()))


def test_an_edition_asking_for_no_evidence_shows_no_tick_for_it_but_does_not_block():
    edition = factories.edition(2046, status="open")
    ProposalSection.objects.create(edition=edition, code="ringkasan", title="Ringkasan", order=1, required=True,
                                   word_limit=200)
    entry = factories.entry(edition, status="draft")
    checks = _checks(entry)
    assert not checks["evidence"].ok and not checks["evidence"].blocking
    EvidenceSlot.objects.create(edition=edition, code="sk", name="SK Tim", required=True)
    checks = _checks(entry)
    assert not checks["evidence"].ok and checks["evidence"].blocking and "SK Tim" in checks["evidence"].detail
