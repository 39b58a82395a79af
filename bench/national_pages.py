"""Every page at national scale over HTTP: median time, ratio to /health/, size, query count, status.

Starts gunicorn (4 sync workers, sayembara.wsgi) on a free port of 127.0.0.1 against the national database built by
bench/national_build.py and Redis database 12 (flushed at start), with the development settings
(sayembara.settings) and DEBUG off: plain HTTP, cookies not marked Secure, no HTTPS redirect. No Celery worker runs:
a page that starts a job answers 302 to the job's page and is reported as "job" (the job is never run). The
worker's heartbeat is written once into the shared cache so that /health/ answers 200.

Times are measured over HTTP (requests, one connection per request, sequential); query counts in-process with
Django's test client and CaptureQueriesContext against the same database, same page and same user (HTTP cannot
count queries). Targets: pages under 300 ms median and under 500 KB; downloads under 2 s (or "job").

    /work/main/.venv/bin/python bench/national_pages.py [--repeat 7] [--only results] [--no-queries]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time

from national_common import PYTHON, ROOT, WORK_DIR, environment, flush_redis, free_port, load_facts, main_commit, setup_django

# name, path (formatted with the build's facts), who asks, page or download.
# Fields available in paths: year, stage, order, code, ref (the juror's target pseudonym), juror (a juror id),
# innovation (an innovation of an earlier edition).
PAGES: list[tuple[str, str, str, str]] = [
    ("health", "/health/", "anon", "page"),
    ("home", "/", "anon", "page"),
    ("public results", "/results/{year}/", "anon", "page"),
    ("public results, page 25", "/results/{year}/?page=25", "anon", "page"),
    ("edition detail", "/editions/{year}/", "organiser", "page"),
    ("organiser dashboard", "/organiser/", "organiser", "page"),
    ("organiser entries list", "/organiser/entries/?year={year}", "organiser", "page"),
    ("jury organise", "/jury/organise/{year}/", "organiser", "page"),
    ("conflicts register", "/jury/organise/{year}/conflicts/", "organiser", "page"),
    ("conflicts CSV", "/jury/organise/{year}/conflicts.csv", "organiser", "download"),
    ("stage assignment", "/jury/organise/stage/{stage}/", "organiser", "page"),
    ("stage progress", "/jury/organise/stage/{stage}/progress/", "organiser", "page"),
    ("stage masking", "/jury/organise/stage/{stage}/masking/", "organiser", "page"),
    ("jury import template xlsx", "/jury/organise/stage/{stage}/import/template.xlsx", "organiser", "download"),
    ("entries import template xlsx", "/organiser/entries/{year}/import/template.xlsx", "organiser", "download"),
    ("results desk", "/results/{year}/manage/", "organiser", "page"),
    ("stage ranking", "/results/{year}/manage/stage/{order}/", "organiser", "page"),
    ("explain one entry", "/results/{year}/manage/entry/{code}/", "organiser", "page"),
    ("awards form", "/results/{year}/manage/awards/", "organiser", "page"),
    ("documents index", "/results/{year}/documents/", "organiser", "page"),
    ("recap PDF", "/results/{year}/documents/recap.pdf", "organiser", "download"),
    ("recap PDF (stage)", "/results/{year}/documents/recap.pdf?stage={order}", "organiser", "download"),
    ("recap XLSX", "/results/{year}/documents/recap.xlsx", "organiser", "download"),
    ("minutes PDF", "/results/{year}/documents/minutes.pdf", "organiser", "download"),
    ("attendance PDF", "/results/{year}/documents/attendance.pdf", "organiser", "download"),
    ("decree PDF", "/results/{year}/documents/decree.pdf", "organiser", "download"),
    ("juror's sheets PDF", "/results/{year}/documents/sheets/{juror}.pdf", "organiser", "download"),
    ("feedback letter PDF", "/results/{year}/entry/{code}/feedback.pdf", "organiser", "download"),
    ("audit trail", "/audit/", "organiser", "page"),
    ("admin audit events", "/admin/audit/auditevent/", "organiser", "page"),
    ("insights dashboard", "/insights/", "organiser", "page"),
    ("registry search", "/registry/", "anon", "page"),
    ("registry search 'pelayanan kesehatan'", "/registry/?q=pelayanan+kesehatan", "anon", "page"),
    ("registry innovation page", "/registry/{innovation}/", "anon", "page"),
    ("registry similar (title)", "/registry/similar/?title=layanan+posyandu+lansia+desa", "organiser", "page"),
    ("registry similar (innovation)", "/registry/similar/?innovation={innovation}", "organiser", "page"),
    ("registry duplicates", "/registry/duplicates/{year}/", "organiser", "page"),
    ("jobs list", "/jobs/", "organiser", "page"),
    ("jury dashboard", "/jury/", "juror", "page"),
    ("score sheet", "/jury/stage/{stage}/entry/{ref}/", "juror", "page"),
    ("live page", "/jury/stage/{stage}/live/", "juror", "page"),
]
PAGE_MS, PAGE_BYTES, DOWNLOAD_MS = 300, 500 * 1024, 2000
TIMEOUT = 60
WARM_ROUNDS = 16


def log_path(port: int, log_name: str = "gunicorn"):
    return WORK_DIR / f"{log_name}-{port}.log"


def start_gunicorn(port: int, workers: int = 4, log_name: str = "gunicorn") -> subprocess.Popen:
    env = {**os.environ, **environment()}
    log = open(log_path(port, log_name), "w")
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "sayembara.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--timeout", "120", "--graceful-timeout", "5", "--access-logfile", "-",
         # The time each request spent in the server (microseconds), for the load benchmark's server-side figures.
         "--access-logformat", '%(h)s "%(r)s" %(s)s %(B)s %(D)s'],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    import requests

    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}; see {log.name}")
        try:
            requests.get(f"http://127.0.0.1:{port}/health/", timeout=5)
            return process
        except requests.RequestException:
            time.sleep(0.5)
    stop(process)
    raise SystemExit(f"gunicorn did not answer on port {port} within 60 s; see {log.name}")


def stop(process: subprocess.Popen) -> None:
    """Stop the gunicorn started here (its own process group), and nothing else."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


