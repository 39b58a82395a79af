"""Production serves pages: static files collect under the strict manifest storage, and pages render with them.

A vendored file that points at a file we do not ship (a source map, a font)
makes ``collectstatic`` fail under WhiteNoise's manifest storage, and then
every page answers 500 because ``{% static %}`` finds no hashed name.
"""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
STATIC_SOURCES = [ROOT / "sayembara" / "static", *sorted((ROOT / "sayembara").glob("*/static"))]


def _production_env(**extra) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sayembara.settings_production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        **extra,
    }


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """``collectstatic`` under the production settings, into a directory of its own."""
    static_root = tmp_path_factory.mktemp("staticfiles")
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT, env=_production_env(STATIC_ROOT=str(static_root)), capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return static_root


def test_no_static_file_points_at_a_missing_source_map():
    for folder in STATIC_SOURCES:
        for path in folder.rglob("*"):
            if path.suffix not in {".js", ".css"}:
                continue
            for target in re.findall(r"sourceMappingURL=(\S+?)(?:\s*\*/)?\s*$", path.read_text(encoding="utf-8"), re.MULTILINE):
                assert (path.parent / target).exists(), f"{path.relative_to(ROOT)} points at {target}, which is not shipped"


def test_the_manifest_names_every_static_file_the_templates_use(collected):
    manifest = json.loads((collected / "staticfiles.json").read_text())["paths"]
    used = set()
    for template in (ROOT / "sayembara").rglob("*.html"):
        used.update(re.findall(r"""\{%\s*static\s+['"]([^'"]+)['"]\s*%\}""", template.read_text(encoding="utf-8")))
    assert "vendor/htmx-2.0.11.min.js" in used
    missing = sorted(name for name in used if name not in manifest)
    assert not missing, f"not collected: {missing}"


@pytest.mark.django_db
def test_pages_render_and_assets_are_served_with_the_manifest_storage(collected, settings, demo_users):
    settings.STATIC_ROOT = collected
    settings.WHITENOISE_USE_FINDERS = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    client = Client()  # a new client loads the middleware, so WhiteNoise sees the collected files
    page = client.get("/")
    assert page.status_code == 200
    html = page.content.decode()
    scripts = re.findall(r'src="(/static/[^"]+)"', html)
    assert any(re.search(r"/vendor/htmx-2\.0\.11\.min\.[0-9a-f]{12}\.js$", s) for s in scripts), scripts
    assert any("chart-4.6.1.umd.min." in s for s in scripts), "the home page of the demo draws its trend chart"
    for url in [*scripts, *re.findall(r'href="(/static/[^"]+\.css)"', html)]:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert "Content-Security-Policy" in asset
        if asset.streaming:
            # Reading it to the end closes it the test client's way; closing it by hand would send
            # request_finished, which closes the test's own database connection on PostgreSQL.
            b"".join(asset.streaming_content)
    client.force_login(demo_users["organiser"], backend="django.contrib.auth.backends.ModelBackend")
    for url in ("/accounts/dashboard/", "/insights/", "/results/2020/manage/", "/registry/", "/results/2020/"):
        assert client.get(url, follow=True).status_code == 200, url


def test_production_does_not_ask_for_hsts_preload_unless_told():
    code = "from django.conf import settings; print(settings.SECURE_HSTS_PRELOAD, settings.SECURE_HSTS_SECONDS > 0)"
    for extra, expected in (({}, "False True"), ({"SECURE_HSTS_PRELOAD": "true"}, "True True")):
        env = _production_env(**extra)
        if not extra:
            env.pop("SECURE_HSTS_PRELOAD", None)
        result = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
        assert result.stdout.strip().splitlines()[-1] == expected, result.stdout + result.stderr
