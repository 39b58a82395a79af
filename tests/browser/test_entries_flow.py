"""A new innovator registers on a phone, writes and sends an entry; the unit verifier approves it; the organiser
screens it and publishes the result. Bad input on the way is refused clearly and nothing typed is lost."""

from __future__ import annotations

import re
import subprocess
import sys
import uuid

import pytest

from .conftest import ROOT, login

PASSWORD = "kopi-tubruk-pagi-hari"


@pytest.fixture
def open_edition(server):
    def manage(*args):
        subprocess.run([sys.executable, "manage.py", "open_demo_edition", *args], cwd=ROOT, env=server.env, check=True,
                       capture_output=True)

    manage()
    yield


def _pdf(path, text="bukti"):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": "Nama Penulis"})
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def _mail_link(server, email, pattern):
    for path in sorted(server.mail_dir.glob("*")):
        text = path.read_text(errors="replace")
        if email in text:
            found = re.findall(pattern, text)
            if found:
                return found[-1]
    raise AssertionError(f"no mail to {email} matching {pattern}")


def test_new_innovator_to_published_screening(open_edition, server, phone_page, browser, tmp_path):
    page = phone_page
    email = f"operator.{uuid.uuid4().hex[:8]}@desa.test"

    # Register on a phone and confirm the address from the e-mail.
    page.goto("/accounts/login/")
    page.get_by_test_id("register-link").click()
    page.fill("input[name=full_name]", "Operator Desa")
    page.fill("input[name=email]", email)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.click("main form button[type=submit]")
    assert page.get_by_role("heading", name="Periksa e-mail Anda").is_visible()
    # Logging in before confirming says so, and offers a new link.
    page.goto("/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    assert "belum dikonfirmasi" in page.locator("main").inner_text()
    # One click sends a new link (offered only because the password was right).
    page.get_by_test_id("resend-confirmation").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Periksa e-mail Anda").is_visible()

    # Confirming asks for the password chosen at registration (a link alone confirms nothing), then logs in.
    page.goto(_mail_link(server, email, r"http://\S+/accounts/confirm/\S+/"))
    page.fill("input[name=password]", PASSWORD)
    page.get_by_test_id("confirm").click()
    page.wait_for_load_state()

    # First login asks for the profile. Naming Disdukcapil only asks to join it.
    assert "/accounts/profile/" in page.url
    page.select_option("select[name=unit]", label="Dinas Kependudukan dan Pencatatan Sipil")
    page.fill("input[name=position]", "Operator")
    page.fill("input[name=phone]", "081234567890")
    page.get_by_test_id("save-profile").click()
    assert "menunggu persetujuan" in page.get_by_test_id("membership-pending").inner_text()

    # While waiting, the stranger sees nothing of the unit: not its entries, not a new-entry form.
    known_entry = "/entries/KIPP-2020-001/"
    for path in ["/my/entries/new/", "/my/entries/", known_entry]:
        assert page.goto(path).status == 403, path

    # The unit verifier sees the request on the dashboard and approves it.
    desk = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.url).new_page()
    login(desk, "verifier")
    desk.goto("/verifier/")
    assert "Operator Desa" in desk.get_by_test_id("membership-requests").inner_text()
    desk.goto("/accounts/members/")
    desk.get_by_test_id(f"approve-{email}").click()
    desk.wait_for_load_state()
    assert "kini anggota" in desk.locator(".messages").inner_text()
    desk.context.close()

    # Now a member: the unit's entries are visible and a new entry can be started.
    page.goto("/accounts/dashboard/")
    assert page.get_by_test_id("dashboard-title").inner_text() == "Entri saya"

    # Start an entry and write it.
    page.get_by_test_id("new-entry").first.click()
    title = f"Antar Jemput Dokumen Kependudukan {uuid.uuid4().hex[:4]}"
    page.fill("input[name=title]", title)
    page.click("main form button[type=submit]")
    page.wait_for_selector("#proposal-form")
    page.select_option("select[name=category]", label="Perangkat Daerah dan BUMD")
    page.fill("input[name=started_on]", "2016-02-01")
    areas = page.locator("textarea[data-word-limit]")
    for i in range(areas.count()):
        areas.nth(i).fill(f"Isian bagian {i + 1} yang ringkas dan jelas.")

    # An over-long summary is counted live; saving keeps it with a warning next to it (the limit is checked when
    # the entry is sent).
    long_text = " ".join(["kata"] * 205)
    page.fill("#id_section_ringkasan", long_text)
    assert "kelebihan 5" in page.locator('[data-counter-for="id_section_ringkasan"]').inner_text()
    page.get_by_test_id("save").click()
    page.wait_for_load_state()
    assert "Tersimpan" in page.locator(".messages").inner_text()
    assert "205 kata; batasnya 200" in page.get_by_test_id("word-warning-ringkasan").inner_text()
    assert page.input_value("#id_section_ringkasan").strip() == long_text
    page.fill("#id_section_ringkasan", "Dokumen kependudukan diantar ke rumah warga.")
    page.get_by_test_id("save").click()
    page.wait_for_load_state()
    assert "Tersimpan" in page.locator(".messages").inner_text()

    # Bad input: a text file renamed to .pdf is refused; real PDFs are accepted.
    fake = tmp_path / "surat.pdf"
    fake.write_text("ini bukan pdf")
    slot = page.get_by_test_id("slot-pernyataan_implementasi")
    slot.locator("input[type=file]").set_input_files(str(fake))
    slot.get_by_role("button", name="Unggah").click()
    page.get_by_test_id("upload-error").wait_for()
    assert "bukan dokumen PDF" in page.get_by_test_id("upload-error").inner_text()
    for code in ["pernyataan_implementasi", "sk_tim", "kesediaan_replikasi"]:
        slot = page.get_by_test_id(f"slot-{code}")
        slot.locator("input[type=file]").set_input_files(str(_pdf(tmp_path / f"{code}.pdf")))
        slot.get_by_role("button", name="Unggah").click()
        page.get_by_test_id(f"slot-{code}").get_by_text(f"{code}.pdf").wait_for()

    # Send (the page reloads so the checklist reflects the saved state).
    page.reload()
    page.check("input[name=declaration]")
    page.get_by_test_id("send").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("entry-status").inner_text() == "Dikirim ke verifikator unit"
    code = page.url.rstrip("/").split("/")[-1]

    # The unit verifier approves it on a desktop.
    desk = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.url).new_page()
    login(desk, "verifier")
    desk.goto(f"/entries/{code}/")
    desk.check("input[name=decision][value=approve]")
    desk.get_by_test_id("verify-submit").click()
    desk.wait_for_load_state()
    assert desk.get_by_test_id("entry-status").inner_text() == "Diverifikasi unit"
    desk.context.close()

    # The organiser screens it and publishes the announcement.
    office = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.url).new_page()
    login(office, "organiser")
    office.goto(f"/entries/{code}/")
    assert office.get_by_test_id("checklist").is_visible()
    office.check("input[name=decision][value=passed]")
    office.get_by_test_id("screen-submit").click()
    office.wait_for_load_state()
    assert office.get_by_test_id("entry-status").inner_text() == "Lolos seleksi"
    office.goto("/editions/2027/screening/")
    # Registration is still open: publishing now is refused until the organiser says why.
    office.fill("input[name=number]", "B/21/OR/2021")
    office.get_by_test_id("publish").click()
    office.wait_for_load_state()
    assert "masih dapat dikirim" in office.locator(".messages").inner_text()
    office.fill("input[name=number]", "B/21/OR/2021")
    office.fill("input[name=reason]", "Pengumuman gelombang pertama atas arahan Sekda.")
    office.get_by_test_id("publish").click()
    office.wait_for_load_state()
    office.context.close()

    # Everyone, the innovator included, sees the published result: how many passed, under its number. The list
    # with titles and units waits until the blind proposal stage has closed.
    page.goto("/editions/2027/screening/")
    assert "lolos seleksi administrasi" in page.get_by_test_id("makers-hidden").inner_text()
    assert "B/21/OR/2021" in page.locator("main").inner_text()
    assert title not in page.locator("main").inner_text()
