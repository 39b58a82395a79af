"""A newcomer opens the home page in Indonesian, switches to English, and each demo role reaches its dashboard."""

import pytest

from .conftest import login


def test_home_in_indonesian_then_english(page):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "id"
    # The demo's newest edition is open for entries; the 2020 winners stay on the front page.
    assert page.locator("h1").inner_text() == "Kompetisi Inovasi Pelayanan Publik 2027"
    assert page.get_by_role("heading", name="Pendaftaran dibuka").is_visible()
    assert "KAMPUNG BATIK PENGGARIT" in page.locator("#previous-winners").inner_text()
    page.get_by_role("link", name="Selengkapnya 2020").click()
    assert page.locator("h1").inner_text() == "Kompetisi Inovasi Pelayanan Publik 2020"
    assert page.get_by_role("heading", name="Pemenang").is_visible()
    assert page.get_by_role("heading", name="Jadwal").is_visible()
    assert "KAMPUNG BATIK PENGGARIT" in page.locator("#winners").inner_text()
    assert page.get_by_test_id("count-submitted").inner_text() == "18"

    page.get_by_role("button", name="EN").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Winners").is_visible()
    assert page.get_by_role("heading", name="Schedule").is_visible()

    page.get_by_role("button", name="ID").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Pemenang").is_visible()


def test_participation_chart_is_drawn_from_served_script(page):
    page.goto("/")
    page.wait_for_function("() => window.Chart !== undefined")
    # Chart.js attaches the chart to the canvas; the numbers are also in a table beside it.
    # 2026 (judging) has 9 screened entries; 2027 has only just opened.
    assert page.evaluate("() => Chart.getChart('trend-chart').data.datasets[0].data")[:3] == [35, 27, 18]


@pytest.mark.parametrize(
    "role,heading",
    [
        ("organiser", "Dasbor panitia"),
        ("verifier", "Verifikasi unit"),
        ("innovator", "Entri saya"),
        ("juror", "Dasbor juri"),
    ],
)
def test_each_demo_role_reaches_its_dashboard(page, role, heading):
    login(page, role)
    assert page.get_by_test_id("dashboard-title").inner_text() == heading
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Masuk").is_visible()


def test_wrong_password_is_refused_in_indonesian(page):
    login(page, "juror", password="salah-sekali")
    assert "salah" in page.get_by_role("alert").inner_text()
    assert page.url.endswith("/accounts/login/")


def test_organiser_copies_an_edition_from_the_dashboard(page):
    """Next year's contest set up like this year's, without the back office: a draft with the same rules."""
    from playwright.sync_api import expect

    login(page, "organiser")
    page.goto("/organiser/")
    form = page.get_by_test_id("copy-edition")
    form.locator("select[name=source]").select_option("2020")
    form.locator("input[name=year]").fill("2051")
    form.get_by_role("button").click()
    expect(page.locator(".messages")).to_contain_text("2051")
    expect(page.locator(".lead")).to_contain_text("2051")
    expect(page.locator(".lead")).to_contain_text("Draf")
    # A draft is not public.
    page.goto("/editions/2051/")
    expect(page.locator("h1")).not_to_contain_text("2051")
