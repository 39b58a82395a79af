"""Shared settings of the national-scale benchmarks (bench/national_*.py).

One PostgreSQL database (``sayembara_national``), Redis database 12 (13-15 belong to the test suite), and a work
folder under /tmp holding the media folder, the build's facts and the sessions' cookies. Nothing here touches
another database.
"""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DB_NAME = "sayembara_national"
PG_SERVER = os.environ.get("NATIONAL_PG_SERVER", "postgres://postgres@127.0.0.1:5432")
DATABASE_URL = f"{PG_SERVER}/{DB_NAME}"
REDIS_URL = os.environ.get("NATIONAL_REDIS_URL", "redis://127.0.0.1:6379/12")
WORK_DIR = Path(os.environ.get("NATIONAL_WORK_DIR", "/tmp/sayembara-national"))
SESSIONS_FILE = WORK_DIR / "sessions.json"
PYTHON = os.environ.get("NATIONAL_PYTHON", sys.executable)

if not REDIS_URL.rstrip("/").rsplit("/", 1)[-1] == "12" and not os.environ.get("NATIONAL_ANY_REDIS_DB"):
    raise SystemExit("Use Redis database 12 for the national benchmarks (13-15 belong to the test suite).")


def environment() -> dict[str, str]:
    """The environment the app runs with, in-process and under gunicorn: the development settings, DEBUG off."""
    env = {
        "DJANGO_SETTINGS_MODULE": "sayembara.settings",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "SAYEMBARA_VAR_DIR": str(WORK_DIR / "var"),
        "MEDIA_ROOT": str(WORK_DIR / "var" / "media"),
        "STATIC_ROOT": str(WORK_DIR / "static"),
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_COOKIES": "0",
        "DB_CONN_MAX_AGE": "60",
        "LOG_LEVEL": "WARNING",
        # No worker runs: the benchmarks write its heartbeat once, and /health/ must not call it down meanwhile.
        "WORKER_HEARTBEAT_MAX_AGE": str(7 * 24 * 3600),
        # Mail goes to the outbox table (the default); no worker runs during the benchmarks.
    }
    return env


def setup_django() -> None:
    os.environ.update(environment())
    (WORK_DIR / "var" / "media").mkdir(parents=True, exist_ok=True)
    (WORK_DIR / "static").mkdir(parents=True, exist_ok=True)  # empty: pages are timed without their static files
    import django

    django.setup()


def load_facts() -> dict:
    if not SESSIONS_FILE.exists():
        raise SystemExit(f"{SESSIONS_FILE} is missing: run bench/national_build.py first.")
    return json.loads(SESSIONS_FILE.read_text())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def main_commit() -> str:
    import subprocess

    try:
        # The app's code as measured: the newest commit touching anything but the benchmarks and the Makefile.
        return subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h", "--", ".", ":!bench", ":!Makefile"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except Exception:  # noqa: BLE001 - only a label
        return "?"


@contextmanager
def gunicorn(env: dict, log_path: Path, *options: str):
    """gunicorn serving the app on a free port of 127.0.0.1 (``options``: workers, threads...), answering
    /health/ before the block runs; stopped after it. Yields its base URL."""
    import subprocess
    import time
    import urllib.request

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "sayembara.wsgi:application", "--bind",
                                   f"127.0.0.1:{port}", *options], cwd=ROOT, env=env, stdout=log,
                                  stderr=subprocess.STDOUT)
        try:
            for _ in range(150):
                try:
                    urllib.request.urlopen(base + "/health/", timeout=2)
                    break
                except Exception:  # noqa: BLE001 - not up yet
                    time.sleep(0.2)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)


def together(function, arguments: list[tuple]) -> float:
    """Run ``function(*args)`` for every tuple in its own thread, all at once; returns the wall time in seconds."""
    import threading
    import time

    threads = [threading.Thread(target=function, args=args) for args in arguments]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started
