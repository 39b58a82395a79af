"""The organiser reads the 2020 results with their uncertainty; a visitor verifies the published ranking and a certificate."""

import subprocess
import sys

from .conftest import ROOT, login


def test_organiser_computes_ranking_and_reads_ties_reliability_and_documents(page):
    login(page, "organiser")
    # The dashboard lists every edition with its results desk; 2020 is the scored one.
    page.locator("li", has_text="Kompetisi Inovasi Pelayanan Publik 2020").get_by_role("link", name="Hasil").click()
    # 2020 is published and final: it is not computed again...
    page.get_by_test_id("compute").click()
    page.wait_for_load_state()
    assert "tidak dihitung ulang" in page.locator(".messages").inner_text()
    # ...unless a numbered correction (ralat) is opened, with its reason.
    page.fill("#correction-reason", "Pemeriksaan ulang peringkat oleh panitia.")
    page.get_by_test_id("open-correction").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("correction-open").is_visible()
    page.get_by_test_id("compute").click()
    # The worker computes; the job's page follows it and links to the result when done.
    page.get_by_test_id("job-result").wait_for(timeout=60_000)
    assert "Peringkat dihitung dalam" in page.get_by_test_id("job-message").inner_text()
    page.get_by_test_id("job-result").click()
    ranking = page.get_by_test_id("ranking")
    assert ranking.locator("tbody tr").count() == 18
    assert page.get_by_test_id("tie-warning").is_visible()
    assert page.get_by_test_id("reliability").is_visible()
    assert page.get_by_test_id("sha256").inner_text()  # 2020 is published: its fingerprint is shown

    # The explanation of the winner shows each juror's sheet.
    ranking.locator("tbody tr").first.get_by_role("link").click()
    assert page.get_by_role("heading", name="Bagaimana nilai ini dihitung").is_visible()
    assert page.get_by_text("Dr. Arif Nugroho").first.is_visible()

    # Advancing from the proposal stage asks first: who advances, who stops here.
    page.goto("/results/2020/manage/stage/1/")
    page.get_by_test_id("compute").click()
    assert "Menghitung peringkat" in page.get_by_role("heading", level=1).inner_text()
    page.get_by_test_id("job-result").click(timeout=60_000)
    page.get_by_test_id("confirm-advance").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("advancing").is_visible() and page.get_by_test_id("cut").is_visible()

    page.goto("/results/2020/documents/")
    with page.expect_response(lambda r: r.url.endswith("minutes.pdf")) as info:
        page.get_by_role("link", name="Berita acara penilaian dan penetapan pemenang").click()
    assert info.value.status == 200
    assert info.value.headers["content-type"] == "application/pdf"


def test_visitor_verifies_published_results_and_a_certificate_on_a_phone(phone_page, server):
    page = phone_page
    page.goto("/results/2020/")
    fingerprint = page.get_by_test_id("sha256").inner_text()
    assert len(fingerprint) == 64
    assert page.get_by_test_id("intact").is_visible()

    page.get_by_role("link", name="Verifikasi").first.click()
    page.fill("#q", fingerprint)
    page.get_by_role("button", name="Verifikasi").click()
    page.wait_for_load_state()
    assert page.url.endswith("/results/2020/")

    code = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c",
         "from sayembara.results.models import Certificate; print(Certificate.objects.filter(kind='winner', edition__year=2020, award__title='Juara I').first().code)"],
        cwd=ROOT, env=server.env, capture_output=True, text=True, check=True,
    ).stdout.strip().splitlines()[-1]
    page.goto("/results/verify/")
    page.fill("#q", code.lower())
    page.get_by_role("button", name="Verifikasi").click()
    assert page.get_by_role("heading", name="Piagam ini asli").is_visible()
    assert "Juara I" in page.get_by_test_id("certificate").inner_text()

    page.goto("/results/verify/?q=PALSU123")
    assert page.get_by_role("alert").is_visible()
