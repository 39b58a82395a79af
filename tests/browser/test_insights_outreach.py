"""The organiser reads why 2020 had fewer entries, invites the units that dropped out, and prints the summary."""

from .conftest import login


def test_organiser_invites_dropped_units_and_prints_summary(page, server):
    login(page, "organiser")
    page.goto("/insights/?year=2020")
    page.wait_for_function("() => window.Chart && Chart.getChart('chart-by-type')")
    totals = page.evaluate(
        "() => { const c = Chart.getChart('chart-by-type'); const n = c.data.labels.length;"
        " return [...Array(n).keys()].map(i => c.data.datasets.reduce((s, d) => s + d.data[i], 0)); }"
    )
    # The falling participation of the source: 35, 27, then 18 (later demo editions follow in the chart).
    assert totals[:3] == [35, 27, 18]
    assert page.get_by_test_id("entries-this-year").inner_text() == "18"

    page.get_by_role("link", name="siapa saja?").click()
    dropped = page.get_by_test_id("dropped-list")
    assert "Dinas Perpustakaan dan Kearsipan" in dropped.inner_text()
    row = dropped.get_by_test_id("unit-row").filter(has_text="Dinas Perpustakaan dan Kearsipan")
    row.get_by_placeholder("e-mail kontak").fill("dinpusip@pemalang.example")
    row.get_by_role("button", name="Simpan").click()
    assert "Alamat kontak Dinas Perpustakaan dan Kearsipan disimpan" in page.locator(".messages").inner_text()

    page.get_by_test_id("send-invitations").click()
    messages = page.locator(".messages").inner_text()
    # Units with a contact address or members with accounts are invited; the rest are named, to be completed.
    assert "Undangan terkirim ke" in messages
    assert "Tidak ada alamat e-mail untuk" in messages
    assert "Dinas Perpustakaan dan Kearsipan" not in messages.split("Tidak ada alamat e-mail untuk")[1]
    row = page.get_by_test_id("dropped-list").get_by_test_id("unit-row").filter(has_text="Dinas Perpustakaan dan Kearsipan")
    assert "diundang" in row.inner_text()
    sent = [p.read_text(errors="replace") for p in server.mail_dir.glob("*.log")]
    assert any("dinpusip@pemalang.example" in text and "/accounts/register/" in text for text in sent)

    page.goto("/insights/summary/?year=2020")
    assert "Dinas Perpustakaan dan Kearsipan (2019)" in page.get_by_test_id("summary-dropped").inner_text()
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_test_id("print").is_visible()
