"""A small client of Telegram's Bot API (``getMe``, ``sendMessage``): standard library only.

Every call has an explicit timeout and a bounded number of tries. A network error, a 5xx answer and a 429 are
tried again after a growing wait (a 429's ``parameters.retry_after`` is honoured, up to ``RETRY_AFTER_MAX``);
any other 4xx is final. Whatever goes wrong becomes a :class:`TelegramError` whose message is in the user's
language and never carries the bot's token (the token is part of the address, so addresses are never shown or
logged). The address is ``settings.TELEGRAM_API_BASE`` (tests point it at a fake of their own).
"""

from __future__ import annotations

import http.client
import json
import socket
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.utils.translation import gettext as _

from sayembara.errors import DomainError

# Seconds to wait for an answer; tries in all (the first one included); the first wait between tries (doubled each
# time); the longest wait a 429 may ask for before we give up rather than hold a worker.
TIMEOUT = 10.0
ATTEMPTS = 3
BACKOFF = 1.0
RETRY_AFTER_MAX = 30
MESSAGE_MAX_CHARS = 4096


class TelegramError(DomainError):
    """Telegram refused or could not be reached; the message says which, in words."""

    def __init__(self, message: str, *, status: int | None = None):
        super().__init__(message)
        self.status = status


class _Retry(Exception):
    def __init__(self, error: TelegramError, wait: float | None = None):
        self.error, self.wait = error, wait


def get_me(token: str) -> dict:
    """The bot's own description (``id``, ``first_name``, ``username``)."""
    return call(token, "getMe", {})


def send_message(token: str, chat: str, text: str) -> dict:
    """Post ``text`` (Telegram HTML) to ``chat``; returns the sent message (with its ``message_id``)."""
    return call(token, "sendMessage", {"chat_id": chat, "text": text, "parse_mode": "HTML",
                                       "link_preview_options": {"is_disabled": True}})


def call(token: str, method: str, payload: dict) -> dict:
    if not token:
        raise TelegramError(_("No bot token is set."))
    url = f"{settings.TELEGRAM_API_BASE.rstrip('/')}/bot{token}/{method}"
    body = json.dumps(payload).encode("utf-8")
    wait = BACKOFF
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _once(url, body, token)
        except _Retry as retry:
            if attempt == ATTEMPTS:
                raise retry.error from None
            if retry.wait is not None and retry.wait > RETRY_AFTER_MAX:
                raise retry.error from None
            time.sleep(retry.wait if retry.wait is not None else wait)
            wait *= 2
    raise AssertionError("unreachable")  # pragma: no cover


def _once(url: str, body: bytes, token: str) -> dict:
    try:
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": "application/json", "User-Agent": "sayembara"})
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            answer = _json(response.read())
    except urllib.error.HTTPError as error:
        answer = _json(error.read())
        status = error.code
        error.close()
        description = _scrub(str(answer.get("description") or ""), token)
        if status == 429:
            after = (answer.get("parameters") or {}).get("retry_after")
            after = float(after) if isinstance(after, (int, float)) and after >= 0 else None
            raise _Retry(TelegramError(_("Telegram asked us to slow down (too many messages); try again in a few "
                                         "minutes."), status=status), after) from None
        if status >= 500:
            raise _Retry(TelegramError(_("Telegram did not answer properly (server error %(status)s); try again "
                                         "later.") % {"status": status}, status=status)) from None
        raise TelegramError(_refusal(status, description), status=status) from None
    except (TimeoutError, socket.timeout):
        raise _Retry(TelegramError(_("Telegram did not answer within %(seconds)s seconds.") % {"seconds": _secs()})) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, (TimeoutError, socket.timeout)):
            raise _Retry(TelegramError(_("Telegram did not answer within %(seconds)s seconds.") % {"seconds": _secs()})) from None
        raise _Retry(TelegramError(_("Telegram could not be reached (%(reason)s).") % {
            "reason": _scrub(str(error.reason), token)})) from None
    except (ConnectionError, OSError, http.client.HTTPException) as error:
        raise _Retry(TelegramError(_("Telegram could not be reached (%(reason)s).") % {
            "reason": _scrub(str(error) or type(error).__name__, token)})) from None
    except ValueError:  # a malformed TELEGRAM_API_BASE; urllib's message would quote the address, token and all
        raise TelegramError(_("The address of Telegram's Bot API (TELEGRAM_API_BASE) is not a valid web address.")) from None
    if not answer.get("ok"):
        raise TelegramError(_refusal(200, _scrub(str(answer.get("description") or ""), token)))
    result = answer.get("result")
    return result if isinstance(result, dict) else {}


def _refusal(status: int, description: str) -> str:
    if status == 401:
        return _("Telegram does not know this bot token (401 Unauthorized): check the token given by @BotFather.")
    if status == 403:
        return _("The bot may not post in this channel (403): add the bot to the channel as an administrator "
                 "allowed to post messages.")
    if status == 400 and "chat not found" in description.lower():
        return _("Telegram does not know this channel (chat not found): check its @name or number, and that the "
                 "bot is a member.")
    return _("Telegram refused the message (%(status)s): %(description)s") % {
        "status": status, "description": description[:300] or _("no reason given")}


def _json(raw: bytes) -> dict:
    try:
        value = json.loads(raw.decode("utf-8", "replace") or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _scrub(text: str, token: str) -> str:
    return text.replace(token, "…") if token else text


def _secs() -> str:
    return f"{TIMEOUT:g}"
