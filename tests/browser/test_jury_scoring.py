"""Jurors score on a phone, offline for a while, and in two tabs; the organiser assigns and watches progress.

Each test uses its own juror and stage of the 2026 judging demo, so they do not depend on each other.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from .conftest import ROOT, login


@pytest.fixture(scope="module")
def judging_demo(server):
    """Create the 2026 judging edition on the browser server's database (idempotent)."""
    subprocess.run([sys.executable, "manage.py", "jury_demo_stage"], cwd=ROOT, env=server.env, check=True,
                   capture_output=True)
    return server


def _open_stage(page, name):
    page.goto("/jury/")
    section = page.locator("section.jury-stage", has=page.get_by_role("heading", name=re.compile(f"2026 · {name}")))
    expect(section).to_be_visible()
    return section


def test_juror_scores_a_blind_proposal_on_a_phone(phone_page, judging_demo):
    page = phone_page
    login(page, "juror")
    section = _open_stage(page, "Penilaian Proposal")
    section.locator("a.row").first.click()
    # A blind stage names the entry by its pseudonym, never by the public entry number.
    expect(page.get_by_test_id("sheet-title")).to_have_text(re.compile(r"^[A-Z0-9]{6} · "))
    expect(page.get_by_test_id("sheet-title")).not_to_contain_text("KIPP-2026-")
    # Tap a rubric level: its middle score fills the input.
    page.locator("fieldset.criterion").nth(0).get_by_role("button", name=re.compile("Sangat baik")).click()
    expect(page.get_by_test_id("score-inovasi")).to_have_value("91")
    page.get_by_test_id("score-kemanfaatan").fill("72")
    page.get_by_test_id("just-kemanfaatan").fill("Manfaat terukur bagi warga desa.")
    page.get_by_test_id("save-draft").click()
    expect(page.locator(".messages")).to_contain_text("Draf disimpan")
    page.get_by_test_id("score-replikasi").fill("65")
    page.get_by_test_id("submit-sheet").click()
    expect(page.locator(".messages")).to_contain_text("Lembar nilai terkirim")
    expect(page.get_by_test_id("sheet-status")).to_have_text("Terkirim")
    expect(page.get_by_test_id("score-kemanfaatan")).to_have_value("72")
    # Large touch targets, and nothing wider than the phone.
    assert page.get_by_test_id("score-inovasi").bounding_box()["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_live_page_keeps_offline_scores_and_sends_them_once(phone_page, judging_demo):
    page = phone_page
    login(page, "juror_ngo")
    section = _open_stage(page, "Penilaian Proposal")
    section.get_by_test_id("live-link").click()
    expect(page.get_by_test_id("live-status")).to_contain_text("Daring")
    sync_posts = []
    page.on("request", lambda r: sync_posts.append(r.post_data) if r.url.endswith("/live/sync/") else None)

    page.context.set_offline(True)
    codes = []
    for _ in range(2):
        card = page.locator("section.live-card:visible")
        codes.append(card.locator("h2").inner_text().split(" · ")[0])
        for code, value in (("inovasi", "81"), ("kemanfaatan", "77"), ("replikasi", "70")):
            card.get_by_test_id(f"score-{code}").fill(value)
        card.get_by_test_id("live-submit").click()
        expect(card.get_by_test_id("card-state")).to_contain_text("menunggu dikirim")
        page.wait_for_timeout(500)
    expect(page.get_by_test_id("live-status")).to_contain_text("Luring: 2 lembar")
    queued = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('sayembara-live-queue'))"
                           ".map(k => JSON.parse(localStorage.getItem(k)).length)")
    assert queued == [2]

    page.context.set_offline(False)
    expect(page.get_by_test_id("live-status")).to_contain_text("semua nilai Anda sudah terkirim", timeout=15_000)
    ok_posts = [p for p in sync_posts if p]
    keys = [re.search(r'"key":"([^"]+)"', p).group(1) for p in ok_posts]
    assert len(set(keys)) == 2

    # After a reload (back online), both entries show as sent and the queue is empty.
    page.reload()
    for code in codes:
        expect(page.get_by_test_id(f"live-card-{code}").get_by_test_id("card-state")).to_have_text("Terkirim")
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('sayembara-live-queue'))"
                         ".map(k => JSON.parse(localStorage.getItem(k)).length)") == [0]

    # A resend of the same submission (e.g. the answer was lost) is recognised, not applied twice.
    status = page.evaluate(
        """async ([body]) => {
            const csrf = document.getElementById('live').dataset.csrf;
            const r = await fetch(document.getElementById('live').dataset.syncUrl,
                {method: 'POST', headers: {'Content-Type': 'application/json', 'X-CSRFToken': csrf}, body});
            return r.status;
        }""",
        [ok_posts[0]],
    )
    assert status == 200


