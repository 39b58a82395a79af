"""Shared fixtures. The Pemalang demo is loaded once per test database, then each test runs in a rolled-back transaction."""

import os

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


def pytest_configure(config):
    # Hashing every test person's password with PBKDF2 took about half of the suite's CPU time. The browser
    # tests' server runs in its own process with the real hashers.
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
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
