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
    return users


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