def fields(facts: dict) -> dict:
    juror = facts["jurors"][0]
    return {"year": facts["year"], "stage": facts["stage"], "order": facts["stage_order"],
            "code": facts["sample_entry"]["code"], "ref": juror["target"]["ref"], "juror": juror["juror"],
            "innovation": facts["sample_innovation"]}


def session_of(facts: dict, who: str) -> str | None:
    if who == "organiser":
        return facts["organiser"]["session"]
    if who == "juror":
        return facts["jurors"][0]["session"]
    return None


def outcome(response) -> str:
    if response.status_code in (301, 302, 303):
        location = response.headers.get("Location", "")
        return "302 job" if "/jobs/" in location else f"{response.status_code} -> {location[:40]}"
    return str(response.status_code)


def time_http(base: str, facts: dict, pages, repeat: int) -> list[dict]:
    import requests

    rows = []
    values = fields(facts)
    # Every worker answers a few trivial requests first, so no timed request pays a worker's first-request costs.
    for _ in range(WARM_ROUNDS):
        for path in ("/health/", "/"):
            requests.get(base + path, timeout=TIMEOUT)
    for name, template, who, kind in pages:
        url = base + template.format(**values)
        cookies = {facts["cookie_name"]: session_of(facts, who)} if session_of(facts, who) else {}
        times, size, status, error = [], 0, "", ""
        for i in range(repeat + 1):
            started = time.perf_counter()
            try:
                response = requests.get(url, cookies=cookies, timeout=TIMEOUT, allow_redirects=False)
            except requests.Timeout:
                status, error = "timeout", f"> {TIMEOUT} s"
                break
            except requests.RequestException as exc:
                status, error = "error", str(exc)[:60]
                break
            spent = (time.perf_counter() - started) * 1000
            size, status = len(response.content), outcome(response)
            if i > 0:  # the first is the warm-up
                times.append(spent)
            elif spent > TIMEOUT * 1000 / 4 and repeat > 2:
                times.append(spent)  # a page this slow is timed once more, not seven times
                break
        rows.append({"name": name, "path": template.format(**values), "who": who, "kind": kind,
                     "median_ms": statistics.median(times) if times else None, "runs": len(times),
                     "bytes": size, "status": status, "error": error})
        print(f"  {name:40} {rows[-1]['median_ms'] or 0:9.0f} ms  {status}", file=sys.stderr, flush=True)
    return rows