def test_two_tabs_on_one_sheet_lose_no_score(browser, judging_demo):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=judging_demo.url)
    first = context.new_page()
    login(first, "juror_bureaucracy")
    section = _open_stage(first, "Penilaian Proposal")
    href = section.locator("a.row").nth(1).get_attribute("href")
    first.goto(href)
    second = context.new_page()
    second.goto(href)
    first.get_by_test_id("score-inovasi").fill("88")
    first.get_by_test_id("save-draft").click()
    expect(first.locator(".messages")).to_contain_text("Draf disimpan")
    second.get_by_test_id("score-kemanfaatan").fill("64")
    second.get_by_test_id("save-draft").click()
    expect(second.locator(".messages")).to_contain_text("digabungkan")
    second.reload()
    expect(second.get_by_test_id("score-inovasi")).to_have_value("88")
    expect(second.get_by_test_id("score-kemanfaatan")).to_have_value("64")
    context.close()


def test_organiser_assigns_opens_and_watches_progress(page, judging_demo):
    login(page, "organiser")
    page.goto("/jury/organise/2026/")
    page.get_by_test_id("stage-row-interview").get_by_role("link", name="Penugasan").click()
    page.select_option("select[name=mode]", "full_panel")
    page.get_by_test_id("run-assignment").click()
    # The worker assigns; the job's page says what it made and leads back.
    expect(page.get_by_test_id("job-message")).to_contain_text("penugasan dibuat", timeout=60_000)
    page.get_by_test_id("job-result").click()
    expect(page.get_by_test_id("panel-table").locator("tbody tr")).to_have_count(9)
    # Automatic: the only NGO juror is conflicted with one entry, which the page names.
    page.select_option("select[name=mode]", "automatic")
    page.get_by_test_id("run-assignment").click()
    page.get_by_test_id("job-result").click(timeout=60_000)
    expect(page.get_by_test_id("unmet")).to_contain_text("KIPP-2026-009")
    expect(page.get_by_test_id("unmet")).to_contain_text("Tidak ada juri unsur LSM")
    loads = page.get_by_test_id("load").all_inner_texts()
    assert sorted(int(x) for x in loads) == [8, 9, 9]
    # What the blind proposal stage's jurors read, entry by entry.
    page.goto("/jury/organise/2026/")
    page.get_by_test_id("stage-row-proposal").get_by_role("link", name="Penugasan").click()
    page.get_by_test_id("masking-link").click()
    expect(page.get_by_test_id("masking-table").locator("tbody tr")).to_have_count(9)
    expect(page.get_by_test_id("masking-table")).to_contain_text("Disdukcapil")  # what was masked, for the organiser
    page.goto("/jury/organise/2026/")
    page.get_by_test_id("stage-row-interview").get_by_role("link", name="Penugasan").click()
    # The blind proposal stage is open with the same jurors and entries: opening the interview is refused
    # until the organiser records why.
    expect(page.get_by_test_id("overlap-warning")).to_be_visible()
    page.get_by_test_id("open-stage").click()
    expect(page.locator(".messages")).to_contain_text("Penilaian Proposal")
    page.fill("input[name=override_reason]", "Wawancara dimajukan atas arahan Sekda.")
    page.get_by_test_id("open-stage").click()
    expect(page.locator(".messages")).to_contain_text("Penilaian dibuka")
    expect(page.get_by_test_id("assign-form")).to_have_count(0)
    page.get_by_role("link", name="Kemajuan").first.click()
    expect(page.get_by_test_id("progress-total")).to_contain_text("/ 26")
    page.get_by_test_id("remind").click()
    expect(page.locator(".messages")).to_contain_text("juri diingatkan")
    # At national size the lists are summaries: only the jurors behind, then one juror's sheets.
    page.get_by_test_id("behind-filter").click()
    behind = page.get_by_test_id("juror-progress").locator("tbody tr")
    expect(behind).to_have_count(3)
    behind.first.get_by_role("link").click()
    expect(page.get_by_test_id("sheets")).to_be_visible()
    expect(page.locator("#sheets")).to_contain_text("Lembar nilai")
    page.get_by_test_id("entry-filter").locator("input[name=q]").fill("KIPP-2026-009")
    page.get_by_test_id("entry-filter").get_by_role("button").click()
    expect(page.get_by_test_id("entry-progress").locator("tbody tr")).to_have_count(1)
    mails = list(judging_demo.mail_dir.glob("*.log"))
    assert any("Pengingat" in p.read_text(errors="ignore") for p in mails)
