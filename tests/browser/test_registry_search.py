"""A visitor on a phone searches the registry and follows a replication between two villages."""

from .conftest import login


def test_visitor_searches_registry_on_a_phone(phone_page):
    page = phone_page
    page.goto("/registry/")
    assert page.get_by_role("heading", name="Registri inovasi").is_visible()
    page.get_by_test_id("registry-q").fill("pelayanan posyandu lansia")
    page.get_by_role("button", name="Cari").click()
    page.wait_for_url("**/registry/?q=*")
    items = page.get_by_test_id("registry-item")
    titles = items.all_inner_texts()
    assert any("POSYANDU LANSIA TERINTEGRASI GOMBONG" in t for t in titles)
    assert any("POSYANDU LANSIA TERPADU MOGA" in t for t in titles)
    # Nothing wider than the phone: no sideways scrolling.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360

    page.get_by_role("link", name="POSYANDU LANSIA TERPADU MOGA").click()
    assert page.get_by_test_id("innovation-title").inner_text() == "POSYANDU LANSIA TERPADU MOGA"
    origin = page.get_by_test_id("replicated-from")
    assert "POSYANDU LANSIA TERINTEGRASI GOMBONG" in origin.inner_text()
    origin.get_by_role("link").click()
    assert page.get_by_test_id("innovation-title").inner_text() == "POSYANDU LANSIA TERINTEGRASI GOMBONG"
    assert "Pemerintah Desa Moga" in page.get_by_test_id("replications").inner_text()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360


def test_visitor_filters_by_edition_and_finds_all_three_years(phone_page):
    page = phone_page
    for year, count in ((2018, 35), (2019, 27), (2020, 18)):
        page.goto(f"/registry/?year={year}")
        assert page.get_by_test_id("registry-count").inner_text().startswith(f"{count} inovasi")
    page.goto("/registry/")
    page.get_by_text("Filter", exact=True).click()
    page.get_by_label("Status").select_option("stopped")
    page.wait_for_function("() => document.querySelectorAll('[data-testid=registry-item]').length === 1")
    assert "PERPUSTAKAAN KELILING DESA (PUSLING)" in page.get_by_test_id("registry-item").inner_text()
    assert "status=stopped" in page.url


def test_unit_records_a_replication(page):
    login(page, "verifier")
    page.goto("/registry/?q=bank+sampah")
    page.get_by_role("link", name="BANK SAMPAH DIGITAL: Tabungan Sampah untuk Bayar Iuran").click()
    page.get_by_test_id("replicate-link").click()
    page.get_by_label("Kami sudah mereplikasi inovasi ini").check()
    page.get_by_label("Atau nama inovasi replikasi kami").fill("BANK SAMPAH KANTOR PELAYANAN DUKCAPIL")
    page.get_by_role("button", name="Simpan").click()
    assert "Replikasi Anda telah dicatat" in page.locator(".messages").inner_text()
    assert "BANK SAMPAH KANTOR PELAYANAN DUKCAPIL" in page.get_by_test_id("replications").inner_text()
