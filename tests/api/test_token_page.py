"""The organiser creates a token on a page of the app (shown once, only its digest kept) and revokes it."""

import re

import pytest
from django.urls import reverse

from sayembara.api import services
from sayembara.api.models import ApiToken
from sayembara.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_the_organiser_creates_a_token_shown_once_and_revokes_it(client_as, demo_users, api_get):
    client = client_as("organiser")
    page = client.get(reverse("api:tokens"))
    assert page.status_code == 200 and "Token API" in page.content.decode()  # Indonesian by default
    created = client.post(reverse("api:tokens"), {"name": "Skrip rekap"})
    assert created.status_code == 200 and "no-store" in created["Cache-Control"]
    key = re.search(r'data-testid="token-key">([^<]+)<', created.content.decode()).group(1)
    token = ApiToken.objects.get(user=demo_users["organiser"])
    assert token.name == "Skrip rekap" and token.digest == services.digest(key) and key not in token.digest
    assert AuditEvent.objects.filter(model="api.apitoken", object_id=str(token.pk)).exists()
    # Shown once: the page no longer shows the key.
    assert key not in client.get(reverse("api:tokens")).content.decode()
    assert api_get(reverse("api:export_entries", args=[2020]), key=key).status_code == 200

    revoked = client.post(reverse("api:token_revoke", args=[token.pk]))
    assert revoked.status_code == 302 and revoked["Location"] == reverse("api:tokens")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert api_get(reverse("api:export_entries", args=[2020]), key=key).status_code == 401


def test_a_nameless_token_is_refused_with_the_reason(client_as):
    response = client_as("organiser").post(reverse("api:tokens"), {"name": "   "})
    assert response.status_code == 400 and 'data-testid="token-error"' in response.content.decode()
    assert not ApiToken.objects.exists()


def test_only_the_organiser_has_the_page_and_only_their_own_tokens(client_as, demo_users):
    token = services.create_token(demo_users["organiser"], "mine").token
    for role in ("innovator", "juror", "verifier"):
        assert client_as(role).get(reverse("api:tokens")).status_code == 403
        assert client_as(role).post(reverse("api:tokens"), {"name": "x"}).status_code == 403
        assert client_as(role).post(reverse("api:token_revoke", args=[token.pk])).status_code == 403
    assert client_as("anonymous").get(reverse("api:tokens")).status_code == 302
    with pytest.raises(services.ApiError):
        services.create_token(demo_users["innovator"], "not mine")
    with pytest.raises(services.ApiError):
        services.revoke_token(demo_users["innovator"], token)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_dashboard_links_to_the_token_page(client_as):
    assert reverse("api:tokens") in client_as("organiser").get("/organiser/").content.decode()
