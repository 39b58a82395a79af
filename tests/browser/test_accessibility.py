"""axe-core (WCAG 2.1 A and AA) on the key page of every role, at desktop and phone widths (issue 13).

axe is vendored (``vendor/axe.min.js``, see ``vendor/README.md``) and injected by Playwright: no network.
A serious or critical violation fails the test, with the rule ids and the elements it concerns.
"""

from pathlib import Path

import pytest


from .conftest import login

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = {"desktop": (1280, 900), "phone": (360, 740)}

# (name, role or None for a visitor, url)
PAGES = [
    ("home", None, "/"),
    ("public-results", None, "/results/2020/"),
    ("innovator-entries", "innovator", "/my/entries/"),
    ("verifier", "verifier", "/verifier/"),
    ("juror-dashboard", "juror", "/jury/"),
    ("organiser-dashboard", "organiser", "/organiser/"),
    ("organiser-results", "organiser", "/results/2020/manage/"),
    ("not-found", None, "/no-such-page/"),
]


def run_axe(page) -> list[dict]:
    """The serious and critical WCAG 2.1 A/AA violations on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        TAGS,
    )
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def describe(violations) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:8]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.mark.parametrize("width", WIDTHS, ids=list(WIDTHS))
@pytest.mark.parametrize("name,role,url", PAGES, ids=[p[0] for p in PAGES])
def test_key_pages_have_no_serious_accessibility_violations(browser, server, name, role, url, width):
    w, h = WIDTHS[width]
    phone = width == "phone"
    # bypass_csp: axe is injected as an inline script, which the site's Content-Security-Policy rightly refuses.
    context = browser.new_context(viewport={"width": w, "height": h}, is_mobile=phone, has_touch=phone,
                                  base_url=server.url, bypass_csp=True)
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        if role:
            login(page, role)
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert page.url.endswith(url), f"{role} landed on {page.url}, not {url}"
        violations = run_axe(page)
        assert not violations, f"{url} at {w} px:\n{describe(violations)}"
    finally:
        context.close()


def test_skip_link_leads_to_the_content_and_messages_are_announced(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.get_attribute("href") == "#main"
    assert skip.inner_text().strip() == "Langsung ke isi"
    assert skip.is_visible()  # it shows when focused
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#main"
    # Messages are read out by screen readers: the list is a polite live region, errors are alerts.
    login(page, "organiser")
    region = page.locator("[data-testid=messages]")
    assert region.get_attribute("aria-live") == "polite"
    assert region.get_attribute("role") == "status"


def test_scrollable_tables_can_be_reached_by_keyboard(phone_page):
    """A table that still scrolls sideways on a phone is a named, focusable region; one that fits is no tab stop."""
    page = phone_page
    login(page, "organiser")
    seen = []
    for url in ("/insights/", "/insights/coverage/", "/jury/organise/2026/", "/results/2020/manage/", "/organiser/entries/"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        seen += page.evaluate("""(url) => [...document.querySelectorAll('.table-wrap')].map(w => ({
            url, scrolls: w.scrollWidth > w.clientWidth + 1, tabindex: w.getAttribute('tabindex'),
            role: w.getAttribute('role'), label: w.getAttribute('aria-label')}))""", url)
    scrolling = [w for w in seen if w["scrolls"]]
    assert scrolling, f"no table scrolls sideways on these pages at 360 px: {seen}"
    for w in scrolling:
        assert w["tabindex"] == "0" and w["role"] == "region" and w["label"], w
    for w in seen:
        if not w["scrolls"]:
            assert w["tabindex"] is None, w
    # Tab reaches the region, and the arrow keys scroll it.
    page.goto(scrolling[0]["url"])
    page.wait_for_load_state("networkidle")
    region = page.locator(".table-wrap[tabindex='0']").first
    region.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    # The browser may scroll smoothly: give it the moment a busy machine needs before reading the position.
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle(), timeout=5000)
    assert region.evaluate("el => el.scrollLeft") > 0