def count_queries(facts: dict, rows: list[dict]) -> None:
    """The same page, same user, in-process: how many queries it runs."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    for row in rows:
        client = Client()
        session = session_of(facts, row["who"])
        if session:
            client.cookies[facts["cookie_name"]] = session
        try:
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(row["path"])
                if hasattr(response, "streaming_content"):
                    b"".join(response.streaming_content)
            row["queries"] = len(ctx.captured_queries)
            row["inproc_status"] = response.status_code
        except Exception as exc:  # noqa: BLE001 - reported, not fatal
            row["queries"] = None
            row["inproc_status"] = f"{type(exc).__name__}: {exc}"[:200]


def verdict(row: dict) -> str:
    if row["status"] in ("timeout", "error"):
        return row["status"].upper()
    if row["status"].startswith(("4", "5")):
        return f"ERROR {row['status']}"
    if row["status"].startswith("302 job"):
        return "job"
    ms = row["median_ms"] or 0
    if row["kind"] == "download":
        return "ok" if ms < DOWNLOAD_MS else "SLOW"
    problems = [p for p, bad in (("SLOW", ms >= PAGE_MS), ("BIG", row["bytes"] >= PAGE_BYTES)) if bad]
    return " ".join(problems) or "ok"


def table(rows: list[dict], health_ms: float) -> str:
    lines = [f"| page | median ms | × /health/ | bytes | queries | status | target | verdict |",
             "|---|---:|---:|---:|---:|---|---|---|"]
    for row in rows:
        ms = row["median_ms"]
        target = f"< {DOWNLOAD_MS / 1000:.0f} s or job" if row["kind"] == "download" else f"< {PAGE_MS} ms, < 500 KB"
        ratio = f"{ms / health_ms:.0f}" if ms is not None and health_ms else "–"
        lines.append(f"| {row['name']} | {ms:.0f} | {ratio} | {row['bytes']:,} | {row.get('queries', '–')} | "
                     f"{row['status']} | {target} | {verdict(row)} |" if ms is not None else
                     f"| {row['name']} | {row['error']} | – | – | {row.get('queries', '–')} | {row['status']} | {target} | "
                     f"{verdict(row)} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed requests per page, after one warm-up")
    parser.add_argument("--only", default="", help="pages whose name or path contains this text (health always runs)")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--no-queries", action="store_true", help="skip the in-process query counts")
    args = parser.parse_args()

    facts = load_facts()
    setup_django()
    # Redis db 12 is flushed, except the one lasting result the worker keeps there: the edition's possible duplicates
    # (registry.services.store_duplicates, computed by national_build.py as the worker's job would).
    from django.core.cache import caches

    from sayembara.registry.services import similarity

    duplicates_key = similarity._duplicates_key(type("E", (), {"pk": facts["edition"], "year": facts["year"]})())
    duplicates = caches["shared"].get(duplicates_key)
    flush_redis()
    if duplicates is not None:
        caches["shared"].set(duplicates_key, duplicates, timeout=None)
    from sayembara.jobs import heartbeat

    heartbeat.beat()
    pages = [p for p in PAGES if p[0] == "health" or not args.only or args.only.lower() in (p[0] + p[1]).lower()]
    port = free_port()
    print(f"gunicorn: {args.workers} workers on 127.0.0.1:{port}, settings sayembara.settings (development profile), "
          f"DEBUG off, plain HTTP; PostgreSQL sayembara_national, Redis db 12; commit {main_commit()}")
    started = time.perf_counter()
    server = start_gunicorn(port, args.workers)
    try:
        rows = time_http(f"http://127.0.0.1:{port}", facts, pages, args.repeat)
    finally:
        stop(server)
    if not args.no_queries:
        count_queries(facts, rows)
    health = next(r for r in rows if r["name"] == "health")
    output = table(rows, health["median_ms"] or 0)
    print(f"{args.repeat} timed requests per page after 1 warm-up; /health/ median {health['median_ms']:.1f} ms; "
          f"whole run {time.perf_counter() - started:.0f} s")
    print(output)
    odd = [r for r in rows if str(r.get("inproc_status", "")).startswith(("5", "E", "T")) or r["status"].startswith("5")]
    for row in odd:
        print(f"!! {row['name']}: HTTP {row['status']}, in-process {row.get('inproc_status')}")
    (WORK_DIR / "pages.json").write_text(json.dumps(rows, indent=1))
    (WORK_DIR / "pages.md").write_text(output + "\n")


if __name__ == "__main__":
    main()
