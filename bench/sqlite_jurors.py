"""SQLite under a live session: 30 jurors scoring at once against the embedded database, counting "locked" refusals.

The embedded default (SQLite in WAL mode, IMMEDIATE transactions, a busy timeout) must hold a regency's live
session: 30 jurors each open, save and submit their sheets at the same time, served by gunicorn with threads
(4 workers x 8 threads: up to 32 requests in the database at once). Builds a throwaway SQLite database (an open
stage, 30 jurors who accepted the code of conduct, 10 entries each, 3 criteria), signs the jurors in through the
session engine (no password hashing), runs one thread per juror over HTTP on 127.0.0.1, then checks the database:
every sheet submitted exactly once, every score stored once with the value sent, and no request refused with
"database is locked" (a 500 or a refusal page).

    .venv/bin/python bench/sqlite_jurors.py [--jurors 30] [--entries-each 10] [--workers 4] [--threads 8]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import Cookie, CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"')


def environment(tmp: Path) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "sayembara.settings",
        "DATABASE_URL": f"sqlite:///{tmp}/sayembara.sqlite3",
        "SAYEMBARA_VAR_DIR": str(tmp),
        "MEDIA_ROOT": str(tmp / "media"),
        "STATIC_ROOT": str(tmp / "static"),
        "REDIS_URL": "",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_COOKIES": "0",
        "LOG_LEVEL": "WARNING",
        "WORKER_HEARTBEAT_MAX_AGE": str(7 * 24 * 3600),
    }


def build(n_jurors: int, each: int) -> dict:
    """The live session's data: an open stage, jurors with their sheets to score, their session cookies."""
    from decimal import Decimal

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.utils import timezone

    from sayembara.accounts.models import User
    from sayembara.editions.models import Criterion, Edition, Stage
    from sayembara.entries.models import Entry, Innovation
    from sayembara.institutions.models import Institution, InstitutionType
    from sayembara.jury import blind
    from sayembara.jury.models import Assignment, EntryAlias, Juror

    call_command("migrate", verbosity=0)
    kind, _ = InstitutionType.objects.get_or_create(code="opd", defaults={"name": "OPD"})
    edition = Edition.objects.create(year=2040, title="Uji SQLite", host="Kabupaten Uji", status=Edition.Status.CLOSED)
    stage = Stage.objects.create(edition=edition, order=1, kind=Stage.Kind.PROPOSAL, name="Proposal",
                                 weight=Decimal(100), status=Stage.Status.OPEN)
    criteria = [Criterion.objects.create(stage=stage, order=i, code=code, name=code.capitalize(), weight=Decimal(w))
                for i, (code, w) in enumerate([("inovasi", 40), ("kemanfaatan", 35), ("replikasi", 25)])]
    units = Institution.objects.bulk_create(Institution(type=kind, name=f"Dinas Uji {i}") for i in range(20))
    entries = []
    for i in range(n_jurors * each):
        unit = units[i % len(units)]
        innovation = Innovation.objects.create(title=f"Inovasi layanan {i}", institution=unit)
        entries.append(Entry.objects.create(edition=edition, innovation=innovation, institution=unit,
                                            title=innovation.title, code=f"SQ-{i:04d}", status=Entry.Status.PASSED))
    now = timezone.now()
    jurors, cookies = [], []
    for j in range(n_jurors):
        user = User.objects.create_user(email=f"juri{j}@uji.example", username=f"juri{j}", full_name=f"Juri {j}",
                                        password=None)
        juror = Juror.objects.create(edition=edition, user=user, element=("academic", "ngo", "bureaucracy")[j % 3],
                                     code_of_conduct_accepted_at=now)
        mine = entries[j * each:(j + 1) * each]
        Assignment.objects.bulk_create(Assignment(stage=stage, juror=juror, entry=e) for e in mine)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        jurors.append({"juror": juror.pk, "entries": [e.pk for e in mine]})
        cookies.append(session.session_key)
    blind.prepare(stage, Entry.objects.filter(edition=edition))
    refs = dict(EntryAlias.objects.filter(stage=stage).values_list("entry_id", "pseudonym"))
    for juror, cookie in zip(jurors, cookies):
        juror["refs"] = [refs[pk] for pk in juror["entries"]]
        juror["session"] = cookie
    return {"stage": stage.pk, "criteria": [c.pk for c in criteria], "jurors": jurors,
            "cookie_name": settings.SESSION_COOKIE_NAME}


def value_for(juror: int, entry_index: int, criterion_index: int) -> str:
    return str(50 + (juror * 7 + entry_index * 5 + criterion_index * 11) % 50)


