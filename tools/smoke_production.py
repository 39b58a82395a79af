#!/usr/bin/env python3
"""Smoke test of the production profile: does ``sayembara.settings_production`` serve pages?

On a fresh SQLite database in a temporary directory, with a random SECRET_KEY:
migrate, load the Pemalang demo, collect the static files (WhiteNoise's strict
manifest storage), start gunicorn on a free 127.0.0.1 port, then request the
public pages, a static asset, and each demo role's dashboard after logging in
through the login form. Every request carries ``X-Forwarded-Proto: https``, as
from the TLS-terminating proxy that production runs behind.

Each response must be 200 or 302 and carry Strict-Transport-Security,
Content-Security-Policy, X-Content-Type-Options, Referrer-Policy and
Permissions-Policy; every cookie set must be Secure. Exit status 0 when all
pass, 1 otherwise (with the reasons). gunicorn is always stopped.

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
]


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
        os.killpg(process.pid, signal.SIGTERM)  # gunicorn and its workers: the group started for it
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def smoke(python: str, keep: bool, log: list[str]) -> None:
    """Run the whole check, appending each request to ``log``; raises Failure on the first problem."""
    work = Path(tempfile.mkdtemp(prefix="sayembara-smoke-"))
    process = None
    gunicorn_log = None
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
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
            "PYTHONUNBUFFERED": "1",
        })
        (work / "var").mkdir()
        print(f"== Production smoke test in {work}", flush=True)
        run([python, "manage.py", "migrate", "--no-input", "-v0"], env, "migrate")
        run([python, "manage.py", "load_demo"], env, "load_demo")
        run([python, "manage.py", "collectstatic", "--no-input", "-v0"], env, "collectstatic")

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

        visitor = Browser(base, log)
        for path in PUBLIC_PAGES:
            status, _, body, _ = visitor.request(path)
            if status != 200:
                raise Failure(f"GET {path} answered {status}, expected the page itself")
            if path == "/health/" and '"ok"' not in body:
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
    except BaseException:
        if gunicorn_log is not None:
            gunicorn_log.flush()
            tail = (work / "gunicorn.log").read_text(errors="replace")[-2000:]
            if tail.strip():
                log.append("-- gunicorn log (tail) --\n" + tail)
        raise
    finally:
        stop(process)
        if gunicorn_log is not None:
            gunicorn_log.close()
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
