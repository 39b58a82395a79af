import pytest

from .fake_bot_api import GOOD_TOKEN, FakeBotApi


@pytest.fixture
def bot_api(settings):
    """The fake Bot API, running; the site's TELEGRAM_API_BASE points at it, and waits between tries are short."""
    from sayembara.telegram import bot_api as client

    fake = FakeBotApi().start()
    settings.TELEGRAM_API_BASE = fake.url
    saved = client.BACKOFF, client.TIMEOUT
    client.BACKOFF, client.TIMEOUT = 0.05, 1.0
    try:
        yield fake
    finally:
        client.BACKOFF, client.TIMEOUT = saved
        fake.stop()


@pytest.fixture
def connected(db, demo_users):
    """The organiser's bot and channel, stored."""
    from sayembara.telegram import services

    return services.save_settings(token=GOOD_TOKEN, chat="@humaspemalang", by=demo_users["organiser"])
