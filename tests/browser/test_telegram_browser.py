"""The organiser connects the Telegram bot, previews the call for entries, posts it, and sees it sent in the log.

The live server (gunicorn and its Celery worker, in subprocesses) reaches a fake Bot API running here: the
fake's socket is bound when this module is imported, before the session's server starts, and the address is put
in the environment the server is given (``TELEGRAM_API_BASE``). The post really travels: page → job → worker →
fake Bot API → the log.
"""

from __future__ import annotations

import os
import time

import pytest

from tests.telegram.fake_bot_api import GOOD_TOKEN, FakeBotApi

from .conftest import login

# Bound now (collection comes before any fixture): the server fixture copies os.environ when it starts.
FAKE = FakeBotApi()
if "TELEGRAM_API_BASE" not in os.environ:
    os.environ["TELEGRAM_API_BASE"] = FAKE.url


@pytest.fixture(scope="module")
def fake_bot_api():
    if os.environ["TELEGRAM_API_BASE"] != FAKE.url:
        pytest.skip("TELEGRAM_API_BASE is set in the environment: the live server posts elsewhere")
    FAKE.start()
    yield FAKE
    FAKE.stop()


def test_organiser_connects_the_bot_previews_and_posts_the_call(page, server, fake_bot_api):
    login(page, "organiser")
    page.goto("/organiser/telegram/")
    page.fill("input[name=token]", GOOD_TOKEN)
    page.fill("input[name=chat]", "@humaspemalang")
    page.get_by_test_id("save-bot").click()
    state = page.get_by_test_id("bot-state").inner_text()
    assert "…" + GOOD_TOKEN[-4:] in state and "@humaspemalang" in state
    assert GOOD_TOKEN not in page.content()
    assert page.input_value("input[name=token]") == ""  # never filled back in

    page.get_by_test_id("check-bot").click()
    page.wait_for_selector('[data-testid=job][data-state=done]', timeout=30_000)
    assert "Humas Bot (@humas_test_bot)" in page.get_by_test_id("job-message").inner_text()

    page.goto("/organiser/")
    page.get_by_test_id("telegram-link").click()
    preview = page.get_by_test_id("preview-call")
    assert "2027" in preview.get_by_test_id("preview-text").inner_text()
    # The winners of 2027 are not out: no button, the reason in words.
    assert page.get_by_test_id("preview-winners").get_by_test_id("refusal").is_visible()
    preview.get_by_test_id("post-call").click()
    row = page.get_by_test_id("post-row").filter(has_text="2027").first
    assert row.get_attribute("data-kind") == "call"

    # The worker sends it; the log says so once Telegram (the fake) has taken it.
    deadline = time.monotonic() + 30
    while not fake_bot_api.sent() and time.monotonic() < deadline:
        time.sleep(0.2)
    [sent] = fake_bot_api.sent()
    assert sent["body"]["chat_id"] == "@humaspemalang" and sent["body"]["parse_mode"] == "HTML"
    assert sent["token"] == GOOD_TOKEN and "2027" in sent["body"]["text"]
    for _ in range(50):
        page.reload()
        row = page.get_by_test_id("post-row").first
        if row.get_attribute("data-state") != "queued":
            break
        time.sleep(0.3)
    assert row.get_attribute("data-state") == "sent", row.inner_text()
    assert str(fake_bot_api.next_message_id) in row.inner_text()
