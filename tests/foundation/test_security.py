"""Security defaults: deploy checks, login throttling, CSRF, private headers."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def test_production_settings_pass_check_deploy():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sayembara.settings_production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "lomba.example.go.id",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_a_missing_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sayembara.settings_production", "SECRET_KEY": ""}
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_repeated_wrong_passwords_lock_the_login(settings, demo_users):
    client = Client()
    url = reverse("accounts:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(url, {"username": "juri.akademisi@pemalang.demo", "password": "salah"})
    # Even the right password is refused while locked, with a page that says why.
    response = client.post(url, {"username": "juri.akademisi@pemalang.demo", "password": "pemalang-demo-2020"})
    assert response.status_code == 429
    assert "Terlalu banyak" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_right_password_logs_in_and_the_email_is_case_insensitive(demo_users):
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": "JURI.Akademisi@Pemalang.demo", "password": "pemalang-demo-2020"})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == demo_users["juror"].pk


@pytest.mark.django_db
def test_posts_without_a_csrf_token_are_refused(demo_users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(demo_users["organiser"], backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(reverse("results:compute", args=[2020]), {"method": "mean"})
    assert response.status_code == 403


@pytest.mark.django_db
def test_pages_carry_protective_headers(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Content-Language"] == "id"


@pytest.mark.django_db
def test_health_reports_the_database(client):
    assert client.get("/health/").json()["database"] == "ok"  # the other parts: tests/jobs/test_health.py
