#!/usr/bin/env python3
"""Smoke test of the production profile: does ``sayembara.settings_production`` serve pages?

On a fresh SQLite database in a temporary directory, with a random SECRET_KEY:
migrate, load the Pemalang demo, collect the static files (WhiteNoise's strict
manifest storage), start gunicorn on a free 127.0.0.1 port, then request the
public pages, a static asset, and each demo role's dashboard after logging in
through the login form. Every request carries ``X-Forwarded-Proto: https``, as
from the TLS-terminating proxy that production runs behind.

A Celery worker (with its beat) runs beside gunicorn, on Redis when it answers at 127.0.0.1:6379 (a free
database number, emptied afterwards; required under CI=true), else on the folder broker: /health/ must say
every part is up, the organiser's "Check the worker" job must run to its end on the worker, and a
password-reset e-mail must leave through the outbox and the worker.

Each response must be 200 or 302 and carry Strict-Transport-Security,
Content-Security-Policy, X-Content-Type-Options, Referrer-Policy and
Permissions-Policy; every cookie set must be Secure. Exit status 0 when all
pass, 1 otherwise (with the reasons). gunicorn and the worker are always stopped.

Standard library only; run it with the project's Python (the one with Django
and gunicorn installed): ``.venv/bin/python tools/smoke_production.py`` or
``make smoke-production``.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "pemalang-demo-2020"
ROLES = {
    "organiser": "panitia@pemalang.demo",
    "verifier": "verifikator.dukcapil@pemalang.demo",
    "innovator": "inovator.dukcapil@pemalang.demo",
    "juror": "juri.akademisi@pemalang.demo",
}
PUBLIC_PAGES = [
    "/health/",
    "/",
    "/editions/",
    "/editions/2020/",
    "/registry/",
    "/registry/?q=pelayanan",
    "/results/2020/",
    "/results/2020/objections/",
    "/results/verify/",
    "/insights/call/",
    "/accounts/login/",
]
# The decision sequence's pages, as the organiser opens them.
ORGANISER_PAGES = ["/results/2020/manage/", "/results/2020/manage/decision/", "/results/2020/manage/decree/",
                   "/results/2020/manage/publish/", "/results/2020/documents/minutes.pdf"]
REQUIRED_HEADERS = [
    "Strict-Transport-Security",
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Permissions-Policy",
]
# Settings from the caller's environment that would change what is being tested.
UNSET = [
    "DEBUG", "DATABASE_URL", "REDIS_URL", "STATIC_STORAGE_BACKEND", "FILE_STORAGE_BACKEND", "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS", "CSP_REPORT_ONLY", "CSP_REPORT_URI", "CSRF_TRUSTED_ORIGINS", "PYTHONPATH",
    "CELERY_BROKER_URL", "EMAIL_BACKEND", "OUTBOX_DELIVERY_BACKEND",
]
REDIS = ("127.0.0.1", 6379)
# Databases the test suite uses (14: job tests, 15: the PostgreSQL run's cache) are not taken.
REDIS_CANDIDATE_DBS = range(13, 1, -1)
JOB_SECONDS = 60


class Failure(Exception):
    pass


class BehindTheProxy(http.cookiejar.DefaultCookiePolicy):
    """Send Secure cookies back over our plain-HTTP hop: the (imagined) proxy in front terminates TLS."""

    def return_ok_secure(self, cookie, request):
        return True


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # redirects are followed by hand, so that every hop is checked


class Browser:
    """A cookie jar and an opener; every request says it came through HTTPS."""

    def __init__(self, base: str, log: list[str]):
        self.base = base
        self.https_base = "https://" + base.split("://", 1)[1]
        self.log = log
        self.jar = http.cookiejar.CookieJar(policy=BehindTheProxy())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, path: str, data: dict | None = None, referer: str | None = None, follow: bool = False):
        """GET (or POST ``data``) ``path``; returns (final status, final path, body, all hops' headers)."""
        hops = []
        method = "POST" if data is not None else "GET"
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        for _ in range(6):
            headers = {"X-Forwarded-Proto": "https", "User-Agent": "sayembara-smoke"}
            if referer:
                headers["Referer"] = referer
            req = urllib.request.Request(self.base + path, data=body, headers=headers, method=method)
            try:
                response = self.opener.open(req, timeout=30)
            except urllib.error.HTTPError as error:  # 3xx (not followed by urllib) and 4xx/5xx
                response = error
            status, content = response.status, response.read()
            hops.append((method, path, status, response.headers))
            self.log.append(f"{status} {method} {path}")
            if status not in (200, 302):
                excerpt = content[:300].decode("utf-8", "replace")
                raise Failure(f"{method} {path} answered {status} (expected 200 or 302): {excerpt}")
            check_headers(method, path, response.headers)
            if status == 302 and follow:
                location = response.headers["Location"]
                target = urllib.parse.urlsplit(urllib.parse.urljoin(self.https_base + path, location))
                if f"{target.scheme}://{target.netloc}" != self.https_base:
                    raise Failure(f"{method} {path} redirects off the site, to {location}")
                path = target.path + (f"?{target.query}" if target.query else "")
                method, body, referer = "GET", None, None
                continue
            return status, path, content.decode("utf-8", "replace"), hops
        raise Failure(f"too many redirects from {hops[0][1]}")

    def cookie(self, name: str) -> str:
        for cookie in self.jar:
            if cookie.name == name:
                return cookie.value
        raise Failure(f"no {name} cookie was set")


def check_headers(method: str, path: str, headers) -> None:
    missing = [name for name in REQUIRED_HEADERS if not headers.get(name)]
    if missing:
        raise Failure(f"{method} {path} lacks {', '.join(missing)}")
    csp = headers["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"):
        if directive not in csp:
            raise Failure(f"{method} {path}: Content-Security-Policy lacks {directive!r}: {csp}")
    if "max-age=" not in headers["Strict-Transport-Security"]:
        raise Failure(f"{method} {path}: Strict-Transport-Security without max-age")
    for set_cookie in headers.get_all("Set-Cookie") or []:
        attributes = [part.strip().lower() for part in set_cookie.split(";")[1:]]
        if "secure" not in attributes:
            raise Failure(f"{method} {path} sets a cookie without Secure: {set_cookie.split(';')[0].split('=')[0]}")


def redis(*commands: str, db: int | None = None) -> list[str]:
    """Send one-line commands to Redis (after SELECT db); their one-line answers. Raises OSError if it is away."""
    lines = ([f"SELECT {db}"] if db is not None else []) + list(commands)
    with socket.create_connection(REDIS, timeout=2) as connection:
        connection.sendall("".join(f"{line}\r\n" for line in lines).encode())
        answer = b""
        while answer.count(b"\r\n") < len(lines):
            chunk = connection.recv(4096)
            if not chunk:
                break
            answer += chunk
    replies = answer.decode().split("\r\n")[: len(lines)]
    return replies[1:] if db is not None else replies


def free_redis_db() -> int | None:
    """An empty Redis database for the smoke test, or None when Redis does not answer."""
    try:
        if redis("PING") != ["+PONG"]:
            return None
        for db in REDIS_CANDIDATE_DBS:
            if redis("DBSIZE", db=db) == [":0"]:
                return db
    except OSError:
        return None
    raise Failure("Redis answers but has no empty database for the smoke test")


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not match:
        raise Failure("no csrfmiddlewaretoken in the form")
    return match.group(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(command: list[str], env: dict, what: str) -> None:
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise Failure(f"{what} failed ({result.returncode}):\n{(result.stdout + result.stderr)[-3000:]}")
    print(f"   {what}: {time.monotonic() - started:.1f}s", flush=True)


def wait_for(url: str, process: subprocess.Popen, log_path: Path, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            req = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
            urllib.request.urlopen(req, timeout=2).read()
            return
        except (OSError, urllib.error.URLError):
            if process.poll() is not None or time.monotonic() > deadline:
                raise Failure(f"gunicorn did not start:\n{log_path.read_text(errors='replace')[-3000:]}")
            time.sleep(0.2)


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)  # gunicorn or celery and their children: the group started for it
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def wait_for_health(base: str, worker: subprocess.Popen, worker_log: Path, seconds: float = 60) -> None:
    """Until /health/ says every part is up: the worker's first heartbeat comes when it is ready."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            req = urllib.request.Request(base + "/health/", headers={"X-Forwarded-Proto": "https"})
            urllib.request.urlopen(req, timeout=5).read()
            return
        except urllib.error.HTTPError as error:
            said = error.read().decode("utf-8", "replace")
        if worker.poll() is not None or time.monotonic() > deadline:
            raise Failure(f"/health/ says {said}; worker log:\n{worker_log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.5)


def check_job(user: Browser, log: list[str]) -> None:
    """The organiser checks the worker: the probe job runs to its end on the worker, its page says so."""
    _, _, page, _ = user.request("/jobs/")
    status, _, _, hops = user.request("/jobs/probe/", data={"csrfmiddlewaretoken": csrf_token(page)},
                                      referer=user.https_base + "/jobs/")
    location = hops[-1][3]["Location"]
    if status != 302 or not re.fullmatch(r"/jobs/\d+/", location):
        raise Failure(f"starting a job answered {status} {location}")
    deadline = time.monotonic() + JOB_SECONDS
    while True:
        _, _, page, _ = user.request(location)
        state = re.search(r'data-state="(\w+)"', page).group(1)
        if state == "done" and 'value="100"' in page:
            log.append(f"   the job at {location} ran to its end on the worker")
            return
        if state == "failed" or time.monotonic() > deadline:
            raise Failure(f"the job at {location} is {state}: {re.sub(r'<[^>]+>', ' ', page)[-800:]}")
        time.sleep(0.5)


def check_mail(visitor: Browser, mail_dir: Path, log: list[str]) -> None:
    """A password-reset e-mail is written to the outbox by the request and sent by the worker."""
    _, _, form, _ = visitor.request("/accounts/password-reset/")
    visitor.request("/accounts/password-reset/", data={"csrfmiddlewaretoken": csrf_token(form), "email": ROLES["innovator"]},
                    referer=visitor.https_base + "/accounts/password-reset/", follow=True)
    deadline = time.monotonic() + JOB_SECONDS
    while not any(ROLES["innovator"] in path.read_text(errors="replace") for path in mail_dir.glob("*")):
        if time.monotonic() > deadline:
            raise Failure(f"the password-reset e-mail did not leave the outbox within {JOB_SECONDS} s")
        time.sleep(0.5)
    log.append("   a password-reset e-mail left through the outbox and the worker")


def smoke(python: str, keep: bool, log: list[str]) -> None:
    """Run the whole check, appending each request to ``log``; raises Failure on the first problem."""
    work = Path(tempfile.mkdtemp(prefix="sayembara-smoke-"))
    process = worker = None
    gunicorn_log = worker_log = None
    redis_db = free_redis_db()
    if redis_db is None and os.environ.get("CI") == "true":
        raise Failure(f"Redis does not answer at {REDIS[0]}:{REDIS[1]}: production runs its jobs on Redis")
    try:
        env = {key: value for key, value in os.environ.items() if key not in UNSET}
        env.update({
            "DJANGO_SETTINGS_MODULE": "sayembara.settings_production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SAYEMBARA_VAR_DIR": str(work / "var"),
            "DATABASE_URL": f"sqlite:///{work / 'var' / 'smoke.sqlite3'}",
            "STATIC_ROOT": str(work / "static"),
            "MEDIA_ROOT": str(work / "media"),
            # Through the outbox and the worker to files, so that the check can read what was sent.
            "OUTBOX_DELIVERY_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(work / "mail"),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
            "PYTHONUNBUFFERED": "1",
        })
        if redis_db is not None:  # cache, broker and heartbeat on Redis, as in production
            env["REDIS_URL"] = f"redis://{REDIS[0]}:{REDIS[1]}/{redis_db}"
        (work / "var").mkdir()
        (work / "mail").mkdir()
        print(f"== Production smoke test in {work} (broker: {env.get('REDIS_URL') or 'folder under var/'})", flush=True)
        run([python, "manage.py", "migrate", "--no-input", "-v0"], env, "migrate")
        run([python, "manage.py", "load_demo"], env, "load_demo")
        run([python, "manage.py", "collectstatic", "--no-input", "-v0"], env, "collectstatic")

        worker_log = open(work / "worker.log", "w")
        worker = subprocess.Popen(
            [python, "-m", "celery", "-A", "sayembara", "worker", "--beat", "--concurrency", "1", "--loglevel", "INFO"],
            cwd=ROOT, env=env, stdout=worker_log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        gunicorn_log_path = work / "gunicorn.log"
        gunicorn_log = open(gunicorn_log_path, "w")
        process = subprocess.Popen(
            [python, "-m", "gunicorn", "sayembara.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", "2", "--timeout", "60", "--chdir", str(ROOT)],
            cwd=ROOT, env=env, stdout=gunicorn_log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        started = time.monotonic()
        wait_for(f"{base}/health/", process, gunicorn_log_path)
        print(f"   gunicorn on {base}: {time.monotonic() - started:.1f}s", flush=True)
        wait_for_health(base, worker, work / "worker.log")
        print(f"   /health/ says every part is up, the worker too: {time.monotonic() - started:.1f}s", flush=True)

        visitor = Browser(base, log)
        for path in PUBLIC_PAGES:
            status, _, body, _ = visitor.request(path)
            if status != 200:
                raise Failure(f"GET {path} answered {status}, expected the page itself")
            if path == "/health/" and body.count('"ok"') != 5:
                raise Failure(f"/health/ says {body!r}")
        # Every static file the home page uses, by its hashed name.
        _, _, home, _ = visitor.request("/")
        assets = sorted(set(re.findall(r'(?:src|href)="(/static/[^"]+)"', home)))
        if not any(re.search(r"\.[0-9a-f]{12}\.(js|css)$", asset) for asset in assets):
            raise Failure(f"the home page does not use hashed static names: {assets}")
        for asset in assets:
            visitor.request(asset)
        # The language switch sets a (Secure) cookie and comes back.
        _, _, login_page, _ = visitor.request("/accounts/login/")
        visitor.request("/i18n/setlang/", data={"csrfmiddlewaretoken": csrf_token(login_page), "language": "en", "next": "/"},
                        referer=visitor.https_base + "/accounts/login/", follow=True)
        if "lang=\"en\"" not in visitor.request("/")[2]:
            raise Failure("the language switch did not switch to English")

        for role, email in ROLES.items():
            user = Browser(base, log)
            _, _, form, _ = user.request("/accounts/login/")
            token = csrf_token(form)
            user.cookie("csrftoken")
            status, landed, _, _ = user.request(
                "/accounts/login/", data={"csrfmiddlewaretoken": token, "username": email, "password": PASSWORD},
                referer=user.https_base + "/accounts/login/",
            )
            if status != 302:
                raise Failure(f"logging in as {role} ({email}) did not redirect: wrong password, CSRF or throttling?")
            user.cookie("sessionid")
            status, landed, page, _ = user.request("/accounts/dashboard/", follow=True)
            if 'action="/accounts/logout/"' not in page:
                raise Failure(f"{role}: the dashboard ({landed}) does not show a logged-in page")
            log.append(f"   {role} lands on {landed}")
            for path in ORGANISER_PAGES if role == "organiser" else []:
                status, _, _, _ = user.request(path)
                if status != 200:
                    raise Failure(f"organiser: {path} answered {status}")
                log.append(f"   organiser opens {path}")
            if role == "organiser":
                check_job(user, log)
        check_mail(Browser(base, log), work / "mail", log)
    except BaseException:
        for name, handle in (("gunicorn", gunicorn_log), ("worker", worker_log)):
            if handle is not None:
                handle.flush()
                tail = (work / f"{name}.log").read_text(errors="replace")[-2000:]
                if tail.strip():
                    log.append(f"-- {name} log (tail) --\n" + tail)
        raise
    finally:
        stop(process)
        stop(worker)
        for handle in (gunicorn_log, worker_log):
            if handle is not None:
                handle.close()
        if redis_db is not None:
            redis("FLUSHDB", db=redis_db)
        if keep:
            print(f"   kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=sys.executable, help="Python with the project installed (default: this one)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (database, logs)")
    args = parser.parse_args(argv)

    def terminated(signum, frame):
        raise SystemExit(f"interrupted by signal {signum}")

    signal.signal(signal.SIGTERM, terminated)
    started = time.monotonic()
    log: list[str] = []
    try:
        smoke(args.python, args.keep, log)
    except Failure as failure:
        print("\n".join(log))
        print(f"FAILED: {failure}", file=sys.stderr)
        print(f"== production smoke test: FAILED after {time.monotonic() - started:.0f}s", file=sys.stderr)
        return 1
    print("\n".join(log))
    print(f"== production smoke test: {sum(1 for line in log if line[:3].isdigit())} requests passed "
          f"in {time.monotonic() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
