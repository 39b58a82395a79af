"""The daily screens fit a 360 px phone: wide tables become stacked cards, nothing scrolls sideways (issue 13).

Screenshots go to ``test-artifacts/screenshots/phone/`` as ``after-<page>-360.png``; the ones taken before the
fix (``before-<page>-360.png``) were made by running this file with ``SCREENSHOT_PREFIX=before``.
"""

import os

import pytest

from .conftest import ROOT, login

SHOTS = ROOT / "test-artifacts" / "screenshots" / "phone"
PREFIX = os.environ.get("SCREENSHOT_PREFIX", "after")

# (name, role or None, url, a locator of what must be visible on the phone)
PAGES = [
    ("entries", "innovator", "/my/entries/", '[data-testid="entry-table"] tbody tr:first-child td:nth-child(5)'),
    ("home", None, "/", "#previous-winners tbody tr:first-child td:nth-child(3)"),
    ("manage", "organiser", "/results/2020/manage/", '[data-testid="ranking"] tbody tr:first-child td:nth-child(3)'),
    ("verifier", "verifier", "/verifier/", '[data-testid="entry-table"] tbody tr:first-child td:nth-child(5)'),
    ("public-results", None, "/results/2020/", ".winners tbody tr:first-child td:nth-child(3)"),
    ("edition", None, "/editions/2020/", "#winners tbody tr:first-child td:nth-child(3)"),
    ("jury-organise", "organiser", "/jury/organise/2026/", "table.stacked >> nth=1 >> tbody tr:first-child td:nth-child(3)"),
    ("coverage", "organiser", "/insights/coverage/", "table.stacked tbody tr:first-child td:nth-child(6)"),
]


def _shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{PREFIX}-{name}-360.png"), full_page=True)


def _overflow(page):
    """Elements sticking out of the viewport's right edge (what makes a page scroll sideways)."""
    return page.evaluate("""() => {
        const w = 360, out = [];
        for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.width && r.right > w + 1) out.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + Math.round(r.right));
        }
        return out.slice(0, 10);
    }""")


def _fully_visible(page, selector):
    """The element is on screen horizontally: not clipped by a scrolling wrapper nor the viewport."""
    element = page.locator(selector).first
    if not element.count():
        return "missing"
    return element.evaluate("""(el) => {
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height) return 'empty';
        if (r.left < 0 || r.right > 361) return `off-screen ${Math.round(r.left)}..${Math.round(r.right)}`;
        for (let p = el.parentElement; p; p = p.parentElement) {
            const s = getComputedStyle(p);
            if (s.overflowX !== 'visible') {
                const pr = p.getBoundingClientRect();
                if (r.left < pr.left - 1 || r.right > pr.right + 1) return `clipped by ${p.tagName} ${p.className}`;
            }
        }
        return 'ok';
    }""")


@pytest.mark.parametrize("name,role,url,visible", PAGES, ids=[p[0] for p in PAGES])
def test_daily_pages_fit_a_phone_without_sideways_scrolling(phone_page, name, role, url, visible):
    page = phone_page
    if role:
        login(page, role)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    _shoot(page, name)
    # A phone widens its layout viewport to fit wide content (innerWidth grows past 360): both must stay at 360.
    width = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1] <= 360, f"{url} scrolls sideways at 360 px: {width}; sticking out: {_overflow(page)}"
    assert _fully_visible(page, visible) == "ok", f"{url}: {visible} is not visible: {_fully_visible(page, visible)}"


def test_tie_warning_is_a_block_notice_not_a_badge(phone_page):
    page = phone_page
    login(page, "organiser")
    page.goto("/results/2020/manage/")
    warning = page.get_by_test_id("tie-warning")
    assert warning.is_visible()
    classes = warning.get_attribute("class").split()
    assert "badge" not in classes and "notice" in classes
    radius = warning.evaluate("el => parseFloat(getComputedStyle(el).borderTopLeftRadius)")
    assert radius < 12, "the tie warning is drawn as an oval"
    box = warning.bounding_box()
    assert box["x"] + box["width"] <= 360
