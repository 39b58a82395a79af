"""Load at national scale: 300 signed-in jurors each open a score sheet, save a draft and submit it, at once.

Uses locust (pinned in bench/requirements.txt), run headless and programmatically in a child process against
127.0.0.1 only, bounded in time (``--max-seconds``, 120 by default). Two modes:

* ``one``: one gunicorn with 4 sync workers on PostgreSQL (sayembara_national) and Redis db 12;
* ``two``: two gunicorn instances (4 workers each) on two ports sharing the database, Redis and the media folder;
  each juror's requests alternate between them (open on A, draft on B, reopen on A, submit on B ...).

Each juror (one locust user, its session cookie from bench/national_build.py, no password hashing) works on its
target sheet, an unscored draft the build set aside, reset before each mode: GET the sheet (CSRF token, version,
the original values), POST "Save draft" with two criteria, GET it again (new version), POST "Submit" with all three.
The sheet form has an optimistic-lock ``version`` and the original values, and no idempotency key (only the live
page's JSON sync has one). Afterwards the database is checked: every target sheet submitted exactly once (one
draft->submitted transition in the audit trail), every score stored once with the value sent (none lost, none
duplicated). Target: p95 of submit under 1 s.

    /work/main/.venv/bin/python bench/national_load.py [--mode both|one|two] [--users 300] [--max-seconds 120]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from national_common import PYTHON, WORK_DIR, environment, flush_redis, free_port, load_facts, main_commit

HERE = os.path.dirname(os.path.abspath(__file__))


def score_values(juror_pk: int, criteria: list[int]) -> dict[int, str]:
    """What juror ``juror_pk`` gives each criterion: known in advance, so the check can find lost scores."""
    return {c: str(55 + (juror_pk * 7 + i * 11) % 40) for i, c in enumerate(criteria)}


# --- Database side (a child process with Django and no gevent) --------------------------------------------------


def db_reset(facts: dict) -> dict:
    from national_common import setup_django

    setup_django()
    from django.db import transaction

    from sayembara.audit.models import AuditEvent
    from sayembara.jury.models import Score, ScoreSheet, SubmissionKey

    targets = [j["target"]["sheet"] for j in facts["jurors"]]
    with transaction.atomic():
        Score.objects.filter(sheet_id__in=targets).delete()
        SubmissionKey.objects.filter(sheet_id__in=targets).delete()
        ScoreSheet.objects.filter(pk__in=targets).update(status="draft", submitted_at=None, comment="", version=1)
    last_event = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return {"targets": len(targets), "audit_mark": last_event}


def db_check(facts: dict, users: int, audit_mark: int) -> dict:
    from national_common import setup_django

    setup_django()
    from django.db.models import Count

    from sayembara.audit.models import AuditEvent
    from sayembara.jury.models import Score, ScoreSheet

    jurors = facts["jurors"][:users]
    criteria = facts["criteria"]
    sheet_ids = [j["target"]["sheet"] for j in jurors]
    sheets = {s.pk: s for s in ScoreSheet.objects.filter(pk__in=sheet_ids)}
    # The unique constraint makes a second sheet impossible; count it anyway, per (stage, juror, entry).
    sheet_dupes = (ScoreSheet.objects.filter(stage_id=facts["stage"], juror_id__in=[j["juror"] for j in jurors])
                   .values("juror_id", "entry_id").annotate(n=Count("pk")).filter(n__gt=1).count())
    transitions = dict(
        AuditEvent.objects.filter(pk__gt=audit_mark, model="jury.scoresheet", object_id__in=[str(i) for i in sheet_ids],
                                  changes__status__1="submitted")
        .values("object_id").annotate(n=Count("pk")).values_list("object_id", "n"))
    scores = list(Score.objects.filter(sheet_id__in=sheet_ids).values_list("sheet_id", "criterion_id", "value"))
    seen: dict[tuple[int, int], list] = {}
    for sheet_id, criterion_id, value in scores:
        seen.setdefault((sheet_id, criterion_id), []).append(value)
    submitted = sum(1 for s in sheets.values() if s.status == "submitted")
    submitted_once = sum(1 for i in sheet_ids if transitions.get(str(i), 0) == 1)
    submitted_twice = sum(1 for i in sheet_ids if transitions.get(str(i), 0) > 1)
    lost = wrong = duplicated = 0
    for j in jurors:
        expected = score_values(j["juror"], criteria)
        for c in criteria:
            stored = seen.get((j["target"]["sheet"], c), [])
            if not stored:
                lost += 1
            elif str(int(stored[0])) != expected[c]:
                wrong += 1
            duplicated += max(0, len(stored) - 1)
    return {"sheets": len(sheet_ids), "submitted": submitted, "submitted_exactly_once": submitted_once,
            "submitted_more_than_once": submitted_twice, "duplicate_sheets": sheet_dupes,
            "scores_expected": len(sheet_ids) * len(criteria), "scores_stored": len(scores),
            "lost": lost, "wrong_value": wrong, "duplicated": duplicated}


# --- Load side (a child process with locust and gevent) ---------------------------------------------------------


def run_locust(facts: dict, hosts: list[str], users: int, max_seconds: float, think: float, spawn_rate: float) -> dict:
    import gevent
    import re
    import random

    from locust import HttpUser, constant, events, task  # noqa: F401 - locust patches the standard library
    from locust.env import Environment
    from locust.exception import StopUser

    jurors = list(facts["jurors"][:users])
    criteria = facts["criteria"]
    cookie_name = facts["cookie_name"]
    stage = facts["stage"]
    hidden = re.compile(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"')
    done = {"finished": 0, "failed_users": 0}
    queue = list(jurors)

    class Juror(HttpUser):
        host = hosts[0]
        wait_time = constant(0)

        def on_start(self):
            self.juror = queue.pop()
            self.client.cookies.set(cookie_name, self.juror["session"], domain="127.0.0.1")
            # Half the jurors start on the first instance, half on the second: each instance then gets as many
            # page views as saves (strict alternation from the same start would send every GET to one of them).
            self.turn = len(queue) % 2

        def url(self, path: str) -> str:
            base = hosts[self.turn % len(hosts)]
            self.turn += 1
            return base + path

        def pause(self):
            if think:
                gevent.sleep(random.uniform(0.5 * think, 1.5 * think))

        def open_sheet(self, name: str) -> dict | None:
            path = f"/jury/stage/{stage}/entry/{self.juror['target']['ref']}/"
            with self.client.get(self.url(path), name=name, catch_response=True, allow_redirects=False) as r:
                if r.status_code != 200:
                    r.failure(f"HTTP {r.status_code}")
                    return None
                fields = dict(hidden.findall(r.text))
                if "csrfmiddlewaretoken" not in fields:
                    r.failure("no CSRF token in the page")
                    return None
                return fields

        def post(self, name: str, fields: dict, values: dict[int, str], action: str) -> bool:
            path = f"/jury/stage/{stage}/entry/{self.juror['target']['ref']}/"
            data = {"csrfmiddlewaretoken": fields["csrfmiddlewaretoken"], "version": fields.get("version", "0"),
                    "comment": "Dinilai dalam uji beban.", "action": action}
            for c in criteria:
                data[f"orig_{c}"] = fields.get(f"orig_{c}", "")
                data[f"origj_{c}"] = fields.get(f"origj_{c}", "")
                data[f"score_{c}"] = values.get(c, "")
                data[f"just_{c}"] = "Alasan juri." if c in values else ""
            with self.client.post(self.url(path), data=data, name=name, catch_response=True, allow_redirects=False,
                                  headers={"Referer": hosts[0] + path}) as r:
                if r.status_code != 302:
                    r.failure(f"HTTP {r.status_code}: form refused" if r.status_code == 200 else f"HTTP {r.status_code}")
                    return False
            return True

        @task
        def score(self):
            values = score_values(self.juror["juror"], criteria)
            ok = False
            fields = self.open_sheet("1 open sheet")
            if fields:
                self.pause()
                draft = {c: values[c] for c in criteria[:2]}
                if self.post("2 save draft", fields, draft, "draft"):
                    fields = self.open_sheet("3 open sheet again")
                    if fields:
                        self.pause()
                        ok = self.post("4 submit", fields, values, "submit")
            done["finished"] += 1
            done["failed_users"] += 0 if ok else 1
            raise StopUser()

    env = Environment(user_classes=[Juror], events=events)
    runner = env.create_local_runner()
    started = time.perf_counter()
    runner.start(users, spawn_rate=spawn_rate)
    while time.perf_counter() - started < max_seconds and done["finished"] < users:
        gevent.sleep(0.2)
    elapsed = time.perf_counter() - started
    timed_out = done["finished"] < users
    runner.quit()
    stats = {}
    for name in ("1 open sheet", "2 save draft", "3 open sheet again", "4 submit"):
        entry = env.stats.get(name, "GET" if "open" in name else "POST")
        stats[name] = {"requests": entry.num_requests, "failures": entry.num_failures,
                       "p50": entry.get_response_time_percentile(0.5), "p95": entry.get_response_time_percentile(0.95),
                       "p99": entry.get_response_time_percentile(0.99), "max": entry.max_response_time}
    errors = [{"name": e.name, "error": str(e.error)[:200], "count": e.occurrences} for e in env.stats.errors.values()]
    return {"elapsed_s": elapsed, "timed_out": timed_out, "finished": done["finished"], "failed_users": done["failed_users"],
            "requests": env.stats.total.num_requests, "failures": env.stats.total.num_failures,
            "rps": env.stats.total.num_requests / elapsed if elapsed else 0, "stats": stats, "errors": errors}


# --- Orchestration (no Django, no locust in this process) -------------------------------------------------------


def child(step: str, payload: dict) -> dict:
    """Run one step in a fresh interpreter (Django and gevent never share a process) and return its JSON."""
    result = subprocess.run([PYTHON, os.path.abspath(__file__), "--child", step, json.dumps(payload)],
                            capture_output=True, text=True, timeout=payload.get("timeout", 600) + 60,
                            env={**os.environ, **environment()})
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-4000:])
        raise SystemExit(f"step {step} failed")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_mode(mode: str, args, facts: dict) -> dict:
    from national_pages import log_path, start_gunicorn, stop

    flush_redis()
    reset = child("reset", {})
    instances = 1 if mode == "one" else 2
    ports = [free_port() for _ in range(instances)]
    servers = []
    try:
        for port in ports:
            servers.append(start_gunicorn(port, args.workers, log_name=f"load-{mode}"))
        hosts = [f"http://127.0.0.1:{p}" for p in ports]
        warm(hosts, facts, args.workers)
        warm_lines = {str(log_path(p, f"load-{mode}")): len(log_path(p, f"load-{mode}").read_text().splitlines())
                      for p in ports}
        print(f"== mode {mode}: {instances} gunicorn instance(s) x {args.workers} workers on {', '.join(hosts)}; "
              f"{args.users} jurors, spawn {args.spawn_rate}/s, think {args.think} s, at most {args.max_seconds:.0f} s",
              flush=True)
        load = child("locust", {"hosts": hosts, "users": args.users, "max_seconds": args.max_seconds,
                                "think": args.think, "spawn_rate": args.spawn_rate, "timeout": args.max_seconds})
    finally:
        for server in servers:
            stop(server)
    check = child("check", {"users": args.users, "audit_mark": reset["audit_mark"]})
    server = server_times([log_path(port, f"load-{mode}") for port in ports], warm_lines)
    return {"mode": mode, "instances": instances, "workers": args.workers, "load": load, "check": check,
            "server": server}


def server_times(logs, skip: dict) -> dict:
    """Time spent inside gunicorn (from its access log, %(D)s) per kind of request, without the warm-up's lines:
    the difference to the client's figures is the time requests waited for a free worker."""
    import re
    import statistics

    line = re.compile(r'"(GET|POST) /jury/stage/\d+/entry/[^/ ]+/ [^"]*" (\d+) \S+ (\d+)$')
    times: dict[str, list[float]] = {"GET sheet": [], "POST sheet": []}
    for path in logs:
        for text in path.read_text().splitlines()[skip.get(str(path), 0):]:
            m = line.search(text)
            if m:
                times[f"{m.group(1)} sheet"].append(int(m.group(3)) / 1000)
    out = {}
    for name, values in times.items():
        if values:
            values.sort()
            out[name] = {"n": len(values), "p50": statistics.median(values),
                         "p95": values[min(len(values) - 1, int(0.95 * len(values)))]}
    return out


