"""``/health/`` for the proxy, the orchestrator and the operator: is each part up, in one JSON answer.

``{"status": "ok", "database": "ok", "cache": "ok", "broker": "ok", "worker": "ok"}`` with 200, or with
"down" for the parts that are down and 503. The worker counts as up while its heartbeat is younger than
``WORKER_HEARTBEAT_MAX_AGE`` seconds.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from sayembara.celery import app as celery_app

from . import heartbeat

logger = logging.getLogger(__name__)

BROKER_TIMEOUT = 2  # seconds


def database_ok() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return True


def cache_ok() -> bool:
    token = secrets.token_hex(8)
    cache.set("sayembara:health", token, timeout=10)
    return cache.get("sayembara:health") == token


def broker_ok() -> bool:
    with celery_app.connection_for_write(connect_timeout=BROKER_TIMEOUT) as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=BROKER_TIMEOUT)
        return conn.connected


CHECKS = {"database": database_ok, "cache": cache_ok, "broker": broker_ok, "worker": heartbeat.alive}


def _state(name, check) -> str:
    try:
        return "ok" if check() else "down"
    except Exception as exc:  # whatever the part raises, it is down; the log says why
        logger.warning("health: %s is down: %s", name, exc)
        return "down"


@never_cache
def health(request):
    parts = {name: _state(name, check) for name, check in CHECKS.items()}
    up = all(state == "ok" for state in parts.values())
    return JsonResponse({"status": "ok" if up else "down", **parts}, status=200 if up else 503)
