"""Browser tests: Playwright drives Debian's chromium against a real gunicorn serving the demo, with a Celery worker beside it.

The server runs in its own process on its own database (a temporary SQLite
file, or a throwaway PostgreSQL database when DATABASE_URL points at one), so
what the browser sees is what a user of ``make serve`` would see. Sent e-mails
land as files in ``mail_dir`` for tests to read.

Without /usr/bin/chromium these tests are skipped with a message, except under
CI (CI=true), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
DEMO_PASSWORD = "pemalang-demo-2020"
DEMO_EMAILS = {
    "organiser": "panitia@pemalang.demo",
    "verifier": "verifikator.dukcapil@pemalang.demo",
    "innovator": "inovator.dukcapil@pemalang.demo",
    "juror": "juri.akademisi@pemalang.demo",
    "juror_ngo": "juri.ngo@pemalang.demo",
    "juror_bureaucracy": "juri.birokrasi@pemalang.demo",
}


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"CI=true but {CHROMIUM} is missing: browser tests cannot run (apt-get install chromium).")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not found: run `apt-get install chromium` to run the browser tests")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _throwaway_database(base_url: str):
    """A fresh database for the server: a PostgreSQL database made for this run, or a SQLite file."""
    if base_url.startswith(("postgres://", "postgresql://")):
        import psycopg

        name = f"sayembara_browser_{uuid.uuid4().hex[:10]}"
        head, _, _ = base_url.rpartition("/")
        # Create and drop through the maintenance database: the URL's own database need not exist.
        admin_url = f"{head}/postgres"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')

        def drop():
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        return f"{head}/{name}", drop
    return None, lambda: None


def _stop(process: subprocess.Popen, seconds: float) -> None:
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Start gunicorn on the demo data; yields an object with ``url`` and ``mail_dir``."""
    work = tmp_path_factory.mktemp("server")
    database_url, drop = _throwaway_database(os.environ.get("DATABASE_URL", ""))
    env = {
        **os.environ,
        "DEBUG": "0",
        "SAYEMBARA_VAR_DIR": str(work / "var"),
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(work / "mail"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "AXES_FAILURE_LIMIT": "50",
        # Each server has its own worker on a broker folder of its own (parallel test processes share one
        # Redis: a shared queue would hand one server's jobs to the other's worker and database).
        "CELERY_BROKER_URL": "filesystem://",
    }
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    python = sys.executable
    for command in (["migrate", "--no-input", "-v0"], ["load_demo"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    port = _free_port()
    log = open(work / "gunicorn.log", "w")
    process = subprocess.Popen(
        [python, "-m", "gunicorn", "sayembara.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "2",
         "--threads", "4", "--timeout", "120"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    worker_log = open(work / "worker.log", "w")
    worker = subprocess.Popen(
        [python, "-m", "celery", "-A", "sayembara", "worker", "--beat", "--pool", "solo", "--concurrency", "1",
         "--loglevel", "WARNING"],
        cwd=ROOT, env=env, stdout=worker_log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    # Up when /health/ says every part is: the database, the cache, the broker and the worker's heartbeat.
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/health/", timeout=2)
            break
        except (urllib.error.HTTPError, OSError):
            if time.monotonic() > deadline or process.poll() is not None or worker.poll() is not None:
                process.kill()
                worker.kill()
                raise RuntimeError(f"gunicorn or the worker did not start: {(work / 'gunicorn.log').read_text()[-2000:]}"
                                   f"{(work / 'worker.log').read_text()[-2000:]}")
            time.sleep(0.3)

    class Server:
        pass

    srv = Server()
    srv.url = url
    srv.mail_dir = work / "mail"
    srv.env = env
    srv.log_path = work / "gunicorn.log"
    try:
        yield srv
    finally:
        _stop(worker, seconds=20)  # a warm shutdown lets a running job finish
        worker_log.close()
        _stop(process, seconds=10)
        log.close()
        drop()
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A fresh browser context (no cookies) on a desktop-sized window."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, server):
    """A fresh browser context the size of a phone (360 × 740), with touch."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True, base_url=server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def login(page, role_or_email: str, password: str = DEMO_PASSWORD):
    """Log in through the login form, as a user would."""
    email = DEMO_EMAILS.get(role_or_email, role_or_email)
    page.goto("/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
