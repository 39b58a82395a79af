import pytest


def key_for(user, name="test") -> str:
    """A token for anyone (the page gives them to organisers only: this stands for a demoted organiser's token)."""
    from sayembara.api import services
    from sayembara.api.models import ApiToken

    key = services.KEY_PREFIX + f"{user.pk}-{name}-0123456789abcdefghij"
    ApiToken.objects.create(user=user, name=name, prefix=key[:8], digest=services.digest(key))
    return key


@pytest.fixture
def organiser_key(demo_users):
    from sayembara.api import services

    return services.create_token(demo_users["organiser"], "export script").key


@pytest.fixture
def api_get(client):
    """``api_get(url, key=None, **params)``: a GET with the token, if any, in the Authorization header."""

    def get(url, key=None, **params):
        headers = {"Authorization": f"Token {key}"} if key else {}
        return client.get(url, params, headers=headers)

    return get