def warm(hosts: list[str], facts: dict, workers: int) -> None:
    """Each worker answers a few requests first (read-only: /health/, home, one juror's sheet), as a running site's
    workers have, so that no juror's request pays a worker's first-request costs."""
    import requests

    juror = facts["jurors"][0]
    cookies = {facts["cookie_name"]: juror["session"]}
    sheet = f"/jury/stage/{facts['stage']}/entry/{juror['target']['ref']}/"
    for host in hosts:
        for _ in range(4 * workers):
            requests.get(host + "/health/", timeout=60)
            requests.get(host + "/", timeout=60)
            requests.get(host + sheet, cookies=cookies, timeout=60, allow_redirects=False)


def report(result: dict) -> str:
    load, check = result["load"], result["check"]
    lines = [f"mode {result['mode']}: {result['instances']} gunicorn x {result['workers']} workers; "
             f"{load['finished']} jurors finished in {load['elapsed_s']:.1f} s"
             f"{' (TIME LIMIT REACHED)' if load['timed_out'] else ''}; {load['requests']} requests "
             f"({load['rps']:.1f}/s), {load['failures']} failures",
             "| request | n | failures | p50 ms | p95 ms | p99 ms | max ms |", "|---|---:|---:|---:|---:|---:|---:|"]
    for name, s in load["stats"].items():
        lines.append(f"| {name} | {s['requests']} | {s['failures']} | {s['p50']:.0f} | {s['p95']:.0f} | {s['p99']:.0f} | "
                     f"{s['max']:.0f} |")
    p95 = load["stats"]["4 submit"]["p95"]
    lines.append(f"p95 submit {p95:.0f} ms (target < 1000 ms: {'ok' if p95 < 1000 else 'MISSED'})")
    lines.append(f"database: {check['submitted']}/{check['sheets']} target sheets submitted, "
                 f"{check['submitted_exactly_once']} exactly once (audit trail), {check['submitted_more_than_once']} more "
                 f"than once, {check['duplicate_sheets']} duplicate sheets; scores {check['scores_stored']}/"
                 f"{check['scores_expected']}: lost {check['lost']}, duplicated {check['duplicated']}, "
                 f"wrong value {check['wrong_value']}")
    for name, t in result.get("server", {}).items():
        lines.append(f"server time (gunicorn access log) {name}: n {t['n']}, p50 {t['p50']:.0f} ms, p95 {t['p95']:.0f} ms")
    for e in load["errors"][:8]:
        lines.append(f"  failure: {e['name']}: {e['error']} x{e['count']}")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        step, payload = sys.argv[2], json.loads(sys.argv[3])
        facts = load_facts()
        if step == "reset":
            out = db_reset(facts)
        elif step == "check":
            out = db_check(facts, payload["users"], payload["audit_mark"])
        else:
            out = run_locust(facts, payload["hosts"], payload["users"], payload["max_seconds"], payload["think"],
                             payload["spawn_rate"])
        print(json.dumps(out))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["both", "one", "two"], default="both")
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers per instance")
    parser.add_argument("--max-seconds", type=float, default=120)
    parser.add_argument("--spawn-rate", type=float, default=100, help="jurors starting per second")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause (s) between reading and posting")
    args = parser.parse_args()
    facts = load_facts()
    args.users = min(args.users, len(facts["jurors"]))
    print(f"load benchmark with locust (headless, in-process runner), commit {main_commit()}, "
          f"{time.strftime('%Y-%m-%d %H:%M')}")
    results = []
    for mode in (["one", "two"] if args.mode == "both" else [args.mode]):
        result = run_mode(mode, args, facts)
        results.append(result)
        print(report(result), flush=True)
    (WORK_DIR / "load.json").write_text(json.dumps(results, indent=1))
    (WORK_DIR / "load.md").write_text("\n\n".join(report(r) for r in results) + "\n")


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    main()
