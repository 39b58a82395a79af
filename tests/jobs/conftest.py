"""A real Celery worker for the job tests, on the test session's broker and queue (see tests/conftest.py)."""

import time
import uuid

import pytest
from django.db import connections

from sayembara.celery import app as celery_app

from . import tasks_for_tests  # noqa: E402,F401  (registers the tests' tasks)


@pytest.fixture(autouse=True)
def _own_shared_cache(settings):
    """The worker's heartbeat lives in the shared cache: each test gets one of its own."""
    settings.CACHES = {**settings.CACHES, "shared": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"shared-{uuid.uuid4().hex}"}}


@pytest.fixture
def fast_retries(settings):
    settings.JOB_RETRY_BACKOFF = 0
    settings.JOB_MAX_RETRIES = 3


def _close_worker_connections(**kwargs):
    connections.close_all()  # the worker thread's own: PostgreSQL drops the test database only once they are gone


def _in_memory_databases() -> dict:
    return {alias: connections[alias] for alias in connections
            if connections[alias].vendor == "sqlite" and connections[alias].is_in_memory_db()}


@pytest.fixture
def worker(transactional_db):
    """A Celery worker in a thread of this process, taking tasks from the broker; stopped after the test.

    On PostgreSQL the worker has its own connection, as a real worker does. SQLite's in-memory test database
    locks whole tables between connections: the worker uses the test's connection, as Django's live server does.
    """
    from celery.contrib.testing.worker import start_worker
    from celery.signals import task_postrun, task_prerun

    shared = _in_memory_databases()
    for connection in shared.values():
        connection.inc_thread_sharing()

    def use_shared(**kwargs):
        for alias, connection in shared.items():
            connections[alias] = connection

    task_prerun.connect(use_shared, weak=False)
    task_postrun.connect(_close_worker_connections)
    try:
        with start_worker(celery_app, pool="solo", concurrency=1, perform_ping_check=False, shutdown_timeout=20) as w:
            yield w
    finally:
        task_prerun.disconnect(use_shared)
        task_postrun.disconnect(_close_worker_connections)
        for connection in shared.values():
            connection.dec_thread_sharing()


def wait_until(condition, seconds: float = 20, what: str = "the worker"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"{what} did not get there within {seconds} s")