class Client:
    """One juror's browser: a cookie jar and form posts, over plain urllib (no extra dependency)."""

    def __init__(self, base: str, cookie_name: str, session: str):
        self.base = base
        self.jar = CookieJar()
        self.jar.set_cookie(Cookie(0, cookie_name, session, None, False, "127.0.0.1", False, False, "/", True,
                                   False, None, False, None, None, {}))
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, float]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=60) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode(errors="replace")
        return status, text, time.perf_counter() - started


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def juror_session(base: str, facts: dict, index: int, results: dict, barrier: threading.Barrier) -> None:
    juror = facts["jurors"][index]
    client = Client(base, facts["cookie_name"], juror["session"])
    criteria = facts["criteria"]
    barrier.wait()  # every juror starts at the same instant
    for n, ref in enumerate(juror["refs"]):
        path = f"/jury/stage/{facts['stage']}/entry/{ref}/"
        for action in ("draft", "submit"):
            status, page, seconds = client.request(path)
            results["get"].append(seconds)
            if status != 200:
                results["errors"].append(f"GET {status}")
                continue
            fields = dict(HIDDEN.findall(page))
            data = {"csrfmiddlewaretoken": fields.get("csrfmiddlewaretoken", ""), "version": fields.get("version", "0"),
                    "action": action, "comment": ""}
            chosen = criteria[:2] if action == "draft" else criteria
            for i, c in enumerate(criteria):
                data[f"orig_{c}"] = fields.get(f"orig_{c}", "")
                data[f"origj_{c}"] = fields.get(f"origj_{c}", "")
                data[f"score_{c}"] = value_for(juror["juror"], n, i) if c in chosen else ""
                data[f"just_{c}"] = "Alasan." if c in chosen else ""
            status, page, seconds = client.request(path, data)
            results[action].append(seconds)
            if status != 302:
                locked = "locked" in page.lower()
                results["errors"].append(f"POST {action} {status}{' database is locked' if locked else ''}")


def check(facts: dict) -> dict:
    from django.db.models import Count

    from sayembara.audit.models import AuditEvent
    from sayembara.jury.models import Score, ScoreSheet

    sheets = ScoreSheet.objects.filter(stage_id=facts["stage"])
    wrong = 0
    expected = 0
    for juror in facts["jurors"]:
        for n, entry in enumerate(juror["entries"]):
            for i, c in enumerate(facts["criteria"]):
                expected += 1
                stored = list(Score.objects.filter(sheet__stage_id=facts["stage"], sheet__juror_id=juror["juror"],
                                                   sheet__entry_id=entry, criterion_id=c).values_list("value", flat=True))
                if len(stored) != 1 or str(int(stored[0])) != value_for(juror["juror"], n, i):
                    wrong += 1
    duplicated = Score.objects.filter(sheet__stage_id=facts["stage"]).values("sheet", "criterion").annotate(
        n=Count("pk")).filter(n__gt=1).count()
    submissions = AuditEvent.objects.filter(model="jury.scoresheet", changes__status__1="submitted").count()
    return {"sheets": sheets.count(), "submitted": sheets.filter(status="submitted").count(),
            "expected_scores": expected, "scores_wrong_or_missing": wrong, "duplicated": duplicated,
            "submit_events": submissions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jurors", type=int, default=30)
    parser.add_argument("--entries-each", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="sayembara-sqlite-"))
    (tmp / "media").mkdir()
    (tmp / "static").mkdir()
    os.environ.update(environment(tmp))
    import django

    django.setup()
    facts = build(args.jurors, args.entries_each)

    from national_common import gunicorn, together

    options = ("--workers", str(args.workers), "--threads", str(args.threads), "--worker-class", "gthread",
               "--timeout", "120")
    with gunicorn({**os.environ}, tmp / "gunicorn.log", *options) as base:
        results = {"get": [], "draft": [], "submit": [], "errors": []}
        barrier = threading.Barrier(args.jurors)
        elapsed = together(juror_session, [(base, facts, i, results, barrier) for i in range(args.jurors)])
    stored = check(facts)

    def p(values, q):
        return round(1000 * statistics.quantiles(values, n=100)[q - 1]) if len(values) > 1 else None

    requests = sum(len(results[k]) for k in ("get", "draft", "submit"))
    print(f"SQLite (WAL, IMMEDIATE, busy timeout) under {args.jurors} jurors at once: gunicorn {args.workers} workers "
          f"x {args.threads} threads (gthread), {requests} requests in {elapsed:.1f} s")
    for name in ("get", "draft", "submit"):
        print(f"  {name:7} n {len(results[name]):4}  p50 {p(results[name], 50)} ms  p95 {p(results[name], 95)} ms  "
              f"max {round(1000 * max(results[name])) if results[name] else None} ms")
    locked = sum("locked" in e for e in results["errors"])
    print(f"  refused: {len(results['errors'])} ({locked} 'database is locked'); {sorted(set(results['errors']))[:5]}")
    print(f"  database: {stored['submitted']}/{stored['sheets']} sheets submitted, {stored['submit_events']} submissions "
          f"in the audit trail; scores {stored['expected_scores']} expected, {stored['scores_wrong_or_missing']} wrong "
          f"or missing, {stored['duplicated']} duplicated")


if __name__ == "__main__":
    main()
