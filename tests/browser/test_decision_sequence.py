"""The whole sequence in a browser, on an edition taken back to the day after judging: provisional announcement →
a response upheld → correction → a corrected provisional version → decision → decree → final publication → a ralat.

Screenshots of each step go to ``test-artifacts/screenshots/sequence/`` (named in the closing note of issue 11).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from tests.browser.conftest import ROOT, login

SHOTS = ROOT / "test-artifacts" / "screenshots" / "sequence"


def _shell(server, code: str) -> str:
    done = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=server.env, check=True,
                          capture_output=True, text=True)
    # The shell may print its own notices first: the value asked for is the last line.
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)


def test_provisional_announcement_public_test_decision_decree_publication_and_ralat(browser, server, page):
    # 2019 back to the day after judging: winners proposed, nothing announced.
    _shell(server, "from sayembara.editions.models import Edition; from tests.results.conftest import undecide; "
                   "undecide(Edition.objects.get(year=2019))")
    login(page, "organiser")
    page.goto("/results/2019/manage/")
    assert page.get_by_test_id("sequence").is_visible()
    _shot(page, "01-desk-before-announcement.png")

    # Too early for the decision: the page says why and offers no button.
    page.goto("/results/2019/manage/decision/")
    assert page.get_by_test_id("step-problems").is_visible() and page.get_by_test_id("decide").count() == 0

    page.goto("/results/2019/manage/")
    page.get_by_test_id("go-provisional").click()
    assert page.get_by_test_id("proposed-winners").is_visible()
    _shot(page, "02-provisional-confirmation.png")
    page.get_by_test_id("announce").click()
    assert page.get_by_test_id("provisional-1").is_visible()

    # A citizen on a phone reads the provisional list and responds during the public test.
    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True,
                                base_url=server.url).new_page()
    phone.goto("/results/2019/")
    assert phone.get_by_test_id("provisional").is_visible()
    _shot(phone, "03-public-provisional-announcement-phone.png")
    entry_code = _shell(server, "from sayembara.entries.models import Entry; "
                                "print(Entry.objects.filter(edition__year=2019, status='passed').order_by('code').last().code)")
    phone.goto("/results/2019/objections/")
    phone.fill("input[name=entry_code]", entry_code)
    phone.fill("input[name=name]", "Sri Handayani")
    phone.fill("input[name=email]", "sri.handayani@example.org")
    phone.fill("textarea[name=text]", f"Juri birokrasi berasal dari unit pengusul {entry_code} <script>alert(1)</script>.")
    phone.click("main form button[type=submit]")
    assert phone.get_by_test_id("objection").count() == 1, phone.locator("main").inner_text()[:1500]
    assert "<script>alert(1)</script>" in phone.get_by_test_id("objection").inner_text()  # shown as text
    _shot(phone, "04-response-filed-phone.png")

    # The organiser upholds it: the juror's scores for that entry leave the ranking (a conflict recorded).
    page.goto("/results/2019/objections/")
    page.get_by_test_id("answer-link").click()
    page.check("input[name=outcome][value=upheld]")
    page.fill("textarea[name=answer]", "Benar. Nilai juri tersebut untuk inovasi ini dikeluarkan dari perhitungan.")
    _shot(page, "05-answer-upheld.png")
    page.get_by_test_id("publish-answer").click()
    page.goto("/jury/organise/2019/conflicts/")
    page.select_option("select[name=juror]", index=page.locator("select[name=juror] option").count() - 1)
    page.fill("input[name=entry_code]", entry_code)
    page.select_option("select[name=kind]", "same_unit")
    page.fill("textarea[name=note]", "Uji publik: tanggapan diterima")
    page.click("main form button[type=submit]")

    # The decision is refused until a corrected provisional version has had its public test.
    page.goto("/results/2019/manage/decision/")
    assert page.get_by_test_id("step-problems").is_visible()
    page.goto("/results/2019/manage/")
    page.get_by_test_id("go-provisional").click()
    page.fill("textarea[name=reason]", f"Nilai satu juri untuk {entry_code} dikeluarkan (konflik kepentingan).")
    page.get_by_test_id("announce").click()
    assert page.get_by_test_id("provisional-2").is_visible()
    _shot(page, "06-corrected-provisional-version.png")

    # Five days later the public test is over.
    _shell(server, "import datetime as dt; from django.utils import timezone; "
                   "from sayembara.results.models import ProvisionalAnnouncement as P; "
                   "P.objects.filter(edition__year=2019).update(announced_at=timezone.now() - dt.timedelta(days=6), "
                   "public_test_ends_at=timezone.now() - dt.timedelta(days=1))")
    page.goto("/results/2019/manage/")
    page.get_by_test_id("go-decide").click()
    today = dt.date.today().isoformat()
    page.fill("input[name=held_on]", today)
    page.fill("input[name=place]", "Ruang Rapat Sekretariat Daerah")
    _shot(page, "07-decision-form.png")
    page.get_by_test_id("decide").click()
    page.get_by_test_id("go-decree").click()
    page.fill("input[name=decree_number]", "100.3.3.2/719/2026")
    page.fill("input[name=decree_date]", today)
    page.get_by_test_id("save-decree").click()
    _shot(page, "08-desk-decided-and-decreed.png")

    page.get_by_test_id("go-publish").click()
    _shot(page, "09-final-publication-confirmation.png")
    page.get_by_test_id("publish").click()
    sha = page.get_by_test_id("sha256").inner_text()
    assert len(sha) == 64

    phone.goto("/results/2019/")
    assert phone.get_by_test_id("history").is_visible() and "100.3.3.2/719/2026" in phone.get_by_test_id("history").inner_text()
    _shot(phone, "10-final-results-with-history-phone.png")

    # Final means final: a ralat is the only way, numbered and reasoned.
    page.goto("/results/2019/manage/")
    page.fill("textarea[name=reason]", "Salah ketik nama instansi pada lampiran.")
    page.get_by_test_id("open-correction").click()
    assert page.get_by_test_id("correction-open").is_visible()
    page.get_by_test_id("lock").click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_test_id("publish-correction").click()
    page.wait_for_load_state()
    phone.goto("/results/2019/")
    assert phone.get_by_test_id("corrections").is_visible()
    _shot(phone, "11-public-page-after-ralat-phone.png")
    phone.context.close()
