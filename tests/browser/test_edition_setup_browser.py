"""The organiser sets up next year's contest without the back office: copies 2027 into 2028, gives one group the
KIPP Replikasi form, fixes what stops the edition from opening, opens it; an innovator then gets that group's form."""

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import login

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def edition_2028_removed_after(server):
    """The 2028 edition this test makes, removed afterwards: other browser tests expect 2027 to lead the home page."""
    yield
    code = ("from sayembara.editions.models import Edition; from sayembara.entries.models import Entry; "
            "Entry.objects.filter(edition__year=2028).delete(); Edition.objects.filter(year=2028).delete()")
    done = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=server.env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


def test_organiser_copies_2027_into_2028_sets_a_kipp_group_and_opens_it(page, browser, server, edition_2028_removed_after):
    from playwright.sync_api import expect

    login(page, "organiser")
    page.goto("/organiser/")
    copy = page.get_by_test_id("copy-edition")
    copy.locator("select[name=source]").select_option("2027")
    copy.locator("input[name=year]").fill("2028")
    copy.get_by_role("button").click()
    expect(page.locator(".lead")).to_contain_text("2028")
    # 2027's criteria have no rubric levels: the copy cannot open, and the dashboard says why.
    expect(page.get_by_test_id("not-ready")).to_contain_text("rubrik")
    expect(page.get_by_test_id("open-edition")).to_be_disabled()
    page.get_by_test_id("setup-link").click()
    expect(page.get_by_test_id("setup-title")).to_contain_text("2028")

    # Two groups, then a category for the replication entries.
    page.get_by_test_id("setup-nav").get_by_role("link", name="Kelompok dan kategori").click()
    groups = page.get_by_test_id("rows-groups")
    groups.locator("input[name='groups-0-name']").fill("Umum")
    groups.locator("input[name='groups-0-order']").fill("1")
    groups.locator("input[name='groups-1-name']").fill("Replikasi")
    groups.locator("input[name='groups-1-order']").fill("2")
    page.get_by_test_id("save-groups").click()
    expect(page.locator(".messages")).to_contain_text("Tersimpan")
    # A group no category uses is named as a problem until one does.
    expect(page.get_by_test_id("setup-problems")).to_contain_text("Replikasi")
    categories = page.get_by_test_id("rows-categories")
    categories.locator("select[name='categories-0-group']").select_option(label="Umum")
    categories.locator("select[name='categories-1-group']").select_option(label="Umum")
    categories.locator("input[name='categories-2-name']").fill("Replikasi")
    categories.locator("input[name='categories-2-order']").fill("3")
    categories.locator("select[name='categories-2-group']").select_option(label="Replikasi")
    page.get_by_test_id("save-categories").click()
    expect(page.locator(".messages")).to_contain_text("Tersimpan")

    # 2027's form becomes the Umum group's; the Replikasi group gets the KIPP Replikasi preset, with its source.
    page.get_by_test_id("setup-nav").get_by_role("link", name="Ringkasan").click()
    page.get_by_test_id("group-form-link").filter(has_text="Umum").click()
    page.get_by_test_id("take-shared").get_by_role("button").click()
    expect(page.locator(".messages")).to_contain_text("Umum")
    page.get_by_test_id("setup-nav").get_by_role("link", name="Ringkasan").click()
    page.get_by_test_id("group-form-link").filter(has_text="Replikasi").click()
    page.get_by_test_id("presets").locator("select[name=preset]").select_option(label="KIPP/SINOVIK — Kelompok Replikasi")
    page.get_by_test_id("apply-preset").click()
    expect(page.get_by_test_id("preset-source")).to_contain_text("SINOVIK")
    expect(page.get_by_test_id("rows-sections")).to_contain_text("Faktor Pembeda")

    # A mistyped weight is caught; the criteria preset gives every criterion its rubric levels.
    page.get_by_test_id("setup-nav").get_by_role("link", name="Tahap dan kriteria").click()
    page.locator("input[name='stages-0-weight']").fill("35")
    page.get_by_test_id("save-stages").click()
    expect(page.get_by_test_id("setup-problems")).to_contain_text("bukan 100")
    page.locator("input[name='stages-0-weight']").fill("30")
    page.get_by_test_id("save-stages").click()
    page.get_by_test_id("presets").locator("select[name=preset]").select_option(
        label="Pemalang: inovasi, kemanfaatan, replikasi/keberlanjutan")
    page.get_by_test_id("apply-preset").click()
    expect(page.locator(".messages")).to_contain_text("Pemalang")
    expect(page.get_by_test_id("setup-problems")).to_have_count(0)

    page.get_by_test_id("setup-nav").get_by_role("link", name="Ringkasan").click()
    expect(page.get_by_test_id("setup-checks")).to_contain_text("Semua pemeriksaan lolos")
    page.get_by_test_id("setup-open").click()
    expect(page.locator(".messages")).to_contain_text("dibuka untuk pendaftaran")

    # The innovator starts a 2028 entry in the Replikasi category and is asked the Replikasi sections only.
    innovator = browser.new_context(viewport={"width": 360, "height": 740}, base_url=server.url).new_page()
    login(innovator, "innovator")
    innovator.goto("/my/entries/new/")
    innovator.select_option("select[name=edition]", label="Kompetisi Inovasi Pelayanan Publik 2028")
    innovator.fill("input[name=title]", "Replikasi Layanan Antar Dokumen")
    innovator.click("main form button[type=submit]")
    innovator.wait_for_selector("#proposal-form")
    innovator.select_option("select[name=category]", label="Replikasi")
    innovator.get_by_test_id("save").click()
    expect(innovator.locator(".messages")).to_contain_text("Tersimpan")
    expect(innovator.locator("textarea[data-section=faktor_pembeda]")).to_be_visible()
    expect(innovator.locator("textarea[data-section=ringkasan]")).to_have_count(0)
    innovator.context.close()
