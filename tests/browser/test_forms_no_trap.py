"""The entry form on a phone, in Indonesian: no date wiped, no autosave blocked by one long section, a checklist
that follows uploads, a photo slot that takes photos only (issue 13)."""

from __future__ import annotations

import subprocess
import sys
import uuid

import pytest

from .conftest import ROOT, login


@pytest.fixture
def entry_page(server, phone_page):
    """The demo innovator's new draft of the open edition, opened in the (default) Indonesian interface."""
    subprocess.run([sys.executable, "manage.py", "open_demo_edition"], cwd=ROOT, env=server.env, check=True,
                   capture_output=True)
    page = phone_page
    login(page, "innovator")
    page.goto("/my/entries/new/")
    page.fill("input[name=title]", f"Layanan Uji Formulir {uuid.uuid4().hex[:6]}")
    page.click("main form button[type=submit]")
    page.wait_for_selector("#proposal-form")
    assert page.locator("html").get_attribute("lang") == "id"
    return page


def _wait_saved(page):
    page.wait_for_function(
        "() => document.getElementById('save-status').textContent.indexOf('Tersimpan') === 0", timeout=15_000)


def test_reopened_in_indonesian_the_start_date_is_shown_and_survives_autosave(entry_page):
    page = entry_page
    page.fill("input[name=started_on]", "2016-02-01")
    page.get_by_test_id("save").click()
    page.wait_for_load_state()
    assert "Tersimpan" in page.locator(".messages").inner_text()
    # Reopened: the browser shows the date (it needs yyyy-mm-dd; "01-02-2016" would show an empty field).
    page.goto(page.url)
    assert page.input_value("input[name=started_on]") == "2016-02-01"
    # Typing elsewhere autosaves the whole form; the date is still there afterwards.
    page.fill("#id_section_ringkasan", "Dokumen kependudukan diantar ke rumah warga.")
    _wait_saved(page)
    page.goto(page.url)
    assert page.input_value("input[name=started_on]") == "2016-02-01"
    assert "tanggal mulai" not in page.get_by_test_id("checklist").inner_text().lower()


def test_one_section_over_its_limit_does_not_stop_autosave(entry_page):
    page = entry_page
    long_text = " ".join(["kata"] * 205)
    page.fill("#id_section_ringkasan", long_text)
    page.fill("#id_section_implementasi", "Petugas datang ke desa setiap Selasa.")
    _wait_saved(page)
    assert "205 kata; batasnya 200" in page.get_by_test_id("word-warning-ringkasan").inner_text()
    assert page.get_by_test_id("word-warning-implementasi").is_hidden()
    # Everything was stored, the over-long text too; the warning is still there when the entry is reopened.
    page.goto(page.url)
    assert page.input_value("#id_section_implementasi") == "Petugas datang ke desa setiap Selasa."
    assert page.input_value("#id_section_ringkasan").split() == long_text.split()
    assert "205 kata" in page.get_by_test_id("word-warning-ringkasan").inner_text()
    # Sending refuses, saying which rule.
    page.check("input[name=declaration]")
    page.get_by_test_id("send").click()
    page.wait_for_load_state()
    assert "batas kata" in page.locator(".messages").inner_text()


def test_the_checklist_follows_an_upload_and_the_photo_slot_refuses_a_pdf(entry_page, tmp_path):
    from pypdf import PdfWriter

    page = entry_page
    pdf = tmp_path / "bukti.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with open(pdf, "wb") as handle:
        writer.write(handle)
    evidence_line = page.get_by_test_id("checklist").locator("li", has_text="Bukti dukung wajib")
    assert "Surat Pernyataan Implementasi" in evidence_line.inner_text()
    for code in ["pernyataan_implementasi", "sk_tim", "kesediaan_replikasi"]:
        slot = page.get_by_test_id(f"slot-{code}")
        slot.locator("input[type=file]").set_input_files(str(pdf))
        slot.get_by_role("button", name="Unggah").click()
        page.get_by_test_id(f"slot-{code}").get_by_text("bukti.pdf").wait_for()
    # Without a reload, the checklist says the required evidence is there.
    page.wait_for_function(
        "() => [...document.querySelectorAll('#entry-checklist li.ok')]"
        ".some(li => li.textContent.indexOf('Bukti dukung wajib') !== -1)")
    # A real PDF in the photo slot is refused, and the files already attached stay.
    photo = page.get_by_test_id("slot-foto")
    assert "image/jpeg" in photo.locator("input[type=file]").get_attribute("accept")
    photo.locator("input[type=file]").set_input_files(str(pdf))
    photo.get_by_role("button", name="Unggah").click()
    page.get_by_test_id("slot-foto").get_by_test_id("upload-error").wait_for()
    assert "bukti.pdf" in page.get_by_test_id("slot-foto").get_by_test_id("upload-error").inner_text()
    assert "bukti.pdf" not in page.get_by_test_id("slot-foto").locator("ul").inner_text()
    page.goto(page.url)
    assert page.get_by_test_id("slot-sk_tim").get_by_text("bukti.pdf").is_visible()
