"""Shared fixtures. The Pemalang demo is loaded once per test database, then each test runs in a rolled-back transaction."""

import os
import uuid

import pytest

DEMO_EMAILS = {
    "organiser": "panitia@pemalang.demo",
    "verifier": "verifikator.dukcapil@pemalang.demo",
    "innovator": "inovator.dukcapil@pemalang.demo",
    "juror": "juri.akademisi@pemalang.demo",
}
ROLES = ["anonymous", "outsider", "innovator", "verifier", "juror", "organiser"]
# People the matrix also tries, each expected to get what the named base role gets unless a case says otherwise:
# a stranger who asked to join Disdukcapil (not approved yet) gets no more than an outsider; a member and a
# verifier of another unit (Dinkes) try Disdukcapil's objects; a juror of 2019 only tries 2026's jury pages.
EXTRA_ROLES = {"stranger": "outsider", "other_unit": "innovator", "other_verifier": "verifier", "other_juror": "juror"}
ALL_ROLES = ROLES + list(EXTRA_ROLES)


def _test_broker() -> str:
    """Redis when it answers (else Celery's in-memory broker); in CI Redis must answer."""
    import redis

    url = os.environ.get("JOBS_TEST_BROKER_URL", "redis://127.0.0.1:6379/14")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        return url
    except redis.exceptions.RedisError:
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"Redis does not answer at {url}: CI runs the job tests on a real broker")
        return "memory://"


# The broker and the queue are set for the whole session before anything uses the Celery app, so no test message
# reaches the development broker under var/queue, and parallel test runs (xdist workers, other checkouts on the
# same Redis) never take each other's tasks: each process has its own queue.
QUEUE = f"sayembara-tests-{uuid.uuid4().hex[:10]}"


def pytest_configure(config):
    from sayembara.celery import app as celery_app

    celery_app.conf.update(broker_url=_test_broker(), broker_transport_options={}, task_default_queue=QUEUE,
                           worker_hijack_root_logger=False)

    # Hashing every test person's password with PBKDF2 took about half of the suite's CPU time. The browser
    # tests' server runs in its own process with the real hashers.
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def _remove_the_queue():
    """The session's queue leaves nothing behind on the broker."""
    yield
    from sayembara.celery import app as celery_app

    with celery_app.connection_for_write() as connection:
        channel = connection.default_channel
        channel.queue_delete(QUEUE)
        if connection.transport.driver_type == "redis":  # the exchange's bindings, named after the queue
            channel.client.delete(f"_kombu.binding.{QUEUE}", f"_kombu.binding_permanent.{QUEUE}")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.core.cache import cache

    # The PostgreSQL run caches in a Redis database of its own: counters (throttles) of an earlier run must not count.
    cache.clear()
    with django_db_blocker.unblock():
        from sayembara import demo

        demo.build()


@pytest.fixture
def demo_users(db):
    from sayembara.accounts.models import User

    users = {role: User.objects.get(email=email) for role, email in DEMO_EMAILS.items()}
    users["outsider"] = User.objects.create_user(
        email="orang.luar@example.org", username="orang.luar", full_name="Orang Luar", password="x-unused-password-1"
    )
    users.update(_extra_people(users))
    return users


def _extra_people(users):
    from sayembara.accounts import membership
    from sayembara.accounts.models import User
    from sayembara.editions.models import Edition
    from sayembara.institutions.models import Institution
    from sayembara.jury.models import Juror

    dukcapil = users["innovator"].institution
    dinkes = Institution.objects.get(short_name="Dinkes")

    def person(email, name, **fields):
        return User.objects.create_user(email=email, username=email.split("@")[0], full_name=name,
                                        password="x-unused-password-1", **fields)

    stranger = person("orang.asing@example.org", "Orang Asing", position="Staf")
    membership.request_membership(stranger, dukcapil)
    other_unit = person("inovator.dinkes@example.org", "Inovator Dinkes")
    membership.grant(other_unit, dinkes, by=users["organiser"])
    other_verifier = person("verifikator.dinkes@example.org", "Verifikator Dinkes", verified_institution=dinkes)
    membership.grant(other_verifier, dinkes, by=users["organiser"])
    other_juror = person("juri.lain@example.org", "Juri Lain")
    Juror.objects.create(edition=Edition.objects.get(year=2019), user=other_juror, element="academic",
                         code_of_conduct_accepted_at=other_juror.date_joined)
    from django.core import mail

    mail.outbox.clear()  # the stranger's request e-mailed the verifier; tests count their own mail
    return {"stranger": stranger, "other_unit": other_unit, "other_verifier": other_verifier, "other_juror": other_juror}


@pytest.fixture
def client_as(client, demo_users):
    """``client_as(role)`` gives a test client logged in with that role (or anonymous)."""
    from django.test import Client

    def make(role: str) -> Client:
        c = Client()
        if role != "anonymous":
            c.force_login(demo_users[role], backend="django.contrib.auth.backends.ModelBackend")
        return c

    return make


@pytest.fixture
def edition_2020(db):
    from sayembara.editions.models import Edition

    return Edition.objects.get(year=2020)


def pytest_report_header(config):
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE']} ({os.environ.get('DATABASE_URL', 'default SQLite')})"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and cached figures live in the cache: each test starts without them."""
    from django.core.cache import cache

    from sayembara.results import freeze

    cache.clear()
    # Row ids can come back after a test's rollback: the remembered sheet → edition links start afresh too.
    freeze._edition_via.cache_clear()
    yield


@pytest.fixture
def run_jobs(db):
    """``run_jobs()`` runs the jobs this test's requests queued, here and now, through the runner the worker uses.

    A test's transaction never commits, so nothing reaches the queue; tests/jobs runs jobs on a real worker.
    Returns the jobs as they ended.
    """
    from sayembara.jobs.models import Job
    from sayembara.jobs.services import task_named

    def run():
        ended = []
        for job in Job.objects.filter(state=Job.State.QUEUED).order_by("pk"):
            task_named(job.kind).apply(args=(job.pk,))
            job.refresh_from_db()
            ended.append(job)
        return ended

    return run
