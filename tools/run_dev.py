#!/usr/bin/env python3
"""``make run``: Django's development server with a Celery worker (and its beat) beside it.

Jobs never run inside a request, on a laptop either: the worker takes them from the broker (Redis when
REDIS_URL or CELERY_BROKER_URL is set, otherwise a folder under var/queue) and runs the scheduled work
(heartbeat, sweeps). The worker prints what it sends with the console e-mail backend and its warnings here;
it is stopped when the server stops (Ctrl-C). After changing a task's code, restart ``make run``: the server
reloads itself, the worker does not.

Standard library only, plus the project's Python (the one with Django and Celery installed):
``.venv/bin/python tools/run_dev.py 127.0.0.1:8000``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STOP_WAIT = 15  # seconds a running job gets to finish when the server stops


def stop(process: subprocess.Popen, group: bool) -> None:
    """SIGTERM to the process (or its whole group: the server's autoreloader child), then kill what is left.

    The worker is signalled alone: it stops its pool and beat itself, letting the running job finish.
    """
    if process.poll() is not None:
        return
    (os.killpg if group else os.kill)(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_WAIT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def _interrupted(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    address = argv[1] if len(argv) > 1 else "127.0.0.1:8000"
    python = sys.executable
    # Each in a process group of its own, so that Ctrl-C reaches this script alone and it stops them in order:
    # first the server, then the worker (a warm shutdown: the running job may finish).
    worker = subprocess.Popen(
        [python, "-m", "celery", "-A", "sayembara", "--quiet", "worker", "--beat", "--concurrency", "1",
         "--loglevel", "WARNING"], cwd=ROOT, process_group=0)
    print(f"Worker started (pid {worker.pid}): jobs and e-mail run there, outside the requests.", flush=True)
    signal.signal(signal.SIGTERM, _interrupted)
    signal.signal(signal.SIGINT, _interrupted)
    server = None
    try:
        server = subprocess.Popen([python, "manage.py", "runserver", address], cwd=ROOT, process_group=0)
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if server is not None:
            stop(server, group=True)
        stop(worker, group=False)
        print("Server and worker stopped.", flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
