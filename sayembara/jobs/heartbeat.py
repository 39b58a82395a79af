"""The worker's heartbeat: a time stamp in the cache that the web and the worker share (``CACHES["shared"]``).

The worker writes it when it starts and every 30 s from the beat schedule (``sayembara.jobs.tasks.heartbeat``),
so a fresh one says that a worker takes tasks from the broker and that scheduled work runs.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import caches

KEY = "sayembara:worker-heartbeat"


def _cache():
    return caches["shared"]


def beat() -> None:
    _cache().set(KEY, time.time(), timeout=24 * 60 * 60)


def forget() -> None:
    _cache().delete(KEY)


def age() -> float | None:
    """Seconds since the last heartbeat, or None when there has been none."""
    at = _cache().get(KEY)
    return None if at is None else max(0.0, time.time() - float(at))


def alive() -> bool:
    seconds = age()
    return seconds is not None and seconds < settings.WORKER_HEARTBEAT_MAX_AGE
