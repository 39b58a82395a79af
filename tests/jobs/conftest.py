"""A real Celery worker for the job tests, on Redis when it answers (else Celery's in-memory broker).

The broker and the queue are set for the whole test session before anything uses the Celery app, so no test
message reaches the development broker under var/queue, and parallel test runs (xdist workers, other checkouts
on the same Redis) never take each other's tasks: each process has its own queue.
"""

import os
import time
import uuid

import pytest
import redis
from django.db import connections

from sayembara.celery import app as celery_app

BROKER_FOR_TESTS = os.environ.get("JOBS_TEST_BROKER_URL", "redis://127.0.0.1:6379/14")


def _broker() -> str:
    try:
        redis.Redis.from_url(BROKER_FOR_TESTS, socket_connect_timeout=1).ping()
        return BROKER_FOR_TESTS
    except redis.exceptions.RedisError:
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"Redis does not answer at {BROKER_FOR_TESTS}: CI runs the job tests on a real broker")
        return "memory://"


QUEUE = f"sayembara-tests-{uuid.uuid4().hex[:10]}"
celery_app.conf.update(broker_url=_broker(), broker_transport_options={}, task_default_queue=QUEUE,
                       worker_hijack_root_logger=False)

from . import tasks_for_tests  # noqa: E402,F401  (registers the tests' tasks)


@pytest.fixture(scope="session", autouse=True)
def _remove_the_queue():
    """The session's queue leaves nothing behind on the broker."""
    yield
    with celery_app.connection_for_write() as connection:
        channel = connection.default_channel
        channel.queue_delete(QUEUE)
        if connection.transport.driver_type == "redis":  # the exchange's bindings, named after the queue
            channel.client.delete(f"_kombu.binding.{QUEUE}", f"_kombu.binding_permanent.{QUEUE}")


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
