"""Content-Security-Policy and Permissions-Policy: sent on every response, and no template needs an exception.

The policy allows scripts and styles from our own static files only, so a
template with an inline <script>, an on…= handler, a javascript: URL, a
style="…" attribute or a <style> element would be broken in the browser; the
scan below finds them before anyone ships one.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "sayembara").rglob("*.html"))

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
# A handler attribute: whitespace or a quote, then on…= (data-msg-online= is not one).
HANDLER = re.compile(r"""[\s"'/]on[a-z]+\s*=""", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"""[\s"']style\s*=""", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
HX_ON = re.compile(r"""[\s"'](data-)?hx-on""", re.IGNORECASE)
DATA_TYPES = {"application/json", "application/ld+json"}


def _tags(text: str):
    """Every start tag, with Django comments ({# … #}) blanked out."""
    text = re.sub(r"\{#.*?#\}", "", text, flags=re.DOTALL)
    text = re.sub(r"\{% comment %\}.*?\{% endcomment %\}", "", text, flags=re.DOTALL)
    return text, re.findall(r"<[a-zA-Z][^<>]*>", text)


def csp_problems(path: Path, root: Path = ROOT) -> list[str]:
    text, tags = _tags(path.read_text(encoding="utf-8"))
    problems = []
    for match in SCRIPT_TAG.finditer(text):
        attrs = match.group(1)
        kind = re.search(r"""type\s*=\s*["']([^"']+)["']""", attrs)
        if "src=" not in attrs.replace(" ", "") and not (kind and kind.group(1).lower() in DATA_TYPES):
            problems.append(f"inline <script>: {match.group(0)}")
    for tag in tags:
        for pattern, what in ((HANDLER, "inline event handler"), (STYLE_ATTRIBUTE, "style attribute"), (HX_ON, "hx-on (needs eval)")):
            if pattern.search(tag):
                problems.append(f"{what}: {tag[:120]}")
    if STYLE_ELEMENT.search(text):
        problems.append("<style> element")
    if re.search(r"javascript:", text, re.IGNORECASE):
        problems.append("javascript: URL")
    return [f"{path.relative_to(root)}: {p}" for p in problems]


def test_the_scan_finds_templates():
    assert len(TEMPLATES) > 50


def test_the_scan_catches_what_the_policy_blocks(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<script>alert(1)</script><button onclick="go()">x</button><a href="javascript:go()">y</a>'
        '<p style="color:red"></p><style>p{}</style><div hx-on:click="x"></div>'
    )
    found = " ".join(csp_problems(bad, tmp_path))
    for what in ("inline <script>", "inline event handler", "javascript: URL", "style attribute", "<style> element", "hx-on"):
        assert what in found
    good = tmp_path / "good.html"
    good.write_text(
        '<script src="/static/x.js" defer></script><script id="d" type="application/json">{}</script>'
        '<p data-msg-online="On line" class="online">Only on Mondays = never</p>'
    )
    assert csp_problems(good, tmp_path) == []


def test_no_template_needs_inline_script_or_style():
    problems = [problem for path in TEMPLATES for problem in csp_problems(path)]
    assert not problems, "Move these to static files (see sayembara/static/sayembara/app.js):\n" + "\n".join(problems)


def test_the_policy_is_the_strict_one():
    csp = settings.CONTENT_SECURITY_POLICY
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert not any("unsafe" in source for sources in csp.values() for source in sources)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/registry/", "/accounts/login/", "/health/", "/no-such-page/"])
def test_every_response_carries_the_policies(client, url):
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                      "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'", "img-src 'self' data:"):
        assert directive in csp
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in permissions
    assert "clipboard-write" not in permissions  # the "Copy" buttons need it


@pytest.mark.django_db
def test_htmx_is_configured_for_the_policy(client):
    page = client.get("/").content.decode()
    assert """<meta name="htmx-config" content='{"includeIndicatorStyles": false, "allowEval": false}'>""" in page
    assert "sayembara/app.js" in page


@pytest.mark.django_db
def test_report_only_mode(settings, client):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = True
    response = client.get("/health/")
    assert "Content-Security-Policy" not in response
    assert "script-src 'self'" in response["Content-Security-Policy-Report-Only"]
