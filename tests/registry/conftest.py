import pytest


@pytest.fixture
def make_public_innovation(db, edition_2020):
    """Create an innovation with a passed 2020 entry (and optional proposal answers), indexed."""
    from sayembara.entries.models import Entry, Innovation, ProposalAnswer
    from sayembara.institutions.models import Institution
    from sayembara.registry.services import refresh_records

    counter = {"n": 0}

    def make(title, summary, institution="Pemerintah Desa Kuta", answers=None, edition=None, **fields):
        counter["n"] += 1
        edition = edition or edition_2020
        unit = Institution.objects.get(name=institution)
        innovation = Innovation.objects.create(title=title, summary=summary, institution=unit, **fields)
        entry = Entry.objects.create(
            edition=edition, innovation=innovation, institution=unit, title=title, status=Entry.Status.PASSED,
            code=f"TEST-{edition.year}-{counter['n']:04d}", category=edition.categories.first(),
        )
        for code, text in (answers or {}).items():
            ProposalAnswer.objects.create(entry=entry, section=edition.proposal_sections.get(code=code), text=text)
        refresh_records([innovation.pk])
        return innovation

    return make


@pytest.fixture(autouse=True)
def fresh_cache():
    """Cached filter choices must not leak from one (rolled-back) test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
