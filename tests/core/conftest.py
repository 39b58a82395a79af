"""Editions set up from presets for the editor's tests: a ready draft, one with two groups, one running."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from sayembara.editions.models import Category, EntryGroup, Phase, ProposalSection
from sayembara.entries.models import Entry, ProposalAnswer
from sayembara.portal import presets
from tests import factories

NEXT = timezone.now().year + 31


@pytest.fixture
def organiser(client_as):
    return client_as("organiser")


@pytest.fixture
def fresh(demo_users):
    """A draft made from the KIPP Umum form and Pemalang's criteria, with a schedule ahead."""
    edition = presets.new_edition(NEXT, "Kompetisi Inovasi", "Kabupaten Uji", "kipp_umum", "seed_pemalang")
    start = timezone.now() + dt.timedelta(days=30)
    for offset, kind in enumerate([Phase.Kind.REGISTRATION, Phase.Kind.SUBMISSION, Phase.Kind.SCREENING,
                                   Phase.Kind.JUDGING, Phase.Kind.OBJECTION, Phase.Kind.ANNOUNCEMENT]):
        Phase.objects.create(edition=edition, kind=kind, name=str(kind.label), starts_at=start + dt.timedelta(days=10 * offset),
                             ends_at=start + dt.timedelta(days=10 * offset + 5))
    return edition


@pytest.fixture
def two_groups(fresh):
    """Umum (KIPP) and Replikasi, each with its category; one section shared by both."""
    umum = fresh.groups.get()
    replikasi = EntryGroup.objects.create(edition=fresh, name="Replikasi", order=2)
    Category.objects.create(edition=fresh, name="Replikasi", group=replikasi, order=2)
    presets.apply_form(replikasi, "kipp_replikasi")
    ProposalSection.objects.create(edition=fresh, order=0, code="pernyataan", title="Pernyataan keaslian",
                                   word_limit=50, required=False)
    return fresh, umum, replikasi


@pytest.fixture
def running(fresh):
    """``fresh`` open, with one entry sent (an answer of 150 words in Signifikansi) and one proposal sheet."""
    fresh.status = "open"
    fresh.save()
    entry = factories.entry(fresh, category=fresh.categories.get(), status=Entry.Status.SENT)
    section = ProposalSection.objects.get(edition=fresh, code="signifikansi")
    ProposalAnswer.objects.create(entry=entry, section=section, text="kata " * 150)
    stage = fresh.stages.get(kind="proposal")
    factories.submit_sheet(factories.juror(fresh), stage, entry, {"inovasi": 70, "kemanfaatan": 60, "replikasi": 50})
    return fresh
