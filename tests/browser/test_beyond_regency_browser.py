"""Beyond the regency, on a phone and a desktop: the innovator fills the IID profile and attaches evidence until the
page says what is still missing; the organiser checks a 2020 winner for SINOVIK, downloads its package and records
how it fared nationally, which the public page then shows."""

import zipfile

from .conftest import login


def _pdf(path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def test_innovator_fills_the_iid_profile_on_a_phone(phone_page, tmp_path):
    from playwright.sync_api import expect

    page = phone_page
    login(page, "innovator")
    page.goto("/registry/")
    page.fill("input[name=q]", "JEBOL ANDUK")
    page.keyboard.press("Enter")
    page.get_by_role("link", name="JEBOL ANDUK").first.click()
    page.get_by_test_id("iid-link").click()
    expect(page.get_by_test_id("iid-readiness")).to_contain_text("Belum siap")
    form = page.get_by_test_id("iid-profile-form")
    form.locator("select[name=initiator]").select_option("opd")
    form.locator("select[name=affair]").select_option("adminduk")
    form.locator("input[name=trial_on]").fill("2019-01-02")
    form.locator("input[name=implemented_on]").fill("2019-06-01")
    form.locator("textarea[name=design]").fill("terlalu pendek")
    form.locator("textarea[name=purpose]").fill("Mendekatkan layanan.")
    form.locator("textarea[name=benefit]").fill("Warga tidak perlu ke kantor.")
    form.locator("textarea[name=result]").fill("Ribuan dokumen diantar.")
    form.get_by_role("button").click()
    expect(page.get_by_test_id("iid-readiness")).to_contain_text("2 kata")  # the rancang bangun is counted
    page.get_by_test_id("iid-profile-form").locator("textarea[name=design]").fill("kata " * 300)
    page.get_by_test_id("iid-profile-form").get_by_role("button").click()
    expect(page.get_by_test_id("iid-readiness")).not_to_contain_text("Rancang bangun")
    upload = page.get_by_test_id("iid-upload")
    upload.locator("select[name=indicator]").select_option("iid_regulasi")
    upload.locator("input[type=file]").set_input_files(str(_pdf(tmp_path / "perbup.pdf")))
    upload.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("terlampir")
    expect(page.get_by_test_id("iid-readiness")).not_to_contain_text("Indikator wajib 16")


def test_organiser_checks_a_2020_winner_for_sinovik_and_records_how_it_fared(page, tmp_path):
    from playwright.sync_api import expect

    login(page, "organiser")
    page.goto("/registry/?q=batik+penggarit")
    page.get_by_role("link", name="KAMPUNG BATIK PENGGARIT").first.click()  # a 2020 winner
    innovation_url = page.url
    form = page.get_by_test_id("outcome-form")
    form.locator("input[name=year]").fill("2021")
    form.locator("select[name=level]").select_option("top99")
    form.locator("input[name=result]").fill("Top 99")
    form.get_by_role("button").click()
    expect(page.get_by_test_id("national-outcomes")).to_contain_text("Top 99")

    page.goto("/organiser/entries/?year=2020&q=penggarit")
    page.locator("tr", has_text="KAMPUNG BATIK PENGGARIT").first.locator("a").first.click()
    page.get_by_test_id("sinovik-link").click()
    expect(page.get_by_test_id("sinovik-check")).to_contain_text("Surat Pernyataan Implementasi")
    with page.expect_download() as download:
        page.get_by_test_id("sinovik-zip").click()
    path = tmp_path / "sinovik.zip"
    download.value.save_as(path)
    assert any(name.endswith("-sinovik.xlsx") for name in zipfile.ZipFile(path).namelist())

    # The public sees the later result on the innovation's page.
    visitor = page.context.browser.new_context(base_url=page.url.split("/registry")[0]).new_page()
    visitor.goto(innovation_url)
    expect(visitor.get_by_test_id("national-outcomes")).to_contain_text("Top 99")
    visitor.context.close()
