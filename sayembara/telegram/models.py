"""The organiser's Telegram bot and channel, and the log of every post to the channel."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TelegramSettings(models.Model):
    """The one bot the site posts with and the channel it posts to (a single row)."""

    # A secret: never rendered back, logged, audited or put in a job record; pages show ``token_tail`` only.
    token = models.CharField(_("bot token"), max_length=200, blank=True)
    token_tail = models.CharField(max_length=4, blank=True)
    chat = models.CharField(_("channel"), max_length=100, blank=True,
                            help_text=_("The channel's @name (e.g. @humaspemalang) or its numeric chat id."))
    bot_name = models.CharField(_("bot"), max_length=200, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Telegram settings")
        verbose_name_plural = _("Telegram settings")

    def __str__(self) -> str:
        return self.chat or "Telegram"

    @property
    def is_ready(self) -> bool:
        return bool(self.token and self.chat)


class ChannelPost(models.Model):
    """One message to the channel: what it said, and what became of it."""

    class Kind(models.TextChoices):
        CALL = "call", _("Call for entries")
        REMINDER = "reminder", _("Reminder before the submission deadline")
        SCREENING = "screening", _("Screening announcement")
        PROVISIONAL = "provisional", _("Provisional list (public test)")
        WINNERS = "winners", _("Winners")

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    edition = models.ForeignKey("editions.Edition", on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("edition"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    chat = models.CharField(_("channel"), max_length=100)
    text = models.TextField(_("text"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    message_id = models.BigIntegerField(_("Telegram message id"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    # The day a scheduled reminder was for: one a day per edition at most.
    reminder_day = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("by"))
    created_at = models.DateTimeField(_("queued at"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("channel post")
        verbose_name_plural = _("channel posts")
        constraints = [
            models.UniqueConstraint(fields=["edition", "kind", "reminder_day"], condition=Q(reminder_day__isnull=False),
                                    name="telegram_one_scheduled_reminder_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.edition_id} · {self.state}"
