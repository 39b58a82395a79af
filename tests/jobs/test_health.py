"""/health/ tells the truth: each part ok or down, 503 when one is down."""

import time

import pytest

from sayembara.celery import app as celery_app
from sayembara.jobs import heartbeat


@pytest.fixture
def broker_down():
    saved = celery_app.conf.broker_url
    celery_app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens there
    yield
    celery_app.conf.broker_url = saved


@pytest.mark.django_db
def test_all_parts_up_is_200(client):
    heartbeat.beat()
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "broker": "ok", "worker": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_no_worker_heartbeat_is_503(client):
    heartbeat.forget()
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "down", "database": "ok", "cache": "ok", "broker": "ok", "worker": "down"}


@pytest.mark.django_db
def test_an_old_heartbeat_is_503(client, settings):
    from django.core.cache import caches

    caches["shared"].set(heartbeat.KEY, time.time() - settings.WORKER_HEARTBEAT_MAX_AGE - 1)
    assert client.get("/health/").json()["worker"] == "down"


@pytest.mark.django_db
@pytest.mark.usefixtures("broker_down")
def test_an_unreachable_broker_is_503_quickly(client):
    heartbeat.beat()
    started = time.monotonic()
    response = client.get("/health/")
    assert time.monotonic() - started < 5
    assert response.status_code == 503 and response.json()["broker"] == "down"
