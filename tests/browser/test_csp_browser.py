"""Under the Content-Security-Policy, nothing on the pages is blocked and the scripted parts still work."""

from .conftest import login

WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sourceFile || "") + ":" + e.lineNumber);
});
"""


def _watch(page):
    page.add_init_script(WATCH)
    messages = []
    page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
    return messages


def _assert_clean(page, messages, where):
    violations = page.evaluate("() => window.__cspViolations || []")
    assert not violations and not messages, f"{where}: {violations} {messages}"


def test_public_pages_run_their_scripts_without_violations(page):
    messages = _watch(page)
    response = page.goto("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_function("() => window.Chart && Chart.getChart('trend-chart')")
    _assert_clean(page, messages, "/")
    page.goto("/insights/call/")
    page.wait_for_function("() => document.getElementById('countdown').textContent.includes(':')")
    _assert_clean(page, messages, "/insights/call/")
    for url in ("/registry/?q=pelayanan", "/results/2020/", "/editions/2020/", "/accounts/login/"):
        page.goto(url)
        page.wait_for_load_state("load")
        _assert_clean(page, messages, url)


def test_htmx_works_under_the_policy(page):
    messages = _watch(page)
    login(page, "innovator")
    page.goto("/my/entries/new/")
    page.fill("input[name=title]", "Pelayanan administrasi kependudukan")
    page.locator("input[name=title]").dispatch_event("change")
    page.wait_for_function("() => document.getElementById('similar-innovations').innerHTML.trim() !== ''")
    _assert_clean(page, messages, "new entry (htmx)")


def test_organiser_pages_and_autosubmit_work_under_the_policy(page):
    messages = _watch(page)
    login(page, "organiser")
    page.goto("/insights/")
    page.wait_for_function("() => window.Chart && document.querySelector('canvas') && Chart.getChart(document.querySelector('canvas'))")
    with page.expect_navigation():
        page.select_option("select[name=year]", "2019")  # data-autosubmit
    assert "year=2019" in page.url
    _assert_clean(page, messages, "/insights/")
    page.goto("/results/2020/manage/")
    page.wait_for_load_state("load")
    _assert_clean(page, messages, "/results/2020/manage/")
    page.goto("/organiser/")
    page.wait_for_load_state("load")
    _assert_clean(page, messages, "/organiser/")
