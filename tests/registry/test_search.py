"""Registry search: Indonesian word variants, filters, constant query counts."""

import pytest
from django.urls import reverse

from sayembara.entries.models import Entry, Innovation
from sayembara.registry.models import RegistryRecord, SearchToken
from sayembara.registry.services import SearchFilters, refresh_records, search
from sayembara.registry.text import stems

pytestmark = pytest.mark.django_db


def titles(filters: SearchFilters) -> list[str]:
    return [innovation.title for innovation in search(filters)]


def test_stemmer_relates_word_variants():
    assert stems("pelayanan layanan melayani dilayani") == ["layan"] * 4
    assert stems("yang dan di 2020 kebersihan") == ["bersih"]


def _passed_in(year=None) -> set[int]:
    """Innovations with an entry that passed screening (in ``year``): the registry's public ones."""
    passed = Entry.objects.filter(status=Entry.Status.PASSED)
    return set((passed.filter(edition__year=year) if year else passed).values_list("innovation_id", flat=True))


def test_demo_innovations_of_all_three_editions_are_indexed():
    # Every innovation has a record; those that never passed screening (never entered, or drafts) stay private.
    assert RegistryRecord.objects.count() == Innovation.objects.count()
    public = RegistryRecord.objects.filter(is_public=True)
    assert Innovation.objects.filter(entries__isnull=True).exists()
    assert set(public.values_list("innovation_id", flat=True)) == _passed_in()
    years = set(public.values_list("first_year", flat=True)) | set(
        public.values_list("last_year", flat=True)
    )
    assert years == {2018, 2019, 2020}
    assert SearchToken.objects.filter(token="layan").exists()


def test_search_for_pelayanan_finds_layanan_and_melayani(make_public_innovation):
    served = make_public_innovation("RUMAH SINGGAH KUTA", "petugas desa melayani lansia di rumah mereka")
    service = make_public_innovation("KANTOR TANPA ANTRE", "layanan surat kependudukan tanpa antre")
    unrelated = make_public_innovation("KEBUN KOPI RAKYAT", "petani memetik kopi bersama wisatawan")
    found = titles(SearchFilters(q="pelayanan rumah"))
    assert served.title in found
    assert service.title not in found  # "rumah" is missing there
    found = titles(SearchFilters(q="pelayanan"))
    assert served.title in found and service.title in found
    assert unrelated.title not in titles(SearchFilters(q="melayani"))


def test_title_words_rank_first():
    found = titles(SearchFilters(q="layanan kependudukan"))
    assert found[0].startswith("SIDUKCAPIL ONLINE")


def test_unknown_word_finds_nothing_and_paging_works(client):
    assert titles(SearchFilters(q="xylofon")) == []
    assert titles(SearchFilters(q="posyandu xylofon")) == []
    results = search(SearchFilters(q="desa"))
    assert results.count() == len(list(results)) > 20
    assert [i.pk for i in results[0:5]] + [i.pk for i in results[5:10]] == [i.pk for i in results[0:10]]
    body = client.get(reverse("registry:search"), {"q": "desa", "page": 2}).content.decode()
    assert "Halaman 2 dari" in body


def test_filters_by_year_type_award_and_replication():
    only_2018 = set(titles(SearchFilters(year=2018)))
    assert only_2018 == set(Innovation.objects.filter(pk__in=_passed_in(2018)).values_list("title", flat=True))
    assert "POSYANDU LANSIA TERPADU MOGA" not in only_2018
    assert set(titles(SearchFilters(institution_type="bumd"))) == {
        "PENGADUAN AIR 24 JAM TIRTA MULIA", "TABUNGAN PELAJAR BKK MASUK SEKOLAH", "KREDIT USAHA RAKYAT DESA TANPA AGUNAN"
    }
    assert titles(SearchFilters(status="replicated")) == ["POSYANDU LANSIA TERINTEGRASI GOMBONG"]
    assert titles(SearchFilters(status="stopped")) == ["PERPUSTAKAAN KELILING DESA (PUSLING)"]
    winners = titles(SearchFilters(award="yes"))
    public = len(_passed_in())
    assert 0 < len(winners) < public
    assert len(winners) + len(titles(SearchFilters(award="no"))) == public
    assert all(t for t in titles(SearchFilters(digital="yes", q="online")))
    assert sorted(titles(SearchFilters(category="Pemerintah Desa", q="posyandu"))) == [
        "POSYANDU LANSIA TERINTEGRASI GOMBONG", "POSYANDU LANSIA TERPADU MOGA"
    ]


def test_drafts_are_not_public(make_public_innovation, edition_2020):
    from sayembara.entries.models import Entry

    innovation = make_public_innovation("RAHASIA DESA", "draf yang belum dikirim")
    Entry.objects.filter(innovation=innovation).update(status=Entry.Status.DRAFT)
    refresh_records([innovation.pk])
    assert "RAHASIA DESA" not in titles(SearchFilters(q="rahasia"))


def test_search_page_answers_htmx_with_results_only(client):
    response = client.get(reverse("registry:search"), {"q": "posyandu"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")
    body = response.content.decode()
    assert "POSYANDU LANSIA TERPADU MOGA" in body and "<html" not in body
    response = client.get(reverse("registry:search"), {"q": "posyandu", "type": "pemdes"})
    assert "<html" in response.content.decode()


def test_search_query_count_does_not_grow(client, django_assert_max_num_queries, make_public_innovation):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("registry:search"), {"q": "desa"})
    for n in range(25):
        make_public_innovation(f"INOVASI DESA {n}", "inovasi desa untuk warga", institution="Pemerintah Desa Sima")
    cache.clear()  # both measurements with cold filter choices
    with django_assert_max_num_queries(len(small)):
        response = client.get(reverse("registry:search"), {"q": "desa"})
    assert "INOVASI DESA" in response.content.decode()


def test_signals_refresh_the_index_after_commit(django_capture_on_commit_callbacks):
    innovation = Innovation.objects.get(title__startswith="KUTA AGROWISATA")
    with django_capture_on_commit_callbacks(execute=True):
        innovation.title = "KUTA AGROWISATA KOPI ROBUSTA"
        innovation.save()
    assert SearchToken.objects.filter(innovation=innovation, token="robusta", weight=5).exists()
