"""Every write of the Telegram app: the bot's settings, queuing a post (sent by a job), sending it, reminders."""

from __future__ import annotations

import datetime as dt
import logging
import re

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sayembara import jobs
from sayembara.audit.trail import acting_as
from sayembara.editions.models import Edition
from sayembara.errors import DomainError

from . import bot_api, compose
from .models import ChannelPost, TelegramSettings

logger = logging.getLogger(__name__)

SEND_POST = "sayembara.telegram.tasks.send_post"
CHECK_BOT = "sayembara.telegram.tasks.check_bot"
# Scheduled reminders go out this many days before the submission deadline (and on its last day: 0 is not here).
REMINDER_DAYS = (7, 3, 1)
# The same text of the same kind is not posted twice within this time (a double click posts once).
REPEAT_WINDOW = dt.timedelta(minutes=10)

TOKEN_RE = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{20,100}$")
CHAT_RE = re.compile(r"^(@[A-Za-z][A-Za-z0-9_]{3,31}|-?\d{1,20})$")


class TelegramSetupError(DomainError):
    """The bot or channel given cannot be right, or is not set: the message says what to fix."""


def current() -> TelegramSettings:
    return TelegramSettings.objects.filter(pk=1).first() or TelegramSettings(pk=1)


def save_settings(*, token: str, chat: str, by) -> TelegramSettings:
    """Keep the bot token (empty: keep the one stored) and the channel. The token is never echoed back."""
    conf = current()
    token, chat = (token or "").strip(), (chat or "").strip()
    if token and not TOKEN_RE.match(token):
        raise TelegramSetupError(_("This does not look like a bot token: @BotFather gives one like "
                                   "123456789:AAH… (digits, a colon, then letters)."))
    if not token and not conf.token:
        raise TelegramSetupError(_("Give the bot token from @BotFather."))
    if not CHAT_RE.match(chat):
        raise TelegramSetupError(_("Give the channel as its @name (e.g. @humaspemalang) or its numeric chat id "
                                   "(e.g. -1001234567890)."))
    with acting_as(by):
        if token and token != conf.token:
            conf.token, conf.token_tail, conf.bot_name, conf.checked_at = token, token[-4:], "", None
        conf.chat, conf.updated_by, conf.updated_at = chat, by, timezone.now()
        conf.save()
    return conf


def check_bot(by):
    """Ask Telegram who the bot is (``getMe``), as a job: the job's page says the bot's name or the error."""
    if not current().token:
        raise TelegramSetupError(_("Give the bot token from @BotFather first."))
    return jobs.start(CHECK_BOT, "check", by=by, scope="telegram")


def run_check() -> str:
    """The job's work: the bot's name, kept on the settings, in words."""
    conf = current()
    me = bot_api.get_me(conf.token)
    name = me.get("first_name") or ""
    username = me.get("username") or ""
    label = f"{name} (@{username})" if username else name
    TelegramSettings.objects.filter(pk=conf.pk).update(bot_name=label[:200], checked_at=timezone.now())
    return _("Connected: the bot is %(bot)s.") % {"bot": label or "?"}


def preview(edition: Edition, kind: str) -> tuple[str | None, str | None]:
    """(text, None) when the post may be made, or (None, the reason it may not)."""
    try:
        return compose.build(edition, kind), None
    except compose.PostRefused as refused:
        return None, str(refused)


def queue_post(edition: Edition, kind: str, *, by=None, reminder_day: dt.date | None = None) -> ChannelPost:
    """Write the post's text now (what the organiser previewed) and hand the sending to a job."""
    conf = current()
    if not conf.is_ready:
        raise TelegramSetupError(_("Connect a bot and a channel first."))
    text = compose.build(edition, kind, today=reminder_day)
    if reminder_day is None and ChannelPost.objects.filter(
        edition=edition, kind=kind, text=text, created_at__gte=timezone.now() - REPEAT_WINDOW,
        state__in=[ChannelPost.State.QUEUED, ChannelPost.State.SENT],
    ).exists():
        # A double click, or two organisers at once: the channel gets the message once.
        raise TelegramSetupError(_("This very post was queued or sent a few minutes ago: see the log below."))
    post = ChannelPost.objects.create(edition=edition, kind=kind, chat=conf.chat, text=text, reminder_day=reminder_day,
                                      created_by=by if by is not None and by.is_authenticated else None)
    jobs.start(SEND_POST, f"post:{post.pk}", by=by, scope="telegram", post_pk=post.pk)
    return post


def send(post_pk: int) -> ChannelPost:
    """The job's work: post to the channel and record the message id, or the error in words."""
    post = ChannelPost.objects.select_related("edition").get(pk=post_pk)
    if post.state == ChannelPost.State.SENT:
        return post
    conf = current()
    try:
        if not conf.token:
            raise TelegramSetupError(_("No bot token is set."))
        message = bot_api.send_message(conf.token, post.chat, post.text)
    except DomainError as error:
        ChannelPost.objects.filter(pk=post.pk).update(state=ChannelPost.State.FAILED, error=str(error)[:1000])
        raise
    except Exception:
        ChannelPost.objects.filter(pk=post.pk).update(state=ChannelPost.State.FAILED,
                                                      error=_("The post could not be sent (an error of this site)."))
        raise
    post.state, post.message_id, post.sent_at, post.error = (
        ChannelPost.State.SENT, message.get("message_id"), timezone.now(), "")
    ChannelPost.objects.filter(pk=post.pk).update(state=post.state, message_id=post.message_id, sent_at=post.sent_at,
                                                  error="")
    return post


def remind_deadlines(today: dt.date | None = None) -> int:
    """Post a reminder for each edition open for entries whose deadline is ``REMINDER_DAYS`` away: once a day."""
    if not current().is_ready:
        return 0
    today = today or timezone.localdate()
    queued = 0
    for edition in Edition.objects.filter(status=Edition.Status.OPEN):
        if compose.days_left(edition, today) not in REMINDER_DAYS:
            continue
        # One reminder a day: the schedule's, or one the organiser already posted by hand today.
        start_of_today = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
        if ChannelPost.objects.filter(edition=edition, kind=ChannelPost.Kind.REMINDER).filter(
            Q(reminder_day=today) | Q(reminder_day__isnull=True, created_at__gte=start_of_today,
                                      created_at__lt=start_of_today + dt.timedelta(days=1),
                                      state__in=[ChannelPost.State.QUEUED, ChannelPost.State.SENT])
        ).exists():
            continue
        try:
            with transaction.atomic():
                queue_post(edition, ChannelPost.Kind.REMINDER, reminder_day=today)
        except IntegrityError:  # another run of the schedule got there first
            continue
        except DomainError as refused:
            logger.info("no reminder for %s: %s", edition.year, refused)
            continue
        queued += 1
    return queued
